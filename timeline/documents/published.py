"""When a page was published, as far as the page itself tells.

In order of trust: a byline or date stamp at the top of the page; a news
dateline opening the article ("CITY, Month D (Agency) –"); else the bounds the
page sets on itself: the article is no later than its first reader comment and
no earlier than the latest day it names in full (or the latest post it quotes).
A bound is a guess and says so in a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from timeline.dates import find_expressions
from timeline.documents.furniture import ISO_DAY, Line
from timeline.documents.page import Page

DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})"
    r"(?:,[^()\n—–]{1,40}?)?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&/-]{0,30})\))?"
    r"\s*(?:—|–|--?|:)\s"
)
FUTURE_CUE = re.compile(
    r"\b(?:will|shall|scheduled|upcoming|due to|set to|expected to|plans? to)\b[^.!?]*$",
    re.IGNORECASE,
)
TOP_LINES = 10
DATELINE_LINES = 3
DATELINE_SLACK = 3
CUE_WINDOW = 80


@dataclass(frozen=True)
class Publication:
    """A publication date, where it was read (one of `model.PUBLISHED_FROM`), and a caveat."""

    day: date | None
    source: str
    warning: str | None = None


def publication_from_page(text: str, page: Page) -> Publication:
    """The publication date the page gives: byline, dateline, else the page's own bounds."""
    day = byline_day(page)
    if day:
        return Publication(day, "byline")
    latest_comment = first_comment_day(page)
    latest_mention = latest_mention_day(page, latest_comment)
    dateline = dateline_day(text, page, latest_mention, latest_comment)
    if dateline:
        return dateline
    return bounded(latest_mention, latest_comment)


def byline_day(page: Page) -> date | None:
    """The earliest full date in a byline or stamp at the top of the page.

    The top is everything above the running text, or the first few lines; the
    earliest date is taken because a page shows "Updated" after "Published".
    """
    nonblank = [line for line in page.lines if not line.blank]
    top = page.lines[: page.top_end] + nonblank[:TOP_LINES]
    days = [
        day
        for line in top
        if line.kind in ("byline", "stamp") and line.role != "post-stamp"
        for day in line.days
    ]
    return min(days, default=None)


def first_comment_day(page: Page) -> date | None:
    """The day of the earliest reader comment: the article cannot be later."""
    return min(
        (day for line in page.lines if line.kind == "comment" for day in line.days), default=None
    )


def latest_mention_day(page: Page, latest: date | None) -> date | None:
    """The latest day named in the article, a quoted post's stamp or a caption, up to `latest`.

    A day named as what will happen ("talks are scheduled for …") is left out:
    only the past bounds the publication date.
    """
    days = [
        day
        for line in page.lines
        if line.kind in ("body", "caption") or line.role == "post-stamp"
        for day in past_days(line)
    ]
    return max((day for day in days if latest is None or day <= latest), default=None)


def past_days(line: Line) -> list[date]:
    """The full days a line names, except those announced as still to come."""
    days = []
    for mark in line.marks:
        lead = line.raw[max(0, mark.start - line.start - CUE_WINDOW) : mark.start - line.start]
        if mark.full and mark.day and not FUTURE_CUE.search(lead):
            days.append(mark.day)
    return days


def dateline_day(
    text: str, page: Page, earliest: date | None, latest: date | None
) -> Publication | None:
    """The date of a dateline opening the article; a year it lacks is taken from the bounds."""
    for line in opening_lines(page):
        match = DATELINE.match(line.raw)
        if not match:
            continue
        reach = line.start + match.end() + DATELINE_SLACK
        days = [mark.day for mark in line.marks if mark.full and mark.day and mark.start <= reach]
        if days:
            return Publication(days[0], "dateline")
        day = yearless_dateline_day(text, line.start, reach, earliest, latest)
        if day:
            warning = f"the dateline gives no year; {day.year} is taken from the dates in the page"
            return Publication(day, "dateline", warning)
    return None


def opening_lines(page: Page) -> list[Line]:
    """The first lines of the article's running text, where a dateline would stand."""
    body = [line for line in page.lines[page.top_end :] if line.kind == "body"]
    return body[:DATELINE_LINES]


def yearless_dateline_day(
    text: str, start: int, reach: int, earliest: date | None, latest: date | None
) -> date | None:
    """A dateline's month and day ("March 28") placed in the year the page's bounds allow."""
    anchor = earliest or latest
    if anchor is None:
        return None
    for expression in find_expressions(text, anchor, start, reach):
        match = ISO_DAY.match(expression.value)
        if match and expression.start <= reach and expression.precision == "day":
            return placed_day(int(match[2]), int(match[3]), earliest, latest)
    return None


def placed_day(month: int, day: int, earliest: date | None, latest: date | None) -> date | None:
    """The first such month and day not before `earliest`, else the last not after `latest`."""
    if earliest is not None:
        years = (earliest.year, earliest.year + 1)
        fits = [d for d in (calendar_day(y, month, day) for y in years) if d and d >= earliest]
    elif latest is not None:
        years = (latest.year, latest.year - 1)
        fits = [d for d in (calendar_day(y, month, day) for y in years) if d and d <= latest]
    else:
        return None
    return fits[0] if fits else None


def calendar_day(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist (February 29 of a common year)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def bounded(earliest: date | None, latest: date | None) -> Publication:
    """A publication date from the page's own bounds, with a warning saying it is one."""
    if earliest is not None:
        warning = f"publication date {earliest} is a bound: the latest day the page names in full"
        if latest is not None:
            warning += f" (and its first reader comment is from {latest})"
        return Publication(earliest, "latest dated mention", warning)
    if latest is not None:
        warning = f"publication date {latest} is a bound: the day of its first reader comment"
        return Publication(latest, "latest dated mention", warning)
    warning = "no publication date in the page: give one in sources.yaml or with --published"
    return Publication(None, "unknown", warning)
