"""Which stretches of a document events are read from, and which blocks their dates come from.

Article text, summaries and quoted posts are read; the lines of one post make
one passage. Dates are taken only inside those passages and, after a post, from
the stamp that follows it, so the expressions of other blocks (reader comments,
bylines) need never be found.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date
from itertools import accumulate

from timeline.events.sentences import Span
from timeline.model import Block, Document

READ_KINDS = ("body", "post", "faq")
# How far after a post its stamp, and before it its author's name, may stand.
STAMP_REACH = 200


def reading_blocks(document: Document) -> list[Block]:
    """The blocks events are read from, in order; all of a document without blocks."""
    if not document.blocks:
        return [Block(0, len(document.text), "body", document.published)]
    return sorted((b for b in document.blocks if b.kind in READ_KINDS), key=lambda b: b.start)


def passages(blocks: list[Block]) -> list[tuple[str, Span, date | None]]:
    """Blocks joined into passages: the lines of one post make one passage."""
    joined: list[tuple[str, Span, date | None]] = []
    for block in blocks:
        if joined and block.kind == "post":
            kind, (start, end), reference = joined[-1]
            if kind == "post" and reference == block.reference and block.start - end <= 2:
                joined[-1] = (kind, (start, block.end), reference)
                continue
        joined.append((block.kind, (block.start, block.end), block.reference))
    return joined


def dating_blocks(document: Document) -> list[Block] | None:
    """The blocks whose dates events can take, or None for the whole document.

    Those that overlap a passage read, or the stretch after a post where its
    stamp may stand.
    """
    if not document.blocks:
        return None
    wanted = []
    for kind, (start, end), _ in passages(reading_blocks(document)):
        wanted.append((start, end))
        if kind == "post":
            wanted.append((end, end + STAMP_REACH + 1))
    wanted.sort()
    starts = [start for start, _ in wanted]
    reach = list(accumulate((end for _, end in wanted), max))
    return [
        block
        for block in document.blocks
        if (before := bisect_left(starts, block.end)) and reach[before - 1] > block.start
    ]
