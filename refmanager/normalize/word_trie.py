"""A regular expression for "the longest of these words", read one character at a time.

`"|".join` of hundreds of words, longest first, makes Python's engine try every
word at every position of a text. The same words as a trie (`Bi(?:LSTM|ERT)`)
try one branch per character: ProtectTitleWords' 546 words searched the ACL
file's titles about twice as fast so.

The match is the same: of the words found at a position, the longest for which
the rest of the pattern matches. (The words found at one position are all
prefixes of each other, so "longest first" is one order however they are
escaped; each optional tail is greedy and gives way, shortest last, when what
follows fails.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # the key that marks a word ending at a node (no character is empty)
# A trie is as deep as its longest word, and it is built and compiled by recursion:
# past this length the words are one plain alternation (protected words are short).
_DEEPEST = 100


def longest_word_pattern(words: Iterable[str]) -> str:
    """The pattern matching any of `words`, as the alternation of them sorted longest
    first does (a non-capturing group; no words: a pattern that never matches)."""
    words = list(words)
    if any(len(word) > _DEEPEST for word in words):
        return "(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True) or ["(?!)"]) + ")"
    trie: dict = {}
    for word in words:
        node = trie
        for character in word:
            node = node.setdefault(character, {})
        node[_END] = {}
    return "(?:" + (_node_pattern(trie) if trie else "(?!)") + ")"


def _node_pattern(node: dict) -> str:
    """What may follow a trie node: one branch per next character, optional where a
    word ends here (greedy, so the longer words are tried first)."""
    branches = [re.escape(character) + _node_pattern(child)
                for character, child in node.items() if character != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + body + ")?" if _END in node else body
