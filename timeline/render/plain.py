"""The chronology as plain text: no colour, no escape codes, wrapped to the width."""

from __future__ import annotations

import textwrap

from timeline.model import Event
from timeline.render import RenderContext
from timeline.render.layout import chronology


def wrap(text: str, width: int, indent: int, hang: int) -> str:
    """`text` filled to `width` as textwrap fills it, the first line indented, the rest hung.

    Most lines of a chronology fit as they are; textwrap would split each into
    words and join them again, so a line that fits, holds no character but
    printable ones and the plain space, and has no space at either end is
    given back at once.
    """
    if (
        indent + len(text) <= width
        and text.isprintable()
        and text[:1] not in ("", " ")
        and text[-1] != " "
    ):
        return " " * indent + text
    return textwrap.fill(
        text,
        width=width,
        initial_indent=" " * indent,
        subsequent_indent=" " * hang,
        break_on_hyphens=False,
    )


def render(events: list[Event], context: RenderContext) -> str:
    """Plain text of the chronology, for pipes, files and NO_COLOR."""
    if not events:
        return "No events.\n"
    width = max(context.width, 40)
    out: list[str] = []
    for line in chronology(events, context.verbose):
        if not line.segments:
            out.append("")
            continue
        text = line.text
        hang = line.indent + (2 if text.startswith("• ") else 0)
        out.append(wrap(text, width, line.indent, hang))
    return "\n".join(out) + "\n"
