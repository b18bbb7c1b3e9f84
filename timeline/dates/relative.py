"""Readers of the rules that count from another date: "yesterday", "last week", "two days
ago", "the next day", "a week later".

Deictic expressions count from the reference date; anaphoric ones ("the next
day", "two days later") from the date mentioned just before, which the engine
supplies when it places them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from timeline.dates.lexicon import DIRECTIONS, SEASONS, unit_code
from timeline.dates.parsing import (
    Around,
    amount_of,
    part_suffix,
    quantity_mod,
    span_mod,
    whole_steps,
    words_of,
)
from timeline.dates.points import DAY_WORDS
from timeline.dates.readings import Anaphor, Fixed, Range, Reading, SeasonIn, Shifted

Read = Reading | Range | None
Match = re.Match[str]

ANAPHOR_STEPS = {"same": 0, "following": 1, "next": 1, "previous": -1, "prior": -1}
# The calendar granularity each unit counts in, and how many of it one unit is.
GRANULARITIES = {
    "D": ("day", 1),
    "W": ("week", 1),
    "FN": ("week", 2),
    "M": ("month", 1),
    "Y": ("year", 1),
    "DE": ("year", 10),
    "CE": ("year", 100),
}
_ENDS_OF_PHRASE = frozenset({"", ",", ".", ";", ":", "!", "?", ")", "—"})


def read_day_word(m: Match, around: Around) -> Read:
    """ "today", "yesterday evening", "tonight", "last night", "this morning"."""
    steps, suffix = DAY_WORDS[words_of(m.group("word"))]
    return Shifted("day", steps, part_suffix(m.group("part")) or suffix)


def read_deictic(m: Match, around: Around) -> Read:
    """ "last week", "earlier this month", "late last year", "over the weekend"."""
    direction = words_of(m.group("dir") or "the").removeprefix("the ").strip() or "the"
    unit = words_of(m.group("unit")).removeprefix("fiscal ")
    if not (m.group("dir") or m.group("edge")):
        return None
    if direction == "the" and not (unit == "weekend" or m.group("edge") or m.group("in")):
        return None
    mod = span_mod(m.group("edge")) or span_mod(m.group("pre"))
    steps = DIRECTIONS[direction]
    if unit in SEASONS:
        season_direction = {-1: "last", 1: "next"}.get(steps, "this")
        return SeasonIn(SEASONS[unit], season_direction, mod)
    if direction == "the" and unit in ("weekend", "week", "month", "year"):
        return Shifted(unit, None, mod=mod)
    return Shifted(unit, steps, mod=mod)


def _counted(m: Match) -> bool:
    """Whether a unit has a number before it or is plural ("two weeks", "weeks", not "week")."""
    return bool(m.group("amount")) or m.group("unit").lower().rstrip("'’").endswith("s")


def _steps(m: Match, sign: int) -> tuple[str, int] | None:
    """The granularity and signed count of "two weeks" in "two weeks ago/later"."""
    amount = amount_of(m.group("amount"))
    if amount is None:
        return None
    whole = whole_steps(amount, unit_code(m.group("unit")))
    if whole is None:
        return None
    count, unit = whole
    if unit in ("H", "MIN", "S"):
        return "day", 0
    granularity, factor = GRANULARITIES[unit]
    return granularity, sign * count * factor


def read_ago(m: Match, around: Around) -> Read:
    """ "two days ago", "a year ago"; "years ago" (no number) is PAST_REF."""
    if not _counted(m):
        return None
    mod = quantity_mod(m.group("qmod"))
    steps = _steps(m, -1)
    if steps is None:
        return Fixed("DATE", "PAST_REF", mod)
    return Shifted(*steps, mod=mod)


def read_from_now(m: Match, around: Around) -> Read:
    """ "two weeks from now"."""
    steps = _steps(m, 1)
    return Shifted(*steps) if steps else Fixed("DATE", "FUTURE_REF")


def read_anaphor(m: Match, around: Around) -> Read:
    """ "the next day", "that morning", "the day before": from the date just mentioned."""
    if m.group("unit2"):
        if around.token_after(m.end()) not in _ENDS_OF_PHRASE:
            return None
        step = -1 if m.group("side").lower() == "before" else 1
        unit = m.group("unit2").lower()
    else:
        relation = (m.group("rel") or "same").lower()
        unit = m.group("unit").lower()
        if relation == "next" and unit in ("week", "weekend", "month", "year"):
            return None
        step = ANAPHOR_STEPS[relation]
    if unit in ("week", "weekend", "month", "year"):
        return Anaphor(unit, step)
    return Anaphor("day", step, part_suffix(None if unit == "day" else unit))


def read_later(m: Match, around: Around) -> Read:
    """ "two days later", "less than an hour later", "a week earlier"."""
    if not _counted(m):
        return None
    sign = -1 if m.group("side").lower() == "earlier" else 1
    steps = _steps(m, sign)
    if steps is None:
        if unit_code(m.group("unit")) in ("H", "MIN", "S"):
            return Anaphor("day", 0)
        return None
    return Anaphor(*steps)


RELATIVE_READERS: dict[str, Callable[[Match, Around], Read]] = {
    "dayword": read_day_word,
    "deictic": read_deictic,
    "ago": read_ago,
    "from_now": read_from_now,
    "anaphor": read_anaphor,
    "later": read_later,
}
