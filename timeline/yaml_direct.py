"""The store's YAML written as text directly, where its layout follows a few rules.

Even handed events rather than nodes, libyaml's emitter costs a Python object
per value, and that was most of the time of writing a large store. A store is
mappings of short strings, numbers and one-line lists, and for those the
emitter's layout comes down to a few rules, followed here: a string is plain
when it would read back as itself and holds no indicator, in single quotes
otherwise; a line breaks at the first single space past the width; a one-line
list breaks after a comma past the width. Anything else (a string that needs
double quotes, a shape the store never writes) raises `Unsimple`, and the
caller hands that piece to the emitter, so the text is always the emitter's.
Tests hold the two to the same bytes.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

import yaml
from yaml.nodes import ScalarNode

Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
STR_TAG = "tag:yaml.org,2002:str"
FLOAT_TAG = "tag:yaml.org,2002:float"

# Characters libyaml writes as they are, leaving out line breaks (U+2028,
# U+2029) and everything it escapes in double quotes.
WIDE_SAFE = "\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
SAFE_CHARACTERS = "\x20-\x7e" + WIDE_SAFE
SAFE = re.compile(f"[{SAFE_CHARACTERS}]*")
# A string of safe characters without "#" or ":", which starts with none of
# BLOCK_LEADERS and does not end with a space, is plain in a block if it reads
# back as a string: a quick test that spares most strings BLOCK_ODD's search.
QUIET = re.compile(f"[\x20-\x22\x24-\x39\x3b-\x7e{WIDE_SAFE}]*")
BLOCK_LEADERS = frozenset(" #,[]{}&*!|>'\"%@`-?.:")
# What keeps a string from being plain in a block, and in a one-line list, or
# from being written here at all (an unsafe character).
BLOCK_ODD = re.compile(
    rf"^(?:---|\.\.\.|[#,\[\]{{}}&*!|>'\"%@`]|[-?](?: |$))|:(?: |$)| #|^ | $|[^{SAFE_CHARACTERS}]"
)
FLOW_ODD = re.compile(
    rf"^(?:---|\.\.\.|[#&*!|>'\"%@`]|-(?: |$))|[,?\[\]{{}}:]| #|^ | $|[^{SAFE_CHARACTERS}]"
)
# The longest key libyaml writes as a simple key, in UTF-8 bytes.
SIMPLE_KEY_BYTES = 128
INDENT = 2
# The longest word a loader reads as a boolean or null ("false").
LONGEST_WORD_VALUE = 5


class Unsimple(ValueError):
    """A value whose layout is left to the emitter."""


def top_mapping(data: Any, flow_keys: frozenset[str], width: int) -> str:
    """A whole document that is one mapping, its keys at the left margin."""
    if not isinstance(data, dict) or not data:
        raise Unsimple("not a mapping, or an empty one")
    return _mapping(data, 0, flow_keys, width) + "\n"


def top_list_item(item: Any, flow_keys: frozenset[str], width: int) -> str:
    """One item of a document that is a list of mappings: "- key: value", its other keys
    indented, so that the items of a list join into the list's text."""
    return "- " + _nested(item, INDENT, flow_keys, width) + "\n"


def _mapping(data: dict[str, Any], indent: int, flow_keys: frozenset[str], width: int) -> str:
    """A block mapping whose keys stand at `indent`, the first where the caller left off.

    Most values are strings that fit on the line and need no quotes, or
    whole numbers: those are written here, the rest by `_entry`.
    """
    entries = []
    for key, value in data.items():
        if not _simple_key(key):
            raise Unsimple("a key the emitter does not write plain before a colon")
        kind = type(value)
        if kind is int or (
            kind is str
            and indent + len(key) + len(value) < width
            and _quiet(value)
            and reads_back_as_string(value)
        ):
            entries.append(f"{key}: {value}")
        else:
            entries.append(_entry(key, value, indent, flow_keys, width))
    return ("\n" + " " * indent).join(entries)


@lru_cache(maxsize=256)
def _simple_key(key: Any) -> bool:
    """Whether the emitter writes `key` plain before a colon; remembered, as a store has
    a handful of keys."""
    if not isinstance(key, str) or len(key.encode("utf-8")) > SIMPLE_KEY_BYTES:
        return False
    try:
        return _plain(key, flow=False)
    except Unsimple:
        return False


def _entry(key: str, value: Any, indent: int, flow_keys: frozenset[str], width: int) -> str:
    """One "key: value" of a block mapping, the value folded or broken as the emitter would."""
    column = indent + len(key) + 1
    if isinstance(value, dict):
        raise Unsimple("a nested mapping")
    if isinstance(value, list):
        if key in flow_keys or not value:
            return f"{key}:{_flow(value, column, indent + INDENT, width)}"
        lead = "\n" + " " * indent + "- "
        items = (_nested(item, indent + INDENT, flow_keys, width) for item in value)
        return f"{key}:" + "".join(lead + item for item in items)
    return f"{key}:{_scalar(value, column, indent + INDENT, width, flow=False)}"


def _nested(item: Any, indent: int, flow_keys: frozenset[str], width: int) -> str:
    """A mapping that is an item of a block list inside a mapping."""
    if not isinstance(item, dict) or not item:
        raise Unsimple("a list item that is not a mapping")
    return _mapping(item, indent, flow_keys, width)


def _flow(items: list[Any], column: int, indent: int, width: int) -> str:
    """A one-line list " [a, b]", broken after a comma once the line is past `width`."""
    parts = [" ["]
    column += 2
    for index, item in enumerate(items):
        if not isinstance(item, str):
            raise Unsimple("a one-line list of other than strings")
        spaced = index > 0
        if spaced:
            parts.append(",")
            column += 1
        if column > width:
            parts.append("\n" + " " * indent)
            column, spaced = indent, False
        text = _scalar(item, column, indent + INDENT, width, flow=True, spaced=spaced)
        parts.append(text)
        line = text.rfind("\n")
        column = column + len(text) if line < 0 else len(text) - line - 1
    parts.append("]")
    return "".join(parts)


def _scalar(
    value: Any, column: int, indent: int, width: int, *, flow: bool, spaced: bool = True
) -> str:
    """A scalar written from `column`, after a space unless `spaced` is false."""
    lead = " " if spaced else ""
    if isinstance(value, str):
        if _plain(value, flow):
            return lead + _folded(value, column + len(lead), indent, width)
        body = _folded(value.replace("'", "''"), column + len(lead) + 1, indent, width)
        return f"{lead}'{body}'"
    return lead + _other_scalar(value)


def _quiet(value: str) -> bool:
    """Whether `value` passes the quick test of QUIET (the empty string does)."""
    quiet = QUIET.fullmatch(value) is not None
    return quiet and value[:1] not in BLOCK_LEADERS and value[-1:] != " "


def _plain(value: str, flow: bool) -> bool:
    """Whether the emitter writes `value` without quotes; `Unsimple` if it needs double quotes."""
    if (not flow and _quiet(value)) or (FLOW_ODD if flow else BLOCK_ODD).search(value) is None:
        return reads_back_as_string(value)
    if not SAFE.fullmatch(value):
        raise Unsimple("a string the emitter writes in double quotes")
    return False


def _folded(body: str, column: int, indent: int, width: int) -> str:
    """`body` from `column`, each single space past `width` turned into a new line at `indent`.

    The emitter breaks at a space neither first nor last, between two
    non-spaces, once the line has passed the width.
    """
    if column + len(body) <= width + 1:
        return body
    pieces: list[str] = []
    start, base, last = 0, column, len(body) - 1
    space = body.find(" ", 1)
    while 0 < space < last:
        if base + space - start > width and body[space - 1] != " " and body[space + 1] != " ":
            pieces += (body[start:space], "\n", " " * indent)
            start, base = space + 1, indent
        space = body.find(" ", space + 1)
    pieces.append(body[start:])
    return "".join(pieces)


def reads_back_as_string(value: str) -> bool:
    """Whether a loader reads `value`, unquoted, as a string (not a date, number, null...).

    Only a string whose first character starts some implicit type can be read
    as one; the types a letter starts (booleans, null) are words of at most
    five letters.
    """
    first = value[:1]
    if first not in Dumper.yaml_implicit_resolvers:
        return True
    if first.isalpha() and len(value) > LONGEST_WORD_VALUE:
        return True
    return _resolved_as_string(value)


@lru_cache(maxsize=4096)
def _resolved_as_string(value: str) -> bool:
    """`reads_back_as_string` asked of the resolver itself; remembered, as dates repeat."""
    return resolver().resolve(ScalarNode, value, (True, False)) == STR_TAG


def _other_scalar(value: Any) -> str:
    """A number, boolean or null as PyYAML's representer writes it."""
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]
    if type(value) is int:
        return str(value)
    if type(value) is float:
        dumper = resolver()
        text = dumper.represent_float(value).value
        if dumper.resolve(ScalarNode, text, (True, False)) == FLOAT_TAG:
            return text
    raise Unsimple("a scalar of another type")


@cache
def resolver() -> Any:
    """A dumper used only for its resolver and its representer of numbers."""
    return Dumper(None)
