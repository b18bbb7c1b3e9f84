"""The store's YAML, made as emitter events, is byte for byte what yaml.dump writes."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.yaml_events import Dumper, yaml_text

FLOW_KEYS = frozenset({"actors", "topics"})
WIDTH = 88


class OneLine(list):
    """A list the reference dumper writes on one line."""


class ReferenceDumper(Dumper):  # type: ignore[misc, valid-type]
    def ignore_aliases(self, data: object) -> bool:
        return True


ReferenceDumper.add_representer(
    OneLine, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data, True)
)


def reference(data: Any) -> str:
    """What yaml.dump writes, lists under FLOW_KEYS on one line."""
    return yaml.dump(
        mark(data),
        Dumper=ReferenceDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=WIDTH,
    )


def mark(data: Any, key: str | None = None) -> Any:
    if isinstance(data, dict):
        return {k: mark(v, k) for k, v in data.items()}
    if isinstance(data, list):
        items = [mark(v) for v in data]
        return OneLine(items) if key in FLOW_KEYS else items
    return data


# Strings that YAML would read as something else unless quoted, and long ones to fold.
tricky = st.sampled_from(
    [
        "true", "No", "null", "~", "2023-10-20", "2023-10", "12", "0x1F", "1e3", ".5",
        "- item", "key: value", "#note", "'quoted'", '"double"', "Hamas", "U.S.", "",
        " leading space", "trailing space ", "multi\nline", "tab\there", "é ü ß — “ok”",
        "x" * 120, "word " * 40, "@handle", "*star", "&amp", "!bang", "%pc", "[a]", "{b}",
    ]
)  # fmt: skip
scalars = st.one_of(
    tricky,
    st.text(max_size=150),
    st.integers(min_value=-(10**6), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
)
names = st.sampled_from(["actors", "topics", "title", "date", "sources"])
keys = st.one_of(names, st.text(max_size=12))
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(keys, values, max_size=6) | st.lists(values, max_size=5))
def test_events_write_what_yaml_dump_writes(data: Any) -> None:
    assert yaml_text(data, FLOW_KEYS, WIDTH) == reference(data)


def test_name_lists_go_on_one_line_and_quotes_fold() -> None:
    data = {"events": [{"actors": ["Hamas", "Qatar"], "quote": "word " * 30, "offset": 5}]}
    text = yaml_text(data, FLOW_KEYS, WIDTH)
    assert "actors: [Hamas, Qatar]\n" in text
    assert len(text.splitlines()) > 3, "a long quote is folded over several lines"
    assert yaml.safe_load(text) == {
        "events": [{"actors": ["Hamas", "Qatar"], "quote": "word " * 30, "offset": 5}]
    }
