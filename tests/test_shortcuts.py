"""Shortcuts of the extraction stages agree with the plain definitions they replace.

Each test states the plain way in a few lines here and compares it with the
library's faster one on open-ended input.
"""

from __future__ import annotations

import re
from re import _constants as sre
from re import _parser as sre_parse

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.documents.furniture import AD_PHRASES, BANNER_PHRASES, END_OF_ARTICLE, Line, plain
from timeline.documents.page import PHRASE_WORDS
from timeline.events.actions import _action_index, _is_gerund, action_words
from timeline.events.actors import (
    ADDRESS,
    MEDIATED_BY,
    MEDIATED_BY_PHRASES,
    Cast,
    _matches_at,
    _surname_pattern,
    _surname_starts,
)
from timeline.events.attribution import SOURCE_PHRASE, SOURCE_PHRASES
from timeline.events.dating import ATTACHING, SUBORDINATOR, _subordinators, is_attached
from timeline.events.sentences import BREAK_MARK, CLAUSE_BREAK, CLAUSE_BREAKS, blanked
from timeline.events.titles import DANGLING, without_dangling
from timeline.lexicon import Lexicon
from timeline.trie import first_characters, trie_pattern

SHIPPED = Lexicon.load()
PHRASES = sorted(BANNER_PHRASES | END_OF_ARTICLE | AD_PHRASES)
LINE_PIECES = [
    *PHRASES, " ", "  ", "\t", ">", " >", ":", "|", "›", "»", "**", "__", "* ", "- ", "• ",
    "[", "](x)", "’", "‘", "word", "Menu", "SHARE",
]  # fmt: skip


def blanked_char_by_char(text: str, span: tuple[int, int], removals: list[tuple[int, int]]) -> str:
    """Each character of `span` inside a removal made a space, one at a time."""
    pieces = list(text[span[0] : span[1]])
    for start, end in removals:
        for index in range(max(start, span[0]), min(end, span[1])):
            pieces[index - span[0]] = " "
    return "".join(pieces)


@settings(max_examples=400)
@given(
    st.text(max_size=40),
    st.integers(0, 45),
    st.integers(0, 45),
    st.lists(st.tuples(st.integers(-5, 50), st.integers(-5, 50)), max_size=5),
)
def test_blanked_blanks_exactly_the_removed_characters(text, first, last, removals):
    span = (min(first, len(text)), min(max(first, last), len(text)))
    assert blanked(text, span, removals) == blanked_char_by_char(text, span, removals)


def test_blanked_keeps_offsets_with_overlapping_removals():
    text = "The envoy met the minister on Friday in Doha."
    kept = blanked(text, (4, 36), [(10, 17), (14, 26), (30, 40)])
    assert kept == "envoy " + " " * 16 + " on " + " " * 6
    assert len(kept) == 32


@settings(max_examples=200)
@given(st.lists(st.sampled_from(LINE_PIECES), max_size=12).map("".join))
def test_a_line_matching_a_set_phrase_is_never_longer_than_phrase_words(raw):
    line = Line(0, len(raw), len(raw), raw, 0)
    if plain(raw) in PHRASES:
        assert line.word_count <= PHRASE_WORDS


def test_a_phrase_with_a_trailing_mark_still_fits_phrase_words():
    raw = "skip to main content >"
    assert plain(raw) == "skip to main content"
    assert Line(0, len(raw), len(raw), raw, 0).word_count <= PHRASE_WORDS


TOPIC_PIECES = [
    " ", "-", "’", "'", ",", "ſ", "ı", "İ", "\u212a", "É", "truce", "TRUCE", "Truce", "hostage",
    "Hostages", "aid", "AID", "military", "ferry", "sailed", "said", "ceasefire", "cease-fire",
    "Ceaſefire", "x",
]  # fmt: skip


@settings(max_examples=200)
@given(st.lists(st.sampled_from(TOPIC_PIECES), max_size=20).map("".join))
def test_topics_found_in_lower_case_are_those_found_case_blind(text):
    lexicon = SHIPPED
    case_blind = lexicon._keywords()
    expected = sorted(
        {
            topic
            for match in case_blind.finditer(text)
            for topic in lexicon._keyword_topics[match.group().casefold()]
        }
    )
    assert lexicon.topics_in(text) == expected


WORD_LISTS = st.lists(st.text(alphabet="ab-]^\\ ", max_size=4), max_size=6)


@settings(max_examples=300)
@given(WORD_LISTS, st.text(alphabet="ab-]^\\ x\n", max_size=30), st.booleans())
def test_a_first_character_lookahead_changes_no_match(words, text, case_blind):
    flags = re.IGNORECASE if case_blind else 0
    alternation = trie_pattern(words) or "(?!)"
    plain = re.compile(rf"(?<![\w-])(?:{alternation})", flags)
    checked = re.compile(rf"(?<![\w-]){first_characters(words)}(?:{alternation})", flags)
    assert [m.span() for m in checked.finditer(text)] == [m.span() for m in plain.finditer(text)]


ACTION_PIECES = [
    " ", "-", ",", "’", "ſ", "ı", "İ", "\u212a", "É", "of", "and", "for", "freed", "FREED",
    "Released", "negotiating", "talks", "cease-fire", "Ceaſe-fire", "ſaid", "said", "x", "ing",
]  # fmt: skip


@settings(max_examples=300)
@given(st.lists(st.sampled_from(ACTION_PIECES), max_size=20).map("".join))
def test_action_words_found_in_lower_case_are_those_found_case_blind(text):
    case_blind, _, _ = _action_index()
    expected = [m for m in case_blind.finditer(text) if not _is_gerund(text, m)]
    found = action_words(text)
    assert [(m.span(), m.group().lower()) for m in found] == [
        (m.span(), m.group().lower()) for m in expected
    ]


TITLE_END_PIECES = [
    " ", "\n", "\t", ",", ";", "–", "-", ".", "x", "Oman", "and", "AND", "An", "the", "aſ", "ſ",
    "İn", "wHo", "for", "band", "é",
]  # fmt: skip


@settings(max_examples=500)
@given(st.lists(st.sampled_from(TITLE_END_PIECES), max_size=12).map("".join))
def test_a_title_loses_at_its_end_what_the_dangling_pattern_removes(title):
    assert without_dangling(title) == DANGLING.sub("", title)


SURNAME_PIECES = [
    " ",
    "  ",
    "\n",
    "-",
    ".",
    ",",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Roe",
    "roe",
    "Monroe",
    "x",
]


@settings(max_examples=500)
@given(
    st.lists(st.sampled_from(SURNAME_PIECES), max_size=14).map("".join),
    st.sampled_from(["Roe", "Mrs", "Dr", "Mr"]),
    st.data(),
)
def test_a_surname_is_found_where_the_plain_pattern_finds_it(text, surname, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    plain = re.compile(rf"(?<![\w-]){ADDRESS}{surname}(?![\w-])")
    pattern = _surname_pattern(surname)
    found = _matches_at(pattern, text, _surname_starts(text, surname, start, end), start, end)
    assert [m.span() for m in found] == [m.span() for m in plain.finditer(text, start, end)]


def recursive_trie_pattern(words: list[str]) -> str:
    """The trie pattern built one letter a call, as it was first written."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(c) + build(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


@settings(max_examples=500)
@given(st.lists(st.text(alphabet="abc.( ", max_size=6), max_size=8))
def test_the_trie_pattern_is_the_one_built_letter_by_letter(words):
    assert trie_pattern(words) == recursive_trie_pattern(words)


CLAUSE_PIECES = [
    " ", "  ", "\n", ",", ", ", ";", ": ", " – ", " - ", " -- ", "“", "A", "According", "to",
    "as", "per", "As", "reported", "by", "citing", "Quoting", "the", "Reuters", "said", "x",
    "brokered", "Mediated", "thanks", "in", "response", "through", "following", "after",
    "with", "help", "of", "via", "since", "Prior", "ahead", "wake", "amid", "until", "from",
]  # fmt: skip
CLAUSE_TEXT = st.lists(st.sampled_from(CLAUSE_PIECES), max_size=25).map("".join)


@settings(max_examples=400)
@given(CLAUSE_TEXT, st.sampled_from(["source", "break", "mediated"]))
def test_patterns_led_by_their_first_characters_find_what_the_plain_ones_find(text, which):
    fast, plain = {
        "source": (SOURCE_PHRASE, re.compile(SOURCE_PHRASES, re.IGNORECASE)),
        "break": (CLAUSE_BREAK, re.compile(CLAUSE_BREAKS)),
        "mediated": (MEDIATED_BY, re.compile(MEDIATED_BY_PHRASES, re.IGNORECASE)),
    }[which]
    for start in range(len(text) + 1):
        found, expected = fast.search(text, start), plain.search(text, start)
        assert (found and found.span()) == (expected and expected.span())


@settings(max_examples=300)
@given(CLAUSE_TEXT)
def test_every_clause_break_holds_a_break_mark(text):
    assert all(BREAK_MARK.search(found.group()) for found in re.finditer(CLAUSE_BREAKS, text))


def first_consumed(tree: sre_parse.SubPattern) -> tuple[set[str], set[int], bool]:
    """The characters and classes a parsed pattern can start with, and whether it can
    match nothing (so that what follows it can start the match too)."""
    chars: set[str] = set()
    categories: set[int] = set()
    for op, arg in tree:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue
        if op is sre.LITERAL:
            chars.add(chr(arg))
            return chars, categories, False
        if op is sre.IN:
            for kind, value in arg:
                assert kind in (sre.LITERAL, sre.CATEGORY), f"{kind} in {arg}"
                if kind is sre.LITERAL:
                    chars.add(chr(value))
                else:
                    categories.add(value)
            return chars, categories, False
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            parts, optional = [arg[2]], arg[0] == 0
        elif op is sre.SUBPATTERN:
            parts, optional = [arg[-1]], False
        else:
            assert op is sre.BRANCH, f"{op} may start with any character"
            parts, optional = arg[1], False
        for part in parts:
            more_chars, more_categories, empty = first_consumed(part)
            chars |= more_chars
            categories |= more_categories
            optional = optional or empty
        if not optional:
            return chars, categories, False
    return chars, categories, True


@pytest.mark.parametrize(
    ("fast", "plain"),
    [
        (SOURCE_PHRASE, SOURCE_PHRASES),
        (CLAUSE_BREAK, CLAUSE_BREAKS),
        (MEDIATED_BY, MEDIATED_BY_PHRASES),
    ],
    ids=["source", "break", "mediated"],
)
def test_a_hand_written_first_character_gate_admits_every_start_of_its_pattern(fast, plain):
    gate = re.compile(re.match(r"\(\?=(\[[^]]*\])\)", fast.pattern)[1], fast.flags)
    chars, categories, empty = first_consumed(sre_parse.parse(plain, fast.flags))
    assert not empty
    cased = {variant for char in chars for variant in (char, char.lower(), char.upper())}
    assert [char for char in sorted(cased) if not gate.match(char)] == []
    assert categories <= {sre.CATEGORY_SPACE}
    if categories:
        assert all(gate.match(space) for space in " \t\n\u2003")


@settings(max_examples=300)
@given(CLAUSE_TEXT)
def test_subordinators_after_the_last_comma_are_those_no_comma_follows(lead):
    plain = [m.span() for m in SUBORDINATOR.finditer(lead) if "," not in lead[m.end() :]]
    assert [m.span() for m in _subordinators(lead)] == plain


NAMED_PIECES = [" ", ", ", ". ", "Qatar", "Qatari", "Israel", "Hamas", "Reuters", "Egypt", "Cairo"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(NAMED_PIECES), max_size=16).map("".join), st.data())
def test_mentions_within_a_span_are_those_a_filter_keeps(text, data):
    cast = Cast(text, [(0, len(text))], SHIPPED)
    for _ in range(3):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
        plain = [m for m in cast.mentions if start <= m.start and m.end <= end]
        assert list(cast.within(start, end)) == plain


LEAD_PIECES = [
    " ", "  ", "\n", "\u2003", ",", "-", "(", "on", "On", "ON", "by", "at", "upon", "bat", "x", "ſ",
]  # fmt: skip


@settings(max_examples=500)
@given(st.lists(st.sampled_from(LEAD_PIECES), max_size=12).map("".join))
def test_a_lead_is_attached_where_the_attaching_pattern_finds_a_match(lead):
    assert is_attached(lead) == (ATTACHING.search(lead) is not None)
