"""Dated mentions → events: which dated clauses report a happening, and what it is.

Article text is read sentence by sentence and clause by clause. A clause with a
calendar date (a day, a week or a month) and a word of action makes an event;
its date is the one that dates the main verb, not a "since" boundary nor the
date of an earlier happening the clause refers back to ("after the attack on
October 7" makes that attack an event of its own). Page furniture is never
read; a summary or FAQ section may add a source to an event, never a new one;
a quoted social-media post is a statement dated by its timestamp. The same
happening told twice in one document is one event with two sources.
"""

from __future__ import annotations

from dataclasses import replace

from timeline.dates import document_expressions
from timeline.dates.lexicon import fold_case_twins, has_case_twins
from timeline.events.actors import Cast
from timeline.events.dating import calendar_dating
from timeline.events.drafting import Reading, passage_drafts, post_drafts
from timeline.events.drafts import Drafts, to_event
from timeline.events.passages import dating_blocks, passages, reading_blocks
from timeline.events.sentences import ByStart
from timeline.lexicon import Lexicon
from timeline.model import Document, Event, TimeExpression


def extract_events(document: Document, lexicon: Lexicon) -> list[Event]:
    """The events `document` reports, each with its sources in the document.

    A pure function of its arguments: the same document and lexicon always give
    the same events in the same order. Ids are left empty for the merge stage.
    """
    if has_case_twins(document.text):
        return restore_case_twins(
            extract_events(replace(document, text=fold_case_twins(document.text)), lexicon),
            document.text,
        )
    expressions = document_expressions(document, dating_blocks(document))
    return events_from_expressions(document, expressions, lexicon)


def restore_case_twins(events: list[Event], text: str) -> list[Event]:
    """Quotes and dating words as the document writes them, after reading a folded copy.

    Folding replaces letters one for one, so every offset still holds: the quote
    is taken back from its offset and the dating words from where they stand.
    """
    folded = fold_case_twins(text)
    for event in events:
        for source in event.sources:
            source.quote = text[source.offset : source.offset + len(source.quote)]
            at = folded.find(source.expression, source.offset)
            if at < 0:
                at = folded.rfind(source.expression, 0, source.offset)
            if at >= 0:
                source.expression = text[at : at + len(source.expression)]
    return events


def events_from_expressions(
    document: Document, expressions: list[TimeExpression], lexicon: Lexicon
) -> list[Event]:
    """`extract_events` over temporal expressions already found in the document."""
    blocks = reading_blocks(document)
    reading = Reading(
        document=document,
        lexicon=lexicon,
        cast=Cast(document.text, [(b.start, b.end) for b in blocks], lexicon),
        datings=ByStart(d for d in map(calendar_dating, expressions) if d),
        expressions=ByStart(expressions),
    )
    drafts = Drafts()
    for kind, span, reference in passages(blocks):
        if kind == "post":
            found = post_drafts(reading, span, reference)
        else:
            found = passage_drafts(reading, span)
        for draft in found:
            drafts.gather(draft, may_add=kind != "faq")
    return [to_event(draft) for draft in sorted(drafts.kept, key=lambda d: d.sources[0].offset)]
