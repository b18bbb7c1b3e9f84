"""The store contract: every way data read from events.yaml can break it, in words.

A store is read and edited by people, so loading never trusts it: each problem
is named with the event or document it is in, all at once, before anything is built.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from timeline.model import PRECISIONS, PUBLISHED_FROM, STATUSES, date_span, precision_of

STORE_VERSION = 1


def as_text(value: Any) -> str | None:
    """A scalar as the store means it: hand-written dates and years become strings."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value if isinstance(value, str) else None


def _date_problem(value: Any, precision: Any) -> str | None:
    """Why a date/precision pair breaks the contract, or None if it is fine."""
    text = as_text(value)
    if not text:
        return "has no date"
    if precision not in PRECISIONS:
        return f"has unknown precision {precision!r} (expected one of {', '.join(PRECISIONS)})"
    form = precision_of(text)
    if form is None:
        return f"has date {text!r} in no known form (YYYY-MM-DD, YYYY-MM, YYYY or YYYY-Www)"
    if form != precision:
        return f"has date {text!r} of {form} form but precision {precision!r}"
    try:
        date_span(text, precision)
    except ValueError:
        return f"has date {text!r} that is not a real date"
    return None


def _source_problems(label: str, sources: Any, documents: set[str]) -> list[str]:
    problems: list[str] = []
    for index, source in enumerate(sources):
        where = f"{label}: source {index + 1}"
        if not isinstance(source, dict):
            problems.append(f"{where} is not a mapping")
            continue
        for key in ("document", "quote", "expression"):
            if not isinstance(source.get(key), str):
                problems.append(f"{where} has no {key}")
        if not isinstance(source.get("offset"), int):
            problems.append(f"{where} has no whole-number offset")
        date = as_text(source.get("date"))
        form = precision_of(date) if date is not None else None
        if form is None:
            problems.append(f"{where} has no date in a known form")
        elif date_problem := _date_problem(date, form):
            problems.append(f"{where} {date_problem}")
        if isinstance(source.get("document"), str) and source["document"] not in documents:
            problems.append(f"{where} cites unknown document {source['document']!r}")
    return problems


def _event_problems(
    index: int, event: Any, documents: set[str], seen: set[str] | None
) -> list[str]:
    """An event's problems; its id is checked unless `seen` is None (ids not given yet)."""
    if not isinstance(event, dict):
        return [f"event {index + 1} is not a mapping"]
    event_id = event.get("id")
    label = f"event {event_id}" if event_id else f"event {index + 1}"
    problems: list[str] = []
    if seen is not None:
        problems.extend(_id_problems(label, event_id, seen))
    if date_problem := _date_problem(event.get("date"), event.get("precision")):
        problems.append(f"{label} {date_problem}")
    if not isinstance(event.get("title"), str) or not event["title"].strip():
        problems.append(f"{label} has no title")
    if event.get("status", "extracted") not in STATUSES:
        problems.append(
            f"{label} has unknown status {event.get('status')!r} "
            f"(expected one of {', '.join(STATUSES)})"
        )
    for key in ("actors", "topics", "edited"):
        value = event.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problems.append(f"{label} has {key} that is not a list of names")
    sources = event.get("sources") or []
    if not isinstance(sources, list):
        problems.append(f"{label} has sources that are not a list")
    elif not sources and not event.get("added_by_hand"):
        problems.append(f"{label} has no sources and is not marked added_by_hand")
    else:
        problems.extend(_source_problems(label, sources, documents))
    return problems


def _id_problems(label: str, event_id: Any, seen: set[str]) -> list[str]:
    """Whether an event's id is there and unique; `seen` gathers the ids met so far."""
    if not isinstance(event_id, str) or not event_id:
        return [f"{label} has no id"]
    if event_id in seen:
        return [f"{label} has an id used twice"]
    seen.add(event_id)
    return []


def _document_problems(index: int, document: Any) -> list[str]:
    if not isinstance(document, dict):
        return [f"document {index + 1} is not a mapping"]
    label = f"document {document.get('id') or index + 1}"
    problems = [
        f"{label} has no {key}" for key in ("id", "path") if not isinstance(document.get(key), str)
    ]
    if document.get("published_from", "unknown") not in PUBLISHED_FROM:
        problems.append(f"{label} has unknown published_from {document.get('published_from')!r}")
    published = as_text(document.get("published"))
    if published is not None and precision_of(published) != "day":
        problems.append(f"{label} has published {published!r} that is not YYYY-MM-DD")
    return problems


def result_problems(data: Any) -> list[str]:
    """Every way one document's result (a JSON line of `extract --jsonl`, or another
    engine's) breaks the store contract it is to be merged into."""
    if not isinstance(data, dict):
        return ["not a mapping with document and events"]
    document, events = data.get("document"), data.get("events")
    store = {"version": STORE_VERSION, "documents": [document], "events": events}
    return validate(store, ids_given=False)


def validate(data: Any, ids_given: bool = True) -> list[str]:
    """Every way `data` (as parsed from YAML) breaks the store contract.

    Events of a document's result have no ids yet (the merge gives them), so
    `ids_given` false leaves ids unchecked.
    """
    if not isinstance(data, dict):
        return ["the store is not a mapping with version, documents and events"]
    problems: list[str] = []
    if data.get("version") != STORE_VERSION:
        problems.append(f"version is {data.get('version')!r}, expected {STORE_VERSION}")
    documents = data.get("documents") or []
    events = data.get("events") or []
    if not isinstance(documents, list):
        return [*problems, "documents is not a list"]
    if not isinstance(events, list):
        return [*problems, "events is not a list"]
    for index, document in enumerate(documents):
        problems.extend(_document_problems(index, document))
    known = {d.get("id") for d in documents if isinstance(d, dict)}
    seen: set[str] | None = set() if ids_given else None
    for index, event in enumerate(events):
        problems.extend(_event_problems(index, event, known, seen))
    return problems
