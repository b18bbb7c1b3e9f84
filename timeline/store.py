"""events.yaml: loading, the dict form, caching and atomic saving.

The store is read and edited by people and kept in git, so loading is safe-only,
saving is deterministic (fixed key order, events sorted by date then id) and every
write goes through a temporary file and a rename so a crash never leaves half a file.
The contract itself is checked in `validation`; the parsed copy is kept by `cache`.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any

from timeline.atomic import replace_file
from timeline.cache import Stamp, collector_paused, file_stamp, read_cache, write_cache
from timeline.errors import StoreInvalid, StoreLocked, StoreNotFound
from timeline.model import DocumentRecord, Event, Source, Store, date_span
from timeline.validation import STORE_VERSION, as_text, validate

FIELD_NAMES = {
    cls: frozenset(f.name for f in fields(cls)) for cls in (DocumentRecord, Event, Source)
}
LOCK_WAIT_SECONDS = 5.0
LINE_WIDTH = 88
# Events written at a time: the text in memory stays small, and the pieces few.
EVENTS_PER_DUMP = 256
ITEM_START = re.compile(r"^- ", re.MULTILINE)

DOCUMENT_KEYS = ("id", "path", "sha256", "title", "published", "published_from", "url")
EVENT_KEYS = (
    "id",
    "date",
    "precision",
    "qualifier",
    "title",
    "actors",
    "topics",
    "sources",
    "status",
    "conflict",
    "added_by_hand",
    "orphaned",
    "edited",
    "confidence",
)
SOURCE_KEYS = ("document", "date", "expression", "quote", "offset", "attribution", "note")
CACHE_SECTIONS = {"documents": dict, "events": list, "json lines": dict}
KEY_LAYOUT = repr((DOCUMENT_KEYS, EVENT_KEYS, SOURCE_KEYS, list(CACHE_SECTIONS))).encode()
CACHE_LAYOUT = f"store{STORE_VERSION}-{zlib.crc32(KEY_LAYOUT):08x}"


# --- dict form ---------------------------------------------------------------


def _compact(data: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    """Keep `keys` in order, dropping optional fields at their empty default.

    Only set fields are written, so a store stays short and a new optional field
    does not rewrite every event in a git diff.
    """
    out: dict[str, Any] = {}
    for key in keys:
        value = data.get(key)
        if value is None or value is False or (value == [] and key not in ("actors", "topics")):
            continue
        out[key] = value
    return out


def source_to_dict(source: Source) -> dict[str, Any]:
    """A source in the store's key order."""
    return _compact(vars(source), SOURCE_KEYS)


def event_to_dict(event: Event) -> dict[str, Any]:
    """An event in the store's key order, with its sources."""
    data = dict(vars(event))
    data["actors"] = list(event.actors)
    data["topics"] = list(event.topics)
    data["edited"] = list(event.edited)
    data["sources"] = [source_to_dict(source) for source in event.sources]
    return _compact(data, EVENT_KEYS)


def document_to_dict(record: DocumentRecord) -> dict[str, Any]:
    """A document record in the store's key order."""
    data = _compact(vars(record), DOCUMENT_KEYS)
    data.setdefault("published", None)
    return {key: data[key] for key in DOCUMENT_KEYS if key in data}


JSON_ENCODER = json.JSONEncoder(ensure_ascii=False)


def event_json(data: dict[str, Any]) -> str:
    """An event's dict form as one line of JSON, its text written as it is."""
    return JSON_ENCODER.encode(data)


def json_lines(data: dict[str, Any]) -> dict[str, str]:
    """Each event of a store's dict form as a line of JSON, by event id."""
    return {event["id"]: event_json(event) for event in data["events"]}


def store_to_dict(store: Store) -> dict[str, Any]:
    """The whole store as plain data, sorted as it is written."""
    return {
        "version": store.version,
        "documents": [document_to_dict(d) for d in sorted(store.documents, key=lambda d: d.id)],
        "events": [event_to_dict(e) for e in sort_events(store.events)],
    }


def sort_events(events: list[Event]) -> list[Event]:
    """Chronological order: by the start of each date's span, coarser first, then id."""
    return sorted(events, key=event_sort_key)


def event_sort_key(event: Event) -> tuple[Any, ...]:
    """Sort key placing a month before the days inside it, then by id."""
    start, end = date_span(event.date, event.precision)
    return (start, -(end - start).days, event.id)


# --- from dict form ----------------------------------------------------------


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """The entries of `data` that are fields of `cls`, unknown ones left aside."""
    names = FIELD_NAMES[cls]
    return {k: v for k, v in data.items() if k in names}


def document_from_dict(raw: dict[str, Any]) -> DocumentRecord:
    """A document record from its dict form."""
    record = DocumentRecord(**_known(DocumentRecord, raw))
    record.published = as_text(record.published)
    return record


def event_from_dict(raw: dict[str, Any]) -> Event:
    """An event from its dict form; hand-written dates and years read as text."""
    values = _known(Event, raw)
    values["date"] = as_text(values["date"])
    values["sources"] = [
        Source(**{**_known(Source, s), "date": as_text(s.get("date"))})
        for s in raw.get("sources") or []
    ]
    return Event(**values)


def _event_from_stored(raw: dict[str, Any]) -> Event:
    """An event from the form `event_to_dict` gives: every key a field, every value typed."""
    values = dict(raw)
    values["sources"] = [Source(**source) for source in raw.get("sources", ())]
    return Event(**values)


def store_from_stored(data: dict[str, Any]) -> Store:
    """A Store from the form `store_to_dict` gives, which needs no checking or conversion.

    Only data this module made (a cache, or a store it has just validated) has
    that form; hand-written text goes through `parse_data` and `store_from_dict`.
    """
    with collector_paused():
        return Store(
            version=data["version"],
            documents=[DocumentRecord(**raw) for raw in data["documents"]],
            events=[_event_from_stored(raw) for raw in data["events"]],
        )


def store_from_dict(data: dict[str, Any]) -> Store:
    """Build a Store from data that `validate` found no problem with."""
    return Store(
        version=data.get("version", STORE_VERSION),
        documents=[document_from_dict(raw) for raw in data.get("documents") or []],
        events=[event_from_dict(raw) for raw in data.get("events") or []],
    )


# --- files -------------------------------------------------------------------


def parse(text: str, path: Path) -> Store:
    """Parse and validate store text; raise StoreInvalid naming every problem."""
    return store_from_dict(parse_data(text, path))


def parse_data(text: str, path: Path) -> dict[str, Any]:
    """The store's data, parsed and validated; StoreInvalid naming every problem."""
    import yaml

    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        reason = getattr(exc, "problem", None) or str(exc)
        raise StoreInvalid(f"{where}: not valid YAML: {reason}") from exc
    if data is None:
        data = {"version": STORE_VERSION, "documents": [], "events": []}
    problems = validate(data)
    if problems:
        count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
        raise StoreInvalid(f"{path}: {count} in the store", problems)
    return data


def _read_store_text(path: Path) -> tuple[str, Stamp]:
    """The store's text and the stamp of the very file it was read from."""
    try:
        with open(path, encoding="utf-8") as stream:
            stamp = file_stamp(os.fstat(stream.fileno()))
            return stream.read(), stamp
    except FileNotFoundError:
        raise StoreNotFound(
            f"no store at {path}: run `timeline extract` to build one from your documents"
        ) from None
    except UnicodeDecodeError as exc:
        raise StoreInvalid(f"{path}: not UTF-8 text ({exc.reason})") from None
    except IsADirectoryError:
        raise StoreInvalid(f"{path} is a folder, not a store file") from None


def _cache(path: Path, stamp: Stamp, data: dict[str, Any], written: bool) -> dict[str, str]:
    """Cache the stored form of the file with `stamp`: documents, events, JSON lines.

    The documents come first with the number of events, so that a run which
    only needs to know what was read before does not unmarshal every event.
    `written` says the file's text is the one `save` writes for the data, not
    text a person wrote. Returns the JSON lines, made once for the cache and
    for a reader that wants them.
    """
    with collector_paused():
        lines = json_lines(data)
    head = {
        "version": data["version"],
        "documents": data["documents"],
        "events": len(lines),
        "written": written,
    }
    write_cache(path, stamp, CACHE_LAYOUT, head, data["events"], lines)
    return lines


def _cached(path: Path, sections: int) -> list[Any] | None:
    """The first sections of the store's cache, if it is of the file as it is now."""
    try:
        stamp = file_stamp(path.stat())
    except OSError:
        return None
    cached = read_cache(path, stamp, CACHE_LAYOUT, sections)
    if cached is None or not all(map(isinstance, cached, CACHE_SECTIONS.values())):
        return None
    return cached


def _parsed(path: Path) -> tuple[dict[str, Any], dict[str, str]]:
    """The store's stored form, from its YAML, cached for the next reader; with its
    events' JSON lines."""
    text, stamp = _read_store_text(path)
    with collector_paused():
        data = store_to_dict(store_from_dict(parse_data(text, path)))
    return data, _cache(path, stamp, data, written=False)


def _load(path: Path, with_json: bool) -> tuple[Store, dict[str, str]]:
    """The store at `path`, from its cache when that is of the file as it is now."""
    cached = _cached(path, 3 if with_json else 2)
    if cached is not None:
        head, events = cached[0], cached[1]
        lines = cached[2] if with_json else {}
        return store_from_stored({**head, "events": events}), lines
    data, lines = _parsed(path)
    return store_from_stored(data), lines if with_json else {}


def load(path: Path) -> Store:
    """Read the store at `path`; a missing file says how to make one."""
    return _load(path, with_json=False)[0]


def load_with_json(path: Path) -> tuple[Store, dict[str, str]]:
    """The store, and each event's line of JSON (as `event_json` writes it) by event id.

    Encoding a hundred thousand events takes a second; the cache keeps them
    encoded. The lines are those of the events as loaded, for a command that
    only reads them.
    """
    return _load(path, with_json=True)


def load_documents(path: Path) -> tuple[list[DocumentRecord], int]:
    """The store's document records and its number of events, without building the events.

    An empty store when there is no file, as `load_or_new`; an invalid one is refused.
    """
    if not path.exists():
        return [], 0
    cached = _cached(path, 1)
    head = cached[0] if cached is not None else _parsed(path)[0]
    events = head["events"]
    count = events if isinstance(events, int) else len(events)
    return [DocumentRecord(**raw) for raw in head["documents"]], count


def load_or_new(path: Path) -> Store:
    """The store at `path`, or an empty one if there is none yet."""
    if not path.exists():
        return Store()
    return load(path)


NAME_LISTS = frozenset({"actors", "topics", "edited"})


def _yaml_parts(
    data: dict[str, Any] | list[Any], written: dict[str, tuple[dict[str, Any], str]] | None = None
) -> Iterator[str]:
    """YAML text as the store writes it, a few hundred events at a time.

    Block style, unicode kept, short lists inline. The pieces go to the file
    one by one, so a large store is never held as one string. Events are
    written as list items without indentation, so the pieces join into the text
    one dump would give. An event found in `written` with the same stored form
    is given the text it already has there instead of being written again.
    """
    events = data["events"] if isinstance(data, dict) else data
    if not events:
        yield _dump(data)
        return
    if isinstance(data, dict):
        yield _dump({key: value for key, value in data.items() if key != "events"})
        yield "events:\n"
    written = written or {}
    pending: list[dict[str, Any]] = []
    for event in events:
        before = written.get(event["id"])
        if before is not None and before[0] == event:
            yield from _flushed(pending)
            yield before[1]
        else:
            pending.append(event)
            if len(pending) == EVENTS_PER_DUMP:
                yield from _flushed(pending)
    yield from _flushed(pending)


def _flushed(pending: list[dict[str, Any]]) -> Iterator[str]:
    """The YAML of the events waiting to be written, if any; the list is emptied."""
    if pending:
        yield _dump(pending)
        pending.clear()


def _written_events(path: Path) -> dict[str, tuple[dict[str, Any], str]]:
    """Each event of the store at `path` as it stands: its stored form and its YAML
    text, by id; empty unless the cache vouches that `save` wrote the file as it is.

    A store of a hundred thousand events takes seconds to write, and a run that
    reads a few new articles changes few of them. Text a person wrote or
    edited is never reused: its layout may not be the one written here.
    """
    cached = _cached(path, 2)
    if cached is None or not cached[0].get("written"):
        return {}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    items = _event_items(text)
    if len(items) != len(cached[1]):
        return {}
    return {event["id"]: (event, item) for event, item in zip(cached[1], items, strict=True)}


def _event_items(text: str) -> list[str]:
    """The text of each top-level item of the store's events list, in order.

    Everything inside an item is indented, so each starts a line with "- ".
    """
    start = text.find("\nevents:\n")
    if start < 0:
        return []
    body = text[start + len("\nevents:\n") :]
    starts = [match.start() for match in ITEM_START.finditer(body)]
    return [body[a:b] for a, b in zip(starts, [*starts[1:], len(body)], strict=True)]


def _dump(data: dict[str, Any] | list[Any]) -> str:
    """One piece of the store's YAML, its name lists on one line.

    Imported on first use: importing yaml is a tenth of the start of a command
    that finds the store in its cache.
    """
    from timeline.yaml_events import yaml_text

    return yaml_text(data, NAME_LISTS, LINE_WIDTH)


def dumps(store: Store) -> str:
    """The store as YAML text: deterministic, so the same store gives the same bytes."""
    return "".join(_yaml_parts(store_to_dict(store)))


def dumps_events(events: list[Event]) -> str:
    """A list of events as YAML, as the store writes them."""
    return "".join(_yaml_parts([event_to_dict(e) for e in events]))


def write_atomic(path: Path, text: str | Iterable[str]) -> None:
    """Replace `path` with `text` (or its pieces, in order), synced, keeping its mode."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o7777 if path.exists() else 0o644
    replace_file(path, [text] if isinstance(text, str) else text, sync=True, mode=mode)


def save(store: Store, path: Path) -> None:
    """Write the store atomically, after checking it keeps the contract.

    A store that would not load again is never written: the file on disk stays
    as it was and the problems are reported. The store's dicts, lists and
    strings hold no reference cycles, so the collector is kept out.
    """
    with collector_paused():
        data = store_to_dict(store)
        problems = validate(data)
        if problems:
            raise StoreInvalid(f"{path}: not saved, the result would break the store", problems)
        write_atomic(path, _yaml_parts(data, _written_events(path)))
        _cache(path, file_stamp(path.stat()), data, written=True)


@contextlib.contextmanager
def locked(path: Path, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold the store's lock; wait up to `wait` seconds for another holder.

    Two writers at once would each save their own view and lose the other's
    work, so the second one waits briefly and then gives up with a clear message.
    """
    lock_path = path.with_name(f".{path.name}.lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "a") as handle:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreLocked(
                        f"{path} is being written by another timeline process; "
                        "try again when it has finished"
                    ) from None
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
