"""One family of errors, each with a message a user can act on.

Library code raises these; the CLI is the only place that turns them into a line
on stderr and an exit code, so a message is written once and shown the same way
everywhere.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Exit statuses of the `timeline` command."""

    OK = 0
    PROBLEMS = 1
    USAGE = 2
    NOT_FOUND = 3
    LOCKED = 4
    INTERRUPTED = 130


class TimelineError(Exception):
    """Base of every error a user should see as one clear line."""

    exit_code: ExitCode = ExitCode.PROBLEMS

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(TimelineError):
    """An option or argument the user gave cannot be used."""

    exit_code = ExitCode.USAGE


class InputError(TimelineError):
    """A document or path given to read is missing or unreadable."""

    exit_code = ExitCode.NOT_FOUND


class StoreNotFound(TimelineError):
    """The store file does not exist yet."""

    exit_code = ExitCode.NOT_FOUND


class StoreLocked(TimelineError):
    """Another process holds the store's lock."""

    exit_code = ExitCode.LOCKED


class StoreInvalid(TimelineError):
    """The store cannot be read, or breaks the contract; `problems` lists why."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []
