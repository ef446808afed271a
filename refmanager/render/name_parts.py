"""One personal name: its parts, particles, initials and display order.

CSL-JSON gives a name as parts (family, given, particles, suffix) or as a
literal. This module splits particles that arrive inside the family or given
name, shortens given names to initials (`initialize-with`) and orders the parts
for display and for sorting, as CSL 1.0.2 "Name-part Order" describes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from refmanager.render.markup import TAG

# Latin (with the IPA letters of "Kɔfi" and the modifier letters of transliteration,
# the ʿ and ʾ of "ʿAlāʾ al-Aswānī"), Greek and Cyrillic letters with their marks: names
# in other scripts (Chinese, Japanese, Korean...) are written family-then-given with
# no space.
_ROMANESQUE = re.compile(r"^[\u0000-\u052F\u1E00-\u1FFF"
                         r"\u2000-\u206F\u00A0\uFB00-\uFB4F'’\s]*$")
_INITIAL_TOKEN = re.compile(r"([^\s.\-]+)(\.?)(-|\s*)")
# Markup tags stand in a given name as private-use characters while it is initialized.
_FIRST_MARK = 0xE000
_MARKED_WORD = re.compile(r"^([\uE000-\uF8FF]*)(.*?)([\uE000-\uF8FF]*)$", re.S)
# A whole word in quotes or brackets ("David “Rez” Paul"), not the apostrophes of
# "N’Golo D’Arcy".
_NICKNAME = re.compile(r"(?:^|\s+)(“[^”]*”|”[^”]*”|\"[^\"]*\"|'[^']*'|‘[^’]*’|’[^’]*’"
                       r"|\([^)]*\))(?=\s|$)\s*")


def is_romanesque(text: str) -> bool:
    return text.isascii() or bool(_ROMANESQUE.match(text))  # ASCII: all in the first range


def _leading_particle(family: str) -> tuple[str, str]:
    """Split lowercase leading words ("van der Berg") off a family name."""
    words = family.split(" ")
    index = 0
    while index < len(words) - 1 and words[index].lstrip("'’")[:1].islower():
        index += 1
    if index:
        # "de' Frinkle" keeps its space, where "d'Wander" has none: the particle
        # carries the space it was written with (see `space_after`).
        spaced = " " if words[index - 1][-1:] in "'’" else ""
        return " ".join(words[:index]) + spaced, " ".join(words[index:])
    match = re.match(r"^([a-z]+['’\-])(\S.*)$", family)
    if match:
        return match.group(1), match.group(2)
    return "", family


def _trailing_particle(given: str) -> tuple[str, str]:
    """Split trailing lowercase words ("Jean de") off a given name."""
    words = given.split(" ")
    index = len(words)
    while index > 1 and words[index - 1][:1].islower():
        index -= 1
    if index < len(words):
        return " ".join(words[:index]), " ".join(words[index:])
    return given, ""


def normalize_name(name: dict) -> dict:
    """A copy of a CSL-JSON name with particles and suffixes split out."""
    if "literal" in name or ("family" not in name and "given" not in name):
        literal = name.get("literal", name.get("family", "") or name.get("given", ""))
        return {"literal": str(literal)}
    parts = {key: str(value).replace("'", "’").strip() for key, value in name.items()
             if isinstance(value, (str, int)) and not isinstance(value, bool)}
    for flag in ("comma-suffix", "static-ordering", "parse-names"):
        if flag in name:
            parts[flag] = name[flag]
    if not parts.get("family") and parts.get("given"):
        return {"literal": parts["given"]}  # a mononym ("Banksy") is never initialized
    family = parts.get("family", "")
    given = parts.get("given", "")
    if family.startswith('"') and family.endswith('"') and len(family) > 1:
        parts["family"] = family[1:-1]
    elif "non-dropping-particle" not in parts and family and name.get("parse-names", True):
        particle, rest = _leading_particle(family)
        if particle:
            parts["non-dropping-particle"], parts["family"] = particle, rest
    if "dropping-particle" not in parts and given and name.get("parse-names", True):
        if "," in given and "suffix" not in parts:
            given, suffix = (piece.strip() for piece in given.split(",", 1))
            if suffix.startswith("!"):  # "John,! Jr.": the suffix keeps its comma
                suffix = suffix[1:].lstrip()
                parts["comma-suffix"] = True
            parts["suffix"] = suffix
        given, particle = _trailing_particle(given)
        parts["given"] = given
        if particle:
            parts["dropping-particle"] = particle
    parts["romanesque"] = is_romanesque(parts.get("family", "") + parts.get("given", ""))
    return parts


@lru_cache(maxsize=32768)
def initialize(given: str, initialize_with: str, initialize_words: bool = True,
               hyphen: bool = True) -> str:
    """The given name with words reduced to initials followed by `initialize_with`.

    With `initialize_words` false only what already is an initial ("M.", "M")
    is re-punctuated; whole words stay. A nickname in quotes or brackets stays
    whole between spaces, as citeproc-js keeps it: "D. “Rez” P.", "F. ’Floyd’";
    a given name that opens with one is not initialized at all. Markup around
    a word stays around its initial: "<b>John</b> Quiggly" is "<b>J.</b> Q.".
    """
    if "<" in given:
        marked, tags = _mark_tags(given)
        if tags:
            initials = initialize(marked, initialize_with, initialize_words, hyphen)
            for index, tag in enumerate(tags):
                initials = initials.replace(chr(_FIRST_MARK + index), tag)
            return initials
    pieces = _NICKNAME.split(given)
    if len(pieces) == 1:
        return _initialize_words(given, initialize_with, initialize_words, hyphen)
    if not pieces[0].strip():
        return given.strip()
    out = []
    for index, piece in enumerate(pieces):
        if index % 2:
            straight = piece[0] in "\"'"  # straight quotes print as double curly ones
            out.append("“" + piece[1:-1] + "”" if straight else piece)
        elif piece.strip():
            out.append(_initialize_words(piece, initialize_with, initialize_words, hyphen))
    return " ".join(out)


def _mark_tags(given: str) -> tuple[str, list[str]]:
    """The given name with each markup tag replaced by a mark, and the tags."""
    tags = []

    def mark(match) -> str:
        tags.append(match.group())
        return chr(_FIRST_MARK + len(tags) - 1)

    return TAG.sub(mark, given), tags


def _initialize_words(given: str, initialize_with: str, initialize_words: bool,
                      hyphen: bool) -> str:
    trimmed = initialize_with.rstrip()
    pieces = []
    for word, period, separator in _INITIAL_TOKEN.findall(given):
        opening, core, closing = _MARKED_WORD.match(word).groups()
        if not core:  # tags alone ("<b>J.</b> Q"): they close before the space or hyphen
            last = pieces.pop() if pieces else ""
            kept = last.rstrip()
            if separator == "-" and initialize_words:
                pieces.append(kept + word + ("-" if hyphen else ""))
            else:
                pieces.append(kept + word + last[len(kept):])
            continue
        if core[:1].islower() and initialize_words:
            if pieces and pieces[-1] == "-":
                # "G-p": a lowercase part after a hyphen is dropped; the hyphen stays
                # if the compound goes on ("Mohi-ud-Din": "M.-D."), else the space
                # after an initial comes back ("Anne-marie S.": "A. S.").
                if separator != "-":
                    pieces[-1] = initialize_with[len(trimmed):]
                continue
            if pieces and not pieces[-1].endswith(" "):
                pieces.append(" ")
            pieces.append(word + period + " ")  # "J. B. de C. M.": particles stay whole
            continue
        is_initial = bool(period) or (len(core) == 1 and core.isupper())
        # With initialize="false", initials lose the hyphen between them: "T.-H." is
        # "T. H." (citeproc-js), while a whole "Teck-Hua" keeps it.
        joined = separator == "-" and (initialize_words or not is_initial)
        if initialize_words or is_initial:
            text = core if (period and len(core) > 1) or not initialize_words \
                else _initial_letters(core)
            spacing = "" if joined else initialize_with[len(trimmed):]
            pieces.append(opening + text + trimmed + closing + spacing)
        else:
            pieces.append(word + ("" if joined else " "))
        if joined and hyphen:
            pieces.append("-")
    return "".join(pieces).strip()


def _initial_letters(word: str) -> str:
    """The initial of a word: its first letter, or the capitals that open it before
    lowercase letters, as a transliteration marks a digraph ("TSerendorjiin": "Ts")."""
    end = 1
    while end < len(word) and word[end].isupper():
        end += 1
    if 1 < end < len(word) and word[0].isupper() and word[end].islower():
        return word[0] + word[1:end].lower()
    return word[0]


def space_after(particle: str) -> str:
    """The space between a particle and the next part: none after an apostrophe or
    hyphen ("d’Wander", "al-Aswānī") or when the particle carries its own ("de’ ")."""
    return "" if particle[-1:] in "'’- " else " "


def _particle_join(particle: str, following: str) -> str:
    if not particle:
        return following
    if not following:
        return particle.rstrip()
    return particle + space_after(particle) + following
