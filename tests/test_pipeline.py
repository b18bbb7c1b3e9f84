"""The extraction run: bad input handled with one clear line, the store kept whole."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from timeline import pipeline
from timeline import store as event_store
from timeline.cli import app
from timeline.events import extract_events
from timeline.lexicon import Lexicon
from timeline.model import Document

LEXICON = Lexicon.load()

ARTICLES = Path(__file__).parent.parent / "benchmarks" / "articles"
SEEDS = Path(__file__).parent.parent / "seeds"
runner = CliRunner()


def run(*args: str) -> object:
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(ARTICLES / "trade_talks.txt", folder / "trade_talks.txt")
    return folder


def one_line_error(result: object, code: int, words: str) -> None:
    assert result.exit_code == code
    assert words in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_same_input_gives_the_same_bytes(docs: Path) -> None:
    run("extract", "docs")
    first = Path("events.yaml").read_bytes()
    run("extract", "docs", "--force")
    assert Path("events.yaml").read_bytes() == first


def test_a_path_that_does_not_exist(docs: Path) -> None:
    one_line_error(run("extract", "nowhere"), 3, "nowhere does not exist")
    assert not Path("events.yaml").exists()


def test_an_invalid_store_is_refused_and_left_as_it_was(docs: Path) -> None:
    Path("events.yaml").write_text("version: 1\nevents:\n- id: x\n  date: soon\n")
    before = Path("events.yaml").read_bytes()
    result = run("extract", "docs")
    assert result.exit_code == 1
    assert "3 problems" in result.stderr and "event x has no title" in result.stderr
    assert Path("events.yaml").read_bytes() == before


def test_unreadable_files_are_warnings_and_the_rest_is_read(docs: Path) -> None:
    (docs / "empty.txt").write_text("  \n")
    (docs / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (docs / "latin.txt").write_bytes(
        "Le ministre a sign\xe9 l'accord \xe0 Paris le 3 mars 2024.".encode("latin-1")
    )
    result = run("extract", "docs")
    assert result.exit_code == 0
    assert "empty.txt is empty" in result.stderr
    assert "binary.txt is a binary file" in result.stderr
    assert "latin: not valid UTF-8" in result.stderr
    ids = {d.id for d in event_store.load(Path("events.yaml")).documents}
    assert ids == {"trade_talks", "latin"}


def test_nothing_readable_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "junk"
    folder.mkdir()
    (folder / "binary.txt").write_bytes(b"\x00\x00")
    result = run("extract", "junk")
    assert result.exit_code == 3
    assert "no readable documents in junk: " in result.stderr
    assert "binary.txt is a binary file" in result.stderr
    assert not Path("events.yaml").exists()


def test_a_huge_file_is_skipped_with_a_message(docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    limit = (docs / "trade_talks.txt").stat().st_size
    monkeypatch.setattr(pipeline, "MAX_DOCUMENT_BYTES", limit)
    (docs / "huge.txt").write_text("On Monday the council met. " * (limit // 20))
    result = run("extract", "docs")
    assert "huge.txt skipped" in result.stderr
    assert "huge" not in {d.id for d in event_store.load(Path("events.yaml")).documents}


def test_a_symlink_loop_ends(docs: Path) -> None:
    (docs / "loop").symlink_to(docs, target_is_directory=True)
    result = run("extract", "docs")
    assert result.exit_code == 0
    assert len(event_store.load(Path("events.yaml")).documents) == 1


def test_a_folder_of_many_small_files(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(300):
        (folder / f"note-{number:03d}.txt").write_text(
            f"Council notes\n\nPublished March 3, 2024\n\nThe council approved budget item "
            f"{number} on Friday after a long debate.\n"
        )
    result = run("extract", "many", "--workers", "2")
    assert result.exit_code == 0, result.stderr
    assert "300 documents read" in result.stderr
    store = event_store.load(Path("events.yaml"))
    assert len(store.documents) == 300
    assert all(e.date == "2024-03-01" for e in store.events)


def test_workers_give_the_same_store_as_one_process(tmp_path: Path) -> None:
    shutil.copytree(ARTICLES, tmp_path / "articles")
    run("extract", "articles", "--workers", "1", "--store", "one.yaml")
    run("extract", "articles", "--workers", "3", "--store", "three.yaml")
    assert Path("one.yaml").read_bytes() == Path("three.yaml").read_bytes()


def test_a_run_folds_batches_as_runs_over_each_batch_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    names = sorted(p.name for p in Path("seeds").glob("*.txt"))
    run("extract", "seeds", "--store", "whole.yaml", "--workers", "1")
    for first in range(0, len(names), 2):
        pair = [f"seeds/{name}" for name in names[first : first + 2]]
        assert run("extract", *pair, "--store", "runs.yaml").exit_code == 0
    monkeypatch.setattr(pipeline, "FOLD_DOCUMENTS", 2)
    run("extract", "seeds", "--store", "batched.yaml", "--workers", "2")
    assert Path("batched.yaml").read_bytes() == Path("runs.yaml").read_bytes()
    assert len(event_store.load(Path("batched.yaml")).documents) == len(names)
    assert Path("whole.yaml").read_bytes() != Path("runs.yaml").read_bytes()


def test_merge_folds_its_lines_in_batches_as_extract_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.setattr(pipeline, "FOLD_DOCUMENTS", 2)
    assert run("extract", "seeds", "--store", "direct.yaml").exit_code == 0
    assert run("extract", "seeds", "--jsonl", "parts.jsonl").exit_code == 0
    assert run("merge", "parts.jsonl", "--store", "merged.yaml").exit_code == 0
    assert Path("merged.yaml").read_bytes() == Path("direct.yaml").read_bytes()


def test_results_come_a_batch_at_a_time_undated_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for day in (3, 5, 9, 11, 12):
        Path(f"dated-{day}.txt").write_text(
            f"Port news\n\nPublished March {day}, 2024\n\nThe port reopened on Monday.\n"
        )
    Path("a-undated.txt").write_text("Port news\n\nThe port closed again on Tuesday.\n")
    monkeypatch.setattr(pipeline, "FOLD_DOCUMENTS", 2)
    tasks = [pipeline.Task(path) for path in sorted(Path().glob("*.txt"))]
    batches = list(pipeline.extract_batches(tasks, Path.cwd(), [], workers=1))
    assert [[r.record.id for r in batch] for batch in batches] == [
        ["dated-11", "dated-12"],
        ["dated-3", "dated-5"],
        ["dated-9", "a-undated"],
    ]
    assert batches[-1][-1].record.published == "2024-03-09"


def test_jsonl_then_merge_equals_a_direct_extract(tmp_path: Path) -> None:
    shutil.copytree(ARTICLES, tmp_path / "articles")
    run("extract", "articles", "--store", "direct.yaml")
    assert run("extract", "articles", "--jsonl", "parts.jsonl").exit_code == 0
    lines = Path("parts.jsonl").read_text().splitlines()
    assert len(lines) == 4
    assert {json.loads(line)["document"]["id"] for line in lines} == {
        "court_verdict",
        "cyclone_relief",
        "ferry_merger",
        "trade_talks",
    }
    assert run("merge", "parts.jsonl", "--store", "merged.yaml").exit_code == 0
    assert Path("merged.yaml").read_bytes() == Path("direct.yaml").read_bytes()


def test_a_bad_jsonl_line_names_file_and_line(tmp_path: Path) -> None:
    Path("bad.jsonl").write_text('{"document": {}}\nnot json\n')
    one_line_error(run("merge", "bad.jsonl"), 3, "bad.jsonl:1: not a document result")


def test_a_jsonl_line_breaking_the_store_contract_is_refused(tmp_path: Path) -> None:
    shutil.copytree(ARTICLES, tmp_path / "articles")
    run("extract", "articles/court_verdict.txt", "--jsonl", "good.jsonl")
    line = json.loads(Path("good.jsonl").read_text())
    line["events"][0]["date"] = "2024-02-30"
    line["events"][0]["precision"] = "day"
    Path("bad.jsonl").write_text(Path("good.jsonl").read_text() + json.dumps(line) + "\n")
    one_line_error(run("merge", "bad.jsonl"), 3, "bad.jsonl:2: not a document result (event 1")
    assert "2024-02-30' that is not a real date" in run("merge", "bad.jsonl").stderr
    assert not Path("events.yaml").exists()


def test_undated_documents_get_the_median_of_the_others(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    for day in (3, 5, 9):
        (folder / f"dated-{day}.txt").write_text(
            f"Port news\n\nPublished March {day}, 2024\n\nThe port reopened on Monday.\n"
        )
    (folder / "undated.txt").write_text("Port news\n\nThe port closed again on Tuesday.\n")
    result = run("extract", "mixed")
    assert "undated: publication date 2024-03-05 is estimated" in result.stderr
    records = {d.id: d for d in event_store.load(Path("events.yaml")).documents}
    assert (records["undated"].published, records["undated"].published_from) == (
        "2024-03-05",
        "estimated",
    )


def test_many_undated_documents_are_read_again_by_a_pool(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    for day in (3, 5, 9):
        (folder / f"dated-{day}.txt").write_text(
            f"Port news\n\nPublished March {day}, 2024\n\nThe port reopened on Monday.\n"
        )
    for number in range(2 * pipeline.DOCUMENTS_PER_WORKER):
        (folder / f"undated-{number:02d}.txt").write_text(
            f"Port news\n\nBerth {number} closed again on Tuesday, the harbour master said.\n"
        )
    pools: list[int] = []
    original = pipeline.run_tasks

    def counted(
        tasks: list, root: Path, lexicon_files: list, workers: int
    ) -> Iterator[pipeline.DocumentResult | str]:
        pools.append(workers)
        return original(tasks, root, lexicon_files, workers)

    monkeypatch.setattr(pipeline, "run_tasks", counted)
    assert run("extract", "mixed", "--workers", "2", "--store", "two.yaml").exit_code == 0
    assert pools == [2, 2], "the undated documents are read again by two workers"
    assert run("extract", "mixed", "--workers", "1", "--store", "one.yaml").exit_code == 0
    assert Path("two.yaml").read_bytes() == Path("one.yaml").read_bytes()
    store = event_store.load(Path("two.yaml"))
    undated = [d for d in store.documents if d.id.startswith("undated")]
    assert len(undated) == 2 * pipeline.DOCUMENTS_PER_WORKER
    assert {(d.published, d.published_from) for d in undated} == {("2024-03-05", "estimated")}


def test_document_results_round_trip_through_json() -> None:
    task = pipeline.Task(ARTICLES / "court_verdict.txt")
    result = pipeline.process_document(task, ARTICLES.parent, LEXICON)
    again = pipeline.DocumentResult.from_json(result.to_json())
    assert again == result
    buffer = io.StringIO(result.to_json() + "\n\n")
    assert list(pipeline.read_jsonl(buffer, "x")) == [result]


WORDS = (
    "The minister said on Friday that talks will resume next Monday , three days later , "
    "after a deal was signed on March 3 , 2024 ; Reuters reported it was published two weeks "
    "ago in early May . Officials met each season and every day since last year ."
).split()
TWINS = {"s": "ſ", "i": "ı", "I": "İ", "k": "\u212a"}


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), min_size=3, max_size=40),
    st.sets(st.sampled_from(sorted(TWINS)), max_size=4),
)
def test_letters_that_only_fold_to_ascii_never_crash_extraction(
    words: list[str], twins: set[str]
) -> None:
    text = "Headline\n\n" + " ".join(words).translate(str.maketrans({c: TWINS[c] for c in twins}))
    document = Document("d", "d.txt", text, "0" * 64, published=date(2024, 3, 8))
    for event in extract_events(document, LEXICON):
        assert event.sources and event.sources[0].quote in text
