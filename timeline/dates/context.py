"""What the sentence around an expression says about it.

Three questions: is the clause about the past or the future (so "Friday" is the
last one or the next one); does a date introduce a quotation or statement (so
"yesterday" inside it counts from that date, not from the publication); and
how far apart two expressions are, in paragraphs.
"""

from __future__ import annotations

import re

from timeline.dates.parsing import Around

# How far around an expression the tense is looked for.
TENSE_WINDOW = 240
# The penalty, in characters, for a tense marker on the far side of a comma or "and".
CLAUSE_PENALTY = 60
# How far (in characters, penalty included) a tense marker reaches; a present
# progressive ("is meeting") only reaches a time right beside it.
MARKER_REACH = 160
PROGRESSIVE_REACH = 40
# How far a line is looked along for a byline or a colon, and how long a dated
# passage may run.
LINE_REACH = 300
PASSAGE_REACH = 3000

_PAST_WORDS = frozenset(
    {
        "said", "told", "met", "went", "came", "began", "took", "made", "gave", "held", "left",
        "saw", "spoke", "sent", "won", "lost", "fell", "rose", "struck", "got", "brought",
        "bought", "built", "caught", "chose", "drove", "fought", "found", "flew", "grew",
        "heard", "kept", "knew", "led", "meant", "paid", "ran", "sold", "shot", "stood", "stole",
        "swore", "taught", "thought", "threw", "understood", "wrote", "became", "broke",
        "sought", "fled", "withdrew", "spent", "felt", "dealt", "was", "were", "had", "did",
        "ago", "yesterday", "earlier",
    }
)  # fmt: skip
_FUTURE_WORDS = frozenset(
    {"will", "shall", "won't", "won’t", "would", "upcoming", "next", "tomorrow", "planned"}
)
_BE_PRESENT = frozenset({"is", "are", "am"})
# After "is"/"are": "set to", "due", "scheduled for", "expected to" look ahead.
_ARRANGED = frozenset(
    {
        "set", "due", "scheduled", "expected", "slated", "poised", "going", "planning",
        "preparing", "about", "likely", "planned", "to",
    }
)  # fmt: skip
# After these, a participle describes a state ("will stay closed"), not a past act.
_PASSIVE_AUXILIARIES = frozenset(
    {
        "be", "been", "being", "is", "are", "am", "get", "gets", "stay", "stays", "remain",
        "remains", "become", "becomes", "seem", "seems", "keep", "keeps",
    }
)  # fmt: skip
# A date an arrangement or a request aims at lies ahead of it: "set a hearing for
# Feb. 20", "postponed the vote until March 3", "urged them to settle it by April".
_AIMED_AT = re.compile(
    r"\b(?:(?:set|scheduled|rescheduled|slated|fixed|called|booked|planned)\b[^.;!?]{0,80}?"
    r"\bfor|(?:postponed|delayed|moved|pushed\s+back|put\s+off|adjourned)\b[^.;!?]{0,80}?"
    r"\b(?:to|until|till)|(?:urged|asked|called\s+on|pressed|told|gave|given|wants?|"
    r"wanted|demanded|ordered|deadline)\b[^.;!?]{0,80}?\bby)\s+(?:(?:the\s+)?(?:early|mid|"
    r"late|end\s+of|start\s+of|beginning\s+of)\s+)?$",
    re.IGNORECASE,
)
AIM_REACH = 120
# The last word before the white space an aim ends with: its linking word, or
# the last word of what may follow that ("by the end of").
_AIM_ENDINGS = ("for", "to", "until", "till", "by", "early", "mid", "late", "of")
_INTENDS = frozenset({"plan", "plans", "planning", "intend", "intends", "due"})
# Before "to", these look ahead whatever their own tense: "expected to rule in March".
_LOOKS_AHEAD = frozenset(
    {"expect", "expects", "expected", "hope", "hopes", "hoped", "aim", "aims", "aimed"}
)
# Words in -ed that are not verbs in the past.
_NOT_PAST = frozenset(
    {
        "need", "speed", "indeed", "seed", "feed", "deed", "greed", "bleed", "breed", "creed",
        "heed", "proceed", "exceed", "succeed", "shed", "embed", "hundred", "sacred", "naked",
        "wicked", "kindred", "rugged", "ragged", "beloved", "aged", "bed", "red", "wed",
    }
)  # fmt: skip
_WORD = re.compile(r"[\w'’]+")
_MARKER_WORDS = _FUTURE_WORDS | _BE_PRESENT | _INTENDS | _LOOKS_AHEAD | _PAST_WORDS
_MARKER_ENDINGS = ("ed", "'ll", "’ll", "'re", "’re")
_CLAUSE_BREAK = re.compile(r"[,;:()—–\"“”]|\s(?:and|but|while|whereas|because)\s")
# A sentence ends at a run of stops and closing marks before white space and a
# capital or a digit, or at a line break. Written to open with one character of
# a class, which lets a search skip in C to the next place a break can be.
_SENTENCE_BREAK = re.compile(
    r"[.!?\n](?:(?<=[.!?])[.!?]*[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|(?<=\n))"
)
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Jr|Sr|vs|No|Jan|Feb|Mar|Apr"
    r"|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun)|\b\w\.\w)\.$"
)
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
_SPEECH = (
    r"said|says|told|tells|wrote|writes|posted|tweeted|stated|declared|announced|added|asked"
    r"|explained|noted|warned|insisted|replied|responded|recalled|statement|according\s+to"
)
_INTRODUCES_NEXT_PARAGRAPH = re.compile(r"[^.!?\n\"“”]{0,100}:[^\S\n]*(?=\n|$)")
_INTRODUCES_INLINE = re.compile(
    rf"[^.!?\n\"“”]{{0,120}}?(?::|\b(?:{_SPEECH})\b[^.!?\n\"“”]{{0,40}}?)[,:]?\s*(?P<quote>[\"“])",
    re.IGNORECASE,
)
_ATTRIBUTES_PREVIOUS = re.compile(
    rf"(?P<quote>[\"”]),?[^\S\n]+[^\"“”.!?\n]{{0,80}}\b(?:{_SPEECH})\b[^\"“”.!?\n]{{0,100}}$",
    re.IGNORECASE,
)
_STAMP_LINE = re.compile(
    r"\s*(?:written\s+by|by\s|published|updated|posted|last\s+updated|commented|©)",
    re.IGNORECASE,
)
_CLOSING = {'"': '"', "“": "”"}


def sentence_bounds(around: Around, start: int, end: int) -> tuple[int, int]:
    """The start and end of the sentence holding text[start:end], within a window."""
    lo = max(around.lo, start - TENSE_WINDOW)
    sentence_start = _last_break_end(around.text, lo, start)
    hi = min(around.hi, end + TENSE_WINDOW)
    sentence_end = hi
    for match in _SENTENCE_BREAK.finditer(around.text, end, hi):
        if not _after_abbreviation(around.text, end, match.start()):
            sentence_end = match.start()
            break
    return sentence_start, sentence_end


def _last_break_end(text: str, lo: int, start: int) -> int:
    """Where the last sentence break in text[lo:start] ends, or `lo` if there is none.

    The breaks are tried from the nearest back: the nearest is usually a real
    one, and each costs a look for an abbreviation.
    """
    for match in reversed(list(_SENTENCE_BREAK.finditer(text, lo, start))):
        if not _after_abbreviation(text, lo, match.start()):
            return match.end()
    return lo


def _after_abbreviation(text: str, lo: int, stop: int) -> bool:
    """Whether the full stop at `stop` ends an abbreviation ("Oct.", "U.S."), not a sentence."""
    return bool(_ABBREVIATION.search(text, max(lo, stop - 8), stop + 1))


def clause_tense(around: Around, start: int, end: int) -> str | None:
    """ "past" or "future" by the nearest tense marker in the sentence; None if there is none.

    A marker past a comma, a quote mark or an "and" counts as farther away, so
    in "The rebels freed two engineers Friday, and talks will resume Monday" each
    weekday takes the tense of its own clause.
    """
    lo, hi = sentence_bounds(around, start, end)
    if _aimed_at(around.text, max(lo, start - AIM_REACH), start):
        return "future"
    matches = list(_WORD.finditer(around.text, lo, hi))
    words = [match.group() for match in matches]
    best: tuple[int, str] | None = None
    for index, word in enumerate(words):
        lower = word.lower()
        if lower not in _MARKER_WORDS and not lower.endswith(_MARKER_ENDINGS):
            continue
        word_start = matches[index].start()
        if start <= word_start < end:
            continue
        previous = words[index - 1].lower() if index else ""
        marked = _tense_marked(word, previous, words[index + 1 : index + 3])
        if marked is None:
            continue
        tense, reach, length = marked
        word_end = matches[min(index + length, len(matches)) - 1].end()
        gap = (word_end, start) if word_end <= start else (end, word_start)
        distance = gap[1] - gap[0]
        if _CLAUSE_BREAK.search(around.text, *gap):
            distance += CLAUSE_PENALTY
        if distance <= reach and (best is None or distance < best[0]):
            best = (distance, tense)
    return best[1] if best else None


def _aimed_at(text: str, lo: int, start: int) -> bool:
    """Whether text[lo:start] ends with what aims at a date: "set a hearing for ".

    The pattern must end at `start`, so its search tries every position before
    it; most dates do not follow one of the words such an aim ends with, and
    a look at the last word rules them out first.
    """
    window = text[lo:start]
    words = window.rstrip()
    if len(words) == len(window) or not words.lower().endswith(_AIM_ENDINGS):
        return False
    return _AIMED_AT.search(text, lo, start) is not None


def _tense_marked(word: str, previous: str, following: list[str]) -> tuple[str, int, int] | None:
    """The tense a word marks, how far it reaches and how many words the marker spans.

    "is scheduled" is one future marker (its "scheduled" is no past tense);
    a participle after "be" ("to be published") is passive, its auxiliary
    carries the tense; "is meeting" says future only for a time right beside
    it ("is meeting Friday"), further off it is more likely a present ("is
    pushing for talks").
    """
    lower = word.lower()
    after = [w.lower() for w in following]
    if lower in _FUTURE_WORDS or lower.endswith(("'ll", "’ll")):
        return "future", MARKER_REACH, 1
    if lower in _BE_PRESENT or lower.endswith(("'re", "’re")):
        if after and after[0] in _ARRANGED:
            return "future", MARKER_REACH, 2
        return ("future", PROGRESSIVE_REACH, 1) if after and _progressive(after) else None
    if lower in _INTENDS and after and after[0] in ("to", "on", "in"):
        return "future", MARKER_REACH, 1
    if lower in _LOOKS_AHEAD and after and after[0] == "to":
        return "future", MARKER_REACH, 1
    if lower in _PAST_WORDS:
        return "past", MARKER_REACH, 1
    if word.islower() and lower.endswith("ed") and len(lower) > 3 and lower not in _NOT_PAST:
        return None if previous in _PASSIVE_AUXILIARIES else ("past", MARKER_REACH, 1)
    return None


def _progressive(after: list[str]) -> bool:
    """Whether "is"/"are" is followed by a verb in -ing ("are meeting", "is quietly preparing")."""
    verb = after[1] if after[0].endswith("ly") and len(after) > 1 else after[0]
    return verb.endswith("ing") and verb != "being"


def paragraphs_between(text: str, start: int, end: int) -> int:
    """How many paragraph breaks (blank lines) lie between two offsets."""
    return len(_PARAGRAPH_BREAK.findall(text, start, end))


def on_stamp_line(around: Around, start: int) -> bool:
    """Whether an expression sits on a byline or timestamp line ("Published Nov 5, 2023").

    Such a date says when the page was written, not what the story is about,
    so it is neither an antecedent nor the date of a quotation.
    """
    return bool(_STAMP_LINE.match(around.text, _line_start(around, start), start))


def _line_start(around: Around, position: int) -> int:
    """Where the line holding `position` starts, looking back at most LINE_REACH."""
    floor = max(around.lo, position - LINE_REACH)
    return max(around.text.rfind("\n", floor, position) + 1, floor)


def _line_end(around: Around, position: int) -> int:
    """Where the line holding `position` ends, looking ahead at most LINE_REACH."""
    ceiling = min(around.hi, position + LINE_REACH)
    found = around.text.find("\n", position, ceiling)
    return ceiling if found < 0 else found


def dated_passage(around: Around, start: int, end: int) -> tuple[int, int] | None:
    """The quotation or statement a date introduces, as (start, end), if it introduces one.

    Three shapes: a line that ends in a colon after the date ("On Nov 3:"),
    which dates the next paragraph; a quotation opened after the date in the
    same sentence ('On March 3 the minister said: "…"'); and a quotation just
    before an attribution that carries the date ('"…," she said on March 3.').
    A passage runs at most PASSAGE_REACH characters.
    """
    text = around.text
    line_end = _line_end(around, end)
    if _INTRODUCES_NEXT_PARAGRAPH.match(text, end, line_end):
        return _next_paragraph(around, line_end)
    inline = _INTRODUCES_INLINE.match(text, end, line_end)
    if inline:
        return _quotation_from(around, inline.start("quote"), inline.group("quote"))
    line_start = _line_start(around, start)
    attribution = _ATTRIBUTES_PREVIOUS.search(text, line_start, start)
    if attribution:
        return _quotation_before(around, line_start, attribution.start("quote"))
    return None


def _paragraph_end(around: Around, position: int) -> int:
    """Where the paragraph holding `position` ends, or PASSAGE_REACH on, if sooner."""
    ceiling = min(around.hi, position + PASSAGE_REACH)
    following = _PARAGRAPH_BREAK.search(around.text, position, ceiling)
    return following.start() if following else ceiling


def _next_paragraph(around: Around, position: int) -> tuple[int, int] | None:
    """The paragraph that starts after `position`, skipping blank lines."""
    text = around.text
    begin = position
    while begin < around.hi and text[begin].isspace():
        begin += 1
    if begin >= around.hi:
        return None
    return begin, _paragraph_end(around, begin)


def _quotation_from(around: Around, opening: int, mark: str) -> tuple[int, int]:
    """A quotation from its opening mark to its closing one, or to the paragraph's end."""
    limit = _paragraph_end(around, opening)
    closing = around.text.find(_CLOSING[mark], opening + 1, limit)
    return opening, (closing + 1 if closing >= 0 else limit)


def _quotation_before(around: Around, line_start: int, closing: int) -> tuple[int, int]:
    """The quotation that ends at `closing`, back to its opening mark on the same line."""
    text = around.text
    opening = max(text.rfind("“", line_start, closing), text.rfind('"', line_start, closing))
    return (opening if opening >= 0 else line_start), closing + 1
