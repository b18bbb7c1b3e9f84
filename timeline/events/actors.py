"""Who a document names: lexicon actors, people introduced by their title, and
the surnames that later stand for them.

"Italian Defence Minister Carla Benedetti" introduces a person the lexicon need
not know, acting for Italy; "Benedetti" further down is the same person. Which of
the names in a sentence are the parties of its event is decided here too: the
people and bodies that act, with the country each acts for, but not an outlet
or a bystander ("Palestinian analyst", "Israeli civilians").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate

from timeline.events.sentences import Span, inside
from timeline.lexicon import Lexicon
from timeline.trie import first_characters, trie_pattern

OFFICIAL_TITLES = (
    r"(?:vice\s+|deputy\s+)?president(?:-elect)?|(?:deputy\s+)?prime\s+minister|"
    r"(?:foreign|defen[cs]e|interior|finance|economy|trade|health|justice)\s+minister|"
    r"minister(?:\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*)?)?|"
    r"secretary(?:\s+of\s+(?:state|defen[cs]e|the\s+treasury|[A-Z][\w-]*))?|"
    r"secretary[- ]general|press\s+secretary|spokes(?:man|woman|person)|"
    r"(?:special\s+)?envoy|ambassador|director(?:[- ]general)?|chief(?:\s+of\s+staff)?|"
    r"head|leader|official|negotiator|mediator|national\s+security\s+advis[eo]r|"
    r"advis[eo]r|commander|general|gen\.|admiral|colonel|col\.|king|queen|emir|"
    r"crown\s+prince|prince|sheikh|sultan|chancellor|governor|gov\.|mayor|senator|sen\.|"
    r"rep\.|representative|congress(?:man|woman)|lawmaker|speaker|chair(?:man|woman)?|"
    r"ceo|chief\s+executive|judge|justice|prosecutor|attorney\s+general|commissioner|"
    r"(?:general\s+)?counsel|diplomat"
)
COMMENTATOR_TITLES = (
    r"analyst|expert|scholar|professor|prof\.|researcher|journalist|reporter|"
    r"correspondent|columnist|commentator|historian|author|writer|activist|economist|"
    r"lawyer|attorney|fellow"
)
# How many words a name may have.
NAME_WORDS = 5
NAME = (
    r"(?:[A-Z][\w'’-]*|(?:al|el)-[A-Z][\w'’-]*)"
    r"(?:\s+(?:[A-Z][\w'’-]*|[A-Z]\.|(?:al|el)-[A-Z][\w'’-]*|"
    r"(?:al|el|bin|ibn|bint|van|von|de|da|der|del|di|du|la|le|abu)(?=\s+[A-Z])))"
    rf"{{0,{NAME_WORDS - 1}}}"
)
ROLE = rf"(?i:(?P<official>{OFFICIAL_TITLES})|(?P<commentator>{COMMENTATOR_TITLES}))"
TITLED = re.compile(rf"(?<![\w-]){ROLE}\s+(?P<name>{NAME})")
APPOSITIVE = re.compile(
    rf"(?<![\w-])(?P<name>{NAME}),\s+(?:(?:a|an|the|its|his|her|their)\s+)?"
    rf"(?:[\w’'-]+\s+){{0,4}}?{ROLE}(?=[\s,.;])"
)
# How every title above begins. Run on lower-cased text, the pattern finds each
# word a title may start at, far faster than trying the case-blind TITLED at
# every position. A title added above needs its first word here.
TITLE_STARTS = (
    "vice deputy president prime foreign defen interior finance economy trade health justice "
    "minister secretary press spokes special envoy ambassador director chief head leader "
    "official negotiator mediator national advis commander general gen admiral colonel col "
    "king queen emir crown prince sheikh sultan chancellor governor gov mayor senator sen rep "
    "congress lawmaker speaker chair ceo judge prosecutor attorney commissioner counsel "
    "diplomat analyst expert scholar professor prof researcher journalist reporter "
    "correspondent columnist commentator historian author writer activist economist lawyer "
    "fellow"
).split()
ROLE_START = re.compile(
    rf"(?<![\w-]){first_characters(TITLE_STARTS)}(?:{trie_pattern(TITLE_STARTS)})"
)
NAME_START = re.compile(r"(?<![\w-])(?:[A-Z]|[ae]l-)")
# The last words of a text, read backwards: where a name that ends the text can start.
LAST_NAME_WORDS_REVERSED = re.compile(rf"\S+(?:\s+\S+){{0,{NAME_WORDS - 1}}}")
# Letters a case-blind match reads as an ASCII letter they do not lower-case to,
# or that lower-case to two characters: text holding one is searched the slow way.
CASE_ODDITIES = ("İ", "ı", "ſ")
NAME_STOPWORDS = frozenset(
    "The A An On In At By For And Or But Of To From With This That These Those It He "
    "She They We Monday Tuesday Wednesday Thursday Friday Saturday Sunday January "
    "February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Today Yesterday Tomorrow".split()
)
PARTICLES = frozenset("al el bin ibn bint van von de da der del di du la le abu".split())
SUFFIXES = frozenset({"Jr.", "Sr.", "II", "III", "IV"})
NON_PARTY_HEADS = frozenset(
    "people civilians civilian population public media press daily newspaper outlet "
    "analyst analysts expert experts scholar scholars commentator commentators "
    "journalist journalists writer author historian professor researcher researchers "
    "voters soil territory waters airspace border".split()
)
TITLE_MODIFIERS = frozenset(
    "senior top former deputy acting chief foreign defense defence interior national "
    "security press communications military political the".split()
)
ADDRESS_WORDS = ("Mr", "Ms", "Mrs", "Dr")
ADDRESS = rf"(?:(?:{'|'.join(ADDRESS_WORDS)})\.?\s+)?"
POSSESSIVE_END = re.compile(r"[’']s?$")
SURNAME = re.compile(r"[A-Z][^\W\d_]*(?:[-'’][^\W\d_]+)*")
FOLLOWING_WORD = re.compile(r"\s+([a-z]+)")
# A go-between named before its role ("brokered by Egypt") or with a word of
# mediation after it ("thanks to Norwegian mediation", "the Qatar-brokered deal").
MEDIATED_BY_PHRASES = (
    r"(?:(?:brokered|mediated|facilitated|arranged)\s+by\s+(?:the\s+)?|"
    r"(?:thanks\s+to|in\s+response\s+to|through|following|after|with\s+the\s+help\s+of|"
    r"via)\s+(?:the\s+)?(?P<needs_noun>))$"
)
# The first letters of the phrases above, so that the search passes any other
# character at once. A phrase added above needs its first letter here (a test
# derives the letters from the phrases and says which is missing).
MEDIATED_BY = re.compile(rf"(?=[abfimtvw]){MEDIATED_BY_PHRASES}", re.IGNORECASE)
MEDIATION_NOUN = re.compile(
    r"^(?:[’']s?)?\s+(?:mediation|mediators?|efforts|intervention|good\s+offices)\b",
    re.IGNORECASE,
)
MEDIATION_COMPOUND = re.compile(r"^-(?:brokered|mediated)\b", re.IGNORECASE)
# How many characters around a name are read for what it plays: go-between, place.
ROLE_REACH = 40
# A capital after one of these is where something happens ("a round in Jakarta"),
# not the government it elsewhere stands for ("Jakarta rejected the offer").
LOCATIVE = re.compile(r"\b(?:in|at|to|near|outside|inside|across|around)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    """A name in the document and the actor it stands for."""

    start: int
    end: int
    name: str
    kind: str
    demonym: bool = False


def _clean_name(text: str) -> str:
    """A found name without a possessive ending or trailing particles and stopwords."""
    words = POSSESSIVE_END.sub("", text).split()
    for index, word in enumerate(words):
        if word in NAME_STOPWORDS:
            words = words[:index]
            break
    while words and words[-1] in PARTICLES:
        words.pop()
    return " ".join(words)


def _last_name(name: str) -> str | None:
    """The word a titled person is later called by: the last one, suffixes aside."""
    words = [w for w in name.split() if w not in SUFFIXES]
    if len(words) < 2 or not SURNAME.fullmatch(words[-1]):
        return None
    return None if words[-1] in NAME_STOPWORDS else words[-1]


class Cast:
    """Every actor mention of a document, in order, with what each person acts for."""

    def __init__(self, text: str, spans: list[Span], lexicon: Lexicon) -> None:
        self._text = text
        self._lowered = None if any(c in text for c in CASE_ODDITIES) else text.lower()
        self._lexicon = lexicon
        self._acts_for: dict[str, tuple[str, ...]] = {}
        self._surnames: dict[str, str] = {}
        mentions = [m for a, b in spans for m in self._lexicon_mentions(a, b)]
        mentions = self._add_titled_people(mentions, spans)
        mentions = self._add_surnames(mentions, spans)
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self.mentions]
        self._within: dict[Span, tuple[Mention, ...]] = {}

    def _lexicon_mentions(self, start: int, end: int) -> list[Mention]:
        """The lexicon's names in one span."""
        found = []
        for match in self._lexicon.find_names(self._text, start, end):
            if match.canonical is None:
                continue
            kind = self._lexicon.kind_of(match.canonical) or "person"
            found.append(Mention(match.start, match.end, match.canonical, kind, match.demonym))
        return found

    def _add_titled_people(self, mentions: list[Mention], spans: list[Span]) -> list[Mention]:
        """Add the people introduced as "<title> <Name>" whom the lexicon lacks."""
        result = list(mentions)
        taken = _Taken(mentions)
        for start, end in spans:
            for match in self._titled_matches(start, end):
                person = self._titled_person(match, result, taken)
                if person is not None:
                    result.append(person)
                    taken.add(person)
        return result

    def _titled_matches(self, start: int, end: int) -> list[re.Match[str]]:
        """The matches of TITLED, then of APPOSITIVE, in `[start, end)`.

        Either needs a title, so they are tried only where ROLE_START finds one
        (APPOSITIVE at the names between the commas before it): the same matches
        as searching the whole span, found without trying every position.
        """
        text = self._text
        if self._lowered is None:
            return [*TITLED.finditer(text, start, end), *APPOSITIVE.finditer(text, start, end)]
        roles = self._title_starts(start, end)
        names = self._names_before_commas(roles, start)
        return [
            *_matches_at(TITLED, text, roles, start, end),
            *_matches_at(APPOSITIVE, text, names, start, end),
        ]

    def _title_starts(self, start: int, end: int) -> list[int]:
        """Every word in `[start, end)` a title may start at.

        Inner words count too: "prime minister of the Interior Jane Roe" is titled
        from "minister", inside the title "prime minister".
        """
        return [found.start() for found in ROLE_START.finditer(self._lowered, start, end)]

    def _names_before_commas(self, roles: list[int], start: int) -> list[int]:
        """Where a name may start that a comma and then a title at one of `roles` follow.

        Such a name runs up to the last comma before the title, from after the
        comma before that one, and is one of the last words before it; at most
        five words (an article and four others) stand between that comma and the title.
        """
        found: set[int] = set()
        commas: set[int] = set()
        for role in roles:
            comma = self._text.rfind(",", start, role)
            if comma in commas or comma == -1 or len(self._text[comma + 1 : role].split()) > 5:
                continue
            commas.add(comma)
            previous = self._text.rfind(",", start, comma)
            begin = _last_words_start(self._text, start if previous == -1 else previous + 1, comma)
            found.update(m.start() for m in NAME_START.finditer(self._text, begin, comma))
        return sorted(found)

    def _titled_person(
        self, match: re.Match[str], mentions: list[Mention], taken: _Taken
    ) -> Mention | None:
        """The person a title introduces, registered with the actor the title names.

        Both "Italian Defence Minister Carla Benedetti" and "Dana Whitfield, the
        company's general counsel" introduce one; `taken` holds the `mentions`.
        """
        name = _clean_name(match.group("name"))
        name_start = match.start("name")
        name_end = name_start + len(name)
        if len(name.split()) < 2 or taken.overlaps(name_start, name_end):
            return None
        if match.group("official"):
            title_start = match.start("official")
            self._acts_for[name] = self._title_affiliation(title_start, mentions)
        else:
            self._acts_for.setdefault(name, ())
        surname = _last_name(name)
        if surname:
            self._surnames.setdefault(surname, name)
        return Mention(name_start, name_end, name, "person")

    def _title_affiliation(self, title_start: int, mentions: list[Mention]) -> tuple[str, ...]:
        """What a title says its holder acts for: "Italian Defense Minister" → Italy."""
        nearest = next(
            (m for m in reversed(mentions) if m.end <= title_start and m.kind != "outlet"), None
        )
        if nearest is None:
            return ()
        gap = self._text[nearest.end : title_start].split()
        if len(gap) > 3 or not all(w[:1].isupper() or w in TITLE_MODIFIERS for w in gap):
            return ()
        return self._principals(nearest.name) or (nearest.name,)

    def _add_surnames(self, mentions: list[Mention], spans: list[Span]) -> list[Mention]:
        """Add later mentions of a person by surname alone ("Benedetti", "Ms. Benedetti")."""
        first_seen: dict[str, int] = {}
        for mention in sorted(mentions, key=lambda m: m.start):
            if mention.kind == "person":
                first_seen.setdefault(mention.name, mention.end)
        surnames = dict(self._surnames)
        for name in first_seen:
            surname = self._lexicon.surname_of(name)
            if surname and self._lexicon.canonical_actor(surname) is None:
                surnames.setdefault(surname, name)
        taken = sorted((m.start, m.end) for m in mentions)
        result = list(mentions)
        for surname, name in sorted(surnames.items()):
            pattern = _surname_pattern(surname)
            for start, end in self._spans_holding(surname, spans, first_seen[name]):
                starts = _surname_starts(self._text, surname, start, end)
                for found in _matches_at(pattern, self._text, starts, start, end):
                    if not _overlaps(taken, found.start(), found.end()):
                        result.append(Mention(found.start(), found.end(), name, "person"))
        return result

    def _spans_holding(self, word: str, spans: list[Span], floor: int) -> list[Span]:
        """The parts of `spans` from `floor` on that hold `word`: the only ones worth a search."""
        found = []
        for start, end in spans:
            begin = max(start, floor)
            if self._text.find(word, begin, end) != -1:
                found.append((begin, end))
        return found

    def _principals(self, name: str) -> tuple[str, ...]:
        """Whom an actor acts for: lexicon membership, or what its title said."""
        if self._lexicon.kind_of(name) is not None:
            return tuple(self._lexicon.principals(name))
        return self._acts_for.get(name, ())

    def within(self, start: int, end: int) -> tuple[Mention, ...]:
        """The mentions inside `[start, end)`.

        Remembered: a happening's parties, words and title ask for those of its
        clause, and its go-betweens and outlets for those of its sentence.
        """
        found = self._within.get((start, end))
        if found is None:
            index = bisect.bisect_left(self._starts, start)
            stop = bisect.bisect_left(self._starts, end, index)
            found = tuple(m for m in self.mentions[index:stop] if m.end <= end)
            self._within[start, end] = found
        return found

    def person_before(self, offset: int) -> Mention | None:
        """The last person named before `offset`: whom a leading "He" most likely means."""
        index = bisect.bisect_left(self._starts, offset)
        for at in range(index - 1, -1, -1):
            mention = self.mentions[at]
            if mention.kind == "person" and mention.end <= offset:
                return mention
        return None

    def short_name(self, name: str) -> str:
        """How a title calls an actor: a person by surname when one is known."""
        if self._lexicon.kind_of(name) == "person":
            return self._lexicon.surname_of(name) or name
        if name in self._acts_for:
            return _last_name(name) or name
        return name

    def is_bystander(self, mention: Mention) -> bool:
        """Whether a demonym only describes onlookers ("Palestinian analyst")."""
        if not mention.demonym:
            return False
        following = FOLLOWING_WORD.match(self._text[mention.end : mention.end + 30])
        return bool(following) and following.group(1) in NON_PARTY_HEADS

    def is_place(self, mention: Mention) -> bool:
        """Whether a one-word other name of an actor, such as a capital, names a place.

        Its own name ("in Indonesia") and abbreviations ("in the U.S.", "at the UN")
        keep their actor: only a stand-in name after "in", "at", "to" is taken as
        the place.
        """
        written = self._text[mention.start : mention.end]
        one_word = written.isalpha() and written[1:].islower()
        if mention.demonym or written == mention.name or not one_word or mention.kind == "person":
            return False
        floor = max(0, mention.start - ROLE_REACH)
        return LOCATIVE.search(self._text, floor, mention.start) is not None

    def parties(self, start: int, end: int, excluded: Sequence[Span] = ()) -> list[str]:
        """The actors of `[start, end)` outside `excluded`, with whom each acts for."""
        names: set[str] = set()
        for mention in self.within(start, end):
            if mention.kind == "outlet" or inside(mention.start, excluded):
                continue
            if self.is_bystander(mention) or self.is_place(mention):
                continue
            names.add(mention.name)
            names.update(self._principals(mention.name))
        return sorted(names)

    def mediators(self, start: int, end: int) -> list[str]:
        """The go-betweens `[start, end)` names, quoted or not, with whom each acts for.

        A mediator is a party to what it brought about: "the rebels freed two
        journalists thanks to Omani mediation" has Oman among its parties, even
        where the mediation is named in a quotation or another clause.
        """
        names: set[str] = set()
        for mention in self.within(start, end):
            if mention.kind != "outlet" and self._is_mediator(mention):
                names.update(self.acting(mention.name))
        return sorted(names)

    def _is_mediator(self, mention: Mention) -> bool:
        """Whether the words around a mention make it a go-between."""
        after = self._text[mention.end : mention.end + ROLE_REACH]
        if MEDIATION_COMPOUND.match(after):
            return True
        before = MEDIATED_BY.search(self._text, max(0, mention.start - ROLE_REACH), mention.start)
        if before is None:
            return False
        return before.group("needs_noun") is None or MEDIATION_NOUN.match(after) is not None

    def acting(self, name: str) -> list[str]:
        """An actor with everyone it acts for, as `parties` would list them."""
        return sorted({name, *self._principals(name)})

    def outlets(self, start: int, end: int) -> list[str]:
        """The news outlets named in `[start, end)`, in order of appearance."""
        return list(dict.fromkeys(m.name for m in self.within(start, end) if m.kind == "outlet"))


class _Taken:
    """Mentions found so far, asked whether a stretch overlaps one of them.

    The lexicon's mentions are searched by halving (sorted by start, with the
    furthest end reached so far); the few people added later, one by one.
    """

    def __init__(self, mentions: list[Mention]) -> None:
        ordered = sorted(mentions, key=lambda m: m.start)
        self._starts = [m.start for m in ordered]
        self._reach = list(accumulate((m.end for m in ordered), max))
        self._added: list[Mention] = []

    def add(self, mention: Mention) -> None:
        """Take one more mention into account."""
        self._added.append(mention)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether `[start, end)` overlaps a mention."""
        before = bisect.bisect_left(self._starts, end)
        if before and self._reach[before - 1] > start:
            return True
        return any(m.start < end and start < m.end for m in self._added)


def _matches_at(
    pattern: re.Pattern[str], text: str, starts: list[int], start: int, end: int
) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text, start, end)` gives, when no match starts off `starts`."""
    position = start
    for at in starts:
        if at < position:
            continue
        found = pattern.match(text, at, end)
        if found is not None:
            yield found
            position = found.end()


def _last_words_start(text: str, begin: int, end: int) -> int:
    """Where a name that ends at `end` can start at the earliest, not before `begin`.

    A name has at most NAME_WORDS words and no space before `end`: it starts in
    the last words of the stretch, so the capitals before them need no trying.
    """
    last = LAST_NAME_WORDS_REVERSED.match(text[begin:end][::-1])
    return end - last.end() if last else end


def _surname_pattern(surname: str) -> re.Pattern[str]:
    """A surname alone or after "Mr."/"Ms."/"Dr.", as a whole word."""
    begins = first_characters([*ADDRESS_WORDS, surname])
    return re.compile(rf"(?<![\w-]){begins}{ADDRESS}{re.escape(surname)}(?![\w-])")


def _surname_starts(text: str, surname: str, start: int, end: int) -> list[int]:
    """Every place in `[start, end)` a mention of `surname` may start, for `_matches_at`.

    A mention starts where the surname is written, or at the address before it
    ("Ms. Benedetti"): two to four characters before the spaces that lead up to
    it. Finding the surname as a string and trying the pattern only there gives
    the pattern's own matches without running it over every position.
    """
    starts: set[int] = set()
    at = text.find(surname, start, end)
    while at != -1:
        gap = at
        while gap > start and text[gap - 1].isspace():
            gap -= 1
        starts.update((at, gap - 2, gap - 3, gap - 4))
        at = text.find(surname, at + 1, end)
    return sorted(starts)


def _overlaps(spans: list[Span], start: int, end: int) -> bool:
    """Whether `[start, end)` overlaps one of the sorted `spans`."""
    index = bisect.bisect_left(spans, (start, start))
    for a, b in spans[max(0, index - 1) : index + 2]:
        if a < end and start < b:
            return True
    return False
