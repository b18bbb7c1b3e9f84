"""The store's YAML: written directly where it can be, else handed to the emitter as events.

`yaml.dump` first represents every value as a node, in Python, and that takes
most of the time of writing a store, even with libyaml's emitter. Most of a
store is written as text by `yaml_direct`; what it leaves (strings that need
double quotes) goes to the emitter as events made here directly, with the
tags, implicit flags and styles PyYAML's representer and serializer would give
them, so the emitter writes the same bytes as `yaml.dump`, at a third of its cost.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import yaml
from yaml.nodes import ScalarNode

from timeline.yaml_direct import STR_TAG, Dumper, Unsimple, resolver, top_list_item, top_mapping

SEQ_TAG = "tag:yaml.org,2002:seq"
MAP_TAG = "tag:yaml.org,2002:map"
# Strings this short (keys, names, ids, dates) have their events made once.
SHORT = 40
SHORT_KEPT = 4096


def yaml_text(data: dict[str, Any] | list[Any], flow_keys: frozenset[str], width: int) -> str:
    """`data` as block-style YAML with unicode kept, the lists under `flow_keys` on one
    line: what `yaml.dump(..., sort_keys=False, allow_unicode=True,
    default_flow_style=False)` gives for the same data, lists under those keys flow.

    A list's items are written one by one, so one odd string sends only its
    own item to the emitter.
    """
    if isinstance(data, list) and data:
        return "".join(_list_item(item, flow_keys, width) for item in data)
    try:
        return top_mapping(data, flow_keys, width)
    except Unsimple:
        return emitted(data, flow_keys, width)


def _list_item(item: Any, flow_keys: frozenset[str], width: int) -> str:
    """One item of a top-level list, written directly or else by the emitter."""
    try:
        return top_list_item(item, flow_keys, width)
    except Unsimple:
        return emitted([item], flow_keys, width)


def emitted(data: dict[str, Any] | list[Any], flow_keys: frozenset[str], width: int) -> str:
    """`yaml_text` of `data` as libyaml's emitter writes it from events."""
    return yaml.emit(_stream(data, flow_keys), Dumper=Dumper, allow_unicode=True, width=width)


def _stream(data: dict[str, Any] | list[Any], flow_keys: frozenset[str]) -> Iterator[Any]:
    """The events of one document holding `data`."""
    yield yaml.StreamStartEvent()
    yield yaml.DocumentStartEvent(explicit=False)
    yield from _value(data, False, flow_keys, resolver())
    yield yaml.DocumentEndEvent(explicit=False)
    yield yaml.StreamEndEvent()


def _value(value: Any, flow: bool, flow_keys: frozenset[str], resolver: Any) -> Iterator[Any]:
    """The events of one value; `flow` writes a list on one line."""
    if isinstance(value, dict):
        yield yaml.MappingStartEvent(None, MAP_TAG, True, flow_style=False)
        for key, item in value.items():
            yield _scalar(key, resolver)
            yield from _value(item, key in flow_keys, flow_keys, resolver)
        yield yaml.MappingEndEvent()
    elif isinstance(value, list):
        yield yaml.SequenceStartEvent(None, SEQ_TAG, True, flow_style=flow)
        for item in value:
            yield from _value(item, False, flow_keys, resolver)
        yield yaml.SequenceEndEvent()
    else:
        yield _scalar(value, resolver)


def _scalar(value: Any, resolver: Any) -> yaml.ScalarEvent:
    """A scalar's event, tagged and flagged as PyYAML's serializer would."""
    if isinstance(value, str):
        if len(value) <= SHORT:
            return _short_string(value)
        return _string(value, resolver)
    node = resolver.represent_data(value)
    implicit = (
        node.tag == resolver.resolve(ScalarNode, node.value, (True, False)),
        node.tag == resolver.resolve(ScalarNode, node.value, (False, True)),
    )
    return yaml.ScalarEvent(None, node.tag, implicit, node.value, style=node.style)


def _string(value: str, resolver: Any) -> yaml.ScalarEvent:
    """A string's event: plain when it would not be read back as another type."""
    plain = resolver.resolve(ScalarNode, value, (True, False)) == STR_TAG
    return yaml.ScalarEvent(None, STR_TAG, (plain, True), value)


@lru_cache(maxsize=SHORT_KEPT)
def _short_string(value: str) -> yaml.ScalarEvent:
    """`_string` for keys, names, ids and dates, which come back again and again."""
    return _string(value, resolver())
