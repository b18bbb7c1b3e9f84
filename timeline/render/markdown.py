"""A markdown chronology with footnotes citing each source and its quote.

Text from documents is escaped so that asterisks, brackets, pipes or HTML in a
quote cannot change the page's structure.
"""

from __future__ import annotations

import re

from timeline.model import Event
from timeline.render import RenderContext
from timeline.render.labels import conflict_note, date_label, period_heading
from timeline.render.layout import CONTROL_CHARACTERS, literal

MARKS = r"\\`*_{}\[\]<>()#+!|~&$"
SPECIAL = re.compile(f"([{MARKS}])")
WHITESPACE = re.compile(r"\s+")
TO_ESCAPE = re.compile(f"[{MARKS}{CONTROL_CHARACTERS}]")


def plain_escape(text: str) -> str:
    """`escape` as its rules read: whitespace runs to one space, controls shown, marks escaped."""
    return SPECIAL.sub(r"\\\1", literal(WHITESPACE.sub(" ", text).strip()))


def _escaped(match: re.Match[str]) -> str:
    return plain_escape(match.group())


def escape(text: str) -> str:
    """Inline text that renders as written: one line, markdown punctuation escaped.

    What `plain_escape` does, in two passes instead of four: str.split knows the
    same whitespace as the pattern, one character class finds what needs
    escaping, and only those characters go through the rules one by one.
    """
    return TO_ESCAPE.sub(_escaped, " ".join(text.split()))


def _summary(events: list[Event], context: RenderContext) -> str:
    """The line saying what the chronology was built from."""
    cited = {s.document for e in events for s in e.sources}
    count = len(cited) if cited else len(context.documents)
    line = f"Built from {count} document{'s' if count != 1 else ''}"
    if events:
        line += f", {len(events)} event{'s' if len(events) != 1 else ''}"
        line += f", {date_label(events[0], long=True)} to {date_label(events[-1], long=True)}"
    return escape(line) + "."


def _entry(event: Event, first_note: int) -> str:
    """One bullet: bold date, title, actors, a note on disagreeing sources, footnote marks."""
    text = f"- **{escape(date_label(event, long=True))}**: {escape(event.title)}"
    if event.actors:
        text += f" ({escape(', '.join(event.actors))})"
    if note := conflict_note(event):
        text += f"; {escape(note)}"
    marks = "".join(f"[^{first_note + i}]" for i in range(len(event.sources)))
    return text + marks


def _footnote(number: int, event: Event, index: int) -> str:
    source = event.sources[index]
    where = f"{source.document}, “{source.expression}”"
    if source.attribution:
        where += f", as reported by {source.attribution}"
    if source.note:
        where += f" ({source.note})"
    return f"[^{number}]: {escape(where)}: “{escape(source.quote)}”"


def render(events: list[Event], context: RenderContext) -> str:
    """The chronology as a markdown page: sections per month, footnotes at the end."""
    lines = ["# Chronology", "", _summary(events, context)]
    notes: list[str] = []
    period = None
    for event in events:
        if period_heading(event) != period:
            period = period_heading(event)
            lines.extend(["", f"## {escape(period)}", ""])
        lines.append(_entry(event, len(notes) + 1))
        notes.extend(_footnote(len(notes) + 1, event, i) for i in range(len(event.sources)))
    if notes:
        lines.extend(["", *notes])
    return "\n".join(lines) + "\n"
