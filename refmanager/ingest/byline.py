"""The byline of an article: its authors in order, with their affiliation markers.

Bylines mark affiliations and the corresponding author in several ways:
`Mahmood Alipour Gorji<sup>1</sup>`, `Ana Ruiz^a,b^`, `Ana Ruiz (1)`, `Ana Ruiz¹²`,
`Ana Ruiz1,2` (a PDF's text layer), and `*`, `\\*` or `✉` for the corresponding
author, before or after the name. The names stay in reading order here, as
words: which words are the family name is decided later, from the citation
statement where there is one (`reconcile`), since a byline alone cannot say
that "Mahmood Alipour Gorji" is Mahmood of the Alipour Gorji family.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from refmanager.ingest.markdown import strip_emphasis

CORRESPONDING_MARKS = "*⁎✉†"
_UNICODE_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈᵉᶠ"
_SUPERSCRIPT_VALUES = dict(zip(_UNICODE_SUPERSCRIPTS, "0123456789abcdef"))
_MARKER = re.compile(
    r"<sup>(?P<sup>.*?)</sup>|\^(?P<caret>[^^\s][^^]*?)\^"
    rf"|\s?\((?P<paren>[0-9]{{1,2}}(?:\s*,\s*[0-9]{{1,2}})*|[a-z](?:\s*,\s*[a-z])*)\)"
    rf"|(?P<uni>[{_UNICODE_SUPERSCRIPTS}](?:[{_UNICODE_SUPERSCRIPTS},]*[{_UNICODE_SUPERSCRIPTS}])?)"
    r"|(?<=[^\W\d])(?P<glued>\d{1,2}(?:,\d{1,2})*(?:,[*⁎])?)(?!\w)"
    # MDPI's "Anna Kowalska 1,*" and Elsevier's "Hernán Condori b" or "Quispe Mamani a,⁎":
    # a marker after a space, before a comma, a mark or the end (so "Silva e João" is no marker)
    r"|(?<=[^\W\d])\s(?P<spaced>(?:\d{1,2}|[a-h])(?:,(?:\d{1,2}|[a-h]))*(?:,?[*⁎])?)(?=\s*(?:[,;&]|$|\band\b))")
_SEPARATOR = re.compile(r"\s*(?:;|,|&|\band\b|\bund\b|\by\b|\bet\b)\s*")
_DEGREES = re.compile(r"^(?:ph\.?\s?d\.?|m\.?d\.?|m\.?sc\.?|b\.?sc\.?|m\.?a\.?|mph|dr\.?|prof\.?|rn|facs)$", re.I)
SUFFIXES = re.compile(r"^(?:jr\.?|sr\.?|ii|iii|iv|v|2nd|3rd)$", re.I)
PARTICLES = frozenset({
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "do", "du",
    "la", "le", "ten", "ter", "bin", "binti", "ibn", "al", "el", "y", "zu", "af", "av", "st.",
})
_NAME_WORD = re.compile(r"^(?:[^\W\d_][\w'’.\-]*|\(?[A-Z]\.\)?)$")


@dataclass(slots=True)
class BylineAuthor:
    """One author as the byline writes them, in reading order."""

    words: list[str]  # "Mahmood", "Alipour", "Gorji"
    markers: list[str] = field(default_factory=list)  # affiliation markers: "1", "a"
    corresponding: bool = False
    suffix: str = ""  # "Jr.", "III"

    @property
    def written(self) -> str:
        return " ".join(self.words) + (f", {self.suffix}" if self.suffix else "")


def parse_byline(raw: str) -> list[BylineAuthor]:
    """The authors of a byline line, as written (Markdown or plain text); [] if it holds none."""
    markers: list[list[str]] = []

    def hold(match: re.Match) -> str:
        text = next(group for group in match.groups() if group is not None)
        markers.append([_SUPERSCRIPT_VALUES.get(mark, mark) for mark in re.split(r"[,\s]+", text) if mark]
                       if match.lastgroup != "uni" else [_SUPERSCRIPT_VALUES[c] for c in text if c != ","])
        return f" \x00{len(markers) - 1}\x00 "

    raw = re.sub(r"^\s*(\*\*|__)(.*)\1\s*$", r"\2", raw)  # a byline in bold as a whole
    text = _MARKER.sub(hold, raw.replace("\\*", "*"))
    text = strip_emphasis(re.sub(r"^\s*#+\s*", "", text))
    authors: list[BylineAuthor] = []
    for chunk in _SEPARATOR.split(text):
        _add_chunk(chunk, markers, authors)
    return authors if authors and all(_plausible(author) for author in authors) else []


def _add_chunk(chunk: str, markers: list[list[str]], authors: list[BylineAuthor]) -> None:
    held = [markers[int(index)] for index in re.findall(r"\x00(\d+)\x00", chunk)]
    words_text = re.sub(r"\x00\d+\x00", " ", chunk)
    corresponding = any(mark in words_text for mark in CORRESPONDING_MARKS)
    words = [word for word in re.sub(f"[{re.escape(CORRESPONDING_MARKS)}]", " ", words_text).split()]
    flat = [mark for group in held for mark in group]
    corresponding = corresponding or any(mark in CORRESPONDING_MARKS for mark in flat)
    flat = [mark for mark in flat if mark not in CORRESPONDING_MARKS]
    if words and authors and all(SUFFIXES.match(word) for word in words):
        authors[-1].suffix = " ".join(words)  # "Robert Smith, Jr."
        words = []
    elif words and all(_DEGREES.match(word) for word in words):
        words = []  # "Ana Ruiz, PhD"
    if words and words[-1] and SUFFIXES.match(words[-1]) and len(words) > 2:
        suffix, words = words[-1], words[:-1]
    else:
        suffix = ""
    if words:
        authors.append(BylineAuthor(words, flat, corresponding, suffix))
    elif authors:  # markers or a mark after a separator belong to the name before it
        authors[-1].markers += flat
        authors[-1].corresponding = authors[-1].corresponding or corresponding


def _plausible(author: BylineAuthor) -> bool:
    """A person's name: two to six words, each capitalised or a particle."""
    if not 1 <= len(author.words) <= 6:
        return False
    capitalised = [word for word in author.words if word.lower() not in PARTICLES]
    capitals = [word for word in capitalised if len(word) > 1 and word.isupper() and word.isalpha()]
    if len(capitalised) > 4 or len(capitals) > 1:  # a title in capitals, not a name
        return False
    return len(author.words) >= 2 and bool(capitalised) and all(
        _NAME_WORD.match(word) and (word[0].isupper() or word[0] == "(") for word in capitalised)


@dataclass(frozen=True, slots=True)
class Affiliation:
    marker: str  # "1", "a", or "" for an unmarked affiliation
    text: str
    line: int


_AFFILIATION = re.compile(
    rf"^\s*(?:<sup>(?P<sup>[^<]+)</sup>|\^(?P<caret>[^^\s]+)\^|\((?P<paren>\w{{1,2}})\)"
    rf"|(?P<uni>[{_UNICODE_SUPERSCRIPTS}]+)|(?P<plain>\d{{1,2}}|[a-z])(?:[.)]|\s))\s*(?P<text>\S.*)$")


def parse_affiliation(raw: str, line: int) -> Affiliation | None:
    """`1. Faculty of ...`, `<sup>a</sup> Department ...`, `(2) ...`: the marker and the text."""
    match = _AFFILIATION.match(raw)
    if not match:
        return None
    marker = next(match.group(name) for name in ("sup", "caret", "paren", "uni", "plain") if match.group(name))
    marker = "".join(_SUPERSCRIPT_VALUES.get(c, c) for c in marker)
    return Affiliation(marker.strip(), " ".join(strip_emphasis(match.group("text")).split()), line)
