"""The `timeline` command line: options in, one library call, output out."""

import typer

from timeline import __version__

app = typer.Typer(help="Build a sourced chronology from a folder of news articles.")


@app.callback(invoke_without_command=True)
def root(version: bool = typer.Option(False, "--version", help="Show the version.")) -> None:
    """Build a sourced chronology from a folder of news articles."""
    if version:
        typer.echo(f"timeline {__version__}")
        raise typer.Exit()


def main() -> None:
    """Entry point of the console script."""
    app()
