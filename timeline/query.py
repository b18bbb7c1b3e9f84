"""Choosing events: filters by actor, topic, date window, text and document.

Options of one kind are alternatives (OR), different kinds must all hold (AND).
Names are matched through the lexicon, so "US", "U.S." and "United States" are one
actor and a country finds the events of its officials.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from timeline.errors import UsageError
from timeline.model import Event, date_span, event_span

if TYPE_CHECKING:
    from timeline.lexicon import Lexicon


@dataclass
class Filters:
    """What the user asked to see."""

    actors: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    since: str | None = None
    until: str | None = None
    search: str | None = None
    document: str | None = None
    limit: int | None = None
    include_rejected: bool = False


@dataclass(frozen=True)
class NameStat:
    """How often a name (actor or topic) appears, and over which dates."""

    name: str
    events: int
    first: str
    last: str


def parse_bound(text: str, option: str) -> tuple[date, date]:
    """The span of days a --since/--until value names; UsageError if it is no date."""
    from timeline.dates import parse_date_phrase  # the date engine is slow to import

    parsed = parse_date_phrase(text)
    if parsed is None:
        raise UsageError(
            f"{option} {text!r} is not a date: use 2023-11-01, 2023-11, 2023 or '1 Nov 2023'"
        )
    value, precision = parsed
    return date_span(value, precision)


def _suggestion(name: str, known: Iterable[str], kind: str) -> UsageError:
    """An unknown-name error naming the closest known names."""
    choices = sorted(set(known))
    by_lower = {c.lower(): c for c in choices}
    close = difflib.get_close_matches(name.lower(), list(by_lower), n=3, cutoff=0.5)
    hint = f"; closest: {', '.join(by_lower[c] for c in close)}" if close else ""
    if not close and not choices:
        hint = f"; the store has no {kind}s"
    return UsageError(f"unknown {kind} {name!r}{hint}")


def _store_names(events: list[Event], attribute: str) -> dict[str, str]:
    """Lower-cased name → name, for every actor or topic the events carry."""
    return {name.lower(): name for e in events for name in getattr(e, attribute)}


def resolve_actor(name: str, events: list[Event], lexicon: Lexicon | None) -> set[str]:
    """The lower-cased actor names an --actor value stands for, members included."""
    canonical = lexicon.canonical_actor(name) if lexicon else None
    known = {canonical, *lexicon.actor_members(canonical)} if canonical else set()
    return _resolve(name, known, events, "actors", lexicon.actor_names() if lexicon else [])


def resolve_topic(name: str, events: list[Event], lexicon: Lexicon | None) -> set[str]:
    """The lower-cased topic names a --topic value stands for."""
    canonical = lexicon.canonical_topic(name) if lexicon else None
    known = {canonical} if canonical else set()
    return _resolve(name, known, events, "topics", lexicon.topic_names() if lexicon else [])


def _resolve(
    name: str, known: set[str], events: list[Event], attribute: str, lexicon_names: list[str]
) -> set[str]:
    """The store's own spelling and the lexicon's names for `name`; an error if neither."""
    in_store = _store_names(events, attribute)
    wanted = {n.lower() for n in known}
    if name.lower() in in_store:
        wanted.add(name.lower())
    if not wanted:
        raise _suggestion(name, [*in_store.values(), *lexicon_names], attribute.rstrip("s"))
    return wanted


def _any_name(wanted: set[str], attribute: str) -> Callable[[Event], bool]:
    return lambda event: any(n.lower() in wanted for n in getattr(event, attribute))


def _overlaps(start: date, end: date) -> Callable[[Event], bool]:
    def check(event: Event) -> bool:
        first, last = event_span(event)
        return first <= end and last >= start

    return check


def _mentions(text: str) -> Callable[[Event], bool]:
    needle = text.casefold()

    def check(event: Event) -> bool:
        haystack = [event.title, *event.actors, *event.topics]
        haystack += [part for s in event.sources for part in (s.quote, s.expression)]
        return any(needle in part.casefold() for part in haystack)

    return check


def _cites(document: str) -> Callable[[Event], bool]:
    """A document given by id, or by the start of its id ("004" for "004_4eac…")."""
    return lambda event: any(s.document.startswith(document) for s in event.sources)


def build_predicates(
    filters: Filters, events: list[Event], lexicon: Lexicon | None
) -> list[Callable[[Event], bool]]:
    """One test per kind of filter given; an event is shown when it passes all."""
    tests: list[Callable[[Event], bool]] = []
    if not filters.include_rejected:
        tests.append(lambda event: event.status != "rejected")
    if filters.actors:
        wanted = set().union(*(resolve_actor(a, events, lexicon) for a in filters.actors))
        tests.append(_any_name(wanted, "actors"))
    if filters.topics:
        wanted = set().union(*(resolve_topic(t, events, lexicon) for t in filters.topics))
        tests.append(_any_name(wanted, "topics"))
    if filters.since or filters.until:
        start = parse_bound(filters.since, "--since")[0] if filters.since else date.min
        end = parse_bound(filters.until, "--until")[1] if filters.until else date.max
        if start > end:
            raise UsageError(f"--since {filters.since} is after --until {filters.until}")
        tests.append(_overlaps(start, end))
    if filters.search:
        tests.append(_mentions(filters.search))
    if filters.document:
        tests.append(_cites(filters.document))
    return tests


def select(events: list[Event], filters: Filters, lexicon: Lexicon | None = None) -> list[Event]:
    """The events that pass every filter, in the order given, cut at the limit."""
    if filters.limit is not None and filters.limit < 0:
        raise UsageError("--limit must be 0 or more")
    chosen = events
    for test in build_predicates(filters, events, lexicon):
        chosen = list(filter(test, chosen))
    chosen = list(chosen)
    return chosen[: filters.limit] if filters.limit is not None else chosen


def name_stats(events: list[Event], attribute: str) -> list[NameStat]:
    """Each actor (or topic) with its event count and first and last dates."""
    seen: dict[str, list[Event]] = {}
    for event in events:
        for name in getattr(event, attribute):
            seen.setdefault(name, []).append(event)
    stats = []
    for name, chosen in seen.items():
        spans = [(date_span(e.date, e.precision), e.date) for e in chosen]
        stats.append(NameStat(name, len(chosen), min(spans)[1], max(spans)[1]))
    return sorted(stats, key=lambda s: (-s.events, s.name))
