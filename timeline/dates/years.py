"""Readers of the rules that name a year or part of one, a decade or a century.

The hard question here is whether a four-digit number is a year at all:
"in 2007" is, "2000 people" and "Resolution 1701" are not.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from timeline.dates.lexicon import (
    CENTURY_ORDINALS,
    DECADE_WORDS,
    DIRECTIONS,
    SEASONS,
    TIME_CALLERS,
)
from timeline.dates.parsing import Around, full_year, span_mod
from timeline.dates.readings import Fixed, Range, Reading, SeasonIn, YearPart
from timeline.dates.values import century_value, decade_value, year_value

Read = Reading | Range | None
Match = re.Match[str]

# Words that make a year of a number even before a plural noun ("in 2016 elections").
STRONG_CALLERS = (TIME_CALLERS | {"a", "an"}) - {"and", "or", "to", "between", "that", "this"}
_SINGULAR_ENDINGS = ("ss", "is", "us", "news", "series")
# Words before a number that make it a quantity, not a year ("some 2000 troops").
COUNT_QUALIFIERS = frozenset(
    {
        "some", "about", "around", "nearly", "almost", "over", "than", "least", "roughly",
        "approximately", "only", "just", "another", "additional", "extra", "estimated", "total",
    }
)  # fmt: skip
# Nouns after a number that make it a head count or a measure.
COUNT_NOUNS = frozenset(
    {
        "people", "persons", "troops", "soldiers", "hostages", "captives", "prisoners",
        "civilians", "children", "kids", "women", "men", "residents", "families", "homes",
        "houses", "buildings", "trucks", "vehicles", "rockets", "missiles", "drones", "cases",
        "deaths", "casualties", "victims", "fatalities", "votes", "jobs", "workers",
        "employees", "members", "students", "dollars", "euros", "pounds", "shekels", "tons",
        "tonnes", "barrels", "miles", "kilometres", "kilometers", "km", "metres", "meters",
        "feet", "ft", "acres", "units", "copies", "words", "pages", "points", "dead",
        "wounded", "injured", "refugees", "patients", "protesters", "fighters", "militants",
        "police", "officers", "staff", "personnel", "calories", "signatures", "mph", "kg",
    }
)  # fmt: skip
_POSSESSIVES = frozenset({"his", "her", "their", "its", "my", "your", "our"})
_CITING = re.compile(r"(?<![\w'’])[A-Z][\w'’-]+(?:\s+et\s+al\.)?\s*\($")


def read_decade(m: Match, around: Around) -> Read:
    """ "the 1990s", "the '90s", "the early 2000s": TimeML's three-digit decade."""
    if around.word_before(m.start()) in _POSSESSIVES:
        return None
    written = m.group("decade").lower()
    digits = re.sub(r"\D", "", written)
    if len(digits) == 4:
        year = int(digits)
    else:
        tens = int(digits[0]) if digits else DECADE_WORDS[written]
        year = full_year(f"'{tens}0")
    return Fixed("DATE", decade_value(year), span_mod(m.group("mod")))


def read_century(m: Match, around: Around) -> Read:
    """ "the 20th century" → "19", TimeML's two-digit century."""
    ordinal = m.group("ordinal").lower()
    number = int(re.sub(r"\D", "", ordinal)) if ordinal[0].isdigit() else CENTURY_ORDINALS[ordinal]
    if not 1 <= number <= 22:
        return None
    return Fixed("DATE", century_value((number - 1) * 100), span_mod(m.group("mod")))


def read_season_year(m: Match, around: Around) -> Read:
    """ "summer 2023", "the spring of 2022"."""
    season = SEASONS[m.group("season").lower()]
    return Fixed("DATE", f"{int(m.group('year')):04d}-{season}", span_mod(m.group("mod")))


def read_season_alone(m: Match, around: Around) -> Read:
    """ "in the summer", "during winter": the year from the tense; never "the fall of X"."""
    if around.word_before(m.start()) not in TIME_CALLERS - {"and", "or", "of", "that"}:
        return None
    if around.token_after(m.end()).lower() == "of":
        return None
    return SeasonIn(SEASONS[m.group("season").lower()], mod=span_mod(m.group("mod")))


def _year_part(code: str, year: str | None, direction: str | None) -> Read:
    """A quarter or half of a written year, or of a year relative to the reference."""
    if year:
        return Fixed("DATE", f"{int(year):04d}-{code}")
    if direction:
        return YearPart(code, DIRECTIONS[direction.lower()])
    return YearPart(code)


def read_quarter(m: Match, around: Around) -> Read:
    """ "the third quarter", "the first quarter of 2023", "the fourth quarter of last year"."""
    ordinal = m.group("ordinal").lower()
    number = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(ordinal) or int(ordinal[0])
    return _year_part(f"Q{number}", m.group("year"), m.group("dir"))


def read_quarter_code(m: Match, around: Around) -> Read:
    """ "Q3 2023", "2023 Q3"."""
    code = (m.group("q") or m.group("q2")).upper()
    return Fixed("DATE", f"{int(m.group('year') or m.group('year2')):04d}-{code}")


def read_half(m: Match, around: Around) -> Read:
    """ "the first half of 2023", "the second half of this year"."""
    code = "H1" if m.group("ordinal").lower() == "first" else "H2"
    return _year_part(code, m.group("year"), m.group("dir"))


def read_year_mod(m: Match, around: Around) -> Read:
    """ "early 2011", "mid-2024", "the end of 2023"."""
    return Fixed("DATE", m.group("year"), span_mod(m.group("mod")))


def read_year_range(m: Match, around: Around) -> Read:
    """ "2009-2010", "2023-24", "1979–2003": a span of years, start before end."""
    first = int(m.group("y1"))
    ending = m.group("y2")
    last = int(ending) if len(ending) == 4 else first // 100 * 100 + int(ending)
    if not first < last <= first + 100:
        return None
    return Range(Fixed("DATE", year_value(first)), Fixed("DATE", year_value(last)))


def read_short_year(m: Match, around: Around) -> Read:
    """ "in '58": a two-digit year after a word that calls for one."""
    if around.word_before(m.start()) not in TIME_CALLERS - {"and", "or", "that"}:
        return None
    return Fixed("DATE", year_value(full_year("'" + m.group("yy"))))


def _cited(m: Match, around: Around) -> bool:
    """Whether the year is an author-year citation: "Gartner (2014)", "Lee et al. (2003a)"."""
    before = around.before(m.start(), 60)
    after = around.text[m.end() : m.end() + 3]
    return bool(_CITING.search(before)) and bool(re.match(r"[a-z]?[),;]", after))


def _before_plural(word: str) -> bool:
    """Whether a lower-case plural noun comes next ("2000 troops", not "2009 analysis")."""
    return word[:1].islower() and word.endswith("s") and not word.endswith(_SINGULAR_ENDINGS)


def read_year(m: Match, around: Around) -> Read:
    """A year standing alone, unless the words around make it a number of things."""
    year = int(m.group("year"))
    before, after = around.word_before(m.start()), around.token_after(m.end())
    if after.lower() in COUNT_NOUNS:
        return None
    if _before_plural(after) and (before in COUNT_QUALIFIERS or before not in STRONG_CALLERS):
        return None
    if _cited(m, around):
        return None
    if before not in TIME_CALLERS and not 1900 <= year <= 2099:
        return None
    return Fixed("DATE", year_value(year))


YEAR_READERS: dict[str, Callable[[Match, Around], Read]] = {
    "decade": read_decade,
    "century": read_century,
    "season_year": read_season_year,
    "season_alone": read_season_alone,
    "quarter": read_quarter,
    "quarter_code": read_quarter_code,
    "half": read_half,
    "year_mod": read_year_mod,
    "year_range": read_year_range,
    "short_year": read_short_year,
    "year": read_year,
}
