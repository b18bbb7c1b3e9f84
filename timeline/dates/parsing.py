"""Small parsers the readers share: the parts of a matched date, time or amount.

A rule's pattern has already decided that a stretch of text is a date; these
functions only pull the numbers out of it, and look at the words around it
when a rule depends on its neighbours ("in May" against "they may").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from timeline.dates.lexicon import (
    AMBIGUOUS_MONTHS,
    MONTHS,
    PARTS_OF_DAY,
    QUANTITY_MODS,
    SPAN_MODS,
    number_value,
)

_TOKEN = re.compile(r"[\w'’]+|[^\w\s]")
_MONTH_WORD = re.compile(r"[a-z]+", re.IGNORECASE)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_NUMERIC = re.compile(r"(\d{1,2})([/.])(\d{1,2})[/.](\d{4})")
_DAY_NUMBER = re.compile(r"(?<![\d'’])(\d{1,2})(?:st|nd|rd|th)?(?!\d)", re.IGNORECASE)
_FULL_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_SHORT_YEAR = re.compile(r"['’](\d\d)")
_CLOCK = re.compile(
    r"(\d{1,2})(?:[:.](\d{2}))?(?::(\d{2}))?\s*(?:([ap])\.?\s?m\.?)?|(noon|midday|midnight)",
    re.IGNORECASE,
)
# Two-digit years up to this one are taken as 20xx, later ones as 19xx.
CENTURY_PIVOT = 30
# How far a reader looks before a match's start and after its end. The scanner
# reuses what it read in a page for a stretch of it only where these windows
# fall inside the stretch, so no reader may look further.
LOOK_BEHIND = 60
LOOK_AHEAD = 40


@dataclass(frozen=True)
class Around:
    """The text a match sits in, and the stretch of it being scanned."""

    text: str
    lo: int
    hi: int

    def before(self, position: int, width: int) -> str:
        """The `width` characters before `position` (at most LOOK_BEHIND), within the stretch."""
        return self.text[max(self.lo, position - min(width, LOOK_BEHIND)) : position]

    def words_before(self, position: int, count: int = 1) -> list[str]:
        """The `count` tokens before `position`, lower-cased, nearest last."""
        window = self.before(position, 12 * count + 20)
        return [token.lower() for token in _TOKEN.findall(window)[-count:]]

    def word_before(self, position: int) -> str:
        """The token just before `position`, lower-cased, or "" at the start."""
        tokens = self.words_before(position)
        return tokens[-1] if tokens else ""

    def token_after(self, position: int) -> str:
        """The token just after `position` as written, or "" at the end."""
        match = _TOKEN.search(self.text, position, min(self.hi, position + LOOK_AHEAD))
        return match.group() if match else ""


def month_of(word: str, alone: bool = False) -> int | None:
    """The month a month word names, or None when it is more likely another word.

    "may" and "march" are verbs unless capitalised; alone (no day or year next
    to it) an ambiguous name ("June", "Aug") needs a capital too.
    """
    match = _MONTH_WORD.match(word)
    if match is None:
        return None
    name = match.group().lower()
    if name not in MONTHS:
        return None
    capitalised = word[0].isupper()
    if name in ("may", "march") and not capitalised:
        return None
    if alone and name in AMBIGUOUS_MONTHS and not capitalised:
        return None
    return MONTHS[name]


def valid_day(month: int, day: int, year: int | None = None) -> bool:
    """Whether `day` exists in `month` (of `year`, or of some leap year)."""
    last = calendar.monthrange(year if year is not None else 2000, month)[1]
    return 1 <= day <= last


def full_year(digits: str) -> int:
    """A four-digit year from "2023" or a two-digit "'23"."""
    number = int(digits.strip("'’"))
    if len(digits.strip("'’")) == 4:
        return number
    return 2000 + number if number <= CENTURY_PIVOT else 1900 + number


def calendar_date(text: str) -> tuple[int, int, int] | int | None:
    """(year, month, day) of a written full date, the year alone when the order is unclear.

    Slashed numbers are read day-first or month-first only when one of them
    cannot be a month; "5/6/2023" gives just 2023 rather than a guess.
    """
    iso = _ISO.search(text)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
        return (year, month, day) if valid_day(month, day, year) else None
    numeric = _NUMERIC.search(text)
    if numeric:
        return _numeric_date(numeric)
    month = next((month_of(w) for w in _MONTH_WORD.findall(text) if w.lower() in MONTHS), None)
    year_match = _FULL_YEAR.search(text) or _SHORT_YEAR.search(text)
    day_match = _DAY_NUMBER.search(text.replace(year_match.group(), " ") if year_match else text)
    if month is None or year_match is None or day_match is None:
        return None
    year, day = full_year(year_match.group()), int(day_match.group(1))
    return (year, month, day) if valid_day(month, day, year) else None


def _numeric_date(match: re.Match[str]) -> tuple[int, int, int] | int | None:
    """A dd/mm/yyyy or mm/dd/yyyy date; dotted dates are always day first."""
    first, separator, second, year = match.groups()
    a, b, year_number = int(first), int(second), int(year)
    if separator == ".":
        order = [(b, a)]
    elif a > 12:
        order = [(b, a)]
    elif b > 12 or a == b:
        order = [(a, b)]
    else:
        return year_number
    month, day = order[0]
    if 1 <= month <= 12 and valid_day(month, day, year_number):
        return year_number, month, day
    return None


def month_and_day(text: str) -> tuple[int, int] | None:
    """(month, day) of "Oct. 7", "7 October" or "the 7th of October"."""
    words = [w for w in _MONTH_WORD.findall(text) if w.lower() in MONTHS]
    day_match = _DAY_NUMBER.search(text)
    if not words or day_match is None:
        return None
    month, day = month_of(words[0]), int(day_match.group(1))
    if month is None or not valid_day(month, day):
        return None
    return month, day


def clock_suffix(text: str) -> str | None:
    """The TIMEX3 time part of a clock time: "T13:25", "T12:00"; None if impossible."""
    match = _CLOCK.search(text)
    if match is None:
        return None
    hour_text, minutes, seconds, half, named = match.groups()
    if named:
        return "T24:00" if named.lower() == "midnight" else "T12:00"
    hour = int(hour_text)
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half.lower() == "p" else 0)
    suffix = f"T{hour:02d}:{int(minutes or 0):02d}"
    return suffix + (f":{seconds}" if seconds else "")


def part_suffix(word: str | None) -> str:
    """The TIMEX3 part-of-day suffix ("TNI") of "night", "" for none."""
    return f"T{PARTS_OF_DAY[word.lower()]}" if word else ""


def words_of(text: str) -> str:
    """Lower-cased words of `text` separated by single spaces, for table lookups."""
    return " ".join(text.lower().split())


def quantity_mod(words: str | None) -> str | None:
    """The TimeML mod of "about", "more than", "nearly" before a quantity."""
    return QUANTITY_MODS[words_of(words)] if words else None


def span_mod(words: str | None) -> str | None:
    """The TimeML mod of "early", "mid-", "the end of" and the like."""
    if not words:
        return None
    for word in re.findall(r"[a-z]+", words.lower()):
        if word in SPAN_MODS:
            return SPAN_MODS[word]
    return None


def amount_of(text: str | None) -> float | None:
    """The number a quantity names, with "and a half"; None when vague or absent."""
    if not text:
        return None
    phrase = " ".join(text.lower().split())
    half = phrase.endswith(" and a half")
    number = number_value(phrase.removesuffix(" and a half"))
    if number is None:
        return None
    return number + 0.5 if half else float(number)


def whole_steps(amount: float, unit: str) -> tuple[int, str] | None:
    """An amount as a whole number of some unit ("1.5 years" → 18 months), if it can be."""
    if amount.is_integer():
        return int(amount), unit
    finer = {"Y": (12, "M"), "W": (7, "D"), "D": (24, "H"), "H": (60, "MIN")}
    if unit in finer:
        factor, smaller = finer[unit]
        if (amount * factor).is_integer():
            return int(amount * factor), smaller
    return None
