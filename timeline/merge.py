"""One event per happening, stable ids, and curation that survives re-extraction.

Extraction gives events per document; this stage joins mentions of the same
happening across documents, gives each event an id derived from what it cites
(so it survives re-runs, new documents and better titles), and folds the result
into the existing store without undoing anything a person did.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from timeline.model import DocumentRecord, Event, Source, Store, date_span

WORD = re.compile(r"[a-z0-9]+")
STOPWORDS = frozenset(
    "a an the of to in on at by for and or but with from as that this is was were be been "
    "has have had it its he she they them their his her who which said says would could will "
    "after before over about into than then also not no more".split()
)
EXTRACTED_FIELDS = ("date", "precision", "qualifier", "title", "actors", "topics", "confidence")
SAME_HAPPENING_WORDS = 0.25
NEAR_DAYS = 3


@dataclass
class MergeReport:
    """What a merge changed, for the one-line summary."""

    events: int = 0
    new: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


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


def content_words(event: Event) -> set[str]:
    """The words that say what happened, for comparing two mentions."""
    text = " ".join([event.title, *(s.quote for s in event.sources)]).lower()
    return {w for w in WORD.findall(text) if w not in STOPWORDS and len(w) > 2}


def _dates_close(a: Event, b: Event) -> bool:
    a_start, a_end = date_span(a.date, a.precision)
    b_start, b_end = date_span(b.date, b.precision)
    if a.precision == b.precision == "day":
        return abs((a_start - b_start).days) <= NEAR_DAYS
    return a_start <= b_end and b_start <= a_end


def same_happening(a: Event, b: Event) -> bool:
    """Whether two mentions from different documents report one happening.

    Dates of the same precision and close, a shared actor (or none on either
    side), a shared topic (or none) and enough shared words; a call and a
    statement on the same day differ in their words and stay apart.
    """
    if a.precision != b.precision or not _dates_close(a, b):
        return False
    if a.actors and b.actors and not set(a.actors) & set(b.actors):
        return False
    if a.topics and b.topics and not set(a.topics) & set(b.topics):
        return False
    words_a, words_b = content_words(a), content_words(b)
    if not words_a or not words_b:
        return False
    overlap = len(words_a & words_b) / min(len(words_a), len(words_b))
    return overlap >= SAME_HAPPENING_WORDS


def best_date(sources: list[Source]) -> str:
    """The date most sources give; ties go to the most precise, then the earliest."""
    counts = Counter(s.date for s in sources)
    return min(counts, key=lambda d: (-counts[d], -len(d), d))


def combine(events: list[Event]) -> Event:
    """One event from several mentions of a happening; disagreeing dates flagged."""
    first = max(events, key=lambda e: (e.confidence or 0, -len(e.title)))
    sources = sorted(
        {source_key(s): s for e in events for s in e.sources}.values(),
        key=lambda s: (s.document, s.offset),
    )
    date = best_date(sources)
    dated = next((e for e in events if e.date == date), first)
    return Event(
        id=event_id(sources),
        date=date,
        precision=dated.precision,
        qualifier=dated.qualifier,
        title=first.title,
        actors=sorted({a for e in events for a in e.actors}),
        topics=sorted({t for e in events for t in e.topics}),
        sources=sources,
        confidence=max((e.confidence or 0.0) for e in events) or None,
        conflict=len({s.date for s in sources}) > 1,
    )


def cluster(events: list[Event]) -> list[Event]:
    """Join mentions of the same happening; each event gets its stable id."""
    groups: list[list[Event]] = []
    for event in sorted(events, key=lambda e: (e.date, min(map(source_key, e.sources)))):
        home = next((g for g in groups if any(same_happening(event, m) for m in g)), None)
        if home is None:
            groups.append([event])
        else:
            home.append(event)
    return [combine(group) for group in groups]


def _curated(event: Event) -> bool:
    return event.status != "extracted" or bool(event.edited) or event.added_by_hand


def _update(existing: Event, fresh: Event, kept: list[Source]) -> None:
    """Refresh an existing event from a new extraction, leaving edited fields alone."""
    for name in EXTRACTED_FIELDS:
        if name not in existing.edited:
            setattr(existing, name, getattr(fresh, name))
    existing.sources = sorted(
        {source_key(s): s for s in [*kept, *fresh.sources]}.values(),
        key=lambda s: (s.document, s.offset),
    )
    existing.conflict = len({s.date for s in existing.sources}) > 1
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
    """
    report = MergeReport()
    read = {r.id for r in records}
    store.documents = [d for d in store.documents if d.id not in read] + list(records)
    owner = {source_key(s): e for e in store.events for s in e.sources}
    kept_sources = {e.id: [s for s in e.sources if s.document not in read] for e in store.events}
    refreshed: set[str] = set()
    for fresh in cluster(extracted):
        existing = next((owner[k] for k in map(source_key, fresh.sources) if k in owner), None)
        if existing is None or existing.id in refreshed:
            store.events.append(fresh)
            report.new.append(fresh.id)
            continue
        _update(existing, fresh, kept_sources[existing.id])
        refreshed.add(existing.id)
    survivors = []
    for event in store.events:
        if event.id not in refreshed and event.id not in report.new:
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
