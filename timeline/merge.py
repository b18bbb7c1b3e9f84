"""One event per happening, stable ids, and curation that survives re-extraction.

Extraction gives events per document; this stage joins mentions of the same
happening across documents, gives each event an id derived from what it cites
(so it survives re-runs, new documents and better titles), and folds the result
into the existing store without undoing anything a person did.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

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
    quote = " ".join(WORD.findall(source.quote.lower()))
    return f"{source.document}\n{quote}\n{source.expression.lower()}"


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


@lru_cache(maxsize=65536)
def _words(text: str) -> frozenset[str]:
    """Lower-cased words that carry meaning, plural -s taken off.

    Remembered, because each mention is compared with every mention near its
    date, and splitting the same sentences again dominated large merges.
    """
    return frozenset(
        w[:-1] if w.endswith("s") and len(w) > 4 else w
        for w in WORD.findall(text.lower())
        if w not in STOPWORDS and len(w) > 2
    )


def title_words(event: Event) -> frozenset[str]:
    """The words of what an event's title says happened."""
    return _words(event.title)


def content_words(event: Event) -> frozenset[str]:
    """The words of the title and every quote, for comparing two mentions."""
    return _all_words(event.title, tuple(s.quote for s in event.sources))


@lru_cache(maxsize=65536)
def _all_words(title: str, quotes: tuple[str, ...]) -> frozenset[str]:
    """The words of a title and its quotes: those of each, as words never span two."""
    return _words(title).union(*map(_words, quotes))


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

    Dates of the same precision and close, no two different sets of parties,
    and either titles that say much the same thing, or a shared topic (or none)
    and enough shared words in the quotes; a call and a statement on the same
    day differ in their words and stay apart.
    """
    if a.precision != b.precision or not _dates_close(a, b):
        return False
    documents = {s.document for s in a.sources}
    if any(s.document in documents for s in b.sources):
        return False
    if a.actors and b.actors and not set(a.actors) & set(b.actors):
        return False
    if _overlap(title_words(a), title_words(b)) >= SAME_TITLE_WORDS:
        return True
    if a.topics and b.topics and not set(a.topics) & set(b.topics):
        return False
    return _overlap(content_words(a), content_words(b)) >= SAME_HAPPENING_WORDS


def is_explicit(expression: str) -> bool:
    """Whether dating words name the date themselves ("October 20") or need a reference."""
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
    """Events filed by precision and date, to find those close enough to compare.

    Comparing every mention with every other grows with the square of the
    archive; only mentions within a few days can be the same happening.
    """

    def __init__(self) -> None:
        self._slots: dict[tuple[str, date], list[Event]] = {}

    def _keys(self, event: Event, spread: int) -> list[tuple[str, date]]:
        start = date_span(event.date, event.precision)[0]
        if event.precision != "day":
            return [(event.precision, start)]
        return [("day", start + timedelta(days=d)) for d in range(-spread, spread + 1)]

    def add(self, event: Event) -> None:
        self._slots.setdefault(self._keys(event, 0)[0], []).append(event)

    def near(self, event: Event) -> list[Event]:
        return [e for key in self._keys(event, NEAR_DAYS) for e in self._slots.get(key, [])]


def cluster(events: list[Event], published: dict[str, date]) -> list[Event]:
    """Join mentions of the same happening; each event gets its stable id."""
    groups: dict[int, list[Event]] = {}
    home_of: dict[int, int] = {}
    index = DateIndex()
    for event in sorted(events, key=lambda e: (e.date, min(map(source_key, e.sources)))):
        match = next((m for m in index.near(event) if same_happening(event, m)), None)
        home = home_of[id(match)] if match is not None else len(groups)
        groups.setdefault(home, []).append(event)
        home_of[id(event)] = home
        index.add(event)
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


def merge_extraction(
    store: Store,
    records: list[DocumentRecord],
    extracted: list[Event],
    root: Path = Path("."),
    prune: bool = False,
) -> MergeReport:
    """Fold the events extracted from `records` into `store`, in place.

    Mentions from the documents read now replace those documents' old mentions;
    rejected events stay rejected, edited fields stay as edited, events added by
    hand stay, and an event keeps its id while any of its mentions is found again.
    Fresh events found in the same stored event are folded into it together: a
    document read again gives back the mentions it gave before.
    """
    report = MergeReport(read=len(records))
    read = {r.id for r in records}
    store.documents = [d for d in store.documents if d.id not in read] + list(records)
    published = {d.id: date.fromisoformat(d.published) for d in store.documents if d.published}
    owner = {source_key(s): e for e in store.events for s in e.sources}
    kept_sources = {e.id: [s for s in e.sources if s.document not in read] for e in store.events}
    others = DateIndex()
    for event in store.events:
        if kept_sources[event.id]:
            others.add(event)
    taken = {e.id for e in store.events}
    found_again: dict[str, tuple[Event, list[Event]]] = {}
    for fresh in cluster(extracted, published):
        existing = next((owner[k] for k in map(source_key, fresh.sources) if k in owner), None)
        if existing is None:
            existing = next((e for e in others.near(fresh) if same_happening(fresh, e)), None)
        if existing is None:
            fresh.id = unused_id(fresh.id, taken)
            taken.add(fresh.id)
            store.events.append(fresh)
            report.new.append(fresh.id)
        else:
            found_again.setdefault(existing.id, (existing, []))[1].append(fresh)
    for existing, mentions in found_again.values():
        fresh = mentions[0] if len(mentions) == 1 else combine(mentions, published)
        _update(existing, fresh, kept_sources[existing.id], published)
    refreshed = set(found_again)
    survivors = []
    new = set(report.new)
    for event in store.events:
        if event.id not in refreshed and event.id not in new:
            remaining = kept_sources.get(event.id, event.sources)
            if remaining or not event.sources:
                event.sources = remaining
            elif _curated(event):
                event.orphaned = True
            else:
                report.removed.append(event.id)
                continue
        survivors.append(event)
    store.events = survivors
    _flag_missing_documents(store, root, prune, report)
    report.events = len(store.events)
    return report
