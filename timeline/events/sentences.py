"""Sentences and clauses of article text, as character spans of the document.

Events are read one sentence at a time, and a sentence that strings two
happenings together ("Israel said it would extend the truce – and the truce was
extended on Monday") is read clause by clause. Spans, not strings, are returned
so that every quote stays an exact substring of the document with its offset.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Generic, Protocol, TypeVar

Span = tuple[int, int]


class Placed(Protocol):
    """Anything found at an offset of the document."""

    @property
    def start(self) -> int: ...


Item = TypeVar("Item", bound=Placed)


class ByStart(Generic[Item]):
    """Items sorted by where they start, so that those starting in a span are found by halving."""

    def __init__(self, items: Iterable[Item]) -> None:
        self.items = sorted(items, key=lambda item: item.start)
        self._starts = [item.start for item in self.items]

    def starting_in(self, span: Span) -> list[Item]:
        """The items that start inside `span`, in order."""
        return self.items[bisect_left(self._starts, span[0]) : bisect_left(self._starts, span[1])]


# Abbreviations whose period never ends a sentence.
NEVER_FINAL = frozenset(
    "Mr Mrs Ms Dr Prof Gen Lt Col Maj Capt Sgt Adm Cmdr Gov Sen Rep Rev Sec Pres Amb "
    "Hon Sr Jr St Mt Ft No Nos vs v Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
    "Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun approx est Dept Univ Gov't e.g i.e "
    "cf al Co Corp Inc Ltd Bros".split()
)
# Abbreviations that end a sentence when the next word plainly starts a new one.
SOMETIMES_FINAL = frozenset("U.S U.K U.N E.U a.m p.m etc Inc Ltd Corp Co Jr".split())
SENTENCE_STARTERS = frozenset(
    "The A An I He She It They We You This That These Those But And Yet So Then "
    "However Meanwhile In On At By For After Before When While Although Still Also "
    "His Her Its Their Our My There Here What Why How Who".split()
)
SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
LINE_BREAK = re.compile(r"\n+")
QUOTE_PAIRS = {"“": "”", "‘": "’", '"': '"'}
QUOTE_OPENING = re.compile("[" + "".join(QUOTE_PAIRS) + "]")
CLAUSE_BREAKS = r"\s*;\s+|\s+[–—]\s+|\s+--?\s+|:\s+(?=[A-Z“\"])"
# Every break starts with a space, a semicolon or a colon: the lookahead lets
# the search pass any other character at once (a test checks it against the breaks).
CLAUSE_BREAK = re.compile(rf"(?=[\s;:])(?:{CLAUSE_BREAKS})")
# Every break holds one of these marks: a sentence without any has no break to
# look for, which most sentences are (a test checks the marks against the breaks).
BREAK_MARK = re.compile(r"[;:–—-]")
CLAUSE_JOINT = re.compile(r",\s+(?:and|but|while|whereas|with)\s+")
FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|did|does|do|can|could|may|might|"
    r"must|shall|should|said|says|began|came|went|met|spoke|told|took|made|gave|sent|"
    r"left|held|won|lost|struck|fled|hit|saw|heard|found|thought|brought|bought|sold|kept|"
    r"felt|became|knew|grew|threw|drew|ran|rose|fell|chose|wrote|stood|led|sought|fought|"
    r"meant|paid|[a-z]+ed|[a-z]+ing)\b"
)
WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.']*)$")
NEXT_WORD = re.compile(r"\s*[\"'“‘(\[]?([A-Za-z]+)")
LOWER_WORD = re.compile(r"[a-z]+")
LIST_BREAK = re.compile(r"[,;]")
# How many spans' quotations are remembered: those of a document's clauses, and more.
QUOTES_CACHE_SIZE = 4096
NOT_VERBS = frozenset(
    "during including according regarding concerning following nothing something "
    "anything everything morning evening thing things king spring ring red bed need "
    "seed speed hundred armed".split()
)


def _word_before(text: str, position: int) -> str:
    """The word (letters and inner periods) ending just before `position`."""
    found = WORD_BEFORE.search(text[max(0, position - 20) : position])
    return found.group(1) if found else ""


def _next_word(text: str, position: int) -> str:
    """The first word after `position`, skipping spaces and opening quotes."""
    found = NEXT_WORD.match(text[position : position + 30])
    return found.group(1) if found else ""


def _ends_sentence(text: str, period: int, after: int) -> bool:
    """Whether the stop at `period` ends a sentence, abbreviations considered."""
    if text[period] != ".":
        return True
    word = _word_before(text, period)
    stem = word.rstrip(".")
    if len(stem) == 1 and stem.isupper():
        return False
    if stem in SOMETIMES_FINAL:
        return _next_word(text, after) in SENTENCE_STARTERS
    return stem not in NEVER_FINAL


def _trimmed(text: str, start: int, end: int) -> Span | None:
    """The span without its surrounding whitespace; None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The sentences of `text[start:end]`; a line break always ends one."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    line_start = start
    for line_end in [m.start() for m in LINE_BREAK.finditer(text, start, end)] + [end]:
        cut = line_start
        for stop in SENTENCE_END.finditer(text, line_start, line_end):
            if _ends_sentence(text, stop.start(), stop.end()):
                spans.append((cut, stop.end()))
                cut = stop.end()
        spans.append((cut, line_end))
        line_start = line_end
    return [s for s in (_trimmed(text, a, b) for a, b in spans) if s]


@lru_cache(maxsize=QUOTES_CACHE_SIZE)
def quoted_spans(text: str, start: int, end: int) -> tuple[Span, ...]:
    """Stretches of `text[start:end]` inside quotation marks, marks included.

    The search jumps from one opening mark to the next, so text without
    quotation marks costs one scan in C. Remembered: a clause's quotations are
    asked for by each reading of it, about six times.
    """
    spans: list[Span] = []
    position = start
    while (opening := QUOTE_OPENING.search(text, position, end)) is not None:
        position = opening.start()
        char = text[position]
        if char != "‘" or position == start or not text[position - 1].isalnum():
            close = text.find(QUOTE_PAIRS[char], position + 1, end)
            if close != -1:
                spans.append((position, close + 1))
                position = close + 1
                continue
        position += 1
    return tuple(spans)


def inside(position: int, spans: Sequence[Span]) -> bool:
    """Whether `position` falls inside one of `spans`."""
    return any(a <= position < b for a, b in spans)


def _has_finite_verb(words: str) -> bool:
    """Whether `words` hold something that reads as a verb (a participle will do)."""
    return any(m.group() not in NOT_VERBS for m in FINITE.finditer(words))


def is_conjugated(word: str) -> bool:
    """Whether `word` reads as a conjugated verb: an auxiliary or a past tense, no "-ing"."""
    found = FINITE.fullmatch(word)
    return bool(found) and word not in NOT_VERBS and not word.endswith("ing")


def has_conjugated_verb(words: str) -> bool:
    """Whether `words` hold a conjugated verb, so that they can stand as a clause."""
    return any(is_conjugated(w) for w in LOWER_WORD.findall(words))


def _joins_clauses(text: str, start: int, joint: re.Match[str], end: int) -> bool:
    """Whether a ", and" (", but", ", with"...) joins two clauses, not list items.

    ", and the truce was extended" does, after a clause with a verb of its own;
    "French, Dutch, and Danish envoys are" and "called X, and demanded Y" do not:
    each side needs a verb, and the second its own subject before it. ", with the
    minister saying" needs only its participle, ", while" only a verb after it.
    """
    following = LIST_BREAK.split(text[joint.end() : end], maxsplit=1)[0].split()
    joiner = joint.group().split()[-1]
    if joiner == "with":
        return any(w.endswith("ing") and w not in NOT_VERBS for w in following[:8])
    if joiner in ("while", "whereas"):
        return _has_finite_verb(" ".join(following[:6]))
    if not _has_finite_verb(text[start : joint.start()]):
        return False
    if not following or (FINITE.fullmatch(following[0]) and following[0] not in NOT_VERBS):
        return False
    return _has_finite_verb(" ".join(following[:6]))


def clauses(text: str, start: int, end: int) -> list[Span]:
    """The clauses of the sentence `text[start:end]`, split outside quotations only."""
    quoted = quoted_spans(text, start, end)
    cuts: list[Span] = []
    if BREAK_MARK.search(text, start, end):
        for found in CLAUSE_BREAK.finditer(text, start, end):
            if not inside(found.start(), quoted):
                cuts.append((found.start(), found.end()))
    for found in CLAUSE_JOINT.finditer(text, start, end):
        if not inside(found.start(), quoted) and _joins_clauses(text, start, found, end):
            cut_end = found.end() if not found.group().endswith("with ") else found.start() + 1
            cuts.append((found.start(), cut_end))
    spans: list[Span] = []
    position = start
    for cut_start, cut_end in sorted(cuts):
        if cut_start >= position:
            spans.append((position, cut_start))
            position = cut_end
    spans.append((position, end))
    return [s for s in (_trimmed(text, a, b) for a, b in spans) if s]


def blanked(text: str, span: Span, removals: list[Span]) -> str:
    """The text of `span` with `removals` blanked out, so that offsets still line up."""
    first, last = span
    cuts = sorted((max(start, first), min(end, last)) for start, end in removals)
    pieces, position = [], first
    for start, end in cuts:
        start = max(start, position)
        if end <= start:
            continue
        pieces += [text[position:start], " " * (end - start)]
        position = end
    pieces.append(text[position:last])
    return "".join(pieces)
