"""Renderers: a registry of pure functions from events to output.

The `--format` choices are the registry's keys, so help, validation and the code
cannot drift apart. Modules are imported on first use to keep start-up quick.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from timeline.model import DocumentRecord, Event

RENDERERS: dict[str, str] = {
    "terminal": "timeline.render.terminal:render",
    "plain": "timeline.render.plain:render",
    "json": "timeline.render.data:render_json",
    "yaml": "timeline.render.data:render_yaml",
    "csv": "timeline.render.data:render_csv",
    "markdown": "timeline.render.markdown:render",
}
FORMATS = tuple(RENDERERS)


@dataclass(frozen=True)
class RenderContext:
    """What a renderer may know of where its output goes and what it covers.

    `event_json` holds lines of JSON already made for events, by id, as
    `store.load_with_json` gives them: only for events shown as they were loaded.
    """

    width: int = 80
    verbose: bool = False
    documents: list[DocumentRecord] = field(default_factory=list)
    event_json: Mapping[str, str] = field(default_factory=dict)


Renderer = Callable[[list["Event"], RenderContext], Any]


def get_renderer(name: str) -> Renderer:
    """The renderer registered under `name`."""
    module, function = RENDERERS[name].split(":")
    return getattr(importlib.import_module(module), function)
