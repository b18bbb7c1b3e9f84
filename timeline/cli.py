"""The `timeline` command line: options in, one library call, output out.

This is the only module that prints. Library errors (TimelineError) are turned
into one line on stderr and an exit code in one place, `ErrorHandlingGroup`.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from dataclasses import asdict, dataclass, replace
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import click
import typer
from typer.core import TyperGroup

from timeline import __version__
from timeline.errors import ExitCode, StoreInvalid, TimelineError, UsageError
from timeline.render import FORMATS

if TYPE_CHECKING:
    from rich.console import Console

    from timeline.lexicon import Lexicon
    from timeline.query import Filters

DEFAULT_STORE = Path("events.yaml")
DEFAULT_DOCUMENTS = Path("seeds")
PROGRESS_THRESHOLD = 20


def choices(name: str, values: tuple[str, ...]) -> type[Enum]:
    """An option's choices as typer wants them, built from a registry's names."""
    return Enum(name, {value: value for value in values}, type=str)


ShowFormat = choices("ShowFormat", FORMATS)
TableFormatChoice = choices("TableFormatChoice", ("terminal", "plain", "json"))
DatesFormat = choices("DatesFormat", ("terminal", "json"))


class ErrorHandlingGroup(TyperGroup):
    """The CLI's single exit point for errors: one clear line, no traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TimelineError as error:
            if (ctx.obj or {}).get("debug"):
                traceback.print_exc()
            report_error(error)
            ctx.exit(int(error.exit_code))
        except KeyboardInterrupt:
            typer.echo("timeline: interrupted; the store was left as it was", err=True)
            ctx.exit(int(ExitCode.INTERRUPTED))
        except BrokenPipeError:
            sys.stderr.close()
            ctx.exit(int(ExitCode.OK))


def report_error(error: TimelineError) -> None:
    """The error's line on stderr, then one line per problem it lists."""
    typer.echo(f"timeline: error: {error.message}", err=True)
    for problem in getattr(error, "problems", []):
        typer.echo(f"  {problem}", err=True)


app = typer.Typer(
    cls=ErrorHandlingGroup,
    help="Build a sourced chronology from a folder of news articles.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=False,
)


@dataclass(frozen=True)
class Environment:
    """Where output goes: decided once from the streams and the environment.

    Tests build one that pretends to be a terminal or a pipe instead of patching
    `sys.stdout`.
    """

    stdout_is_terminal: bool
    stderr_is_terminal: bool
    color: bool
    width: int

    @classmethod
    def detect(cls, no_color: bool = False) -> Environment:
        out_tty = sys.stdout.isatty()
        width = int(os.environ.get("COLUMNS", 0)) or (
            os.get_terminal_size().columns if out_tty else 80
        )
        return cls(
            stdout_is_terminal=out_tty,
            stderr_is_terminal=sys.stderr.isatty(),
            color=out_tty and not no_color and "NO_COLOR" not in os.environ,
            width=width,
        )


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"timeline {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=version_callback, is_eager=True, help="Show version."),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    """Build a sourced chronology from a folder of news articles.

    Example: timeline extract seeds/ && timeline show --actor Qatar
    """
    ctx.obj = {"debug": debug}


StoreOption = Annotated[
    Path,
    typer.Option("--store", "-s", metavar="FILE", help="The event store file.", dir_okay=False),
]
ActorsOption = Annotated[
    Path | None,
    typer.Option(
        "--actors", metavar="FILE", help="An actors.yaml that extends the built-in lexicon."
    ),
]
TopicsOption = Annotated[
    Path | None,
    typer.Option(
        "--topics", metavar="FILE", help="A topics.yaml that extends the built-in lexicon."
    ),
]


def load_lexicon(actors: Path | None, topics: Path | None) -> Lexicon:
    """The shipped lexicons, extended by ./actors.yaml, ./topics.yaml and the options."""
    from timeline.lexicon import Lexicon

    extra = [p for p in (Path("actors.yaml"), Path("topics.yaml")) if p.is_file()]
    for given in (actors, topics):
        if given is not None:
            if not given.is_file():
                raise UsageError(f"no such lexicon file: {given}")
            extra.append(given)
    return Lexicon.load(extra)


def parse_published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--published {value!r} is not a date in YYYY-MM-DD form") from None


def stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


@app.command()
def extract(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files and folders to read (default: seeds/).")
    ] = None,
    store: StoreOption = DEFAULT_STORE,
    actors: ActorsOption = None,
    topics: TopicsOption = None,
    published: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="Publication date of a single document (YYYY-MM-DD)."),
    ] = None,
    prune: Annotated[
        bool, typer.Option(help="Drop events whose documents no longer exist.")
    ] = False,
) -> None:
    """Read articles and write their dated events into the store.

    Example: timeline extract seeds/ --store events.yaml
    """
    from timeline.pipeline import extract as run_extract

    env = Environment.detect()
    lexicon = load_lexicon(actors, topics)
    with ProgressBar(env) as progress:
        report = run_extract(
            paths or [DEFAULT_DOCUMENTS],
            store,
            lexicon,
            published=parse_published(published),
            prune=prune,
            progress=progress,
        )
    for warning in report.warnings:
        typer.echo(f"timeline: warning: {warning}", err=True)
    summary = (
        f"{report.documents} document{'s' if report.documents != 1 else ''} read, "
        f"{report.events} events ({report.new} new), {len(report.warnings)} warnings"
    )
    if report.orphaned or report.removed:
        summary += f", {report.orphaned} orphaned, {report.removed} removed"
    typer.echo(f"{summary} → {store}", err=True)


class ProgressBar:
    """A rich progress bar on stderr when it is a terminal and there is much to read."""

    def __init__(self, env: Environment) -> None:
        self.env = env
        self.bar: Any = None
        self.task: Any = None

    def __enter__(self) -> Any:
        return self.update if self.env.stderr_is_terminal else None

    def update(self, done: int, total: int) -> None:
        if total < PROGRESS_THRESHOLD:
            return
        if self.bar is None:
            from rich.progress import Progress

            self.bar = Progress(console=stderr_console(), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("Reading documents", total=total)
        self.bar.update(self.task, completed=done)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def build_filters(**options: Any) -> Filters:
    from timeline.query import Filters

    return Filters(**options)


ActorFilter = Annotated[
    list[str] | None,
    typer.Option("--actor", "-a", metavar="NAME", help="Events with this actor (repeatable)."),
]
TopicFilter = Annotated[
    list[str] | None,
    typer.Option("--topic", "-t", metavar="NAME", help="Events on this topic (repeatable)."),
]
SinceFilter = Annotated[
    str | None,
    typer.Option(
        metavar="DATE", help="Events on or after this date (2023-11-01, 2023-11, '1 Nov')."
    ),
]
UntilFilter = Annotated[
    str | None, typer.Option(metavar="DATE", help="Events on or before this date.")
]
SearchFilter = Annotated[
    str | None,
    typer.Option(metavar="TEXT", help="Events whose title, quote or names contain this text."),
]
DocumentFilter = Annotated[
    str | None,
    typer.Option("--document", "-d", metavar="ID", help="Events cited from this document id."),
]
LimitFilter = Annotated[
    int | None, typer.Option(metavar="N", help="Show at most this many events.")
]


def selected_events(store: Path, actors_file: Path | None, filters: Filters) -> tuple[Any, list]:
    """The store and its events that pass the filters, in chronological order."""
    from timeline import store as event_store
    from timeline.query import select

    current = event_store.load(store)
    lexicon = load_lexicon(actors_file, None) if (filters.actors or filters.topics) else None
    events = select(event_store.sort_events(current.events), filters, lexicon)
    return current, events


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
    filters = build_filters(
        actors=actor or [],
        topics=topic or [],
        since=since,
        until=until,
        search=search,
        document=document,
        limit=limit,
    )
    current, events = selected_events(store, actors, filters)
    chosen = output_format.value if output_format else ("terminal" if env.color else "plain")
    context = RenderContext(width=env.width, verbose=verbose, documents=current.documents)
    output = get_renderer(chosen)(events, context)
    if chosen == "terminal":
        print_rich(output, env, pager=not no_pager)
    else:
        typer.echo(output, nl=False)


def print_rich(renderable: Any, env: Environment, pager: bool) -> None:
    """Print to the terminal in colour, through a pager when it would not fit."""
    from rich.console import Console

    console = Console(
        color_system="auto" if env.color else None,
        no_color=not env.color,
        highlight=False,
        width=env.width,
    )
    lines = console.render_lines(renderable, pad=False)
    if pager and env.stdout_is_terminal and len(lines) > console.height:
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

    filters = build_filters(
        actors=actor or [],
        topics=topic or [],
        since=since,
        until=until,
        search=search,
        document=document,
        limit=limit,
    )
    current, events = selected_events(store, actors, filters)
    text = get_renderer("markdown")(events, RenderContext(documents=current.documents))
    if output is None:
        typer.echo(text, nl=False)
        return
    write_atomic(output, text)
    typer.echo(f"{len(events)} events → {output}", err=True)


def name_table(store: Path, attribute: str, output_format: Enum | None, no_color: bool) -> None:
    """The actors or topics of the store with their counts and first and last dates."""
    from timeline import store as event_store
    from timeline.query import name_stats

    env = Environment.detect(no_color)
    current = event_store.load(store)
    live = [e for e in current.events if e.status != "rejected"]
    stats = name_stats(live, attribute)
    chosen = output_format.value if output_format else ("terminal" if env.color else "plain")
    if chosen == "json":
        typer.echo(json.dumps([asdict(s) for s in stats], ensure_ascii=False, indent=2))
        return
    table = text_table(("name", "events", "first", "last"))
    for stat in stats:
        table.add_row(stat.name, str(stat.events), stat.first, stat.last)
    print_rich(table, env if chosen == "terminal" else replace(env, color=False), pager=False)


def text_table(columns: tuple[str, ...], title: str | None = None) -> Any:
    """A rich table whose cells are literal text, never markup."""
    from rich.table import Table
    from rich.text import Text

    class LiteralTable(Table):
        def add_row(self, *cells: Any, **kwargs: Any) -> None:
            super().add_row(*(Text(str(c)) for c in cells), **kwargs)

    table = LiteralTable(title=title, header_style="bold")
    for column in columns:
        table.add_column(column, justify="right" if column == "events" else "left")
    return table


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
    from timeline import store as event_store

    try:
        current = event_store.load(store)
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
        table.add_row(
            f"{x.start}-{x.end}",
            x.text,
            x.type,
            x.value if x.end_value is None else f"{x.value}/{x.end_value}",
            x.precision or "",
            x.anchor or "",
        )
    print_rich(table, env, pager=True)


def main() -> None:
    """Entry point of the console script."""
    app()
