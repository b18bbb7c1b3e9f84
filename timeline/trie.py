"""Regular expressions for long word lists, shaped as tries.

Shared by the date scanner, the lexicons and the event reader: each builds one
pattern from hundreds of words and runs it over every document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of `words` as a trie, longest alternative tried first.

    A flat alternation of a thousand names is slow, and tries them in listed order;
    the trie shares prefixes and, with greedy optional tails, prefers the longest.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(c) + build(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return build(trie)
