"""The store's YAML written as text is byte for byte what libyaml's emitter writes."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.yaml_direct import (
    LONGEST_WORD_VALUE,
    Dumper,
    Unsimple,
    top_list_item,
    top_mapping,
)
from timeline.yaml_events import emitted, yaml_text

FLOW_KEYS = frozenset({"actors", "topics", "edited"})
WIDTH = 88

# Characters that change how a string is written: indicators, quotes, spaces
# and ordinary letters; and, rarely, breaks and characters the emitter escapes.
alphabet = st.sampled_from(list("abcXYZ -:#'\",?[]{}!&*|>%@`.~=+<0123456789eé—“"))
escaped = st.sampled_from(["\t", "\n", "\x85", "\u2028", "\ufeff", "\U0001f600", "\x7f"])
words = st.sampled_from(
    ["word", "a", "it's", "x:y", "key:", "#tag", "a #b", "—", "", "''", "2023-11-22", "No",
     "null", "Netanyahu", "Qatar's", "12", "1.5", "- ", "? x", "...", "---", "U.S.", "‘’"]
)  # fmt: skip
strings = st.one_of(
    st.text(alphabet, max_size=40),
    st.text(alphabet, max_size=120),
    st.lists(words, max_size=40).map(" ".join),
    st.sampled_from(["true", "~", "", " x", "x ", "-", "- x", "?", ":", "a: b", "x" * 100]),
)
odd_strings = strings | st.tuples(st.text(alphabet, max_size=20), escaped).map("".join)
names = st.sampled_from(["id", "date", "quote", "title", "actors", "topics", "edited"])
keys = names | st.text("abcxyz_", min_size=1, max_size=10)


def scalars(texts: st.SearchStrategy[str]) -> st.SearchStrategy[Any]:
    """Strings from `texts`, numbers, booleans and nulls."""
    numbers = st.integers(-(10**9), 10**12) | st.floats(allow_nan=False, allow_infinity=False)
    return texts | numbers | st.booleans() | st.none()


@st.composite
def store_items(draw: st.DrawFn, texts: st.SearchStrategy[str] = strings) -> dict[str, Any]:
    """A mapping shaped like a stored event: scalars, one-line lists, a list of sources."""
    item = draw(st.dictionaries(keys, scalars(texts), min_size=1, max_size=6))
    for key in draw(st.lists(st.sampled_from(sorted(FLOW_KEYS)), max_size=2, unique=True)):
        item[key] = draw(st.lists(texts, max_size=12))
    if draw(st.booleans()):
        source = st.dictionaries(keys, scalars(texts), min_size=1, max_size=5)
        item["sources"] = draw(st.lists(source, min_size=1, max_size=3))
    return item


@settings(max_examples=600, deadline=None)
@given(store_items())
def test_an_item_written_directly_is_what_the_emitter_writes(item: dict[str, Any]) -> None:
    try:
        text = top_list_item(item, FLOW_KEYS, WIDTH)
    except Unsimple:
        return
    assert text == emitted([item], FLOW_KEYS, WIDTH)


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        keys | odd_strings, scalars(odd_strings) | st.lists(strings, max_size=6), max_size=8
    )
)
def test_a_mapping_written_directly_is_what_the_emitter_writes(data: dict[str, Any]) -> None:
    try:
        text = top_mapping(data, FLOW_KEYS, WIDTH)
    except Unsimple:
        return
    assert text == emitted(data, FLOW_KEYS, WIDTH)


@settings(max_examples=200, deadline=None)
@given(st.lists(store_items(odd_strings), max_size=5))
def test_a_list_with_odd_items_is_written_whole(items: list[dict[str, Any]]) -> None:
    assert yaml_text(items, FLOW_KEYS, WIDTH) == emitted(items, FLOW_KEYS, WIDTH)


def test_an_ordinary_event_is_written_directly() -> None:
    """Quotes, colons, apostrophes, dates and long lists stay on the quick path."""
    event = {
        "id": "5be0a1c2d3",
        "date": "2023-11-22",
        "precision": "day",
        "title": "Officials said: talks in Doha would resume after the truce's first day",
        "actors": ["Benjamin Netanyahu", "Hamas", "Israel", "Qatar", "United States"] * 3,
        "topics": [],
        "sources": [
            {
                "document": "harbour_report",
                "expression": "Nov. 22",
                "quote": "“We are close,” an official said on Nov. 22; " + "it's long " * 20,
                "offset": 2581,
            }
        ],
        "confidence": 0.3,
        "conflict": True,
    }
    assert top_list_item(event, FLOW_KEYS, WIDTH) == emitted([event], FLOW_KEYS, WIDTH)


@pytest.mark.parametrize("value", ["tab\there", "line\nbreak", "\ufeffmark", "emoji \U0001f600"])
def test_strings_with_breaks_or_escapes_are_left_to_the_emitter(value: str) -> None:
    with pytest.raises(Unsimple):
        top_list_item({"quote": value}, FLOW_KEYS, WIDTH)
    text = yaml_text([{"quote": value}], FLOW_KEYS, WIDTH)
    assert text == emitted([{"quote": value}], FLOW_KEYS, WIDTH)
    assert text.startswith("- quote: ") and text[9] in "'\""


def test_only_short_words_after_a_letter_read_back_as_other_types() -> None:
    """reads_back_as_string trusts any longer string that starts with a letter."""
    for first, resolvers in Dumper.yaml_implicit_resolvers.items():
        if first.isalpha():
            assert {tag for tag, _ in resolvers} <= {
                "tag:yaml.org,2002:bool",
                "tag:yaml.org,2002:null",
            }
    for word in ["yes", "No", "TRUE", "false", "off", "On", "null", "NULL"]:
        assert len(word) <= LONGEST_WORD_VALUE
