"""Dates the user types: `--since "1 Nov 2023"`, `--date 2023-11`, `--until 2023-W47`."""

from __future__ import annotations

import re
from datetime import date, datetime

from timeline.dates.engine import find_expressions
from timeline.model import DATE_FORMS, PRECISIONS

_ISO_WEEK = re.compile(r"(\d{4})-?W(\d{1,2})", re.IGNORECASE)
_NUMERIC = re.compile(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}")
# Two far-apart defaults: a part the user left out differs between the two parses.
_DEFAULTS = (datetime(2001, 1, 1), datetime(2002, 2, 2))


def parse_date_phrase(text: str) -> tuple[str, str] | None:
    """(value, precision) of an absolute date phrase, or None if it names no calendar span.

    Accepts ISO days, months, years and weeks ("2023-11-01", "2023-11", "2023",
    "2023-W47") and written dates ("1 Nov 2023", "November 2023", "Nov 1,
    2023"). A phrase that needs a reference date ("yesterday", "Friday") or
    names no single day, week, month or year is refused, never guessed.
    """
    phrase = " ".join(text.split()).strip(" .,")
    if not phrase:
        return None
    week = _ISO_WEEK.fullmatch(phrase)
    if week:
        return _week(int(week.group(1)), int(week.group(2)))
    for precision in PRECISIONS:
        if DATE_FORMS[precision].match(phrase):
            return (phrase, precision) if _real(phrase, precision) else None
    if _NUMERIC.search(phrase):
        return _from_expression(phrase)
    return _from_expression(phrase) or _from_dateutil(phrase)


def _week(year: int, week: int) -> tuple[str, str] | None:
    """An ISO week, if it exists in that year."""
    try:
        date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    return f"{year:04d}-W{week:02d}", "week"


def _real(value: str, precision: str) -> bool:
    """Whether an ISO-shaped value names a real day or month."""
    try:
        if precision == "day":
            date.fromisoformat(value)
        elif precision == "month":
            date.fromisoformat(value + "-01")
    except ValueError:
        return False
    return True


def _from_expression(phrase: str) -> tuple[str, str] | None:
    """The phrase read by the date engine, if it is one absolute expression."""
    expressions = find_expressions(phrase, None)
    if len(expressions) != 1:
        return None
    expression = expressions[0]
    if expression.start > 4 or len(phrase) - expression.end > 1 or expression.type != "DATE":
        return None
    precision = expression.precision
    if precision != "day" and _NUMERIC.search(phrase):
        return None
    if precision in PRECISIONS and DATE_FORMS[precision].match(expression.value):
        return expression.value, precision
    return None


def _from_dateutil(phrase: str) -> tuple[str, str] | None:
    """The phrase read by dateutil, for forms the engine does not know ("1-Nov-2023").

    Imported here, as few phrases need it and every worker imports the engine.
    """
    from dateutil import parser as dateutil_parser

    try:
        first, second = (dateutil_parser.parse(phrase, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError):
        return None
    if first.year != second.year or first.time() != first.replace(hour=0, minute=0).time():
        return None
    if first.month != second.month:
        return f"{first.year:04d}", "year"
    if first.day != second.day:
        return f"{first.year:04d}-{first.month:02d}", "month"
    return first.date().isoformat(), "day"
