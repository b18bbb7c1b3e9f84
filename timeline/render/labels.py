"""Dates written as precisely as they are known, and no more."""

from __future__ import annotations

from functools import lru_cache

from timeline.model import Event, date_span, precision_of

LABELS_KEPT = 8192


def date_label(event: Event, long: bool = False) -> str:
    """ "20 Oct 2023", "early Oct 2023", "week of 16 Oct 2023", "2023" (long: full month)."""
    return _label(event.date, event.precision, event.qualifier, long)


@lru_cache(maxsize=LABELS_KEPT)
def _label(value: str, precision: str, qualifier: str | None, long: bool) -> str:
    """The words for a date; a chronology repeats the same few thousand dates many times."""
    start, _ = date_span(value, precision)
    month = "%B" if long else "%b"
    if precision == "day":
        text = f"{start.day} {start.strftime(f'{month} %Y')}"
    elif precision == "week":
        text = f"week of {start.day} {start.strftime(f'{month} %Y')}"
    elif precision == "month":
        text = start.strftime(f"{month} %Y")
    else:
        text = str(start.year)
    return f"{qualifier} {text}" if qualifier else text


def period_heading(event: Event) -> str:
    """The section an event belongs to: its month, or its year when coarser."""
    return _heading(event.date, event.precision)


@lru_cache(maxsize=LABELS_KEPT)
def _heading(value: str, precision: str) -> str:
    """The words for a date's month or year, kept like `_label`."""
    start, _ = date_span(value, precision)
    return str(start.year) if precision == "year" else start.strftime("%B %Y")


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
    return _label(value, precision_of(value) or "year", None, True)
