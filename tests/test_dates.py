"""The date engine: the rule table, its API, and properties that must hold on any text."""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dates import (
    UNDATED_KINDS,
    date_of,
    document_expressions,
    find_expressions,
    parse_date_phrase,
)
from timeline.dates.parsing import Around
from timeline.dates.scanner import (
    COMPILED,
    DISPATCH,
    GATE,
    READERS,
    TRIGGER_LOWER,
    number_key,
)
from timeline.model import Block, Document, TimeExpression

DATA = Path(__file__).parent / "data"
PROJECT = Path(__file__).parent.parent
ROWS = yaml.safe_load((DATA / "date_rules.yaml").read_text(encoding="utf-8"))
CHECKED_ALWAYS = ("text", "type", "value", "precision")
CHECKED_WHEN_GIVEN = ("anchor", "mod", "end_value")


def _reference(row: dict) -> date | None:
    """The row's reference date (YAML reads an ISO date as a date already)."""
    return row["reference"]


def _anchor_of(expected: str | None, sentence: str) -> str | None:
    """The anchor a row expects: "@March 3" names the earlier expression by its text."""
    if expected is None or not expected.startswith("@"):
        return expected
    return f"expression@{sentence.index(expected[1:])}"


def _observed(expression: TimeExpression, wanted: dict) -> dict:
    """The fields of `expression` that a row's expectation speaks of."""
    fields = CHECKED_ALWAYS + tuple(key for key in CHECKED_WHEN_GIVEN if key in wanted)
    return {key: getattr(expression, key) for key in fields}


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_rule_table(row: dict) -> None:
    sentence = row["sentence"]
    found = find_expressions(sentence, _reference(row))
    expected = []
    for wanted in row["expect"]:
        entry = {key: wanted.get(key) for key in CHECKED_ALWAYS}
        for key in CHECKED_WHEN_GIVEN:
            if key in wanted:
                entry[key] = wanted[key]
        if "anchor" in entry:
            entry["anchor"] = _anchor_of(entry["anchor"], sentence)
        expected.append(entry)
    assert [e.text for e in found] == [w["text"] for w in row["expect"]]
    observed = [_observed(e, wanted) for e, wanted in zip(found, expected, strict=True)]
    assert observed == expected


def test_table_rows_have_unique_ids() -> None:
    ids = [row["id"] for row in ROWS]
    assert len(ids) == len(set(ids))


# --- The API -------------------------------------------------------------------


def test_spans_are_offsets_into_the_whole_text_when_scanning_a_slice() -> None:
    text = "Header line with March 1, 2020.\n\nThe vote was held on Friday.\n\nFooter 2019."
    start = text.index("The vote")
    end = text.index("\n\nFooter")
    found = find_expressions(text, date(2024, 3, 13), start, end)
    assert [(e.text, e.value) for e in found] == [("Friday", "2024-03-08")]
    assert all(text[e.start : e.end] == e.text and start <= e.start < e.end <= end for e in found)


def test_end_beyond_the_text_is_clamped() -> None:
    found = find_expressions("It ended in 2019", None, 0, 10_000)
    assert [e.value for e in found] == ["2019"]


def test_dated_time_keeps_the_day_as_its_value_prefix() -> None:
    (expression,) = find_expressions("Posted 7:09 PM · Nov 26, 2023", None)
    assert expression.type == "TIME"
    assert expression.precision == "day"
    assert date.fromisoformat(expression.value[:10]) == date(2023, 11, 26)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Posted 7:09 PM · Nov 26, 2023", ("2023-11-26", "day")),
        ("It happened over the weekend.", ("2024-W10", "week")),
        ("It happened last summer.", ("2023", "year")),
        ("It happened last month.", ("2024-02", "month")),
        ("It took two days.", None),
        ("It happens every day.", None),
        ("It is over now.", None),
        ("It happened in the 1990s.", None),
    ],
)
def test_date_of_gives_the_store_date(sentence: str, expected: tuple[str, str] | None) -> None:
    (expression,) = find_expressions(sentence, date(2024, 3, 13))
    assert date_of(expression) == expected


def test_a_datetime_reference_counts_as_its_day() -> None:
    found = find_expressions("It rained yesterday.", datetime(2024, 3, 13, 23, 59))
    assert [e.value for e in found] == ["2024-03-12"]


def test_absolute_expressions_need_no_reference() -> None:
    with_reference = find_expressions("It began on 7 October 2023.", date(2024, 1, 1))
    without = find_expressions("It began on 7 October 2023.", None)
    assert with_reference == without
    assert without[0].anchor is None


def _document(text: str, blocks: list[Block], published: date | None) -> Document:
    """A document with just what the date engine reads."""
    return Document(id="d", path="d.txt", text=text, sha256="0", published=published, blocks=blocks)


def test_document_expressions_reads_each_block_against_its_own_reference() -> None:
    text = "The talks failed on Friday.\nI spoke with him yesterday.\n(Smith, 2001, p. 3) 1999"
    body_end = text.index("\n")
    post_end = text.index("\n", body_end + 1)
    blocks = [
        Block(0, body_end, "body"),
        Block(body_end + 1, post_end, "post", reference=date(2023, 11, 28)),
        Block(post_end + 1, len(text), "citation"),
    ]
    found = document_expressions(_document(text, blocks, date(2024, 3, 13)))
    assert [(e.text, e.value) for e in found] == [
        ("Friday", "2024-03-08"),
        ("yesterday", "2023-11-27"),
    ]


def test_document_without_blocks_is_read_whole() -> None:
    found = document_expressions(_document("Shelling resumed on Sunday.", [], date(2024, 3, 13)))
    assert [e.value for e in found] == ["2024-03-10"]


def test_undated_kinds_include_citations() -> None:
    assert "citation" in UNDATED_KINDS
    assert "body" not in UNDATED_KINDS and "post" not in UNDATED_KINDS


PHRASES = [
    ("1 Nov 2023", ("2023-11-01", "day")),
    ("Nov 1, 2023", ("2023-11-01", "day")),
    ("2023-11-01", ("2023-11-01", "day")),
    ("2023-11", ("2023-11", "month")),
    ("November 2023", ("2023-11", "month")),
    ("2023", ("2023", "year")),
    ("2023-W47", ("2023-W47", "week")),
    ("2023W05", ("2023-W05", "week")),
    ("1-Nov-2023", ("2023-11-01", "day")),
    ("  the 5th of March 2022. ", ("2022-03-05", "day")),
    ("11/22/2023", ("2023-11-22", "day")),
    ("01/11/2023", None),
    ("2023-02-30", None),
    ("2023-13", None),
    ("2023-W54", None),
    ("yesterday", None),
    ("Friday", None),
    ("last week", None),
    ("March 3", None),
    ("two days", None),
    ("soon", None),
    ("", None),
]


@pytest.mark.parametrize(("phrase", "expected"), PHRASES, ids=[p for p, _ in PHRASES])
def test_parse_date_phrase(phrase: str, expected: tuple[str, str] | None) -> None:
    assert parse_date_phrase(phrase) == expected


# --- Properties on open-ended text ----------------------------------------------

NEWS_WORDS = (
    "the", "on", "in", "last", "next", "this", "early", "late", "mid-", "Friday", "May", "may",
    "March", "Oct.", "7", "22", "2023", "1990s", "'90s", "two", "a", "few", "days", "weeks",
    "ago", "later", "earlier", "year", "week", "month", "said", "will", "between", "and", "from",
    "to", "-", "–", ",", ".", ":", "\"", "“", "”", "(", ")", "\n", "\n\n", "$", "%", "3:54",
    "pm", "a.m.", "·", "every", "per", "now", "today", "yesterday", "that", "day", "following",
    "morning", "night", "Q3", "the end of", "since", "https://x.org/2023/1", "©", "4-year-old",
)  # fmt: skip
news_like = st.lists(st.sampled_from(NEWS_WORDS), max_size=40).map(" ".join)
references = st.one_of(st.none(), st.dates(min_value=date(1901, 1, 1), max_value=date(2098, 1, 1)))


def _assert_well_formed(text: str, found: list[TimeExpression], start: int, end: int) -> None:
    """Spans match the text, lie in the scanned stretch, are sorted and never overlap."""
    for expression in found:
        assert text[expression.start : expression.end] == expression.text
        assert start <= expression.start < expression.end <= end
        assert expression.type in ("DATE", "TIME", "DURATION", "SET")
    for earlier, later in itertools.pairwise(found):
        assert earlier.end <= later.start


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200), reference=references)
def test_any_text_never_crashes(text: str, reference: date | None) -> None:
    found = find_expressions(text, reference)
    _assert_well_formed(text, found, 0, len(text))


@settings(max_examples=400, deadline=None)
@given(text=news_like, reference=references)
def test_news_like_text_is_well_formed(text: str, reference: date | None) -> None:
    found = find_expressions(text, reference)
    _assert_well_formed(text, found, 0, len(text))
    for expression in found:
        if expression.precision is not None:
            assert expression.type in ("DATE", "TIME")
            assert not expression.value.startswith("X")


@settings(max_examples=200, deadline=None)
@given(prefix=news_like, body=news_like, suffix=news_like, reference=references)
def test_a_slice_reads_like_the_same_text_alone(
    prefix: str, body: str, suffix: str, reference: date | None
) -> None:
    text = f"{prefix}\n\n{body}\n\n{suffix}"
    start = len(prefix) + 2
    end = start + len(body)
    sliced = find_expressions(text, reference, start, end)
    _assert_well_formed(text, sliced, start, end)
    alone = find_expressions(body, reference)
    shifted = [(e.start + start, e.end + start, e.type, e.value) for e in alone]
    assert [(e.start, e.end, e.type, e.value) for e in sliced] == shifted


# --- The scanner looks everywhere a rule can match --------------------------------


def _corpus() -> str:
    """Our table's sentences and the seed articles."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((PROJECT / "seeds").glob("*.txt"))]
    return "\n\n".join([row["sentence"] for row in ROWS] + seeds)


def test_every_accepted_match_starts_at_a_place_the_scanner_tries_it() -> None:
    text = _corpus()
    lowered = text.lower()
    tried: dict[int, set[int]] = {}
    for trigger in TRIGGER_LOWER.finditer(lowered):
        token = trigger.group()
        if token[0].isdigit():
            if not GATE.match(text, trigger.start()):
                continue
            token = number_key(text, trigger.start())
        tried[trigger.start()] = set(DISPATCH.get(token, ()))
    around = Around(text, 0, len(text))
    missed = []
    for index, (name, pattern) in enumerate(COMPILED):
        for position in range(len(text)):
            match = pattern.match(text, position)
            if not match or match.end() == position or index in tried.get(position, set()):
                continue
            if READERS[name](match, around) is not None:
                missed.append((name, match.group()))
    assert missed == []


# --- No clock is ever read ----------------------------------------------------------


def test_engine_source_never_reads_the_clock() -> None:
    sources = (PROJECT / "timeline" / "dates").glob("*.py")
    clock = re.compile(r"\b(?:now|today|utcnow|localtime|gmtime)\(|time\.time\(")
    assert [p.name for p in sources if clock.search(p.read_text(encoding="utf-8"))] == []


def test_results_do_not_depend_on_the_time_zone() -> None:
    script = (
        "import json, sys; from datetime import date; from dataclasses import asdict;"
        "from timeline.dates import find_expressions as f;"
        "t = sys.stdin.read();"
        "print(json.dumps([asdict(e) for e in f(t, date(2024, 3, 13))]))"
    )
    text = "\n\n".join(row["sentence"] for row in ROWS)
    outputs = []
    for zone in ("UTC", "Pacific/Auckland", "America/Los_Angeles"):
        environment = {**os.environ, "TZ": zone, "PYTHONPATH": str(PROJECT)}
        result = subprocess.run(
            [sys.executable, "-c", script],
            input=text,
            capture_output=True,
            text=True,
            env=environment,
            check=True,
        )
        outputs.append(json.loads(result.stdout))
    assert outputs[0] == outputs[1] == outputs[2]
    assert len(outputs[0]) > 100
