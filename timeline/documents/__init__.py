"""Reading documents from disk: which files, their text, and when they were published.

A document's text is kept exactly as decoded from its file (an HTML file gives
the text of its markup): the store cites quotes by their offset in it, so
nothing here normalises it. What the page is made of (article, bylines,
adverts, comments…) is told by `timeline.documents.page`, and when it was published by
`timeline.documents.published`; this module reads files and folders and puts it together.
"""

from __future__ import annotations

import hashlib
import os
import re
import statistics
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path

from timeline.documents.furniture import date_marks
from timeline.documents.page import segment_page
from timeline.documents.published import publication_from_page
from timeline.errors import InputError
from timeline.model import Document

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
STORE_FILES = frozenset({"events.yaml", "sources.yaml"})
SOURCES_FILE = "sources.yaml"
SNIFF_BYTES = 8192
FALLBACK_ENCODINGS = ("cp1252", "latin-1")
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def iter_document_paths(paths: Sequence[Path]) -> Iterator[Path]:
    """Every document file named in `paths` or found in the folders among them.

    Folders are walked in sorted order, following symbolic links but never into
    a folder twice, so a link loop ends the walk instead of repeating it. Hidden
    files, the store's own files and files that are not text are left out; the
    same file reached twice is given once.
    """
    seen_files: set[tuple[int, int]] = set()
    seen_folders: set[tuple[int, int]] = set()
    for path in paths:
        if not path.exists():
            raise InputError(missing_path_message(path))
        if path.is_dir():
            found = walk_folder(path, seen_folders)
        else:
            found = iter([path]) if is_document_file(path) else iter(())
        for file in found:
            identity = file_identity(file)
            if identity is not None and identity not in seen_files:
                seen_files.add(identity)
                yield file


def missing_path_message(path: Path) -> str:
    """Why a path given to read cannot be found, in words a user can act on."""
    if path.is_symlink():
        return f"{path} is a symbolic link to nothing (or to itself)"
    return f"{path} does not exist"


def file_identity(path: Path) -> tuple[int, int] | None:
    """The device and inode a path leads to, links followed; None when links loop.

    Two paths to one file share it, whatever links lie between; one stat call
    finds it, where resolving the path would look at each of its parts.
    """
    try:
        status = path.stat()
    except (OSError, RuntimeError):
        return None
    return status.st_dev, status.st_ino


def walk_folder(folder: Path, seen_folders: set[tuple[int, int]]) -> Iterator[Path]:
    """The document files under `folder`, depth first in name order, each folder once."""
    identity = file_identity(folder)
    if identity is None or identity in seen_folders:
        return
    seen_folders.add(identity)
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        path = folder / entry.name
        if entry.name.startswith("."):
            continue
        kind = _entry_kind(entry)
        if kind == "folder":
            yield from walk_folder(path, seen_folders)
        elif kind == "file" and is_document_file(path):
            yield path


def _entry_kind(entry: os.DirEntry) -> str | None:
    """What an entry is, links followed: "folder", "file", or None (anything else, or a
    broken or looping link). scandir mostly knows it already, without a stat call."""
    try:
        return "folder" if entry.is_dir() else "file" if entry.is_file() else None
    except OSError:
        return None


def is_document_file(path: Path) -> bool:
    """Whether a file is one to read: a text or HTML file, not hidden, not the store's own."""
    if path.name.startswith(".") or path.name in STORE_FILES:
        return False
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES or suffix in HTML_SUFFIXES:
        return True
    return suffix == "" and looks_like_text(path)


def looks_like_text(path: Path) -> bool:
    """Whether the start of a file without extension decodes as text."""
    try:
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except OSError:
        return False
    if not head.strip() or b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start >= len(head) - 3
    return True


def read_document(
    path: Path,
    published: date | None = None,
    metadata: dict | None = None,
    root: Path | None = None,
) -> Document:
    """Read one document: its text, its blocks, its title and its publication date.

    `published` (given by the user) wins over `metadata["published"]` (from
    sources.yaml), which wins over what the page says. `root` makes the stored
    path relative, so a store moves with its folder.
    """
    metadata = metadata or {}
    raw = read_bytes(path)
    text, warnings = decode(raw, path)
    if path.suffix.lower() in HTML_SUFFIXES:
        text = html_text(text)
    if not text.strip():
        raise InputError(f"{path} is empty: there is nothing to read")
    marks = date_marks(text)
    page = segment_page(text, marks)
    document = Document(
        id=path.stem,
        path=relative_path(path, root),
        text=text,
        sha256=hashlib.sha256(raw).hexdigest(),
        title=str(metadata.get("title") or page.title),
        url=metadata.get("url"),
        blocks=page.blocks,
        warnings=warnings,
    )
    given = published or metadata_date(metadata, path)
    if given is not None:
        document.published, document.published_from = given, "user"
    else:
        publication = publication_from_page(text, page)
        document.published, document.published_from = publication.day, publication.source
        if publication.warning:
            document.warnings.append(publication.warning)
    return document


def read_bytes(path: Path) -> bytes:
    """The bytes of a file, or an `InputError` saying why they cannot be read."""
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path} is a folder, not a document") from None
    except FileNotFoundError:
        raise InputError(missing_path_message(path)) from None
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from None


def decode(raw: bytes, path: Path) -> tuple[str, list[str]]:
    """The text of a file's bytes, and a warning when it was not UTF-8.

    UTF-8 (with or without a byte-order mark) is expected; UTF-16 is read when
    its byte-order mark says so; anything else is read as cp1252, then latin-1,
    which always succeeds. NUL bytes anywhere else mean the file is not text.
    """
    if raw.startswith(UTF16_BOMS):
        try:
            return raw.decode("utf-16"), []
        except UnicodeDecodeError:
            raise InputError(f"{path} says it is UTF-16 but does not decode as such") from None
    if b"\x00" in raw:
        raise InputError(f"{path} is a binary file, not a text document")
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    for encoding in FALLBACK_ENCODINGS:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, [f"not valid UTF-8; read as {encoding}, some characters may be wrong"]
    raise AssertionError("latin-1 decodes any bytes")


def relative_path(path: Path, root: Path | None) -> str:
    """The path as stored: relative to `root` when under it, with forward slashes."""
    if root is not None:
        try:
            return path.absolute().relative_to(root.absolute()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def metadata_date(metadata: dict, path: Path) -> date | None:
    """The publication date the metadata gives, checked."""
    try:
        return as_date(metadata.get("published"))
    except ValueError:
        raise InputError(f"{path}: published {metadata['published']!r} is not a date") from None


def as_date(value: object) -> date | None:
    """A publication date given as a date, a datetime or an ISO string."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value).strip())


class TextOfHtml(HTMLParser):
    """Collects the visible text of an HTML page, a line per block element."""

    BLOCK_TAGS = frozenset(
        "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3"
        " h4 h5 h6 header hr li main nav ol p pre section table td th tr ul title".split()
    )
    HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template", "svg"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        """Open a hidden element, or start a new line at a block element."""
        if tag in self.HIDDEN_TAGS:
            self.hidden += 1
        elif tag in self.BLOCK_TAGS:
            self.pieces.append("\n")

    def handle_endtag(self, tag: str) -> None:
        """Close a hidden element, or end the line of a block element."""
        if tag in self.HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCK_TAGS:
            self.pieces.append("\n")

    def handle_data(self, data: str) -> None:
        """Keep visible text, with its runs of white space made single spaces."""
        if not self.hidden:
            self.pieces.append(re.sub(r"\s+", " ", data))

    def text(self) -> str:
        """The collected text: one line per block, a blank line between paragraphs."""
        lines = [re.sub(" {2,}", " ", line).strip() for line in "".join(self.pieces).split("\n")]
        return "\n\n".join(line for line in lines if line) + "\n"


def html_text(markup: str) -> str:
    """The visible text of an HTML page, without its tags, scripts and styles."""
    parser = TextOfHtml()
    parser.feed(markup)
    parser.close()
    return parser.text()


def load_sources_metadata(folder: Path) -> dict[str, dict]:
    """What `sources.yaml` in `folder` says of its documents, by file name.

    Each entry may give `published` (a date), `title` and `url`. A folder without
    the file has no metadata; a malformed file is an `InputError` naming the line.
    """
    import yaml

    path = folder / SOURCES_FILE
    if not path.is_file():
        return {}
    try:
        content = path.read_text(encoding="utf-8-sig")
        node = yaml.compose(content, Loader=yaml.SafeLoader)
        data = yaml.SafeLoader(content).construct_document(node) if node else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise InputError(f"{path}{where}: not valid YAML") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read {path}: {error}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(f"{path} line 1: expected a mapping of file names to their details")
    lines = {str(key.value): key.start_mark.line + 1 for key, _ in node.value}
    return {
        str(name): source_entry(entry, f"{path} line {lines.get(str(name), 1)}")
        for name, entry in data.items()
    }


def source_entry(entry: object, where: str) -> dict:
    """One checked entry of sources.yaml: a mapping with a valid date if any."""
    if entry is None:
        return {}
    if not isinstance(entry, dict):
        raise InputError(f"{where}: expected published, title and url under the file name")
    try:
        published = as_date(entry.get("published"))
    except ValueError:
        raise InputError(f"{where}: published is not a date (YYYY-MM-DD)") from None
    details = {key: entry[key] for key in ("title", "url") if entry.get(key) is not None}
    return {**details, "published": published} if published else details


def median_publication_date(days: Sequence[date]) -> date | None:
    """The median of publication dates (the lower one of an even count), or None."""
    if not days:
        return None
    return date.fromordinal(statistics.median_low(sorted(day.toordinal() for day in days)))


def apply_estimate(document: Document, day: date) -> None:
    """Date an undated document by an estimate, and say so in a warning."""
    document.published, document.published_from = day, "estimated"
    document.warnings.append(
        f"publication date {day} is estimated: the median of the other documents"
    )


def estimate_publication_dates(documents: list[Document]) -> None:
    """Give each undated document the median publication date of the dated ones.

    Documents read together are usually from the same days, so the median is a
    fair guess for relative dates; each guess is said in a warning. With no
    dated document there is nothing to guess from, and the dates stay unknown.
    """
    median = median_publication_date([d.published for d in documents if d.published])
    if median is None:
        return
    for document in documents:
        if document.published is None:
            apply_estimate(document, median)
