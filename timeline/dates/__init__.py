"""Temporal expressions: find them in news text and resolve them to TIMEX3 values.

    find_expressions(text, reference, start=0, end=None)  every expression in a text
    document_expressions(document, blocks=None)           the same, block by block
    parse_date_phrase(text)                               a date the user typed
    date_of(expression)                                   its calendar date, store-shaped

Values follow TimeML TIMEX3 ("2023-10-20", "2023-W42", "P2D", "PRESENT_REF");
`precision` is the width of the calendar date a value starts with, so a TIME
such as "2023-11-27T13:25" has precision "day" and its first ten characters
are that day. Mods are TimeML's, with EARLY / MID / LATE for "early November".

Inside: `lexicon` (the words) → `patterns` (the rules, in order) → `scanner`
(one pass: where a rule may start) → `points` / `relative` / `years` /
`amounts` (what a match means) → `readings` (placing a meaning on the
calendar, with `values` for the arithmetic and `context` for tense and dated
quotations), all run by `engine`; `phrase` reads dates typed by the user.
"""

from timeline.dates.engine import UNDATED_KINDS, date_of, document_expressions, find_expressions
from timeline.dates.phrase import parse_date_phrase

__all__ = [
    "UNDATED_KINDS",
    "date_of",
    "document_expressions",
    "find_expressions",
    "parse_date_phrase",
]
