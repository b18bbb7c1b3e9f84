"""Readers of the rules that name an amount of time, a repetition or a vague time.

Durations ("two days" → P2D), sets ("every day" → P1D) and the *_REF values
("now", "the past") never land on the calendar, so none of them needs a
reference date; what they need is care about when a word is used for time at
all ("days are numbered" is not a duration, "the Italian daily" not a set).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from timeline.dates.lexicon import MONTHS, PARTS_OF_DAY, SEASONS, WEEKDAYS, unit_code
from timeline.dates.parsing import Around, amount_of, month_of, quantity_mod, words_of
from timeline.dates.readings import Fixed
from timeline.dates.values import duration_value

Match = re.Match[str]

SKIP = Fixed("SKIP", "")

# Words before a bare plural unit that make it a stretch of time ("for days").
DURATION_CALLERS = frozenset(
    {
        "for", "within", "over", "in", "after", "before", "mere", "just", "only", "took",
        "takes", "take", "lasted", "lasting", "last", "spent", "spend", "waited", "wait",
        "nearly", "almost", "about", "around", "than",
    }
)  # fmt: skip
# Words after it that do the same ("days of talks", "hours after the strike").
DURATION_FOLLOWERS = frozenset({"of", "after", "before", "later", "earlier"})
# Words before "daily", "weekly"… that make it an adjective or a newspaper.
ADJECTIVE_MARKERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "'s", "’s"})
# Words after "daily", "weekly"… that show it is an adverb ("meets weekly in Paris").
ADVERB_FOLLOWERS = frozenset(
    {
        "basis", "in", "at", "on", "by", "for", "from", "since", "until", "through",
        "throughout", "during", "across", "around", "over", "under", "after", "before", "and",
        "or", "but", "to", "with", "without", "as",
    }
)  # fmt: skip
FUNCTION_WORDS = frozenset(
    {"is", "was", "and", "or", "but", "as", "when", "in", "of", "with", "at", "for", "to"}
)
REFS = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "present": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "the present day": "PRESENT_REF",
    "at the moment": "PRESENT_REF",
    "at the time": "PAST_REF",
}
ADVERB_SETS = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
    "nightly": "P1D",
    "quarterly": "P3M",
    "biweekly": "P2W",
    "fortnightly": "P2W",
}
HALVES = {
    "hour": "PT30M",
    "day": "PT12H",
    "week": "P3.5D",
    "month": "P0.5M",
    "year": "P6M",
    "decade": "P5Y",
    "century": "P50Y",
}
_PUNCTUATION = frozenset({"", ",", ".", ";", ":", "!", "?", ")", "—", "–", '"', "”"})


def read_skip(m: Match, around: Around) -> Fixed:
    """A URL, an amount of money, an age, a citation: consumed, never a date."""
    return SKIP


def read_duration(m: Match, around: Around) -> Fixed | None:
    """ "two days", "24 hours", "three-month", "a year and a half", "the past two years"."""
    amount = amount_of(m.group("amount"))
    unit = unit_code(m.group("unit"))
    if m.group("amount").lower() in ("a", "an") and m.group("unit").lower().endswith("s"):
        return None
    if amount is not None and m.group("half"):
        amount += 0.5
    if amount is not None and amount <= 0:
        return None
    return Fixed("DURATION", duration_value(amount, unit), quantity_mod(m.group("qmod")))


def read_half_duration(m: Match, around: Around) -> Fixed | None:
    """ "half an hour", "a half-day"."""
    return Fixed("DURATION", HALVES[m.group("unit").lower()], quantity_mod(m.group("qmod")))


def read_framed_duration(m: Match, around: Around) -> Fixed | None:
    """ "the past year", "the next decade": one unit measured from now."""
    return Fixed("DURATION", duration_value(1, unit_code(m.group("unit"))))


def read_vague_duration(m: Match, around: Around) -> Fixed | None:
    """ "recent weeks", "the past few days", "several months", and "for years"."""
    framed = m.group("frame") or m.group("recent") or m.group("vague") or m.group("long")
    if not framed:
        before = around.word_before(m.start())
        after = around.token_after(m.end()).lower()
        if before not in DURATION_CALLERS and after not in DURATION_FOLLOWERS:
            return None
    return Fixed("DURATION", duration_value(None, unit_code(m.group("unit"))))


def read_every(m: Match, around: Around) -> Fixed | None:
    """ "every day", "each year", "every two weeks", "every Friday", "every morning"."""
    what = words_of(m.group("what"))
    if what in WEEKDAYS:
        return Fixed("SET", f"XXXX-WXX-{WEEKDAYS[what] + 1}")
    if what in PARTS_OF_DAY:
        return Fixed("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[what]}")
    if what == "weekend":
        return Fixed("SET", "XXXX-WXX-WE")
    if what in SEASONS:
        return Fixed("SET", f"XXXX-{SEASONS[what]}")
    if what == "season":
        return Fixed("SET", "P1Y")
    if what in MONTHS:
        month = month_of(m.group("what"), alone=True)
        return Fixed("SET", f"XXXX-{month:02d}") if month else None
    amount = amount_of(m.group("amount")) or 1.0
    if m.group("other"):
        amount *= 2
    return Fixed("SET", duration_value(amount, unit_code(what)))


def read_rate(m: Match, around: Around) -> Fixed | None:
    """ "per day", "twice a week", "24 issues per year": a SET; a bare "a day" is not one."""
    if m.group("per").lower() != "per" and not m.group("count"):
        return None
    unit = m.group("unit").lower()
    return Fixed("SET", duration_value(1, unit_code("day" if unit == "night" else unit)))


def read_adverb_set(m: Match, around: Around) -> Fixed | None:
    """ "daily", "weekly" used as adverbs ("updated daily."), not as adjectives or nouns."""
    before = around.word_before(m.start())
    after = around.token_after(m.end())
    if before in ADJECTIVE_MARKERS or (before[:1].isalpha() and _capitalised_before(m, around)):
        return None
    if after not in _PUNCTUATION and after.lower() not in ADVERB_FOLLOWERS:
        return None
    return Fixed("SET", ADVERB_SETS[m.group("word").lower()])


def _capitalised_before(m: Match, around: Around) -> bool:
    """Whether the word before the match starts with a capital (a name, a nationality)."""
    window = around.before(m.start(), 40)
    words = re.findall(r"[\w'’]+", window)
    return bool(words) and words[-1][0].isupper() and not window.rstrip().endswith((".", "\n"))


def read_weekday_set(m: Match, around: Around) -> Fixed | None:
    """ "on Fridays": every such weekday."""
    weekday = WEEKDAYS[m.group("weekday").lower()[:-1]]
    return Fixed("SET", f"XXXX-WXX-{weekday + 1}")


def read_ref(m: Match, around: Around) -> Fixed | None:
    """ "now", "currently", "the past", "the future", "at present"."""
    words = words_of(m.group("word"))
    after = around.token_after(m.end())
    if words == "now" and after.lower() == "that":
        return None
    if words == "present" and around.word_before(m.start()) not in ("until", "till", "to"):
        return None
    if words == "the present" and after not in _PUNCTUATION and after not in FUNCTION_WORDS:
        return None
    if words == "at the time" and after.lower() == "of":
        return None
    if words.endswith("future"):
        return Fixed("DATE", "FUTURE_REF")
    if words.endswith("past"):
        return Fixed("DATE", "PAST_REF")
    return Fixed("DATE", REFS[words])


AMOUNT_READERS: dict[str, Callable[[Match, Around], Fixed | None]] = {
    "skip": read_skip,
    "duration": read_duration,
    "half_duration": read_half_duration,
    "framed_duration": read_framed_duration,
    "vague_duration": read_vague_duration,
    "set_every": read_every,
    "set_rate": read_rate,
    "set_adverb": read_adverb_set,
    "weekday_set": read_weekday_set,
    "ref": read_ref,
}
