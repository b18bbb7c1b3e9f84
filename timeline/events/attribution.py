"""Who says so: the parts of a sentence that name its source, not its parties.

"The rebels freed three aid workers, according to Reuters" reports a release by
the rebels; Reuters is where it was read. These spans are kept out of an event's actors and
its title, and the outlet they name becomes the source's attribution.
"""

from __future__ import annotations

import re

from timeline.events.sentences import Span, inside, quoted_spans

SOURCE_PHRASES = (
    r"(?:,\s*)?\b(?:according\s+to|as\s+per|as\s+reported\s+by|as\s+cited\s+by|"
    r"as\s+acknowledged\s+by|citing|quoting|as\s+(?:the\s+)?\w+\s+(?:reported|said))\b"
    r"[^,;.!?]*(?:\.(?=\w)[^,;.!?]*)*,?"
)
# Every source phrase starts with a comma, "a", "c" or "q": the lookahead lets
# the search pass any other character at once. A phrase added above needs its
# first letter here (a test derives the letters from the phrases).
SOURCE_PHRASE = re.compile(rf"(?=[,acq]){SOURCE_PHRASES}", re.IGNORECASE)
SPEECH_VERBS = (
    r"said|says|told\s+reporters|told\s+\w+|added|elaborated|noted|stated|wrote|explained|"
    r"posited|reported|claimed|recalled|continued|pointed\s+out|according\s+to\s+\w+"
)
SPEECH_TAIL = re.compile(
    rf"^\s*(?:[^;]{{1,120}}?\s+(?:{SPEECH_VERBS})\b[^,;]{{0,80}}"
    r"|(?:said|says|added|wrote|noted)\s+[^;]{1,120})$"
)
TAIL_WORDS = 16
CLAUSE_BREAK = re.compile(r",[”\"’']?\s+|[”\"]\s+(?=[A-Z])")
LEADING_COMMAS = re.compile(r"[,\s]*")


def source_phrases(text: str, start: int, end: int) -> list[Span]:
    """Spans of "according to ...", "as per a report by ...", "citing ..." phrases."""
    quoted = quoted_spans(text, start, end)
    spans = []
    for found in SOURCE_PHRASE.finditer(text, start, end):
        if inside(found.start(), quoted):
            continue
        closing = [b for a, b in quoted if a < found.end() <= b]
        spans.append((found.start(), closing[0] if closing else found.end()))
    return spans


def _last_break(text: str, start: int, end: int) -> int | None:
    """Where the last comma (or closing quotation) outside quotations ends, if any."""
    quoted = quoted_spans(text, start, end)
    last = None
    for found in CLAUSE_BREAK.finditer(text[start:end]):
        if not inside(start + found.end() - 1, quoted):
            last = start + found.end()
    return last


def _after_quote(text: str, quote_end: int, end: int) -> int | None:
    """Where the words after a clause's opening quotation start, past its comma."""
    found = LEADING_COMMAS.match(text[quote_end:end])
    cut = quote_end + found.end()
    return cut if cut < end else None


def speech_tail(text: str, start: int, end: int) -> Span | None:
    """The closing ", X told reporters" or "…,” the minister said" of a clause, if any.

    The tail names a speaker; whether the speaker is a party depends on whether
    the event's date sits in the tail (the saying is the event) or before it.
    """
    opening = opening_quote(text, start, end)
    cut = _after_quote(text, opening[1], end) if opening else _last_break(text, start, end)
    if cut is None:
        return None
    stripped_end = end
    while stripped_end > cut and text[stripped_end - 1] in '.!?"”’ ':
        stripped_end -= 1
    tail = text[cut:stripped_end]
    if len(tail.split()) > TAIL_WORDS or not SPEECH_TAIL.match(tail):
        return None
    return (cut, stripped_end)


def attribution_spans(text: str, start: int, end: int) -> list[Span]:
    """Every span of the clause `text[start:end]` that names a source."""
    return joined_attributions(source_phrases(text, start, end), speech_tail(text, start, end))


def joined_attributions(phrases: list[Span], tail: Span | None) -> list[Span]:
    """A clause's source phrases and its speech tail (unless inside one), in order."""
    spans = list(phrases)
    if tail and not any(a <= tail[0] < b for a, b in spans):
        spans.append(tail)
    return sorted(spans)


def opening_quote(text: str, start: int, end: int) -> Span | None:
    """The quotation a clause opens with ("“We will...,” she said"), if it does."""
    quoted = quoted_spans(text, start, end)
    if quoted and quoted[0][0] == start:
        return quoted[0]
    return None
