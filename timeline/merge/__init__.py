"""One event per happening, stable ids, and curation that survives re-extraction.

Extraction gives events per document; this stage joins mentions of the same
happening across documents (`mentions`), gives each event an id derived from
what it cites (so it survives re-runs, new documents and better titles), and
folds the result into the existing store without undoing anything a person did.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from timeline.cache import collector_paused
from timeline.merge.mentions import (
    DateIndex,
    Likeness,
    alike,
    best_date,
    cluster,
    combine,
    is_explicit,
    join_sources,
    meaningful_words,
    overlap,
    source_key,
    title_rank,
    unused_id,
)
from timeline.model import DocumentRecord, Event, Source, Store, precision_of

__all__ = ["MergeReport", "StoreMerge", "is_explicit", "merge_extraction"]


@dataclass
class MergeReport:
    """What a merge changed, for the one-line summary."""

    events: int = 0
    new: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    dropped_documents: list[str] = field(default_factory=list)
    read: int = 0

    @property
    def changed(self) -> bool:
        """Whether the merge changed the store at all, so that it needs saving."""
        return bool(self.read or self.orphaned or self.removed or self.dropped_documents)


def _curated(event: Event) -> bool:
    return event.status != "extracted" or bool(event.edited) or event.added_by_hand


def _update(existing: Event, fresh: Event, kept: list[Source], published: dict[str, date]) -> None:
    """Refresh an existing event from a new extraction, leaving edited fields alone.

    Mentions kept from documents not read now still count: their actors and
    topics stay, the date is the best supported over all sources, and the title
    stays when the event had it from a surer mention, as one merge of every
    document would have chosen.
    """
    sources = join_sources([*kept, *fresh.sources])
    named = fresh if not kept or title_rank(fresh) > title_rank(existing) else existing
    for name in ("title", "confidence"):
        if name not in existing.edited:
            setattr(existing, name, getattr(named, name))
    for name in ("actors", "topics"):
        if name not in existing.edited:
            earlier = set(getattr(existing, name)) if kept else set()
            setattr(existing, name, sorted(earlier | set(getattr(fresh, name))))
    if "date" not in existing.edited:
        existing.date = best_date(sources, published)
        existing.precision = precision_of(existing.date) or fresh.precision
        existing.qualifier = fresh.qualifier if fresh.date == existing.date else None
    existing.sources = sources
    existing.conflict = len({s.date for s in sources}) > 1
    existing.orphaned = False


def _flag_missing_documents(store: Store, root: Path, prune: bool, report: MergeReport) -> None:
    """Events whose every document is gone from disk: flagged, or dropped with prune."""
    gone = {d.id for d in store.documents if not (root / d.path).exists()}
    if not gone:
        return
    keep = []
    for event in store.events:
        cited = {s.document for s in event.sources}
        if prune and cited & gone and not cited <= gone:
            event.sources = [s for s in event.sources if s.document not in gone]
        elif cited and cited <= gone:
            if prune:
                report.removed.append(event.id)
                continue
            if not event.orphaned:
                report.orphaned.append(event.id)
            event.orphaned = True
        keep.append(event)
    store.events = keep
    if prune:
        report.dropped_documents = sorted(gone)
        store.documents = [d for d in store.documents if d.id not in gone]


class StoreMerge:
    """Folds extraction results into a store batch by batch, in place.

    A run over a large archive folds each batch of documents as it is read, so
    that it never holds every mention of the archive at once. The store's
    indexes (which mention belongs to which event, events by date, events by
    the documents they cite) are built once and kept up to date, so that a
    batch costs what it brings, not the size of the store.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.report = MergeReport()
        self.published = {
            d.id: date.fromisoformat(d.published) for d in store.documents if d.published
        }
        self.owners: dict[str, list[Event]] = {}
        # Events taken out, kept referenced so that no new event takes their id().
        self.dropped: dict[int, Event] = {}
        self.taken = {e.id for e in store.events}
        self.dated = DateIndex()
        self.citing: dict[str, list[Event]] = {}
        with collector_paused():
            for event in store.events:
                self._file(event)
                self._own(event, event.sources)

    def _file(self, event: Event, like: Likeness | None = None) -> None:
        """Index an event by its date and by the documents it cites.

        A new event comes with its likeness, which it is compared by from then on.
        """
        self.dated.add(event, like)
        for document in {s.document for s in event.sources}:
            self.citing.setdefault(document, []).append(event)

    def _own(self, event: Event, sources: list[Source]) -> None:
        """Record that `event` holds these mentions.

        One sentence can report two happenings with the same dating words ("on
        Monday the board met and the minister resigned"): their mentions share a
        key, so a key may have several owners.
        """
        for key in map(source_key, sources):
            owners = self.owners.setdefault(key, [])
            if not any(e is event for e in owners):
                owners.append(event)

    def _citing(self, records: list[DocumentRecord]) -> dict[int, Event]:
        """The events that cite any of the documents read now, by identity, in their order."""
        return {
            id(e): e
            for d in (r.id for r in records)
            for e in self.citing.get(d, ())
            if id(e) not in self.dropped and any(s.document == d for s in e.sources)
        }

    def fold(self, records: list[DocumentRecord], extracted: list[Event]) -> None:
        """Fold the events extracted from `records` into the store.

        Mentions from the documents read now replace those documents' old
        mentions; rejected events stay rejected, edited fields stay as edited,
        events added by hand stay, and an event keeps its id while any of its
        mentions is found again. Fresh events found in the same stored event are
        folded into it together: a document read again gives back the mentions
        it gave before.

        The store's events, sources and word sets hold no reference cycles, and
        the collector's walks over them took a third of the time, so it is
        kept out.
        """
        with collector_paused():
            self._fold(records, extracted)

    def _fold(self, records: list[DocumentRecord], extracted: list[Event]) -> None:
        store, report = self.store, self.report
        report.read += len(records)
        read = {r.id for r in records}
        store.documents = [d for d in store.documents if d.id not in read] + list(records)
        for record in records:
            if record.published:
                self.published[record.id] = date.fromisoformat(record.published)
            else:
                self.published.pop(record.id, None)
        affected = self._citing(records)
        kept = {i: [s for s in e.sources if s.document not in read] for i, e in affected.items()}
        found_again: dict[str, tuple[Event, list[Event]]] = {}
        new: list[tuple[Event, Likeness]] = []
        for fresh, like in cluster(extracted, self.published):
            existing = self._stored_match(fresh, like, kept, found_again)
            if existing is None:
                fresh.id = unused_id(fresh.id, self.taken)
                self.taken.add(fresh.id)
                new.append((fresh, like))
            else:
                found_again.setdefault(existing.id, (existing, []))[1].append(fresh)
        for existing, mentions in found_again.values():
            fresh = mentions[0] if len(mentions) == 1 else combine(mentions, self.published)
            self.dated.remove(existing)
            _update(existing, fresh, kept.get(id(existing), existing.sources), self.published)
            self._file(existing)
            self._own(existing, fresh.sources)
        refreshed = {id(e) for e, _ in found_again.values()}
        gone = [e for i, e in affected.items() if i not in refreshed and self._left(e, kept[i])]
        self._drop(gone)
        for event, like in new:
            store.events.append(event)
            report.new.append(event.id)
            self._own(event, event.sources)
            self._file(event, like)

    def _stored_match(
        self,
        fresh: Event,
        like: Likeness,
        kept: dict[int, list[Source]],
        claimed: dict[str, object],
    ) -> Event | None:
        """The stored event a fresh one is a mention of: by a mention it shares, or by its
        happening among events that keep mentions from documents not read now.

        When several events hold a mention it shares (a sentence repeated in a page,
        or reporting two happenings), the fresh event goes to one no other fresh
        event has `claimed` yet, holding the mention with the same date, with the
        likest title.
        """
        owners = {
            id(e): e
            for k in map(source_key, fresh.sources)
            for e in self.owners.get(k, ())
            if id(e) not in self.dropped
        }
        if owners:
            words = meaningful_words(fresh.title)
            dated = {(source_key(s), s.date) for s in fresh.sources}
            return max(
                owners.values(),
                key=lambda e: (
                    e.id not in claimed,
                    any((source_key(s), s.date) in dated for s in e.sources),
                    overlap(words, meaningful_words(e.title)),
                ),
            )
        return next(
            (
                e
                for e, other in self.dated.near(fresh)
                if kept.get(id(e), e.sources) and alike(like, other)
            ),
            None,
        )

    def _left(self, event: Event, remaining: list[Source]) -> bool:
        """Update an event none of whose mentions was found again; whether it leaves."""
        if remaining or not event.sources:
            event.sources = remaining
        elif _curated(event):
            event.orphaned = True
        else:
            self.report.removed.append(event.id)
            return True
        return False

    def _drop(self, events: list[Event]) -> None:
        """Take events out of the store and its indexes."""
        if not events:
            return
        for event in events:
            self.dated.remove(event)
            self.dropped[id(event)] = event
        self.store.events = [e for e in self.store.events if id(e) not in self.dropped]

    def finish(self, root: Path = Path("."), prune: bool = False) -> MergeReport:
        """Flag (or, with `prune`, drop) what cites only documents gone from disk.

        The indexes are let go: a finished merge folds no more, and saving the
        store wants the memory they hold.
        """
        self.owners, self.dated, self.citing, self.dropped = {}, DateIndex(), {}, {}
        _flag_missing_documents(self.store, root, prune, self.report)
        self.report.events = len(self.store.events)
        return self.report


def merge_extraction(
    store: Store,
    records: list[DocumentRecord],
    extracted: list[Event],
    root: Path = Path("."),
    prune: bool = False,
) -> MergeReport:
    """Fold the events extracted from `records` into `store`, in place, in one batch."""
    merge = StoreMerge(store)
    merge.fold(records, extracted)
    return merge.finish(root, prune)
