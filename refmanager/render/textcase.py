"""Text-case transformations on a rich-text tree, leaving nocase spans alone.

`text-case` works on words that may cross formatting (an italic word inside a
title), so the tree's strings are read as one text to find the words, the case
is decided word by word, and the result is put back string by string. Strings
under a `nocase` node take part in finding the words but never change.
"""

from __future__ import annotations

import re

from refmanager.render.richtext import Rich

# Words kept lowercase inside a title: CSL 1.0.2 "Title Case Conversion" names
# articles, coordinating conjunctions and short prepositions; citeproc-js, whose
# output the golden files hold, keeps English prepositions of any length lowercase
# too ("Retreat since 1900", "Counts along the Danube") and the "v." of a case name.
ARTICLES_AND_CONJUNCTIONS = "a an the and but for nor or so yet"
PREPOSITIONS = (
    "about above across after against along alongside amid amidst among amongst around as "
    "aside at atop before behind below beneath beside besides between beyond by circa "
    "despite down during except for from in inside into like near next notwithstanding of "
    "off on onto out over per plus since than through throughout till to toward towards "
    "under underneath until unto up upon versus via with within without")
CASE_NAME_WORDS = "v vs"  # "Brown v. Board of Education", "Donoghue v Stevenson"
STOP_WORDS = frozenset(
    f"{ARTICLES_AND_CONJUNCTIONS} {PREPOSITIONS} {CASE_NAME_WORDS}".split())
_WORD = re.compile(r"[^\s/–—]+")
_NUMBER_PART_SEPARATOR = re.compile(r"(?:\s*(?:[,&\-–]|\band\b)\s*)+")
# Field markup that citeproc-js never recases: small caps, superscript, subscript.
_IMPLICIT_NOCASE = frozenset({("font-variant", "small-caps"), ("vertical-align", "sup"),
                              ("vertical-align", "sub")})


def _leaves(node, protected: bool, out: list) -> None:
    if isinstance(node, str):
        out.append((node, protected))
        return
    protected = protected or node.nocase or any(pair in _IMPLICIT_NOCASE for pair in node.style)
    for child in node.children:
        _leaves(child, protected, out)


def _rebuild(node, texts: list):
    if isinstance(node, str):
        return texts.pop(0) if node == "" or True else node
    return Rich([_rebuild(child, texts) for child in node.children], node.style,
                node.quotes, node.nocase, node.display)


def _cap(word: str) -> str:
    """The word with its first letter capitalized (after any opening punctuation)."""
    for index, char in enumerate(word):
        if char.isalpha():
            return word[:index] + char.upper() + word[index + 1:]
        if char.isdigit():
            return word
    return word


def _word_cases(text: str, mode: str) -> list[tuple[int, int, str]]:
    """(start, end, new text) for each word whose case changes."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    changes = []
    all_upper = text.upper() == text and text.lower() != text
    for position, (start, end, word) in enumerate(words):
        new = _case_word(word, mode, position, words, text, all_upper)
        if new != word:
            changes.append((start, end, new))
    return changes


def _case_word(word, mode, position, words, text, all_upper) -> str:
    if mode == "lowercase":
        return word.lower()
    if mode == "uppercase":
        return word.upper()
    # CSL 1.0.2: both capitalize only a lowercase word, so "arXiv" and "iPhone" stay.
    if mode == "capitalize-all":
        return _cap(word) if word.lower() == word else word
    if mode == "capitalize-first":
        return _cap(word) if position == 0 and word.lower() == word else word
    if mode == "sentence":
        return _cap(word.lower()) if position == 0 else word.lower()
    if mode == "title":
        return _title_word(word, position, words, text, all_upper)
    return word


def _title_word(word, position, words, text, all_upper) -> str:
    bare = word.strip("“”‘’\"'([{.,:;!?").lower()
    start = words[position][0]
    after_colon = position > 0 and text[:start].rstrip()[-1:] in (":", "?", "!")
    edge = position == 0 or position == len(words) - 1 or after_colon
    if bare in STOP_WORDS and not edge:
        return word.lower() if word.lower() == word else word
    if "-" in word.strip("-"):  # each part of a compound: "Self-Esteem", "Out-of-Fashion"
        parts = word.split("-")
        return "-".join(part if len(part) < 2 or (index and part.lower() in STOP_WORDS)
                        else (_cap(part) if part.lower() == part else part)
                        for index, part in enumerate(parts))
    if word.lower() == word:
        return _cap(word)
    return word


def _number_parts(text: str) -> list[tuple[int, int]]:
    """(start, end) of each part of a list such as "revised and expanded"."""
    spans, start = [], 0
    for separator in _NUMBER_PART_SEPARATOR.finditer(text):
        spans.append((start, separator.start()))
        start = separator.end()
    return spans + [(start, len(text))]


def apply_text_case(node, mode: str, number_parts: bool = False):
    """`node` with `mode` (a CSL text-case value) applied to its words.

    With `number_parts` (the text of a number variable), each part between the
    separators of a number list ("2, 5 and 7") is cased as a text of its own, as
    citeproc-js does: an edition "revised and expanded" capitalized first is
    "Revised and Expanded", and the "and" stays as it is."""
    if not mode or node is None:
        return node
    leaves: list = []
    _leaves(node, False, leaves)
    text = "".join(piece for piece, _ in leaves)
    if not text:
        return node
    changed = list(text)
    for part_start, part_end in _number_parts(text) if number_parts else [(0, len(text))]:
        for start, end, new in _word_cases(text[part_start:part_end], mode):
            if len(new) == end - start:
                changed[part_start + start:part_start + end] = list(new)
    protected = []
    for piece, is_protected in leaves:
        protected.extend([is_protected] * len(piece))
    result = "".join(old if keep else new for old, new, keep in zip(text, changed, protected))
    pieces, offset = [], 0
    for piece, _ in leaves:
        pieces.append(result[offset:offset + len(piece)])
        offset += len(piece)
    if isinstance(node, str):
        return pieces[0]
    return _rebuild(node, pieces)
