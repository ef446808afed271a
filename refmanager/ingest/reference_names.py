"""Split the author or editor part of a reference into structured Names.

Handles the common forms: `Smith, J. A., & Jones, B.` (APA), `Smith, John, and Jane
Doe` (MLA, Chicago: the first name inverted), `J. A. Smith, B. Jones and C. Lee`
(IEEE), `Petrosyan A, Kim HK` (Vancouver: family name, then initials without dots),
particles (`van der Berg`, `de la Cruz`), suffixes (`Jr.`, `III`) and `et al.`.
"""

from __future__ import annotations

import re

from refmanager.model import Name

_ROLE_WORDS = re.compile(
    r"\((?:eds?|hrsg|hg|dir|coord|trans|trad|comp)\.?\)|\[(?:eds?)\.?\]"
    r"|\b(?:edited|translated|compiled)\s+by\b|\b(?:editors?|eds?\.|eds\b|ed\.|hrsg\.|hg\.|trans\.)"
    r"|^\s*(?:in\s*:|in\b|by\b)", re.I)
_ET_AL = re.compile(r"\bet\.?\s*al\b\.?|\band\s+others\b|\bu\.\s*a\.|\.\.\.", re.I)
_SEPARATORS = re.compile(r"\s*;\s*|\s*,?\s+(?:and|und|et|y|with)\s+|\s*,?\s*&\s*", re.I)
_SUFFIX = re.compile(r"^(?:jr|sr|ii|iii|iv|2nd|3rd)\.?$", re.I)
_INITIALS = re.compile(r"^(?:-?[A-ZÀ-ÞĀ-Ž]\.?-?\s*|[A-Z][a-z]?\.\s*){1,4}$")
_VANCOUVER_INITIALS = re.compile(r"^[A-ZÀ-ÞĀ-Ž]{1,3}$")
_PARTICLES = frozenset(
    "de da das do dos del della der den di du la le van von ten ter zu y st bin ibn al el"
    .split())


def split_names(text: str) -> list[Name]:
    """The names in an author or editor string, in order; `et al.` is dropped."""
    text = _ROLE_WORDS.sub(" ", text)
    text = _ET_AL.sub(" ", text)
    text = _drop_full_stop(re.sub(r"\s+", " ", text).strip(" ,;:()[]"))
    names: list[Name] = []
    for chunk in _SEPARATORS.split(text):
        names.extend(_names_in_chunk(chunk))
    return names


def _drop_full_stop(text: str) -> str:
    """`Nichols, Bill.` ends a sentence; `Ekstrøm, C. T.` ends an initial, which keeps its dot."""
    last_word = text.rsplit(" ", 1)[-1]
    vancouver_initials = re.fullmatch(r"[A-ZÀ-ÞĀ-Ž]{2,3}\.", last_word)  # "Kim HK." ends a list
    if text.endswith(".") and (vancouver_initials or not _INITIALS.match(last_word)
                               and not _SUFFIX.match(last_word)):
        return text[:-1]
    return text


def _names_in_chunk(chunk: str) -> list[Name]:
    parts = [_drop_full_stop(part.strip()) for part in chunk.split(",") if part.strip(" .")]
    names: list[Name] = []
    index = 0
    while index < len(parts):
        part = parts[index]
        following = parts[index + 1] if index + 1 < len(parts) else None
        after = parts[index + 2] if index + 2 < len(parts) else None
        if following is not None and _is_inverted_pair(part, following):
            suffix = ""
            if after is not None and _SUFFIX.match(after):
                suffix, index = after, index + 1
            names.append(inverted_name(part, following, suffix))
            index += 2
        elif (following is not None and after is not None and _SUFFIX.match(following)
              and _INITIALS.match(after)):  # "Rumsey, Jr., H."
            names.append(inverted_name(part, after, following))
            index += 3
        elif _SUFFIX.match(part) and names:
            names[-1] = _with_suffix(names[-1], part)
            index += 1
        else:
            names.append(reading_order_name(part))
            index += 1
    return [name for name in names if name.family or name.literal]


def _is_inverted_pair(family: str, given: str) -> bool:
    """Is `family, given` one inverted name (not two names in reading order)?"""
    if _SUFFIX.match(given):
        return False
    if _INITIALS.match(given):
        return not _INITIALS.match(family) and not _is_vancouver(family)
    family_words, given_words = _words(family), _words(given)
    if len(family_words) >= 2 and len(given_words) >= 2:
        return False  # "Louay Saleh, Philippe Chevrel": two full names in reading order
    return (len(family_words) <= 3 and len(given_words) <= 3 and not _is_vancouver(family)
            and not any(_INITIALS.match(word) for word in family_words)
            and not _looks_reading_order(given_words))


def _looks_reading_order(words: list[str]) -> bool:
    # "Colella, Milo R. Dorr" is two names: a given name, an initial, a family name.
    if len(words) < 3 or _INITIALS.match(words[-1]) or _INITIALS.match(words[0]):
        return False  # "Pate, C. Marvin" is one name
    return any(_INITIALS.match(word) for word in words[1:-1])


def _is_vancouver(part: str) -> bool:
    words = _words(part)
    return len(words) >= 2 and _VANCOUVER_INITIALS.match(words[-1]) is not None and words[0][1:].islower()


def inverted_name(family: str, given: str, suffix: str = "") -> Name:
    """A Name from `family, given` (`van der Berg, J.`): lower-case particles lead the family."""
    words = _words(family)
    particles = []
    while len(words) > 1 and words[0].lower() in _PARTICLES and words[0][0].islower():
        particles.append(words.pop(0))
    return Name(family=" ".join(words), given=given.strip(), non_dropping_particle=" ".join(particles),
                suffix=suffix)


def reading_order_name(text: str) -> Name:
    """A Name from `J. A. Smith`, `Ludwig van Beethoven` or Vancouver `Petrosyan A`."""
    words = _words(text)
    suffix = ""
    if len(words) > 1 and _SUFFIX.match(words[-1]):
        suffix = words.pop()
    if not words:
        return Name()
    if len(words) == 1:
        return Name(family=words[0], suffix=suffix)
    if _is_vancouver(" ".join(words)):  # "Alipour Gorji M", "Wheeler J C"
        family_end = len(words) - 1
        while family_end > 1 and _VANCOUVER_INITIALS.match(words[family_end - 1]) and len(words[family_end - 1]) == 1:
            family_end -= 1
        return inverted_name(" ".join(words[:family_end]), " ".join(words[family_end:]), suffix)
    initials_from = len(words)
    while initials_from > 1 and _INITIALS.match(words[initials_from - 1]):
        initials_from -= 1
    if initials_from < len(words) and not _INITIALS.match(words[0]):  # "Abel T." "Bryan G. L."
        return inverted_name(" ".join(words[:initials_from]), " ".join(words[initials_from:]), suffix)
    family_start = len(words) - 1
    while family_start > 1 and words[family_start - 1].lower() in _PARTICLES:
        family_start -= 1
    family_words = words[family_start:]
    particles = []
    while len(family_words) > 1 and family_words[0].lower() in _PARTICLES:
        particles.append(family_words.pop(0))
    return Name(family=" ".join(family_words), given=" ".join(words[:family_start]),
                non_dropping_particle=" ".join(particles), suffix=suffix)


def _words(text: str) -> list[str]:
    # A PDF's loose accent ("Andr´ e") does not end a word, nor does a line-end hyphen ("Stan- ley").
    return [word for word in re.split(r"(?<![´¨˜ˆ`])(?<!\w-)\s+|(?<=\w-)\s+(?![a-z])", text) if word]


def _with_suffix(name: Name, suffix: str) -> Name:
    return Name(family=name.family, given=name.given, non_dropping_particle=name.non_dropping_particle,
                suffix=suffix)
