"""Calendar arithmetic and the TIMEX3 values it is written as.

Everything here is a pure function of its arguments: no clock is ever read, so
a relative expression means the same thing whenever and wherever it is run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from timeline.dates.lexicon import CLOCK_UNITS

_PREFIXES = (
    ("day", re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?![\d])")),
    ("week", re.compile(r"^(\d{4})-W(\d{2})(?![\d])")),
    ("month", re.compile(r"^(\d{4})-(\d{2})(?![\d])")),
    ("year", re.compile(r"^(\d{4})(?![\d])")),
)

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
# Values remembered by the readers of their calendar prefix: a page names the same
# few dates again and again, and each is read for every expression and every block.
VALUES_KEPT = 4096


@dataclass(frozen=True)
class Point:
    """A calendar span something resolved to: its first day and how wide it is."""

    day: date
    granularity: str


@lru_cache(maxsize=VALUES_KEPT)
def calendar_prefix(value: str) -> tuple[str, str] | None:
    """The calendar date a TIMEX3 value starts with, and its granularity, if any.

    "2023-11-27T13:25" starts with the day "2023-11-27", "2023-W47-WE" with the
    week "2023-W47", "2023-SU" with the year "2023"; "199" (a decade) and
    "P2D" with none.
    """
    found = _calendar_match(value)
    return (found[1].group(), found[0]) if found else None


def _calendar_match(value: str) -> tuple[str, re.Match[str]] | None:
    """The granularity of the calendar date a value starts with, and the match of its form."""
    for granularity, form in _PREFIXES:
        match = form.match(value)
        if match:
            return granularity, match
    return None


def prefix_precision(value: str) -> str | None:
    """The granularity of the calendar date a TIMEX3 value starts with, if any."""
    prefix = calendar_prefix(value)
    return prefix[1] if prefix else None


@lru_cache(maxsize=VALUES_KEPT)
def point_of(value: str) -> Point | None:
    """The calendar span a resolved value starts with, or None when it names none."""
    found = _calendar_match(value)
    if found is None:
        return None
    granularity, match = found
    numbers = [int(part) for part in match.groups()]
    try:
        if granularity == "day":
            return Point(date(*numbers), "day")
        if granularity == "week":
            return Point(date.fromisocalendar(numbers[0], numbers[1], 1), "week")
        if granularity == "month":
            return Point(date(numbers[0], numbers[1], 1), "month")
        return Point(date(numbers[0], 1, 1), "year")
    except ValueError:
        return None


def day_value(day: date) -> str:
    """A day as TIMEX3 writes it."""
    return day.isoformat()


def week_value(day: date) -> str:
    """The ISO week containing `day` ("2023-W42")."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    """A month as TIMEX3 writes it ("2023-10")."""
    return f"{year:04d}-{month:02d}"


def year_value(year: int) -> str:
    """A year as TIMEX3 writes it."""
    return f"{year:04d}"


def decade_value(year: int) -> str:
    """The decade containing `year`, in TimeML's three-digit form ("199")."""
    return f"{year // 10:03d}"


def century_value(year: int) -> str:
    """The century containing `year`, in TimeML's two-digit form ("19" for the 1900s)."""
    return f"{year // 100:02d}"


def quarter_value(year: int, quarter: int) -> str:
    """A quarter of a year ("2023-Q3")."""
    return f"{year:04d}-Q{quarter}"


def format_at(day: date, granularity: str) -> str:
    """The value of the span of width `granularity` that contains `day`."""
    if granularity == "day":
        return day_value(day)
    if granularity == "week":
        return week_value(day)
    if granularity == "weekend":
        return week_value(day) + "-WE"
    if granularity == "month":
        return month_value(day.year, day.month)
    if granularity == "quarter":
        return quarter_value(day.year, (day.month - 1) // 3 + 1)
    if granularity == "year":
        return year_value(day.year)
    if granularity == "decade":
        return decade_value(day.year)
    if granularity == "century":
        return century_value(day.year)
    raise ValueError(f"no calendar granularity {granularity!r}")


def add_months(day: date, months: int) -> date:
    """The first day of the month `months` after the month of `day`."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def shift(day: date, granularity: str, amount: int) -> date:
    """A day inside the span `amount` spans of `granularity` away from the one of `day`."""
    if granularity == "day":
        return day + timedelta(days=amount)
    if granularity in ("week", "weekend"):
        return day + timedelta(weeks=amount)
    if granularity == "month":
        return add_months(day, amount)
    if granularity == "quarter":
        return add_months(day, 3 * amount)
    if granularity == "year":
        return date(day.year + amount, 1, 1)
    if granularity == "decade":
        return date(day.year + 10 * amount, 1, 1)
    if granularity == "century":
        return date(day.year + 100 * amount, 1, 1)
    raise ValueError(f"no calendar granularity {granularity!r}")


def choose(candidates: list[int], reference: int, tense: str | None) -> int:
    """The candidate (as ordinals) that the tense points to, else the nearest.

    Past text takes the latest candidate on or before the reference, future text
    the earliest on or after; with no tense the nearest wins, the earlier one on
    a tie.
    """
    before = [c for c in candidates if c <= reference]
    after = [c for c in candidates if c >= reference]
    if tense == "past" and before:
        return max(before)
    if tense == "future" and after:
        return min(after)
    return min(candidates, key=lambda c: (abs(c - reference), c > reference))


def month_day_in_year(month: int, day: int, reference: date, tense: str | None) -> date | None:
    """The date of a day-and-month without a year, placed in the likeliest year."""
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(date(year, month, day).toordinal())
        except ValueError:
            continue
    if not candidates:
        return None
    return date.fromordinal(choose(candidates, reference.toordinal(), tense))


def month_in_year(month: int, reference: date, tense: str | None) -> tuple[int, int]:
    """The (year, month) of a month named without a year, placed in the likeliest year."""
    here = reference.year * 12 + reference.month - 1
    candidates = [(reference.year + delta) * 12 + month - 1 for delta in (-1, 0, 1)]
    chosen = choose(candidates, here, tense)
    return chosen // 12, chosen % 12 + 1


def month_relative(month: int, reference: date, direction: str) -> tuple[int, int]:
    """The (year, month) of "last July" / "next July" / "this July"."""
    if direction == "this":
        return reference.year, month
    if direction == "last":
        year = reference.year if month < reference.month else reference.year - 1
        return year, month
    year = reference.year if month > reference.month else reference.year + 1
    return year, month


def weekday_near(weekday: int, reference: date, tense: str | None) -> date:
    """The date of a weekday named alone, on the side of the reference the tense says."""
    back = (reference.weekday() - weekday) % 7
    forward = (weekday - reference.weekday()) % 7
    if tense == "past" or (tense is None and back <= forward):
        return reference - timedelta(days=back)
    return reference + timedelta(days=forward)


def weekday_relative(weekday: int, reference: date, direction: str) -> date:
    """The date of "last Friday" (strictly before) or "next Friday" (strictly after)."""
    if direction == "last":
        return reference - timedelta(days=(reference.weekday() - weekday - 1) % 7 + 1)
    return reference + timedelta(days=(weekday - reference.weekday() - 1) % 7 + 1)


def season_span(season: str, year: int) -> tuple[int, int]:
    """The first and last month (as year*12+month-1 ordinals) of a season of `year`."""
    first, last = SEASON_MONTHS[season]
    return year * 12 + first - 1, year * 12 + last - 1


def season_near(season: str, reference: date, tense: str | None, direction: str | None) -> int:
    """The year of a season named without one ("last summer", "in the winter")."""
    here = reference.year * 12 + reference.month - 1
    years = (reference.year - 2, reference.year - 1, reference.year, reference.year + 1)
    spans = {year: season_span(season, year) for year in years}
    if direction == "last":
        return max(year for year, (_, last) in spans.items() if last < here)
    if direction == "next":
        return min(year for year, (first, _) in spans.items() if first > here)
    current = [year for year, (first, last) in spans.items() if first <= here <= last]
    if current or direction == "this":
        return current[0] if current else reference.year
    if tense == "future":
        return min(year for year, (first, _) in spans.items() if first > here)
    past = [year for year, (_, last) in spans.items() if last < here]
    future = [year for year, (first, _) in spans.items() if first > here]
    if tense == "past":
        return max(past)
    latest, soonest = max(past), min(future)
    return latest if here - spans[latest][1] <= spans[soonest][0] - here else soonest


def quarter_near(quarter: int, reference: date, tense: str | None) -> int:
    """The year of a quarter named without one ("the third quarter")."""
    here = reference.year * 4 + (reference.month - 1) // 3
    candidates = [(reference.year + delta) * 4 + quarter - 1 for delta in (-1, 0, 1)]
    return choose(candidates, here, tense) // 4


def duration_value(amount: float | None, unit: str) -> str:
    """A TIMEX3 duration: P2D, PT24H, PXY; decades and centuries in years."""
    if unit == "DE":
        return "PXDE" if amount is None else f"P{_number(amount * 10)}Y"
    if unit == "CE":
        return "PXCE" if amount is None else f"P{_number(amount * 100)}Y"
    if unit == "FN":
        return "PXW" if amount is None else f"P{_number(amount * 2)}W"
    code = "M" if unit == "MIN" else unit
    written = "X" if amount is None else _number(amount)
    return f"PT{written}{code}" if unit in CLOCK_UNITS else f"P{written}{code}"


def _number(amount: float) -> str:
    """An amount without a needless ".0"."""
    return str(int(amount)) if float(amount).is_integer() else str(amount)
