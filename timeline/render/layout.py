"""The chronology's layout, shared by the coloured and the plain view.

A list of lines, each an indent and styled segments; the terminal renderer maps
style names to colours and the plain one drops them, so both show the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.model import Event
from timeline.render.labels import conflict_note, date_label, period_heading


@dataclass(frozen=True)
class Line:
    """One line of the view: how far it is indented and its (text, style) pieces."""

    indent: int
    segments: tuple[tuple[str, str], ...]

    @property
    def text(self) -> str:
        return "".join([text for text, _ in self.segments])


BLANK = Line(0, ())
CONTROL_CHARACTERS = r"\x00-\x08\x0b-\x1f\x7f-\x9f"
CONTROL = re.compile(f"[{CONTROL_CHARACTERS}]")


def literal(text: str) -> str:
    """Text from a document made inert: control characters shown as code points.

    A quote carrying an escape sequence must be shown, not obeyed by the terminal.
    Control characters are never printable, so text that is all printable is
    given back without a search.
    """
    if text.isprintable():
        return text
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _actor_segments(actors: list[str]) -> list[tuple[str, str]]:
    segments: list[tuple[str, str]] = []
    for index, actor in enumerate(actors):
        if index:
            segments.append((" · ", "dim"))
        segments.append((literal(actor), f"actor:{actor}"))
    return segments


def _event_lines(event: Event, verbose: bool) -> list[Line]:
    headline: list[tuple[str, str]] = [("• ", "bullet"), (literal(event.title), "title")]
    if event.status != "extracted":
        headline.append((f" [{event.status}]", f"status:{event.status}"))
    lines = [Line(4, tuple(headline))]
    tags = [(literal(f"#{topic.replace(' ', '-')}"), "topic") for topic in event.topics]
    details = _actor_segments(event.actors)
    if details and tags:
        details.append(("  ", ""))
    for index, tag in enumerate(tags):
        details.extend([(" ", "")] if index else [])
        details.append(tag)
    if details:
        lines.append(Line(6, tuple(details)))
    if note := conflict_note(event):
        lines.append(Line(6, (("⚠ " + note, "conflict"),)))
    for source in event.sources:
        lines.append(Line(6, ((literal(f"{source.document} · {source.expression}"), "source"),)))
        if verbose:
            lines.append(Line(8, ((literal(f"“{source.quote}”"), "quote"),)))
        if source.note:
            lines.append(Line(8, ((f"({source.note})", "conflict"),)))
    return lines


def chronology(events: list[Event], verbose: bool = False) -> list[Line]:
    """Events grouped by month, then by the date as precisely as it is known."""
    lines: list[Line] = []
    period = label = None
    for event in events:
        if period_heading(event) != period:
            period, label = period_heading(event), None
            lines.extend([BLANK] if lines else [])
            lines.append(Line(0, ((period, "period"),)))
        if date_label(event) != label:
            label = date_label(event)
            lines.extend([BLANK] if label == period else [BLANK, Line(2, ((label, "date"),))])
        lines.extend(_event_lines(event, verbose))
    return lines
