"""Reading TimeML documents and scoring temporal expressions the TempEval-3 way.

The measures follow the entity evaluation of TempEval-3 (UzZaman et al. 2013):
a system expression and a gold one *match relaxed* when their character spans
overlap, and *match strictly* when the spans are identical. Each gold expression
pairs with at most one system expression and the other way round, so precision
is matches / system expressions and recall is matches / gold expressions. Value
F1 is the relaxed F1 times the share of relaxed matches whose TIMEX3 value is
identical; type F1 likewise with the type. Counts are summed over documents
before any ratio is taken (micro-averaging), as the official scorer does.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path


@dataclass(frozen=True, order=True)
class Timex:
    """One temporal expression: where it is in the text, its TIMEX3 type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class TimeMLDocument:
    """A TimeML document: its id, creation date, plain text and the TIMEX3 inside the text.

    `text` is the content of <TEXT> with every tag removed; offsets of `timexes`
    count characters of that text. The creation-date TIMEX3 sits in <DCT>, outside
    the text, so it is never among `timexes`.
    """

    id: str
    dct: date
    text: str
    timexes: tuple[Timex, ...]


def read_timeml(source: str, name: str = "<string>") -> TimeMLDocument:
    """Parse a TimeML document given as a string; `name` only labels errors."""
    try:
        root = ET.fromstring(source)
    except ET.ParseError as error:
        raise ValueError(f"{name}: not well-formed TimeML: {error}") from error
    text_element = root.find("TEXT")
    if text_element is None:
        raise ValueError(f"{name}: no <TEXT> element")
    text, timexes = _flatten(text_element)
    return TimeMLDocument(
        id=_document_id(root, name),
        dct=_creation_date(root, name),
        text=text,
        timexes=tuple(timexes),
    )


def read_timeml_file(path: Path) -> TimeMLDocument:
    """Parse the TimeML file at `path`."""
    return read_timeml(path.read_text(encoding="utf-8"), name=str(path))


def _document_id(root: ET.Element, name: str) -> str:
    """The <DOCID>, which pairs a system input with its gold file whatever they are named."""
    docid = (root.findtext("DOCID") or "").strip()
    if not docid:
        raise ValueError(f"{name}: no <DOCID>")
    return docid


def _creation_date(root: ET.Element, name: str) -> date:
    """The day of the <DCT> TIMEX3, the reference date for relative expressions."""
    dct = root.find("DCT/TIMEX3")
    value = "" if dct is None else dct.get("value", "")
    try:
        return date.fromisoformat(value[:10])
    except ValueError as error:
        raise ValueError(f"{name}: no usable <DCT> date ({value!r})") from error


def _flatten(element: ET.Element) -> tuple[str, list[Timex]]:
    """The element's text with tags removed, and its TIMEX3 with offsets into that text."""
    pieces: list[str] = []
    marks: list[tuple[int, int, ET.Element]] = []
    length = 0

    def visit(node: ET.Element) -> None:
        nonlocal length
        start = length
        if node.text:
            pieces.append(node.text)
            length += len(node.text)
        for child in node:
            visit(child)
            if child.tail:
                pieces.append(child.tail)
                length += len(child.tail)
        if node.tag == "TIMEX3":
            marks.append((start, length, node))

    visit(element)
    text = "".join(pieces)
    timexes = [
        Timex(start, end, text[start:end], node.get("type", ""), node.get("value", ""))
        for start, end, node in sorted(marks, key=lambda mark: (mark[0], mark[1]))
    ]
    return text, timexes


def overlaps(first: Timex, second: Timex) -> bool:
    """Whether two expressions share at least one character."""
    return first.start < second.end and second.start < first.end


def pair_expressions(gold: Iterable[Timex], system: Iterable[Timex]) -> list[tuple[Timex, Timex]]:
    """Pair gold and system expressions one to one, identical spans first, then overlaps.

    Identical spans are paired before mere overlaps so that a strict match is
    never lost to a neighbour that only overlaps. The rest is greedy in text
    order: each gold expression takes the first unpaired system expression that
    overlaps it. A system expression spanning two gold ones ("2009-2010" against
    "2009" and "2010") thus matches one of them and leaves the other missed.
    """
    gold_list, system_list = list(gold), list(system)
    paired_gold: dict[int, int] = {}
    taken: set[int] = set()
    by_span: dict[tuple[int, int], list[int]] = {}
    for index, timex in enumerate(system_list):
        by_span.setdefault((timex.start, timex.end), []).append(index)
    for gold_index, timex in enumerate(gold_list):
        for index in by_span.get((timex.start, timex.end), []):
            if index not in taken:
                paired_gold[gold_index] = index
                taken.add(index)
                break
    for gold_index, timex in enumerate(gold_list):
        if gold_index in paired_gold:
            continue
        for index, candidate in enumerate(system_list):
            if index not in taken and overlaps(timex, candidate):
                paired_gold[gold_index] = index
                taken.add(index)
                break
    return [(gold_list[g], system_list[s]) for g, s in sorted(paired_gold.items())]


@dataclass(frozen=True)
class Counts:
    """What the scores are computed from; counts of several documents add up."""

    gold: int = 0
    system: int = 0
    relaxed: int = 0
    strict: int = 0
    value: int = 0
    type: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


def count_matches(gold: Iterable[Timex], system: Iterable[Timex]) -> Counts:
    """Count expressions and matches of one document."""
    gold_list, system_list = list(gold), list(system)
    pairs = pair_expressions(gold_list, system_list)
    return Counts(
        gold=len(gold_list),
        system=len(system_list),
        relaxed=len(pairs),
        strict=sum((g.start, g.end) == (s.start, s.end) for g, s in pairs),
        value=sum(g.value == s.value for g, s in pairs),
        type=sum(g.type == s.type for g, s in pairs),
    )


def of_type(timexes: Iterable[Timex], timex_type: str) -> list[Timex]:
    """Only the expressions of one TIMEX3 type, for the per-type figures."""
    return [timex for timex in timexes if timex.type == timex_type]


@dataclass(frozen=True)
class Scores:
    """TempEval-3 entity figures, each a fraction between 0 and 1."""

    relaxed_precision: float
    relaxed_recall: float
    relaxed_f1: float
    strict_precision: float
    strict_recall: float
    strict_f1: float
    value_accuracy: float
    value_f1: float
    type_accuracy: float
    type_f1: float


def _ratio(part: int, whole: int) -> float:
    """part / whole, or 0 when there is nothing to divide by."""
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall."""
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def score(counts: Counts) -> Scores:
    """The TempEval-3 figures for summed counts."""
    relaxed_precision = _ratio(counts.relaxed, counts.system)
    relaxed_recall = _ratio(counts.relaxed, counts.gold)
    relaxed_f1 = _f1(relaxed_precision, relaxed_recall)
    strict_precision = _ratio(counts.strict, counts.system)
    strict_recall = _ratio(counts.strict, counts.gold)
    value_accuracy = _ratio(counts.value, counts.relaxed)
    type_accuracy = _ratio(counts.type, counts.relaxed)
    return Scores(
        relaxed_precision=relaxed_precision,
        relaxed_recall=relaxed_recall,
        relaxed_f1=relaxed_f1,
        strict_precision=strict_precision,
        strict_recall=strict_recall,
        strict_f1=_f1(strict_precision, strict_recall),
        value_accuracy=value_accuracy,
        value_f1=value_accuracy * relaxed_f1,
        type_accuracy=type_accuracy,
        type_f1=type_accuracy * relaxed_f1,
    )


@dataclass(frozen=True)
class Mismatch:
    """A difference between gold and system: "missed", "spurious" or "differs"."""

    kind: str
    gold: Timex | None
    system: Timex | None

    @property
    def differing(self) -> tuple[str, ...]:
        """Which of span, type and value differ, for a pair that "differs"."""
        if self.gold is None or self.system is None:
            return ()
        gold, system = self.gold, self.system
        return tuple(
            name
            for name, differs in (
                ("span", (gold.start, gold.end) != (system.start, system.end)),
                ("type", gold.type != system.type),
                ("value", gold.value != system.value),
            )
            if differs
        )


def mismatches(gold: Iterable[Timex], system: Iterable[Timex]) -> list[Mismatch]:
    """Every gold expression not found exactly, and every system one not in gold, in text order.

    A pair "differs" when it overlaps but its span, type or value is not the gold one.
    """
    gold_list, system_list = list(gold), list(system)
    pairs = pair_expressions(gold_list, system_list)
    found: list[Mismatch] = [Mismatch("differs", g, s) for g, s in pairs if g != s]
    paired_gold = {id(g) for g, _ in pairs}
    paired_system = {id(s) for _, s in pairs}
    found += [Mismatch("missed", g, None) for g in gold_list if id(g) not in paired_gold]
    found += [Mismatch("spurious", None, s) for s in system_list if id(s) not in paired_system]
    return sorted(found, key=_position)


def _position(mismatch: Mismatch) -> tuple[int, int]:
    """Where a mismatch starts in the text, for listing in reading order."""
    timex = mismatch.gold if mismatch.gold is not None else mismatch.system
    return (timex.start, timex.end) if timex is not None else (0, 0)
