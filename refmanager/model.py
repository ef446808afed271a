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
import operator
from dataclasses import dataclass, field
from typing import Union

from refmanager import dates as _dates  # refmanager.dates imports this module: use it late
from refmanager import richtext
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

#: CSL variable name -> the Record attribute that holds it.
ATTRIBUTE_OF = {csl_name: attribute for attribute, csl_name in SCALAR_VARIABLES.items()}
_SCALAR_NAMES = tuple(SCALAR_VARIABLES.values())
_scalar_values = operator.attrgetter(*SCALAR_VARIABLES)  # all at once: writers call it per record

#: CSL 1.0.2's name variables (roles), and its date variables.
NAME_VARIABLES = frozenset({
    "author", "chair", "collection-editor", "compiler", "composer", "container-author",
    "contributor", "curator", "director", "editor", "editorial-director", "editor-translator",
    "executive-producer", "guest", "host", "illustrator", "interviewer", "narrator", "organizer",
    "original-author", "performer", "producer", "recipient", "reviewed-author", "script-writer",
    "series-creator", "translator",
})
DATE_VARIABLES = frozenset({
    "accessed", "available-date", "event-date", "issued", "original-date", "submitted",
})

#: What a field can hold (`Record.kind`): names for a role, a date, the keywords, text.
FIELD_KINDS = ("names", "date", "keywords", "text")

#: A field's value, by kind: text for most variables, names for a role, a date.
FieldValue = Union[str, "list[Name]", "DateValue", "list[str]", None]


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
        text = " ".join(filter(None, (self.given, self.dropping_particle, self.non_dropping_particle, self.family)))
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

    def __post_init__(self) -> None:
        # Every writer formats parts without asking: parts no calendar has (month 13,
        # day 0, a 5,000-digit year), built by hand or by a stage, are kept as literal
        # text instead, which every writer can hold. The readers report them first.
        if self.parts and _dates.date_parts_problem(self.parts) is not None:
            object.__setattr__(self, "literal", self.literal or _dates.parts_as_text(self.parts))
            object.__setattr__(self, "parts", ())

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
    fingerprint: int | None = 0  # hash of the record as read (None: a subclass keeps the state)
    dialect: str = ""  # the variant of the format the source text is in ("biblatex")

    def matches(self, state: tuple) -> bool:
        """Whether a record's `state()` is the one it was read with."""
        return hash(state) == self.fingerprint


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

    def get(self, name: str) -> FieldValue:
        """A field by its CSL name ("title", "container-title", "DOI", "author", "issued",
        "keyword"), wherever the model keeps it; empty ("", [] or None) when absent.

        A value kept where its name does not belong (a text in `variables` under a
        role's name, as another stage may leave it) is still found, so that writers
        see it and can say what is wrong with it.
        """
        if name in ATTRIBUTE_OF:
            return getattr(self, ATTRIBUTE_OF[name])
        if name == "type":
            return self.type
        if name == "keyword":
            return list(self.keywords)
        kind = self.kind(name)
        if kind == "names":
            return list(self.creators.get(name, []))
        if kind == "date":
            return self.dates.get(name)
        return self.variables.get(name, "")

    def set(self, name: str, value: FieldValue) -> None:
        """Set a field by its CSL name; an empty value removes it."""
        if name in ATTRIBUTE_OF:
            setattr(self, ATTRIBUTE_OF[name], value or "")
        elif name == "type":
            self.type = value
        elif name == "keyword":
            self.keywords = list(value or [])
        elif name in NAME_VARIABLES or isinstance(value, list) or name in self.creators:
            _put(self.creators, name, list(value or []))
        elif name in DATE_VARIABLES or isinstance(value, DateValue):
            _put(self.dates, name, value)
        else:
            _put(self.variables, name, value)

    def kind(self, name: str) -> str:
        """What a field holds, by its CSL name: "names" (a role), "date", "keywords"
        (the one list of keywords) or "text" (every other variable)."""
        if name in ATTRIBUTE_OF:
            return "text"
        if name == "keyword":
            return "keywords"
        if name in self.creators:
            return "names"
        if name in self.dates:
            return "date"
        if name in self.variables:
            return "text"
        if name in NAME_VARIABLES:
            return "names"
        return "date" if name in DATE_VARIABLES else "text"

    def plain(self, name: str) -> str:
        """A text field without its rich-text markup: `record.plain("title")`."""
        value = self.get(name)
        return richtext.plain(value) if isinstance(value, str) else ""

    def fields(self) -> list[str]:
        """The CSL names of every field that holds a value, in the model's order."""
        return [name for name, _, _ in self.items()]

    def items(self) -> list[tuple[str, str, FieldValue]]:
        """(CSL name, kind, value) for every field that holds a value, in the model's
        order: what `get` and `kind` say of each, for a writer going through them all."""
        found: list[tuple[str, str, FieldValue]] = [
            (name, "text", value) for name, value in zip(_SCALAR_NAMES, _scalar_values(self)) if value]
        found += [(role, "names", list(names)) for role, names in self.creators.items()]
        found += [(name, "date", date) for name, date in self.dates.items()]
        if self.keywords:
            found.append(("keyword", "keywords", list(self.keywords)))
        found += [(name, "text", value) for name, value in self.variables.items()]
        return found

    def state(self) -> tuple:
        """Everything the record says, as a hashable value (origin and problems aside).

        The order of roles, dates, variables and foreign fields is not part of it;
        the order of names and keywords is.
        """
        return (
            self.key,
            self.type,
            _scalar_values(self),
            _in_key_order({role: tuple(names) for role, names in self.creators.items()}),
            _in_key_order(self.dates),
            tuple(self.keywords),
            _in_key_order(self.variables),
            _in_key_order({fmt: _in_key_order(values) for fmt, values in self.foreign.items()}),
        )

    def is_untouched(self) -> bool:
        """True when the record is exactly as its reader left it."""
        return self.origin is not None and self.origin.matches(self.state())

    def seal(self, origin: Origin) -> None:
        """Attach where the record came from, remembering its state as read."""
        self.origin = dataclasses.replace(origin, fingerprint=hash(self.state()))


def _put(mapping: dict, name: str, value) -> None:
    if value:
        mapping[name] = value
    else:
        mapping.pop(name, None)


def _in_key_order(mapping: dict) -> tuple:
    # The keys are distinct, so sorting the pairs compares keys only (and runs in C).
    return tuple(mapping.items()) if len(mapping) < 2 else tuple(sorted(mapping.items()))


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


@dataclass(frozen=True, slots=True)
class RecordId:
    """Which record of which file: its position among the file's records, and its key
    (two entries may share a key; the key also guards against a file edited since)."""

    path: str
    position: int
    key: str

    def __str__(self) -> str:
        return f"{self.path}[{self.position}] {self.key}"


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

    def record_id(self, record: Record) -> "RecordId":
        """The record's identity in this document: unambiguous even when keys repeat."""
        for position, candidate in enumerate(self.records):
            if candidate is record:
                return RecordId(self.path, position, record.key)
        raise ValueError(f"record {record.key!r} is not in {self.path}")

    def record_ids(self) -> list["RecordId"]:
        """Every record's identity, in order (`record_id` of each, in one pass)."""
        return [RecordId(self.path, position, record.key) for position, record in enumerate(self.records)]

    def find(self, record_id: "RecordId") -> Record | None:
        """The record that an identity names, if this document still holds it."""
        records = self.records
        if 0 <= record_id.position < len(records) and records[record_id.position].key == record_id.key:
            return records[record_id.position]
        return None

    def all_problems(self) -> list[Problem]:
        """The file's problems and every record's, in line order."""
        found = list(self.problems)
        for record in self.records:
            found.extend(record.problems)
        return sorted(found, key=lambda problem: problem.line)
