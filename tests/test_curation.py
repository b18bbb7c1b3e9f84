"""Extract, curate by hand, add documents, extract again: nothing a person did is lost."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from timeline import store as event_store
from timeline.cli import app

ARTICLES = Path(__file__).parent.parent / "benchmarks" / "articles"
runner = CliRunner()


def run(*args: str) -> object:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result


def events() -> dict[str, dict]:
    return {e["id"]: e for e in json.loads(run("show", "-f", "json").stdout)}


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("trade_talks.txt", "court_verdict.txt"):
        shutil.copy(ARTICLES / name, folder / name)
    return folder


def test_curation_survives_new_documents_and_re_extraction(docs: Path) -> None:
    assert run("extract", "docs").exit_code == 0
    first = events()
    rejected, edited, untouched = sorted(first)[:3]
    assert run("reject", rejected).exit_code == 0
    assert run("edit", edited[:6], "--title", "A title a person wrote").exit_code == 0
    assert (
        run(
            "add",
            "--date",
            "2024-02",
            "--title",
            "Talks planned",
            "--actor",
            "Canada",
        ).exit_code
        == 0
    )
    shutil.copy(ARTICLES / "ferry_merger.txt", docs / "ferry_merger.txt")
    result = run("extract", "docs")
    assert "1 document read, 2 unchanged" in result.stderr
    assert run("extract", "docs", "--force").exit_code == 0
    after = events()
    assert rejected not in after
    everything = event_store.load(Path("events.yaml")).events
    assert next(e for e in everything if e.id == rejected).status == "rejected"
    assert after[edited]["title"] == "A title a person wrote"
    assert after[edited]["edited"] == ["title"]
    assert after[untouched]["title"] == first[untouched]["title"]
    assert any(e["title"] == "Talks planned" and e["added_by_hand"] for e in after.values())
    assert any(s["document"] == "ferry_merger" for e in after.values() for s in e["sources"])
    assert set(first) - {rejected} <= set(after)


def test_edit_date_and_actors_are_kept_and_recorded(docs: Path) -> None:
    run("extract", "docs")
    target = sorted(events())[0]
    result = run("edit", target, "--date", "1 March 2024", "--actor", "Canada", "-a", "Japan")
    assert result.exit_code == 0
    run("extract", "docs", "--force")
    event = events()[target]
    assert (event["date"], event["precision"], event["actors"]) == (
        "2024-03-01",
        "day",
        ["Canada", "Japan"],
    )
    assert {"date", "precision", "actors"} <= set(event["edited"])


def test_confirm_and_unknown_or_ambiguous_ids(docs: Path) -> None:
    run("extract", "docs")
    target = sorted(events())[0]
    assert run("confirm", target).exit_code == 0
    assert events()[target]["status"] == "confirmed"
    missing = run("reject", "zzzz")
    assert missing.exit_code == 2 and "no event with id 'zzzz'" in missing.stderr
    assert run("edit", target).exit_code == 2


def test_added_event_needs_a_date_and_a_title() -> None:
    result = run("add", "--title", "Something")
    assert result.exit_code == 2
    assert "needs --date and --title" in result.stderr
    assert not Path("events.yaml").exists()
    bad = run("add", "--title", "Something", "--date", "someday")
    assert bad.exit_code == 2 and "is not a date" in bad.stderr


def test_vanished_documents_are_flagged_then_pruned(docs: Path) -> None:
    run("extract", "docs")
    (docs / "court_verdict.txt").unlink()
    run("extract", "docs")
    flagged = [e for e in events().values() if e.get("orphaned")]
    assert flagged and all(s["document"] == "court_verdict" for e in flagged for s in e["sources"])
    run("extract", "docs", "--prune")
    assert not any(e.get("orphaned") for e in events().values())
    assert "court_verdict" not in Path("events.yaml").read_text()


def test_a_changed_document_replaces_only_its_own_mentions(docs: Path) -> None:
    run("extract", "docs")
    before = events()
    court = {i for i, e in before.items() if e["sources"][0]["document"] == "court_verdict"}
    text = (docs / "trade_talks.txt").read_text()
    (docs / "trade_talks.txt").write_text(text + "\nOn Friday the ministers met again in Ottawa.\n")
    result = run("extract", "docs")
    assert "1 document read, 1 unchanged" in result.stderr
    after = events()
    assert court <= set(after)
    assert all(after[i] == before[i] for i in court)


def test_conflicts_lists_competing_dates_with_their_sources(fixture_store: Path) -> None:
    result = run("conflicts")
    assert result.exit_code == 0
    assert "c3d4e5f6a7  Strike closes the container terminal" in result.stdout
    assert "4 March 2024 (the event's date): 2 sources" in result.stdout
    assert "5 March 2024: 1 source" in result.stdout
    assert "harbor-02 · Tuesday: “The terminal shut on Tuesday.”" in result.stdout
    data = json.loads(run("conflicts", "--format", "json").stdout)
    assert list(data[0]["dates"]) == ["2024-03-04", "2024-03-05"]


def test_two_extract_processes_at_once_lose_nothing(docs: Path, tmp_path: Path) -> None:
    other = tmp_path / "more"
    other.mkdir()
    shutil.copy(ARTICLES / "cyclone_relief.txt", other / "cyclone_relief.txt")
    command = [sys.executable, "-m", "timeline", "extract", "--workers", "1"]
    env = {**os.environ, "NO_COLOR": "1"}
    runs = [
        subprocess.Popen(
            [*command, folder], cwd=tmp_path, env=env, stderr=subprocess.PIPE, text=True
        )
        for folder in ("docs", "more")
    ]
    stderrs = [p.communicate(timeout=60)[1] for p in runs]
    outcomes = [(p.returncode, err) for p, err in zip(runs, stderrs, strict=True)]
    stored = event_store.load(tmp_path / "events.yaml")
    read = {d.id for d in stored.documents}
    for (code, stderr), names in zip(
        outcomes, ({"trade_talks", "court_verdict"}, {"cyclone_relief"}), strict=True
    ):
        if code == 0:
            assert names <= read
        else:
            assert "being written by another timeline process" in stderr
    assert any(code == 0 for code, _ in outcomes)


ACTIONS = st.lists(
    st.sampled_from(["extract", "force", "reject", "edit", "confirm", "add", "touch"]),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(actions=ACTIONS, pick=st.integers(0, 1000))
def test_no_sequence_of_runs_and_edits_loses_an_edit(
    actions: list[str], pick: int, docs: Path
) -> None:
    store = docs.parent / "seq.yaml"
    store.unlink(missing_ok=True)
    run("extract", "docs", "--store", str(store))
    kept: dict[str, tuple[str, object]] = {}
    for step, action in enumerate(actions):
        current = event_store.load(store).events
        target = sorted(e.id for e in current)[pick % len(current)] if current else None
        if action == "extract":
            run("extract", "docs", "--store", str(store))
        elif action == "force":
            run("extract", "docs", "--store", str(store), "--force")
        elif action == "touch":
            path = docs / "trade_talks.txt"
            path.write_text(path.read_text() + f"\nOn Monday the envoys met again ({step}).\n")
            run("extract", "docs", "--store", str(store))
        elif action == "add":
            result = run(
                "add",
                "--store",
                str(store),
                "--date",
                "2024-01-0" + str(step % 9 + 1),
                "--title",
                f"Hand event {step}",
            )
            kept[result.stdout.split()[1]] = ("title", f"Hand event {step}")
        elif target is not None and action == "reject":
            run("reject", target, "--store", str(store))
            kept[target] = ("status", "rejected")
        elif (
            target is not None
            and action == "confirm"
            and kept.get(target, ("", ""))[1] != "rejected"
        ):
            run("confirm", target, "--store", str(store))
            kept[target] = ("status", "confirmed")
        elif target is not None and action == "edit":
            run("edit", target, "--title", f"Edited {step}", "--store", str(store))
            kept[target] = ("title", f"Edited {step}")
    final = {e.id: e for e in event_store.load(store).events}
    for event_id, (field, value) in kept.items():
        assert event_id in final, (actions, event_id)
        if field == "title":
            assert final[event_id].title == value
