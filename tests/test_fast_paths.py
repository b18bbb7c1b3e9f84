"""Shortcuts that skip work must find exactly what the plain way finds.

Each test runs a fast path and the plain pattern (or a plain loop written out
here) on open-ended text and compares everything they return: positions,
groups and order.
"""

from __future__ import annotations

import re
import textwrap
from itertools import pairwise
from re import _constants as sre
from re import _parser as sre_parse

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dates import lexicon as date_words
from timeline.dates.context import (
    _AIMED_AT,
    _SENTENCE_BREAK,
    _after_abbreviation,
    _aimed_at,
    _last_break_end,
)
from timeline.dates.lexicon import alternation
from timeline.dates.patterns import FLAGS, LABEL_WORDS, RULES, UNREAD
from timeline.dates.scanner import GATE, TRIGGER, TRIGGER_LOWER, _triggers, scan
from timeline.documents.furniture import (
    MD_LINK,
    NUMERIC_DATE,
    REPEAT_LENGTH,
    SELF_REPEAT,
    Line,
    link_texts,
    self_repeat_unit,
)
from timeline.events.actors import (
    APPOSITIVE,
    CASE_ODDITIES,
    COMMENTATOR_TITLES,
    OFFICIAL_TITLES,
    ROLE_START,
    TITLED,
    Cast,
)
from timeline.events.dating import HEAD_WORDS, _head_words
from timeline.events.sentences import QUOTE_PAIRS, ByStart, quoted_spans
from timeline.events.titles import (
    ASIDES,
    DOUBLED_COMMA,
    LOWER_AFTER_OPENING,
    MARK_BEFORE_CLOSING,
    MARKUP,
    REPORTEDLY,
    SPACE_AFTER_OPENING,
    SPACE_BEFORE_MARK,
    _tidy,
)
from timeline.lexicon import Lexicon
from timeline.model import STATUSES, Event, Source
from timeline.query import Filters, build_predicates, select
from timeline.render.layout import CONTROL, literal
from timeline.render.markdown import escape, plain_escape
from timeline.render.plain import wrap

SHIPPED = Lexicon.load()


def pieces(words: list[str], size: int = 40) -> st.SearchStrategy[str]:
    """Text made of the given pieces, in any order and number."""
    return st.lists(st.sampled_from(words), max_size=size).map("".join)


# --- where a date rule may start -----------------------------------------------------

DATE_PIECES = [
    " ", "  ", "\n", "\n\n", ",", ".", "-", "(", ")", "'", "’", "$", "£", "©", "+", "§", "@",
    "_", "5", "12", "2023", "1,000", "3.5", "the", "The", "THE", "a", "an", "at", "that",
    "next", "last", "day", "week", "May", "may", "March", "Friday", "ago", "from", "to",
    "between", "early", "mid", "Q3", "x", "İ", "é", "ı", "summer", "past", "following",
]  # fmt: skip


def plain_triggers(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """The trigger pattern run as written, on a lower-cased copy or, failing that, the text."""
    before = max(0, start - 1)
    lowered = text[before:end].lower()
    if len(lowered) == end - before:
        found = TRIGGER_LOWER.finditer(lowered, start - before)
        return [(trigger.start() + before, trigger.group()) for trigger in found]
    return [
        (trigger.start(), trigger.group().lower()) for trigger in TRIGGER.finditer(text, start, end)
    ]


@settings(max_examples=300, deadline=None)
@given(pieces(DATE_PIECES), st.data())
def test_triggers_found_from_gaps_are_those_of_the_trigger_pattern(text: str, data) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert list(_triggers(text, start, end)) == plain_triggers(text, start, end)


# --- word alternations shaped as tries ------------------------------------------------

WORD_LISTS = [
    list(date_words.MONTHS), list(date_words.WEEKDAYS), list(date_words.WEEKDAY_ABBREVIATIONS),
    list(date_words.SEASONS), list(date_words.NUMBER_WORDS), list(date_words.CENTURY_ORDINALS),
    list(date_words.DECADE_WORDS), list(date_words.QUANTITY_MODS), list(date_words.HOLIDAYS),
    list(LABEL_WORDS),
]  # fmt: skip


def flat_alternation(words: list[str]) -> str:
    """Every word in turn, longest first, a space matching any run of white space."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


def word_pieces(words: list[str]) -> list[str]:
    """The words, their halves and a few joints: text where several words fit one place."""
    halves = [word[: len(word) // 2] for word in words] + [word[len(word) // 2 :] for word in words]
    return [*words, *[word.upper() for word in words[:5]], *halves, " ", "  ", "\n", "s", "'s", "-"]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(WORD_LISTS), st.data())
def test_a_word_alternation_matches_as_its_words_longest_first(words: list[str], data) -> None:
    text = data.draw(pieces(word_pieces(words), 12))
    for tail in (r"(?P<tail>[\w' ]{0,4})", r"(?P<tail>)(?![a-z])", r"(?P<tail>\s+day|s)"):
        trie = re.compile(rf"(?:{alternation(words)}){tail}", FLAGS)
        flat = re.compile(rf"(?:{flat_alternation(words)}){tail}", FLAGS)
        for position in range(len(text) + 1):
            found, expected = trie.match(text, position), flat.match(text, position)
            assert (found and (found.span(), found["tail"])) == (
                expected and (expected.span(), expected["tail"])
            )


# --- all-digit dates in a page ---------------------------------------------------------

NUMERIC_PIECES = ["1", "12", "2024", "-", "/", ".", " ", "a", "_", "x1", "٣", "\n"]
PLAIN_NUMERIC_DATE = re.compile(
    r"\b(?:\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})\b"
)


@settings(max_examples=500, deadline=None)
@given(pieces(NUMERIC_PIECES, 20))
def test_numeric_dates_found_from_a_digit_are_those_of_the_plain_pattern(text: str) -> None:
    found = [match.span() for match in NUMERIC_DATE.finditer(text)]
    assert found == [match.span() for match in PLAIN_NUMERIC_DATE.finditer(text)]


# --- where a sentence starts ----------------------------------------------------------

SENTENCE_PIECES = [
    ". ", "! ", "? ", ".\" ", "\n", " ", "Oct. ", "U.S. ", "Mr. ", "e.g. ", "He ", "said",
    "3", "A", "(", "“", "”", "the talks",
]  # fmt: skip


PLAIN_SENTENCE_BREAK = re.compile(r"[.!?]+[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n")


def plain_last_break_end(text: str, lo: int, start: int) -> int:
    """Every sentence break in turn, the last that ends no abbreviation kept."""
    found = lo
    for match in PLAIN_SENTENCE_BREAK.finditer(text, lo, start):
        if not _after_abbreviation(text, lo, match.start()):
            found = match.end()
    return found


@settings(max_examples=400, deadline=None)
@given(pieces(SENTENCE_PIECES, 30), st.data())
def test_a_sentence_start_found_from_the_nearest_break_is_that_of_every_break(
    text: str, data
) -> None:
    lo = data.draw(st.integers(0, len(text)))
    start = data.draw(st.integers(lo, len(text)))
    assert _last_break_end(text, lo, start) == plain_last_break_end(text, lo, start)
    breaks = [match.span() for match in _SENTENCE_BREAK.finditer(text, lo, start)]
    assert breaks == [match.span() for match in PLAIN_SENTENCE_BREAK.finditer(text, lo, start)]


AIM_PIECES = [
    "set ", "the hearing ", "for ", "To ", "until ", "till ", "by ", "BY", "the end of ",
    "early ", "mid-", "of", "postponed ", "urged ", "wanted ", "x. ", " ", "  \n", "\n",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(pieces(AIM_PIECES, 10), st.data())
def test_an_aim_ruled_out_by_its_last_word_is_one_the_search_finds_none(text: str, data) -> None:
    lo = data.draw(st.integers(0, len(text)))
    start = data.draw(st.integers(lo, len(text)))
    assert _aimed_at(text, lo, start) == (_AIMED_AT.search(text, lo, start) is not None)


# --- a page's scan serving its blocks ------------------------------------------------

SCAN_PIECES = [
    *DATE_PIECES, '"', "“", "”", "?", "!", "*", "said", "later", "than", "more", "local", "time",
    "3 pm", "p.m.", "Nov.", "www.example.com", "#tag", "Smith", "et al.", "1990s", "years",
    "old", "about", "yesterday", "on", "of", "7",
]  # fmt: skip


def fresh_copy(text: str) -> str:
    """An equal string that is another object, so no earlier scan of `text` is reused."""
    return text.encode().decode()


@settings(max_examples=400, deadline=None)
@given(pieces(SCAN_PIECES, 60), st.data())
def test_blocks_scanned_after_their_page_find_what_they_find_alone(text: str, data) -> None:
    cuts = data.draw(st.lists(st.integers(0, len(text)), max_size=4))
    blocks = list(pairwise([0, *sorted(cuts), len(text)]))
    list(scan(text, 0, len(text)))
    after_page = [list(scan(text, start, end)) for start, end in blocks]
    alone = [list(scan(fresh_copy(text), start, end)) for start, end in blocks]
    assert after_page == alone


# The one negated class the rules use: white space other than a line break.
HORIZONTAL_SPACE = [(sre.NEGATE, None), (sre.CATEGORY, sre.CATEGORY_NOT_SPACE), (sre.LITERAL, 10)]


def consumed(tree: sre_parse.SubPattern) -> tuple[set[str], set[int]]:
    """The characters a parsed pattern can consume, and the classes (\\w, \\s, \\d) it can."""
    chars: set[str] = set()
    categories: set[int] = set()
    parts: list[sre_parse.SubPattern] = []
    for op, arg in tree:
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            parts.append(arg[2])
        elif op is sre.SUBPATTERN:
            parts.append(arg[-1])
        elif op is sre.BRANCH:
            parts.extend(arg[1])
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            parts.append(arg[1])
        elif op is sre.LITERAL:
            chars.add(chr(arg))
        elif op is sre.IN and arg == HORIZONTAL_SPACE:
            categories.add(sre.CATEGORY_SPACE)
        elif op is sre.IN:
            for kind, value in arg:
                assert kind in (sre.LITERAL, sre.RANGE, sre.CATEGORY), f"{kind} in {arg}"
                if kind is sre.LITERAL:
                    chars.add(chr(value))
                elif kind is sre.RANGE:
                    chars.update(map(chr, range(value[0], value[1] + 1)))
                else:
                    categories.add(value)
        else:
            assert op is sre.AT, f"{op} may read any character"
    for part in parts:
        more_chars, more_categories = consumed(part)
        chars |= more_chars
        categories |= more_categories
    return chars, categories


def test_no_rule_reads_an_unread_character() -> None:
    unread = re.compile(UNREAD)
    for source in [rule.source for rule in RULES] + [GATE.pattern]:
        chars, categories = consumed(sre_parse.parse(source, FLAGS))
        cased = {variant for char in chars for variant in (char, char.lower(), char.upper())}
        assert not [char for char in cased if unread.match(char)], source
        assert categories <= {sre.CATEGORY_WORD, sre.CATEGORY_SPACE, sre.CATEGORY_DIGIT}


# --- people introduced by a title ----------------------------------------------------

TITLE_WORDS = [
    "prime minister", "Minister", "of the Interior", "vice president", "secretary general",
    "chief", "the company's general counsel", "analyst", "Jane Roe", "Dana", "al-Thani",
    "Mr.", "bin", "said", "ı", "ſ",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", ", ", ",", "\n", ". ", "-", ""]
TITLE_TEXT = st.lists(
    st.tuples(st.sampled_from(SEPARATORS), st.sampled_from(TITLE_WORDS)), max_size=10
).map(lambda parts: "".join(separator + word for separator, word in parts))


@settings(max_examples=600, deadline=None)
@given(TITLE_TEXT, st.data())
def test_titled_matches_are_those_of_a_search_of_every_position(text: str, data) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    cast = Cast(text, [], SHIPPED)
    plain = [*TITLED.finditer(text, start, end), *APPOSITIVE.finditer(text, start, end)]
    fast = cast._titled_matches(start, end)
    assert [(m.re, m.span(), m.groupdict()) for m in fast] == [
        (m.re, m.span(), m.groupdict()) for m in plain
    ]


@settings(max_examples=500)
@given(st.from_regex(rf"(?i:{OFFICIAL_TITLES}|{COMMENTATOR_TITLES})", fullmatch=True))
def test_every_title_starts_where_the_title_hint_looks(title: str) -> None:
    if not any(odd in title for odd in CASE_ODDITIES):
        assert ROLE_START.match(title.lower())


@pytest.mark.parametrize(
    "title",
    [
        "deputy prime minister",
        "Vice President",
        "special envoy",
        "general counsel",
        "National Security Adviser",
        "crown prince",
        "attorney general",
        "chief executive",
        "press secretary",
        "Defence Minister",
        "Secretary-General",
        "spokeswoman",
        "congresswoman",
        "chairman",
        "Gen.",
        "Rep.",
        "Prof.",
        "Minister of the Interior",
    ],
)
def test_titles_led_by_an_optional_word_start_where_the_hint_looks(title: str) -> None:
    assert TITLED.match(title + " Jane Roe")
    assert ROLE_START.match(title.lower())


def test_a_title_inside_a_longer_title_is_tried() -> None:
    text = "The prime minister of the Interior Jane Roe spoke."
    found = Cast(text, [], SHIPPED)._titled_matches(0, len(text))
    assert [m.group() for m in found] == ["minister of the Interior Jane Roe"]


# --- words, quotations and titles ------------------------------------------------------

TEXT_PIECES = [
    " ", "  ", "\n", "\t", ",", ".", ";", "'", "’", '"', "“", "”", "‘", "(", ")", "[", "]",
    "*", "_", "__", "http://x.org", "word", "Word", "attack", "é", "1", "reportedly",
    "REPORTEDLY", "the", "a", ":", "!", "?", "—",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(pieces(TEXT_PIECES, 20))
def test_head_words_are_those_of_a_search_from_the_start(words: str) -> None:
    plain, fast = HEAD_WORDS.search(words), _head_words(words)
    assert (plain and (plain.span(), plain.groups())) == (fast and (fast.span(), fast.groups()))


def plain_quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quotations found by looking at every character in turn."""
    spans, position = [], start
    while position < end:
        char = text[position]
        closer = QUOTE_PAIRS.get(char)
        if closer and (char != "‘" or position == start or not text[position - 1].isalnum()):
            close = text.find(closer, position + 1, end)
            if close != -1:
                spans.append((position, close + 1))
                position = close + 1
                continue
        position += 1
    return spans


@settings(max_examples=300, deadline=None)
@given(pieces(TEXT_PIECES), st.data())
def test_quoted_spans_are_those_of_a_look_at_every_character(text: str, data) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert list(quoted_spans(text, start, end)) == plain_quoted_spans(text, start, end)


def plain_tidy(title: str) -> str:
    """Every clean-up pattern run whatever the title holds."""
    title = MARKUP.sub("", ASIDES.sub("", REPORTEDLY.sub("", title)))
    title = " ".join(title.split())
    title = SPACE_BEFORE_MARK.sub(r"\1", title)
    title = SPACE_AFTER_OPENING.sub(r"\1", title)
    title = DOUBLED_COMMA.sub("", title)
    if title.endswith("”") and "“" not in title:
        title = title[:-1]
    title = MARK_BEFORE_CLOSING.sub("", title)
    title = LOWER_AFTER_OPENING.sub(lambda m: m.group(1) + m.group(2).upper(), title)
    return title.strip(" ,;:–—-")


@settings(max_examples=300, deadline=None)
@given(pieces(TEXT_PIECES))
def test_tidy_titles_are_those_of_every_pattern_run(title: str) -> None:
    assert _tidy(title) == plain_tidy(title)


@settings(max_examples=300, deadline=None)
@given(pieces(["ab", "a", "b", "abc", " ", "[x](y)", "[", "](", ")", "**", "-"], 30))
def test_line_words_and_repeats_are_those_of_the_plain_patterns(raw: str) -> None:
    line = Line(0, len(raw), len(raw), raw, 0)
    assert link_texts(raw) == MD_LINK.sub(r"\1", raw)
    match = SELF_REPEAT.match(line.words) if len(line.words) <= REPEAT_LENGTH else None
    assert self_repeat_unit(line) == (match[1].strip() if match else None)


@given(st.lists(st.integers(0, 50), max_size=30), st.integers(0, 60), st.integers(0, 60))
def test_items_starting_in_a_span_are_those_a_filter_keeps(starts, low, high) -> None:
    items = [Line(start, start, start, "", 0) for start in starts]
    found = ByStart(items).starting_in((low, high))
    kept = sorted((item for item in items if low <= item.start < high), key=lambda i: i.start)
    assert [id(item) for item in found] == [id(item) for item in kept]


# --- markdown escaping ---------------------------------------------------------------

ESCAPE_PIECES = [
    " ", "  ", "\t", "\n", "\r\n", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0", "\u2028",
    "\u3000", "\x00", "\x07", "\x1b", "\x7f", "\x9f", "\\", "`", "*", "_", "{", "}", "[", "]",
    "<", ">", "(", ")", "#", "+", "!", "|", "~", "&", "$", "-", ".", "word", "Wörd", "“q”",
    "ſ", "İ", "\U0001f600",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(pieces(ESCAPE_PIECES))
def test_markdown_escape_is_that_of_its_rules_run_one_after_another(text: str) -> None:
    assert escape(text) == plain_escape(text)


@given(st.text())
def test_markdown_escape_of_any_text_is_that_of_its_rules(text: str) -> None:
    assert escape(text) == plain_escape(text)


# --- a re-run that reads nothing ---------------------------------------------------------


def test_the_documents_alone_are_those_of_the_whole_store(tmp_path, fixture_store) -> None:
    from timeline import store as event_store

    cold = event_store.load_documents(fixture_store)
    warm = event_store.load_documents(fixture_store)
    whole = event_store.load(fixture_store)
    assert cold == warm == (whole.documents, len(whole.events))
    assert event_store.load_documents(tmp_path / "none.yaml") == ([], 0)


def test_a_merge_of_nothing_with_nothing_gone_changes_nothing(tmp_path, fixture_store) -> None:
    from timeline import pipeline
    from timeline import store as event_store
    from timeline.merge import merge_extraction

    store = event_store.load(fixture_store)
    for document in store.documents:
        (tmp_path / document.path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / document.path).write_text("kept\n")
    assert not pipeline.documents_gone(store.documents, tmp_path)
    before = event_store.dumps(store)
    report = pipeline.extract_report(merge_extraction(store, [], [], tmp_path))
    assert report == pipeline.ExtractReport(events=len(store.events))
    assert event_store.dumps(store) == before
    (tmp_path / store.documents[0].path).unlink()
    assert pipeline.documents_gone(store.documents, tmp_path)


# --- plain text wrapping -----------------------------------------------------------------

WRAP_PIECES = [
    " ", "  ", "\t", "\n", "\r", "\x0b", "\x0c", "\xa0", "\u2003", "-", "—", "•", "word",
    "Wörd", "a", "longerwordthanmost", "x" * 45, ".", ",", "“", "”",
]  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(pieces(WRAP_PIECES, 30), st.integers(40, 100), st.integers(0, 10), st.integers(0, 12))
def test_a_line_is_wrapped_as_textwrap_wraps_it(text: str, width, indent, hang) -> None:
    expected = textwrap.fill(
        text,
        width=width,
        initial_indent=" " * indent,
        subsequent_indent=" " * hang,
        break_on_hyphens=False,
    )
    assert wrap(text, width, indent, hang) == expected


@given(st.text())
def test_literal_text_is_that_of_the_control_pattern_run_on_it(text: str) -> None:
    assert literal(text) == CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


# --- filters -----------------------------------------------------------------------------

NAMES = ["Ana", "Bo", "Cy"]
EVENTS = st.lists(
    st.builds(
        lambda number, status, actors, topics: Event(
            f"e{number}", "2024-03-0" + str(number % 9 + 1), "day", f"Title {number}",
            actors, topics, [Source("d", "2024-03-01", "Friday", f"quote {number}", 0)],
            status,
        ),
        st.integers(0, 99), st.sampled_from(STATUSES), st.lists(st.sampled_from(NAMES)),
        st.lists(st.sampled_from(NAMES)),
    ),
    max_size=20,
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(EVENTS, st.booleans(), st.lists(st.sampled_from(NAMES), max_size=2), st.booleans())
def test_selected_events_are_those_passing_every_test(events, rejected, actors, search) -> None:
    present = {name for event in events for name in event.actors}
    filters = Filters(
        actors=[a for a in actors if a in present],
        search="1" if search else None,
        since="2024-03-03" if search else None,
        include_rejected=rejected,
    )
    tests = build_predicates(filters, events, None)
    plain = [event for event in events if all(test(event) for test in tests)]
    assert [id(e) for e in select(events, filters)] == [id(e) for e in plain]
