"""A parsed copy of a file, kept beside it and read instead of it while it is unchanged.

Parsing the store's YAML costs about a second and a half per megabyte even with
libyaml; unmarshalling the same data is a hundred times faster. A copy is stamped
with the file it was made from (size, modification and change times, inode), this
Python's marshal format and the layout of its data. A copy that is missing,
stamped otherwise or damaged is passed over, never trusted over the file itself.

The copy holds sections, each one marshalled object, so a reader can stop after
the ones it needs.
"""

from __future__ import annotations

import contextlib
import gc
import marshal
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from timeline.atomic import replace_file

CACHE_FORMAT = 3
Stamp = tuple[int, int, int, int]


def cache_path(path: Path) -> Path:
    """Where the copy of `path` is kept: beside it, hidden."""
    return path.with_name(f".{path.name}.cache")


def legacy_cache_path(path: Path) -> Path:
    """Where earlier versions kept a JSON copy; it is removed when a new copy is made."""
    return path.with_name(f".{path.name}.cache.json")


def file_stamp(status: os.stat_result) -> Stamp:
    """Size, modification and change times and inode: what changes whenever a file is written.

    The change time cannot be set back by hand and an atomic save makes a new
    inode, so a file put back with its old size and modification time still
    counts as another file.
    """
    return (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)


def _header(stamp: Stamp, layout: str) -> bytes:
    """The start of a copy's first line; the sizes of its sections follow it."""
    python = f"{sys.implementation.cache_tag}-marshal{marshal.version}"
    return f"timeline-cache {CACHE_FORMAT} {layout} {python} {' '.join(map(str, stamp))} |".encode()


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Keep the cyclic garbage collector out of a burst of allocations that all stay alive.

    A large store is millions of dicts, lists and objects without a single
    reference cycle; the collector would walk them again and again as they are made.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_cache(path: Path, stamp: Stamp, layout: str, sections: int) -> list[Any] | None:
    """The first `sections` sections of the copy of `path`, if it was made from the file
    with `stamp` and data of `layout`; None otherwise."""
    try:
        with open(cache_path(path), "rb") as stream:
            header = stream.readline()
            expected = _header(stamp, layout)
            if not header.startswith(expected):
                return None
            sizes = [int(size) for size in header[len(expected) :].split()]
            if len(sizes) < sections:
                return None
            with collector_paused():
                return [marshal.loads(stream.read(size)) for size in sizes[:sections]]
    except (OSError, ValueError, EOFError, TypeError):
        return None


def write_cache(path: Path, stamp: Stamp, layout: str, *sections: Any) -> None:
    """Keep a copy of the data read from the file with `stamp`; failing only costs speed.

    The copy goes through a temporary file and a rename so that a reader never
    sees half of one; it is not synced, as a copy lost in a crash is only remade.
    """
    with contextlib.suppress(OSError, ValueError):
        parts = [marshal.dumps(section) for section in sections]
        sizes = " ".join(str(len(part)) for part in parts)
        header = _header(stamp, layout) + f"{sizes}\n".encode()
        replace_file(cache_path(path), [header, *parts], binary=True, mode=0o644)
        legacy_cache_path(path).unlink(missing_ok=True)
