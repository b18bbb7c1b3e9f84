"""The shapes that travel along the pipeline.

documents → dates → events → merge → store → query → render: each stage takes and
returns these plain dataclasses, so a stage can be tested, replaced or run in
another process without knowing the others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

PRECISIONS = ("day", "week", "month", "year")
SPANS_KEPT = 16384
STATUSES = ("extracted", "confirmed", "edited", "rejected")
PUBLISHED_FROM = ("byline", "dateline", "latest dated mention", "user", "estimated", "unknown")

DATE_FORMS = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "week": re.compile(r"^\d{4}-W\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
}


def precision_of(value: str) -> str | None:
    """The precision whose written form `value` has, or None when it has none."""
    for precision, form in DATE_FORMS.items():
        if form.match(value):
            return precision
    return None


@lru_cache(maxsize=SPANS_KEPT)
def date_span(value: str, precision: str) -> tuple[date, date]:
    """The first and last day a store date covers; ValueError if it names no real date.

    Filters and sorting compare spans, so "2023-11" overlaps a window that
    starts on 15 November and sorts before the days inside it. Spans are kept:
    a large store names the same few thousand dates again and again.
    """
    if precision == "day":
        day = date.fromisoformat(value)
        return day, day
    if precision == "week":
        year, week = value.split("-W")
        monday = date.fromisocalendar(int(year), int(week), 1)
        return monday, monday + timedelta(days=6)
    if precision == "month":
        first = date.fromisoformat(f"{value}-01")
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first, following - timedelta(days=1)
    if precision == "year":
        return date(int(value), 1, 1), date(int(value), 12, 31)
    raise ValueError(f"unknown precision {precision!r}")


QUALIFIED_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


def event_span(event: Event) -> tuple[date, date]:
    """The days an event may have happened on: its date's span, narrowed by "early" etc."""
    start, end = date_span(event.date, event.precision)
    if event.precision == "month" and event.qualifier in QUALIFIED_DAYS:
        first, last = QUALIFIED_DAYS[event.qualifier]
        return start.replace(day=first), min(end, start.replace(day=min(last, end.day)))
    return start, end


@dataclass(frozen=True)
class Block:
    """A stretch of a document and what it is: article text, or page furniture.

    `kind` is "body" for the article itself; anything else (byline, comment,
    banner, credit, caption, ad, teaser, faq, citation, post, stamp, footer) is not a
    source of new events, though a "post" or "faq" block may be read for dates.
    `reference` is a date that relative words inside the block resolve against,
    when the block carries its own (a social-media post's timestamp).
    """

    start: int
    end: int
    kind: str
    reference: date | None = None


@dataclass
class Document:
    """A document as read from disk, with what is known of its publication."""

    id: str
    path: str
    text: str
    sha256: str
    title: str = ""
    published: date | None = None
    published_from: str = "unknown"
    url: str | None = None
    blocks: list[Block] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class TimeExpression:
    """One temporal expression found in a text, with what it resolved to.

    `value` is a TimeML TIMEX3 value ("2023-10-20", "2023-W42", "P2D",
    "PRESENT_REF", "XXXX-WXX-1"); `precision` is one of PRECISIONS for a DATE that
    names a calendar span, else None. `anchor` says what a relative expression was
    resolved against ("published", or "expression@<offset>" of an earlier one), None
    for an absolute one. `end_value` is the end of a range ("Nov. 9-10").
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    precision: str | None = None
    anchor: str | None = None
    mod: str | None = None
    end_value: str | None = None


@dataclass
class Source:
    """Where an event was read: the document, the words that dated it, the quote."""

    document: str
    date: str
    expression: str
    quote: str
    offset: int
    attribution: str | None = None
    note: str | None = None


@dataclass
class Event:
    """A dated happening, with its parties, topics and every source that reports it."""

    id: str
    date: str
    precision: str
    title: str
    actors: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    status: str = "extracted"
    qualifier: str | None = None
    confidence: float | None = None
    conflict: bool = False
    added_by_hand: bool = False
    orphaned: bool = False
    edited: list[str] = field(default_factory=list)


@dataclass
class DocumentRecord:
    """What the store keeps of a document: enough to find it and know if it changed."""

    id: str
    path: str
    sha256: str
    title: str = ""
    published: str | None = None
    published_from: str = "unknown"
    url: str | None = None


@dataclass
class Store:
    """The whole event store, as `events.yaml` holds it."""

    version: int = 1
    documents: list[DocumentRecord] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
