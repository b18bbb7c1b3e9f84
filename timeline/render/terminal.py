"""The chronology in colour for a terminal, built with rich.

Text from documents goes into `rich.text.Text` as plain strings, never through
markup, so "[bold red]" in a quote is shown as written.
"""

from __future__ import annotations

import zlib

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from timeline.model import Event
from timeline.render import RenderContext
from timeline.render.layout import Line, chronology

ACTOR_COLOURS = (
    "cyan",
    "magenta",
    "green",
    "yellow",
    "blue",
    "red",
    "bright_cyan",
    "bright_magenta",
    "bright_green",
    "orange3",
    "deep_sky_blue1",
    "plum2",
)
STYLES = {
    "period": "bold underline",
    "date": "bold",
    "bullet": "dim",
    "title": "",
    "topic": "italic bright_black",
    "source": "dim",
    "quote": "dim italic",
    "conflict": "bold yellow",
    "dim": "dim",
}


def actor_colour(name: str) -> str:
    """The same colour for an actor in every run, whatever else is shown."""
    return ACTOR_COLOURS[zlib.crc32(name.encode("utf-8")) % len(ACTOR_COLOURS)]


def style_of(name: str) -> str:
    """The rich style for a layout style name."""
    if name.startswith("actor:"):
        return actor_colour(name.removeprefix("actor:"))
    if name.startswith("status:"):
        return "bold red" if name.endswith("rejected") else "bold green"
    return STYLES.get(name, "")


def render(events: list[Event], context: RenderContext) -> Group | Text:
    """A rich renderable of the chronology, wrapped by the console to its width."""
    if not events:
        return Text("No events.")
    rows: list[RenderableType] = []
    for line in chronology(events, context.verbose):
        if not line.segments:
            rows.append(Text())
            continue
        rows.append(Padding(_hanging(line), (0, 0, 0, line.indent), expand=False))
    return Group(*rows)


def _hanging(line: Line) -> RenderableType:
    """A line as styled text; a bullet line wraps under its text, not under the bullet."""
    segments = list(line.segments)
    bullet = segments.pop(0) if segments[0][1] == "bullet" else None
    text = Text()
    for segment, style in segments:
        text.append(segment, style=style_of(style))
    if bullet is None:
        return text
    grid = Table.grid()
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_row(Text(bullet[0], style=style_of("bullet")), text)
    return grid
