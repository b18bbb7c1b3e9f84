"""One event per happening, stable ids, and curation that survives re-extraction.

Extraction gives events per document; this stage joins mentions of the same
happening across documents, gives each event an id derived from what it cites
(so it survives re-runs, new documents and better titles), and folds the result
into the existing store without undoing anything a person did.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from timeline.cache import collector_paused
from timeline.model import DocumentRecord, Event, Source, Store, date_span, precision_of

WORD = re.compile(r"[a-z0-9]+")
EXPLICIT = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", re.IGNORECASE
)
STOPWORDS = frozenset(
    "a an the of to in on at by for and or but with from as that this is was were be been "
    "has have had it its he she they them their his her who which said says would could will "
    "after before over about into than then also not no more".split()
)
SAME_HAPPENING_WORDS = 0.25
SAME_TITLE_WORDS = 0.5
NEAR_DAYS = 3
# Texts whose words are remembered: enough for the mentions of a batch and the
# events near them, few enough that memory does not grow with the archive.
WORDS_KEPT = 8192


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


def source_key(source: Source) -> str:
    """What identifies a mention: its document, its sentence and its dating words.

    The character offset is left out on purpose: an edit earlier in the document
    moves it without changing what is cited.
    """
    return f"{source.document}\n{_plain_words(source.quote)}\n{source.expression.lower()}"


@lru_cache(maxsize=WORDS_KEPT)
def _plain_words(quote: str) -> str:
    """A quote's words, lower-cased, one space apart: what survives re-wrapping and re-typing.

    Remembered, because a merge asks for a mention's key when sorting,
    joining and naming it.
    """
    return " ".join(WORD.findall(quote.lower()))


def event_id(sources: list[Source]) -> str:
    """A short id derived from the event's first-cited mention."""
    key = min(source_key(s) for s in sources)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def unused_id(candidate: str, taken: set[str]) -> str:
    """`candidate`, or a derivation of it that no other event has.

    Two events can start from the same mention when a person's edit or a better
    extractor splits what was one happening; the second gets an id of its own.
    """
    while candidate in taken:
        candidate = hashlib.sha1(candidate.encode("utf-8")).hexdigest()[:10]
    return candidate


@lru_cache(maxsize=WORDS_KEPT)
def _words(text: str) -> frozenset[str]:
    """Lower-cased words that carry meaning, plural -s taken off.

    Remembered, because each mention is compared with every mention near its
    date, and splitting the same sentences again dominated large merges.
    """
    unique = set(WORD.findall(text.lower())).difference(STOPWORDS)
    return frozenset(w[:-1] if w.endswith("s") and len(w) > 4 else w for w in unique if len(w) > 2)


@dataclass(frozen=True, slots=True)
class Likeness:
    """What two mentions are compared by, worked out once per mention.

    A large merge compares each mention with every other near its date; these
    sets are made once per mention instead of once per pair.
    """

    documents: frozenset[str]
    actors: frozenset[str]
    topics: frozenset[str]
    title: frozenset[str]
    content: frozenset[str]


def likeness(event: Event) -> Likeness:
    """The documents, parties, topics and words of one mention, or of an event."""
    title = _words(event.title)
    return Likeness(
        documents=frozenset(s.document for s in event.sources),
        actors=frozenset(event.actors),
        topics=frozenset(event.topics),
        title=title,
        content=title.union(*(_words(s.quote) for s in event.sources)),
    )


def _dates_close(a: Event, b: Event) -> bool:
    a_start, a_end = date_span(a.date, a.precision)
    b_start, b_end = date_span(b.date, b.precision)
    if a.precision == b.precision == "day":
        return abs((a_start - b_start).days) <= NEAR_DAYS
    return a_start <= b_end and b_start <= a_end


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared words as a share of the shorter list."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def same_happening(a: Event, b: Event) -> bool:
    """Whether two mentions from different documents report one happening.

    Mentions within one document were already joined or kept apart by the
    extractor, which sees the whole text; they are not second-guessed here.

    Dates of the same precision and close, and mentions that are `alike`.
    """
    return a.precision == b.precision and _dates_close(a, b) and alike(likeness(a), likeness(b))


def alike(a: Likeness, b: Likeness) -> bool:
    """Whether two mentions, known to be dated close together, report one happening.

    From different documents, no two different sets of parties, and either
    titles that say much the same thing, or a shared topic (or none) and enough
    shared words in the quotes; a call and a statement on the same day differ
    in their words and stay apart.
    """
    if not a.documents.isdisjoint(b.documents):
        return False
    if a.actors and b.actors and a.actors.isdisjoint(b.actors):
        return False
    if _overlap(a.title, b.title) >= SAME_TITLE_WORDS:
        return True
    if a.topics and b.topics and a.topics.isdisjoint(b.topics):
        return False
    return _overlap(a.content, b.content) >= SAME_HAPPENING_WORDS


@lru_cache(maxsize=4096)
def is_explicit(expression: str) -> bool:
    """Whether dating words name the date themselves ("October 20") or need a reference.

    Remembered: choosing an event's date asks it of every source for every
    date its sources give, and dating words repeat across an archive.
    """
    return bool(EXPLICIT.search(expression))


def best_date(sources: list[Source], published: dict[str, date]) -> str:
    """The date best supported by the sources that give it.

    More documents first; then a date written out over one worked out from
    "Friday" or "yesterday"; then the source written closest to the happening;
    then the most precise and the earliest.
    """
    by_date: dict[str, list[Source]] = {}
    for source in sources:
        by_date.setdefault(source.date, []).append(source)

    def support(value: str) -> tuple[int, int, int, int, str]:
        given = by_date[value]
        day = date_span(value, precision_of(value) or "year")[0]
        distance = min(
            (abs((published[s.document] - day).days) for s in given if s.document in published),
            default=0,
        )
        explicit = any(is_explicit(s.expression) for s in given)
        return (-len({s.document for s in given}), -explicit, distance, -len(value), value)

    return min(by_date, key=support)


def join_sources(sources: list[Source]) -> list[Source]:
    """Sources without repeats, in document order."""
    unique = {source_key(s): s for s in sources}
    return sorted(unique.values(), key=lambda s: (s.document, s.offset))


def title_rank(event: Event) -> tuple[float, int]:
    """Which mention names a happening: the surest, then the shortest title."""
    return (event.confidence or 0.0, -len(event.title))


def combine(events: list[Event], published: dict[str, date]) -> Event:
    """One event from several mentions of a happening; disagreeing dates flagged."""
    first = max(events, key=title_rank)
    sources = join_sources([s for e in events for s in e.sources])
    chosen = best_date(sources, published)
    dated = next((e for e in events if e.date == chosen), first)
    return Event(
        id=event_id(sources),
        date=chosen,
        precision=dated.precision,
        qualifier=dated.qualifier,
        title=first.title,
        actors=sorted({a for e in events for a in e.actors}),
        topics=sorted({t for e in events for t in e.topics}),
        sources=sources,
        confidence=max((e.confidence or 0.0) for e in events) or None,
        conflict=len({s.date for s in sources}) > 1,
    )


class DateIndex:
    """Mentions filed by precision and date, to find those close enough to compare.

    Comparing every mention with every other grows with the square of the
    archive; only mentions within a few days can be the same happening. Any
    two an index pairs up are dated close enough (`_dates_close`), so only
    whether they are `alike` is left to test. Each mention's likeness is worked
    out the first time it is needed and kept while the mention is filed.
    """

    def __init__(self) -> None:
        self._slots: dict[tuple[str, date], list[Event]] = {}
        self._likeness: dict[int, Likeness] = {}

    def _keys(self, event: Event, spread: int) -> list[tuple[str, date]]:
        start = date_span(event.date, event.precision)[0]
        if event.precision != "day":
            return [(event.precision, start)]
        return [("day", start + timedelta(days=d)) for d in range(-spread, spread + 1)]

    def add(self, event: Event, like: Likeness | None = None) -> None:
        self._slots.setdefault(self._keys(event, 0)[0], []).append(event)
        if like is not None:
            self._likeness[id(event)] = like

    def remove(self, event: Event) -> None:
        """Take an event out, by identity, before it changes or leaves the store."""
        slot = self._slots.get(self._keys(event, 0)[0], [])
        slot[:] = [e for e in slot if e is not event]
        self._likeness.pop(id(event), None)

    def near(self, event: Event) -> Iterator[tuple[Event, Likeness]]:
        """The mentions filed close enough to `event` to be the same happening."""
        for key in self._keys(event, NEAR_DAYS):
            for other in self._slots.get(key, ()):
                like = self._likeness.get(id(other))
                if like is None:
                    like = self._likeness[id(other)] = likeness(other)
                yield other, like


def cluster(events: list[Event], published: dict[str, date]) -> list[Event]:
    """Join mentions of the same happening; each event gets its stable id.

    Mentions are taken in date order, and each joins the first group whose
    first mention (its leader) it is alike to, or leads a group of its own.
    Comparing with leaders only keeps a chain of look-alikes (a strike on
    Monday like one on Tuesday, like one on Thursday, ...) from growing into
    one event that spans weeks and gathers every party of a long story.
    """
    groups: dict[int, list[Event]] = {}
    leaders = DateIndex()
    for event in sorted(events, key=lambda e: (e.date, min(map(source_key, e.sources)))):
        like = likeness(event)
        leader = next((m for m, other in leaders.near(event) if alike(like, other)), None)
        if leader is None:
            leader = event
            leaders.add(event, like)
        groups.setdefault(id(leader), []).append(event)
    return [combine(group, published) for group in groups.values()]


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

    def _file(self, event: Event) -> None:
        """Index an event by its date and by the documents it cites."""
        self.dated.add(event)
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
        new: list[Event] = []
        for fresh in cluster(extracted, self.published):
            existing = self._stored_match(fresh, kept, found_again)
            if existing is None:
                fresh.id = unused_id(fresh.id, self.taken)
                self.taken.add(fresh.id)
                new.append(fresh)
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
        for event in new:
            store.events.append(event)
            report.new.append(event.id)
            self._own(event, event.sources)
            self._file(event)

    def _stored_match(
        self, fresh: Event, kept: dict[int, list[Source]], claimed: dict[str, object]
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
            words = _words(fresh.title)
            dated = {(source_key(s), s.date) for s in fresh.sources}
            return max(
                owners.values(),
                key=lambda e: (
                    e.id not in claimed,
                    any((source_key(s), s.date) in dated for s in e.sources),
                    _overlap(words, _words(e.title)),
                ),
            )
        like = likeness(fresh)
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
        dropped = {id(e) for e in events}
        for event in events:
            self.dated.remove(event)
        self.dropped.update((id(e), e) for e in events)
        self.store.events = [e for e in self.store.events if id(e) not in dropped]

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
