"""Commands that write the store: extract, merge, and curation by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from timeline.cli.app import (
    DEFAULT_DOCUMENTS,
    DEFAULT_STORE,
    PROGRESS_THRESHOLD,
    ActorsOption,
    Environment,
    StoreOption,
    TopicsOption,
    app,
    lexicon_files,
    parse_published,
    stderr_console,
)

WorkersOption = Annotated[
    int | None,
    typer.Option(metavar="N", min=1, help="Processes to extract with (default: one per core)."),
]


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
    force: Annotated[
        bool, typer.Option(help="Read documents again even when they have not changed.")
    ] = False,
    prune: Annotated[
        bool, typer.Option(help="Drop events whose documents no longer exist.")
    ] = False,
    workers: WorkersOption = None,
    jsonl: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="Write per-document results as JSON lines (- for stdout) instead of a store.",
        ),
    ] = None,
) -> None:
    """Read articles and write their dated events into the store.

    Documents unchanged since the last run are not read again (--force to
    re-read them); events you confirmed, rejected, edited or added survive.

    Example: timeline extract seeds/ --store events.yaml
    """
    from timeline import pipeline

    env = Environment.detect()
    files = lexicon_files(actors, topics)
    day = parse_published(published)
    with ProgressBar(env) as progress:
        if jsonl is not None:
            report = write_jsonl(paths or [DEFAULT_DOCUMENTS], jsonl, files, day, workers, progress)
        else:
            report = pipeline.extract(
                paths or [DEFAULT_DOCUMENTS],
                store,
                files,
                published=day,
                prune=prune,
                force=force,
                workers=workers,
                progress=progress,
            )
    summarise(report, jsonl if jsonl is not None else store)


def write_jsonl(
    paths: list[Path], target: Path, files: list[Path], day: Any, workers: Any, progress: Any
) -> Any:
    """Extraction to JSON lines, in a file written atomically or on stdout."""
    import io

    from timeline import pipeline
    from timeline.store import write_atomic

    buffer = io.StringIO()
    report = pipeline.write_jsonl(paths, buffer, files, day, workers, progress)
    if str(target) == "-":
        typer.echo(buffer.getvalue(), nl=False)
    else:
        write_atomic(target, buffer.getvalue())
    return report


def summarise(report: Any, target: Path) -> None:
    """Warnings, then the one-line summary of a run, on stderr."""
    for warning in report.warnings:
        typer.echo(f"timeline: warning: {warning}", err=True)
    read = f"{counted(report.documents, 'document')} read"
    if report.unchanged:
        read += f", {report.unchanged} unchanged"
    events = f"{counted(report.events, 'event')} ({report.new} new)"
    summary = f"{read}, {events}, {counted(len(report.warnings), 'warning')}"
    if report.orphaned or report.removed:
        summary += f", {report.orphaned} orphaned, {report.removed} removed"
    typer.echo(f"{summary} → {target}", err=True)


def counted(number: int, noun: str) -> str:
    """A count with its noun, singular for one: "1 warning", "2 warnings"."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


@app.command()
def merge(
    files: Annotated[list[Path], typer.Argument(help="JSON-lines files from extract --jsonl.")],
    store: StoreOption = DEFAULT_STORE,
    prune: Annotated[
        bool, typer.Option(help="Drop events whose documents no longer exist.")
    ] = False,
) -> None:
    """Ingest per-document results (from extract --jsonl or another engine) into the store.

    Example: timeline extract big/ --jsonl part1.jsonl && timeline merge part1.jsonl
    """
    from timeline.pipeline import merge_files

    summarise(merge_files(files, store, prune), store)


IdsArgument = Annotated[list[str], typer.Argument(help="Event ids (or unique starts of ids).")]


def say_changed(events: list[Any], what: str) -> None:
    for event in events:
        typer.echo(f"{what} {event.id}  {event.date}  {event.title}")


@app.command()
def confirm(ids: IdsArgument, store: StoreOption = DEFAULT_STORE) -> None:
    """Mark events as confirmed by a person.

    Example: timeline confirm 5c2a0e91d7 8f1b
    """
    from timeline.curate import set_status

    say_changed(set_status(store, ids, "confirmed"), "confirmed")


@app.command()
def reject(ids: IdsArgument, store: StoreOption = DEFAULT_STORE) -> None:
    """Reject events: they are hidden and never come back on re-extraction.

    Example: timeline reject 5c2a0e91d7
    """
    from timeline.curate import set_status

    say_changed(set_status(store, ids, "rejected"), "rejected")


TitleOption = Annotated[str | None, typer.Option(metavar="TEXT", help="The event's title.")]
DateOption = Annotated[
    str | None, typer.Option(metavar="DATE", help="Its date: 2023-11-12, 2023-11, 2023, 2023-W46.")
]
ActorList = Annotated[
    list[str] | None,
    typer.Option("--actor", "-a", metavar="NAME", help="An actor (repeatable; replaces all)."),
]
TopicList = Annotated[
    list[str] | None,
    typer.Option("--topic", "-t", metavar="NAME", help="A topic (repeatable; replaces all)."),
]


@app.command()
def edit(
    event_id: Annotated[str, typer.Argument(metavar="ID", help="The event's id.")],
    title: TitleOption = None,
    date: DateOption = None,
    actor: ActorList = None,
    topic: TopicList = None,
    store: StoreOption = DEFAULT_STORE,
) -> None:
    """Change an event by hand; the fields you set are kept through every re-extraction.

    Example: timeline edit 5c2a0e91d7 --title "Hamas frees two American hostages"
    """
    from timeline.curate import Changes, edit_event

    event = edit_event(store, event_id, Changes(title, date, actor, topic))
    say_changed([event], "edited")


@app.command()
def add(
    date: DateOption = None,
    title: TitleOption = None,
    actor: ActorList = None,
    topic: TopicList = None,
    store: StoreOption = DEFAULT_STORE,
) -> None:
    """Add an event by hand (no source needed); extraction never removes it.

    Example: timeline add --date 2023-11-24 --title "Truce takes effect" --actor Israel
    """
    from timeline.curate import Changes, add_event

    say_changed([add_event(store, Changes(title, date, actor, topic))], "added")


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
