"""The extraction run: documents → dates → events → merge → store.

Each command of the CLI calls one function here or in `query`; this module holds
the order of the stages and nothing of how any of them works.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from timeline import store as event_store
from timeline.dates import document_expressions
from timeline.documents import (
    estimate_publication_dates,
    iter_document_paths,
    load_sources_metadata,
    read_document,
)
from timeline.errors import InputError, UsageError
from timeline.events import extract_events
from timeline.lexicon import Lexicon
from timeline.merge import merge_extraction
from timeline.model import Document, DocumentRecord, TimeExpression

Progress = Callable[[int, int], None]


@dataclass
class ExtractReport:
    """What one extraction run did: the figures of the summary line, and warnings."""

    documents: int = 0
    events: int = 0
    new: int = 0
    orphaned: int = 0
    removed: int = 0
    warnings: list[str] = field(default_factory=list)


def document_record(document: Document) -> DocumentRecord:
    """What the store keeps of a document read now."""
    return DocumentRecord(
        id=document.id,
        path=document.path,
        sha256=document.sha256,
        title=document.title,
        published=document.published.isoformat() if document.published else None,
        published_from=document.published_from,
        url=document.url,
    )


def read_documents(
    paths: Sequence[Path],
    root: Path,
    published: date | None = None,
    progress: Progress | None = None,
) -> tuple[list[Document], list[str]]:
    """Read every document under `paths`; unreadable ones become warnings, not failures."""
    files = list(iter_document_paths(paths))
    if published is not None and len(files) != 1:
        raise UsageError("--published applies to one document; use sources.yaml for several")
    metadata: dict[Path, dict[str, dict]] = {}
    documents, warnings = [], []
    for done, path in enumerate(files, start=1):
        folder = path.parent
        if folder not in metadata:
            metadata[folder] = load_sources_metadata(folder)
        try:
            documents.append(
                read_document(path, published, metadata[folder].get(path.name), root=root)
            )
        except InputError as error:
            warnings.append(error.message)
        if progress:
            progress(done, len(files))
    if not documents:
        raise InputError("no readable documents in " + ", ".join(str(p) for p in paths))
    estimate_publication_dates(documents)
    warnings.extend(f"{d.id}: {w}" for d in documents for w in d.warnings)
    return documents, warnings


def extract(
    paths: Sequence[Path],
    store_path: Path,
    lexicon: Lexicon,
    published: date | None = None,
    prune: bool = False,
    progress: Progress | None = None,
) -> ExtractReport:
    """Read documents, extract their events and fold them into the store at `store_path`.

    The store is loaded (and refused if invalid) before anything is read, and
    written once, atomically, under its lock.
    """
    root = Path.cwd()
    with event_store.locked(store_path):
        current = event_store.load_or_new(store_path)
        documents, warnings = read_documents(paths, root, published, progress)
        extracted = [event for d in documents for event in extract_events(d, lexicon)]
        merged = merge_extraction(
            current, [document_record(d) for d in documents], extracted, root, prune
        )
        event_store.save(current, store_path)
    return ExtractReport(
        documents=len(documents),
        events=merged.events,
        new=len(merged.new),
        orphaned=len(merged.orphaned),
        removed=len(merged.removed),
        warnings=warnings,
    )


def date_expressions(
    path: Path, published: date | None = None
) -> tuple[Document, list[TimeExpression]]:
    """One document and every temporal expression in it, as `timeline dates` shows them."""
    document = read_document(path, published, load_sources_metadata(path.parent).get(path.name))
    return document, document_expressions(document)
