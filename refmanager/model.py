"""The one record model that every stage speaks.

A `Record` is shaped after the CSL-JSON item (the data model of Zotero, Mendeley,
pandoc and citeproc): a CSL item type, structured names by role, dates as date
parts and the common variables as attributes. What a source format says that the
model does not understand is kept verbatim in `Record.foreign`, so that the writer
for that format can put it back.

A `Document` is a whole file: an ordered list of blocks (records, and verbatim
blocks such as comments, `@string` and `@preamble`), so that nothing is dropped
and every message can point at a line.

Text fields hold CSL "rich text": plain Unicode with the few HTML-like tags that
CSL processors understand (`<i>`, `<b>`, `<sup>`, `<sub>`, and
`<span class="nocase">` for words whose case must not change, such as a BibTeX
`{DNA}`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Union

from refmanager.errors import Problem

#: In `Record.foreign[format]`, the source's own item type, where the CSL type loses
#: it (a BibTeX `@judicial` is a CSL `legal_case`, which is written back as `@jurisdiction`).
SOURCE_TYPE = "@type"

#: The attributes of a Record that hold one CSL variable each, with its CSL name.
SCALAR_VARIABLES: dict[str, str] = {
    "title": "title",
    "container_title": "container-title",
    "volume": "volume",
    "issue": "issue",
    "page": "page",
    "number": "number",
    "doi": "DOI",
    "isbn": "ISBN",
    "issn": "ISSN",
    "url": "URL",
    "pmid": "PMID",
    "publisher": "publisher",
    "publisher_place": "publisher-place",
    "edition": "edition",
    "abstract": "abstract",
    "language": "language",
    "note": "note",
}


@dataclass(frozen=True, slots=True)
class Name:
    """A person's name in parts, or a `literal` for an organisation."""

    family: str = ""
    given: str = ""
    dropping_particle: str = ""  # "Ludwig van Beethoven": shown, but not sorted under
    non_dropping_particle: str = ""  # "Vincent van Gogh": part of the family name
    suffix: str = ""  # "Jr.", "III"
    literal: str = ""  # "World Health Organization": never split or inverted
    # Other properties a source gave the name (CSL's "comma-suffix", "static-ordering",
    # "parse-names"), as (property, JSON text) pairs: kept, and written back to CSL-JSON.
    extra: tuple[tuple[str, str], ...] = ()

    def display(self) -> str:
        """The name in reading order, for messages and tests."""
        if self.literal:
            return self.literal
        parts = (self.given, self.dropping_particle, self.non_dropping_particle, self.family)
        text = " ".join(part for part in parts if part)
        return f"{text}, {self.suffix}" if self.suffix else text


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date as CSL date parts: one (year[, month[, day]]) tuple, or two for a range.

    A date that cannot be read into parts is kept as written in `literal`.
    """

    parts: tuple[tuple[int, ...], ...] = ()
    season: str = ""
    circa: bool = False
    literal: str = ""

    @property
    def year(self) -> int | None:
        return self.parts[0][0] if self.parts else None


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record came from, and what it looked like there."""

    path: str
    line: int
    format: str  # the reader's name: "bibtex", "ris", "csljson"
    entry_type: str = ""  # the source's own type ("inproceedings", "JOUR")
    raw: str | None = None  # the exact source text of the record, where the format has one
    fingerprint: int = 0  # hash of the record as read, to tell an untouched record
    dialect: str = ""  # the variant of the format the source text is in ("biblatex")


@dataclass(slots=True)
class Record:
    """One bibliographic item. See the module docstring for the conventions."""

    key: str
    type: str = "document"  # a CSL item type: "article-journal", "book", ...
    title: str = ""
    creators: dict[str, list[Name]] = field(default_factory=dict)  # CSL role -> names
    container_title: str = ""
    volume: str = ""
    issue: str = ""
    page: str = ""
    number: str = ""  # article, report or patent number
    dates: dict[str, DateValue] = field(default_factory=dict)  # "issued", "accessed", ...
    doi: str = ""
    isbn: str = ""
    issn: str = ""
    url: str = ""
    pmid: str = ""
    publisher: str = ""
    publisher_place: str = ""
    edition: str = ""
    abstract: str = ""
    keywords: list[str] = field(default_factory=list)
    language: str = ""
    note: str = ""
    variables: dict[str, str] = field(default_factory=dict)  # other CSL variables
    foreign: dict[str, dict[str, str]] = field(default_factory=dict)  # format -> field -> verbatim
    origin: Origin | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def authors(self) -> list[Name]:
        return self.creators.get("author", [])

    @property
    def issued(self) -> DateValue | None:
        return self.dates.get("issued")

    def state(self) -> tuple:
        """Everything the record says, as a hashable value (origin and problems aside).

        The order of roles, dates, variables and foreign fields is not part of it;
        the order of names and keywords is.
        """
        return (
            self.key,
            self.type,
            tuple(getattr(self, attribute) for attribute in SCALAR_VARIABLES),
            _in_key_order({role: tuple(names) for role, names in self.creators.items()}),
            _in_key_order(self.dates),
            tuple(self.keywords),
            _in_key_order(self.variables),
            _in_key_order({fmt: _in_key_order(values) for fmt, values in self.foreign.items()}),
        )

    def is_untouched(self) -> bool:
        """True when the record is exactly as its reader left it."""
        return self.origin is not None and hash(self.state()) == self.origin.fingerprint

    def seal(self, origin: Origin) -> None:
        """Attach where the record came from, remembering its state as read."""
        self.origin = dataclasses.replace(origin, fingerprint=hash(self.state()))


def _in_key_order(mapping: dict) -> tuple:
    items = tuple(mapping.items())
    return items if len(items) < 2 else tuple(sorted(items, key=_first))


def _first(pair: tuple):
    return pair[0]


@dataclass(frozen=True, slots=True)
class Verbatim:
    """A block of a file that is not a record, kept exactly as written.

    `kind` says what it is: "comment", "string", "preamble", "text" (anything
    between blocks) or "failed" (a block that could not be read).
    """

    kind: str
    text: str
    line: int


Block = Union[Record, Verbatim]


@dataclass(slots=True)
class Document:
    """A whole bibliography file: its blocks in order, and what reading it found."""

    path: str
    format: str
    blocks: list[Block] = field(default_factory=list)
    encoding: str = "utf-8"
    byte_order_mark: bool = False
    problems: list[Problem] = field(default_factory=list)
    strings: dict[str, str] = field(default_factory=dict)  # BibTeX @string macros, by lowercased name

    @property
    def records(self) -> list[Record]:
        return [block for block in self.blocks if isinstance(block, Record)]

    def all_problems(self) -> list[Problem]:
        """The file's problems and every record's, in line order."""
        found = list(self.problems)
        for record in self.records:
            found.extend(record.problems)
        return sorted(found, key=lambda problem: problem.line)
