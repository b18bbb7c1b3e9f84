"""Gold chronologies, and how extracted events are matched and scored against them.

A gold file lists, per document, every dated happening a careful reader finds, the
strings that must never become events, and the true publication date. Matching is
by words, not by position: a gold event is found when the quote of an extracted event
holds all of its `match` words, so the score does not depend on how the extractor
cuts its quotes. Nothing here runs the extractor; `events_score.py` does, and hands
over plain `Candidate`s, so the rules can be tested on hand-made events.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

import yaml

from timeline.model import PRECISIONS, precision_of

# The topics gold files are written in; a system's other topics are not judged.
TOPICS = (
    "hostages",
    "truce and ceasefire",
    "humanitarian aid",
    "military operations",
    "diplomacy and negotiations",
    "casualties",
    "statements",
)

# Page furniture: a dating expression found in one of these is never an event.
# "post" and "faq" are left out on purpose: a quoted post may carry a real happening.
NON_EVENT_BLOCK_KINDS = frozenset(
    {"byline", "comment", "banner", "credit", "ad", "teaser", "citation", "stamp", "footer"}
)

_TYPOGRAPHY = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_FAR = 10**9


class GoldError(ValueError):
    """A gold file that cannot be used; the message lists every problem found."""


@dataclass(frozen=True)
class GoldEvent:
    """One dated happening of a document, as a careful reader dates it."""

    date: str
    precision: str
    match: str
    what: str
    actors: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    required: bool = True
    qualifier: str | None = None
    accept: tuple[str, ...] = ()
    happening: str | None = None
    end: str | None = None
    note: str | None = None

    @property
    def words(self) -> tuple[str, ...]:
        """The words a quote must hold, normalised as quotes are."""
        return tuple(normalise(self.match).split())

    @property
    def dates(self) -> tuple[str, ...]:
        """Every date counted as right for this event."""
        return (self.date, *self.accept)


@dataclass(frozen=True)
class NonEvent:
    """A dated string of a page that must never become an event."""

    text: str
    why: str


@dataclass(frozen=True)
class GoldDocument:
    """A document's gold: where it is, when it was published, what happened in it."""

    path: str
    title: str
    published: date
    published_window: tuple[date, date]
    published_how: str
    events: tuple[GoldEvent, ...]
    non_events: tuple[NonEvent, ...]

    def accepts_published(self, found: date | None) -> bool:
        """Whether a found publication date is one a reader of the page could defend."""
        first, last = self.published_window
        return found is not None and first <= found <= last


@dataclass(frozen=True)
class Quote:
    """One source of a candidate: the quote, its dating words, where the quote starts."""

    text: str
    expression: str
    start: int | None = None


@dataclass(frozen=True)
class Candidate:
    """An extracted event reduced to what scoring looks at."""

    date: str
    precision: str
    quotes: tuple[Quote, ...]
    actors: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    title: str = ""


class BlockLike(Protocol):
    """A stretch of a document and its kind (timeline.model.Block fits)."""

    start: int
    end: int
    kind: str


@dataclass
class Figures:
    """Counts for one document or a sum of documents; ratios are derived from them."""

    gold: int = 0
    required: int = 0
    extracted: int = 0
    found_required: int = 0
    found_optional: int = 0
    matched_extracted: int = 0
    date_right: int = 0
    precision_right: int = 0
    duplicates: int = 0
    non_events: int = 0
    actors_sum: float = 0.0
    topics_sum: float = 0.0

    @property
    def found(self) -> int:
        """Gold events found, required or not."""
        return self.found_required + self.found_optional

    def __add__(self, other: Figures) -> Figures:
        return Figures(
            **{name: value + getattr(other, name) for name, value in asdict(self).items()}
        )

    def ratios(self) -> dict[str, float | None]:
        """Recall, precision and the shares, None where nothing was there to count."""
        return {
            "recall": _share(self.found_required, self.required),
            "precision": _share(self.matched_extracted, self.extracted),
            "date_share": _share(self.date_right, self.found),
            "precision_share": _share(self.precision_right, self.found),
            "actors": _share(self.actors_sum, self.found),
            "topics": _share(self.topics_sum, self.found),
        }

    def as_dict(self) -> dict[str, Any]:
        """Counts and ratios together, for JSON."""
        return {**asdict(self), "found": self.found, **self.ratios()}


@dataclass
class DocumentScore:
    """How one system's events for one document compare with the gold."""

    figures: Figures
    pairs: list[tuple[GoldEvent, Candidate]] = field(default_factory=list)
    missed: list[GoldEvent] = field(default_factory=list)
    false: list[Candidate] = field(default_factory=list)
    duplicates: list[tuple[GoldEvent, Candidate]] = field(default_factory=list)
    non_event_hits: list[tuple[Candidate, str]] = field(default_factory=list)

    @property
    def wrong_dates(self) -> list[tuple[GoldEvent, Candidate]]:
        """Found gold events whose extracted date is not one the gold accepts."""
        return [(gold, cand) for gold, cand in self.pairs if cand.date not in gold.dates]


def _share(part: float, whole: int) -> float | None:
    return part / whole if whole else None


def fold(text: str) -> str:
    """Lower case and plain quotes, keeping every character where it was."""
    return text.lower().translate(_TYPOGRAPHY)


def normalise(text: str) -> str:
    """Fold and collapse whitespace, so line breaks and curly quotes never hide a match."""
    return " ".join(fold(text).split())


def jaccard(left: Iterable[str], right: Iterable[str]) -> float:
    """Overlap of two name sets, case-insensitive; two empty sets agree fully."""
    a = {name.casefold() for name in left}
    b = {name.casefold() for name in right}
    return len(a & b) / len(a | b) if a | b else 1.0


# ---- loading -------------------------------------------------------------------------


def load_gold(path: Path) -> list[GoldDocument]:
    """Read and check a gold file; raise GoldError naming every problem in it."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise GoldError(f"{path}: cannot read: {error}") from error
    problems: list[str] = []
    documents = [_document(entry, problems) for entry in (raw or {}).get("documents", [])]
    if not documents:
        problems.append("no documents")
    if problems:
        raise GoldError(f"{path}: " + "; ".join(problems))
    return documents


def _document(entry: dict[str, Any], problems: list[str]) -> GoldDocument:
    path = str(entry.get("path", ""))
    published = _iso_date(entry.get("published"), f"{path}: published", problems)
    window = entry.get("published_window") or [entry.get("published")] * 2
    first = _iso_date(window[0], f"{path}: published_window", problems)
    last = _iso_date(window[-1], f"{path}: published_window", problems)
    if first and last and published and not first <= published <= last:
        problems.append(f"{path}: published {published} lies outside its window")
    events = tuple(
        _event(item, f"{path} event {n}", problems)
        for n, item in enumerate(entry.get("events", []), 1)
    )
    non_events = tuple(
        NonEvent(text=str(item.get("text", "")), why=str(item.get("why", "")))
        for item in entry.get("non_events", [])
    )
    problems.extend(f"{path}: a non-event has no text" for item in non_events if not item.text)
    return GoldDocument(
        path=path,
        title=str(entry.get("title", "")),
        published=published or date.min,
        published_window=(first or date.min, last or date.max),
        published_how=str(entry.get("published_how", "")),
        events=events,
        non_events=non_events,
    )


def _event(item: dict[str, Any], where: str, problems: list[str]) -> GoldEvent:
    event = GoldEvent(
        date=str(item.get("date", "")),
        precision=str(item.get("precision", "")),
        match=str(item.get("match", "")),
        what=str(item.get("what", "")),
        actors=tuple(item.get("actors") or ()),
        topics=tuple(item.get("topics") or ()),
        required=item.get("required"),
        qualifier=item.get("qualifier"),
        accept=tuple(str(value) for value in item.get("accept") or ()),
        happening=item.get("happening"),
        end=None if item.get("end") is None else str(item["end"]),
        note=item.get("note"),
    )
    problems.extend(f"{where} ({event.match!r}): {problem}" for problem in event_problems(event))
    return event


def event_problems(event: GoldEvent) -> list[str]:
    """What is wrong with a gold event's fields, if anything."""
    problems = []
    if event.precision not in PRECISIONS:
        problems.append(f"precision {event.precision!r} is not one of {PRECISIONS}")
    elif precision_of(event.date) != event.precision:
        problems.append(f"date {event.date!r} is not of {event.precision} form")
    problems.extend(
        f"accepted date {value!r} has no known form"
        for value in event.accept
        if precision_of(value) is None
    )
    if event.end is not None and precision_of(event.end) is None:
        problems.append(f"end {event.end!r} has no known form")
    if not 1 <= len(event.words) <= 8:
        problems.append("match needs one to eight words")
    if not isinstance(event.required, bool):
        problems.append("required must be true or false")
    problems.extend(f"unknown topic {topic!r}" for topic in event.topics if topic not in TOPICS)
    return problems


def _iso_date(value: Any, where: str, problems: list[str]) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        problems.append(f"{where}: {value!r} is not a YYYY-MM-DD date")
        return None


# ---- matching ------------------------------------------------------------------------


def matching_quote(gold: GoldEvent, candidate: Candidate) -> Quote | None:
    """The first quote of the candidate that holds every match word of the gold event."""
    for quote in candidate.quotes:
        text = normalise(quote.text)
        if all(word in text for word in gold.words):
            return quote
    return None


def _pair_rank(gold: GoldEvent, candidate: Candidate, quote: Quote) -> tuple[bool, bool, int]:
    """How well a candidate fits a gold event: right date, right precision, then nearness
    of its dating words to the match words (two events told in one sentence)."""
    text = normalise(quote.text)
    expression_at = text.find(normalise(quote.expression)) if quote.expression else -1
    distance = abs(expression_at - text.find(gold.words[0])) if expression_at >= 0 else _FAR
    return (candidate.date in gold.dates, candidate.precision == gold.precision, -distance)


def assign(
    golds: Sequence[GoldEvent], candidates: Sequence[Candidate]
) -> tuple[dict[int, int], dict[int, set[int]]]:
    """Pair gold events with candidates, greedily by best fit, each side at most once.

    Returns the pairs (gold index → candidate index) and, for every candidate, the gold
    events it could have been (candidate index → gold indexes).
    """
    options: dict[int, set[int]] = {}
    ranked = []
    for g, gold in enumerate(golds):
        for c, candidate in enumerate(candidates):
            quote = matching_quote(gold, candidate)
            if quote is not None:
                options.setdefault(c, set()).add(g)
                ranked.append((_pair_rank(gold, candidate, quote), g, c))
    ranked.sort(key=lambda item: (tuple(-int(value) for value in item[0]), item[1], item[2]))
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, g, c in ranked:
        if g not in pairs and c not in taken:
            pairs[g] = c
            taken.add(c)
    _share_happenings(golds, candidates, pairs)
    return pairs, options


def _share_happenings(
    golds: Sequence[GoldEvent], candidates: Sequence[Candidate], pairs: dict[int, int]
) -> None:
    """Let one candidate stand for every mention of its happening that its quotes hold.

    A document that tells one happening twice should give one event with two
    sources; gold lists each mention, with the same `happening` key, and such an
    event finds them all.
    """
    for g, gold in enumerate(golds):
        if g in pairs or gold.happening is None:
            continue
        for other, c in list(pairs.items()):
            if golds[other].happening == gold.happening and matching_quote(gold, candidates[c]):
                pairs[g] = c
                break


def non_event_reason(
    candidate: Candidate,
    matched: bool,
    non_events: Sequence[NonEvent],
    blocks: Sequence[BlockLike] = (),
) -> str | None:
    """Why a candidate is a non-event, or None when it is not one.

    It is one when its dating words lie in a page-furniture block, or when a quote
    holds a non-event's text and either the candidate matched no gold event or its
    dating words are part of that text (a real event told beside a byline still counts).
    """
    for quote in candidate.quotes:
        kind = _block_kind_at(_expression_offset(quote), blocks)
        if kind in NON_EVENT_BLOCK_KINDS:
            return f"dated in a {kind} block"
        text = normalise(quote.text)
        expression = normalise(quote.expression)
        for non_event in non_events:
            words = normalise(non_event.text)
            if words in text and (not matched or (expression and expression in words)):
                return f"{non_event.why}: {non_event.text!r}"
    return None


def _expression_offset(quote: Quote) -> int | None:
    if quote.start is None or not quote.expression:
        return None
    inside = fold(quote.text).find(fold(quote.expression))
    return None if inside < 0 else quote.start + inside


def _block_kind_at(offset: int | None, blocks: Sequence[BlockLike]) -> str | None:
    if offset is None:
        return None
    return next((block.kind for block in blocks if block.start <= offset < block.end), None)


def score_document(
    gold: GoldDocument, candidates: Sequence[Candidate], blocks: Sequence[BlockLike] = ()
) -> DocumentScore:
    """Match one system's candidates for a document against its gold, and count."""
    pairs, options = assign(gold.events, candidates)
    paired = set(pairs.values())
    score = DocumentScore(figures=Figures(gold=len(gold.events), extracted=len(candidates)))
    figures = score.figures
    figures.required = sum(event.required for event in gold.events)
    figures.matched_extracted = len(options)
    for g, event in enumerate(gold.events):
        if g not in pairs:
            score.missed.append(event)
            continue
        candidate = candidates[pairs[g]]
        score.pairs.append((event, candidate))
        _count_pair(figures, event, candidate)
    duplicated: set[int] = set()
    for c, candidate in enumerate(candidates):
        if c not in options:
            score.false.append(candidate)
        elif c not in paired:
            again = sorted(g for g in options[c] if g in pairs)
            duplicated.update(again)
            score.duplicates.extend((gold.events[g], candidate) for g in again)
        reason = non_event_reason(candidate, c in options, gold.non_events, blocks)
        if reason is not None:
            score.non_event_hits.append((candidate, reason))
    figures.duplicates = len(duplicated)
    figures.non_events = len(score.non_event_hits)
    return score


def _count_pair(figures: Figures, event: GoldEvent, candidate: Candidate) -> None:
    if event.required:
        figures.found_required += 1
    else:
        figures.found_optional += 1
    figures.date_right += candidate.date in event.dates
    figures.precision_right += candidate.precision in {precision_of(value) for value in event.dates}
    figures.actors_sum += jaccard(candidate.actors, event.actors)
    figures.topics_sum += jaccard(set(candidate.topics) & set(TOPICS), event.topics)
