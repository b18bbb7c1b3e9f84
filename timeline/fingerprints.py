"""Documents' sha256, remembered by file status so that unchanged files are not read again.

Reading ten thousand documents only to learn that none has changed costs more than
the rest of a re-run. Like git's index, a small file beside the store remembers for
each document its size, modification and change times, inode and sha256; a file
whose status is as remembered has the sha256 remembered. The change time cannot be
set back by hand, so a file rewritten and given its old modification time is read.

File systems keep times at a coarse tick: a file written within the same tick as it
was fingerprinted could change again without its times moving. A fingerprint is
therefore remembered only once the file's times are a second older than the run
that read it; until then the file is read every time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from pathlib import Path

from timeline.atomic import replace_file
from timeline.cache import Stamp, file_stamp
from timeline.documents import read_bytes

FORMAT = 1
SETTLED_NANOSECONDS = 1_000_000_000


def fingerprint(path: Path) -> str:
    """The sha256 of a file's bytes, as the store records it."""
    return hashlib.sha256(read_bytes(path)).hexdigest()


def fingerprints_path(store: Path) -> Path:
    """Where the fingerprints of a store's documents are kept: beside it, hidden."""
    return store.with_name(f".{store.name}.fingerprints")


def _valid(entry: object) -> bool:
    """Whether a remembered entry has the shape `learn` writes: four numbers and a sha256."""
    return (
        isinstance(entry, list)
        and len(entry) == 5
        and all(isinstance(number, int) for number in entry[:4])
        and isinstance(entry[4], str)
    )


class Fingerprints:
    """The remembered fingerprints of one store's documents, by absolute path."""

    def __init__(self, store: Path) -> None:
        self.path = fingerprints_path(store)
        self.started = time.time_ns()
        self.known = self._read()
        self.statuses: dict[str, Stamp] = {}
        self.changed = False

    def _read(self) -> dict[str, list]:
        """What the file remembers; nothing if it is missing, damaged or of another format."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return {}
        documents = data.get("documents")
        return documents if isinstance(documents, dict) else {}

    def seen(self, path: Path, status: os.stat_result) -> None:
        """Note a document's status, taken before anything reads it in this run."""
        self.statuses[os.path.abspath(path)] = file_stamp(status)

    def of(self, path: Path) -> str:
        """The document's sha256: remembered if its status is as it was, else read now.

        `seen` must have been given its status first.
        """
        key = os.path.abspath(path)
        stamp = self.statuses[key]
        remembered = self.known.get(key)
        if _valid(remembered) and tuple(remembered[:-1]) == stamp:
            return remembered[-1]
        sha256 = fingerprint(path)
        self.learn(path, sha256)
        return sha256

    def learn(self, path: Path, sha256: str) -> None:
        """Remember the sha256 read from a document after its status was `seen`."""
        key = os.path.abspath(path)
        stamp = self.statuses.get(key)
        if stamp is None or not self._settled(stamp):
            return
        entry = [*stamp, sha256]
        if self.known.get(key) != entry:
            self.known[key] = entry
            self.changed = True

    def _settled(self, stamp: Stamp) -> bool:
        """Whether the file's times are old enough that a later change must move them."""
        _, modified, changed, _ = stamp
        return self.started - max(modified, changed) > SETTLED_NANOSECONDS

    def save(self) -> None:
        """Write what is remembered, if anything changed, leaving out files gone from disk.

        Failing only costs speed on the next run, so errors are not raised.
        """
        if not self.changed:
            return
        documents = {
            key: entry
            for key, entry in sorted(self.known.items())
            if key in self.statuses or os.path.exists(key)
        }
        text = json.dumps({"format": FORMAT, "documents": documents}, separators=(",", ":"))
        with contextlib.suppress(OSError):
            replace_file(self.path, [text])
        self.changed = False
