"""Matching a name as a citation writes it to a name as the byline writes it.

A statement may invert, mis-case, abbreviate or strip the accents off a name:
`mahmood, A. G.` is the byline's Mahmood Alipour Gorji, `Nguyen, V. A.` is
Nguyễn Văn An, `Petrosyan A` is Anna Petrosyan. Comparing the two through
initials and accent-free spellings tells which byline words are the family name,
which a byline alone cannot ("Alipour Gorji", "García Márquez", "van der Berg").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from refmanager.ingest.byline import PARTICLES, BylineAuthor
from refmanager.model import Name

# Letters that Unicode does not decompose into a base letter and an accent.
_UNDECOMPOSED = str.maketrans({"ı": "i", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
                               "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th"})


def fold(text: str) -> str:
    """Text for comparison: no accents, no case, letters and spaces only."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.sub(r"[^\w\s]|_", " ", bare.casefold()).split())


def has_accents(text: str) -> bool:
    return fold(text) != " ".join(re.sub(r"[^\w\s]|_", " ", text.casefold()).split())


@dataclass(frozen=True, slots=True)
class NameMatch:
    """How a statement's name fits a byline author."""

    name: Name  # the byline's name, split as the statement shows
    inverted: bool  # the statement put the given name where the family name goes
    initials_only: bool  # the statement gave initials where the byline has the given name
    score: float  # 1.0 for every word accounted for
    family_first: bool = False  # the byline writes this name family name first


def initials(text: str) -> list[str]:
    """The initials or words of a given name: `A. G.` -> [a, g]; `AG` -> [a, g];
    `Jean-Pierre` -> [jean, pierre]; `J.-P.` -> [j, p]."""
    tokens = [token for token in re.split(r"[\s.\-‐]+", text) if token]
    expanded = []
    for token in tokens:
        if len(token) <= 3 and token.isupper() and token.isalpha() and not _is_word(token):
            expanded.extend(token)  # Vancouver initials run together: "AG"
        else:
            expanded.append(token)
    return [fold(token) for token in expanded if fold(token)]


def _is_word(token: str) -> bool:
    return len(token) > 1 and token[1:].islower()


def match_name(statement: Name, author: BylineAuthor, given_first_byline: bool = False) -> NameMatch | None:
    """The best way the statement's name fits this byline author, or None.

    `given_first_byline`: the byline's other names are given name first, so this one
    is too, unless capitals mark its family name."""
    words = author.words
    best = None
    for split in range(1, len(words)):
        for family_first in (False, True):
            given, family = (words[split:], words[:split]) if family_first else (words[:split], words[split:])
            for inverted in (False, True):
                candidate = _fit(statement, given, family, inverted, family_first, author.suffix, given_first_byline)
                if candidate and (best is None or candidate.score > best.score):
                    best = candidate
    return best


def _fit(statement: Name, given: list[str], family: list[str], inverted: bool,
         family_first: bool, suffix: str, given_first_byline: bool) -> NameMatch | None:
    stated_family = " ".join(part for part in (statement.non_dropping_particle, statement.family) if part)
    # Inverted, the family slot holds the given name and the initials are the family name's.
    slot_for_family, slot_for_given = (given, family) if inverted else (family, given)
    if not _same_family(stated_family, " ".join(slot_for_family)):
        return None
    if (statement.given.strip() or inverted) and not _initials_fit(initials(statement.given), slot_for_given):
        return None
    score = _plausibility(statement, family, family_first, inverted)
    if given_first_byline and family_first and score < 1.0:
        score -= 0.4
    initials_only = all(len(token) == 1 for token in initials(statement.given))
    return NameMatch(name_from_parts(given, family, suffix), inverted, initials_only, score, family_first)


def _plausibility(statement: Name, family: list[str], family_first: bool, inverted: bool) -> float:
    """How likely a reading is. Bylines in journals that print citation statements
    put the given name first, unless capitals mark the family name (`ZHANG Wei`).
    Between "the byline is family first" and "the statement inverted the name",
    the statement's care decides: one that lower-cases a name (`mahmood, A. G.`)
    is not to be trusted on its order either; a careful one makes the inversion
    doubtful (below `author_corrections.APPLIED_FROM`: only suggested)."""
    if not family_first and not inverted:
        return 1.0
    marked = all(word.isupper() and len(word) > 1 for word in family)
    if family_first and not inverted:
        return 1.0 if marked else 0.85
    careless = statement.family[:1].islower() or statement.given[:1].islower()
    return 0.9 if careless else 0.7 - (0.1 if family_first else 0)


def _same_family(stated: str, byline: str) -> bool:
    stated_words = [word for word in fold(stated).split()]
    byline_words = fold(byline).split()
    without_particles = [word for word in byline_words if word not in PARTICLES]
    return bool(stated_words) and (stated_words == byline_words or stated_words == without_particles
                                   or "".join(stated_words) == "".join(byline_words))


def _initials_fit(stated: list[str], words: list[str]) -> bool:
    """Each stated initial or word stands for the byline word in its place (hyphenated
    words count as two); at least the first is there."""
    words = [word for word in words if not (word[:1].islower() and word in PARTICLES)]
    parts = [fold(part) for word in words for part in re.split(r"[-‐]", word) if fold(part)]
    whole = [fold(word) for word in words]
    for targets in (parts, whole):
        if stated and len(stated) <= len(targets) and all(
                target.startswith(token) if len(token) == 1 else target == token
                for token, target in zip(stated, targets)):
            return True
    return False


def resplit(name: Name) -> Name | None:
    """The name's words split again, Vancouver style: trailing initials are the given
    name, the words before them the family name (`De, Luca G` -> `De Luca, G`)."""
    words = " ".join(part for part in (name.non_dropping_particle, name.family, name.given) if part).split()
    initial_run = 0
    while initial_run < len(words) and _is_initials(words[len(words) - 1 - initial_run]):
        initial_run += 1
    if not initial_run or initial_run == len(words):
        return None
    family, given = words[:len(words) - initial_run], words[len(words) - initial_run:]
    resplit_name = Name(family=" ".join(family), given=" ".join(given), suffix=name.suffix)
    return None if resplit_name == name else resplit_name


def _is_initials(word: str) -> bool:
    letters = word.replace(".", "").replace("-", "")
    return bool(letters) and letters.isalpha() and letters.isupper() and len(letters) <= 3


def name_from_parts(given: list[str], family: list[str], suffix: str = "") -> Name:
    """A Name from byline words: leading lower-case particles of the family name
    (`van der Berg`) become its non-dropping particle; an all-capitals family name
    (`ZHANG Wei`, as East Asian bylines mark it) is put in ordinary case."""
    particles = []
    while len(family) > 1 and family[0].lower() in PARTICLES and family[0][0].islower():
        particles.append(family[0])
        family = family[1:]
    family_text = " ".join(_ordinary_case(word) for word in family)
    return Name(family=family_text, given=" ".join(given), non_dropping_particle=" ".join(particles),
                suffix=suffix)


def _ordinary_case(word: str) -> str:
    if len(word) > 1 and word.isupper() and word.isalpha():
        return word[0] + word[1:].lower()
    return word


def default_name(author: BylineAuthor) -> Name:
    """The byline name split without a statement to go by: an all-capitals word is the
    family name (`ZHANG Wei`); otherwise the last word, with any particles before it."""
    words = author.words
    capitals = [index for index, word in enumerate(words) if len(word) > 1 and word.isupper() and word.isalpha()]
    if len(capitals) == 1 and len(words) > 1:
        index = capitals[0]
        return name_from_parts(words[:index] + words[index + 1:], [words[index]], author.suffix)
    split = len(words) - 1
    while split > 1 and words[split - 1].lower() in PARTICLES and words[split - 1][0].islower():
        split -= 1
    return name_from_parts(words[:split], words[split:], author.suffix)
