"""Commands that read the store: show, markdown, actors, topics, conflicts, check, dates."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, replace
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from timeline.cli.app import (
    DEFAULT_STORE,
    ActorFilter,
    ActorsOption,
    DatesFormat,
    DocumentFilter,
    Environment,
    LimitFilter,
    SearchFilter,
    ShowFormat,
    SinceFilter,
    StoreOption,
    TableFormatChoice,
    TopicFilter,
    UntilFilter,
    app,
    build_filters,
    choices,
    parse_published,
    read_store,
    report_error,
    selected_events,
)
from timeline.errors import ExitCode, StoreInvalid

ConflictsFormat = choices("ConflictsFormat", ("plain", "json"))


@app.command()
def show(
    store: StoreOption = DEFAULT_STORE,
    actor: ActorFilter = None,
    topic: TopicFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    search: SearchFilter = None,
    document: DocumentFilter = None,
    limit: LimitFilter = None,
    output_format: Annotated[
        ShowFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format (default: terminal, or plain when not a terminal).",
        ),
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Add the quotes.")] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colour.")] = False,
    no_pager: Annotated[bool, typer.Option("--no-pager", help="Never use a pager.")] = False,
    actors: ActorsOption = None,
) -> None:
    """Print the chronology, filtered by actor, topic, date, text or document.

    Example: timeline show --actor Qatar --since 2023-11-01 --until 2023-11-30
    """
    from timeline.render import RenderContext, get_renderer

    env = Environment.detect(no_color)
    filters = build_filters(actor, topic, since, until, search, document, limit)
    chosen = chosen_format(output_format, env)
    current, lines = read_store(store, with_json=chosen == "json")
    events = selected_events(current, actors, filters)
    context = RenderContext(
        width=env.width, verbose=verbose, documents=current.documents, event_json=lines
    )
    output = get_renderer(chosen)(events, context)
    if chosen == "terminal":
        print_rich(output, env, pager=not no_pager)
    else:
        typer.echo(output, nl=False)


def chosen_format(output_format: Enum | None, env: Environment) -> str:
    """The format asked for, else coloured text on a terminal and plain text elsewhere."""
    return output_format.value if output_format else ("terminal" if env.color else "plain")


def print_rich(renderable: Any, env: Environment, pager: bool) -> None:
    """Print to the terminal in colour, through a pager when it would not fit."""
    from rich.console import Console

    console = Console(
        color_system="auto" if env.color else None,
        force_terminal=env.color,
        no_color=not env.color,
        highlight=False,
        width=env.width,
    )
    if (
        pager
        and env.stdout_is_terminal
        and len(console.render_lines(renderable, pad=False)) > console.height
    ):
        os.environ.setdefault("LESS", "FRX")
        with console.pager(styles=True):
            console.print(renderable)
    else:
        console.print(renderable)


@app.command()
def markdown(
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write to this file (default: stdout)."
        ),
    ] = None,
    store: StoreOption = DEFAULT_STORE,
    actor: ActorFilter = None,
    topic: TopicFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    search: SearchFilter = None,
    document: DocumentFilter = None,
    limit: LimitFilter = None,
    actors: ActorsOption = None,
) -> None:
    """Write a markdown chronology with footnotes citing every source.

    Example: timeline markdown -o chronology.md --topic hostages
    """
    from timeline.render import RenderContext, get_renderer
    from timeline.store import write_atomic

    filters = build_filters(actor, topic, since, until, search, document, limit)
    current, _ = read_store(store)
    events = selected_events(current, actors, filters)
    text = get_renderer("markdown")(events, RenderContext(documents=current.documents))
    if output is None:
        typer.echo(text, nl=False)
        return
    write_atomic(output, text)
    typer.echo(f"{len(events)} events → {output}", err=True)


def name_table(store: Path, attribute: str, output_format: Enum | None, no_color: bool) -> None:
    """The actors or topics of the store with their counts and first and last dates."""
    from timeline.query import name_stats

    env = Environment.detect(no_color)
    current, _ = read_store(store)
    live = [e for e in current.events if e.status != "rejected"]
    stats = name_stats(live, attribute)
    chosen = chosen_format(output_format, env)
    if chosen == "json":
        typer.echo(json.dumps([asdict(s) for s in stats], ensure_ascii=False, indent=2))
        return
    table = text_table(("name", "events", "first", "last"))
    for stat in stats:
        add_literal_row(table, stat.name, str(stat.events), stat.first, stat.last)
    print_rich(table, env if chosen == "terminal" else replace(env, color=False), pager=False)


def text_table(columns: tuple[str, ...], title: str | None = None) -> Any:
    """A rich table with these columns, filled with `add_literal_row`."""
    from rich.table import Table

    table = Table(title=title, header_style="bold")
    for column in columns:
        table.add_column(column, justify="right" if column == "events" else "left")
    return table


def add_literal_row(table: Any, *cells: object) -> None:
    """A row of literal text: "[bold]" in a document's words is shown, never obeyed."""
    from rich.text import Text

    table.add_row(*(Text(str(cell)) for cell in cells))


TableFormat = Annotated[
    TableFormatChoice | None, typer.Option("--format", "-f", help="Output format.")
]


@app.command("actors")
def actors_command(
    store: StoreOption = DEFAULT_STORE,
    output_format: TableFormat = None,
    no_color: Annotated[bool, typer.Option("--no-color")] = False,
) -> None:
    """List the actors of the store with event counts and first and last dates.

    Example: timeline actors --format json
    """
    name_table(store, "actors", output_format, no_color)


@app.command("topics")
def topics_command(
    store: StoreOption = DEFAULT_STORE,
    output_format: TableFormat = None,
    no_color: Annotated[bool, typer.Option("--no-color")] = False,
) -> None:
    """List the topics of the store with event counts and first and last dates.

    Example: timeline topics
    """
    name_table(store, "topics", output_format, no_color)


@app.command()
def check(store: StoreOption = DEFAULT_STORE) -> None:
    """Validate a store and list every problem with its event id.

    Example: timeline check --store events.yaml
    """
    try:
        current, _ = read_store(store)
    except StoreInvalid as error:
        report_error(error)
        raise typer.Exit(int(ExitCode.PROBLEMS)) from None
    typer.echo(f"{store}: {len(current.events)} events, {len(current.documents)} documents, ok")


@app.command()
def dates(
    file: Annotated[Path, typer.Argument(help="The document to read.")],
    published: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="Its publication date (YYYY-MM-DD), if not found in it."),
    ] = None,
    output_format: Annotated[
        DatesFormat, typer.Option("--format", "-f", help="Output format.")
    ] = DatesFormat.terminal,
    no_color: Annotated[bool, typer.Option("--no-color")] = False,
) -> None:
    """List every temporal expression in a document and what it resolved to.

    Example: timeline dates seeds/004_4eac9c829ff61c75.txt --format json
    """
    from timeline.pipeline import date_expressions

    document, expressions = date_expressions(file, parse_published(published))
    if output_format.value == "json":
        typer.echo(json.dumps([asdict(x) for x in expressions], ensure_ascii=False, indent=2))
        return
    env = Environment.detect(no_color)
    anchor = document.published.isoformat() if document.published else "unknown"
    table = text_table(
        ("span", "text", "type", "value", "precision", "resolved against"),
        title=f"{document.id}: published {anchor} ({document.published_from})",
    )
    for x in expressions:
        add_literal_row(
            table,
            f"{x.start}-{x.end}",
            x.text,
            x.type,
            x.value if x.end_value is None else f"{x.value}/{x.end_value}",
            x.precision or "",
            x.anchor or "",
        )
    print_rich(table, env, pager=True)


@app.command()
def conflicts(
    store: StoreOption = DEFAULT_STORE,
    output_format: Annotated[
        ConflictsFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ConflictsFormat.plain,
) -> None:
    """List events whose sources disagree on the date, with each date's sources and quotes.

    Example: timeline conflicts
    """
    from timeline.curate import conflicts as find_conflicts
    from timeline.render.conflicts import conflicts_json, render_conflicts

    found = find_conflicts(read_store(store)[0])
    if output_format == ConflictsFormat.json:
        typer.echo(conflicts_json(found), nl=False)
    else:
        typer.echo(render_conflicts(found, Environment.detect().width), nl=False)
