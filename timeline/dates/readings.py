"""What an expression means before it is placed on the calendar.

A pattern that matched says "the Friday before the reference" or "the day after
the date just mentioned"; a reading holds that meaning, and `value` places it
once the reference date, the clause's tense and the antecedent are known. A
reading that cannot be placed writes its value TimeML-style with X's, so an
unresolved expression is still reported and never guessed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from timeline.dates.values import (
    Point,
    day_value,
    format_at,
    month_day_in_year,
    month_in_year,
    month_relative,
    month_value,
    point_of,
    quarter_near,
    season_near,
    shift,
    week_value,
    weekday_near,
    weekday_relative,
)

# What a relative reading is resolved against.
ABSOLUTE = "absolute"
REFERENCE = "reference"
ANTECEDENT = "antecedent"

# Which antecedents are fine enough for an anaphor of each granularity.
FINE_ENOUGH = {
    "day": ("day",),
    "week": ("day", "week"),
    "weekend": ("day", "week"),
    "month": ("day", "week", "month"),
    "year": ("day", "week", "month", "year"),
}

_PLACEHOLDERS = {
    "day": "XXXX-XX-XX",
    "week": "XXXX-WXX",
    "weekend": "XXXX-WXX-WE",
    "month": "XXXX-XX",
    "year": "XXXX",
}


@dataclass(frozen=True)
class Situation:
    """What a relative reading may be placed against.

    `tense` is a function because working out the tense of a clause costs a
    scan of the sentence, and most expressions never need it.
    """

    reference: date | None
    tense: Callable[[], str | None]
    antecedent: Point | None = None


class _TimedBySuffix:
    """A reading whose suffix decides its type: TIME when a clock time or a part of
    the day is attached ("Tuesday night", "tonight"), else DATE."""

    suffix: str

    @property
    def type(self) -> str:
        """TIME or DATE, by the suffix."""
        return "TIME" if self.suffix else "DATE"


@dataclass(frozen=True)
class Fixed:
    """A value that needs nothing else: an absolute date, a duration, a set, a *_REF."""

    type: str
    fixed: str
    mod: str | None = None
    relative = ABSOLUTE

    def value(self, situation: Situation) -> str:
        """The value as read."""
        return self.fixed


@dataclass(frozen=True)
class MonthDay(_TimedBySuffix):
    """A day and month without a year ("October 20"): the year comes from the reference."""

    month: int
    day: int
    suffix: str = ""
    mod: str | None = None
    relative = REFERENCE

    def value(self, situation: Situation) -> str:
        """The date in the year nearest the reference on the side the tense says."""
        if situation.reference is not None:
            placed = month_day_in_year(self.month, self.day, situation.reference, situation.tense())
            if placed is not None:
                return day_value(placed) + self.suffix
        return f"XXXX-{self.month:02d}-{self.day:02d}{self.suffix}"


@dataclass(frozen=True)
class MonthIn:
    """A month without a year ("in October", "last July", "early November")."""

    month: int
    direction: str | None = None
    mod: str | None = None
    relative = REFERENCE
    type = "DATE"

    def value(self, situation: Situation) -> str:
        """The month placed by its direction word, else by the tense."""
        reference = situation.reference
        if reference is None:
            return f"XXXX-{self.month:02d}"
        if self.direction is not None:
            return month_value(*month_relative(self.month, reference, self.direction))
        return month_value(*month_in_year(self.month, reference, situation.tense()))


@dataclass(frozen=True)
class WeekdayIn(_TimedBySuffix):
    """A weekday ("Friday", "last Monday", "Tuesday night"): a full date once placed."""

    weekday: int
    direction: str | None = None
    suffix: str = ""
    mod: str | None = None
    relative = REFERENCE

    def value(self, situation: Situation) -> str:
        """The nearest such day on the side the tense (or "last"/"next") says."""
        reference = situation.reference
        if reference is None:
            return f"XXXX-WXX-{self.weekday + 1}{self.suffix}"
        if self.direction in ("last", "next"):
            day = weekday_relative(self.weekday, reference, self.direction)
        else:
            day = weekday_near(self.weekday, reference, situation.tense())
        return day_value(day) + self.suffix


@dataclass(frozen=True)
class Shifted(_TimedBySuffix):
    """A span some steps from the reference ("yesterday", "last week", "two years ago").

    `amount` None means "the one the tense points to": "the weekend", "the end of
    the year".
    """

    granularity: str
    amount: int | None
    suffix: str = ""
    mod: str | None = None
    relative = REFERENCE

    def value(self, situation: Situation) -> str:
        """The span placed from the reference; PAST/PRESENT/FUTURE_REF without one."""
        reference = situation.reference
        if reference is None:
            return _direction_ref(self.amount)
        amount = self.amount
        if amount is None:
            amount = _step_by_tense(reference, self.granularity, self.mod, situation.tense())
        return format_at(shift(reference, self.granularity, amount), self.granularity) + self.suffix


def _direction_ref(amount: int | None) -> str:
    """The TimeML *_REF value for a step count with no reference to count from."""
    if not amount:
        return "PRESENT_REF"
    return "PAST_REF" if amount < 0 else "FUTURE_REF"


def _step_by_tense(reference: date, granularity: str, mod: str | None, tense: str | None) -> int:
    """Which span "the weekend" or "the end of the year" means: 0 for the current one.

    Past text cannot speak of an end still ahead ("at the end of the year" in
    March is last year's), future text of a start already gone ("by the start
    of the year" in November is next year's).
    """
    if granularity == "weekend":
        return _weekend_step(reference, tense)
    share = _share_elapsed(reference, granularity)
    if mod == "END" and tense == "past" and share < 0.75:
        return -1
    if mod == "START" and tense == "future" and share > 0.25:
        return 1
    return 0


def _share_elapsed(reference: date, granularity: str) -> float:
    """How far through its week, month or year the reference is, from 0 to 1."""
    if granularity == "week":
        return reference.weekday() / 6
    if granularity == "month":
        return (reference.day - 1) / 30
    return (reference.timetuple().tm_yday - 1) / 365


def _weekend_step(reference: date, tense: str | None) -> int:
    """0 for this week's weekend, -1 for last week's: the one "the weekend" means.

    A weekend on the reference's own week lies ahead of it unless the reference
    is itself a Saturday or Sunday.
    """
    if reference.weekday() >= 5 or tense == "future":
        return 0
    if tense == "past":
        return -1
    since_sunday = reference.weekday() + 1
    until_saturday = 5 - reference.weekday()
    return -1 if since_sunday <= until_saturday else 0


@dataclass(frozen=True)
class SeasonIn:
    """A season without a year ("last summer", "in the winter")."""

    season: str
    direction: str | None = None
    mod: str | None = None
    relative = REFERENCE
    type = "DATE"

    def value(self, situation: Situation) -> str:
        """The season of the year its direction word, else the tense, points to."""
        reference = situation.reference
        if reference is None:
            return f"XXXX-{self.season}"
        year = season_near(self.season, reference, situation.tense(), self.direction)
        return f"{year:04d}-{self.season}"


@dataclass(frozen=True)
class YearPart:
    """A quarter or half of a year given relative to the reference.

    "the third quarter of last year" has `year_step` -1; "the third quarter"
    alone has None, and the tense picks the year.
    """

    code: str
    year_step: int | None = None
    mod: str | None = None
    relative = REFERENCE
    type = "DATE"

    def value(self, situation: Situation) -> str:
        """The part of the year placed by its step, else by the tense."""
        reference = situation.reference
        if reference is None:
            return f"XXXX-{self.code}"
        if self.year_step is not None:
            return f"{reference.year + self.year_step:04d}-{self.code}"
        first_quarter = {"H1": 1, "H2": 3}.get(self.code) or int(self.code[1])
        year = quarter_near(first_quarter, reference, situation.tense())
        return f"{year:04d}-{self.code}"


@dataclass(frozen=True)
class Anaphor(_TimedBySuffix):
    """A span placed from the date just mentioned ("the next day", "two weeks later")."""

    granularity: str
    amount: int
    suffix: str = ""
    mod: str | None = None
    relative = ANTECEDENT

    def accepts(self, antecedent: Point) -> bool:
        """Whether the antecedent is precise enough to count from."""
        return antecedent.granularity in FINE_ENOUGH[self.granularity]

    def value(self, situation: Situation) -> str:
        """The span counted from the antecedent; X's when there is none to count from."""
        antecedent = situation.antecedent
        if antecedent is None or not self.accepts(antecedent):
            return _PLACEHOLDERS[self.granularity] + self.suffix
        day = shift(antecedent.day, self.granularity, self.amount)
        if self.granularity == "day":
            return day_value(day) + self.suffix
        if self.granularity == "week":
            return week_value(day)
        return format_at(day, self.granularity)


Reading = Fixed | MonthDay | MonthIn | WeekdayIn | Shifted | SeasonIn | YearPart | Anaphor


@dataclass(frozen=True)
class Range:
    """A span from one reading to another ("Nov. 9-10", "from 1991 to 1998")."""

    first: Reading
    last: Reading
    mod: str | None = None

    @property
    def type(self) -> str:
        """The type of its start."""
        return self.first.type

    @property
    def relative(self) -> str:
        """Relative when either end is."""
        ends = (self.first.relative, self.last.relative)
        return REFERENCE if REFERENCE in ends else ABSOLUTE

    def value(self, situation: Situation) -> str:
        """The value of the start; `end_value` gives the end."""
        return self._ends(situation)[0]

    def end_value(self, situation: Situation) -> str:
        """The value of the end."""
        return self._ends(situation)[1]

    def _ends(self, situation: Situation) -> tuple[str, str]:
        """Both ends, the second placed after the first (or, in past text, the first before).

        "from Monday to Friday" in past text ends on the last Friday and starts on
        the Monday before it; in other text it starts on the nearest Monday and
        ends on the Friday after it, so a range never runs backwards.
        """
        if self.first.relative == ABSOLUTE or situation.reference is None:
            return self.first.value(situation), self.last.value(situation)
        if situation.tense() == "past":
            last = self.last.value(situation)
            return self.first.value(_from(last, "past", situation)), last
        first = self.first.value(situation)
        return first, self.last.value(_from(first, "future", situation))


def _from(value: str, tense: str, situation: Situation) -> Situation:
    """A situation whose reference is the day `value` starts on, with a fixed tense."""
    point = point_of(value)
    if point is None:
        return situation
    return Situation(point.day, lambda: tense, situation.antecedent)
