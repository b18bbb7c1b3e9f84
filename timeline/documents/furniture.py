"""What one line of a saved web page looks like, on its own.

A saved page mixes the article with navigation, bylines, photo credits, adverts,
reader comments and footers. Each test here looks at a single line (and the dates
written in it) and says which of these it resembles; `timeline.documents.page` then reads
the lines in order and settles what each one is. The patterns describe the forms
of web pages in general, never the wording of one site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from timeline.dates import find_expressions
from timeline.model import TimeExpression

MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
SPACES = re.compile(r"\s+")
LEADING_MARKS = re.compile(r"^[\s•·▪►*>\-–—]+")
BULLET = re.compile(r"^\s*(?:[•·▪►*\-–]|\d{1,2}[.)])\s+\S")
SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")
ELLIPSIS_END = re.compile(r"(?:\.\.\.|…)\s*$")
YEAR = re.compile(r"\b\d{4}\b")
ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
# An all-digit date ("20-01-2024", "2024/01/20") not inside a word. Written to start
# with its first digit, the word boundary before it checked behind that digit, so
# that a search skips to the next digit instead of trying every position of the page.
NUMERIC_DATE = re.compile(
    r"\d(?<!\w\d)(?:\d?[./-]\d{1,2}[./-]\d{4}|\d{3}[./-]\d{1,2}[./-]\d{1,2})\b"
)

TIME_FILLER = re.compile(
    r"^(?>[\s,.;:·|•/\-–—()@]+|\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}\s*[ap]\.?m\.?"
    r"|(?:gmt|utc)[+-]\d{1,2}(?::?\d{2})?|(?:date|dated|time|on|at|the|of|[ap]\.?m\.?"
    r"|et|est|edt|ct|cst|cdt|pt|pst|pdt|gmt|utc|bst|cet|cest|eet|eest|ist|jst|z"
    r"|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)\b)*+$",
    re.IGNORECASE,
)
CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}\s*[ap]\.?m\b", re.IGNORECASE)

BY_LINE = re.compile(
    r"^(?:(?:written|reported|posted|story|text|words|photos?)\s+)?by\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
NAME_END = re.compile(r"\s+(?:on|in)\s+|\s*[|,·•–—]\s*|\s+-\s+|\s+\d")
NAME_WORD = re.compile(
    r"^(?:[A-Z][\w.'’-]*|and|&|de|da|di|du|van|von|der|den|al|el|bin|le|la|del)$"
)
KEYWORD_BYLINE = re.compile(
    r"^(?:published|updated|last updated|first published|originally published|posted"
    r"|modified|last modified|created|date published|publication date)\b",
    re.IGNORECASE,
)
CREDIT_LEAD = re.compile(
    r"^\(?(?:(?:AP|AFP|EPA|Reuters|Getty|Pool)\s+)?(?:photo|photograph|image|picture"
    r"|illustration|video|credit|photo credit|image credit|file photo|source)s?\s*(?:by\b|:|/)",
    re.IGNORECASE,
)
PHOTO_AGENCY = re.compile(
    r"^(?:AP|AFP|EPA|EFE|Reuters|Getty Images?|iStock(?:photo)?|Shutterstock|Alamy|Anadolu"
    r"|Anadolu Agency|Xinhua|Bloomberg|SOPA Images|NurPhoto|Pool|Sipa|Zuma|ZUMA Press"
    r"|Corbis|Unsplash|Wikimedia Commons|Handout)(?: Plus| via .*)?$",
    re.IGNORECASE,
)
CREDIT_PIECE = re.compile(r"^[\w.'’&-]+(?: [\w.'’&-]+){0,3}$")
CONTRIBUTION_NOTE = re.compile(
    r"\bcontributed (?:reporting |writing )?to this (?:report|story|article)\b"
    r"|^(?:additional )?reporting by\b|^(?:writing|editing) by\b"
    r"|^this (?:article|story|report|piece)\b.{0,40}\b(?:originally|first|contributions?"
    r"|contributed|reporting|republished)\b",
    re.IGNORECASE,
)
COPYRIGHT_SIGN = re.compile(r"^©")
COPYRIGHT = re.compile(r"^(?:©|\(c\)\s*\d{4}|copyright\b)|\ball rights reserved\b", re.IGNORECASE)
FAQ_HEADING = re.compile(
    r"^(?:frequently asked questions|faqs?|key takeaways|key points|summary|in summary"
    r"|quick summary|at a glance|in brief|the bottom line)\b",
    re.IGNORECASE,
)
TLDR = re.compile(r"^tl;?\s?dr\b", re.IGNORECASE)
REFERENCES_HEADING = re.compile(
    r"^(?:references|bibliography|works cited|sources|notes|footnotes|further reading)$",
    re.IGNORECASE,
)
REFERENCE_ENTRY = re.compile(r"\(\d{4}[a-z]?\)|\b\d{4}[a-z]?\.\s|^\[\d+\]|https?://")
AD_OPENER = re.compile(
    r"^(?:related(?: articles?| stories| posts| news| content| reading| coverage| links)?"
    r"|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)"
    r"|more (?:about|from|on|in) .+|more (?:stories|news|articles)"
    r"|recommended(?: for you| stories| articles| reading)?|read next|what to read next"
    r"|sponsored(?: content| stories| links)?|promoted(?: stories| content)?"
    r"|from around the web|also read|see also|don'?t miss)$",
    re.IGNORECASE,
)
SUBSCRIBE = re.compile(r"^(?:subscribe|sign up|register)\b", re.IGNORECASE)
PROMOTION = re.compile(
    r"\b(?:you|your|subscribe|subscription|subscribers?|newsletter|unlimited|exclusive"
    r"|sign up|free trial|cancel anytime|money[- ]back|premium|membership|ad[- ]free"
    r"|magazine|per (?:month|year))\b"
    r"|^(?:get|discover|join|enjoy|unlock|start|try|become|support|download|follow|sign"
    r"|subscribe|delve|explore|click|claim|save)\b",
    re.IGNORECASE,
)
CLICK_TO = re.compile(r"^click to (?:share|print|email)|^home\s*[>/›»|]", re.IGNORECASE)
VOTE_COUNT = re.compile(r"^\d{1,6}$|^\d{1,6}\s+(?:likes?|votes?|points?|upvotes?)$", re.IGNORECASE)
ANSWER_COUNT = re.compile(r"^\d+\s+(?:answers?|replies|comments?|responses)(?:\s+\d+)?$", re.I)
COMMENT_FORM = re.compile(
    r"^you must (?:be )?log(?:ged)? ?in\b|^not the answer you'?re looking for\?"
    r"|^(?:log|sign) in to (?:reply|comment|answer|vote)|^(?:reply|report|flag)$"
    r"|^share\b.*\b(?:improve this|follow)\b",
    re.IGNORECASE,
)
COMMENT_VERB = re.compile(
    r"\b(?:commented|answered|asked|edited|replied|modified)\s+(?:on\s+)?$", re.IGNORECASE
)
PLATFORMS = (
    r"on\s+(?:x|twitter|bluesky|threads|mastodon|facebook|instagram|truth social|linkedin"
    r"|telegram|tiktok|youtube)\b"
)
ATTRIBUTION_TAG = re.compile(rf"\(?@\w{{1,30}}\)?(?:\s*{PLATFORMS})?|\b{PLATFORMS}", re.IGNORECASE)
HANDLE_LINE = re.compile(r"^(?P<name>[^@\n]{0,60}?)\s*\(?@\w{1,30}\)?$")
SELF_REPEAT = re.compile(r"^(.{3,}?)\1+$")
REPEAT_LENGTH = 400
NAME_TOKEN = re.compile(r"^[\w.'’@-]+$")

BANNER_PHRASES = frozenset(
    {
        "scroll to the top", "scroll to top", "back to top", "skip to content",
        "skip to main content", "menu", "main menu", "search", "home", "share", "share this",
        "share this article", "share this story", "tweet", "email", "print", "sign in",
        "log in", "login", "newsletter", "newsletters", "editors' picks", "editor's picks",
        "latest", "latest news", "latest stories", "most read", "most popular", "most viewed",
        "trending", "trending now", "top stories", "breaking news", "read more",
        "continue reading", "show more", "load more", "next article", "previous article",
        "next post", "previous post", "follow us", "like this", "related topics", "tags",
        "topics", "close", "open menu", "toggle navigation", "accept cookies",
        "share on facebook", "share on twitter", "share on x", "share on linkedin",
        "share via email", "copy link", "listen to this article", "watch", "video",
    }
)  # fmt: skip
END_OF_ARTICLE = frozenset(
    {
        "leave a comment", "leave a reply", "post a comment", "add a comment", "comments",
        "join the conversation", "write a comment", "comment", "discussion",
    }
)  # fmt: skip
AD_PHRASES = frozenset({"advertisement", "advertising", "ad", "sponsored content"})


@dataclass(frozen=True)
class DateMark:
    """A date written in the page: where it is, the day it names, and whether the year is written.

    `day` is None for a date the page alone cannot place ("Monday", "3:54").
    """

    start: int
    end: int
    day: date | None
    full: bool


@dataclass
class Line:
    """One line of the page with what is known of it so far.

    `start`/`end` bound its words, `stop` is past its line break; `kind` is the
    block kind once settled, `role` a hint for the reading in order: "headline",
    "opener" (of teasers), "promotion" (a call to subscribe), "faq", "references",
    "comment-header", "name-date" (a byline if at the top), "handle" (a post's
    account line), "post-stamp", "end" (the comment form that closes the article).
    """

    start: int
    end: int
    stop: int
    raw: str
    paragraph: int
    marks: list[DateMark] = field(default_factory=list)
    kind: str | None = None
    role: str | None = None
    reference: date | None = None
    words: str = field(init=False, repr=False)
    word_count: int = field(init=False, repr=False)
    blank: bool = field(init=False, repr=False)

    def __post_init__(self) -> None:
        """Work out once what every check of the line reads.

        `words` is the line as a reader sees it: no bullet mark, no markdown link
        or emphasis; `word_count` how many words it holds; `blank` whether it
        holds nothing but white space.
        """
        text = link_texts(self.raw).replace("**", "").replace("__", "")
        self.words = LEADING_MARKS.sub("", text).strip()
        self.word_count = len(self.words.split())
        self.blank = not self.raw.strip()

    @property
    def days(self) -> list[date]:
        """The fully written days (with their year) named in the line."""
        return [mark.day for mark in self.marks if mark.full and mark.day]


def date_marks(text: str) -> list[DateMark]:
    """Every date written in `text`, read by the date engine without a reference date.

    Numeric stamps the engine leaves unread ("20-01-2024 17:57") are read with
    dateutil, so a page's own stamps are found whatever their form.
    """
    marks = [expression_mark(e) for e in find_expressions(text, None)]
    for match in NUMERIC_DATE.finditer(text):
        if not any(m.start < match.end() and match.start() < m.end for m in marks):
            day = numeric_day(match.group())
            if day:
                marks.append(DateMark(match.start(), match.end(), day, True))
    return sorted(marks, key=lambda m: m.start)


def expression_mark(expression: TimeExpression) -> DateMark:
    """The day a time expression names, when its value starts with a full calendar day."""
    match = ISO_DAY.match(expression.value)
    day = None
    if match:
        try:
            day = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            day = None
    full = day is not None and bool(YEAR.search(expression.text))
    return DateMark(expression.start, expression.end, day, full)


def numeric_day(token: str) -> date | None:
    """The day of an all-digit date; day first unless only month first makes sense.

    "20-01-2024" is day first (20 cannot be a month); "01/20/2024" month first;
    an ambiguous "03-04-2024" is read day first with dashes and dots, month first
    with slashes, as those separators are usually written.
    """
    parts = [int(p) for p in re.split(r"[./-]", token)]
    if parts[0] > 31:
        dayfirst = False
    elif parts[0] > 12:
        dayfirst = True
    elif parts[1] > 12:
        dayfirst = False
    else:
        dayfirst = "/" not in token
    from dateutil import parser as dateutil_parser

    try:
        return dateutil_parser.parse(token, dayfirst=dayfirst, yearfirst=parts[0] > 31).date()
    except (ValueError, OverflowError):
        return None


def around_marks(line: Line) -> tuple[str, str, str]:
    """The line's text before its first date, between its dates, and after its last date."""
    if not line.marks:
        return line.raw, "", ""
    base = line.start
    before = line.raw[: line.marks[0].start - base]
    between = " ".join(line.raw[a.end - base : b.start - base] for a, b in pairwise(line.marks))
    after = line.raw[line.marks[-1].end - base :]
    return before, between, after


def link_texts(text: str) -> str:
    """`text` with each markdown link replaced by its words."""
    return MD_LINK.sub(r"\1", text) if "[" in text else text


def plain(text: str) -> str:
    """Lower-case words without markdown links, bullets, curly quotes or trailing colons."""
    text = link_texts(text).replace("’", "'").replace("‘", "'")
    text = LEADING_MARKS.sub("", text).strip().rstrip(":|›»>").strip()
    return SPACES.sub(" ", text).lower()


def is_time_filler(text: str) -> bool:
    """Whether `text` holds only clock times, weekdays, zones and separators."""
    return bool(TIME_FILLER.match(text.strip()))


def is_prose(line: Line) -> bool:
    """Whether the line reads as running text rather than a heading or a label."""
    count = line.word_count
    return count >= 25 or (count >= 12 and bool(SENTENCE_END.search(line.words)))


def is_name(text: str) -> bool:
    """Whether `text` could be a person's or an account's name.

    One to four capitalised words or handle-like tokens ("sam_k", "Gary1990"),
    or a single user name, so that a short clause ("Talks resumed") is not one.
    """
    tokens = text.split()
    if not 1 <= len(tokens) <= 4 or not all(NAME_TOKEN.match(token) for token in tokens):
        return False
    return len(tokens) == 1 or all(t[0].isupper() or re.search(r"[\d_]", t) for t in tokens)


def mark_text(line: Line, mark: DateMark) -> str:
    """The words of the line that a date mark covers."""
    return line.raw[mark.start - line.start : mark.end - line.start]


def is_byline(line: Line) -> bool:
    """ "By Jane Roe", "Written by Jane Roe on May 2, 2023", "Updated: 02-05-2023 10:12"."""
    words, count = line.words, line.word_count
    if count > 20 or words.endswith(("!", "?")) or (words.endswith(".") and count > 6):
        return False
    match = BY_LINE.match(words)
    if match:
        return starts_with_name(match["rest"], line)
    return bool(KEYWORD_BYLINE.match(words)) and (bool(line.marks) or count <= 6)


def starts_with_name(rest: str, line: Line) -> bool:
    """Whether the words after "by" are a name ("by Jane Roe"), not a date ("by May 2, …")."""
    if any(rest.startswith(mark_text(line, mark)) for mark in line.marks):
        return False
    name = NAME_END.split(rest, maxsplit=1)[0].split()
    return 1 <= len(name) <= 6 and all(NAME_WORD.match(word) for word in name)


def is_credit(line: Line) -> bool:
    """Photo credits ("AGENCY/Name", "Photo: …") and notes on who contributed."""
    words = line.words
    if line.word_count <= 30 and CONTRIBUTION_NOTE.search(words):
        return True
    if line.word_count > 12 or "://" in words or "www." in words:
        return False
    if CREDIT_LEAD.match(words) or (COPYRIGHT_SIGN.match(words) and not YEAR.search(words)):
        return True
    pieces = [p.strip() for p in words.strip("()").split("/")]
    if len(pieces) < 2 or not all(CREDIT_PIECE.match(p) for p in pieces):
        return False
    return any(PHOTO_AGENCY.match(p) for p in pieces)


def is_photo_credit(line: Line) -> bool:
    """A credit for a picture ("AGENCY/Name", "Photo: …"), not a note on who wrote."""
    return is_credit(line) and not CONTRIBUTION_NOTE.search(line.words)


def is_stamp(line: Line) -> bool:
    """A bare date or time line: "March 5, 2024", "date 2022-10-31", "10:05 AM · May 2, 2023"."""
    if not line.marks or not any(m.day for m in line.marks):
        return False
    return all(is_time_filler(part) for part in around_marks(line))


def is_post_stamp(line: Line) -> bool:
    """A social-media post's attribution: "Jane Roe on X, 1:25 PM · May 2, 2023"."""
    if not line.marks or line.word_count > 16:
        return False
    before, between, after = around_marks(line)
    before = link_texts(before).strip().lstrip("—–- ")
    tag = ATTRIBUTION_TAG.search(before)
    if not tag:
        return False
    name = before[: tag.start()].strip()
    if len(name.split()) > 8 or re.search(r"[!?@]|\.$", name):
        return False
    return all(is_time_filler(part) for part in (before[tag.end() :], between, after))


def is_handle_line(line: Line) -> bool:
    """An account line heading a quoted post: "Jane Roe @janeroe"."""
    match = HANDLE_LINE.match(line.words) if "@" in line.words else None
    return bool(match) and len(line.words) <= 80 and len(match["name"].split()) <= 8


def name_and_date(line: Line) -> str | None:
    """ "clock" for a name, a full date and a time ("sam_k March 4, 2024 - 9:15 pm"), "day"
    for a name and a full date alone ("Jane Roe March 4, 2024"), else None.

    With a time it is a reader comment's header (or a byline at the top of the
    page); without one it is a byline only at the top.
    """
    if not line.marks or not line.marks[0].full:
        return None
    before, between, after = around_marks(line)
    if not is_time_filler(between) or not is_time_filler(after):
        return None
    if not is_name(link_texts(before).strip(" -–—|·,")):
        return None
    return "clock" if CLOCK.search(line.raw[line.marks[0].start - line.start :]) else "day"


def is_comment_stamp(line: Line) -> bool:
    """A line ending with when it was commented: "… Commented Mar 4, 2024 at 9:15"."""
    dated = [mark for mark in line.marks if mark.day]
    if not dated:
        return False
    before = line.raw[: dated[-1].start - line.start]
    after = line.raw[dated[-1].end - line.start :]
    return bool(COMMENT_VERB.search(before)) and is_time_filler(after)


def is_comment_furniture(line: Line) -> bool:
    """Vote counts, answer counts and the forms around reader comments."""
    words = line.words
    return bool(VOTE_COUNT.match(words) or ANSWER_COUNT.match(words) or COMMENT_FORM.match(words))


def is_faq_heading(line: Line) -> bool:
    """A heading over a restatement of the article: "Frequently Asked Questions", "Summary"."""
    words = line.words
    return bool(FAQ_HEADING.match(words)) and line.word_count <= 15 and not words.endswith(".")


def self_repeat_unit(line: Line) -> str | None:
    """The repeated piece of a line made of one piece said again and again, if it is one."""
    words = line.words
    if len(words) > REPEAT_LENGTH or words.find(words[:3], 3) == -1:
        return None
    match = SELF_REPEAT.match(words)
    return match[1].strip() if match else None


def is_teaser(line: Line) -> bool:
    """A line of a list of other articles or offers: a short title, a cut-off snippet, a bullet."""
    words = line.words
    short_title = line.word_count <= 12 and not words.endswith(".")
    return short_title or bool(ELLIPSIS_END.search(words) or BULLET.match(line.raw))


def is_promotion(line: Line) -> bool:
    """Copy addressed to the reader to sell something: subscriptions, offers, sign-ups."""
    return is_teaser(line) or bool(PROMOTION.search(line.words))


def is_reference_entry(line: Line) -> bool:
    """An entry of a reference list: "Roe, J. (2001). Title. Publisher."."""
    return bool(REFERENCE_ENTRY.search(line.words))
