"""One happening, one event: drafts of events and when two tell the same happening.

A document may tell a happening twice ("freed three aid workers on Tuesday", later
"on March 5, released the aid workers"): same date, same kind of action, the
same parties and some shared words make one event with two sources. Two things
done the same day (a call and a statement) stay two events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from timeline.events.actions import ACTIONS
from timeline.events.actors import Cast
from timeline.events.sentences import Span, blanked
from timeline.lexicon import Lexicon
from timeline.model import Event, Source

WORD = re.compile(r"[a-z][a-z'-]{2,}")
STOPWORDS = frozenset(
    "the and for with from that this these those was were are has have had been its their "
    "his her him they them who which what when where while into onto over about after "
    "before since until than then also not more most some any all would could should will "
    "can may might did does said says told say".split()
)
ACTION_WORDS = frozenset(w.replace("_", " ") for words in ACTIONS.values() for w in words.split())
NOT_CONTENT = STOPWORDS | ACTION_WORDS
SAME_WORDS = 0.25


@dataclass
class Draft:
    """An event being assembled, with what is needed to recognise it told again."""

    date: str
    precision: str
    qualifier: str | None
    title: str
    actors: set[str]
    topics: set[str]
    sources: list[Source]
    actions: set[str]
    words: set[str]
    confidence: float
    specific: set[str] = field(default_factory=set)


class Drafts:
    """The drafts of a document kept so far, in order, and by date.

    Only drafts of one date can tell one happening, so a new draft is compared
    with those alone.
    """

    def __init__(self) -> None:
        self.kept: list[Draft] = []
        self._by_date: dict[tuple[str, str], list[Draft]] = {}

    def gather(self, draft: Draft, may_add: bool) -> None:
        """Fold `draft` into the draft of the same happening, or keep it as a new one.

        A summary (`may_add` false) only adds sources, and may word the happening
        differently ("announced the deal" for "agreed to buy"): its kind of action
        need not match.
        """
        same_date = self._by_date.setdefault((draft.date, draft.precision), [])
        for existing in same_date:
            if same_happening(existing, draft, same_action=may_add):
                existing.sources.extend(draft.sources)
                existing.sources.sort(key=lambda s: s.offset)
                existing.actors |= draft.actors
                existing.topics |= draft.topics
                existing.actions |= draft.actions
                existing.words |= draft.words
                existing.specific |= draft.specific
                if draft.confidence > existing.confidence:
                    existing.title, existing.confidence = draft.title, draft.confidence
                return
        if may_add:
            self.kept.append(draft)
            same_date.append(draft)


def same_happening(a: Draft, b: Draft, same_action: bool = True) -> bool:
    """One happening told twice: same date, same kind of action, same parties, shared words."""
    if (a.date, a.precision) != (b.date, b.precision):
        return False
    if same_action and not a.actions & b.actions:
        return False
    if a.specific and b.specific and not a.specific & b.specific:
        return False
    if not a.words or not b.words:
        return True
    shared = len(a.words & b.words)
    return shared > 0 and shared / min(len(a.words), len(b.words)) >= SAME_WORDS


def to_event(draft: Draft) -> Event:
    """The finished event of a draft, id left for the merge stage."""
    return Event(
        id="",
        date=draft.date,
        precision=draft.precision,
        qualifier=draft.qualifier,
        title=draft.title,
        actors=sorted(draft.actors),
        topics=sorted(draft.topics),
        sources=draft.sources,
        status="extracted",
        confidence=round(min(max(draft.confidence, 0.05), 0.95), 2),
    )


def specific(actors: set[str], lexicon: Lexicon) -> set[str]:
    """The actors that tell one happening from another: people and bodies before countries."""
    narrower = {a for a in actors if lexicon.kind_of(a) != "country"}
    return narrower or set(actors)


def content_words(text: str, span: Span, cast: Cast) -> set[str]:
    """The words of a happening beyond its parties and its verb, for telling mentions apart."""
    names = [(m.start, m.end) for m in cast.within(*span)]
    return set(WORD.findall(blanked(text, span, names).lower())) - NOT_CONTENT
