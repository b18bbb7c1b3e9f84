"""The extraction run: documents → dates → events → merge → store.

Extraction of one document is a pure function of its file, its metadata and the
lexicons (`process_document`), so it can run in a pool of processes here, or be
mapped over millions of documents by another engine that writes JSON lines for
`timeline merge`. This module holds the order of the stages and nothing of how
any of them works.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO

from timeline import store as event_store
from timeline.dates import document_expressions
from timeline.documents import (
    apply_estimate,
    iter_document_paths,
    load_sources_metadata,
    median_publication_date,
    read_document,
    relative_path,
)
from timeline.errors import InputError, UsageError
from timeline.events import extract_events
from timeline.fingerprints import Fingerprints, fingerprint
from timeline.lexicon import Lexicon
from timeline.merge import MergeReport, StoreMerge, is_explicit
from timeline.model import Document, DocumentRecord, Event, TimeExpression
from timeline.validation import result_problems

Progress = Callable[[int, int], None]
MAX_DOCUMENT_BYTES = 20_000_000
DOCUMENTS_PER_WORKER = 25
# Documents folded into the store at a time: what a run holds of its mentions.
FOLD_DOCUMENTS = 200


@dataclass
class DocumentResult:
    """What extraction made of one document: its record, its events, its warnings."""

    record: DocumentRecord
    events: list[Event]
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        """One line of JSON, as `extract --jsonl` writes and `merge` reads."""
        return json.dumps(
            {
                "document": event_store.document_to_dict(self.record),
                "events": [event_store.event_to_dict(e) for e in self.events],
                "warnings": self.warnings,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, line: str) -> DocumentResult:
        """A result from its JSON line, refused (ValueError) if it breaks the store contract."""
        data = json.loads(line)
        problems = result_problems(data)
        if problems:
            raise ValueError("; ".join(problems[:3]))
        return cls(
            record=event_store.document_from_dict(data["document"]),
            events=[event_store.event_from_dict(e) for e in data["events"]],
            warnings=list(data.get("warnings", [])),
        )


@dataclass
class ExtractReport:
    """What one extraction run did: the figures of the summary line, and warnings."""

    documents: int = 0
    unchanged: int = 0
    events: int = 0
    new: int = 0
    orphaned: int = 0
    removed: int = 0
    changed: bool = False
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Task:
    """One document to read, with what the user said of it."""

    path: Path
    published: date | None = None
    metadata: dict | None = None
    estimate: date | None = None


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


def process_document(task: Task, root: Path, lexicon: Lexicon) -> DocumentResult:
    """Read one document and extract its events: a pure function of file, metadata, lexicon."""
    document = read_document(task.path, task.published, task.metadata, root=root)
    if document.published is None and task.estimate is not None:
        apply_estimate(document, task.estimate)
    events = extract_events(document, lexicon)
    if document.published_from == "estimated":
        flag_estimated_dates(events)
    warnings = [f"{document.id}: {warning}" for warning in document.warnings]
    return DocumentResult(document_record(document), events, warnings)


ESTIMATED_NOTE = "dated against an estimated publication date"


def flag_estimated_dates(events: list[Event]) -> None:
    """Say so on every date worked out from a guessed publication date.

    "On Monday" in a page whose date was estimated is only as good as the
    estimate: the source carries a note and the event less confidence.
    """
    for event in events:
        guessed = [s for s in event.sources if not is_explicit(s.expression)]
        for source in guessed:
            source.note = ESTIMATED_NOTE
        if guessed and event.confidence is not None:
            event.confidence = round(event.confidence / 2, 2)


_worker: dict[str, object] = {}


def _start_worker(lexicon_files: list[Path], root: Path) -> None:
    """Load the lexicons once per worker process."""
    _worker["lexicon"] = Lexicon.load(lexicon_files)
    _worker["root"] = root


def _work(task: Task) -> DocumentResult | str:
    """A worker's job: the document's result, or the message of why it was skipped."""
    try:
        return process_document(task, _worker["root"], _worker["lexicon"])  # type: ignore[arg-type]
    except InputError as error:
        return error.message


def run_tasks(
    tasks: list[Task], root: Path, lexicon_files: list[Path], workers: int
) -> Iterator[DocumentResult | str]:
    """Results in task order, from this process or from a pool of `workers` processes."""
    if workers <= 1 or len(tasks) < 2:
        _start_worker(lexicon_files, root)
        yield from map(_work, tasks)
        return
    with ProcessPoolExecutor(
        workers, initializer=_start_worker, initargs=(lexicon_files, root)
    ) as pool:
        yield from pool.map(_work, tasks, chunksize=max(1, min(16, len(tasks) // (workers * 4))))


def default_workers(documents: int) -> int:
    """One process per core, but never more than the documents justify."""
    return max(1, min(os.cpu_count() or 1, documents // DOCUMENTS_PER_WORKER))


def plan(
    paths: Sequence[Path],
    root: Path,
    known: dict[str, str],
    published: date | None,
    force: bool,
    fingerprints: Fingerprints | None = None,
) -> tuple[list[Task], int, list[str]]:
    """The documents to read now, how many are unchanged since the last run, and warnings.

    With `fingerprints`, a document whose file status is as remembered is not
    read to learn its sha256.
    """
    files = list(iter_document_paths(paths))
    if published is not None and len(files) != 1:
        raise UsageError("--published applies to one document; use sources.yaml for several")
    metadata: dict[Path, dict[str, dict]] = {}
    tasks, unchanged, warnings = [], 0, []
    for path in files:
        status = path.stat()
        if status.st_size > MAX_DOCUMENT_BYTES:
            warnings.append(
                f"{path} skipped: {status.st_size / 1e6:.0f} MB is more than the "
                f"{MAX_DOCUMENT_BYTES / 1e6:.0f} MB a document may have"
            )
            continue
        if fingerprints is not None:
            fingerprints.seen(path, status)
        stored = known.get(relative_path(path, root))
        if not force and stored is not None and stored == _sha256(path, fingerprints):
            unchanged += 1
            continue
        if path.parent not in metadata:
            metadata[path.parent] = load_sources_metadata(path.parent)
        tasks.append(Task(path, published, metadata[path.parent].get(path.name)))
    return tasks, unchanged, warnings


def _sha256(path: Path, fingerprints: Fingerprints | None) -> str:
    """A document's sha256, remembered when `fingerprints` knows it, else read."""
    return fingerprints.of(path) if fingerprints is not None else fingerprint(path)


def extract_batches(
    tasks: list[Task],
    root: Path,
    lexicon_files: list[Path],
    workers: int | None = None,
    progress: Progress | None = None,
    skipped: list[str] | None = None,
) -> Iterator[list[DocumentResult]]:
    """Every task's result, `FOLD_DOCUMENTS` documents at a time, in task order.

    Results are handed on as they come, so that a run holds one batch of
    mentions, not the archive's. Documents without a publication date are read
    again at the end against the median date of the others. The message of each
    document that could not be read goes to `skipped`.
    """
    results = _dated_results(tasks, root, lexicon_files, workers, progress, skipped)
    return batched(results, FOLD_DOCUMENTS)


def _dated_results(
    tasks: list[Task],
    root: Path,
    lexicon_files: list[Path],
    workers: int | None,
    progress: Progress | None,
    skipped: list[str] | None,
) -> Iterator[DocumentResult]:
    """Results as the pool gives them, those of undated documents last, dated again."""
    if not tasks:
        return
    workers = default_workers(len(tasks)) if workers is None else workers
    undated: list[tuple[Task, DocumentResult]] = []
    days: list[date] = []
    for done, outcome in enumerate(run_tasks(tasks, root, lexicon_files, workers), start=1):
        if isinstance(outcome, str):
            if skipped is not None:
                skipped.append(outcome)
        elif outcome.record.published is None:
            undated.append((tasks[done - 1], outcome))
        else:
            days.append(date.fromisoformat(outcome.record.published))
            yield outcome
        if progress:
            progress(done, len(tasks))
    estimate = median_publication_date(days)
    yield from dated_again(undated, estimate, root, lexicon_files, workers)


def dated_again(
    undated: list[tuple[Task, DocumentResult]],
    estimate: date | None,
    root: Path,
    lexicon_files: list[Path],
    workers: int = 1,
) -> Iterator[DocumentResult]:
    """Documents with no publication date, read again against `estimate` when there is one.

    An archive of saved pages may hold thousands without a date; they are read
    by a pool of their own when there are enough of them to share out.
    """
    if estimate is None:
        yield from (result for _, result in undated)
        return
    again = [Task(t.path, t.published, t.metadata, estimate) for t, _ in undated]
    workers = min(workers, default_workers(len(again)))
    yield from (r for r in run_tasks(again, root, lexicon_files, workers) if not isinstance(r, str))


def extract(
    paths: Sequence[Path],
    store_path: Path,
    lexicon_files: list[Path],
    published: date | None = None,
    prune: bool = False,
    force: bool = False,
    workers: int | None = None,
    progress: Progress | None = None,
) -> ExtractReport:
    """Read documents, extract their events and fold them into the store at `store_path`.

    The store is loaded (and refused if invalid) before anything is read, and
    written once, atomically, under its lock. Documents whose bytes are as the
    store last saw them are not read again unless `force`; their events are
    only built when something was read or a document has gone. Results are
    folded in as they come, a batch at a time.
    """
    root = Path.cwd()
    with event_store.locked(store_path):
        documents, events = event_store.load_documents(store_path)
        known = {d.path: d.sha256 for d in documents}
        fingerprints = Fingerprints(store_path)
        tasks, unchanged, warnings = plan(paths, root, known, published, force, fingerprints)
        skipped: list[str] = []
        merge, read, document_warnings = None, [], []
        for batch in extract_batches(tasks, root, lexicon_files, workers, progress, skipped):
            merge = merge or StoreMerge(event_store.load_or_new(store_path))
            merge.fold([r.record for r in batch], [e for r in batch for e in r.events])
            read += (r.record for r in batch)
            document_warnings += (w for r in batch for w in r.warnings)
        warnings += skipped
        if merge is None and not unchanged:
            why = f": {warnings[0]}" if warnings else ""
            raise InputError(f"no readable documents in {', '.join(map(str, paths))}{why}")
        if merge is None and documents_gone(documents, root):
            merge = StoreMerge(event_store.load_or_new(store_path))
        report = ExtractReport(events=events)
        if merge is not None:
            report = extract_report(merge.finish(root, prune))
            if report.changed:
                event_store.save(merge.store, store_path)
        learn_read(fingerprints, tasks, read, root)
        fingerprints.save()
    report.unchanged = unchanged
    report.warnings = warnings + document_warnings
    return report


def documents_gone(documents: list[DocumentRecord], root: Path) -> bool:
    """Whether any of the store's documents is gone from disk.

    When nothing was read and nothing is gone, a merge would change nothing: a
    re-run that finds nothing new need not build the store's events at all.
    """
    return any(not os.path.exists(os.path.join(root, d.path)) for d in documents)


def learn_read(
    fingerprints: Fingerprints, tasks: list[Task], read: list[DocumentRecord], root: Path
) -> None:
    """Remember the sha256 of the documents read in this run, by the status `plan` saw."""
    by_path = {relative_path(task.path, root): task.path for task in tasks}
    for record in read:
        if record.path in by_path:
            fingerprints.learn(by_path[record.path], record.sha256)


def extract_report(merged: MergeReport) -> ExtractReport:
    """The figures of a run's summary line, from what its merge did."""
    return ExtractReport(
        documents=merged.read,
        events=merged.events,
        new=len(merged.new),
        orphaned=len(merged.orphaned),
        removed=len(merged.removed),
        changed=merged.changed,
    )


def write_jsonl(
    paths: Sequence[Path],
    out: IO[str],
    lexicon_files: list[Path],
    published: date | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
) -> ExtractReport:
    """Extract documents to JSON lines, one per document, for `timeline merge` to ingest.

    Each line is written as its batch comes, so the run holds one batch at a time.
    """
    root = Path.cwd()
    tasks, _, warnings = plan(paths, root, {}, published, force=True)
    report, skipped = ExtractReport(), []
    for batch in extract_batches(tasks, root, lexicon_files, workers, progress, skipped):
        for result in batch:
            out.write(result.to_json() + "\n")
            warnings += result.warnings
        report.documents += len(batch)
        report.events += sum(len(r.events) for r in batch)
    report.warnings = warnings + skipped
    return report


def read_jsonl(lines: Iterable[str], name: str) -> Iterator[DocumentResult]:
    """Documents' results from JSON lines; a bad line is an error naming file and line."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield DocumentResult.from_json(line)
        except (ValueError, KeyError, TypeError) as error:
            raise InputError(f"{name}:{number}: not a document result ({error})") from None


def merge_files(files: Sequence[Path], store_path: Path, prune: bool = False) -> ExtractReport:
    """Ingest JSON-lines results (from `extract --jsonl` or another engine) into a store.

    Lines are folded in `FOLD_DOCUMENTS` at a time; the store is written once,
    at the end, so a bad line anywhere leaves it as it was.
    """
    with event_store.locked(store_path):
        merge = StoreMerge(event_store.load_or_new(store_path))
        warnings: list[str] = []
        for batch in batched(results_of(files), FOLD_DOCUMENTS):
            merge.fold([r.record for r in batch], [e for r in batch for e in r.events])
            warnings += (w for r in batch for w in r.warnings)
        report = extract_report(merge.finish(Path.cwd(), prune))
        event_store.save(merge.store, store_path)
    report.warnings = warnings
    return report


def results_of(files: Sequence[Path]) -> Iterator[DocumentResult]:
    """Documents' results from JSON-lines files, one line at a time."""
    for file in files:
        try:
            with file.open(encoding="utf-8") as lines:
                yield from read_jsonl(lines, str(file))
        except OSError as error:
            raise InputError(f"cannot read {file}: {error.strerror}") from None


def batched(items: Iterable[DocumentResult], size: int) -> Iterator[list[DocumentResult]]:
    """Lists of `size` items (the last may be shorter), as they come."""
    batch: list[DocumentResult] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def date_expressions(
    path: Path, published: date | None = None
) -> tuple[Document, list[TimeExpression]]:
    """One document and every temporal expression in it, as `timeline dates` shows them."""
    document = read_document(path, published, load_sources_metadata(path.parent).get(path.name))
    return document, document_expressions(document)
