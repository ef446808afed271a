"""Text-case transformations on a rich-text tree, leaving nocase spans alone.

`text-case` works on words that may cross formatting (an italic word inside a
title), so the tree's strings are read as one text to find the words, the case
is decided word by word, and the result is put back string by string. Strings
under a `nocase` node take part in finding the words but never change.
"""

from __future__ import annotations

import re

from refmanager.render.richtext import Rich

# Words kept lowercase inside a title. CSL 1.0.2 "Title Case Conversion" points to
# a list of articles, conjunctions and prepositions; these are the single words
# citeproc-js 2.4.63 keeps lowercase (found by title-casing "alpha WORD omega" with
# it), which the golden files bear out: "Retreat since 1900", "Brown v. Board".
ARTICLES_AND_CONJUNCTIONS = "a an the and but for nor or so yet"
PREPOSITIONS = (
    "about above across afore after against along alongside amid amidst among amongst "
    "anenst apropos apud around as aside astride at athwart atop barring before behind "
    "below beneath beside besides between beyond by circa despite down during except for "
    "forenenst from given in inside into lest like modulo near next notwithstanding of off "
    "on onto out over per plus pro qua sans since than through throughout thruout till to "
    "toward towards under underneath until unto up upon versus via with within without")
CASE_NAME_WORDS = "v vs"  # "Brown v. Board of Education", "Donoghue v Stevenson"
LATIN_AND_NAME_PARTICLES = "et al c ca de von van"  # "et al.", "c. 1900", "van Gogh"
OTHER_LANGUAGES = "ve"  # Turkish "and": "Üniversitesi İktisadi ve İdari Bilimler"
STOP_WORDS = frozenset(
    f"{ARTICLES_AND_CONJUNCTIONS} {PREPOSITIONS} {CASE_NAME_WORDS} "
    f"{LATIN_AND_NAME_PARTICLES} {OTHER_LANGUAGES}".split())
_WORD = re.compile(r"[^\s/–—]+")
# Title case also parts words at periods, as citeproc-js does: "e.coli" is
# "e.Coli", "www.example.com" is "Www.Example.Com" and "e.g." stays.
_TITLE_WORD = re.compile(r"[^\s/–—.]+")
# capitalize-all capitalizes each part of a word at a hyphen or period too:
# "X-Ray Of The E-Mail", "E.Coli And The U.S." (citeproc-js 2.4.63).
_WORD_PART = re.compile(r"[^\s/–—.\-]+")
_PATTERNS = {"title": _TITLE_WORD, "capitalize-all": _WORD_PART}
# A lone letter, or one before an apostrophe ("o’neill", "l’homme"): never
# capitalized inside a title ("Alpha b", "Vitamin c"), only where a title opens.
_ONE_LETTER = re.compile(r"^[^\W\d_](?:['’]|$)")
_OPENERS = frozenset("([“\"‘-/")
# A stop word run into a number is still one: "Universal Dependencies v2".
_LETTERS_BEFORE_DIGITS = re.compile(r"^([^\W\d_]+)\d")
_DOTTED_I_LANGUAGES = ("tr", "az")  # Turkish and Azerbaijani case i and ı apart
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
        return texts.pop(0)
    return Rich([_rebuild(child, texts) for child in node.children], node.style,
                node.quotes, node.nocase, node.display, node.term)


def _cap(word: str) -> str:
    """The word with its first letter capitalized, when nothing but an opening
    bracket, quotation mark, hyphen or slash comes before it: citeproc-js leaves
    "$n^2$", "*beta", "«beta»", "’tis" and "2nd" as they are."""
    for index, char in enumerate(word):
        if char.isalpha():
            return word[:index] + char.upper() + word[index + 1:]
        if char not in _OPENERS:
            return word
    return word


def _word_cases(text: str, mode: str, turkic: bool = False) -> list[tuple[int, int, str]]:
    """(start, end, new text) for each word whose case changes."""
    pattern = _PATTERNS.get(mode, _WORD)
    words = [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]
    changes = []
    all_upper = text.upper() == text and text.lower() != text
    for position, (start, end, word) in enumerate(words):
        new = _case_word(word, mode, position, words, text, all_upper, turkic)
        if new != word:
            changes.append((start, end, new))
    return changes


def _case_word(word, mode, position, words, text, all_upper, turkic=False) -> str:
    if mode == "lowercase":
        return (word.replace("I", "ı").replace("İ", "i") if turkic else word).lower()
    if mode == "uppercase":
        return (word.replace("i", "İ") if turkic else word).upper()
    # CSL 1.0.2: both capitalize only a lowercase word, so "arXiv" and "iPhone" stay.
    if mode == "capitalize-all":
        return _cap(word) if word.lower() == word else word
    if mode == "capitalize-first":
        return _cap(word) if position == 0 and word.lower() == word else word
    if mode == "sentence":  # citeproc-js: "THE book of days", "IPhone apps"
        return _cap(word) if position == 0 else word.lower()
    if mode == "title":
        return _title_word(word, position, words, text, all_upper)
    return word


def _title_word(word, position, words, text, all_upper) -> str:
    bare = word.strip("“”‘’\"'()[]{}.,:;!?").lower()
    start = words[position][0]
    opens = position == 0 or text[:start].rstrip()[-1:] in (":", "?", "!")
    last = position == len(words) - 1
    if not opens and ((_is_stop_word(bare) and not last) or _ONE_LETTER.match(bare)):
        return word
    if "-" in word.strip("-"):
        return _title_compound(word, last)
    if word.lower() == word:
        return _cap(word)
    return word


def _is_stop_word(bare: str) -> bool:
    if bare in STOP_WORDS:
        return True
    letters = _LETTERS_BEFORE_DIGITS.match(bare)
    return bool(letters) and letters.group(1) in STOP_WORDS


def _title_compound(word: str, last: bool) -> str:
    """Each part of a hyphenated word: "Self-Esteem", "Out-of-Fashion", "X-Ray";
    after the first part, a single letter stays ("A-b-c") and so does a stop word,
    unless it ends the title ("Smart Drill-Down", but "Self-of-Omega": citeproc-js)."""
    parts = word.split("-")
    first = parts[0]
    # A one-letter first part: "X-Ray", "E-Mail", but "β-Carotine" (textcase_NonEnglishChars).
    keep_first = first.lower() != first or (len(first) == 1 and not first.isascii())
    cased = [first if keep_first else _cap(first)]
    for index, part in enumerate(parts[1:], 2):
        bare = part.strip("“”‘’\"'()[]{}.,:;!?").lower()
        ends_title = last and index == len(parts)
        keep = len(bare) < 2 or (bare in STOP_WORDS and not ends_title) or part.lower() != part
        cased.append(part if keep else _cap(part))
    return "-".join(cased)


def _number_parts(text: str) -> list[tuple[int, int]]:
    """(start, end) of each part of a list such as "revised and expanded"."""
    spans, start = [], 0
    for separator in _NUMBER_PART_SEPARATOR.finditer(text):
        spans.append((start, separator.start()))
        start = separator.end()
    return spans + [(start, len(text))]


def _protected_result(text: str, changes: list, leaves: list) -> str:
    """The text with its changed words, each character of a protected leaf kept as it was."""
    changed = list(text)
    for start, end, new in changes:
        changed[start:end] = list(new)
    protected = []
    for piece, is_protected in leaves:
        protected.extend([is_protected] * len(piece))
    return "".join(old if keep else new for old, new, keep in zip(text, changed, protected))


def apply_text_case(node, mode: str, number_parts: bool = False, language: str = ""):
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
    turkic = language[:2].lower() in _DOTTED_I_LANGUAGES  # i/İ and ı/I: textcase_LocaleUnicode
    changes = []
    for part_start, part_end in _number_parts(text) if number_parts else [(0, len(text))]:
        for start, end, new in _word_cases(text[part_start:part_end], mode, turkic):
            if len(new) == end - start:
                changes.append((part_start + start, part_start + end, new))
    if any(is_protected for _, is_protected in leaves):
        result = _protected_result(text, changes, leaves)
    else:  # the common case: the changed words spliced in
        spliced, offset = [], 0
        for start, end, new in changes:
            spliced.append(text[offset:start])
            spliced.append(new)
            offset = end
        spliced.append(text[offset:])
        result = "".join(spliced)
    pieces, offset = [], 0
    for piece, _ in leaves:
        pieces.append(result[offset:offset + len(piece)])
        offset += len(piece)
    if isinstance(node, str):
        return pieces[0]
    return _rebuild(node, pieces)
