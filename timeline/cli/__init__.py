"""The `timeline` command line: options in, one library call, output out.

This package is the only place that prints. `app` holds the application and the
options commands share; `reading` and `writing` register the commands.
"""

from timeline.cli import reading, writing
from timeline.cli.app import app

__all__ = ["app", "main", "reading", "writing"]


def main() -> None:
    """Entry point of the console script."""
    app()
