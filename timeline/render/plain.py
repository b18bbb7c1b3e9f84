"""The chronology as plain text: no colour, no escape codes, wrapped to the width."""

from __future__ import annotations

import textwrap

from timeline.model import Event
from timeline.render import RenderContext
from timeline.render.layout import chronology


def render(events: list[Event], context: RenderContext) -> str:
    """Plain text of the chronology, for pipes, files and NO_COLOR."""
    if not events:
        return "No events.\n"
    out: list[str] = []
    for line in chronology(events, context.verbose):
        if not line.segments:
            out.append("")
            continue
        hang = line.indent + (2 if line.text.startswith("• ") else 0)
        out.append(
            textwrap.fill(
                line.text,
                width=max(context.width, 40),
                initial_indent=" " * line.indent,
                subsequent_indent=" " * hang,
                break_on_hyphens=False,
            )
        )
    return "\n".join(out) + "\n"
