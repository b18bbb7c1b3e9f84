"""One event per happening across documents; stable ids; curation kept by the merge."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.merge import StoreMerge, merge_extraction
from timeline.merge.mentions import (
    STOPWORDS,
    WORD,
    DateIndex,
    _dates_close,
    best_date,
    cluster,
    event_id,
    meaningful_words,
    same_happening,
)
from timeline.model import DocumentRecord, Event, Source, Store

PUBLISHED = {"a": date(2024, 3, 8), "b": date(2024, 3, 9), "c": date(2024, 4, 30)}


def mention(
    document: str,
    day: str,
    title: str,
    actors: list[str],
    topics: list[str],
    expression: str = "on Monday",
    quote: str | None = None,
) -> Event:
    precision = "day" if len(day) == 10 else "month"
    source = Source(document, day, expression, quote or title + ".", 10)
    return Event("", day, precision, title, actors, topics, [source])


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            mention(
                "a",
                "2024-03-04",
                "Dockworkers strike at the container port",
                ["Dockworkers Union"],
                ["labour"],
            ),
            mention(
                "b",
                "2024-03-04",
                "Port dockworkers go on strike",
                ["Dockworkers Union", "Port Authority"],
                ["labour", "strikes"],
            ),
        ),
        (
            mention("a", "2024-03-04", "Union signs wage deal with port", ["Union"], ["labour"]),
            mention(
                "b",
                "2024-03-05",
                "Union and port sign wage deal",
                ["Union"],
                ["trade"],
                expression="Tuesday",
            ),
        ),
        (
            mention(
                "a",
                "2024-03",
                "Minister visits flooded valley",
                ["Ministry"],
                ["disasters"],
                quote="In March the minister visited the flooded valley to meet farmers.",
            ),
            mention(
                "b",
                "2024-03",
                "Visit to the valley",
                ["Ministry"],
                ["disasters"],
                quote="The minister's March visit to the flooded valley angered farmers.",
            ),
        ),
    ],
    ids=["same-day-different-words", "a-day-apart", "same-month"],
)
def test_reports_of_one_happening_merge(first: Event, second: Event) -> None:
    assert same_happening(first, second)
    merged = [e for e, _ in cluster([first, second], PUBLISHED)]
    assert len(merged) == 1
    assert {s.document for s in merged[0].sources} == {"a", "b"}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            mention("a", "2024-03-04", "Mayor calls the union leader", ["Mayor"], ["labour"]),
            mention(
                "b",
                "2024-03-04",
                "Port issues a statement on shipping delays",
                ["Port Authority"],
                ["shipping"],
            ),
        ),
        (
            mention("a", "2024-03-04", "Union signs wage deal", ["Union"], ["labour"]),
            mention("b", "2024-03-20", "Union signs wage deal", ["Union"], ["labour"]),
        ),
        (
            mention("a", "2024-03-04", "Court hears the appeal", ["Supreme Court"], ["courts"]),
            mention(
                "a",
                "2024-03-04",
                "Court hears the appeal again",
                ["Supreme Court"],
                ["courts"],
                quote="Later the court heard the appeal again.",
            ),
        ),
        (
            mention("a", "2024-03-04", "Talks resume in Geneva", ["Iran"], ["diplomacy"]),
            mention("b", "2024-03-04", "Talks resume in Geneva", ["Sudan"], ["diplomacy"]),
        ),
    ],
    ids=["different-happenings-same-day", "weeks-apart", "same-document", "other-parties"],
)
def test_different_happenings_stay_apart(first: Event, second: Event) -> None:
    assert not same_happening(first, second)
    assert len(cluster([first, second], PUBLISHED)) == 2


def test_disagreeing_sources_make_one_conflicting_event_with_the_best_supported_date() -> None:
    early = mention(
        "a",
        "2024-03-01",
        "Hostages freed by the militia",
        ["Militia"],
        ["hostages"],
        expression="March 1",
    )
    relative = mention(
        "c",
        "2024-03-04",
        "Militia freed the hostages",
        ["Militia"],
        ["hostages"],
        expression="on Monday",
    )
    merged = [e for e, _ in cluster([early, relative], PUBLISHED)]
    assert len(merged) == 1
    event = merged[0]
    assert event.conflict
    assert event.date == "2024-03-01"
    assert {s.date for s in event.sources} == {"2024-03-01", "2024-03-04"}


def test_best_date_prefers_more_documents_then_explicit_then_closer_sources() -> None:
    def src(document: str, day: str, expression: str) -> Source:
        return Source(document, day, expression, "q", 0)

    assert (
        best_date(
            [
                src("a", "2024-03-01", "Friday"),
                src("b", "2024-03-02", "Saturday"),
                src("c", "2024-03-02", "Saturday"),
            ],
            PUBLISHED,
        )
        == "2024-03-02"
    )
    assert (
        best_date([src("a", "2024-03-01", "Friday"), src("b", "2024-03-02", "March 2")], PUBLISHED)
        == "2024-03-02"
    )
    assert (
        best_date([src("a", "2024-03-07", "March 7"), src("c", "2024-03-06", "March 6")], PUBLISHED)
        == "2024-03-07"
    )


def test_ids_come_from_what_is_cited_not_from_titles_or_offsets() -> None:
    one = mention("a", "2024-03-04", "Strike closes port", ["Union"], ["labour"])
    other = mention(
        "a", "2024-03-04", "A better title", ["Union"], ["labour"], quote=one.sources[0].quote
    )
    other.sources[0].offset = 999
    assert event_id(one.sources) == event_id(other.sources)


def records(*ids: str) -> list[DocumentRecord]:
    return [DocumentRecord(i, f"{i}.txt", "0" * 64, published=str(PUBLISHED[i])) for i in ids]


def test_unrelated_documents_leave_existing_ids_alone() -> None:
    store = Store()
    strike = mention("a", "2024-03-04", "Strike closes port", ["Union"], ["labour"])
    merge_extraction(store, records("a"), [strike])
    before = {e.id for e in store.events}
    storm = mention("c", "2024-04-28", "Storm hits the coast", ["Weather Office"], ["weather"])
    report = merge_extraction(store, records("c"), [storm])
    assert before <= {e.id for e in store.events}
    assert len(report.new) == 1


def test_a_new_report_of_a_known_happening_joins_it_and_keeps_its_id() -> None:
    store = Store()
    merge_extraction(
        store,
        records("a"),
        [mention("a", "2024-03-04", "Dockworkers strike at the port", ["Union"], ["labour"])],
    )
    (known,) = store.events
    report = merge_extraction(
        store,
        records("b"),
        [mention("b", "2024-03-04", "Port dockworkers strike", ["Union"], ["labour"])],
    )
    assert report.new == []
    assert [e.id for e in store.events] == [known.id]
    assert {s.document for s in store.events[0].sources} == {"a", "b"}


def test_reading_a_document_again_gives_what_one_merge_of_all_gives() -> None:
    def mentions_of_b() -> list[Event]:
        return [
            mention("b", "2024-03-05", "Dockworkers strike at the port", ["Union"], ["labour"]),
            mention(
                "b",
                "2024-03-06",
                "Port closed by the dockworkers' strike",
                ["Union"],
                ["labour"],
                quote="The port closed as dockworkers strike.",
            ),
        ]

    sure = mention("a", "2024-03-04", "Dockworkers strike", ["Union"], ["labour"])
    sure.confidence = 0.9
    once, twice = Store(), Store()
    merge_extraction(once, records("a", "b"), [sure, *mentions_of_b()])
    merge_extraction(twice, records("a", "b"), [sure, *mentions_of_b()])
    report = merge_extraction(twice, records("b"), mentions_of_b())
    assert report.new == []
    assert len(once.events) == len(twice.events) == 1
    assert twice.events[0].title == once.events[0].title == "Dockworkers strike"
    assert twice.events[0].sources == once.events[0].sources


def test_re_extraction_keeps_edits_rejections_and_hand_made_events() -> None:
    store = Store()
    strike = mention("a", "2024-03-04", "Strike closes port", ["Union"], ["labour"])
    talks = mention(
        "a", "2024-03-06", "Talks open", ["Mayor"], ["labour"], quote="Talks opened on Wednesday."
    )
    merge_extraction(store, records("a"), [strike, talks])
    by_title = {e.title: e for e in store.events}
    by_title["Strike closes port"].title = "Dockworkers close the port"
    by_title["Strike closes port"].edited = ["title"]
    by_title["Talks open"].status = "rejected"
    store.events.append(Event("hand1", "2024", "year", "Port founded", added_by_hand=True))
    again = [
        mention(
            "a",
            "2024-03-04",
            "Strike closes the port",
            ["Union"],
            ["labour"],
            quote=strike.sources[0].quote,
        ),
        mention(
            "a",
            "2024-03-06",
            "Talks opened",
            ["Mayor"],
            ["labour"],
            quote="Talks opened on Wednesday.",
        ),
    ]
    merge_extraction(store, records("a"), again)
    titles = {e.title: e for e in store.events}
    assert "Dockworkers close the port" in titles
    assert titles["Talks opened"].status == "rejected"
    assert "Port founded" in titles
    assert len(store.events) == 3


def test_a_chain_of_look_alikes_does_not_become_one_event() -> None:
    monday = mention("a", "2024-03-04", "Dockworkers strike at the port", ["Union"], ["labour"])
    wednesday = mention(
        "b", "2024-03-06", "Port dockworkers strike again", ["Union", "Port Authority"], ["labour"]
    )
    friday = mention(
        "c",
        "2024-03-08",
        "Port Authority says the strike goes on",
        ["Port Authority"],
        ["labour"],
        quote="The Port Authority said dockworkers strike again.",
    )
    assert same_happening(monday, wednesday) and same_happening(wednesday, friday)
    assert not same_happening(monday, friday)
    events = [e for e, _ in cluster([monday, wednesday, friday], PUBLISHED)]
    assert sorted(len(e.sources) for e in events) == [1, 2]


def test_folding_in_batches_equals_merging_each_batch_in_turn() -> None:
    batches = [
        (records("a"), [mention("a", "2024-03-04", "Strike closes port", ["Union"], ["labour"])]),
        (records("b"), [mention("b", "2024-03-04", "Port strike", ["Union"], ["labour"])]),
        (records("a"), [mention("a", "2024-03-05", "Strike closes port", ["Union"], ["labour"])]),
        (records("c"), [mention("c", "2024-04-28", "Storm hits", ["Weather Office"], ["weather"])]),
    ]
    folded, merged = Store(), Store()
    merge = StoreMerge(folded)
    for batch in batches:
        merge.fold(*batch)
        merge_extraction(merged, *batch)
    report = merge.finish()
    assert folded == merged
    assert (report.read, len(report.new), report.events) == (4, 2, 2)


DAYS = st.dates(min_value=date(2023, 12, 20), max_value=date(2024, 1, 10))


@st.composite
def dated(draw: st.DrawFn) -> Event:
    day = draw(DAYS)
    value, precision = draw(
        st.sampled_from(
            [(day.isoformat(), "day"), (day.isoformat()[:7], "month"), (str(day.year), "year")]
        )
    )
    return Event("", value, precision, "Strike")


@settings(max_examples=200, deadline=None)
@given(st.lists(dated(), min_size=1, max_size=12), dated())
def test_what_the_date_index_pairs_up_is_always_dated_close(
    filed: list[Event], probe: Event
) -> None:
    index = DateIndex()
    for event in filed:
        index.add(event)
    near = [e for e, _ in index.near(probe)]
    assert all(e.precision == probe.precision and _dates_close(e, probe) for e in near)


def test_two_happenings_of_one_sentence_keep_their_events_when_read_again() -> None:
    sentence = "On Monday the board approved the merger and the chief executive resigned."

    def both() -> list[Event]:
        return [
            mention(
                "a", "2024-03-04", "The board approved the merger", ["Board"], [], quote=sentence
            ),
            mention(
                "a", "2024-03-04", "The chief executive resigned", ["Board"], [], quote=sentence
            ),
        ]

    store = Store()
    merge_extraction(store, records("a"), both())
    before = sorted((e.id, e.title) for e in store.events)
    report = merge_extraction(store, records("a"), both()[::-1])
    assert (report.new, report.removed) == ([], [])
    assert sorted((e.id, e.title) for e in store.events) == before


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aehinorstST01 ,.'-é", max_size=60))
def test_meaningful_words_are_the_long_words_that_are_not_stopwords_in_the_singular(
    text: str,
) -> None:
    words = [w for w in WORD.findall(text.lower()) if len(w) > 2 and w not in STOPWORDS]
    expected = {w[:-1] if w.endswith("s") and len(w) > 4 else w for w in words}
    assert meaningful_words(text) == expected
