"""The store's YAML, handed to the emitter as events rather than dumped.

`yaml.dump` first represents every value as a node, in Python, and that takes
most of the time of writing a store, even with libyaml's emitter. The store's
data is plain (mappings, lists, strings, numbers, booleans), so its events are
made here directly, with the tags, implicit flags and styles PyYAML's
representer and serializer would give them: the emitter then writes the same
bytes, at a third of the cost.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any

import yaml
from yaml.nodes import ScalarNode

STR_TAG = "tag:yaml.org,2002:str"
SEQ_TAG = "tag:yaml.org,2002:seq"
MAP_TAG = "tag:yaml.org,2002:map"
Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
# Strings this short (keys, names, ids, dates) have their events made once.
SHORT = 40
SHORT_KEPT = 4096


def yaml_text(data: dict[str, Any] | list[Any], flow_keys: frozenset[str], width: int) -> str:
    """`data` as block-style YAML with unicode kept, the lists under `flow_keys` on one
    line: what `yaml.dump(..., sort_keys=False, allow_unicode=True,
    default_flow_style=False)` gives for the same data, lists under those keys flow."""
    return yaml.emit(_stream(data, flow_keys), Dumper=Dumper, allow_unicode=True, width=width)


def _stream(data: dict[str, Any] | list[Any], flow_keys: frozenset[str]) -> Iterator[Any]:
    """The events of one document holding `data`."""
    resolver = _resolver()
    yield yaml.StreamStartEvent()
    yield yaml.DocumentStartEvent(explicit=False)
    yield from _value(data, False, flow_keys, resolver)
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
    return _string(value, _resolver())


@cache
def _resolver() -> Any:
    """A dumper used only for its resolver and its representer of numbers and booleans."""
    return Dumper(None)
