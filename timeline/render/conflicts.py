"""Events whose sources disagree on the date: the competing dates side by side."""

from __future__ import annotations

import json
import textwrap

from timeline.curate import Conflict
from timeline.render.labels import value_label
from timeline.render.layout import literal


def render_conflicts(found: list[Conflict], width: int = 80) -> str:
    """Plain text: each event, then each date it is given with the sources that give it."""
    if not found:
        return "No conflicting dates.\n"
    out: list[str] = []
    for conflict in found:
        event = conflict.event
        out.append(f"{event.id}  {literal(event.title)}")
        for value, sources in conflict.dates.items():
            chosen = " (the event's date)" if value == event.date else ""
            count = f"{len(sources)} source{'s' if len(sources) != 1 else ''}"
            out.append(f"  {value_label(value)}{chosen}: {count}")
            for source in sources:
                line = f"{source.document} · {source.expression}: “{source.quote}”"
                out.append(
                    textwrap.fill(
                        literal(line), width, initial_indent="    ", subsequent_indent="      "
                    )
                )
        out.append("")
    return "\n".join(out)


def conflicts_json(found: list[Conflict]) -> str:
    """The conflicts for scripts: id, title, date and the sources of each competing date."""
    data = [
        {
            "id": c.event.id,
            "title": c.event.title,
            "date": c.event.date,
            "dates": {value: [vars(s) for s in sources] for value, sources in c.dates.items()},
        }
        for c in found
    ]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
