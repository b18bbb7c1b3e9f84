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
        """The pattern of the words below `node`; a run of lone letters costs no recursion."""
        chain = []
        while len(node) == 1 and "" not in node:
            ((char, node),) = node.items()
            chain.append(re.escape(char))
        branches = [re.escape(c) + build(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return "".join(chain)
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            body = f"(?:{body})?"
        return "".join(chain) + body

    return build(trie)


def first_characters(words: Iterable[str]) -> str:
    """A lookahead for the characters `words` begin with, to follow a leading lookbehind.

    A pattern that opens with a lookbehind gets no quick scan from the regex
    engine: every position enters the whole alternation. This check turns most
    positions away after one character test, and changes no match. Empty when
    a word is empty, since the alternation then matches anywhere.
    """
    words = list(words)
    if not words or not all(words):
        return ""
    return "(?=[" + "".join(re.escape(c) for c in sorted({w[0] for w in words})) + "])"
