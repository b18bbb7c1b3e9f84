"""Renderers over a small hand-written store, compared with golden files."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
import yaml
from rich.console import Console

from timeline import store as event_store
from timeline.model import Event
from timeline.render import FORMATS, RenderContext, get_renderer
from timeline.render.labels import date_label
from timeline.render.markdown import escape

GOLDEN = Path(__file__).parent / "golden"
DATA = Path(__file__).parent / "data"


def fixture_events() -> tuple[list[Event], RenderContext]:
    store = event_store.parse((DATA / "store.yaml").read_text(encoding="utf-8"), DATA)
    live = [e for e in event_store.sort_events(store.events) if e.status != "rejected"]
    return live, RenderContext(width=80, documents=store.documents)


def assert_golden(name: str, text: str) -> None:
    """Compare with tests/golden/NAME; UPDATE_GOLDEN=1 rewrites it after a reviewed change."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "verbose"), [("plain.txt", False), ("plain-verbose.txt", True)])
def test_plain_chronology_matches_golden(name: str, verbose: bool) -> None:
    events, context = fixture_events()
    context = RenderContext(width=80, verbose=verbose, documents=context.documents)
    assert_golden(name, get_renderer("plain")(events, context))


def test_markdown_matches_golden() -> None:
    events, context = fixture_events()
    assert_golden("chronology.md", get_renderer("markdown")(events, context))


def test_json_matches_golden_and_keeps_every_field() -> None:
    events, context = fixture_events()
    text = get_renderer("json")(events, context)
    assert_golden("events.json", text)
    conflict = next(e for e in json.loads(text) if e["id"] == "c3d4e5f6a7")
    assert conflict["sources"][2]["date"] == "2024-03-05"
    assert conflict["conflict"] is True


def test_terminal_view_renders_like_plain_without_colour() -> None:
    events, context = fixture_events()
    buffer = io.StringIO()
    Console(file=buffer, width=80, color_system=None).print(
        get_renderer("terminal")(events, context)
    )
    plain = get_renderer("plain")(events, context)
    assert [line.strip() for line in buffer.getvalue().splitlines()] == [
        line.strip() for line in plain.splitlines()
    ]


def test_terminal_view_never_interprets_markup_or_escapes_from_documents() -> None:
    events, _ = fixture_events()
    buffer = io.StringIO()
    context = RenderContext(width=200, verbose=True)
    Console(file=buffer, width=200, color_system="truecolor", force_terminal=True).print(
        get_renderer("terminal")(events, context)
    )
    out = buffer.getvalue()
    assert "[bold red]loudly[/]" in out
    assert "\x1b[31m\u201d" not in out and "\\x1b[31m" in out


def test_every_actor_keeps_its_colour() -> None:
    from timeline.render.terminal import actor_colour

    assert actor_colour("Port Authority") == actor_colour("Port Authority")
    assert len({actor_colour(n) for n in ["Qatar", "Israel", "Hamas", "Egypt", "Jordan"]}) > 1


def test_csv_has_a_row_per_event_and_sources_in_step() -> None:
    import csv

    events, context = fixture_events()
    rows = list(csv.DictReader(io.StringIO(get_renderer("csv")(events, context))))
    assert len(rows) == len(events)
    conflict = next(r for r in rows if r["id"] == "c3d4e5f6a7")
    assert conflict["documents"].split(" | ") == ["harbor-01", "harbor-02", "harbor-02"]
    assert conflict["source_dates"].split(" | ")[2] == "2024-03-05"


def test_yaml_output_reads_back_as_store_events() -> None:
    events, context = fixture_events()
    data = yaml.safe_load(get_renderer("yaml")(events, context))
    assert [e["id"] for e in data] == [e.id for e in events]


def test_every_format_renders_an_empty_selection() -> None:
    for name in FORMATS:
        assert get_renderer(name)([], RenderContext()) is not None


@pytest.mark.parametrize(
    ("date", "precision", "qualifier", "label"),
    [
        ("2023-10-20", "day", None, "20 Oct 2023"),
        ("2023-10", "month", None, "Oct 2023"),
        ("2023-11", "month", "early", "early Nov 2023"),
        ("2023-W42", "week", None, "week of 16 Oct 2023"),
        ("2023", "year", None, "2023"),
    ],
)
def test_dates_are_labelled_as_precisely_as_known(
    date: str, precision: str, qualifier: str | None, label: str
) -> None:
    assert date_label(Event("x", date, precision, "t", qualifier=qualifier)) == label


def test_markdown_escaping_keeps_structure() -> None:
    assert escape("a *b* [c](d) | <b>x</b> & #1\nnext") == (
        r"a \*b\* \[c\]\(d\) \| \<b\>x\</b\> \& \#1 next"
    )


def test_markdown_is_commonmark_where_document_text_cannot_add_markup() -> None:
    from markdown_it import MarkdownIt

    events, context = fixture_events()
    html = MarkdownIt("commonmark").render(get_renderer("markdown")(events, context))
    assert "<h2>March 2024</h2>" in html
    assert "<strong>4 March 2024</strong>" in html
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert "<em>union</em>" not in html
