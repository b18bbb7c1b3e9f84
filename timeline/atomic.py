"""Replacing a file whole: written beside it under a temporary name, then renamed.

A reader, or a crash, never finds half a file: the store, its cache and the
documents' fingerprints are all written this way.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def replace_file(
    path: Path,
    chunks: Iterable[str] | Iterable[bytes],
    binary: bool = False,
    sync: bool = False,
    mode: int | None = None,
) -> None:
    """Replace `path` with `chunks`, in order, through a temporary file and a rename.

    `sync` waits for the disk before the rename, for files whose loss would cost
    data rather than time; `mode` None leaves the temporary file's owner-only mode.
    """
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        opened = (
            os.fdopen(handle, "wb")
            if binary
            else os.fdopen(handle, "w", encoding="utf-8", newline="\n")
        )
        with opened as stream:
            stream.writelines(chunks)
            if sync:
                stream.flush()
                os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
