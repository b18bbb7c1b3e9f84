"""The application, its error handling, its environment and the options commands share.

Library errors (TimelineError) are turned into one line on stderr and an exit
code in one place, `ErrorHandlingGroup`.
"""

from __future__ import annotations

import gc
import os
import sys
import traceback
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from timeline import __version__
from timeline.errors import ExitCode, TimelineError, UsageError
from timeline.render import FORMATS

if TYPE_CHECKING:
    from rich.console import Console

    from timeline.lexicon import Lexicon
    from timeline.model import Event, Store
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


COMMAND_ORDER = (
    "extract",
    "show",
    "markdown",
    "conflicts",
    "actors",
    "topics",
    "confirm",
    "reject",
    "edit",
    "add",
    "check",
    "dates",
    "merge",
)


class ErrorHandlingGroup(TyperGroup):
    """The CLI's single exit point for errors: one clear line, no traceback."""

    def list_commands(self, ctx: typer.Context) -> list[str]:
        """Commands in the order a user meets them, not the order they were registered."""
        names = super().list_commands(ctx)
        return sorted(names, key=lambda n: (COMMAND_ORDER + (n,)).index(n))

    def invoke(self, ctx: typer.Context) -> Any:
        """Run the command; errors become one line, and the collector is back on after it."""
        collecting = gc.isenabled()
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
        finally:
            if collecting:
                gc.enable()


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


def lexicon_files(actors: Path | None = None, topics: Path | None = None) -> list[Path]:
    """The user's lexicon files: ./actors.yaml and ./topics.yaml if present, then the options."""
    files = [p for p in (Path("actors.yaml"), Path("topics.yaml")) if p.is_file()]
    for given in (actors, topics):
        if given is not None:
            if not given.is_file():
                raise UsageError(f"no such lexicon file: {given}")
            files.append(given)
    return files


def load_lexicon(actors: Path | None = None, topics: Path | None = None) -> Lexicon:
    """The shipped lexicons, extended by the user's files."""
    from timeline.lexicon import Lexicon

    return Lexicon.load(lexicon_files(actors, topics))


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


def build_filters(
    actors: list[str] | None,
    topics: list[str] | None,
    since: str | None,
    until: str | None,
    search: str | None,
    document: str | None,
    limit: int | None,
) -> Filters:
    """The filters `show` and `markdown` share, from their options."""
    from timeline.query import Filters

    return Filters(actors or [], topics or [], since, until, search, document, limit)


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


def read_store(path: Path, with_json: bool = False) -> tuple[Store, dict[str, str]]:
    """The store for a command that only reads it, with its events' JSON lines if asked.

    The cycle collector is off until the command ends: a store holds no reference
    cycles, and the collector would only walk millions of loaded objects again and
    again while the output is made.
    """
    from timeline import store as event_store

    gc.disable()
    if with_json:
        return event_store.load_with_json(path)
    return event_store.load(path), {}


def selected_events(current: Store, actors_file: Path | None, filters: Filters) -> list[Event]:
    """The store's events that pass the filters, in chronological order."""
    from timeline import store as event_store
    from timeline.query import select

    lexicon = load_lexicon(actors_file, None) if (filters.actors or filters.topics) else None
    return select(event_store.sort_events(current.events), filters, lexicon)
