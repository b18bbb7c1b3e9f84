"""The rules that find temporal expressions, one regular expression each, in order.

Each rule has a name (its reader is found by it), the tokens a match can start
with, and a pattern with named groups for the parts its reader needs. The
scanner looks only where a starter stands and tries the rules for that token in
the order below; the first whose reader accepts wins. Longer and more specific
forms therefore come first ("Nov 28, 2023 at 3:54" before "Nov 28, 2023" before
"Nov 28"), and "skip" comes before everything: money, ages, citations and
labelled numbers are consumed so nothing inside them becomes a date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from timeline.dates.lexicon import (
    CENTURY_ORDINALS,
    DECADE_WORDS,
    DIGIT_WORDS,
    HOLIDAYS,
    MONTHS,
    NUMBER_WORDS,
    QUANTITY_MODS,
    SEASONS,
    TENS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    alternation,
)

FLAGS = re.IGNORECASE

# Whitespace inside an expression: at most one line break, never a blank line.
SP = r"(?=\s)[^\S\n]*\n?[^\S\n]*"
SP0 = r"[^\S\n]*\n?[^\S\n]*"
HS0 = r"[^\S\n]*"
# Where an expression may start: not inside a word, a number, an amount or a handle.
START = r"(?<![\w$£€#@/+\-–.,:])"
END_NUMBER = r"(?![\w%])(?![.,]\d)"

_FULL_MONTH_NAMES = [name for name in MONTHS if len(name) > 4 or name in ("may", "june", "july")]
_FULL_MONTHS = alternation(_FULL_MONTH_NAMES)
_SHORT_MONTHS = alternation(name for name in MONTHS if name not in _FULL_MONTH_NAMES)
MONTH = rf"(?:(?:{_FULL_MONTHS})|(?:{_SHORT_MONTHS})\.?)(?![a-z])"
FULL_MONTH = rf"(?:{_FULL_MONTHS})(?![a-z])"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w])(?![.,:]\d)"
YEAR = r"(?:1\d|2[01])\d\d" + END_NUMBER
SHORT_YEAR = r"['’]\d\d(?![\w'’])"
WEEKDAY = rf"(?:{alternation(WEEKDAYS)})(?![a-z])"
WEEKDAY_PLURAL = rf"(?:{alternation(WEEKDAYS)})s(?![a-z])"
DOW = rf"(?:(?:{WEEKDAY}|(?:{alternation(WEEKDAY_ABBREVIATIONS)})\.?(?![a-z])),?{SP})"
SEASON = rf"(?:{alternation(SEASONS)})"
PART = r"(?:morning|afternoon|evening|night)"

ISO_DAY = r"(?:1\d|2[01])\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
ISO_DATE = rf"{ISO_DAY}(?![\w])(?!-\d)"
NUMERIC_DATE = r"\d{1,2}[/.]\d{1,2}[/.](?:1\d|2[01])\d\d(?![\w/])(?![.,]\d)"
MDY = rf"{DOW}?{MONTH}{SP0}{DAY},?{SP0}(?:{YEAR}|{SHORT_YEAR})"
DMY = rf"{DOW}?{DAY}{SP}(?:of{SP})?{MONTH},?{SP}(?:{YEAR}|{SHORT_YEAR})"
FULL_DATE = rf"(?:{ISO_DATE}|{NUMERIC_DATE}|{MDY}|{DMY})"
MONTH_DAY = rf"(?:{MONTH}{SP0}{DAY}|{DAY}{SP}(?:of{SP})?{MONTH})"

AMPM = r"(?:[ap]\.[^\S\n]?m\.?|[ap]m)(?![a-z])"
CLOCK12 = rf"(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?{HS0}{AMPM}"
CLOCK24 = r"(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?!\d)"
ZONE = (
    r"(?-i:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|CET|CEST|BST|IDT|AST)(?![\w])"
    r"|local\s+time"
)
NAMED_TIME = r"(?:noon|midday|midnight)(?![\w])"
# Any clock time, fit to follow or precede a date; alone, a time needs am/pm or a zone.
TIME_ANY = rf"(?:(?:{CLOCK12}|{CLOCK24})(?:{HS0}(?:{ZONE}))?|{NAMED_TIME})"
TIME_STRICT = rf"(?:{CLOCK12}(?:{HS0}(?:{ZONE}))?|{CLOCK24}{HS0}(?:{ZONE})|{NAMED_TIME})"
DATE_TIME_SEP = rf"(?:{HS0}[,\-–—·|@]{HS0}|{SP}(?:at|around){SP}|[^\S\n]+)"
TIME_DATE_SEP = rf"(?:{HS0}[,\-–—·|]{HS0}|{SP}on{SP}|[^\S\n]+)"

RANGE_END = rf"(?:{FULL_DATE}|{MONTH}{SP0}{DAY}|{MONTH},?{SP}{YEAR}|{YEAR}|{FULL_MONTH}|{WEEKDAY})"
_TENS = "|".join(TENS)
_DIGIT_WORDS = "|".join(DIGIT_WORDS)
NUMBER = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+(?:\.\d+)?|(?:{_TENS})[-\s](?:{_DIGIT_WORDS})"
    rf"|{alternation(NUMBER_WORDS)})(?![\w])"
)
VAGUE = rf"(?:a{SP}few|few|several|many|dozens{SP}of|a{SP}number{SP}of|numerous)(?![\w])"
AMOUNT = rf"(?:{NUMBER}(?:{SP}and{SP}a{SP}half)?|{VAGUE})"
UNIT = (
    r"(?:seconds|minutes?|hours?|hrs|days?|weeks?|fortnights?|months?|years?|decades?"
    r"|centuries|century)(?:['’]s?)?(?![\w])"
)
UNIT_SINGULAR = r"(?:minute|hour|day|week|fortnight|month|year|decade|century)(?![\w])"
UNIT_PLURAL = r"(?:minutes|hours|days|weeks|months|years|decades|centuries)"
QUANTITY_MOD = rf"(?:{alternation(QUANTITY_MODS)})(?![\w])"
SPAN_MOD = (
    rf"(?:(?:early|late|mid){SP}|mid-{HS0}|(?:early|late)-"
    rf"|(?:the{SP})?(?:very{SP})?(?:start|beginning|end|middle|close){SP}of{SP})"
)

# Words before a number that make it a label, not a date ("page 2023", "Resolution 1701").
LABEL_WORDS = (
    "page", "pages", "section", "sections", "chapter", "chapters", "article", "articles",
    "paragraph", "paragraphs", "resolution", "resolutions", "flight", "flights", "route",
    "routes", "room", "rooms", "number", "numbers", "volume", "volumes", "issue", "issues",
    "model", "models", "version", "versions", "highway", "interstate", "windows", "boeing",
    "airbus", "platform", "gate", "suite", "unit",
)  # fmt: skip
_NAME = r"(?-i:[A-Z])[\w'’\-]+"
_AUTHORS = (
    rf"(?!(?:{MONTH}|{WEEKDAY}|{SEASON}|the)\b){_NAME}(?:(?:,{SP}|{SP}(?:&|and){SP}){_NAME})*"
)
_AUTHOR_YEAR = (
    rf"{_AUTHORS}(?:{SP}et{SP}al\.)?,?{SP}(?:1[5-9]|20)\d\d[a-z]?"
    rf"(?:,{SP0}pp?\.{SP0}\d+(?:{SP0}[-–]{SP0}\d+)?)?"
)
SKIP = "|".join(
    (
        rf"[$£€¥]{HS0}\d[\d,.]*(?:{SP}(?:million|billion|trillion|bn)(?![\w]))?",
        rf"{START}\d[\d,.]*{HS0}(?:%|percent(?![\w])|per{SP}cent(?![\w]))",
        rf"{START}(?:{NUMBER}|\d+)(?:{SP}|-)(?:years?|months?|weeks?|days?)(?:{SP}|-)old(?![\w])",
        rf"{START}age[sd]?{SP}\d+(?:{SP}(?:years?|months?|weeks?))?"
        rf"(?:{SP}(?:to|and|or|-|–){SP}(?:\d+|older|up|over)(?:{SP}(?:years?|months?))?)?",
        rf"\((?:(?:see|e\.g\.|cf\.|i\.e\.),?{SP})?{_AUTHOR_YEAR}(?:;{SP0}{_AUTHOR_YEAR})*\)",
        rf"(?:©|\(c\)|copyright(?![\w])){HS0}(?:{YEAR}{HS0}[-–]{HS0})?(?:{YEAR})?",
        rf"{START}(?:pp?\.|§|nos?\.|vol\.|(?:{alternation(LABEL_WORDS)})(?![\w]))"
        rf"{HS0}#?\d[\d,.]*(?:{HS0}[-–]{HS0}\d+)?",
        r"(?:\+\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\d)",
    )
)


@dataclass(frozen=True)
class Rule:
    """One rule: its name, the tokens a match can start with, and its pattern.

    A starter is a lower-case word or symbol, or the name of a class in
    STARTER_CLASSES or NUMBER_CLASSES. The scanner only tries a rule where one of its
    starters stands, which is what keeps one pass over the text fast.
    """

    name: str
    starters: tuple[str, ...]
    source: str


def _first_words(phrases: Iterable[str]) -> frozenset[str]:
    """The leading run of letters of each phrase ("valentine's day" → "valentine")."""
    return frozenset(re.split(r"[^a-z]", phrase, maxsplit=1)[0] for phrase in phrases)


STARTER_CLASSES: dict[str, frozenset[str]] = {
    "MONTH": frozenset(MONTHS),
    "WEEKDAY": frozenset(WEEKDAYS),
    "DOW": frozenset(WEEKDAYS) | frozenset(WEEKDAY_ABBREVIATIONS),
    "WEEKDAY_PLURAL": frozenset(day + "s" for day in WEEKDAYS),
    "NUMBER": _first_words(NUMBER_WORDS) | frozenset(TENS) | frozenset(DIGIT_WORDS),
    "VAGUE": frozenset({"a", "few", "several", "many", "dozens", "numerous"}),
    "QMOD": _first_words(QUANTITY_MODS),
    "UNIT": frozenset(
        {"seconds", "minutes", "hours", "hrs", "days", "weeks", "fortnights", "months", "years"}
        | {"decades", "centuries"}
    ),
    "SEASON": frozenset(SEASONS),
    "DECADE": frozenset(DECADE_WORDS),
    "CENTURY": _first_words(CENTURY_ORDINALS),
    "HOLIDAY": _first_words(HOLIDAYS),
}
# Words so common that they are only worth a look before one of these words (or a digit).
FOLLOWERS: dict[str, frozenset[str]] = {
    "the": frozenset(
        {
            "past", "last", "next", "coming", "first", "second", "third", "fourth", "final",
            "previous", "following", "entire", "whole", "full", "initial", "remaining",
            "latest", "same", "prior", "day", "night", "morning", "evening", "present", "near",
            "distant", "foreseeable", "immediate", "future", "recent", "start", "beginning",
            "end", "middle", "close", "very", "turn", "weekend", "current", "this",
        }
        | set(SEASONS)
    ),
    "a": frozenset(
        {
            "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "century",
            "few", "couple", "dozen", "hundred", "pair", "number", "half",
        }
    ),
}  # fmt: skip
FOLLOWERS["an"] = FOLLOWERS["a"]
FOLLOWERS["at"] = frozenset({"least", "most", "present", "the"})
FOLLOWERS["that"] = frozenset(
    {"same", "day", "morning", "afternoon", "evening", "night", "week", "weekend", "month", "year"}
)
# What must follow a number for any rule to start with it: a year stands alone,
# any other number needs a month, a unit, am/pm, a percent sign, a separator and
# another number, or the like. "240 hostages" is passed over without a look.
DIGIT_GATE = (
    r"(?:1\d|2[01])\d\d(?!\d)|(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:st|nd|rd|th)?"
    rf"(?:[:/.\-–—]\d|{HS0}[-–—]{HS0}\d|{HS0}(?:-{HS0})?(?:of{SP})?(?:{MONTH}|{UNIT}|{AMPM}"
    rf"|%|percent|per{SP}cent|times|century|quarter|and{SP}a{SP}half|o['’]clock|{ZONE}"
    rf"|[a-z]+[-\s]old\b))"
)
# Characters no rule and no gate can read past: neither a letter, a digit, white
# space nor a mark some pattern consumes. A rule tried before one reads the same
# whatever follows it, which lets a page's scan serve its blocks (a test derives
# this from the patterns).
UNREAD = r"[^\w\s#$%&'()+,\-./:;@|£¥§©·–—’€]"
# Numbers by how many digits lead them: a day or an hour has one or two, a year
# four; "DIGIT" is any number.
NUMBER_CLASSES: dict[str, frozenset[str]] = {
    "SHORT_NUMBER": frozenset({"0"}),
    "YEAR_NUMBER": frozenset({"0000"}),
    "DIGIT": frozenset({"0", "000", "0000"}),
}
CLOCK_WORDS = ("noon", "midday", "midnight")
SPAN_MOD_WORDS = (
    "early",
    "late",
    "mid",
    "the",
    "very",
    "start",
    "beginning",
    "end",
    "middle",
    "close",
)
AMOUNT_WORDS = ("QMOD", "NUMBER", "VAGUE", "DIGIT", "UNIT")
ADVERB_WORDS = (
    "daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly", "quarterly",
    "biweekly", "fortnightly",
)  # fmt: skip
SKIP_STARTERS = (
    *"$£€¥(©+§", "DIGIT", "NUMBER", "age", "ages", "aged", "copyright", "p", "pp", "no", "nos",
    "vol", *LABEL_WORDS,
)  # fmt: skip

RULES: tuple[Rule, ...] = (
    Rule("skip", SKIP_STARTERS, SKIP),
    Rule(
        "time_date",
        ("SHORT_NUMBER", *CLOCK_WORDS),
        rf"{START}(?P<time>{TIME_ANY}){TIME_DATE_SEP}(?P<date>{FULL_DATE})",
    ),
    Rule(
        "iso_time",
        ("YEAR_NUMBER",),
        rf"{START}(?P<date>{ISO_DAY})T(?P<time>{CLOCK24})(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?(?![\w])",
    ),
    Rule(
        "date_time",
        ("SHORT_NUMBER", "YEAR_NUMBER", "DOW", "MONTH"),
        rf"{START}(?P<date>{FULL_DATE}){DATE_TIME_SEP}(?P<time>{TIME_ANY})",
    ),
    Rule(
        "clock_day",
        ("SHORT_NUMBER", *CLOCK_WORDS),
        rf"{START}(?P<time>{TIME_STRICT}),?{SP}(?:on{SP})?"
        rf"(?:(?P<weekday>{WEEKDAY})|(?P<word>today|tonight|yesterday|tomorrow)(?![\w])"
        rf"|(?P<monthday>{MONTH_DAY}))",
    ),
    Rule(
        "day_clock",
        ("WEEKDAY", "today", "yesterday", "tomorrow", "MONTH", "SHORT_NUMBER"),
        rf"{START}(?:(?P<weekday>{WEEKDAY})|(?P<word>today|yesterday|tomorrow)(?![\w])"
        rf"|(?P<monthday>{MONTH_DAY}))"
        rf"(?:{HS0},)?{SP}(?:at{SP}|around{SP}|from{SP}|by{SP})?(?P<time>{TIME_STRICT})",
    ),
    Rule(
        "day_range",
        ("MONTH", "SHORT_NUMBER"),
        rf"{START}(?:(?P<m1>{MONTH}){SP0}(?P<d1>{DAY}){HS0}[-–—]{HS0}(?:(?P<m2>{MONTH}){SP0})?"
        rf"(?P<d2>{DAY})|(?P<d3>{DAY}){HS0}[-–—]{HS0}(?P<d4>{DAY}){SP}(?P<m3>{MONTH}))"
        rf"(?:,?{SP}(?P<year>{YEAR}))?",
    ),
    Rule(
        "range",
        ("between", "from"),
        rf"{START}(?P<lead>between|from){SP}"
        rf"(?P<a>{RANGE_END}){SP}(?:and|to|until|till|through|thru|[-–]){SP}(?P<b>{RANGE_END})",
    ),
    Rule(
        "full_date",
        ("SHORT_NUMBER", "YEAR_NUMBER", "DOW", "MONTH"),
        rf"{START}(?P<date>{FULL_DATE})",
    ),
    Rule(
        "month_year",
        ("MONTH", *SPAN_MOD_WORDS),
        rf"{START}(?P<mod>{SPAN_MOD})?(?P<month>{MONTH}),?{SP}(?:of{SP})?"
        rf"(?P<year>{YEAR}|{SHORT_YEAR})",
    ),
    Rule(
        "month_day",
        ("DOW", "MONTH", "SHORT_NUMBER"),
        rf"{START}{DOW}?(?:(?P<month>{MONTH}){SP0}(?P<day>{DAY})"
        rf"|(?P<day2>{DAY}){SP}(?:of{SP})?(?P<month2>{MONTH}))",
    ),
    Rule("month_mod", SPAN_MOD_WORDS, rf"{START}(?P<mod>{SPAN_MOD})(?P<month>{MONTH})(?![\w-])"),
    Rule(
        "month_rel",
        ("early", "late", "mid", "earlier", "later", "last", "next", "this", "coming"),
        rf"{START}(?:(?P<mod>early|late|mid|earlier|later)(?:{SP}|-)(?:in{SP})?)?"
        rf"(?P<dir>last|next|this|coming){SP}(?P<month>{MONTH})(?![\w-])",
    ),
    Rule("month_alone", ("MONTH",), rf"{START}(?P<month>{MONTH})(?![\w-])"),
    Rule(
        "holiday",
        ("HOLIDAY",),
        rf"{START}(?P<name>{alternation(HOLIDAYS)})(?![\w])(?:,?{SP}(?P<year>{YEAR}))?",
    ),
    Rule(
        "weekday",
        ("early", "late", "last", "next", "this", "coming", "WEEKDAY"),
        rf"{START}(?:(?P<mod>early|late){SP})?(?:(?P<dir>last|next|this(?:{SP}(?:past|coming))?"
        rf"|coming){SP})?"
        rf"(?P<weekday>{WEEKDAY})(?:{SP}(?P<part>{PART})(?![\w-]))?",
    ),
    Rule("weekday_set", ("WEEKDAY_PLURAL",), rf"{START}(?P<weekday>{WEEKDAY_PLURAL})"),
    Rule(
        "dayword",
        ("the", "today", "tonight", "yesterday", "tomorrow", "last", "this"),
        rf"{START}(?P<word>the{SP}day{SP}before{SP}yesterday|the{SP}day{SP}after{SP}tomorrow"
        rf"|today|tonight|yesterday|tomorrow|last{SP}night|this{SP}(?:morning|afternoon|evening))"
        rf"(?:{SP}(?P<part>{PART}))?(?![\w-])",
    ),
    Rule(
        "deictic",
        (*SPAN_MOD_WORDS, "earlier", "later", "turn", "this", "last", "next", "current", "coming"),
        rf"{START}(?:(?P<pre>earlier|later|early|late|mid)(?:{SP}|-)(?P<in>in{SP})?)?"
        rf"(?:(?P<edge>(?:the{SP})?(?:very{SP})?(?:start|beginning|end|middle|close|turn)){SP}of{SP})?"
        rf"(?:(?P<dir>(?:the{SP})?(?:this{SP}past|last|current)|this{SP}coming|next|coming|this"
        rf"|the){SP})?(?P<unit>week|weekend|month|year|quarter|decade|century|fiscal{SP}year"
        rf"|{SEASON})"
        rf"(?![\w-])",
    ),
    Rule(
        "ago",
        AMOUNT_WORDS,
        rf"{START}(?:(?P<qmod>{QUANTITY_MOD}){SP})?(?:(?P<amount>{AMOUNT})(?:{SP}|-))?"
        rf"(?P<unit>{UNIT}){SP}ago(?![\w])",
    ),
    Rule(
        "from_now",
        ("NUMBER", "VAGUE", "DIGIT"),
        rf"{START}(?P<amount>{AMOUNT}){SP}(?P<unit>{UNIT}){SP}from{SP}(?:now|today)(?![\w])",
    ),
    Rule(
        "anaphor",
        ("later", "earlier", "that", "the"),
        rf"{START}(?:(?:(?P<pre>later|earlier){SP})?(?:that{SP}(?:same{SP})?"
        rf"|the{SP}(?P<rel>same|following|next|previous|prior){SP})"
        rf"(?P<unit>day|morning|afternoon|evening|night|week|weekend|month|year)"
        rf"|the{SP}(?P<unit2>day|night|morning|evening){SP}(?P<side>before|after))(?![\w-])",
    ),
    Rule(
        "later",
        AMOUNT_WORDS,
        rf"{START}(?:(?P<qmod>{QUANTITY_MOD}){SP})?(?:(?P<amount>{AMOUNT})(?:{SP}|-))?"
        rf"(?P<unit>{UNIT}){SP}(?P<side>later|earlier|afterwards?)(?![\w-])(?!{SP}than)",
    ),
    Rule(
        "duration",
        ("QMOD", "the", "NUMBER", "VAGUE", "DIGIT"),
        rf"{START}(?:(?P<qmod>{QUANTITY_MOD}){SP})?"
        rf"(?:the{SP}(?P<frame>past|last|next|coming|first|final|previous|following|entire|whole"
        rf"|full|initial|remaining|latest){SP})?"
        rf"(?P<amount>{AMOUNT})(?:{SP}|-)(?P<unit>{UNIT})(?P<half>{SP}and{SP}a{SP}half)?"
        rf"(?:{HS0}-{HS0}long(?![\w]))?",
    ),
    Rule(
        "half_duration",
        ("QMOD", "half", "a", "an"),
        rf"{START}(?:(?P<qmod>{QUANTITY_MOD}){SP})?(?:half{SP}an?|an?{SP}half|half)(?:{SP}|-)"
        rf"(?P<unit>hour|day|year|month|week|decade|century)(?![\w-])",
    ),
    Rule(
        "framed_duration",
        ("the",),
        rf"{START}the{SP}(?P<frame>past|next|coming|previous|entire|whole|full){SP}"
        rf"(?P<unit>{UNIT_SINGULAR})(?![\w-])",
    ),
    Rule(
        "vague_duration",
        ("the", "recent", "VAGUE", "UNIT"),
        rf"{START}(?:the{SP}(?P<frame>past|next|coming|last|previous|following|first|final){SP}"
        rf"|(?P<recent>recent){SP})?(?:(?P<vague>{VAGUE}){SP})?(?P<unit>{UNIT_PLURAL})"
        rf"(?P<long>{HS0}-{HS0}long)?(?![\w-])",
    ),
    Rule(
        "set_every",
        ("every", "each"),
        rf"{START}(?:every|each){SP}(?P<other>other{SP})?(?:(?P<amount>{NUMBER}){SP})?"
        rf"(?P<what>{UNIT}|{WEEKDAY}|{PART}|weekend|season|{SEASON}|{FULL_MONTH})(?![\w-])",
    ),
    Rule(
        "set_rate",
        ("once", "twice", "thrice", "NUMBER", "DIGIT", "per", "a", "an"),
        rf"{START}(?:(?P<count>once|twice|thrice|{NUMBER}{SP}times){SP})?(?P<per>per|an?){SP}"
        rf"(?P<unit>hour|day|week|month|year|night)(?![\w-])",
    ),
    Rule(
        "set_adverb",
        ADVERB_WORDS,
        rf"{START}(?P<word>{alternation(ADVERB_WORDS)})(?![\w-])",
    ),
    Rule(
        "ref",
        ("now", "currently", "nowadays", "these", "at", "present", "the"),
        rf"{START}(?P<word>now|currently|nowadays|these{SP}days|at{SP}present|present"
        rf"|the{SP}present(?:{SP}day)?|at{SP}the{SP}moment|at{SP}the{SP}time"
        rf"|the{SP}(?:near{SP}|distant{SP}|foreseeable{SP}|immediate{SP})?future"
        rf"|the{SP}(?:recent{SP}|distant{SP})?past)(?![\w-])",
    ),
    Rule(
        "decade",
        ("early", "mid", "late", "YEAR_NUMBER", "'", "’", "DECADE"),
        rf"{START}(?:(?P<mod>early|mid|late)(?:{SP}|-))?"
        rf"(?P<decade>(?:1\d|20)\d0['’]?s|['’]\d0s|{alternation(DECADE_WORDS)})(?![\w])",
    ),
    Rule(
        "century",
        ("early", "mid", "late", "SHORT_NUMBER", "CENTURY"),
        rf"{START}(?:(?P<mod>early|mid|late)(?:{SP}|-))?"
        rf"(?P<ordinal>\d{{1,2}}(?:st|nd|rd|th)|{alternation(CENTURY_ORDINALS)})(?:{SP}|-)"
        rf"century(?![\w])",
    ),
    Rule(
        "season_year",
        ("early", "late", "mid", "the", "SEASON"),
        rf"{START}(?:(?P<mod>early|late|mid)(?:{SP}|-))?(?:the{SP})?(?P<season>{SEASON}){SP}"
        rf"(?:of{SP})?(?P<year>{YEAR})",
    ),
    Rule(
        "season_alone",
        ("early", "late", "mid", "the", "SEASON"),
        rf"{START}(?:(?P<mod>early|late|mid)(?:{SP}|-))?(?P<the>the{SP})?(?P<season>{SEASON})"
        rf"(?![\w-])",
    ),
    Rule(
        "quarter",
        ("the", "first", "second", "third", "fourth", "SHORT_NUMBER"),
        rf"{START}(?:the{SP})?(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th){SP}"
        rf"(?:fiscal{SP})?quarter(?:{SP}of{SP}(?:(?P<year>{YEAR})"
        rf"|(?P<dir>this|last|next|the){SP}(?:fiscal{SP})?year))?(?![\w-])",
    ),
    Rule(
        "quarter_code",
        ("q", "YEAR_NUMBER"),
        rf"{START}(?:(?P<q>Q[1-4]){HS0}(?P<year>{YEAR})|(?P<year2>{YEAR}){HS0}(?P<q2>Q[1-4])(?![\w]))",
    ),
    Rule(
        "half",
        ("the",),
        rf"{START}the{SP}(?P<ordinal>first|second){SP}half{SP}of{SP}"
        rf"(?:(?P<year>{YEAR})|(?P<dir>this|last|next|the){SP}year(?![\w-]))",
    ),
    Rule("year_mod", SPAN_MOD_WORDS, rf"{START}(?P<mod>{SPAN_MOD})(?P<year>{YEAR})"),
    Rule(
        "year_range",
        ("YEAR_NUMBER",),
        rf"{START}(?P<y1>{YEAR}){HS0}[-–—/]{HS0}(?P<y2>(?:1\d|2[01])\d\d|\d\d){END_NUMBER}",
    ),
    Rule("short_year", ("'", "’"), r"(?<![\w'’])['’](?P<yy>\d\d)(?![\w'’])"),
    Rule("year", ("YEAR_NUMBER",), rf"{START}(?P<year>{YEAR})"),
    Rule("time_alone", ("SHORT_NUMBER", *CLOCK_WORDS), rf"{START}(?P<time>{TIME_STRICT})"),
)
