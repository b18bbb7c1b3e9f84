"""Which happening a date in a clause dates, and how surely.

"The army entered the town on May 2" dates the main verb; "after the rebels'
assault on the town on April 30" dates the assault, not what the clause goes on
to say; "since April 30" dates nothing; "The envoy, who visited Cairo on Tuesday,"
dates the visit of the relative clause; "the prisoners freed on May 1" dates the
release. The event stage asks this module which of these a date is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.events.actions import (
    AUXILIARIES,
    BOUNDARY_WORDS,
    SUBORDINATORS,
    actions_in,
    is_participle,
)
from timeline.events.sentences import Span, inside, is_conjugated, quoted_spans
from timeline.events.titles import date_words
from timeline.model import TimeExpression, date_span
from timeline.trie import first_characters

QUALIFIERS = {"START": "early", "EARLY": "early", "MID": "mid", "END": "late", "LATE": "late"}
NOT_THE_TIME = frozenset({"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"})
CALENDAR = (
    (re.compile(r"^(\d{4}-\d{2}-\d{2})(?:T[\w:.]+)?$"), "day"),
    (re.compile(r"^(\d{4}-W\d{2})(?:-WE)?$"), "week"),
    (re.compile(r"^(\d{4}-\d{2})$"), "month"),
    (re.compile(r"^(\d{4})$"), "year"),
)
RANGE_START = frozenset({"from", "between"})
ATTACHING = re.compile(r"(?:\b(?:on|by|at)\s+|^\W*)$", re.IGNORECASE)
NOUN_PHRASE_STOPS = frozenset(
    "to for with by after before since from that which who and but while of than its their "
    "his her this these those says say on in at into against over about".split()
)
SUBORDINATOR = re.compile(
    rf"\b{first_characters(SUBORDINATORS)}(?:{'|'.join(SUBORDINATORS)})\b", re.IGNORECASE
)
ARTICLES = frozenset({"the", "a", "an"})
VERB_MARKERS = frozenset(
    "to will would can could may might must shall should did does do not".split()
)
ING_NOUNS = frozenset(
    "meeting meetings bombing bombings shelling briefing hearing killing killings signing "
    "uprising offering".split()
)
RELATIVE = re.compile(r",\s+(?:who|which)\s+")
DETERMINERS = frozenset("the a an its their his her this that".split())
MODIFIED = re.compile(r"(?P<possessive>['’]s)?\s+(?P<first>[a-z-]+)(?:\s+(?P<second>[a-z]+))?")
PARTY_PHRASE = re.compile(
    r"\s+(?:on|against|with|between|over)\s+(?:the\s+)?[A-Z][\w'’.-]*"
    r"(?:\s+(?:and\s+)?[A-Z][\w'’.-]*)*"
)
SPAN_QUALIFIER = re.compile(r"\b(early|mid|late)\b", re.IGNORECASE)
HEAD_WORDS = re.compile(r"(?:(\w+)\s+)?(\w+)\W*$")
# The last two words of a text, read backwards: where HEAD_WORDS can start.
LAST_TWO_WORDS_REVERSED = re.compile(r"\W*\w+(?:\W+\w+)?")
NON_SPACE = re.compile(r"\S+")
MODIFIER_STOPS = frozenset("to the a an and or of for with in on at by".split())


@dataclass(frozen=True)
class Dating:
    """A calendar date read from an expression: the value an event can carry."""

    expression: TimeExpression
    date: str
    precision: str
    qualifier: str | None = None

    @property
    def start(self) -> int:
        return self.expression.start

    @property
    def end(self) -> int:
        return self.expression.end


@dataclass(frozen=True)
class Referred:
    """Another happening a date belongs to: the words that tell it, and words to leave out."""

    span: Span
    removals: tuple[Span, ...] = ()
    keep_date: bool = False


BOUNDARY = Referred((0, 0))


def calendar_dating(expression: TimeExpression) -> Dating | None:
    """The calendar date an expression gives a happening, or None.

    Durations, sets, PRESENT_REF, unresolved X values and spans the date only
    bounds ("before May") date no happening. A year is kept at year precision:
    "founded in 1987" is a happening, told no more precisely.
    """
    if expression.type not in ("DATE", "TIME") or expression.mod in NOT_THE_TIME:
        return None
    for form, precision in CALENDAR:
        found = form.match(expression.value)
        if found is None:
            continue
        value = found.group(1)
        try:
            date_span(value, precision)
        except ValueError:
            return None
        return Dating(expression, value, precision, _qualifier(expression, precision))
    return None


def _qualifier(expression: TimeExpression, precision: str) -> str | None:
    """The qualifier of a vague month date: "early", "mid" or "late" ("early November")."""
    if precision != "month":
        return None
    if expression.mod in QUALIFIERS:
        return QUALIFIERS[expression.mod]
    found = SPAN_QUALIFIER.search(expression.text)
    return found.group(1).lower() if found else None


def referred_happening(text: str, clause: Span, dating: Dating) -> Referred | None:
    """Where a date belongs to another happening than the clause's main verb.

    None when the date dates the main verb; BOUNDARY when it dates nothing
    ("since October 7"); else the happening it dates: the words after
    "after"/"before"/"following" ("after the rebels' assault on the town on April 30"),
    the noun the date modifies ("since the Oct. 7 attack"),
    a relative clause with what it refers to ("The envoy, who visited Cairo on
    Tuesday"), or a noun and a participle of violence ("the prisoners freed on
    May 1").
    """
    before = text[clause[0] : dating.start].split()
    if before and before[-1].lower() in BOUNDARY_WORDS:
        return BOUNDARY
    if dating.precision == "year" and _in_a_year_range(before, dating):
        return BOUNDARY
    lead_start = date_words(text, dating.start, dating.end)[0]
    modified = _modified_noun(text, clause, dating)
    if modified is not None:
        return modified
    lead = text[clause[0] : lead_start]
    subordinators = _subordinators(lead)
    if subordinators:
        stretch = trim(text, (clause[0] + subordinators[-1].end(), lead_start))
        if stretch is None and subordinators[-1].group().lower() not in RANGE_START:
            return BOUNDARY
        if stretch and actions_in(text[stretch[0] : stretch[1]]):
            return Referred(stretch)
    relative = _relative_clause(text, clause, dating)
    if relative is not None:
        return relative
    words = lead.split()
    if len(words) >= 2 and is_participle(words[-1]) and _done_to_a_noun(words):
        lead_end = clause[0] + len(lead.rstrip())
        found = trim(text, (_noun_phrase_start(text, clause[0], lead_end), lead_end))
        return Referred(found) if found else None
    return None


def _subordinators(lead: str) -> list[re.Match[str]]:
    """The subordinators of `lead` that no comma follows: those that may govern the date.

    None holds a comma, so they are the ones found after the last comma, and
    the words before it need no search.
    """
    return list(SUBORDINATOR.finditer(lead, lead.rfind(",") + 1))


def _modified_noun(text: str, clause: Span, dating: Dating) -> Referred | None:
    """A happening the date modifies: "the Oct. 7 attack", "its 2007 deal", "Tuesday's vote".

    The date words stay in its title: "The Oct. 7 attack" says more than "The attack".
    """
    after = MODIFIED.match(text, dating.end, clause[1])
    if after is None:
        return None
    before = text[clause[0] : dating.start].split()
    if not after.group("possessive") and (not before or before[-1].lower() not in DETERMINERS):
        return None
    for noun in ("first", "second"):
        if after.group(noun) in MODIFIER_STOPS:
            return None
        if after.group(noun) and _is_action_noun(after.group(noun)):
            start = _noun_phrase_start(text, clause[0], dating.start, include_head=False)
            party = PARTY_PHRASE.match(text, after.end(noun), clause[1])
            return Referred((start, party.end() if party else after.end(noun)), keep_date=True)
    return None


def _is_action_noun(word: str) -> bool:
    """Whether `word` names an action as a noun would: "attack", "vote", not "attacked"."""
    lowered = word.lower()
    if not actions_in(lowered):
        return False
    verb_form = is_conjugated(lowered) or is_participle(lowered) or lowered.endswith("ing")
    return not verb_form or lowered in ING_NOUNS


def _in_a_year_range(before: list[str], dating: Dating) -> bool:
    """Whether a year bounds a span of years ("between 1991 and 1998"): no time of a happening."""
    if dating.expression.end_value:
        return True
    words = [w.lower() for w in before[-3:]]
    return bool(words) and (words[-1] == "between" or words[-2:-1] == ["between"])


def _relative_clause(text: str, clause: Span, dating: Dating) -> Referred | None:
    """A relative clause holding the date (", who was in Oslo on Tuesday,") with its noun."""
    for found in RELATIVE.finditer(text, clause[0], dating.start):
        if "," in text[found.end() : dating.start]:
            continue
        comma = text.find(",", dating.end, clause[1])
        end = clause[1] if comma == -1 else comma
        body = text[found.end() : end]
        if not actions_in(body):
            return None
        start = _noun_phrase_start(text, clause[0], found.start())
        return Referred((start, end), ((found.start(), found.end() - 1),))
    return None


def _done_to_a_noun(words: list[str]) -> bool:
    """Whether the words end in a noun and a participle of violence ("hostages seized")."""
    before = words[-2].lower()
    kinds = actions_in(words[-1])
    return (
        bool(kinds & {"violence", "release"})
        and before not in AUXILIARIES
        and not before.endswith("ly")
    )


def dated_noun(text: str, clause: Span, dating: Dating) -> Span | None:
    """The noun phrase a date directly follows when its head names an action.

    "the storm's sudden assault on February 20": the date dates the assault. A verb
    before the date ("the minister saying on Monday", "will strike in April") is not.
    """
    end = _lead_end(text, dating)
    head = _head_words(text[clause[0] : end])
    if head is None or not actions_in(head.group(2)):
        return None
    if (head.group(1) or "").lower() in VERB_MARKERS:
        return None
    word = head.group(2).lower()
    verb_form = is_conjugated(word) or is_participle(word) or word.endswith("ing")
    if verb_form and word not in ING_NOUNS:
        return None
    return trim(text, (_noun_phrase_start(text, clause[0], end), end))


def _head_words(words: str) -> re.Match[str] | None:
    """HEAD_WORDS in `words`, searched from the start of their last two words.

    No match can start earlier, so this finds what a search of the whole
    stretch finds, without trying every position of a long clause.
    """
    tail = LAST_TWO_WORDS_REVERSED.match(words[::-1])
    return HEAD_WORDS.search(words, len(words) - tail.end()) if tail else None


def _lead_end(text: str, dating: Dating) -> int:
    """Where the words before a date end, its preposition left out."""
    end = date_words(text, dating.start, dating.end)[0]
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _noun_phrase_start(text: str, floor: int, end: int, include_head: bool = True) -> int:
    """Where the noun phrase ending at `end` starts: a few words back, at a function word.

    With `include_head`, the last word belongs to the phrase whatever it is (a
    participle in "hostages seized").
    """
    start = end
    for index, found in enumerate(reversed(list(NON_SPACE.finditer(text[floor:end])))):
        word = found.group().lower().strip(",;:")
        stop = word in NOUN_PHRASE_STOPS or is_conjugated(word) or found.group().endswith(",")
        if (stop and (index or not include_head)) or end - (floor + found.start()) > 60:
            break
        start = floor + found.start()
        if word in ARTICLES:
            break
    return start


def trim(text: str, span: Span) -> Span | None:
    """`span` without surrounding spaces and punctuation; None when empty."""
    start, end = span
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in "’'”\""):
        end -= 1
    return (start, end) if start < end else None


def is_attached(lead: str) -> bool:
    """Whether the words before a date attach it to the verb: "on", "by" or "at" last, or none.

    What `ATTACHING.search(lead)` says, trying only where a match can start: at
    the beginning, or at the last word before the trailing spaces. A long lead
    is not searched position by position.
    """
    last_word = max(0, len(lead.rstrip()) - 2)
    return ATTACHING.match(lead) is not None or ATTACHING.search(lead, last_word) is not None


def attachment(text: str, clause: Span, dating: Dating) -> tuple:
    """How surely a date dates the clause's main verb: higher is surer."""
    lead = text[clause[0] : dating.start]
    precision = {"day": 3, "week": 2, "month": 1, "year": 0}[dating.precision]
    attached = is_attached(lead)
    quoted = inside(dating.start, quoted_spans(text, *clause))
    return (not quoted, precision, attached, dating.expression.anchor is None, -dating.start)
