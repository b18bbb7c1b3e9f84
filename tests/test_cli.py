"""The command line through typer's CliRunner: exit codes, stdout and stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app
from timeline.cli.app import COMMAND_ORDER as COMMANDS
from timeline.cli.app import Environment

runner = CliRunner()


def run(*args: str) -> object:
    return runner.invoke(app, list(args), catch_exceptions=False)


def ids(result: object) -> list[str]:
    return [e["id"] for e in json.loads(result.stdout)]


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("timeline ")


def test_every_command_has_help_with_an_example() -> None:
    for command in COMMANDS:
        result = run(command, "--help")
        assert result.exit_code == 0, command
        assert "Example:" in result.stdout, command


def test_show_without_a_terminal_prints_plain_text(fixture_store: Path) -> None:
    result = run("show")
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout
    assert "March 2024" in result.stdout and "4 Mar 2024" in result.stdout
    assert "A false event someone rejected" not in result.stdout


def test_show_filters_by_actor_case_insensitively(fixture_store: Path) -> None:
    result = run("show", "--actor", "maria lopez", "--format", "json")
    assert result.exit_code == 0
    assert ids(result) == ["0a1b2c3d4e", "d4e5f6a7b8"]


def test_repeated_filters_are_or_and_different_ones_and(fixture_store: Path) -> None:
    either = run("show", "-a", "Maria Lopez", "-a", "Port Authority", "-f", "json")
    assert len(ids(either)) == 5
    both = run(
        "show", "-a", "Maria Lopez", "-a", "Port Authority", "-t", "negotiations", "-f", "json"
    )
    assert ids(both) == ["b2c3d4e5f6", "d4e5f6a7b8", "e5f6a7b8c9"]


def test_date_window_keeps_imprecise_dates_that_overlap(fixture_store: Path) -> None:
    result = run("show", "--since", "2024-03-01", "--until", "2024-03-04", "-f", "json")
    assert ids(result) == ["0a1b2c3d4e", "b2c3d4e5f6", "c3d4e5f6a7", "d4e5f6a7b8"]
    words = run("show", "--since", "10 Mar 2024", "-f", "json")
    assert ids(words) == ["0a1b2c3d4e", "e5f6a7b8c9"]


def test_search_document_and_limit(fixture_store: Path) -> None:
    assert ids(run("show", "--search", "MEDIATOR", "-f", "json")) == ["b2c3d4e5f6"]
    assert ids(run("show", "--document", "harbor-01", "-f", "json")) == [
        "a1b2c3d4e5",
        "b2c3d4e5f6",
        "c3d4e5f6a7",
    ]
    assert len(ids(run("show", "--limit", "2", "-f", "json"))) == 2


def test_unknown_actor_names_the_closest_and_exits_2(fixture_store: Path) -> None:
    result = run("show", "--actor", "Port Autority")
    assert result.exit_code == 2
    assert "unknown actor 'Port Autority'" in result.stderr
    assert "Port Authority" in result.stderr
    assert result.stdout == ""


def test_bad_date_option_is_one_clear_line(fixture_store: Path) -> None:
    result = run("show", "--since", "soonish")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "--since 'soonish' is not a date" in result.stderr


def test_missing_store_says_how_to_make_one() -> None:
    result = run("show")
    assert result.exit_code == 3
    assert "timeline extract" in result.stderr
    assert not Path("events.yaml").exists()


def test_malformed_store_is_reported_and_left_untouched(fixture_store: Path) -> None:
    fixture_store.write_text("version: 1\nevents: [\n")
    before = fixture_store.read_bytes()
    for command in ("show", "check", "markdown"):
        result = run(command)
        assert result.exit_code == 1, command
        assert "events.yaml:3:1: not valid YAML" in result.stderr
        assert "Traceback" not in result.stderr
    assert fixture_store.read_bytes() == before


def test_check_lists_every_problem_with_its_event(fixture_store: Path) -> None:
    text = fixture_store.read_text()
    fixture_store.write_text(
        text.replace("precision: week", "precision: fortnight", 1).replace(
            "date: '2024-03-11'\n  precision: day\n  title: Union",
            "date: '2024-03'\n  precision: day\n  title: Union",
        )
    )
    before = fixture_store.read_bytes()
    result = run("check")
    assert result.exit_code == 1
    assert "2 problems" in result.stderr
    assert "event b2c3d4e5f6 has unknown precision 'fortnight'" in result.stderr
    assert "event e5f6a7b8c9 has date '2024-03' of month form" in result.stderr
    assert fixture_store.read_bytes() == before


def test_check_passes_a_good_store(fixture_store: Path) -> None:
    result = run("check")
    assert result.exit_code == 0
    assert "7 events, 2 documents, ok" in result.stdout


def test_debug_shows_the_traceback() -> None:
    result = run("--debug", "show")
    assert result.exit_code == 3
    assert "Traceback" in result.stderr


def test_markdown_to_a_file(fixture_store: Path) -> None:
    result = run("markdown", "-o", "chronology.md", "--topic", "labour")
    assert result.exit_code == 0
    text = Path("chronology.md").read_text()
    assert text.startswith("# Chronology\n")
    assert "**late February 2024**" in text
    assert "Mayor calls for talks" not in text


def test_actors_and_topics_tables(fixture_store: Path) -> None:
    result = run("actors", "--format", "json")
    data = json.loads(result.stdout)
    assert data[1] == {
        "name": "Port Authority",
        "events": 3,
        "first": "2024-W09",
        "last": "2024-03-11",
    }
    plain = run("topics")
    assert plain.exit_code == 0 and "negotiations" in plain.stdout


@pytest.mark.parametrize("fmt", ["plain", "json", "yaml", "csv", "markdown", "terminal"])
def test_every_format_prints(fixture_store: Path, fmt: str) -> None:
    result = run("show", "--format", fmt)
    assert result.exit_code == 0
    assert "Strike closes the container terminal" in result.stdout


def test_unknown_format_is_a_usage_error(fixture_store: Path) -> None:
    result = run("show", "--format", "xml")
    assert result.exit_code == 2
    assert "xml" in result.stderr


def terminal(color: bool) -> Environment:
    return Environment(stdout_is_terminal=False, stderr_is_terminal=False, color=color, width=80)


def test_a_colour_terminal_gets_colour_and_no_color_turns_it_off(
    fixture_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        Environment, "detect", classmethod(lambda cls, no_color=False: terminal(not no_color))
    )
    coloured = run("show")
    assert "\x1b[" in coloured.stdout
    assert "Strike closes the container terminal" in coloured.stdout
    plain = run("show", "--no-color")
    assert "\x1b[" not in plain.stdout


@pytest.mark.parametrize(
    ("tty", "no_color_env", "flag", "colour"),
    [
        (True, False, False, True),
        (True, True, False, False),
        (True, False, True, False),
        (False, False, False, False),
    ],
)
def test_colour_is_decided_by_terminal_environment_and_flag(
    monkeypatch: pytest.MonkeyPatch, tty: bool, no_color_env: bool, flag: bool, colour: bool
) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: tty)
    if no_color_env:
        monkeypatch.setenv("NO_COLOR", "1")
    assert Environment.detect(flag).color is colour


def test_output_is_readable_at_80_columns(fixture_store: Path) -> None:
    result = run("show", "--verbose")
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_dates_lists_every_expression_of_each_seed_as_json() -> None:
    seeds = Path(__file__).parent.parent / "seeds"
    for path in sorted(seeds.glob("*.txt")):
        result = run("dates", str(path), "--format", "json")
        assert result.exit_code == 0, path
        found = json.loads(result.stdout)
        text = path.read_text(encoding="utf-8")
        assert found, path
        for item in found:
            assert {"start", "end", "text", "type", "value"} <= set(item)
            assert text[item["start"] : item["end"]] == item["text"]


def test_dates_with_a_given_publication_date(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Talks\n\nThe envoys met on Friday and will meet again next Monday.\n")
    result = run("dates", str(article), "--published", "2024-03-06", "--format", "json")
    values = [(x["text"], x["value"]) for x in json.loads(result.stdout)]
    assert values == [("Friday", "2024-03-01"), ("next Monday", "2024-03-11")]
    plain = run("dates", str(article), "--published", "2024-03-06")
    assert "published 2024-03-06 (user)" in plain.stdout
    bad = run("dates", str(article), "--published", "March")
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.stderr


def test_a_country_finds_its_officials_and_aliases_name_one_actor(tmp_path: Path) -> None:
    from timeline import store as event_store
    from timeline.model import DocumentRecord, Event, Source, Store

    def event(event_id: str, actors: list[str]) -> Event:
        return Event(
            event_id,
            "2023-11-06",
            "day",
            f"Event {event_id}",
            actors,
            [],
            [Source("d", "2023-11-06", "on Monday", "Quote.", 0)],
        )

    event_store.save(
        Store(
            documents=[DocumentRecord("d", "d.txt", "0" * 64)],
            events=[
                event("e1", ["Antony Blinken"]),
                event("e2", ["Qatar"]),
                event("e3", ["United States"]),
            ],
        ),
        Path("events.yaml"),
    )
    for name in ("United States", "US", "u.s.", "Washington"):
        assert ids(run("show", "--actor", name, "-f", "json")) == ["e1", "e3"], name
    assert ids(run("show", "--actor", "Qatari", "-f", "json")) == ["e2"]


# --- reading commands and re-runs that take shortcuts -------------------------------

ARTICLES = Path(__file__).parent.parent / "benchmarks" / "articles"


def test_json_output_is_the_same_from_the_cache_and_from_the_file(fixture_store: Path) -> None:
    from timeline.cache import cache_path

    cold = run("show", "-f", "json", "--search", "strike")
    assert cache_path(fixture_store).is_file()
    warm = run("show", "-f", "json", "--search", "strike")
    assert cold.stdout == warm.stdout and cold.exit_code == warm.exit_code == 0
    assert ids(warm) == ["a1b2c3d4e5", "c3d4e5f6a7"]


def test_a_reading_command_leaves_the_collector_as_it_found_it(fixture_store: Path) -> None:
    import gc

    assert gc.isenabled()
    assert run("show", "-f", "json").exit_code == 0
    assert gc.isenabled()
    assert run("show", "--store", "missing.yaml").exit_code != 0
    assert gc.isenabled()


def copy_articles(folder: Path) -> Path:
    folder.mkdir()
    for article in sorted(ARTICLES.glob("*.txt")):
        (folder / article.name).write_bytes(article.read_bytes())
    return folder


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Files count as settled at once; the documents whose bytes are read are listed."""
    from timeline import fingerprints

    read: list[Path] = []
    plain = fingerprints.fingerprint
    monkeypatch.setattr(fingerprints, "SETTLED_NANOSECONDS", 0)
    monkeypatch.setattr(fingerprints, "fingerprint", lambda path: read.append(path) or plain(path))
    return read


def test_a_rerun_that_finds_nothing_new_reads_nothing_and_leaves_the_store_alone(
    tmp_path: Path, settled: list[Path]
) -> None:
    copy_articles(tmp_path / "articles")
    assert run("extract", "articles").exit_code == 0
    store = tmp_path / "events.yaml"
    before = (store.read_bytes(), store.stat().st_mtime_ns)
    again = run("extract", "articles")
    assert again.exit_code == 0
    assert "0 documents read, 4 unchanged, " in again.stderr
    assert settled == []
    assert (store.read_bytes(), store.stat().st_mtime_ns) == before


def test_a_changed_document_is_read_again_even_with_its_old_size_and_time(
    tmp_path: Path, settled: list[Path]
) -> None:
    import os

    folder = copy_articles(tmp_path / "articles")
    assert run("extract", "articles").exit_code == 0
    article = folder / "trade_talks.txt"
    status = article.stat()
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("a", "e", 1), encoding="utf-8")
    os.utime(article, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert article.stat().st_size == status.st_size
    assert "1 document read, 3 unchanged" in run("extract", "articles").stderr
    assert settled == [Path("articles/trade_talks.txt")]
    assert "0 documents read, 4 unchanged" in run("extract", "articles").stderr


def test_an_unsettled_document_is_fingerprinted_on_every_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline import fingerprints

    read: list[Path] = []
    plain = fingerprints.fingerprint
    monkeypatch.setattr(fingerprints, "fingerprint", lambda path: read.append(path) or plain(path))
    copy_articles(tmp_path / "articles")
    assert run("extract", "articles").exit_code == 0
    for _ in range(2):
        assert "0 documents read, 4 unchanged" in run("extract", "articles").stderr
    assert len(read) == 8
    assert not (tmp_path / ".events.yaml.fingerprints").exists()


def test_a_rerun_still_flags_the_events_of_a_vanished_document(
    tmp_path: Path, settled: list[Path]
) -> None:
    folder = copy_articles(tmp_path / "articles")
    assert run("extract", "articles").exit_code == 0
    (folder / "ferry_merger.txt").unlink()
    result = run("extract", "articles")
    assert result.exit_code == 0
    orphaned = [e for e in json.loads(run("show", "-f", "json").stdout) if e.get("orphaned")]
    assert orphaned and all(
        s["document"] == "ferry_merger" for e in orphaned for s in e.get("sources", [])
    )
