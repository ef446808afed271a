"""BibTeX name lists, to and from the model's `Name`.

BibTeX's own rules (as in Patashnik's "Designing BibTeX styles", and as bibtex
and biber apply them): names are separated by a top-level `and`; a name is
"First von Last", "von Last, First" or "von Last, Jr, First"; the von part is
the run of words starting with a lowercase letter; braces make a group one
word and hide its case, except a special character like `{\\"u}`, whose case
is that of its letter. A name that is one brace group is an organisation.

The splitting works on the LaTeX source (braces carry meaning here) and each
part is decoded to Unicode afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from refmanager.latex.braces import is_one_group, split_top_level, walk
from refmanager.latex.decode import decode, is_plain
from refmanager.latex.encode import encode
from refmanager.model import Name

OTHERS = Name(literal="others")  # BibTeX's "and others": the list is truncated

_WORD_SEPARATOR = re.compile(r"[\s~]+")
_LETTER = re.compile(r"[^\W\d_]")


def parse_names(value: str) -> list[Name]:
    """The names in a BibTeX author/editor value (outer delimiters removed)."""
    return list(_parse_names_cached(value))


# An export that turned an HTML reference `&#252;` into ` and \#252 and ` ("Beat W and
# \#252 and thrich" in the DBLP-ACM benchmark): no name is a number, so the reference
# is put back, and read as its character.
_MANGLED_REFERENCE = re.compile(r"(?<=\S) and \\#(\d{2,7}) and (?=\S)")


@lru_cache(maxsize=200_000)
def _parse_names_cached(value: str) -> tuple[Name, ...]:
    if "\\#" in value:
        value = _MANGLED_REFERENCE.sub(r"&#\1;", value)
    if "{" in value or "~" in value:
        return tuple(_parse_name(words) for words in _split_top_level(value, separator="and") if words)
    # No braces: a plain split is exact, and each name is cached on its own,
    # since the same author recurs across a file far more than the same list.
    # (`map` and `filter`: the loop over a file's 300,000 names runs in C.)
    return tuple(map(_parse_plain_name, filter(None, _plain_names(value))))


def _plain_names(value: str) -> list[str]:
    """The names of a list without braces. The spaces are made single first, as
    a pattern like `\\s+and\\s+` takes quadratic time on a long run of spaces."""
    if "  " in value or "\t" in value or "\n" in value or "\r" in value:
        value = " ".join(value.split())
    return _AND.split(value.strip())


_AND = re.compile(" and ", re.IGNORECASE)


@lru_cache(maxsize=200_000)
def _parse_plain_name(text: str) -> Name:
    # A name with no LaTeX and no HTML reference (most of them) has parts that need no
    # decoding either: each is some of its words joined by single spaces, which `decode`
    # would give back as they are.
    plain = "&" not in text and is_plain(text)
    if plain and text.count(",") == 1:
        # "Smith, John A.", as most exports write a name: one family word has no von
        # part before it, and there is no Jr part; the rest is the given name.
        family, given = text.split(",")
        family_words = family.split()
        if len(family_words) == 1:
            return Name(family=family_words[0], given=" ".join(given.split()))
    return _parse_name(text.split(), " ".join if plain else _decode_words)


def _split_top_level(text: str, separator: str) -> list[list[str]]:
    """Words at brace depth 0, grouped by a separator word (`and`) or by commas."""
    groups: list[list[str]] = [[]]
    for word in _top_level_words(text):
        if separator == "and" and word.lower() == "and":
            groups.append([])
        else:
            groups[-1].append(word)
    return groups


def _top_level_words(text: str) -> list[str]:
    """Words split at spaces and ties (`~`, but not the accent `\\~`) outside groups."""
    if "{" not in text and "~" not in text:
        return text.split()
    return [word for word in split_top_level(text, r"[\s~]+") if word]


def _parse_name(words: list[str], decoded: Callable[[list[str]], str] | None = None) -> Name:
    """The name these words make (`decoded`: the text of some of them, as a part)."""
    decoded = decoded or _decode_words
    if len(words) == 1 and _is_one_group(words[0]):
        return Name(literal=decode(words[0][1:-1]))
    if words == ["others"]:
        return OTHERS
    segments = _comma_segments(words)
    if len(segments) == 1:
        first, von, last = _first_von_last(segments[0])
        jr: list[str] = []
    else:
        von, last = _von_last(segments[0])
        jr = segments[1] if len(segments) > 2 else []
        first = [word for segment in segments[2 if len(segments) > 2 else 1:] for word in segment]
    return Name(
        family=decoded(last), given=decoded(first),
        non_dropping_particle=decoded(von), suffix=decoded(jr),
    )


def _comma_segments(words: list[str]) -> list[list[str]]:
    """Split a name's words at top-level commas ("Nye, Jr., Joseph S.")."""
    segments: list[list[str]] = [[]]
    for word in words:
        pieces = _split_word_at_commas(word)
        for index, piece in enumerate(pieces):
            if index:
                segments.append([])
            if piece:
                segments[-1].append(piece)
    return segments


def _split_word_at_commas(word: str) -> list[str]:
    if "," not in word:
        return [word]
    if "{" not in word and "}" not in word and "\\," not in word:
        return word.split(",")  # no group, no escaped comma: every comma is at the top level
    return split_top_level(word, ",")


def _first_von_last(words: list[str]) -> tuple[list[str], list[str], list[str]]:
    lower = [index for index, word in enumerate(words[:-1]) if _is_lowercase(word)]
    if not lower:
        return words[:-1], [], words[-1:]
    return words[:lower[0]], words[lower[0]:lower[-1] + 1], words[lower[-1] + 1:]


def _von_last(words: list[str]) -> tuple[list[str], list[str]]:
    von_end = 0
    for index, word in enumerate(words[:-1]):
        if _is_lowercase(word):
            von_end = index + 1
    return words[:von_end], words[von_end:]


def _is_lowercase(word: str) -> bool:
    """BibTeX's test for a von word: its first letter at depth 0 is lowercase."""
    if "{" not in word and "\\" not in word:
        letter = _LETTER.search(word)
        return letter is not None and letter.group().islower()
    for match, depth in walk(word, 0, _LETTER.pattern):
        token = match.group()
        if depth != 0:
            continue
        if token == "{":
            if word.startswith("{\\", match.start()):
                return _special_character_is_lowercase(word[match.start() + 1:])
        elif token[0] == "\\":
            if token[1:].isalpha():  # BibTeX reads `\\LaTeX` outside a group as letters
                return token[1].islower()
        elif token != "}":
            return token.islower()
    return False  # caseless: never a von word


# Commands that are letters themselves; after any other command the case is
# that of the first letter that follows (BibTeX's rule for `{\"U}`).
_LETTER_COMMANDS = {"i", "j", "oe", "OE", "ae", "AE", "aa", "AA", "o", "O", "l", "L", "ss"}


def _special_character_is_lowercase(text: str) -> bool:
    command = re.match(r"\\([A-Za-z]+|.)", text)
    if command and command.group(1) in _LETTER_COMMANDS:
        return command.group(1)[0].islower()
    rest = text[command.end():] if command else text
    letter = next((char for char in rest if char.isalpha()), "")
    return letter.islower()


def _is_one_group(word: str) -> bool:
    return not word.startswith("{\\") and is_one_group(word)


def _decode_words(words: list[str]) -> str:
    return decode(" ".join(words)) if words else ""


# ---------------------------------------------------------------- writing

def format_names(names: list[Name], ascii: bool = False) -> tuple[str, list[str]]:
    """The BibTeX value for a list of names, and notes on what BibTeX cannot say."""
    notes = []
    parts = []
    for name in names:
        if name == OTHERS:
            parts.append("others")
            continue
        text, name_notes = _formatted_name(name, ascii)
        notes.extend(name_notes)
        parts.append(text)
    return " and ".join(parts), notes


@lru_cache(maxsize=200_000)
def _formatted_name(name: Name, ascii: bool) -> tuple[str, tuple[str, ...]]:
    """One name's BibTeX text and notes; cached, as the same people recur across a file."""
    return _format_name(name, ascii), tuple(_particle_notes(name))


def _particle_notes(name: Name) -> list[str]:
    notes = [f"the name property {part!r} of {name.display()!r} cannot be held in BibTeX; left out"
             for part, _ in name.extra]
    if name.dropping_particle:
        notes.append(f"the dropping particle of {name.display()!r} is written as a von "
                     "part: BibTeX cannot tell the two kinds apart")
    # BibTeX's von part runs to its last lowercase word: "Van der" survives, "Van" alone does not.
    particle = " ".join(p for p in (name.dropping_particle, name.non_dropping_particle) if p)
    if particle and not _is_lowercase(particle.split()[-1]):
        notes.append(f"the capitalised particle of {name.display()!r} reads back as part of "
                     "the family name: BibTeX takes only lowercase words for a von part")
    return notes


def _format_name(name: Name, ascii: bool) -> str:
    if name.literal:
        return "{" + encode(name.literal, ascii) + "}"
    von = " ".join(p for p in (name.dropping_particle, name.non_dropping_particle) if p)
    family = _protect(encode(name.family, ascii), lowercase_start=True)
    last = f"{encode(von, ascii)} {family}" if von else family
    fields = [last]
    if name.suffix:
        fields.append(_protect(encode(name.suffix, ascii)))
    # A braced family alone would read as an organisation: the comma says it is not.
    if name.given or name.suffix or family.startswith("{"):
        fields.append(_protect(encode(name.given, ascii)))
    return ", ".join(fields).rstrip()


def _protect(text: str, lowercase_start: bool = False) -> str:
    """Brace a part that BibTeX would otherwise split or read as a von part."""
    words = _top_level_words(text)
    needs_braces = any(word.lower() == "and" for word in words) or "," in text
    if lowercase_start and words and _is_lowercase(words[0]):
        needs_braces = True
    return "{" + text + "}" if needs_braces else text
