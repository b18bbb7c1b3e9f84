"""The actors and topics the extractor knows, read from YAML.

The shipped lists live in `timeline/data/actors.yaml` and `timeline/data/topics.yaml`
(their header comments describe the format); a user's own files extend or override
them. Keeping the names as data means a new country, person or topic is an edit to
a list, never to code.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from timeline.dates.lexicon import has_case_twins
from timeline.errors import InputError, UsageError
from timeline.trie import first_characters, trie_pattern

DATA = Path(__file__).parent / "data"
SHIPPED = (DATA / "actors.yaml", DATA / "topics.yaml")
ACTOR_KINDS = ("country", "organisation", "group", "person", "outlet")
SECTIONS = ("actors", "topics", "not_actors")

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader


@dataclass
class ActorEntry:
    """One actor as the lexicon holds it."""

    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    member_of: list[str] = field(default_factory=list)


@dataclass
class TopicEntry:
    """One topic: its name, other names for queries, and the words that signal it.

    `carried` says whether a sentence that goes on about a happening may lend
    the topic to it; a kind of telling ("statements") belongs to its own sentence.
    """

    name: str
    aliases: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    carried: bool = True


@dataclass(frozen=True)
class NameMatch:
    """A name found in a text: where, and which actor it stands for.

    `canonical` is None for a phrase listed under `not_actors`, found so that
    the names inside it are not; `demonym` tells "Qatari" from "Qatar".
    """

    start: int
    end: int
    canonical: str | None
    demonym: bool = False


def _key(name: str) -> str:
    """How a name is compared: case, spacing, curly apostrophes and "the" ignored."""
    folded = " ".join(name.replace("\u2019", "'").split()).casefold()
    return folded.removeprefix("the ")


def _unique(items: Iterable[str]) -> list[str]:
    """Items in first-seen order, each once."""
    return list(dict.fromkeys(items))


def _written_forms(alias: str) -> list[str]:
    """The spellings of an alias that may appear in running text.

    Aliases with a capital match as written (and with a capital first letter at a
    sentence start); all-lower-case aliases also match in title case.
    """
    bare = re.sub(r"^(?:the|The)\s+", "", alias.strip())
    forms = [bare, bare[:1].upper() + bare[1:]]
    if bare == bare.lower():
        forms.append(" ".join(w[:1].upper() + w[1:] for w in bare.split()))
    forms += [f.replace("'", "\u2019") for f in forms if "'" in f]
    return _unique(f for f in forms if f)


def _bounded(words: Collection[str]) -> str:
    """One pattern of `words` as whole words: no letter or digit may touch either end."""
    alternation = trie_pattern(words) or "(?!)"
    return rf"(?<![\w@]){first_characters(words)}(?:{alternation})(?![\w])"


def _read_yaml(path: Path) -> dict:
    """One lexicon file as a mapping of its sections, refused clearly when malformed."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot read lexicon file {path}: {error.strerror}") from error
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as error:
        raise UsageError(f"{path} is not valid YAML: {error}") from error
    if data is None:
        return {}
    if not isinstance(data, dict) or not set(data) <= set(SECTIONS):
        raise UsageError(f"{path} must be a mapping with sections {', '.join(SECTIONS)}")
    return data


def _strings(value: object, path: Path, what: str) -> list[str]:
    """A YAML list of strings (or one string), refused if anything else."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return [str(v) for v in value]
    raise UsageError(f"{path}: {what} must be a list of names")


def _entries(data: dict, section: str, path: Path) -> list[dict]:
    """The entries of a section, each a mapping with a name."""
    entries = data.get(section) or []
    if not isinstance(entries, list):
        raise UsageError(f"{path}: {section} must be a list")
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise UsageError(f"{path}: every entry of {section} needs a name")
    return entries


def _merge_actor(actors: dict[str, ActorEntry], entry: dict, path: Path) -> None:
    """Add an actor, or extend the one of the same name."""
    name = entry["name"].strip()
    kind = entry.get("kind")
    if kind is not None and kind not in ACTOR_KINDS:
        raise UsageError(f"{path}: {name}: kind must be one of {', '.join(ACTOR_KINDS)}")
    current = actors.get(name)
    if current is None:
        if kind is None:
            raise UsageError(f"{path}: {name}: a new actor needs a kind")
        current = actors[name] = ActorEntry(name, kind)
    elif kind is not None:
        current.kind = kind
    current.aliases = _unique([*current.aliases, *_strings(entry.get("aliases"), path, name)])
    current.demonyms = _unique([*current.demonyms, *_strings(entry.get("demonyms"), path, name)])
    if "member_of" in entry:
        current.member_of = _unique(_strings(entry["member_of"], path, name))


def _merge_topic(topics: dict[str, TopicEntry], entry: dict, path: Path) -> None:
    """Add a topic, or extend the one of the same name."""
    name = entry["name"].strip()
    current = topics.setdefault(name, TopicEntry(name))
    current.aliases = _unique([*current.aliases, *_strings(entry.get("aliases"), path, name)])
    current.keywords = _unique([*current.keywords, *_strings(entry.get("keywords"), path, name)])
    if "carried" in entry:
        if not isinstance(entry["carried"], bool):
            raise UsageError(f"{path}: topic {name!r}: carried must be true or false")
        current.carried = entry["carried"]


@cache
def _shipped_data() -> tuple[dict, ...]:
    """The shipped files, parsed once per process."""
    return tuple(_read_yaml(path) for path in SHIPPED)


class Lexicon:
    """Actors with their aliases and memberships, and topics with their keywords."""

    def __init__(
        self,
        actors: dict[str, ActorEntry],
        topics: dict[str, TopicEntry],
        not_actors: Sequence[str] = (),
    ) -> None:
        self._actors = actors
        self._topics = topics
        self._not_actors = list(not_actors)
        self._actor_keys = self._index_actors()
        self._topic_keys = {_key(n): t.name for t in topics.values() for n in [t.name, *t.aliases]}
        self._name_regex: re.Pattern[str] | None = None
        self._name_forms: dict[str, tuple[str | None, bool]] = {}
        self._topic_regex: re.Pattern[str] | None = None
        self._topic_regex_lower: re.Pattern[str] | None = None
        self._keyword_topics: dict[str, list[str]] = {}

    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> Lexicon:
        """The shipped lexicons, then each of `extra` in order, later ones winning.

        A file may hold `actors`, `topics` and `not_actors` sections; an entry
        naming an existing actor or topic extends it.
        """
        files = [*zip(SHIPPED, _shipped_data(), strict=True)]
        files += [(Path(p), _read_yaml(Path(p))) for p in extra]
        actors: dict[str, ActorEntry] = {}
        topics: dict[str, TopicEntry] = {}
        not_actors: list[str] = []
        for path, data in files:
            for entry in _entries(data, "actors", path):
                _merge_actor(actors, entry, path)
            for entry in _entries(data, "topics", path):
                _merge_topic(topics, entry, path)
            not_actors += _strings(data.get("not_actors"), path, "not_actors")
        _check_memberships(actors)
        return cls(actors, topics, not_actors)

    def _index_actors(self) -> dict[str, str]:
        """Every spelling of every actor, compared loosely, to its canonical name."""
        index: dict[str, str] = {}
        for actor in self._actors.values():
            for name in [*actor.aliases, *actor.demonyms]:
                index[_key(name)] = actor.name
        for actor in self._actors.values():
            index[_key(actor.name)] = actor.name
        return index

    # ── actors ────────────────────────────────────────────────────────────

    def canonical_actor(self, name: str) -> str | None:
        """The canonical name `name` stands for ("U.S.", "the White House" → "United States")."""
        return self._actor_keys.get(_key(name))

    def actor_names(self) -> list[str]:
        """Every canonical actor name, sorted."""
        return sorted(self._actors)

    def actor_of(self, canonical: str) -> dict:
        """An actor's entry: name, kind, aliases, demonyms, member_of.

        Raises UsageError for a name the lexicon does not know.
        """
        name = self.canonical_actor(canonical)
        if name is None:
            raise UsageError(f"unknown actor: {canonical}")
        actor = self._actors[name]
        return {
            "name": actor.name,
            "kind": actor.kind,
            "aliases": list(actor.aliases),
            "demonyms": list(actor.demonyms),
            "member_of": list(actor.member_of),
        }

    def kind_of(self, canonical: str) -> str | None:
        """The kind of a canonical actor, None for a name the lexicon lacks."""
        actor = self._actors.get(canonical)
        return actor.kind if actor else None

    def actor_members(self, canonical: str) -> set[str]:
        """Every actor that belongs to `canonical`, directly or through others."""
        name = self.canonical_actor(canonical)
        if name is None:
            return set()
        members: set[str] = set()
        frontier = [name]
        while frontier:
            parent = frontier.pop()
            for actor in self._actors.values():
                if parent in actor.member_of and actor.name not in members | {name}:
                    members.add(actor.name)
                    frontier.append(actor.name)
        return members

    def principals(self, canonical: str) -> list[str]:
        """The top of `canonical`'s membership chains: whom it ultimately acts for.

        Antony Blinken → State Department → United States gives ["United States"];
        an actor that belongs to nothing gives [].
        """
        tops: list[str] = []
        seen = {canonical}
        frontier = list(self._actors[canonical].member_of) if canonical in self._actors else []
        while frontier:
            name = frontier.pop(0)
            if name in seen or name not in self._actors:
                continue
            seen.add(name)
            parents = self._actors[name].member_of
            if parents:
                frontier.extend(parents)
            else:
                tops.append(name)
        return tops

    def surname_of(self, canonical: str) -> str | None:
        """The family name a person is later called by, when it can be told safely.

        Names with particles ("bin", "al-") are left out: which part is used alone
        varies, so the lexicon lists those short forms as aliases instead.
        """
        if self.kind_of(canonical) != "person":
            return None
        words = [w for w in canonical.split() if w not in ("Jr.", "Sr.", "II", "III", "IV")]
        if len(words) < 2 or any(w[:1].islower() for w in words):
            return None
        return words[-1] if len(words[-1]) > 2 else None

    def find_names(self, text: str, start: int = 0, end: int | None = None) -> list[NameMatch]:
        """Every actor name in `text[start:end]`, longest first, left to right."""
        pattern = self._names()
        matches = []
        for found in pattern.finditer(text, start, len(text) if end is None else end):
            canonical, demonym = self._name_forms[found.group()]
            matches.append(NameMatch(found.start(), found.end(), canonical, demonym))
        return matches

    def _names(self) -> re.Pattern[str]:
        """The compiled pattern of every written form of every name."""
        if self._name_regex is None:
            forms: dict[str, tuple[str | None, bool]] = {}
            for actor in self._actors.values():
                for name in actor.aliases:
                    forms.update(dict.fromkeys(_written_forms(name), (actor.name, False)))
                for name in actor.demonyms:
                    forms.update(dict.fromkeys(_written_forms(name), (actor.name, True)))
            for actor in self._actors.values():
                forms.update(dict.fromkeys(_written_forms(actor.name), (actor.name, False)))
            for phrase in self._not_actors:
                forms.update(dict.fromkeys(_written_forms(phrase), (None, False)))
            self._name_forms = forms
            self._name_regex = re.compile(_bounded(forms))
        return self._name_regex

    # ── topics ────────────────────────────────────────────────────────────

    def canonical_topic(self, name: str) -> str | None:
        """The canonical topic `name` stands for ("ceasefire" → "truce and ceasefire")."""
        return self._topic_keys.get(_key(name))

    def topic_names(self) -> list[str]:
        """Every canonical topic name, sorted."""
        return sorted(self._topics)

    def topics_in(self, text: str) -> list[str]:
        """The topics whose keywords occur in `text`, sorted."""
        pattern = self._keywords()
        if self._topic_regex_lower is not None and not has_case_twins(text):
            pattern, text = self._topic_regex_lower, text.lower()
        found = {
            topic
            for match in pattern.finditer(text)
            for topic in self._keyword_topics[match.group().casefold()]
        }
        return sorted(found)

    def carried_topics(self, text: str) -> list[str]:
        """The topics of `text` it may lend to the happening of the sentence before it."""
        return [t for t in self.topics_in(text) if self._topics[t].carried]

    def _keywords(self) -> re.Pattern[str]:
        """The compiled pattern of every topic keyword, matched in any case.

        With keywords all in ASCII, the same pattern without IGNORECASE is kept
        too: run on lower-cased text, it finds the same words faster. Only the
        letters `has_case_twins` looks for match an ASCII letter they do not
        lower-case to, so text holding one takes the case-blind pattern.
        """
        if self._topic_regex is None:
            owners: dict[str, list[str]] = {}
            for topic in self._topics.values():
                for keyword in topic.keywords:
                    owners.setdefault(keyword.casefold(), []).append(topic.name)
            self._keyword_topics = owners
            self._topic_regex = re.compile(_bounded(owners), re.IGNORECASE)
            if all(keyword.isascii() for keyword in owners):
                self._topic_regex_lower = re.compile(_bounded(owners))
        return self._topic_regex


def _check_memberships(actors: dict[str, ActorEntry]) -> None:
    """Refuse a member_of that names no actor: it would silently lose a membership."""
    unknown = sorted(
        f"{a.name} → {parent}"
        for a in actors.values()
        for parent in a.member_of
        if parent not in actors
    )
    if unknown:
        raise UsageError("member_of names unknown actors: " + "; ".join(unknown))
