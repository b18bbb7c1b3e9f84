"""Finding temporal expressions in a text and resolving them, in one pass and a walk.

The scan finds every expression and what it means (a reading); the walk then
goes through them in order and places each relative one: against the
reference date, against the date a quotation was introduced with, or against
the date just mentioned for "the next day" and its kind.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from timeline.dates.context import (
    PASSAGE_REACH,
    clause_tense,
    dated_passage,
    on_stamp_line,
    paragraphs_between,
)
from timeline.dates.lexicon import fold_case_twins, has_case_twins
from timeline.dates.parsing import Around
from timeline.dates.readings import (
    ANTECEDENT,
    REFERENCE,
    Anaphor,
    Fixed,
    MonthDay,
    Range,
    Reading,
    Situation,
    WeekdayIn,
)
from timeline.dates.scanner import Found, scan
from timeline.dates.values import Point, calendar_prefix, point_of, prefix_precision
from timeline.model import Block, Document, TimeExpression

# Block kinds in which nothing can be a date of the story.
UNDATED_KINDS = frozenset({"citation", "ad", "banner"})
# An anaphor looks back at most this many paragraph breaks, and characters, for
# its antecedent.
ANTECEDENT_PARAGRAPHS = 1
ANTECEDENT_REACH = 2000


@dataclass(frozen=True)
class Passage:
    """A quotation or statement whose relative words count from the date introducing it."""

    start: int
    end: int
    day: date
    introducer: int


def find_expressions(
    text: str, reference: date | None, start: int = 0, end: int | None = None
) -> list[TimeExpression]:
    """Every temporal expression in text[start:end], resolved, sorted, never overlapping.

    Spans are offsets into the whole `text`. Relative expressions resolve
    against `reference` (usually the publication date), or, inside a quotation
    introduced by a date, against that date; "the next day" and its kind against
    the day-precise date mentioned just before. With no reference, relative
    expressions are still returned, their values left TimeML-unresolved
    ("XXXX-10-20", "PAST_REF") rather than guessed.
    """
    end = len(text) if end is None else min(end, len(text))
    if has_case_twins(text, start, end):
        folded = find_expressions(fold_case_twins(text), reference, start, end)
        return [replace(x, text=text[x.start : x.end]) for x in folded]
    if isinstance(reference, datetime):
        reference = reference.date()
    around = Around(text, start, end)
    found = list(scan(text, start, end))
    passages = _passages(around, found, reference)
    return _walk(around, found, reference, passages)


def _passages(around: Around, found: list[Found], reference: date | None) -> list[Passage]:
    """The quotations and statements introduced by an explicit day, with that day."""
    passages: list[Passage] = []
    for item in found:
        if not _may_give_a_day(item.reading, reference):
            continue
        span = dated_passage(around, item.start, item.end)
        if span is None or on_stamp_line(around, item.start):
            continue
        outer = _innermost(passages, item.start) if item.reading.relative == REFERENCE else None
        situation = Situation(outer.day if outer else reference, _tense_of(around, item))
        point = point_of(item.reading.value(situation))
        if point is not None and point.granularity == "day":
            passages.append(Passage(span[0], span[1], point.day, item.start))
    return sorted(passages, key=lambda passage: passage.start)


def _innermost(passages: list[Passage], position: int) -> Passage | None:
    """The shortest of `passages` holding `position`: a weekday said inside a statement
    dated March 3 is placed from March 3, and so is the quotation it dates in turn."""
    holding = [p for p in passages if p.start <= position < p.end]
    return min(holding, key=lambda p: p.end - p.start, default=None)


def _may_give_a_day(reading: Reading | Range, reference: date | None) -> bool:
    """Whether a reading can date a passage: an absolute day, or a month and day or a
    weekday to place.

    Asked first because it is cheap: most expressions need no look for a quotation.
    """
    if isinstance(reading, Fixed):
        point = point_of(reading.fixed)
        return point is not None and point.granularity == "day"
    return isinstance(reading, (MonthDay, WeekdayIn)) and reference is not None


def _tense_of(around: Around, item: Found) -> Callable[[], str | None]:
    """The tense of the clause holding `item`, worked out only when asked for, and once."""
    known: list[str | None] = []

    def tense() -> str | None:
        if not known:
            known.append(clause_tense(around, item.start, item.end))
        return known[0]

    return tense


def _walk(
    around: Around, found: list[Found], reference: date | None, passages: list[Passage]
) -> list[TimeExpression]:
    """Resolve each expression in order, remembering the dates an anaphor may point to."""
    expressions: list[TimeExpression] = []
    mentioned: list[tuple[Found, Point]] = []
    starts = [passage.start for passage in passages]
    for item in found:
        reading = item.reading
        anchor: str | None = None
        situation = Situation(reference, _tense_of(around, item))
        if reading.relative == REFERENCE:
            passage = _passage_at(passages, starts, item.start)
            if passage is not None:
                situation = Situation(passage.day, situation.tense)
                anchor = f"expression@{passage.introducer}"
            elif reference is not None:
                anchor = "published"
        elif reading.relative == ANTECEDENT and isinstance(reading, Anaphor):
            antecedent = _antecedent(around, mentioned, item, reading)
            if antecedent is not None:
                situation = Situation(reference, situation.tense, antecedent[1])
                anchor = f"expression@{antecedent[0].start}"
        expression = _expression(around.text, item, situation, anchor)
        expressions.append(expression)
        point = point_of(expression.value) if expression.type in ("DATE", "TIME") else None
        if point is not None and not on_stamp_line(around, item.start):
            mentioned.append((item, point))
    return expressions


def _passage_at(passages: list[Passage], starts: list[int], position: int) -> Passage | None:
    """The innermost dated passage holding `position`, if any.

    Passages are sorted by start (`starts` lists them) and none is longer than
    PASSAGE_REACH, so only those starting within that reach before `position`
    need a look.
    """
    innermost: Passage | None = None
    index = bisect.bisect_right(starts, position) - 1
    while index >= 0 and starts[index] >= position - PASSAGE_REACH:
        passage = passages[index]
        if position < passage.end and (
            innermost is None or passage.end - passage.start < innermost.end - innermost.start
        ):
            innermost = passage
        index -= 1
    return innermost


def _antecedent(
    around: Around, mentioned: list[tuple[Found, Point]], item: Found, anaphor: Anaphor
) -> tuple[Found, Point] | None:
    """The latest date mentioned close enough before `item` and precise enough for it."""
    for earlier, point in reversed(mentioned):
        if item.start - earlier.end > ANTECEDENT_REACH:
            return None
        if paragraphs_between(around.text, earlier.end, item.start) > ANTECEDENT_PARAGRAPHS:
            return None
        if anaphor.accepts(point):
            return earlier, point
    return None


def _expression(text: str, item: Found, situation: Situation, anchor: str | None) -> TimeExpression:
    """The TimeExpression of a found stretch, its reading placed in `situation`."""
    reading = item.reading
    value = reading.value(situation)
    end_value = reading.end_value(situation) if isinstance(reading, Range) else None
    calendar = reading.type in ("DATE", "TIME")
    precision = prefix_precision(value) if calendar else None
    if "X" in value or value.endswith("_REF"):
        anchor = None
    return TimeExpression(
        start=item.start,
        end=item.end,
        text=text[item.start : item.end],
        type=reading.type,
        value=value,
        precision=precision,
        anchor=anchor,
        mod=reading.mod,
        end_value=end_value,
    )


def date_of(expression: TimeExpression) -> tuple[str, str] | None:
    """The calendar date an expression gives, as (value, precision) in the store's forms.

    A TIME "2023-11-27T13:25" gives ("2023-11-27", "day"), a weekend
    "2023-W47-WE" gives ("2023-W47", "week"), "2023-SU" gives ("2023", "year");
    a duration, a set, a *_REF or an unresolved value gives None.
    """
    return calendar_prefix(expression.value) if expression.precision else None


def document_expressions(
    document: Document, blocks: Sequence[Block] | None = None
) -> list[TimeExpression]:
    """Every expression of a document, block by block, each block with its own reference.

    A block resolves against its own reference (a post's timestamp) or else
    the publication date. Blocks of UNDATED_KINDS are skipped: a citation's
    years date a paper, an advert's "60-day guarantee" and a site banner's
    slogan date nothing in the story. Given `blocks` (some of the document's),
    only those are read: each block is read on its own, so the expressions
    are those the whole document has in them.
    """
    if blocks is None:
        blocks = document.blocks or [Block(0, len(document.text), "body")]
    expressions: list[TimeExpression] = []
    for block in blocks:
        if block.kind in UNDATED_KINDS:
            continue
        reference = block.reference or document.published
        expressions.extend(find_expressions(document.text, reference, block.start, block.end))
    return sorted(expressions, key=lambda expression: expression.start)
