"""What people do to the store by hand: confirm, reject, edit, add, and look at conflicts.

Every change records which fields a person set, so that re-extraction, which
refreshes everything else, leaves them as they are.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from timeline import store as event_store
from timeline.errors import UsageError
from timeline.model import Event, Source, Store

T = TypeVar("T")


def find_event(store: Store, wanted: str) -> Event:
    """The event whose id is `wanted` or starts with it, if only one does."""
    exact = [e for e in store.events if e.id == wanted]
    matches = exact or [e for e in store.events if e.id.startswith(wanted)]
    if not matches:
        raise UsageError(f"no event with id {wanted!r}: `timeline show --format json` lists ids")
    if len(matches) > 1:
        shown = ", ".join(sorted(e.id for e in matches)[:5])
        raise UsageError(f"id {wanted!r} is ambiguous: {shown}")
    return matches[0]


def change_store(path: Path, change: Callable[[Store], T], create: bool = False) -> T:
    """Load the store under its lock, apply `change`, and save it atomically."""
    with event_store.locked(path):
        current = event_store.load_or_new(path) if create else event_store.load(path)
        result = change(current)
        event_store.save(current, path)
    return result


def _mark_edited(event: Event, *names: str) -> None:
    event.edited = sorted({*event.edited, *names})


def set_status(path: Path, ids: list[str], status: str) -> list[Event]:
    """Confirm or reject events by id (or unique id prefix)."""

    def change(current: Store) -> list[Event]:
        events = [find_event(current, wanted) for wanted in ids]
        for event in events:
            event.status = status
        return events

    return change_store(path, change)


def parse_event_date(text: str) -> tuple[str, str]:
    """(date, precision) of a date a person typed for an event.

    The date engine is imported here: confirm and reject should not wait for it.
    """
    from timeline.dates import parse_date_phrase

    parsed = parse_date_phrase(text)
    if parsed is None:
        raise UsageError(f"--date {text!r} is not a date: use 2023-11-12, 2023-11 or 2023")
    return parsed


@dataclass
class Changes:
    """Fields a person sets on an event; None means leave as it is."""

    title: str | None = None
    date: str | None = None
    actors: list[str] | None = None
    topics: list[str] | None = None

    def apply(self, event: Event) -> None:
        """Set the given fields and record them as edited by hand."""
        if self.title is not None:
            if not self.title.strip():
                raise UsageError("--title cannot be empty")
            event.title = self.title.strip()
            _mark_edited(event, "title")
        if self.date is not None:
            event.date, event.precision = parse_event_date(self.date)
            event.qualifier = None
            _mark_edited(event, "date", "precision", "qualifier")
        if self.actors is not None:
            event.actors = sorted(set(self.actors))
            _mark_edited(event, "actors")
        if self.topics is not None:
            event.topics = sorted(set(self.topics))
            _mark_edited(event, "topics")

    def empty(self) -> bool:
        return all(value is None for value in vars(self).values())


def edit_event(path: Path, wanted: str, changes: Changes) -> Event:
    """Change an event's fields by hand; they survive every later extraction."""
    if changes.empty():
        raise UsageError("nothing to change: give --title, --date, --actor or --topic")

    def change(current: Store) -> Event:
        event = find_event(current, wanted)
        changes.apply(event)
        if event.status == "extracted":
            event.status = "edited"
        return event

    return change_store(path, change)


def hand_event_id(title: str, date: str) -> str:
    """An id for an event added by hand, from what the person wrote."""
    return "h" + hashlib.sha1(f"{date}\n{title.strip().lower()}".encode()).hexdigest()[:9]


def add_event(path: Path, changes: Changes) -> Event:
    """Add an event by hand: it needs no source and is never removed by extraction."""
    if not changes.title or not changes.date:
        raise UsageError("an event added by hand needs --date and --title")
    event = Event(id="", date="", precision="day", title="", status="confirmed")
    changes.apply(event)
    event.added_by_hand = True
    event.id = hand_event_id(event.title, event.date)

    def change(current: Store) -> Event:
        if any(e.id == event.id for e in current.events):
            raise UsageError(f"the store already has this event: {event.id}")
        current.events.append(event)
        return event

    return change_store(path, change, create=True)


@dataclass(frozen=True)
class Conflict:
    """An event whose sources disagree on its date, with each date's sources."""

    event: Event
    dates: dict[str, list[Source]]


def conflicts(current: Store) -> list[Conflict]:
    """Every event marked as conflicting, its dates side by side, best supported first."""
    found = []
    for event in event_store.sort_events(current.events):
        if not event.conflict or event.status == "rejected":
            continue
        by_date: dict[str, list[Source]] = {}
        for source in event.sources:
            by_date.setdefault(source.date, []).append(source)
        ordered = sorted(by_date, key=lambda d: (d != event.date, -len(by_date[d]), d))
        found.append(Conflict(event, {d: by_date[d] for d in ordered}))
    return found
