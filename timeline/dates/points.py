"""Readers of the rules that name a day or a month: full dates, clock times, weekdays.

Each reader takes its rule's match and the text around it and returns a
reading, or None to say "not a date here after all" (the next rule is then
tried at the same place). Context checks live here too: whether "May" follows
a word that calls for a month, whether "Christmas" names the day.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from timeline.dates.lexicon import HOLIDAYS, TIME_CALLERS, WEEKDAYS
from timeline.dates.parsing import (
    Around,
    calendar_date,
    clock_suffix,
    full_year,
    month_and_day,
    month_of,
    part_suffix,
    span_mod,
    valid_day,
    words_of,
)
from timeline.dates.readings import Fixed, MonthDay, MonthIn, Range, Reading, Shifted, WeekdayIn
from timeline.dates.values import month_value, year_value

Read = Reading | Range | None
Match = re.Match[str]

# Capitalised words that make a weekday part of a name.
WEEKDAY_NAMERS = frozenset(
    {"Bloody", "Black", "Good", "Super", "Ash", "Palm", "Easter", "Holy", "Cyber", "Maundy"}
)
WEEKDAY_NAMED = frozenset(
    {"Times", "Telegraph", "Express", "Mirror", "Post", "Herald", "Tribune", "Mail", "Observer"}
    | {"Independent", "People", "Star", "Sport", "Night", "Morning"}
)
# Words that name a day around the reference, with their step and part of day.
DAY_WORDS = {
    "the day before yesterday": (-2, ""),
    "the day after tomorrow": (2, ""),
    "today": (0, ""),
    "tonight": (0, "TNI"),
    "yesterday": (-1, ""),
    "tomorrow": (1, ""),
    "last night": (-1, "TNI"),
    "this morning": (0, "TMO"),
    "this afternoon": (0, "TAF"),
    "this evening": (0, "TEV"),
}


def _day_of(text: str) -> Fixed | None:
    """A Fixed day (or year, for an unclear numeric date) from a written full date."""
    parsed = calendar_date(text)
    if parsed is None:
        return None
    if isinstance(parsed, int):
        return Fixed("DATE", year_value(parsed))
    year, month, day = parsed
    return Fixed("DATE", f"{year:04d}-{month:02d}-{day:02d}")


def read_time_and_date(m: Match, around: Around) -> Read:
    """A full date with a clock time, before or after it: one TIME expression."""
    day, suffix = _day_of(m.group("date")), clock_suffix(m.group("time"))
    if day is None or suffix is None:
        return None
    if len(day.fixed) != 10:
        return day
    return Fixed("TIME", day.fixed + suffix)


def read_clock_and_day(m: Match, around: Around) -> Read:
    """A clock time with a weekday, a day word or a day of a month ("3 p.m. Friday")."""
    suffix = clock_suffix(m.group("time"))
    if suffix is None:
        return None
    if m.group("weekday"):
        return WeekdayIn(WEEKDAYS[m.group("weekday").lower()], suffix=suffix)
    if m.group("word"):
        steps, _ = DAY_WORDS[m.group("word").lower()]
        return Shifted("day", steps, suffix)
    parts = month_and_day(m.group("monthday"))
    return MonthDay(*parts, suffix=suffix) if parts else None


def _month_day(month_word: str, day_text: str, year: str | None) -> Reading | None:
    """One end of a day range: a Fixed day with a year, else a MonthDay."""
    month, day = month_of(month_word), int(re.sub(r"\D", "", day_text))
    if month is None or not valid_day(month, day):
        return None
    if year is None:
        return MonthDay(month, day)
    return (
        Fixed("DATE", f"{int(year):04d}-{month:02d}-{day:02d}")
        if valid_day(month, day, int(year))
        else None
    )


def read_day_range(m: Match, around: Around) -> Read:
    """ "Nov. 9-10", "Oct. 30-Nov. 2, 2023", "9-10 November": two days of a month."""
    year = m.group("year")
    if m.group("m1"):
        first = _month_day(m.group("m1"), m.group("d1"), year)
        last = _month_day(m.group("m2") or m.group("m1"), m.group("d2"), year)
        same_month = m.group("m2") is None
    else:
        first = _month_day(m.group("m3"), m.group("d3"), year)
        last = _month_day(m.group("m3"), m.group("d4"), year)
        same_month = True
    if first is None or last is None:
        return None
    if same_month and int(re.sub(r"\D", "", m.group("d1") or m.group("d3"))) >= int(
        re.sub(r"\D", "", m.group("d2") or m.group("d4"))
    ):
        return None
    return Range(first, last)


def _range_end(text: str) -> Reading | None:
    """One end of a "between … and …" / "from … to …" range, whatever its form."""
    words = words_of(text)
    if words in WEEKDAYS:
        return WeekdayIn(WEEKDAYS[words])
    if re.fullmatch(r"\d{4}", words):
        return Fixed("DATE", words)
    day = _day_of(text)
    if day is not None and len(day.fixed) == 10:
        return day
    year = re.search(r"\d{4}", text)
    month = month_of(text, alone=year is None)
    if month is None:
        return None
    if year:
        return Fixed("DATE", month_value(int(year.group()), month))
    parts = month_and_day(text)
    return MonthDay(*parts) if parts else MonthIn(month)


def read_range(m: Match, around: Around) -> Read:
    """ "between Nov 24 and Nov 30", "from 1991 to 1998": start and end, in order."""
    first, last = _range_end(m.group("a")), _range_end(m.group("b"))
    if first is None or last is None or type(first) is not type(last):
        return None
    if isinstance(first, Fixed) and isinstance(last, Fixed):
        if len(first.fixed) != len(last.fixed) or first.fixed >= last.fixed:
            return None
    if first == last:
        return None
    return Range(first, last)


def read_full_date(m: Match, around: Around) -> Read:
    """A date with day, month and year, in any of the usual orders."""
    return _day_of(m.group("date"))


def read_month_year(m: Match, around: Around) -> Read:
    """ "October 2023", "early November 2023", "the end of October 2023"."""
    month = month_of(m.group("month"))
    if month is None:
        return None
    return Fixed("DATE", month_value(full_year(m.group("year")), month), span_mod(m.group("mod")))


def read_month_day(m: Match, around: Around) -> Read:
    """ "October 20", "20 October", "the 20th of October": the year from the reference."""
    parts = month_and_day(m.group())
    return MonthDay(*parts) if parts else None


def read_month_mod(m: Match, around: Around) -> Read:
    """ "early November", "mid-November", "the end of October"."""
    month = month_of(m.group("month"))
    return MonthIn(month, mod=span_mod(m.group("mod"))) if month else None


def read_month_relative(m: Match, around: Around) -> Read:
    """ "last July", "next March", "late last July"."""
    month = month_of(m.group("month"))
    if month is None:
        return None
    direction = {"coming": "next"}.get(m.group("dir").lower(), m.group("dir").lower())
    return MonthIn(month, direction, span_mod(m.group("mod")))


def read_month_alone(m: Match, around: Around) -> Read:
    """A month name alone, when the words around make it one ("in May", "October's")."""
    word = m.group("month")
    month = month_of(word, alone=True)
    if month is None:
        return None
    called = around.word_before(m.start()) in TIME_CALLERS
    possessive = around.token_after(m.end()) in ("'s", "’s")
    full_name = len(word.rstrip(".")) > 3 and word.lower() not in ("june", "july")
    unambiguous = full_name and word.lower() not in ("march", "august")
    if called or (word[0].isupper() and unambiguous) or (possessive and full_name):
        return MonthIn(month)
    return None


def read_holiday(m: Match, around: Around) -> Read:
    """ "Christmas Day", "New Year's Eve 2023"; a bare "Christmas" after "at", "by"…"""
    name = words_of(m.group("name"))
    if not m.group("name")[0].isupper():
        return None
    month, day = HOLIDAYS[name]
    if name == "christmas" and around.word_before(m.start()) not in TIME_CALLERS | {"at", "on"}:
        return None
    if m.group("year"):
        return Fixed("DATE", f"{int(m.group('year')):04d}-{month:02d}-{day:02d}")
    return MonthDay(month, day)


def read_weekday(m: Match, around: Around) -> Read:
    """ "Friday", "last Monday", "this Thursday", "Tuesday night", "late Saturday"."""
    if _names_something_else(m, around):
        return None
    direction = words_of(m.group("dir") or "")
    step = {"last": "last", "this past": "last", "next": "next", "coming": "next"}
    step["this coming"] = "next"
    weekday = WEEKDAYS[m.group("weekday").lower()]
    suffix = part_suffix(m.group("part"))
    return WeekdayIn(weekday, step.get(direction), suffix, span_mod(m.group("mod")))


def _names_something_else(m: Match, around: Around) -> bool:
    """Whether a weekday is part of a name: "Bloody Sunday", "the Sunday Times"."""
    if m.group("dir") or m.group("mod"):
        return False
    before = around.before(m.start(), 20).split()
    after = around.token_after(m.end())
    named_day = bool(before) and before[-1] in WEEKDAY_NAMERS
    return named_day or after in WEEKDAY_NAMED


def read_time_alone(m: Match, around: Around) -> Read:
    """A clock time with no day: found, its day left unknown."""
    suffix = clock_suffix(m.group("time"))
    return Fixed("TIME", "XXXX-XX-XX" + suffix) if suffix else None


POINT_READERS: dict[str, Callable[[Match, Around], Read]] = {
    "time_date": read_time_and_date,
    "iso_time": read_time_and_date,
    "date_time": read_time_and_date,
    "clock_day": read_clock_and_day,
    "day_clock": read_clock_and_day,
    "day_range": read_day_range,
    "range": read_range,
    "full_date": read_full_date,
    "month_year": read_month_year,
    "month_day": read_month_day,
    "month_mod": read_month_mod,
    "month_rel": read_month_relative,
    "month_alone": read_month_alone,
    "holiday": read_holiday,
    "weekday": read_weekday,
    "time_alone": read_time_alone,
}
