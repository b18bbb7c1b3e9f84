"""The words temporal expressions are made of, and what each one means.

Kept apart from the patterns so a word is added in one place: the tables below
feed both the regular expressions (as alternations) and the readings (as
lookups), and the two can never disagree on spelling.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from timeline.trie import trie_pattern

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

# Month names that are also everyday words or first names: they count alone
# only after a word that calls for a time ("in May", "last March").
AMBIGUOUS_MONTHS = frozenset({"may", "march", "june", "august", "jan", "mar", "jun", "aug"})

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

# Abbreviations only count when a full date follows ("Mon., Nov. 27, 2023").
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}

# TimeML part-of-day codes.
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
}

SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "autumn": "FA",
    "fall": "FA",
    "winter": "WI",
}

UNITS: dict[str, str] = {
    "second": "S",
    "minute": "MIN",
    "hour": "H",
    "hr": "H",
    "day": "D",
    "week": "W",
    "fortnight": "FN",
    "month": "M",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
}

# Unit codes of TimeML durations: clock units go after a "T".
CLOCK_UNITS = frozenset({"H", "MIN", "S"})

NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "dozen": 12,
    "a dozen": 12,
    "half a dozen": 6,
    "a couple of": 2,
    "a couple": 2,
    "a pair of": 2,
}

TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
DIGIT_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")

# Quantities that say "some number of": TimeML writes them as X.
VAGUE_QUANTITIES = frozenset(
    {"a few", "few", "several", "many", "some", "dozens of", "numerous", "a number of"}
)

CENTURY_ORDINALS: dict[str, int] = {
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
}

DECADE_WORDS: dict[str, int] = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}

# Words after which a bare month name, season or year is a date ("in May", "since 2007").
TIME_CALLERS = frozenset(
    {
        "in", "since", "by", "until", "till", "through", "throughout", "during", "before",
        "after", "from", "to", "of", "early", "late", "mid", "between", "and", "or",
        "every", "each", "circa", "c", "year", "fiscal", "spring", "summer",
        "autumn", "fall", "winter", "last", "next", "this", "that", "around",
    }
)  # fmt: skip

# Steps from the reference that "last", "this", "next" and the like stand for.
DIRECTIONS = {
    "last": -1,
    "this past": -1,
    "next": 1,
    "coming": 1,
    "this coming": 1,
    "this": 0,
    "current": 0,
    "the": 0,
}

# Modifiers before a calendar span, as TimeML `mod` values.
SPAN_MODS: dict[str, str] = {
    "early": "EARLY",
    "mid": "MID",
    "middle": "MID",
    "late": "LATE",
    "start": "START",
    "beginning": "START",
    "end": "END",
    "close": "END",
}

# Modifiers before a quantity of time.
QUANTITY_MODS: dict[str, str] = {
    "about": "APPROX",
    "around": "APPROX",
    "roughly": "APPROX",
    "approximately": "APPROX",
    "some": "APPROX",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "less than": "LESS_THAN",
    "under": "LESS_THAN",
    "fewer than": "LESS_THAN",
    "more than": "MORE_THAN",
    "at least": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
}

# Fixed-date holidays worth knowing: (month, day).
HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "christmas": (12, 25),
    "valentine's day": (2, 14),
    "halloween": (10, 31),
}


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first so a prefix never wins; a space in a
    phrase stands for any run of white space.

    Shaped as a trie: the date rules try these alternations at every candidate
    position, and a flat list of words is tried word by word (case-blind, so the
    engine cannot skip a word by its first letter).
    """
    return trie_pattern(set(words)).replace(r"\ ", r"\s+")


def number_value(words: str) -> int | None:
    """The integer a number phrase names ("twenty-one", "12", "a dozen"), None when vague.

    Vague quantities ("a few", "several") return None: TimeML writes them as X.
    """
    phrase = " ".join(words.lower().replace(",", "").split())
    if phrase in VAGUE_QUANTITIES:
        return None
    if phrase.isdigit():
        return int(phrase)
    if phrase in NUMBER_WORDS:
        return NUMBER_WORDS[phrase]
    tens, _, unit = phrase.replace(" ", "-").partition("-")
    if tens in TENS and unit in DIGIT_WORDS:
        return NUMBER_WORDS[tens] + NUMBER_WORDS[unit]
    return None


CASE_TWINS = str.maketrans({"ſ": "s", "ı": "i", "İ": "I", "\u212a": "K", "\u212b": "\u00c5"})
CASE_TWIN = re.compile("[ſıİ\u212a\u212b]")


def has_case_twins(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether the text holds a letter that case-blind patterns take for another."""
    return CASE_TWIN.search(text, start, len(text) if end is None else end) is not None


def fold_case_twins(text: str) -> str:
    """The text with such letters replaced by the letter they match, one for one.

    Case-blind patterns match "dayſ" as "days" and "ıron" as "iron", but the
    word lists are spelt in plain letters; folding first keeps every offset
    and lets every look-up find its word.
    """
    return text.translate(CASE_TWINS)


def unit_code(word: str) -> str:
    """The TimeML unit code of a unit word in any form ("Weeks", "hrs", "year's")."""
    stem = word.lower().rstrip("'’").removesuffix("s").removesuffix("'")
    if stem == "centurie":
        stem = "century"
    return UNITS[stem]
