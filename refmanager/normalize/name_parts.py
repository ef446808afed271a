"""The words of a person's name: particles, initials, suffixes and letter case.

Shared by the name steps (`names.py`) and the cross-record clustering
(`people.py`). The particle list is the common European and Arabic name
particles, as the CSL specification's "Name particles" and the biblatex manual
describe them; which of them a given person drops is not decided here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Words that start a family name's particle, or end a given name as one, when lower case.
PARTICLES = frozenset({
    "a", "af", "al", "auf", "av", "aus", "bin", "bint", "da", "dal", "dalla", "das", "de", "dei",
    "degli", "del", "dela", "della", "delle", "dello", "dem", "den", "der", "des", "di", "do",
    "dos", "du", "el", "het", "ibn", "il", "in", "la", "las", "le", "les", "lo", "los", "op",
    "st", "te", "ten", "ter", "uit", "und", "v", "v.", "v.d.", "van", "vande", "vander", "vd",
    "ver", "vom", "von", "zu", "zum", "zur", "'s", "'t",
})
#: Particles written joined to the next word: `d'Alembert`, `al-Hakim`.
JOINED_PARTICLE = re.compile(r"^(d'|l'|dell'|al-|el-|ul-|'s-)(?=\w)", re.IGNORECASE)
SUFFIXES = {"jr": "Jr.", "jr.": "Jr.", "sr": "Sr.", "sr.": "Sr.", "ii": "II", "iii": "III",
            "iv": "IV", "v": "V", "2nd": "2nd", "3rd": "3rd"}
# Scottish and Irish `Mac` names: `Mac` + capital only for these, since Macy,
# Mackey, Machado and Macedo are spelt with a lower-case third letter.
MAC_NAMES = frozenset({
    "macarthur", "macaulay", "macdonald", "macdougall", "macfarlane", "macgregor", "macinnes",
    "macintosh", "macintyre", "mackay", "mackenzie", "mackinnon", "maclean", "maclennan",
    "macleod", "macmillan", "macnamara", "macneil", "macpherson", "macqueen", "macrae",
})
_INITIAL = re.compile(r"^(\w)\.?$")
_DOTTED_INITIALS = re.compile(r"^\w(?:\.\w)+\.?$")  # `J.R.`, `C.D.C`
_HAS_LONE_CAPITAL = re.compile(r"(?:^|\s)\w(?:\s|$)")
_LETTERS = re.compile(r"[^\W\d_]")


def is_all_capitals(text: str) -> bool:
    letters = _LETTERS.findall(text)
    return len(letters) > 1 and all(letter.isupper() for letter in letters) and text.upper() != text.lower()


def is_all_lower_case(text: str) -> bool:
    letters = _LETTERS.findall(text)
    return bool(letters) and all(letter.islower() for letter in letters)


def needs_case_repair(text: str) -> bool:
    """A name part in all capitals or all lower case: typed that way, not deliberately cased."""
    return is_all_capitals(text) or is_all_lower_case(text)


def capitalise_name_word(word: str) -> str:
    """One word of a name as names are written: `o'brien` O'Brien, `mcdonald` McDonald,
    `jean-paul` Jean-Paul, `d'alembert` d'Alembert, `al-hakim` al-Hakim."""
    joined = JOINED_PARTICLE.match(word)
    if joined:
        return joined.group(1).lower() + capitalise_name_word(word[joined.end():])
    if "-" in word:
        return "-".join(capitalise_name_word(part) for part in word.split("-"))
    if "'" in word[1:-1]:
        head, _, tail = word.partition("'")
        return capitalise_name_word(head) + "'" + capitalise_name_word(tail)
    lower = word.lower()
    if lower.startswith("mc") and len(lower) > 3:
        return "Mc" + lower[2:].capitalize()
    if lower in MAC_NAMES:
        return "Mac" + lower[3:].capitalize()
    return lower[:1].upper() + lower[1:]


def repair_family_case(family: str) -> tuple[str, str]:
    """(particle, family) for a family name in one case: known particles before the last
    word are lower-cased and returned apart (`DE LA FUENTE`: `de la`, `Fuente`)."""
    words = family.split()
    particle = []
    while len(words) > 1 and words[0].lower() in PARTICLES:
        particle.append(words.pop(0).lower())
    return " ".join(particle), " ".join(capitalise_name_word(word) for word in words)


def repair_given_case(given: str) -> str:
    """A given name in one case, word by word; initials (`J.`, `JP`, `E.G.-L.`) stay capitals,
    but a particle ending a given name after a name in full is one (`MARIA DE` Maria de)."""
    words: list[str] = []
    given_words = given.split()
    for word in given_words:
        words.append(_given_word_case(word, after_first=bool(words)))
    if particle_ends_given(given):
        words[-1] = given_words[-1].lower()
    return " ".join(words)


def particle_ends_given(given: str) -> bool:
    """Whether a given name in capitals ends with a short particle after a name in full
    (`MARIA DE`, `JOSE DA`): a particle, though `DE` could also be two initials."""
    words = given.split()
    return (len(words) > 1 and words[-1].isupper() and words[-1].lower() in _TRAILING_PARTICLES
            and len(words[-2]) > 2 and words[-2].isalpha())


# The two-letter particles that end Romance given names (`Maria de`, `José da`); a longer
# particle is no initials and is lowered anyway (`DOS`), others (`LE`) are names too.
_TRAILING_PARTICLES = frozenset({"da", "de", "di", "do", "du"})


def _given_word_case(word: str, after_first: bool) -> str:
    parts = word.split("-")
    if word.isupper() and all(map(_is_initials_part, parts)):
        return word
    if after_first and word.lower() in PARTICLES:
        return word.lower()
    if word.isupper() and "." in word and len(parts) > 1:  # `E.G.-LOUIS`: E.G.-Louis
        return "-".join(_given_word_case(part, after_first=False) for part in parts)
    return capitalise_name_word(word)


def _is_initials_part(part: str) -> bool:
    return len(part.replace(".", "")) <= 2 or bool(_DOTTED_INITIALS.match(part))


def is_initials(given: str) -> bool:
    """Whether a given name is initials only: `A. G.`, `A.G.`, `AG`? no: `A G`, `J.-P.`."""
    return all(_INITIAL.match(part) for part in re.split(r"[\s.\-]+", given.strip(" .-")) if part)


def format_initials(given: str) -> str:
    """Initials in one form: a full stop after each, a space between, hyphens kept:
    `A.G.` A. G., `A G` A. G., `J-P` J.-P., and `John A` John A."""
    if "." not in given and not _HAS_LONE_CAPITAL.search(given) and "-" not in given:
        return given  # the usual case, quickly: `John`, `Mary Ann`
    words = []
    for word in given.split():
        parts = [part for part in word.split("-") if part] if "-" in word else ()
        if parts and all(_INITIAL.match(part) or _DOTTED_INITIALS.match(part) for part in parts):
            # not a lone dash ("Bilel -"); `E.G.-L.` is E. G.-L.
            words.append("-".join(_spaced_initials(part) for part in parts))
        elif _DOTTED_INITIALS.match(word) and word.isupper():
            words.extend(letter + "." for letter in word.replace(".", ""))
        elif len(word) == 1 and word.isupper():
            words.append(word + ".")
        else:
            words.append(word)
    return " ".join(words)


def _spaced_initials(part: str) -> str:
    return " ".join(letter + "." for letter in part.replace(".", ""))


_PUNCTUATION = re.compile(r"[^\w\s]")


@lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """Text without accents, case or punctuation: what two spellings of one name share."""
    if text.isascii():  # the usual case: no accents to take off, and casefold is lower
        return _PUNCTUATION.sub("", text.lower()).strip()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _PUNCTUATION.sub("", stripped.casefold()).replace("ß", "ss").strip()
