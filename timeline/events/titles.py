"""Short titles that say who did what, built from the words of the sentence.

A title keeps the sentence's subject, verb and object and drops what a reader of
a chronology does not need: the date words (the date is shown beside it), the
source ("according to officials", "the WSJ elaborated"), leading filler
("However,", "Meanwhile,"), asides in brackets, and the middle of long quotes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from timeline.events.sentences import Span, has_conjugated_verb, inside, is_conjugated, quoted_spans

MAX_TITLE = 100
MIN_CUT = 40
QUOTE_WORDS = 8
# How many date expressions' words are remembered: those of a document, and more.
DATE_WORDS_CACHE_SIZE = 1024
DATE_PREPOSITIONS = r"(?:on|in|by|at|during|of|for|from|since|until|till|through)"
FILLER = re.compile(
    r"^(?:however|nonetheless|nevertheless|meanwhile|moreover|furthermore|besides|also|"
    r"still|yet|but|and|so|then|or|thus|hence|subsequently|ultimately|eventually|"
    r"conversely|likewise|similarly|additionally|notably|indeed|instead|otherwise|"
    r"separately|finally|anyhow|anyway|earlier|later|in addition|in response|in turn|"
    r"in the meantime|in particular|for example|for instance|e\.g\.|as a result|"
    r"at the same time|on the other hand|in short)"
    r"(?:\b|(?<=\.))[,:]?\s*",
    re.IGNORECASE,
)
ASIDES = re.compile(r"\s*(?:\[[^\]]*\]|\([^)]*\)|https?://\S+)")
MARKUP = re.compile(r"[*_]{1,2}(?=\w)|(?<=[\w.”\"])[*_]{1,2}")
REPORTEDLY = re.compile(r"\s*\breportedly\b", re.IGNORECASE)
WITH_PARTICIPLE = re.compile(
    r"^with\s+(?P<subject>.+?)\s+(?P<verb>saying|telling|adding|claiming|noting|warning|"
    r"insisting|arguing|stressing|urging)\b",
    re.IGNORECASE,
)
PAST = {
    "saying": "said",
    "telling": "told",
    "adding": "added",
    "claiming": "claimed",
    "noting": "noted",
    "warning": "warned",
    "insisting": "insisted",
    "arguing": "argued",
    "stressing": "stressed",
    "urging": "urged",
}
FIRST_PERSON = {"I have": "has", "I've": "has", "I am": "is", "I'm": "is", "I was": "was"}
PRONOUN = re.compile(r"^(?:He|She|he|she)\b")
DANGLING_MARKS = ",;:–—-"
DANGLING_WORDS = frozenset(
    "and or but that to with of in on at by the a an as while who which when from for".split()
)
DANGLING = re.compile(
    rf"(?:[\s{DANGLING_MARKS}]+|\s+(?:{'|'.join(sorted(DANGLING_WORDS))}))+$", re.IGNORECASE
)
PUNCTUATION_CUTS = re.compile(r",\s|;\s|\s[–—]\s")
WORD_CUTS = re.compile(
    r"\s(?=(?:while|as|after|because|which|who|but|so|where|when|although|despite|amid|"
    r"since|before|following|even|without)\s)"
)
LEAD_PHRASE = re.compile(
    r"(?:in|on|at|for|with|without|after|before|following|during|despite|amid|as|to|by|"
    r"under|since|while|when|although|though|unlike|like|having|given|facing)\b",
    re.IGNORECASE,
)
TITLE_WORDS = frozenset(
    "of the and for senior top former deputy acting chief defense defence foreign prime "
    "minister secretary president official spokesman spokeswoman spokesperson director "
    "leader envoy ambassador general adviser advisor national security press "
    "communications".split()
)
QUOTE = re.compile(r"([“\"])([^”\"]*)([”\"])")
PREPOSITION_BEFORE = re.compile(rf"\b{DATE_PREPOSITIONS}\s+$", re.IGNORECASE)
MARKS_AFTER_A_WORD = ",.;:!?’”"
SPACE_BEFORE_MARK = re.compile(rf"\s+([{MARKS_AFTER_A_WORD}])")
OPENING_MARKS = ('"', "“", "‘", "(")
CLOSING_MARKS = ("”", '"', "’")
SPACE_AFTER_OPENING = re.compile(r"((?:^|(?<=\s))[\"“‘(])[\s,;:]+")
DOUBLED_COMMA = re.compile(r",\s*(?=[,.;:])")
MARK_BEFORE_CLOSING = re.compile(r"[,;:]+(?=[”\"’]\s*$)")
LOWER_AFTER_OPENING = re.compile(r"^([\"“‘])([a-z])")
FIRST_PERSON_VERB = re.compile(r"^I\s+([a-z]+)\b")
FIRST_PERSON_START = re.compile(r"^I\b")
ING_WORD = re.compile(r"\w+ing\b")
RELATIVE_START = re.compile(r"(?:who|which|whose|where|and|or|but)\b")


@lru_cache(maxsize=DATE_WORDS_CACHE_SIZE)
def date_words(text: str, start: int, end: int) -> Span:
    """A date expression's span widened to the preposition before it ("on Friday").

    Remembered: the reader asks for one date's words about three times, as it
    weighs the date, names its noun and leaves it out of titles.
    """
    before = PREPOSITION_BEFORE.search(text[max(0, start - 12) : start])
    year_then_comma = text[max(0, end - 4) : end].isdigit() and text[end : end + 2] == ", "
    return (start - len(before.group()) if before else start, end + int(year_then_comma))


def excise(text: str, span: Span, removals: list[Span]) -> str:
    """`text[span]` without the parts in `removals`."""
    pieces, position = [], span[0]
    for start, end in sorted(removals):
        if end <= position or start >= span[1]:
            continue
        pieces.append(text[position : max(position, start)])
        position = max(position, end)
    pieces.append(text[position : span[1]])
    return " ".join(p for p in pieces if p)


def _tidy(title: str) -> str:
    """Whitespace collapsed, orphaned punctuation and markup removed.

    Each pattern runs only when the characters it needs are there.
    """
    if "reportedly" in title.lower():
        title = REPORTEDLY.sub("", title)
    if "(" in title or "[" in title or "http" in title:
        title = ASIDES.sub("", title)
    if "*" in title or "_" in title:
        title = MARKUP.sub("", title)
    title = _without_space_before_marks(" ".join(title.split()))
    if any(mark in title for mark in OPENING_MARKS):
        title = SPACE_AFTER_OPENING.sub(r"\1", title)
    if "," in title:
        title = DOUBLED_COMMA.sub("", title)
    if title.endswith("”") and "“" not in title:
        title = title[:-1]
    if title.rstrip().endswith(CLOSING_MARKS):
        title = MARK_BEFORE_CLOSING.sub("", title)
    title = LOWER_AFTER_OPENING.sub(lambda m: m.group(1) + m.group(2).upper(), title)
    return title.strip(" ,;:–—-")


def _without_space_before_marks(title: str) -> str:
    """What SPACE_BEFORE_MARK takes out of a title whose spaces are single: " ," made ",".

    With single spaces no two of its matches touch, so one replacement per mark
    does the pattern's work, in a third of the time.
    """
    for mark in MARKS_AFTER_A_WORD:
        title = title.replace(" " + mark, mark)
    return title


def _drop_filler(title: str) -> str:
    """Leading connectives removed, however many there are."""
    while True:
        shorter = FILLER.sub("", title, count=1).lstrip(" ,;:–—-")
        if shorter == title:
            return title
        title = shorter


def _name_subject(title: str, subject: str | None) -> str:
    """A leading "He"/"She"/"I" replaced by the person meant, when known."""
    if not subject:
        return title
    for phrase, verb in FIRST_PERSON.items():
        if title.startswith(phrase + " "):
            return f"{subject} {verb}{title[len(phrase) :]}"
    verb = FIRST_PERSON_VERB.match(title)
    if verb and is_conjugated(verb.group(1)):
        return subject + title[1:]
    if FIRST_PERSON_START.match(title):
        return f"{subject}: {title}"
    return PRONOUN.sub(subject, title, count=1)


def _with_participle(title: str) -> str:
    """An opening "with the minister saying that..." as "the minister said that..."."""
    found = WITH_PARTICIPLE.match(title)
    if not found:
        return title
    verb = PAST[found.group("verb").lower()]
    return f"{found.group('subject')} {verb}{title[found.end() :]}"


def shorten_quotes(title: str) -> str:
    """Quotations longer than QUOTE_WORDS cut to their opening words and an ellipsis."""

    def cut(found: re.Match[str]) -> str:
        inner = found.group(2).split()
        if len(inner) <= QUOTE_WORDS:
            return found.group()
        opening = " ".join(inner[: QUOTE_WORDS - 2]).rstrip(",.;:")
        return f"{found.group(1)}{opening}…{found.group(3)}"

    return QUOTE.sub(cut, title)


def compress_lead(title: str, names: list[str]) -> str:
    """A title's lead shortened to the person's name ("Antony Blinken said").

    Only a prefix that reads as a title goes ("US Secretary of State"):
    capitalised words and the few lower-case words titles use ("senior Hamas
    official").
    """
    for name in names:
        index = title.find(name)
        words = title[:index].split()
        if (
            0 < index <= 60
            and len(words) <= 6
            and all(w[:1].isupper() or w in TITLE_WORDS for w in words)
        ):
            return title[index:]
    return title


def _drop_lead_phrase(title: str) -> str:
    """A leading phrase without a verb dropped ("Following the meeting, Abbas urged...")."""
    first, comma, rest = title.partition(", ")
    if (
        comma
        and 3 <= len(first.split()) <= 12
        and (LEAD_PHRASE.match(first) or ING_WORD.search(first))
        and first.count("“") == first.count("”")
        and first.count('"') % 2 == 0
        and not has_conjugated_verb(first)
        and has_conjugated_verb(rest)
        and not RELATIVE_START.match(rest)
    ):
        return rest[:1].upper() + rest[1:]
    return title


def without_dangling(title: str) -> str:
    """`title` without the marks and little words left hanging at its end ("…, and the").

    Only a title that ends in a mark, a space or one of the words can lose
    anything, so most titles are returned without running DANGLING over them.
    A word in other letters than ASCII may still match case-blind: it is tried.
    """
    last = title[-1:]
    if last and not last.isspace() and last not in DANGLING_MARKS:
        word = title.rsplit(None, 1)[-1]
        if word.isascii() and word.lower() not in DANGLING_WORDS:
            return title
    return DANGLING.sub("", title)


def fit(title: str, limit: int = MAX_TITLE) -> str:
    """`title` cut to at most `limit` characters, at a clause boundary when possible."""
    if len(title) <= limit:
        return title
    title = _drop_lead_phrase(title)
    if len(title) <= limit:
        return title
    quoted = quoted_spans(title, 0, len(title))
    for boundaries in (PUNCTUATION_CUTS, WORD_CUTS):
        cuts = [
            m.start()
            for m in boundaries.finditer(title)
            if MIN_CUT <= m.start() < limit and not inside(m.start(), quoted)
        ]
        if cuts:
            return without_dangling(title[: cuts[-1]])
    head = title[: limit - 1].rsplit(" ", 1)[0]
    return without_dangling(head) + "…"


def make_title(
    text: str,
    span: Span,
    removals: list[Span],
    subject: str | None = None,
    names: list[str] | None = None,
) -> str:
    """The title of the clause `text[span]`.

    `removals` are spans to leave out (date words, attributions); `subject` is the
    short name a leading pronoun stands for; `names` are the full names of the
    people in the clause, used to drop a long title before a name when needed.
    """
    title = _tidy(excise(text, span, removals))
    title = _drop_filler(title)
    title = _with_participle(title)
    title = _name_subject(title, subject)
    title = shorten_quotes(title)
    title = without_dangling(title.rstrip(".!?"))
    if len(title) > MAX_TITLE and names:
        title = compress_lead(title, names)
    title = fit(title)
    return title[:1].upper() + title[1:]
