"""One pass over the text: where expressions start, and which rule reads each one.

A single regular expression (a trie of every word a rule can start with, plus
digits and a few symbols) finds the places worth a look; at each, only the
rules that can start with that token are tried, in their order, and the first
whose reader accepts wins. Web addresses, e-mail addresses and handles are
found first and never looked into.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from timeline.dates.amounts import AMOUNT_READERS, SKIP
from timeline.dates.parsing import LOOK_AHEAD, LOOK_BEHIND, Around
from timeline.dates.patterns import (
    DIGIT_GATE,
    FLAGS,
    FOLLOWERS,
    NUMBER_CLASSES,
    RULES,
    SP,
    STARTER_CLASSES,
    UNREAD,
)
from timeline.dates.points import POINT_READERS
from timeline.dates.readings import Range, Reading
from timeline.dates.relative import RELATIVE_READERS
from timeline.dates.years import YEAR_READERS
from timeline.trie import trie_pattern

READERS: dict[str, Callable] = {
    **POINT_READERS,
    **RELATIVE_READERS,
    **YEAR_READERS,
    **AMOUNT_READERS,
}
COMPILED = tuple((rule.name, re.compile(rule.source, FLAGS)) for rule in RULES)
# Each rule's pattern with its reader, in rule order, for the scan's inner loop.
_MATCHERS = tuple((pattern, READERS[name]) for name, pattern in COMPILED)

_TLDS = "com|org|net|gov|edu|int|mil|io|uk|fr|de|il|ps|qa|eg|info|news|tv|ly|me|co"
# Led by one of four characters, so the search skips ahead in C between hints.
_WEB_HINT = re.compile(rf"[.#@:](?:(?<=\.)(?:{_TLDS})(?![\w])|(?<=[#@])(?=\w)|(?<=:)//)", FLAGS)
_ADDRESS_EDGE = re.compile(r"[\s<>\"“”‘’'()\[\]]")
_TRAILING = ".,;:!?"
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Found:
    """A stretch of text a rule accepted, and what it means."""

    start: int
    end: int
    reading: Reading | Range


def _dispatch() -> dict[str, tuple[int, ...]]:
    """Starter token → indices of the rules that can start with it, in rule order."""
    table: dict[str, set[int]] = {}
    for index, rule in enumerate(RULES):
        for starter in rule.starters:
            for token in STARTER_CLASSES.get(starter) or NUMBER_CLASSES.get(starter, {starter}):
                table.setdefault(token, set()).add(index)
    return {token: tuple(sorted(indices)) for token, indices in table.items()}


def _starter_word() -> str:
    """The pattern of a starter word: any but the commonest, which need a follower."""
    words = {token for token in DISPATCH if token.isalpha() and token not in FOLLOWERS}
    gated = "|".join(
        rf"{word}(?={SP}(?:{trie_pattern(followers)})(?![^\W\d_])|{SP}\d)"
        for word, followers in FOLLOWERS.items()
    )
    return rf"(?:{gated}|{trie_pattern(words)})(?![^\W\d_])"


DISPATCH = _dispatch()
SYMBOLS = frozenset(token for token in DISPATCH if len(token) == 1 and not token.isalnum())
_STARTER_WORD = _starter_word()
_SYMBOL_CLASS = "[" + "".join(re.escape(symbol) for symbol in sorted(SYMBOLS)) + "]"
# Every place a rule may start: a starter word, a number, a symbol.
TRIGGER = re.compile(rf"(?<![\w]){_STARTER_WORD}|(?<![\w.,])\d|{_SYMBOL_CLASS}", FLAGS)
# The same pattern without IGNORECASE, for lower-cased text: the places it finds
# are those the scan must try (tests hold TRIGGER_AFTER_GAP to it).
TRIGGER_LOWER = re.compile(TRIGGER.pattern)
# The same places found from the character before them, for lower-cased text: a
# word or a number starts after a non-word character, and every symbol is one,
# so the search skips through words in C. Group "word" or "number" is the
# trigger after the character, which may be a symbol itself.
TRIGGER_AFTER_GAP = re.compile(
    rf"\W(?:(?=(?P<word>{_STARTER_WORD})|(?<![.,])(?P<number>\d))|(?<={_SYMBOL_CLASS}))"
)
GATE = re.compile(DIGIT_GATE, FLAGS)
_UNREAD = re.compile(UNREAD)


@dataclass
class Tried:
    """What the rules made of each position a scan of text[lo:hi] tried: a Found or None.

    A page is scanned whole for its furniture, then block by block. Where a
    block's bounds cannot change a position's outcome, the block's scan takes it
    from the page's instead of trying the rules again.
    """

    text: str
    lo: int
    hi: int
    outcomes: dict[int, Found | None] = field(default_factory=dict)

    @cached_property
    def unread(self) -> list[int]:
        """Where the UNREAD characters stand in the text, in order."""
        return [match.start() for match in _UNREAD.finditer(self.text)]

    @cached_property
    def triggers(self) -> list[tuple[int, str]]:
        """Every place in text[lo:hi] a rule may start, with its token (see `_triggers`)."""
        return list(_triggers(self.text, self.lo, self.hi))

    def triggers_in(self, start: int, end: int) -> list[tuple[int, str]]:
        """The triggers of text[start:end]: this scan's up to the last UNREAD character
        before `end` (the trigger pattern reads no further), then those found anew."""
        if (start, end) == (self.lo, self.hi):
            return self.triggers
        index = bisect_right(self.unread, end - 1) - 1
        cut = max(self.unread[index], start) if index >= 0 else start
        first = bisect_right(self.triggers, (start, ""))
        last = bisect_right(self.triggers, (cut, ""))
        return self.triggers[first:last] + list(_triggers(self.text, cut, end))

    def holds(self, text: str, start: int, end: int) -> bool:
        """Whether a scan of text[start:end] can take outcomes from this one."""
        return text is self.text and self.lo <= start and end <= self.hi

    def shared(self, start: int, end: int) -> range:
        """The positions of text[start:end] whose outcome is the same in this scan.

        Readers look LOOK_BEHIND characters back and LOOK_AHEAD on, clipped to
        the stretch; rules never read past an UNREAD character. So the outcome
        at a position is the same if the stretches share their start or it is
        far enough from it, and if they share their end or an UNREAD character
        follows it far enough from that end.
        """
        first = start if start == self.lo else start + LOOK_BEHIND
        if end == self.hi:
            return range(first, end)
        index = bisect_right(self.unread, end - LOOK_AHEAD) - 1
        return range(first, self.unread[index] if index >= 0 else first)


# The latest scan that did not reuse another: a page's, for its blocks.
_LATEST: list[Tried] = []


def _tried_for(text: str, start: int, end: int) -> Tried:
    """The latest scan if text[start:end] lies within it, else a new one that becomes the latest."""
    if _LATEST and _LATEST[0].holds(text, start, end):
        return _LATEST[0]
    _LATEST[:] = [Tried(text, start, end)]
    return _LATEST[0]


def web_addresses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of URLs, bare domains, e-mail addresses, handles and hashtags."""
    spans: list[tuple[int, int]] = []
    position = start
    while True:
        hint = _WEB_HINT.search(text, position, end)
        if hint is None:
            return spans
        left = hint.start()
        while left > start and not _ADDRESS_EDGE.match(text, left - 1):
            left -= 1
        right = hint.end()
        edge = _ADDRESS_EDGE.search(text, right, end)
        right = edge.start() if edge else end
        while right > hint.end() and text[right - 1] in _TRAILING:
            right -= 1
        spans.append((left, right))
        position = max(right, hint.end())


def scan(text: str, start: int, end: int) -> Iterator[Found]:
    """Every expression in text[start:end], left to right, none overlapping."""
    around = Around(text, start, end)
    addresses = web_addresses(text, start, end)
    tried = _tried_for(text, start, end)
    shared, outcomes = tried.shared(start, end), tried.outcomes
    address = 0
    position = start
    for at, token in tried.triggers_in(start, end):
        if at < position:
            continue
        while address < len(addresses) and addresses[address][1] <= at:
            address += 1
        if address < len(addresses) and addresses[address][0] <= at:
            position = addresses[address][1]
            continue
        if at not in shared:
            found = _outcome(around, at, token)
        elif at in outcomes:
            found = outcomes[at]
        else:
            found = outcomes[at] = _outcome(around, at, token)
        if found is None:
            continue
        position = found.end
        crosses = address < len(addresses) and addresses[address][0] < found.end
        if found.reading is not SKIP and not crosses:
            yield found


def _outcome(around: Around, at: int, token: str) -> Found | None:
    """What the rules make of the trigger `token` at `at`: a number needs its gate first."""
    if token[0].isdigit():
        if not GATE.match(around.text, at, around.hi):
            return None
        token = number_key(around.text, at)
    return _first_accepted(around, at, DISPATCH.get(token, ()))


def number_key(text: str, position: int) -> str:
    """The dispatch key of the number at `position`: "0" for one or two digits, "0000"
    for four, "000" otherwise (see NUMBER_CLASSES)."""
    digits = _DIGITS.match(text, position)
    length = len(digits.group()) if digits else 0
    return "0" if length <= 2 else "0000" if length == 4 else "000"


def _triggers(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """Each place in text[start:end] a rule may start, with its token in lower case.

    TRIGGER_AFTER_GAP runs case-sensitively on a lower-cased copy of the
    stretch, led by the character before it (a space at the start of the
    text): much faster than ignoring case. Should lower-casing change the
    length (a rare Unicode letter), the slower case-insensitive pattern runs on
    the text itself.
    """
    lowered = (text[start - 1 : end] if start else " " + text[:end]).lower()
    if len(lowered) != end - start + 1:
        for trigger in TRIGGER.finditer(text, start, end):
            yield trigger.start(), trigger.group().lower()
        return
    offset = start - 1
    for gap in TRIGGER_AFTER_GAP.finditer(lowered):
        at = gap.start()
        if at and lowered[at] in SYMBOLS:
            yield at + offset, lowered[at]
        token = gap["word"] or gap["number"]
        if token:
            yield at + 1 + offset, token


def _first_accepted(around: Around, position: int, rules: tuple[int, ...]) -> Found | None:
    """The first of `rules` that matches at `position` and whose reader accepts."""
    text, hi = around.text, around.hi
    for index in rules:
        pattern, read = _MATCHERS[index]
        match = pattern.match(text, position, hi)
        if match is None or match.end() == position:
            continue
        reading = read(match, around)
        if reading is not None:
            return Found(match.start(), match.end(), reading)
    return None
