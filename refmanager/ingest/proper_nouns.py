"""Proper nouns that a citation statement lower-cased, restored from the document.

A word counts as a proper noun when the document writes it capitalised in the
middle of a sentence and never in lower case ("Kazakhstan", "Russia"); only
then is a lower-case occurrence in the statement capitalised.
"""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*)$")


def capitalised_mid_sentence(text: str) -> tuple[Counter, set[str]]:
    """How often each word appears capitalised mid-sentence, and the words ever seen in lower case."""
    capitalised: Counter = Counter()
    lower: set[str] = set()
    for match in _WORD.finditer(text):
        word = match.group(0)
        if word[0].islower():
            lower.add(word)
        elif word[1:].islower() or len(word) == 1:
            if not _SENTENCE_START.search(text[max(0, match.start() - 3):match.start()]):
                capitalised[word] += 1
    return capitalised, lower


def restore(text: str, document: str) -> tuple[str, list[str]]:
    """The text with its lower-cased proper nouns capitalised, and the words fixed."""
    capitalised, lower = capitalised_mid_sentence(document)
    fixed: list[str] = []

    def capitalise(match: re.Match) -> str:
        word = match.group(0)
        proper = word[:1].upper() + word[1:]
        if word[0].islower() and capitalised[proper] >= 1 and word not in lower:
            fixed.append(proper)
            return proper
        return word

    restored = _WORD.sub(capitalise, text)
    return restored, list(dict.fromkeys(fixed))
