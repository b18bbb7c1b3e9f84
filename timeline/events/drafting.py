"""A passage's text → drafts: which dated clauses report a happening, and what it is.

Article text is read sentence by sentence and clause by clause. A clause with a
calendar date and a word of action makes a draft; its date is the one that
dates the main verb, not a "since" boundary nor the date of an earlier
happening the clause refers back to. A dated sentence that reports no action
lends its date to the next; an undated one that goes on about a happening lends
it its topics. A quoted social-media post is a statement dated by its timestamp.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from timeline.events.actions import actions_in
from timeline.events.actors import Cast
from timeline.events.attribution import (
    attribution_spans,
    joined_attributions,
    opening_quote,
    source_phrases,
    speech_tail,
)
from timeline.events.dating import (
    BOUNDARY,
    Dating,
    Referred,
    attachment,
    dated_noun,
    is_attached,
    referred_happening,
    trim,
)
from timeline.events.drafts import Draft, content_words, specific
from timeline.events.passages import STAMP_REACH
from timeline.events.sentences import (
    ByStart,
    Span,
    blanked,
    clauses,
    inside,
    is_conjugated,
    quoted_spans,
    sentences,
)
from timeline.events.titles import (
    MAX_TITLE,
    QUOTE_WORDS,
    compress_lead,
    date_words,
    fit,
    make_title,
)
from timeline.lexicon import Lexicon
from timeline.model import Document, Source, TimeExpression

BASE_CONFIDENCE = {"day": 0.8, "week": 0.65, "month": 0.55, "year": 0.45}
STAMP_LINE = re.compile(
    r"^(?:by\s[^|·\n]{1,60}[|·]\s*)?(?:published|updated|posted|created|last\s+updated|"
    r"first\s+published)\b",
    re.IGNORECASE,
)
SPAN_START = re.compile(r"^(?:the\s+)?(?:start|beginning|onset|outbreak)\s+of\s+", re.IGNORECASE)
HANDLE = re.compile(r"@\w+")
PRONOUN_START = re.compile(r"^(?:He|She|They|It|We)\b")
LEADING_PRONOUN = re.compile(r"^(?:[^,]{0,40},\s*)?(?:He|he|She|she)\b")
WORDS = re.compile(r"[A-Za-z]+")
HE_OR_SHE = re.compile(r"^(?:He|She)\b")
AND_VERB = re.compile(r"\s+(?P<joint>and)\s+(?:then\s+)?(?P<verb>[a-z]+)\b")


@dataclass(frozen=True)
class Reading:
    """What is read from a document, shared by every clause of it."""

    document: Document
    lexicon: Lexicon
    cast: Cast
    datings: ByStart[Dating]
    expressions: ByStart[TimeExpression]


# ── article text ──────────────────────────────────────────────────────────────


def passage_drafts(
    reading: Reading, span: Span, subject: str | None = None, poster: str | None = None
) -> list[Draft]:
    """The drafts of a stretch of text, with a date carried to the next sentence.

    "By March 4, the minister had run out of patience. She called the ambassador"
    dates the call:
    a dated sentence that reports no action lends its date to the one after it.
    """
    text = reading.document.text
    found: list[Draft] = []
    pending: tuple[Dating, Span] | None = None
    told: tuple[list[Draft], Span] = ([], span)
    for sentence in sentences(text, *span):
        if STAMP_LINE.match(text[sentence[0] : sentence[1]]):
            continue
        datings = reading.datings.starting_in(sentence)
        drafts, idle = _sentence_drafts(reading, sentence, datings, subject, poster)
        if not datings and not drafts and pending and _continues(text, pending[1][1], sentence):
            drafts = _carried(reading, sentence, pending, subject, poster)
        if not datings and not drafts:
            _lend_topics(reading, *told, sentence)
        found += drafts
        pending = (idle, sentence) if idle and not drafts else None
        told = (drafts, sentence)
    return found


def _lend_topics(reading: Reading, drafts: list[Draft], before: Span, sentence: Span) -> None:
    """Give the happenings of the sentence before the topics of one that goes on about them.

    "She called the minister. Before any deal, she said, she needed the captives'
    names." is a call about hostages: an undated sentence of the same paragraph
    that names a person of the happening (or points back with a pronoun) tells
    more of it.
    """
    text = reading.document.text
    if not drafts or not _same_paragraph(text, before[1], sentence[0]):
        return
    named = {m.name for m in reading.cast.within(*sentence) if m.kind == "person"}
    points_back = PRONOUN_START.match(text[sentence[0] : sentence[1]]) is not None
    takers = [draft for draft in drafts if points_back or named & draft.actors]
    if takers:
        topics = reading.lexicon.carried_topics(text[sentence[0] : sentence[1]])
        for draft in takers:
            draft.topics.update(topics)


def _continues(text: str, previous_end: int, sentence: Span) -> bool:
    """Whether `sentence` goes on with the happening of the sentence before it.

    It must follow in the same paragraph, or open with a pronoun that points back.
    """
    return (
        _same_paragraph(text, previous_end, sentence[0])
        or PRONOUN_START.match(text[sentence[0] : sentence[1]]) is not None
    )


def _same_paragraph(text: str, end: int, start: int) -> bool:
    """Whether no blank line lies between one sentence's end and the next one's start."""
    return "\n\n" not in text[end:start]


def _sentence_drafts(
    reading: Reading,
    sentence: Span,
    datings: list[Dating],
    subject: str | None,
    poster: str | None,
) -> tuple[list[Draft], Dating | None]:
    """The drafts of one sentence: per clause, the main event and referred-back ones.

    Also returns a date that dated a clause's main verb but found no action there,
    which the next sentence may take.
    """
    text = reading.document.text
    drafts: list[Draft] = []
    idle: Dating | None = None
    if not datings:
        return drafts, idle
    pieces = [p for c in clauses(text, *sentence) for p in _split_at_and(text, c, datings)]
    for clause, hidden in pieces:
        here = [
            d for d in datings if clause[0] <= d.start < clause[1] and not inside(d.start, hidden)
        ]
        if not here:
            continue
        sources = source_phrases(text, *clause)
        mains: list[Dating] = []
        for dating in here:
            if inside(dating.start, sources):
                continue
            referred = referred_happening(text, clause, dating)
            if referred is None:
                mains.append(dating)
            elif referred is not BOUNDARY:
                drafts.append(_nominal(reading, sentence, referred, dating, poster))
        main = _best_attached(text, clause, mains)
        piece = (clause, hidden)
        draft = _main(reading, sentence, piece, sources, main, subject, poster) if main else None
        if draft is not None:
            drafts.append(draft)
        elif main is not None and idle is None:
            idle = main
        drafts += _quoted_happenings(reading, sentence, clause, mains, main, poster)
    return drafts, idle


def _best_attached(text: str, clause: Span, mains: list[Dating]) -> Dating | None:
    """The date that dates the clause's main verb most surely, None when there is none.

    Most clauses have one candidate: it is taken without weighing it.
    """
    if len(mains) == 1:
        return mains[0]
    return max(mains, key=lambda d: attachment(text, clause, d), default=None)


def _split_at_and(
    text: str, clause: Span, datings: list[Dating]
) -> list[tuple[Span, tuple[Span, ...]]]:
    """A clause as pieces, one per dated verb where two share a subject.

    "The council met on Monday and voted on Tuesday to lift the curfew" tells two
    happenings: the clause is read once without its second verb phrase, and once
    without its first ("The council voted on Tuesday to lift the curfew").
    Each piece is a span with the stretches hidden from it.
    """
    here = [d for d in datings if clause[0] <= d.start < clause[1]]
    for first, second in zip(here, here[1:], strict=False):
        for joint in AND_VERB.finditer(text, first.end, second.start):
            if not is_conjugated(joint.group("verb").lower()):
                continue
            verb = next(
                (
                    m
                    for m in WORDS.finditer(text, clause[0], first.start)
                    if is_conjugated(m.group().lower())
                ),
                None,
            )
            if verb is None:
                return [(clause, ())]
            return [
                ((clause[0], joint.start()), ()),
                (clause, ((verb.start(), joint.end("joint")),)),
            ]
    return [(clause, ())]


def _quoted_happenings(
    reading: Reading,
    sentence: Span,
    clause: Span,
    mains: list[Dating],
    main: Dating | None,
    poster: str | None,
) -> list[Draft]:
    """Happenings a quotation dates itself ("“We signed it yesterday,” she said on Friday").

    The saying is dated by the words around the quotation; what the quotation
    says happened "yesterday" is an event of its own, its speaker among the parties.
    """
    text = reading.document.text
    quotes = quoted_spans(text, *clause)
    main_quote = next((q for q in quotes if main and q[0] <= main.start < q[1]), None)
    found: list[Draft] = []
    for dating in mains:
        quote = next((q for q in quotes if q[0] <= dating.start < q[1]), None)
        if dating is main or quote is None or quote == main_quote:
            continue
        inner = trim(text, (quote[0] + 1, quote[1] - 1))
        if inner and actions_in(text[inner[0] : inner[1]]):
            draft = _nominal(reading, sentence, Referred(inner), dating, poster)
            tail = speech_tail(text, *clause)
            draft.actors |= set(reading.cast.parties(*tail)) if tail else set()
            found.append(draft)
    return found


def _main(
    reading: Reading,
    sentence: Span,
    piece: tuple[Span, tuple[Span, ...]],
    sources: list[Span],
    dating: Dating,
    subject: str | None,
    poster: str | None,
) -> Draft | None:
    """The clause's own event, when it reports an action; else what its date's noun names.

    `sources` are the clause's source phrases, already found.
    """
    clause, hidden = piece
    text = reading.document.text
    tail = speech_tail(text, *clause)
    said_then = tail is not None and tail[0] <= dating.start < tail[1]
    excluded = [*hidden, *([] if said_then else joined_attributions(sources, tail))]
    noun = dated_noun(text, clause, dating)
    if not actions_in(blanked(text, clause, [*excluded, *([noun] if noun else [])])):
        if noun is None:
            return None
        comma = text.find(",", dating.end, clause[1])
        named = (noun[0], clause[1] if comma == -1 else comma)
        return _nominal(reading, sentence, Referred(named), dating, poster)
    removals = _date_words_in(reading, clause) + excluded
    title = _title(reading, clause, removals, subject)
    if said_then:
        title = _statement_title(reading, clause, tail, removals, subject)
    draft = _draft(reading, sentence, clause, dating, title, excluded, poster)
    draft.confidence = _confidence(reading, clause, dating, draft)
    return draft


def _date_words_in(reading: Reading, span: Span) -> list[Span]:
    """The date and time words of `span` with their prepositions, to leave out of a title."""
    text = reading.document.text
    within = reading.expressions.starting_in(span)
    return [date_words(text, e.start, e.end) for e in within if e.type in ("DATE", "TIME")]


def _title(reading: Reading, span: Span, removals: list[Span], subject: str | None) -> str:
    """The title of a clause, a leading pronoun named after the person last mentioned."""
    text = reading.document.text
    people = [text[m.start : m.end] for m in reading.cast.within(*span) if m.kind == "person"]
    if subject is None:
        plain = make_title(text, span, removals, names=people)
        person = reading.cast.person_before(span[0]) if HE_OR_SHE.match(plain) else None
        if person is None:
            return plain
        subject = reading.cast.short_name(person.name)
    return make_title(text, span, removals, subject=subject, names=people)


def _statement_title(
    reading: Reading, clause: Span, tail: Span, removals: list[Span], subject: str | None
) -> str:
    """The title of a saying dated in its tail: "The minister said in Oslo: “We will not…”"."""
    text = reading.document.text
    speaker = _title(reading, tail, removals, subject)
    said = opening_quote(text, *clause) or trim(text, (clause[0], tail[0]))
    if said is None:
        return speaker
    words = make_title(text, said, removals)
    if not words.startswith(("“", '"')):
        words = " ".join(words.split()[:QUOTE_WORDS]).rstrip(",;:") + "…"
    if len(speaker) + len(words) + 2 > MAX_TITLE:
        people = [text[m.start : m.end] for m in reading.cast.within(*tail) if m.kind == "person"]
        speaker = compress_lead(speaker, people)
    return fit(f"{speaker}: {words}")


def _nominal(
    reading: Reading, sentence: Span, referred: Referred, dating: Dating, poster: str | None
) -> Draft:
    """The event a date's noun phrase or subordinate clause names ("the rebels' assault")."""
    text = reading.document.text
    removals = [*referred.removals, *_date_words_in(reading, referred.span)]
    removals.append(date_words(text, dating.start, dating.end))
    if referred.keep_date:
        removals = [r for r in removals if not r[0] <= dating.start < r[1]]
    title = SPAN_START.sub("", make_title(text, referred.span, removals))
    title = title[:1].upper() + title[1:]
    draft = _draft(reading, sentence, referred.span, dating, title, [], poster)
    draft.confidence = _confidence(reading, referred.span, dating, draft) - 0.15
    return draft


def _draft(
    reading: Reading,
    sentence: Span,
    span: Span,
    dating: Dating,
    title: str,
    excluded: list[Span],
    poster: str | None,
) -> Draft:
    """A draft for the happening told in `span` of `sentence`, dated by `dating`.

    Names in `excluded` are not parties; go-betweens anywhere in the sentence are.
    """
    text = reading.document.text
    cast = reading.cast
    actors = set(cast.parties(*span, excluded)) | set(cast.mediators(*sentence))
    if poster:
        actors |= set(cast.acting(poster))
    person = cast.person_before(span[0])
    if person and LEADING_PRONOUN.match(text[span[0] : span[1]]):
        actors |= set(cast.acting(person.name))
    kept = blanked(text, span, excluded)
    outlets = cast.outlets(*sentence)
    return Draft(
        date=dating.date,
        precision=dating.precision,
        qualifier=dating.qualifier,
        title=title,
        actors=actors,
        topics=set(reading.lexicon.topics_in(kept)),
        sources=[
            Source(
                document=reading.document.id,
                date=dating.date,
                expression=dating.expression.text,
                quote=text[sentence[0] : sentence[1]],
                offset=sentence[0],
                attribution=outlets[0] if outlets else None,
            )
        ],
        actions=actions_in(kept),
        words=content_words(text, span, cast),
        confidence=0.0,
        specific=specific(actors, reading.lexicon),
    )


def _confidence(reading: Reading, span: Span, dating: Dating, draft: Draft) -> float:
    """How sure the extraction is: precise, absolute, attached dates and named parties."""
    text = reading.document.text
    score = BASE_CONFIDENCE[dating.precision]
    if dating.expression.anchor is not None:
        score -= 0.05
    if inside(dating.start, quoted_spans(text, *span)):
        score -= 0.1
    if is_attached(text[span[0] : dating.start]):
        score += 0.05
    if not draft.actors:
        score -= 0.1
    return score


def _carried(
    reading: Reading,
    sentence: Span,
    pending: tuple[Dating, Span],
    subject: str | None,
    poster: str | None,
) -> list[Draft]:
    """The drafts of an undated sentence that takes the date of the one before it."""
    dating, (start, _) = pending
    text = reading.document.text
    if not actions_in(text[sentence[0] : sentence[1]]):
        return []
    clause = clauses(text, *sentence)[0]
    excluded = attribution_spans(text, *clause)
    title = _title(reading, clause, excluded, subject)
    draft = _draft(reading, (start, sentence[1]), clause, dating, title, excluded, poster)
    draft.confidence = _confidence(reading, clause, dating, draft) - 0.15
    return [draft]


# ── social-media posts ────────────────────────────────────────────────────────


def post_drafts(reading: Reading, span: Span, reference: date | None) -> list[Draft]:
    """A quoted post: the happenings it dates itself, else the post as a dated statement."""
    cast = reading.cast
    poster = next((m.name for m in cast.within(*span) if m.kind == "person"), None)
    if poster is None:
        before = cast.person_before(span[0])
        poster = before.name if before and span[0] - before.end <= STAMP_REACH else None
    subject = cast.short_name(poster) if poster else None
    drafts = passage_drafts(reading, span, subject, poster)
    if drafts or reference is None:
        return drafts
    statement = _post_statement(reading, span, reference, subject, poster)
    return [statement] if statement else []


def _post_statement(
    reading: Reading, span: Span, reference: date, subject: str | None, poster: str | None
) -> Draft | None:
    """The post itself as a statement on the day of its timestamp, quoted whole."""
    text = reading.document.text
    said = [
        s
        for s in sentences(text, *span)
        if not HANDLE.search(text[s[0] : s[1]]) and len(text[s[0] : s[1]].split()) >= 3
    ]
    if not said:
        return None
    post = (said[0][0], said[-1][1])
    dating = _stamp_dating(reading, span, reference)
    title = _title(reading, said[0], [], subject)
    draft = _draft(reading, post, post, dating, title, [], poster)
    draft.actions.add("statement")
    draft.confidence = BASE_CONFIDENCE["day"] - 0.05
    return draft


def _stamp_dating(reading: Reading, span: Span, reference: date) -> Dating:
    """The dating of a post: its timestamp's expression when found near it."""
    day = reference.isoformat()
    for dating in reading.datings.starting_in((span[1], span[1] + STAMP_REACH + 1)):
        if dating.date == day:
            return dating
    stand_in = TimeExpression(span[0], span[0], day, "DATE", day, "day")
    return Dating(stand_in, day, "day")
