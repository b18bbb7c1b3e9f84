"""The store contract: safe loading, validation, deterministic and atomic saving."""

from __future__ import annotations

import json
import os
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import store as event_store
from timeline.cache import cache_path, file_stamp, legacy_cache_path
from timeline.errors import StoreInvalid, StoreLocked, StoreNotFound
from timeline.model import DocumentRecord, Event, Source, Store

DATA = Path(__file__).parent / "data"


def test_fixture_store_loads_with_every_field(fixture_store: Path) -> None:
    store = event_store.load(fixture_store)
    assert [d.id for d in store.documents] == ["harbor-01", "harbor-02"]
    conflict = next(e for e in store.events if e.id == "c3d4e5f6a7")
    assert conflict.conflict and len(conflict.sources) == 3
    assert next(e for e in store.events if e.id == "d4e5f6a7b8").edited == ["title"]
    assert next(e for e in store.events if e.id == "0a1b2c3d4e").added_by_hand


def test_saving_a_loaded_store_twice_gives_the_same_bytes(fixture_store: Path) -> None:
    store = event_store.load(fixture_store)
    event_store.save(store, fixture_store)
    first = fixture_store.read_bytes()
    event_store.save(event_store.load(fixture_store), fixture_store)
    assert fixture_store.read_bytes() == first


def test_events_are_written_by_date_then_id_with_coarse_dates_first() -> None:
    events = [
        Event("zz", "2024-03-02", "day", "b", sources=[]),
        Event("aa", "2024-03-02", "day", "a", sources=[]),
        Event("mm", "2024-03", "month", "c", sources=[]),
        Event("yy", "2024", "year", "d", sources=[]),
    ]
    assert [e.id for e in event_store.sort_events(events)] == ["yy", "mm", "aa", "zz"]


def test_written_store_is_block_style_with_unicode_and_inline_names(tmp_path: Path) -> None:
    store = Store(
        documents=[DocumentRecord("d", "d.txt", "0" * 64, "Tël", "2024-01-02", "byline")],
        events=[
            Event(
                "e1",
                "2024-01-01",
                "day",
                "Crème brûlée summit",
                ["Ana", "Bo"],
                ["food"],
                [Source("d", "2024-01-01", "on Monday", "“Quoted” words " * 10, 3)],
            )
        ],
    )
    text = event_store.dumps(store)
    assert "actors: [Ana, Bo]" in text
    assert "Crème brûlée" in text and "“Quoted”" in text
    assert max(len(line) for line in text.splitlines()) <= 100
    assert "published: '2024-01-02'" in text


def test_missing_store_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(StoreNotFound, match="timeline extract"):
        event_store.load(tmp_path / "events.yaml")


def test_malformed_yaml_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text("version: 1\nevents:\n  - id: x\n   date: [\n")
    with pytest.raises(StoreInvalid) as caught:
        event_store.load(path)
    assert str(path) + ":4:" in caught.value.message


def test_unsafe_yaml_tags_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text("version: 1\nevents: !!python/object/apply:os.system ['echo hacked']\n")
    with pytest.raises(StoreInvalid, match="not valid YAML"):
        event_store.load(path)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (("date", None), "has no date"),
        (("precision", "fortnight"), "unknown precision 'fortnight'"),
        (("date", "2024-03"), "of month form but precision 'day'"),
        (("date", "2024-02-30"), "not a real date"),
        (("status", "maybe"), "unknown status 'maybe'"),
        (("sources", []), "no sources and is not marked added_by_hand"),
        (("actors", "Port Authority"), "actors that is not a list"),
    ],
)
def test_contract_breaches_are_each_listed_with_the_event_id(
    fixture_store: Path, change: tuple[str, object], problem: str
) -> None:
    data = yaml.safe_load(fixture_store.read_text())
    key, value = change
    data["events"][2][key] = value
    problems = event_store.validate(data)
    assert any(p.startswith("event c3d4e5f6a7") and problem in p for p in problems), problems


def test_a_source_date_that_is_not_a_real_day_is_refused(fixture_store: Path) -> None:
    data = yaml.safe_load(fixture_store.read_text())
    data["events"][2]["sources"][0]["date"] = "2024-02-30"
    problems = event_store.validate(data)
    assert problems == ["event c3d4e5f6a7: source 1 has date '2024-02-30' that is not a real date"]


def test_several_problems_are_all_reported(fixture_store: Path) -> None:
    data = yaml.safe_load(fixture_store.read_text())
    data["events"][0]["precision"] = "hour"
    data["events"][1]["id"] = data["events"][0]["id"]
    data["events"][4]["sources"][0]["document"] = "nowhere"
    problems = event_store.validate(data)
    assert len(problems) == 3
    assert any("unknown document 'nowhere'" in p for p in problems)
    assert any("id used twice" in p for p in problems)


def test_hand_written_unquoted_dates_are_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(
        "version: 1\ndocuments: []\nevents:\n- id: x\n  date: 2024-03-04\n  precision: day\n"
        "  title: Added\n  added_by_hand: true\n- id: y\n  date: 2024\n  precision: year\n"
        "  title: Year\n  added_by_hand: true\n"
    )
    store = event_store.load(path)
    assert sorted(e.date for e in store.events) == ["2024", "2024-03-04"]


def test_an_interrupted_write_leaves_the_store_intact(
    fixture_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = fixture_store.read_bytes()
    store = event_store.load(fixture_store)
    store.events = store.events[:1]

    def crash(*args: object) -> None:
        raise OSError("disk pulled out")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        event_store.save(store, fixture_store)
    assert fixture_store.read_bytes() == before
    cache = cache_path(fixture_store)
    left = [p.name for p in fixture_store.parent.iterdir() if p != cache]
    assert left == ["events.yaml"]


def test_a_second_writer_waits_then_gives_up(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with event_store.locked(path):
            held.set()
            release.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(5)
    try:
        with pytest.raises(StoreLocked, match="another timeline process"):
            with event_store.locked(path, wait=0.3):
                pass
    finally:
        release.set()
        holder.join()
    with event_store.locked(path, wait=0.3):
        pass


# --- round trip over generated stores -------------------------------------------------

names = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30
).filter(lambda s: s.strip() == s and s)
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300)
days = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@st.composite
def dated(draw: st.DrawFn) -> tuple[str, str]:
    day = draw(days)
    precision = draw(st.sampled_from(["day", "week", "month", "year"]))
    if precision == "day":
        return day.isoformat(), precision
    if precision == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}", precision
    if precision == "month":
        return day.strftime("%Y-%m"), precision
    return str(day.year), precision


@st.composite
def stores(draw: st.DrawFn) -> Store:
    doc_ids = draw(st.lists(names, min_size=1, max_size=3, unique=True))
    documents = [
        DocumentRecord(i, f"docs/{i}.txt", "a" * 64, draw(texts), None, "unknown") for i in doc_ids
    ]
    events = []
    for number in range(draw(st.integers(0, 5))):
        value, precision = draw(dated())
        by_hand = draw(st.booleans())
        sources = [
            Source(
                draw(st.sampled_from(doc_ids)),
                value,
                draw(names),
                draw(texts),
                draw(st.integers(0, 10**6)),
            )
            for _ in range(0 if by_hand else draw(st.integers(1, 3)))
        ]
        events.append(
            Event(
                id=f"ev{number}",
                date=value,
                precision=precision,
                title=draw(texts.filter(str.strip)),
                actors=draw(st.lists(names, max_size=3)),
                topics=draw(st.lists(names, max_size=2)),
                sources=sources,
                status=draw(st.sampled_from(["extracted", "confirmed", "edited", "rejected"])),
                conflict=draw(st.booleans()),
                added_by_hand=by_hand,
            )
        )
    return Store(documents=documents, events=events)


@settings(max_examples=150, deadline=None)
@given(stores())
def test_round_trip_keeps_every_event_and_the_same_bytes(store: Store) -> None:
    text = event_store.dumps(store)
    loaded = event_store.parse(text, Path("events.yaml"))
    assert sorted(loaded.events, key=lambda e: e.id) == sorted(store.events, key=lambda e: e.id)
    assert sorted(loaded.documents, key=lambda d: d.id) == sorted(
        store.documents, key=lambda d: d.id
    )
    assert event_store.dumps(loaded) == text


@settings(max_examples=60, deadline=None)
@given(stores(), st.integers(min_value=1, max_value=3))
def test_events_dumped_a_few_at_a_time_give_the_text_of_one_dump(
    store: Store, per_dump: int
) -> None:
    whole = event_store.dumps(store)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(event_store, "EVENTS_PER_DUMP", per_dump)
        assert event_store.dumps(store) == whole
        assert event_store.dumps_events(store.events) == yaml_of_events(store.events)


def yaml_of_events(events: list[Event]) -> str:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(event_store, "EVENTS_PER_DUMP", 10**9)
        return event_store.dumps_events(events)


def test_week_dates_span_monday_to_sunday() -> None:
    from timeline.model import date_span

    start, end = date_span("2023-W42", "week")
    assert start == date(2023, 10, 16) and end - start == timedelta(days=6)


def test_the_parsed_copy_is_used_only_while_the_file_is_unchanged(fixture_store: Path) -> None:
    first = event_store.load(fixture_store)
    assert cache_path(fixture_store).is_file()
    assert event_store.load(fixture_store) == first
    text = fixture_store.read_text().replace("Port authority hires mediator", "Edited by hand")
    fixture_store.write_text(text + "\n")
    assert any(e.title == "Edited by hand" for e in event_store.load(fixture_store).events)
    fixture_store.write_text("version: 1\nevents: [\n")
    with pytest.raises(StoreInvalid):
        event_store.load(fixture_store)


def test_a_file_put_back_with_its_old_size_and_time_is_read_again(fixture_store: Path) -> None:
    event_store.load(fixture_store)
    before = fixture_store.stat()
    text = fixture_store.read_text()
    same_size = text.replace("Port authority hires mediator", "Port authority hires MEDIATOR")
    assert len(same_size) == len(text)
    fixture_store.write_text(same_size)
    os.utime(fixture_store, ns=(before.st_atime_ns, before.st_mtime_ns))
    titles = {e.title for e in event_store.load(fixture_store).events}
    assert "Port authority hires MEDIATOR" in titles


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: b"{not json",
        lambda raw: raw[: len(raw) // 2],
        lambda raw: raw.replace(b"timeline-cache", b"timeline-cachf", 1),
        lambda raw: raw.replace(b"-marshal", b"-marshaX", 1),
        lambda raw: raw.split(b"\n", 1)[0] + b"\n" + b"\x00" * 64,
        lambda raw: raw.split(b"|", 1)[0] + b"|12 x\n",
        lambda raw: b"",
    ],
    ids=["garbage", "truncated", "other-format", "other-python", "zeros", "bad-sizes", "empty"],
)
def test_a_damaged_or_foreign_cache_is_ignored(fixture_store: Path, damage) -> None:
    expected = event_store.load(fixture_store)
    cache = cache_path(fixture_store)
    cache.write_bytes(damage(cache.read_bytes()))
    assert event_store.load(fixture_store) == expected
    assert event_store.load_with_json(fixture_store)[0] == expected


def test_a_cache_of_another_file_is_not_trusted(fixture_store: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text("version: 1\ndocuments: []\nevents: []\n")
    event_store.load(other)
    cache_path(other).replace(cache_path(fixture_store))
    assert len(event_store.load(fixture_store).events) == 7


def test_the_cache_follows_a_save_and_never_a_failed_one(fixture_store: Path) -> None:
    store = event_store.load(fixture_store)
    store.events[0].title = "Saved title"
    event_store.save(store, fixture_store)
    header = cache_path(fixture_store).read_bytes().split(b"|", 1)[0]
    assert " ".join(map(str, file_stamp(fixture_store.stat()))).encode() in header
    assert event_store.load(fixture_store).events[0].title == "Saved title"
    before = cache_path(fixture_store).read_bytes()
    store.events[0].title = ""
    with pytest.raises(StoreInvalid):
        event_store.save(store, fixture_store)
    assert cache_path(fixture_store).read_bytes() == before


def test_a_json_cache_of_earlier_versions_is_removed(fixture_store: Path) -> None:
    legacy_cache_path(fixture_store).write_text('{"stamp": [0, 0], "data": {}}')
    event_store.load(fixture_store)
    assert not legacy_cache_path(fixture_store).exists()
    assert cache_path(fixture_store).is_file()


def test_json_lines_are_those_of_the_events_as_loaded(fixture_store: Path) -> None:
    cold, lines = event_store.load_with_json(fixture_store)
    warm, cached = event_store.load_with_json(fixture_store)
    assert cold == warm and lines == cached
    assert lines == {
        e.id: json.dumps(event_store.event_to_dict(e), ensure_ascii=False) for e in warm.events
    }


def test_a_loaded_store_shares_no_list_with_another_load(fixture_store: Path) -> None:
    first = event_store.load(fixture_store)
    changed = next(e for e in first.events if e.id == "c3d4e5f6a7")
    changed.actors.append("Someone Else")
    changed.sources.clear()
    again = next(e for e in event_store.load(fixture_store).events if e.id == "c3d4e5f6a7")
    assert "Someone Else" not in again.actors
    assert len(again.sources) == 3


# --- saving again ------------------------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(
    edits=st.lists(st.tuples(st.integers(min_value=0), st.sampled_from(["title", "drop", "add"]))),
)
def test_saving_again_gives_the_bytes_of_a_fresh_write(edits: list) -> None:
    path = Path("again") / "events.yaml"
    store = event_store.load(Path(__file__).parent / "data" / "store.yaml")
    event_store.save(store, path)
    store = event_store.load(path)
    for number, (index, edit) in enumerate(edits):
        if not store.events:
            break
        event = store.events[index % len(store.events)]
        if edit == "title":
            event.title += " again"
        elif edit == "drop":
            store.events.remove(event)
        else:
            added = Event(f"new{number}", "2023-11-02", "day", "Talks resumed", added_by_hand=True)
            store.events.append(added)
    event_store.save(store, path)
    assert path.read_text(encoding="utf-8") == event_store.dumps(store)


def test_saving_again_writes_only_the_events_that_changed_and_never_reuses_hand_written_text(
    fixture_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    event_store.save(event_store.load(fixture_store), fixture_store)
    store = event_store.load(fixture_store)
    store.events[0].title = "A title of our own"
    written: list[int] = []
    dump = event_store._dump
    monkeypatch.setattr(event_store, "_dump", lambda data: written.append(len(data)) or dump(data))
    event_store.save(store, fixture_store)
    assert written[1:] == [1]
    hand_written = "# kept by hand\n" + fixture_store.read_text(encoding="utf-8")
    fixture_store.write_text(hand_written, encoding="utf-8")
    written.clear()
    event_store.save(event_store.load(fixture_store), fixture_store)
    assert written[1:] == [len(store.events)]
    assert fixture_store.read_text(encoding="utf-8") == event_store.dumps(store)
