"""Segmenting a saved web page into the article and the furniture around it.

The page is read line by line. `timeline.documents.furniture` says what each line looks
like on its own; here the lines are read in order to settle what they are: the
top of the page up to the first running text (banners, bylines, the headline),
quoted social-media posts and the date they carry, sections that run over many
lines (adverts, a restating FAQ, reader comments, reference lists, the footer
after the comments), and lines the page repeats. What is left is the article.
The blocks cover the text from its first character to its last, in order.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from timeline.documents.furniture import (
    AD_OPENER,
    AD_PHRASES,
    BANNER_PHRASES,
    BULLET,
    CLICK_TO,
    COPYRIGHT,
    END_OF_ARTICLE,
    REFERENCES_HEADING,
    SUBSCRIBE,
    TLDR,
    DateMark,
    Line,
    is_byline,
    is_comment_furniture,
    is_comment_stamp,
    is_credit,
    is_faq_heading,
    is_handle_line,
    is_photo_credit,
    is_post_stamp,
    is_promotion,
    is_prose,
    is_reference_entry,
    is_stamp,
    is_teaser,
    name_and_date,
    plain,
    self_repeat_unit,
)
from timeline.model import Block

LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
AUTHOR = r"[A-Z][\w'’-]+(?:\s+(?:&|and)\s+[A-Z][\w'’-]+|\s+et\s+al\.?)?"
CITED_WORK = AUTHOR + r",?\s+\d{4}[a-z]?(?:,\s*pp?\.\s*\d+(?:[–-]\d+)?)?"
CITATION = re.compile(r"\(" + CITED_WORK + r"(?:;\s*" + CITED_WORK + r")*\)")
FIRST_SENTENCE = re.compile(r"^(.{20,}?[.!?])(?:\s|$)")
SECTION_OF_ROLE = {
    "opener": "ad",
    "promotion": "promotion",
    "faq": "faq",
    "references": "references",
    "comment-header": "comment",
    "end": None,
}
POST_REACH = 12
CAPTION_WORDS = 60
FOOTER_LINES = 3
TITLE_LENGTH = 120
# The most words a line can have and still be one of the set phrases: `plain`
# may strip one trailing token ("Menu >") that `Line.words` keeps, so one more
# than the longest phrase. Longer lines need no `plain` key.
PHRASE_WORDS = 1 + max(len(p.split()) for p in BANNER_PHRASES | END_OF_ARTICLE | AD_PHRASES)


@dataclass
class Page:
    """A page cut into blocks, with its lines and where its running text starts.

    `top_end` is the index in `lines` of the first line of running text: what
    comes before it is the top of the page (banners, headline, byline).
    """

    lines: list[Line]
    blocks: list[Block]
    title: str
    top_end: int


def segment_page(text: str, marks: list[DateMark]) -> Page:
    """Cut `text` into blocks of article text and page furniture, and find its headline.

    `marks` are the dates written in the text (`furniture.date_marks`), which
    tell stamps, bylines and comment headers from the article.
    """
    lines = split_lines(text, marks)
    for line in lines:
        classify_line(line)
    top_end = first_prose(lines)
    headline = settle_top(lines, top_end)
    attach_posts([line for line in lines if not line.blank])
    mark_captions([line for line in lines if not line.blank])
    follow_sections(lines)
    mark_repeats(lines, headline)
    for line in lines:
        if line.kind is None and not line.blank:
            line.kind = "body"
    return Page(lines, build_blocks(text, lines), title_of(lines, headline), top_end)


def split_lines(text: str, marks: list[DateMark]) -> list[Line]:
    """The lines of `text` with their offsets, paragraph numbers and the dates in each."""
    lines: list[Line] = []
    paragraph, previous_blank = 0, True
    remaining = iter(marks)
    mark = next(remaining, None)
    for match in LINE.finditer(text):
        raw = match.group().rstrip("\r\n")
        line = Line(match.start(), match.start() + len(raw), match.end(), raw, paragraph)
        while mark is not None and mark.start < line.stop:
            if mark.start >= line.start:
                line.marks.append(mark)
            mark = next(remaining, None)
        if line.blank and not previous_blank:
            paragraph += 1
        line.paragraph = paragraph
        previous_blank = line.blank
        lines.append(line)
    return lines


def classify_line(line: Line) -> None:
    """Set the kind and role a line has on its own, whatever surrounds it."""
    if line.blank:
        return
    line.kind, line.role = line_kind(line)


def line_kind(line: Line) -> tuple[str | None, str | None]:
    """What a line is by its own form: (kind, role), either None when it does not say."""
    words, count = line.words, line.word_count
    key = plain(line.raw) if count <= PHRASE_WORDS else None
    if is_credit(line):
        return "credit", None
    if count <= 30 and COPYRIGHT.search(words):
        return "footer", None
    if is_post_stamp(line):
        return "stamp", "post-stamp"
    if is_byline(line):
        return "byline", None
    if TLDR.match(words):
        return "faq", None
    if is_faq_heading(line):
        return "faq", "faq"
    if REFERENCES_HEADING.match(words):
        return "citation", "references"
    if key in END_OF_ARTICLE:
        return "banner", "end"
    if key in BANNER_PHRASES or CLICK_TO.match(words):
        return "banner", None
    if key in AD_PHRASES:
        return "ad", None
    if count <= 10 and AD_OPENER.match(words):
        return "ad", "opener"
    if count <= 10 and SUBSCRIBE.match(words) and not words.endswith("."):
        return "banner", "promotion"
    if is_comment_stamp(line) or is_comment_furniture(line):
        return "comment", None
    if is_stamp(line):
        return "stamp", None
    if is_handle_line(line):
        return None, "handle"
    signed = name_and_date(line)
    if signed:
        return None, "comment-header" if signed == "clock" else "name-date"
    if self_repeat_unit(line):
        return "ad", None
    return None, None


def first_prose(lines: list[Line]) -> int:
    """The index of the first line of running text not already known to be furniture."""
    for index, line in enumerate(lines):
        if line.kind is None and not line.blank and is_prose(line):
            return index
    return len(lines)


def substantial(line: Line) -> bool:
    """Whether a line has enough words to be a headline."""
    return (line.word_count >= 3 or len(line.words) >= 20) and any(c.isalpha() for c in line.words)


def settle_top(lines: list[Line], top_end: int) -> Line | None:
    """Settle the lines above the running text; return the headline among them.

    A name-and-date line up there is a byline, not a comment, and a call to
    subscribe or a comment link is navigation, not the start of a section. Lines following a
    byline or date stamp in its paragraph belong to it (an author's role, a
    section tag). The headline is the last heading left above the running text
    (a line ending in a full stop is a standfirst); lines above it are banners.
    """
    top = [line for line in lines[:top_end] if not line.blank]
    for line in top:
        if line.role in ("comment-header", "name-date"):
            line.kind, line.role = "byline", None
        elif line.role in ("opener", "promotion", "end"):
            line.role = None
    for above, line in pairwise(top):
        if line.kind is None and line.role is None and line.paragraph == above.paragraph:
            if above.kind in ("byline", "stamp"):
                line.kind = "byline"
    headline = pick_headline([line for line in top if line.kind is None and line.role is None])
    for line in top:
        if line.kind is None and line.role is None and line is not headline:
            if headline is None or line.start < headline.start:
                line.kind = "banner"
    if headline is not None:
        headline.role = "headline"
    return headline


def pick_headline(candidates: list[Line]) -> Line | None:
    """The last substantial line not ending in a full stop, else the first substantial one."""
    substantial_lines = [line for line in candidates if substantial(line)]
    headings = [line for line in substantial_lines if not line.words.endswith(".")]
    if headings:
        return headings[-1]
    return substantial_lines[0] if substantial_lines else None


def attach_posts(lines: list[Line]) -> None:
    """Mark the text of each quoted post, dated by its attribution line.

    The text runs from the account line ("Jane Roe @janeroe") down to the
    attribution ("Jane Roe on X, 1:25 PM · May 2, 2023"); without an account line
    it is the paragraph just above the attribution. `lines` holds no blank line.
    """
    for index, line in enumerate(lines):
        if line.role != "post-stamp":
            continue
        day = next((mark.day for mark in line.marks if mark.day), None)
        for text_line in lines[post_start(lines, index) : index]:
            text_line.kind, text_line.reference = "post", day


def mark_captions(lines: list[Line]) -> None:
    """Mark a picture's caption: the short line of prose just above its photo credit.

    A caption describes what a picture shows on the day it was taken ("Soldiers
    stand near the border, May 2, 2023"); it is not a report of a happening.
    `lines` holds no blank line.
    """
    for index, line in enumerate(lines):
        if index == 0 or not is_photo_credit(line):
            continue
        above = index - 1
        while above > 0 and lines[above].kind == "credit":
            above -= 1
        candidate = lines[above]
        if candidate.kind is None and candidate.word_count <= CAPTION_WORDS:
            candidate.kind = "caption"


def post_start(lines: list[Line], stamp: int) -> int:
    """Where the post attributed at `stamp` starts: its account line, else its paragraph."""
    reach = range(stamp - 1, max(stamp - 1 - POST_REACH, -1), -1)
    for index in reach:
        if lines[index].kind is not None or lines[index].role == "post-stamp":
            break
        if lines[index].role == "handle":
            return index
    start = stamp
    while (
        start > 0
        and lines[start - 1].kind is None
        and lines[start - 1].paragraph == lines[stamp - 1].paragraph
    ):
        start -= 1
    return start


def follow_sections(lines: list[Line]) -> None:
    """Read the page in order and give the lines of each section its kind.

    An advert heading ("Related articles") carries on through teasers, a call to
    subscribe through promotional copy; a FAQ or summary heading through its
    questions, answers and bullets; a comment header through the comment's text;
    a reference list through its entries. After the comment form the article is
    over: the few lines left (a blurb about the site) are footer.
    """
    section: str | None = None
    finished = False
    reference: date | None = None
    previous: Line | None = None
    tail: list[Line] = []
    for line in lines:
        if line.blank:
            continue
        if line.role in SECTION_OF_ROLE:
            section = SECTION_OF_ROLE[line.role]
            finished = finished or line.role == "end"
            if line.role == "comment-header":
                reference = line.marks[0].day
                line.kind, line.reference = "comment", reference
        elif line.kind is not None:
            if line.kind == "comment":
                line.reference = own_day(line) or (reference if section == "comment" else None)
            elif not (section in ("ad", "promotion") and line.kind in ("ad", "banner")):
                section = None
        else:
            line.kind = section_kind(section, line, previous)
            if line.kind == "comment":
                line.reference = reference
            elif line.kind is None:
                section = None
                if finished:
                    tail.append(line)
        previous = line
    if len(tail) <= FOOTER_LINES:
        for line in tail:
            line.kind = "footer"


def own_day(line: Line) -> date | None:
    """The last full day a line names: when a comment stamped "Commented <date>" was written."""
    days = line.days
    return days[-1] if days else None


def section_kind(section: str | None, line: Line, previous: Line | None) -> str | None:
    """The kind a line takes as part of the section it falls in, or None if it ends it."""
    if section == "ad":
        return "ad" if is_teaser(line) else None
    if section == "promotion":
        return "ad" if is_promotion(line) else None
    if section == "comment":
        return "comment"
    if section == "references":
        return "citation" if is_reference_entry(line) else None
    if section == "faq" and previous is not None and continues_faq(line, previous):
        return "faq"
    return None


def continues_faq(line: Line, previous: Line) -> bool:
    """Whether a line goes on with a FAQ: a question, its answer, a bullet, the first lines."""
    return (
        previous.role == "faq"
        or line.words.endswith("?")
        or previous.words.endswith("?")
        or bool(BULLET.match(line.raw))
        or (previous.kind == "faq" and previous.paragraph == line.paragraph)
    )


def mark_repeats(lines: list[Line], headline: Line | None) -> None:
    """Lines the page says twice, or that repeat an advert's refrain, are adverts.

    The headline is kept: a page often repeats it in its own links.
    """
    counts = Counter(line.words for line in lines if not line.blank)
    refrains = {self_repeat_unit(line) for line in lines if line.kind == "ad"} - {None}
    for line in lines:
        if line.kind is not None or line.blank or line is headline or line.word_count < 2:
            continue
        if counts[line.words] > 1 or line.words in refrains:
            line.kind = "ad"


def build_blocks(text: str, lines: list[Line]) -> list[Block]:
    """Blocks covering the whole text: blank lines join the block above them."""
    spans: list[list] = []
    for line in lines:
        if not line.blank:
            spans.extend(line_spans(text, line))
    if not spans:
        return []
    spans[0][0] = 0
    for current, following in pairwise(spans):
        current[1] = following[0]
    spans[-1][1] = len(text)
    blocks: list[Block] = []
    for start, end, kind, reference in spans:
        if blocks and (blocks[-1].kind, blocks[-1].reference) == (kind, reference):
            blocks[-1] = Block(blocks[-1].start, end, kind, reference)
        else:
            blocks.append(Block(start, end, kind, reference))
    return blocks


def line_spans(text: str, line: Line) -> list[list]:
    """The spans of one line: the whole line, or article text cut around its citations."""
    if line.kind != "body":
        return [[line.start, line.stop, line.kind, line.reference]]
    spans, cursor = [], line.start
    for match in CITATION.finditer(text, line.start, line.end):
        if any(mark.start <= match.start() + 1 < mark.end for mark in line.marks):
            continue
        if match.start() > cursor:
            spans.append([cursor, match.start(), "body", None])
        spans.append([match.start(), match.end(), "citation", None])
        cursor = match.end()
    if cursor < line.stop:
        spans.append([cursor, line.stop, "body", None])
    return spans


def title_of(lines: list[Line], headline: Line | None) -> str:
    """The headline, else the first sentence of the first substantial line of the article."""
    if headline is not None:
        return headline.words
    first = next((line for line in lines if line.kind == "body" and substantial(line)), None)
    return shortened(first.words) if first else ""


def shortened(words: str) -> str:
    """A long first line cut to its first sentence, or to whole words with an ellipsis."""
    if len(words) <= TITLE_LENGTH:
        return words
    sentence = FIRST_SENTENCE.match(words)
    if sentence and len(sentence[1]) <= TITLE_LENGTH + 30:
        return sentence[1]
    return words[:TITLE_LENGTH].rsplit(" ", 1)[0] + "…"
