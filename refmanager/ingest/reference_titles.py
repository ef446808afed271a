"""Where a title starts and ends: repairs of the labelled spans around it.

The labeller often lets a title run on into what follows it in the string (`Problem
Solving, seventh Edition`, `Vertex operators, dissertation`, `Rank of Divisors
(submitted)`), or, when it found no authors, start with them (`8. Edmund Landau, Über
eine Verallgemeinerung ...`). These repairs cut such a title, give the statement
after it its own span (edition, genre, note) and the names before it to the authors.
"""

from __future__ import annotations

import re

_ORDINAL_WORDS = ("first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|revised|enlarged|new"
                  "|zweite|dritte|vierte|\\d+(?:st|nd|rd|th|e|er|\\.)")
# What may follow a title, with the label it takes: `5th`, `Second printing`, `seventh
# Edition`, `revised`, `PhD thesis`, `dissertation`, `(submitted)`.
_TRAILERS = (
    ("edition", re.compile(rf"(?:(?:{_ORDINAL_WORDS})(?:\s+(?:edition|ed\.?|edn\.?|printing|auflage|aufl\.?))?"
                           r"|reprint(?:ed)?|revision of the \d{4} original)", re.I)),
    ("genre", re.compile(r"(?:ph\.?\s?d\.?|master'?s|doctoral|diploma|b\.a\.|m\.sc\.)?\s*(?:thesis|dissertation)", re.I)),
    # not a language, `(in Russian)`: AnyStyle's titles keep it, UMass's do not
    ("note", re.compile(r"\(?submitted\)?|\(?to appear\)?|\(?in preparation\)?", re.I)),
)


def repair_titles(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The spans with each title cut before what follows it, and authors found in it."""
    return _journal_left_in_the_title(_authors_read_as_the_title(_statements_after_the_title(spans)))


def _statements_after_the_title(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    repaired: list[tuple[str, str]] = []
    for label, text in spans:
        if label == "title":
            repaired.extend(_cut_trailer(text))
        else:
            repaired.append((label, text))
    return repaired


def _cut_trailer(title: str) -> list[tuple[str, str]]:
    """`Elementary Differential Equation, seventh Edition` as the title, then the edition."""
    for separator in (",", "(", "."):
        head, mark, tail = title.rpartition(separator)
        if not mark or len(head.split()) < 2:
            continue
        tail = (mark + tail if separator == "(" else tail).strip()
        for label, statement in _TRAILERS:
            if statement.fullmatch(tail.rstrip(".,;: ")):
                return [("title", head.rstrip(" ,.")), (label, tail)]
    for label, statement in _TRAILERS[1:]:  # `On Gröbner Bases PhD Thesis`: no mark before it
        found = re.search(rf"\s({statement.pattern})$", title, re.I)
        if found and len(title[:found.start()].split()) >= 2 and label == "genre":
            return [("title", title[:found.start()].rstrip(" ,.")), (label, found.group(1))]
    return [("title", title)]


# A name before the title: `Edmund Landau`, `Friedrich Wilhelm Wiener`, `L. Arnold`, `M. I. Gil'`.
_NAME_THEN_TITLE = re.compile(
    r"^((?:[A-Z]\.\s?){1,3}[A-Z][\w'’-]+|[A-Z][a-z]+(?:\s[A-Z][a-z]+){1,2}),\s+(\S.+\s\S.*)$")


_TITLE_OPENINGS = frozenset("The A An On In Of La Le Les Die Der Das El Il Lo".split())


def _authors_read_as_the_title(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """`8. Edmund Landau, Über eine Verallgemeinerung des Picardschen Satzes`: with no
    author found, a name and a comma that start the title are its author."""
    labels = [label for label, _ in spans]
    if "author" in labels or "editor" in labels or "title" not in labels:
        return spans
    position = labels.index("title")
    found = _NAME_THEN_TITLE.match(spans[position][1])
    if not found or found.group(1).split()[0] in _TITLE_OPENINGS or position > 1 or position == 1 and labels[0] != "citation_number":
        return spans
    return spans[:position] + [("author", found.group(1)), ("title", found.group(2))] + spans[position + 1:]


# A full stop after a lower-case word (`systems. Uspekhi`), not an abbreviation (`Matem. Nauk`),
# or after a bracket (`(Russian) Funkcional.`)
_SENTENCE_END = re.compile(
    r"(?:(?:(?<=\s[a-z\u00DF-\u00FF]{4})|(?<=[a-z\u00DF-\u00FF]{5}))[.;]|(?<=\)))\s+(?=[A-Z\u00C0-\u00DE])")
_LAST_PIECE = re.compile(r",\s+(?=[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,2}$)")


def _journal_left_in_the_title(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """`Small perturbations of chaotic dynamical systems. Uspekhi Matem. Nauk., 44: 6`: with
    no container found and the volume right after the title, the journal is the title's
    last sentence (or, with none, its last short capitalised piece: `..., Entropy, 2008, 10`)."""
    labels = [label for label, _ in spans]
    if "container" in labels or "title" not in labels or "pages" not in labels or {"publisher", "location"} & set(labels):
        return spans  # a book's title before its volume (`..., Vol I, Springer-Verlag`) stays whole
    position = labels.index("title")
    following = [label for label in labels[position + 1:] if label != "date"]
    if not following or following[0] != "volume":
        return spans
    title = spans[position][1]
    cut = next((found for found in _SENTENCE_END.finditer(title) if len(title[:found.start()].split()) >= 3), None)
    cut = cut or next(_LAST_PIECE.finditer(title), None)
    if cut is None:
        return spans
    head, tail = title[:cut.start()], title[cut.end():]
    if len(head.split()) < 3 or len(tail.split()) > 8:
        return spans
    return spans[:position] + [("title", head), ("container", tail)] + spans[position + 1:]
