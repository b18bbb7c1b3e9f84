"""Dates written as precisely as they are known, and no more."""

from __future__ import annotations

from timeline.model import Event, date_span, precision_of


def date_label(event: Event, long: bool = False) -> str:
    """ "20 Oct 2023", "early Oct 2023", "week of 16 Oct 2023", "2023" (long: full month)."""
    start, _ = date_span(event.date, event.precision)
    month = "%B" if long else "%b"
    if event.precision == "day":
        text = f"{start.day} {start.strftime(f'{month} %Y')}"
    elif event.precision == "week":
        text = f"week of {start.day} {start.strftime(f'{month} %Y')}"
    elif event.precision == "month":
        text = start.strftime(f"{month} %Y")
    else:
        text = str(start.year)
    return f"{event.qualifier} {text}" if event.qualifier else text


def period_heading(event: Event) -> str:
    """The section an event belongs to: its month, or its year when coarser."""
    start, _ = date_span(event.date, event.precision)
    return str(start.year) if event.precision == "year" else start.strftime("%B %Y")


def conflict_note(event: Event) -> str | None:
    """ "reported as 20 October 2023; 1 source says 23 October 2023", when sources disagree."""
    if not event.conflict:
        return None
    others: dict[str, int] = {}
    for source in event.sources:
        if source.date != event.date:
            others[source.date] = others.get(source.date, 0) + 1
    if not others:
        return None
    parts = [
        f"{count} source{' says' if count == 1 else 's say'} {value_label(value)}"
        for value, count in sorted(others.items())
    ]
    return f"reported as {date_label(event, long=True)}; " + "; ".join(parts)


def value_label(value: str) -> str:
    """A store date on its own (a source's date), in words."""
    precision = precision_of(value) or "year"
    return date_label(Event(id="", date=value, precision=precision, title=""), long=True)
