"""Dated mentions → events: fixtures of whole articles, and the rules one at a time."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.events import extract_events
from timeline.events.actors import Cast
from timeline.events.attribution import attribution_spans
from timeline.events.titles import date_words, fit, make_title
from timeline.lexicon import Lexicon
from timeline.model import Block, Document, Event

FIXTURES = Path(__file__).parent / "data" / "events"
PUBLISHED = date(2024, 3, 8)  # a Friday
SHIPPED = Lexicon.load()


@pytest.fixture
def lexicon() -> Lexicon:
    return SHIPPED


def document(text: str, published: date = PUBLISHED, blocks: list[Block] | None = None) -> Document:
    """A document of article text, all of it body unless blocks say otherwise."""
    return Document(
        id="doc",
        path="doc.txt",
        text=text,
        sha256="0" * 64,
        published=published,
        blocks=blocks if blocks is not None else [Block(0, len(text), "body")],
    )


def fixture_document(spec: dict) -> Document:
    """The document a fixture describes: its blocks joined by blank lines."""
    text, blocks = "", []
    for block in spec["blocks"]:
        start = len(text)
        text += block["text"].strip("\n")
        blocks.append(Block(start, len(text), block["kind"], block.get("reference")))
        text += "\n\n"
    return document(text, spec["published"], blocks)


def as_text(value: object) -> str:
    """A YAML date or number as the string the store writes."""
    return value.isoformat() if isinstance(value, date) else str(value)


def matching(events: list[Event], expected: dict) -> list[Event]:
    """The extracted events with the expected date whose titles hold the expected words."""
    return [
        e
        for e in events
        if e.date == as_text(expected["date"])
        and e.precision == expected["precision"]
        and all(w.lower() in e.title.lower() for w in expected["title_words"])
    ]


FIXTURE_FILES = sorted(FIXTURES.glob("*.yaml"))


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=[p.stem for p in FIXTURE_FILES])
def test_fixture_articles(path: Path, lexicon: Lexicon) -> None:
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    events = extract_events(fixture_document(spec), lexicon)
    summary = "\n".join(f"{e.date} {e.title} {e.actors}" for e in events)
    for expected in spec["events"]:
        found = matching(events, expected)
        assert len(found) == 1, f"{expected}\nextracted:\n{summary}"
        event = found[0]
        assert set(expected.get("actors", [])) <= set(event.actors), event
        assert not set(expected.get("not_actors", [])) & set(event.actors), event
        assert set(expected.get("topics", [])) <= set(event.topics), event
        assert event.qualifier == expected.get("qualifier", event.qualifier)
        if "sources" in expected:
            assert len(event.sources) == expected["sources"], event
        if "attribution" in expected:
            assert event.sources[0].attribution == expected["attribution"]
    assert len(events) == len(spec["events"]), summary
    for words in spec.get("non_events", []):
        assert not [s for e in events for s in e.sources if words in s.quote], words


def test_fixture_events_keep_the_contract(lexicon: Lexicon) -> None:
    for path in FIXTURE_FILES:
        source = fixture_document(yaml.safe_load(path.read_text(encoding="utf-8")))
        for event in extract_events(source, lexicon):
            assert event.id == "" and event.status == "extracted"
            assert 0 < event.confidence <= 1 and len(event.title) <= 101
            assert not event.title[:1].islower() and not event.title.endswith(".")
            assert event.actors == sorted(set(event.actors))
            for cited in event.sources:
                assert source.text[cited.offset : cited.offset + len(cited.quote)] == cited.quote
                assert cited.expression in source.text and cited.date == event.date


# ── which dated mentions are events ──────────────────────────────────────────


def titles(text: str, lexicon: Lexicon, published: date = PUBLISHED) -> list[tuple[str, str]]:
    return [(e.date, e.title) for e in extract_events(document(text, published), lexicon)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ministers signed the accord on March 5.",
            [("2024-03-05", "The ministers signed the accord")],
        ),
        (
            "On Tuesday, the council voted to lift the curfew.",
            [("2024-03-05", "The council voted to lift the curfew")],
        ),
        ("The union will strike in late April.", [("2024-04", "The union will strike")]),
        ("Prices have been rising since January.", []),
        ("The mayor has been in office since March 2021.", []),
        (
            "The company was founded in 1987 and grew quickly.",
            [("1987", "The company was founded and grew quickly")],
        ),
        (
            "The museum reopened in 2019 after a fire.",
            [("2019", "The museum reopened after a fire")],
        ),
        ("Egypt received aid between 1979 and 2003.", []),
        (
            "Troops have patrolled the area since the May 2 attack.",
            [("2023-05-02", "The May 2 attack")],
        ),
        ("The port has grown since its 2007 deal with Japan.", [("2007", "2007 deal with Japan")]),
        ("The weather on Monday was mild and grey.", []),
        ("A 4-year-old girl was among those rescued.", []),
        ("Talks lasted three days without a result.", []),
        (
            "The envoys will hold a new round in Oslo on May 2.",
            [("2024-05-02", "The envoys will hold a new round in Oslo")],
        ),
        ("The first round on Friday was close.", []),
        ("The new tariffs will apply from June 1.", [("2024-06-01", "The new tariffs will apply")]),
    ],
)
def test_event_test(text: str, expected: list, lexicon: Lexicon) -> None:
    assert titles(text, lexicon) == expected


def test_date_of_an_earlier_happening_makes_its_own_event(lexicon: Lexicon) -> None:
    text = "Aid deliveries resumed after the bombing of the bridge on March 1."
    assert titles(text, lexicon) == [("2024-03-01", "The bombing of the bridge")]


def test_noun_dated_by_its_date_when_the_verb_reports_nothing(lexicon: Lexicon) -> None:
    text = "Residents still recall the storm's sudden assault on February 20."
    assert titles(text, lexicon) == [("2024-02-20", "The storm's sudden assault")]


def test_relative_clause_dates_what_its_noun_did(lexicon: Lexicon) -> None:
    text = "The envoy, who visited Cairo on Tuesday, is now pressing for a second round."
    assert titles(text, lexicon) == [("2024-03-05", "The envoy visited Cairo")]


def test_date_of_an_undated_action_sentence_comes_from_the_one_before(lexicon: Lexicon) -> None:
    text = "By March 4, the minister had run out of patience. She called the ambassador."
    events = extract_events(document(text), lexicon)
    assert [(e.date, e.title) for e in events] == [("2024-03-04", "She called the ambassador")]
    assert events[0].sources[0].quote == text


def test_two_dated_clauses_make_two_events(lexicon: Lexicon) -> None:
    text = (
        "Officials said the pause could be extended – and the pause was extended "
        "by two days on Monday – but doubts remain."
    )
    assert titles(text, lexicon) == [("2024-03-04", "The pause was extended by two days")]


def test_two_dated_verbs_of_one_subject_make_two_events(lexicon: Lexicon) -> None:
    text = "The council met on Monday and voted on Tuesday to lift the curfew."
    assert titles(text, lexicon) == [
        ("2024-03-04", "The council met"),
        ("2024-03-05", "The council voted to lift the curfew"),
    ]


def test_gerunds_after_a_preposition_are_no_action(lexicon: Lexicon) -> None:
    text = "On Monday there was talk of negotiating and of signing something."
    assert titles(text, lexicon) == []


def test_a_quotation_dates_what_it_tells_and_the_saying_its_own_date(lexicon: Lexicon) -> None:
    text = '"We met them on Monday," the army spokesman told reporters on Thursday.'
    events = extract_events(document(text), lexicon)
    assert [(e.date, e.sources[0].expression, e.title) for e in events] == [
        ("2024-03-07", "Thursday", 'The army spokesman told reporters: "We met them"'),
        ("2024-03-04", "Monday", "We met them"),
    ]


# ── page furniture, summaries and posts ──────────────────────────────────────


def blocks_of(*parts: tuple[str, str, date | None]) -> Document:
    text, blocks = "", []
    for kind, words, reference in parts:
        blocks.append(Block(len(text), len(text) + len(words), kind, reference))
        text += words + "\n\n"
    return document(text, PUBLISHED, blocks)


def test_publication_lines_left_in_the_body_make_no_event(lexicon: Lexicon) -> None:
    text = "By Ana Ruiz | Published March 8, 2024 | Updated 4:12 p.m.\n\nUpdated March 8, 2024."
    assert titles(text, lexicon) == []


def test_furniture_never_makes_events(lexicon: Lexicon) -> None:
    source = blocks_of(
        ("byline", "By Ana Ruiz. Published March 8, 2024.", None),
        ("comment", "Reader42 March 8, 2024: they signed it on Monday, big deal.", None),
        ("ad", "Related: Ministers met on Tuesday to sign a new accord.", None),
        ("credit", "Photo taken on March 6 by the agency.", None),
        ("body", "The council approved the budget on Wednesday.", None),
    )
    events = extract_events(source, lexicon)
    assert [e.title for e in events] == ["The council approved the budget"]


def test_summary_adds_a_source_and_never_a_copy(lexicon: Lexicon) -> None:
    source = blocks_of(
        ("body", "The regulator fined the airline on Wednesday for late refunds.", None),
        ("faq", "What happened? The airline was fined by the regulator on Wednesday.", None),
        ("faq", "Did the airline appeal on Thursday? It filed an appeal on Thursday.", None),
    )
    events = extract_events(source, lexicon)
    assert len(events) == 1
    assert [s.offset for s in events[0].sources] == [0, source.blocks[1].start + 15]


def test_post_is_a_statement_dated_by_its_stamp(lexicon: Lexicon) -> None:
    source = blocks_of(
        ("body", "Officials reacted online.", None),
        (
            "post",
            "President Biden @POTUS\nI welcome the agreement reached by both sides.",
            date(2024, 3, 6),
        ),
        ("stamp", "President Biden on X, 1:25 PM · Mar 6, 2024", None),
    )
    [event] = extract_events(source, lexicon)
    assert (event.date, event.precision) == ("2024-03-06", "day")
    assert event.title == "Biden: I welcome the agreement reached by both sides"
    assert event.actors == ["Joe Biden", "United States"]
    assert event.sources[0].expression.endswith("Mar 6, 2024")
    assert event.sources[0].expression in source.text[source.blocks[2].start :]


def test_post_with_its_own_date_is_dated_by_it(lexicon: Lexicon) -> None:
    source = blocks_of(
        (
            "post",
            "Secretary Antony Blinken @SecBlinken\nI met Jordan's foreign minister yesterday.",
            date(2024, 3, 6),
        ),
        ("stamp", "Secretary Antony Blinken on X, 9:00 AM · Mar 6, 2024", None),
    )
    [event] = extract_events(source, lexicon)
    assert (event.date, event.title) == ("2024-03-05", "Blinken met Jordan's foreign minister")
    assert {"Antony Blinken", "Jordan", "United States"} <= set(event.actors)


# ── one happening, one event ─────────────────────────────────────────────────


def test_same_happening_twice_is_one_event_with_two_sources(lexicon: Lexicon) -> None:
    text = (
        "The rebels freed three aid workers on Tuesday, the ministry said. "
        "The minister spoke to the press about the harbour project. "
        "On March 5, the rebels released the three aid workers near the border."
    )
    [event] = extract_events(document(text), lexicon)
    assert event.date == "2024-03-05" and len(event.sources) == 2
    assert [s.expression for s in event.sources] == ["Tuesday", "March 5"]


def test_two_happenings_on_one_day_stay_two(lexicon: Lexicon) -> None:
    text = (
        "Qatar's emir called the Egyptian president on Tuesday. "
        "On Tuesday, protesters marched through the capital demanding early elections."
    )
    events = extract_events(document(text), lexicon)
    assert [e.date for e in events] == ["2024-03-05", "2024-03-05"]


def test_extraction_is_deterministic(lexicon: Lexicon) -> None:
    spec = yaml.safe_load((FIXTURES / "sudan_talks.yaml").read_text(encoding="utf-8"))
    first = [dataclasses.asdict(e) for e in extract_events(fixture_document(spec), lexicon)]
    second = [dataclasses.asdict(e) for e in extract_events(fixture_document(spec), Lexicon.load())]
    assert first == second and first


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_arbitrary_text_never_crashes(text: str) -> None:
    events = extract_events(document(text), SHIPPED)
    for event in events:
        assert event.sources and event.date


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "On Monday, ",
                "Hamas ",
                "released ",
                "two hostages ",
                "since March 1 ",
                "after the attack on Feb. 2 ",
                "he said, ",
                "“We agreed,” ",
                "in early March ",
                "– ",
                "the U.S. ",
                "according to Reuters, ",
                "called ",
                "Netanyahu",
                ". ",
                "\n\n",
                "last week ",
                "who met ",
                "(",
                ")",
                "on Friday",
            ]
        ),
        max_size=25,
    )
)
def test_news_like_fragments_never_crash(fragments: list[str]) -> None:
    text = "".join(fragments)
    source = document(text)
    for event in extract_events(source, SHIPPED):
        assert event.precision in ("day", "week", "month")
        for cited in event.sources:
            assert source.text[cited.offset :].startswith(cited.quote)


# ── actors ────────────────────────────────────────────────────────────────────


def cast_of(text: str, lexicon: Lexicon) -> Cast:
    return Cast(text, [(0, len(text))], lexicon)


def test_titled_people_and_their_surnames(lexicon: Lexicon) -> None:
    text = (
        "Italian Defence Minister Carla Benedetti spoke on Sunday. Later, Benedetti "
        "repeated it. Senior Hamas official Omar Khalil agreed. Ms. Benedetti left."
    )
    cast = cast_of(text, lexicon)
    assert cast.parties(0, len(text)) == ["Carla Benedetti", "Hamas", "Italy", "Omar Khalil"]
    benedetti = [m for m in cast.mentions if m.name == "Carla Benedetti"]
    assert [text[m.start : m.end] for m in benedetti] == [
        "Carla Benedetti",
        "Benedetti",
        "Ms. Benedetti",
    ]


def test_commentators_speak_for_no_one(lexicon: Lexicon) -> None:
    text = "Palestinian analyst Rana Haddad said the plan would fail."
    assert cast_of(text, lexicon).parties(0, len(text)) == ["Rana Haddad"]


def test_lexicon_people_bring_their_country(lexicon: Lexicon) -> None:
    text = "Sheikh Tamim bin Hamad Al Thani received Biden and the CIA chief."
    assert cast_of(text, lexicon).parties(0, len(text)) == [
        "CIA",
        "Joe Biden",
        "Qatar",
        "Tamim bin Hamad Al Thani",
        "United States",
    ]


def test_surname_of_a_lexicon_person_after_the_full_name(lexicon: Lexicon) -> None:
    text = "Lloyd Austin flew to Amman. Austin met the king. Austin, Texas, is far away."
    cast = cast_of(text, lexicon)
    assert [text[m.start : m.end] for m in cast.mentions if m.name == "Lloyd Austin"] == [
        "Lloyd Austin",
        "Austin",
        "Austin",
    ]
    assert cast_of("Austin is a city in Texas.", lexicon).mentions == []


def test_demonyms_of_bystanders_are_not_parties(lexicon: Lexicon) -> None:
    text = "Qatari mediators met Israeli officials while Egyptian media watched."
    assert cast_of(text, lexicon).parties(0, len(text)) == ["Israel", "Qatar"]


def test_a_capital_where_something_happens_is_a_place(lexicon: Lexicon) -> None:
    text = "Envoys met in Jakarta while Jakarta rejected the offer in Indonesia and the U.S."
    assert cast_of(text, lexicon).parties(0, len(text)) == ["Indonesia", "United States"]
    place = "Envoys met in Jakarta."
    assert cast_of(place, lexicon).parties(0, len(place)) == []


def test_outlets_are_attributions_not_actors(lexicon: Lexicon) -> None:
    text = (
        "The army withdrew from the town on Monday, according to Reuters and the Times of Israel."
    )
    [event] = extract_events(document(text), lexicon)
    assert event.actors == []
    assert event.sources[0].attribution == "Reuters"
    assert event.title == "The army withdrew from the town"


def test_person_quoted_about_a_happening_is_not_its_party(lexicon: Lexicon) -> None:
    text = "The ceasefire took effect on Sunday, UN envoy Tor Wennesland told reporters."
    [event] = extract_events(document(text), lexicon)
    assert event.actors == [] and event.title == "The ceasefire took effect"


def test_speaker_is_a_party_when_the_saying_is_dated(lexicon: Lexicon) -> None:
    text = "“The border stays open,” Jordan's foreign minister Ayman Safadi said on Sunday."
    [event] = extract_events(document(text), lexicon)
    assert event.actors == ["Ayman Safadi", "Jordan"]
    assert event.title == "Jordan's foreign minister Ayman Safadi said: “The border stays open”"


def test_go_betweens_are_parties_wherever_the_sentence_names_them(lexicon: Lexicon) -> None:
    text = (
        "On Tuesday the rebels freed three engineers, saying in a statement that "
        "“thanks to Omani mediation, our fighters released the captives.”"
    )
    [event] = extract_events(document(text), lexicon)
    assert "Oman" in event.actors
    assert cast_of("the Egyptian-brokered deal", lexicon).mediators(0, 26) == ["Egypt"]
    assert cast_of("a deal brokered by Norway", lexicon).mediators(0, 25) == ["Norway"]


def test_demonym_without_a_word_of_mediation_is_no_go_between(lexicon: Lexicon) -> None:
    text = "after Egyptian troops left, following Jordanian mediation"
    assert cast_of(text, lexicon).mediators(0, len(text)) == ["Jordan"]


def test_next_sentence_about_the_same_person_lends_its_topics(lexicon: Lexicon) -> None:
    text = (
        "On Monday, Blinken called the Jordanian foreign minister. "
        "Blinken insisted that the captives be freed first.\n\n"
        "Aid trucks waited at the border."
    )
    [event] = extract_events(document(text), lexicon)
    assert event.topics == ["diplomacy and negotiations", "hostages"]


def test_next_paragraph_lends_no_topics(lexicon: Lexicon) -> None:
    text = (
        "On Monday, Blinken called the Jordanian foreign minister.\n\nBlinken wants the captives."
    )
    [event] = extract_events(document(text), lexicon)
    assert "hostages" not in event.topics


def test_leading_pronoun_names_the_last_person(lexicon: Lexicon) -> None:
    text = "Netanyahu faced protests at home. On Monday, he met Gallant in Tel Aviv."
    [event] = extract_events(document(text), lexicon)
    assert event.title == "Netanyahu met Gallant in Tel Aviv"
    assert event.actors == ["Benjamin Netanyahu", "Israel", "Yoav Gallant"]


def test_attribution_spans() -> None:
    text = "The rebels released a journalist, citing his poor health, the group said."
    spans = attribution_spans(text, 0, len(text))
    assert [text[a:b] for a, b in spans] == [", citing his poor health,", "the group said"]


# ── titles ────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("sentence", "date_text", "subject", "expected"),
    [
        (
            "However, on March 2, the council approved the plan.",
            "March 2",
            None,
            "The council approved the plan",
        ),
        (
            "Meanwhile, the envoy arrived in Doha on Friday.",
            "Friday",
            None,
            "The envoy arrived in Doha",
        ),
        (
            "He called the mayor on Monday and asked for calm.",
            "Monday",
            "Ruiz",
            "Ruiz called the mayor and asked for calm",
        ),
        (
            "I spoke today with the Japanese minister.",
            "today",
            "Blinken",
            "Blinken spoke with the Japanese minister",
        ),
        (
            "I have asked Congress for more aid.",
            None,
            "Biden",
            "Biden has asked Congress for more aid",
        ),
        (
            "Nonetheless, the talks [held in Oslo] resumed on May 3.",
            "May 3",
            None,
            "The talks resumed",
        ),
        (
            "The firm *Acme* (a supplier) sued the city on June 1.",
            "June 1",
            None,
            "The firm Acme sued the city",
        ),
        (
            "The minister said “we will never accept a deal that leaves our people without "
            "water, fuel or medicine” on Monday.",
            "Monday",
            None,
            "The minister said “we will never accept a deal…”",
        ),
    ],
)
def test_titles(sentence: str, date_text: str | None, subject: str | None, expected: str) -> None:
    removals = []
    if date_text:
        start = sentence.index(date_text)
        removals.append(date_words(sentence, start, start + len(date_text)))
    assert make_title(sentence, (0, len(sentence)), removals, subject=subject) == expected


def test_long_titles_are_cut_at_a_boundary() -> None:
    title = (
        "The finance ministers of the region agreed to share customs data, a step that "
        "officials have sought for a decade without success"
    )
    assert fit(title) == "The finance ministers of the region agreed to share customs data"
    assert len(fit("word " * 40)) <= 100 and fit("word " * 40).endswith("…")
