"""The speed benchmark's corpus generator, its store maker, and a one-pass run of the script."""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import store as event_store
from timeline.model import PRECISIONS, Store

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def benchmark_module(name: str) -> ModuleType:
    """Import a benchmark script the way it imports its neighbours: from its own folder."""
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    return importlib.import_module(name)


corpus = benchmark_module("corpus")
speed = benchmark_module("speed")

SAMPLE = [corpus.document_text(index, seed=7) for index in range(40)]
JOINED = "\n".join(SAMPLE)


# --- the generator -------------------------------------------------------------


def test_same_seed_gives_the_same_bytes(tmp_path: Path) -> None:
    first = corpus.write_corpus(6, tmp_path / "one", seed=11)
    second = corpus.write_corpus(6, tmp_path / "two", seed=11)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert [p.name for p in first] == [f"doc0000{i}.txt" for i in range(6)]


def test_different_seeds_give_different_documents() -> None:
    assert corpus.document_text(0, seed=1) != corpus.document_text(0, seed=2)
    assert corpus.document_text(3, seed=1) != corpus.document_text(4, seed=1)


def test_a_smaller_corpus_is_the_start_of_a_larger_one(tmp_path: Path) -> None:
    small = corpus.write_corpus(3, tmp_path / "small")
    large = corpus.write_corpus(5, tmp_path / "large")
    assert [p.read_bytes() for p in small] == [p.read_bytes() for p in large[:3]]


def test_the_command_line_writes_the_documents(tmp_path: Path) -> None:
    assert corpus.main(["4", str(tmp_path / "out"), "--seed", "3"]) == 0
    written = sorted((tmp_path / "out").iterdir())
    assert [p.read_text(encoding="utf-8") for p in written] == [
        corpus.document_text(i, seed=3) for i in range(4)
    ]


def test_sizes_are_mostly_two_to_eight_kilobytes_with_some_larger() -> None:
    sizes = [len(text.encode()) for text in (corpus.document_text(i) for i in range(200))]
    usual = [size for size in sizes if 2_000 <= size <= 8_600]
    large = [size for size in sizes if size > 9_000]
    assert min(sizes) >= 2_000
    assert len(usual) >= 150
    assert 5 <= len(large) <= 50


@pytest.mark.parametrize(
    "noise",
    [
        r"^By [A-Z]\w+ [A-Z]\w+",  # byline
        r"^Posted: \d{4}-\d{2}-\d{2} \d{1,2}:\d{2}",  # byline with an ISO date
        r"(?:Photo: |\(Image credit: |\(Photo by )",  # photo credit
        r"\| Sign in \| Subscribe$",  # navigation banner
        r"^(?:Subscribe|Sign up|Support independent|You have read)",  # subscription blurb
        r"^(?:Related articles|You may also like|More on this story)$",  # teasers
        r"^(?:Advertisement|ADVERTISEMENT|Story continues below advertisement)$",
        r"^\w[\w. ]* [A-Z][a-z]+ \d{1,2}, \d{4} at \d{1,2}:\d{2} pm$",  # comment stamp
        r"^\d{1,2} hours ago$",  # relative comment stamp
        r"^Reply$",
        r"^© \d{4} .+\. All rights reserved\.$",  # copyright
    ],
)
def test_documents_carry_the_noise_of_saved_pages(noise: str) -> None:
    assert re.search(noise, JOINED, re.MULTILINE)


@pytest.mark.parametrize(
    "form",
    [
        r"\bon (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
        r"\bon (?:Jan|Feb|Aug|Sept|Oct|Nov|Dec)\. \d{1,2}\b",
        r"\bon [A-Z][a-z]+ \d{1,2}, \d{4}\b",
        r"\bon \d{1,2} [A-Z][a-z]+\b",
        r"\bon \d{4}-\d{2}-\d{2}\b",
        r"\b(?:last week|last month|yesterday|earlier this month)\b",
        r"\bin (?:early|mid-|late) ?[A-Z][a-z]+\b",
        r"\bin [A-Z][a-z]+ \d{4}\b",
        r"\b(?:The following day|Two days later|A week later|The next morning),",
        r"\b(?:on [A-Z][a-z]+\.? \d{1,2}-\d{1,2}|from \d{1,2} to \d{1,2} [A-Z][a-z]+)\b",
        r"\bbetween [A-Z][a-z]+ \d{1,2} and [A-Z][a-z]+ \d{1,2}\b",
        r"\b(?:next week|later this month|next [A-Z][a-z]+day)\b",
    ],
)
def test_documents_carry_varied_date_forms(form: str) -> None:
    assert re.search(form, JOINED)


def test_every_field_appears() -> None:
    titles = {title for field in corpus.FIELDS.values() for title in field.titles}
    found = {title for title in titles if title in JOINED}
    assert len(found) >= len(corpus.FIELDS) * 2


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=10**4))
@settings(max_examples=25, deadline=None)
def test_any_document_is_well_formed(seed: int, index: int) -> None:
    text = corpus.document_text(index, seed)
    assert text == corpus.document_text(index, seed)
    assert text.endswith("All rights reserved.\n")
    assert "{" not in text and "}" not in text  # every template slot was filled
    assert len(text) >= 2_000


# --- the store -------------------------------------------------------------------


def test_make_store_writes_a_store_the_loader_accepts(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    made = corpus.make_store(240, path)
    loaded = event_store.load(path)
    assert isinstance(loaded, Store)
    assert len(loaded.events) == 240
    assert len(loaded.documents) == 12
    assert len({e.id for e in loaded.events}) == 240
    assert {e.precision for e in loaded.events} == set(PRECISIONS)
    assert sorted(e.id for e in loaded.events) == sorted(e.id for e in made.events)
    known = {d.id for d in loaded.documents}
    assert all(s.document in known for e in loaded.events for s in e.sources)


def test_make_store_is_deterministic(tmp_path: Path) -> None:
    corpus.make_store(60, tmp_path / "one.yaml")
    corpus.make_store(60, tmp_path / "two.yaml")
    assert (tmp_path / "one.yaml").read_bytes() == (tmp_path / "two.yaml").read_bytes()


def test_the_command_line_writes_a_store(tmp_path: Path) -> None:
    path = tmp_path / "made.yaml"
    assert corpus.main(["30", str(path), "--store", "--seed", "5"]) == 0
    corpus.make_store(30, tmp_path / "direct.yaml", seed=5)
    assert path.read_bytes() == (tmp_path / "direct.yaml").read_bytes()
    assert len(event_store.load(path).events) == 30


def test_a_tiny_store_still_has_a_document(tmp_path: Path) -> None:
    corpus.make_store(3, tmp_path / "events.yaml")
    assert len(event_store.load(tmp_path / "events.yaml").documents) == 1


# --- the runner's arithmetic ---------------------------------------------------------


def test_sizes_not_run_are_scaled_beyond_start_up() -> None:
    assert speed.at_size([(100, 2.0), (1000, 11.0)], 1000, 1.0) == (11.0, True)
    assert speed.at_size([(100, 2.0), (1000, 11.0)], 10_000, 1.0) == (101.0, False)


def test_linearity_compares_time_per_document_less_start_up() -> None:
    points = [
        {"net_seconds_per_document": 0.01},
        {"net_seconds_per_document": 0.03},
    ]
    assert speed.linearity(points) == pytest.approx(3.0)
    assert speed.linearity(points[:1]) is None


def test_a_target_says_whether_it_is_met() -> None:
    fast = speed.TargetCheck("show, s", 1.5, 2.0, at_most=True)
    slow = speed.TargetCheck("extract MB/CPU-s", 0.1, 2.0, at_most=False, estimated=True)
    assert fast.met and fast.line().endswith("met")
    assert not slow.met and "MISSED" in slow.line() and "estimate" in slow.line()


def test_a_failing_command_is_reported_with_its_stderr(tmp_path: Path) -> None:
    failing = [sys.executable, "-c", "import sys; sys.exit('no such store')"]
    with pytest.raises(speed.BenchmarkFailed, match="no such store"):
        speed.run_once(failing, tmp_path)


def test_the_machine_is_described() -> None:
    machine = speed.describe_machine()
    assert machine["cores"].isdigit()
    assert machine["python"].startswith("3.")
    assert machine["cpu"]


# --- one pass of the script ----------------------------------------------------------


def run_tiny(*options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(BENCHMARKS / "speed.py"), "--tiny", "--workers", "2", *options],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_tiny_run_prints_every_figure() -> None:
    done = run_tiny()
    assert done.returncode == 0, done.stderr
    for label in (
        "Machine:",
        "cores, Python 3.",
        "### extract",
        "| 5 |",
        "re-extract s",
        "### --workers",
        "| 1 worker s | 2 workers s | speed-up |",
        "show --format json s",
        "markdown s",
        "| timeline --help |",
        "| timeline show (seeds) |",
        "### dateparser.search_dates",
        "### cost curve",
        "linearity",
        "### targets",
        "re-extract of 10,000 unchanged documents",
        "show --format json on 100,000 events",
        "--workers 2 speed-up over one worker",
    ):
        assert label in done.stdout


def test_tiny_json_holds_the_figures() -> None:
    done = run_tiny("--json")
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    (extract,) = figures["extract"]
    assert extract["documents"] == 5
    assert extract["events"] > 0
    assert extract["extract"]["seconds"] > 0 and extract["extract"]["peak_rss_mb"] > 0
    assert extract["mb_per_second"] > 0
    assert [s["events"] for s in figures["stores"]] == [50]
    assert set(figures["startup"]) == {"python -c pass", "timeline --help", "timeline show (seeds)"}
    assert figures["curve"]["points"][0]["documents"] == 5
    scaling = figures["scaling"]
    assert (scaling["documents"], scaling["workers"], scaling["same_store"]) == (5, 2, True)
    assert scaling["speedup"] == scaling["one"]["seconds"] / scaling["many"]["seconds"]
    assert len(figures["targets"]) == 6
