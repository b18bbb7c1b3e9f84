"""Mentions of one happening: their identity, how alike two are, and joining them.

A mention is identified by what it cites, never by its offset or title, so the
id of the event it starts survives re-runs, new documents and better titles.
Joining compares what two mentions say and when, within a few days.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from timeline.model import Event, Source, date_span, precision_of

WORD = re.compile(r"[a-z0-9]+")
# A run of letters and digits long enough to mean something: WORD's runs of three or more.
LONG_WORD = re.compile(r"[a-z0-9]{3,}")
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
# Words whose singular is remembered: a language's everyday vocabulary.
SINGULARS_KEPT = 16384
# Dates whose index slots are remembered, near and exact: an archive's few thousand dates.
DATES_KEPT = 16384


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
def meaningful_words(text: str) -> frozenset[str]:
    """Lower-cased words of three characters or more that carry meaning, plural -s taken off.

    Remembered, because each mention is compared with every mention near its
    date, and splitting the same sentences again dominated large merges.
    """
    unique = set(LONG_WORD.findall(text.lower())).difference(STOPWORDS)
    return frozenset(map(_singular, unique))


@lru_cache(maxsize=SINGULARS_KEPT)
def _singular(word: str) -> str:
    """A word with a plural -s taken off, when it is long enough to be a plural.

    Remembered, because texts are many and words few: most words of a new
    sentence were met before, and looking one up beats testing it again.
    """
    return word[:-1] if word.endswith("s") and len(word) > 4 else word


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
    title = meaningful_words(event.title)
    return Likeness(
        documents=frozenset(s.document for s in event.sources),
        actors=frozenset(event.actors),
        topics=frozenset(event.topics),
        title=title,
        content=title.union(*(meaningful_words(s.quote) for s in event.sources)),
    )


def _dates_close(a: Event, b: Event) -> bool:
    a_start, a_end = date_span(a.date, a.precision)
    b_start, b_end = date_span(b.date, b.precision)
    if a.precision == b.precision == "day":
        return abs((a_start - b_start).days) <= NEAR_DAYS
    return a_start <= b_end and b_start <= a_end


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
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
    if overlap(a.title, b.title) >= SAME_TITLE_WORDS:
        return True
    if a.topics and b.topics and a.topics.isdisjoint(b.topics):
        return False
    return overlap(a.content, b.content) >= SAME_HAPPENING_WORDS


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
    then the most precise and the earliest. A date every source gives is
    taken without weighing: most happenings have one mention.
    """
    if sources and all(s.date == sources[0].date for s in sources):
        return sources[0].date
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


@lru_cache(maxsize=DATES_KEPT)
def _slot_keys(value: str, precision: str, spread: int) -> tuple[tuple[str, date], ...]:
    """Where a date index files mentions of a date, and `spread` days either side of it.

    Remembered, because every mention of a merge looks for the slots near its
    date, and an archive names the same few thousand dates again and again.
    """
    start = date_span(value, precision)[0]
    if precision != "day":
        return ((precision, start),)
    return tuple(("day", start + timedelta(days=d)) for d in range(-spread, spread + 1))


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

    def add(self, event: Event, like: Likeness | None = None) -> None:
        self._slots.setdefault(_slot_keys(event.date, event.precision, 0)[0], []).append(event)
        if like is not None:
            self._likeness[id(event)] = like

    def remove(self, event: Event) -> None:
        """Take an event out, by identity, before it changes or leaves the store."""
        slot = self._slots.get(_slot_keys(event.date, event.precision, 0)[0], [])
        slot[:] = [e for e in slot if e is not event]
        self._likeness.pop(id(event), None)

    def near(self, event: Event) -> Iterator[tuple[Event, Likeness]]:
        """The mentions filed close enough to `event` to be the same happening."""
        for key in _slot_keys(event.date, event.precision, NEAR_DAYS):
            for other in self._slots.get(key, ()):
                like = self._likeness.get(id(other))
                if like is None:
                    like = self._likeness[id(other)] = likeness(other)
                yield other, like


def cluster(events: list[Event], published: dict[str, date]) -> list[tuple[Event, Likeness]]:
    """Join mentions of the same happening; each event gets its stable id.

    Mentions are taken in date order, and each joins the first group whose
    first mention (its leader) it is alike to, or leads a group of its own.
    Comparing with leaders only keeps a chain of look-alikes (a strike on
    Monday like one on Tuesday, like one on Thursday, ...) from growing into
    one event that spans weeks and gathers every party of a long story.

    Each event comes with its likeness, which the store merge compares it by
    next: most happenings have one mention, whose likeness is the event's.
    """
    groups: dict[int, list[tuple[Event, Likeness]]] = {}
    leaders = DateIndex()
    for event in sorted(events, key=lambda e: (e.date, min(map(source_key, e.sources)))):
        like = likeness(event)
        leader = next((m for m, other in leaders.near(event) if alike(like, other)), None)
        if leader is None:
            leader = event
            leaders.add(event, like)
        groups.setdefault(id(leader), []).append((event, like))
    return [_joined(group, published) for group in groups.values()]


def _joined(
    group: list[tuple[Event, Likeness]], published: dict[str, date]
) -> tuple[Event, Likeness]:
    """One event from a group of mentions, with its likeness.

    A lone mention's event cites, names and involves what the mention does, so
    its likeness is the mention's, not worked out again.
    """
    event = combine([e for e, _ in group], published)
    return event, group[0][1] if len(group) == 1 else likeness(event)
