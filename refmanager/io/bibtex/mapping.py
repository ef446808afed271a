"""BibTeX/BibLaTeX entries to and from the model, by the tables in `tables`.

The two directions: `entry_to_record` (fields of one entry,
already evaluated to LaTeX text, into a Record) and `record_to_fields` (a Record
into an ordered list of BibTeX fields, for a dialect). What a direction cannot
map is kept (reading: in `record.foreign["bibtex"]`, verbatim) or reported
(writing: one note per field).

Classic BibTeX output has no field that makes our reader take the entry for biblatex
(but `eid`, an article's number, which classic BibTeX has no name for), and keeps what
Zotero's BibTeX import reads: the access date in `lastchecked` (read as `urldate` is), a
magazine's or newspaper's type in `csl-type` (Zotero reads no `entrysubtype` either),
the conference and page count in `eventtitle` and `pagetotal`, Zotero's only names for
them, which classic styles ignore and `dialect_of` does not count as biblatex.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from refmanager.io.bibtex.csl_fields import csl_field_name, csl_field_slot, read_type_field, type_fields
from refmanager.io.bibtex.editor_roles import (
    WRITTEN_AS_EDITOR_TYPE, drop_types_read, editor_roles, free_editor_field, names_an_editor_type,
)
from refmanager.io.bibtex.names import format_names, parse_names
from refmanager.io.bibtex.seasons import DATE_OF_SEASON_FIELD, read_seasons, season_fields, split_season
from refmanager.io.bibtex.year_month import read_year_month, year_month_fields
from refmanager.io.base import FieldOrder
from refmanager.io.bibtex.tables import (
    BIBLATEX_ONLY_FIELDS, CLASSIC_NAMES, CLASSIC_TYPES, CSL_ALIASES,
    CSL_TEXT_VARIABLES, CSL_TYPES, DATE_FIELDS, ENTRY_TYPES, FOREIGN, FREE_TEXT_FIELDS, NAME_FIELDS, RAW_TEXT_FIELDS,
    SERIES_NUMBER_TYPES, TEXT_FIELDS, THESIS_GENRES, TITLE_FIELDS,
)
from refmanager.dates import format_iso_date, parse_iso_date
from refmanager.latex.decode import decode
from refmanager.latex.encode import encode
from refmanager.model import (
    ATTRIBUTE_OF, DATE_VARIABLES, NAME_VARIABLES, SCALAR_VARIABLES, SOURCE_TYPE, DateValue, FieldValue,
    Record,
)

@dataclass(slots=True)
class SourceField:
    """One field of an entry: its name as written, its LaTeX text, its raw expression.
    (The reader passes the scanner's fields, which have the same attributes.)"""

    name: str
    text: str
    raw: str
    month: int | None = None


# ---------------------------------------------------------------- reading

def dialect_of(entry_type: str, field_names: list[str]) -> str:
    """"biblatex" for an entry that needs biblatex (its type or a field), else "bibtex"."""
    kind = entry_type.lower()
    if kind in ENTRY_TYPES and kind not in CLASSIC_TYPES:
        return "biblatex"
    return "bibtex" if BIBLATEX_ONLY_FIELDS.isdisjoint(map(str.lower, field_names)) else "biblatex"


def entry_to_record(entry_type: str, key: str, source_fields: list[SourceField],
                    into: Record | None = None, field_names: tuple[str, ...] | None = None,
                    ) -> tuple[Record, list[str]]:
    """A Record from one entry's fields (`into`: a fresh Record to fill instead of a new one;
    `field_names`: the fields' names, where the caller has them), and notes on fields
    kept verbatim for a reason."""
    kind = entry_type.lower()
    record = Record(key=key) if into is None else into
    record.type = ENTRY_TYPES.get(kind, "document")
    notes: list[str] = []
    foreign: dict[str, str] = {}
    dates: dict[str, str | int | None] = {}
    names = field_names or tuple([source.name for source in source_fields])
    layout = _layout(kind, names)
    roles = _editor_roles(source_fields, layout) if names_an_editor_type(names) else None
    for source, (name, slot, repeated) in zip(source_fields, layout):
        if roles and name in roles:
            slot = ("creators", roles[name])
        if repeated:
            notes.append(f"field {source.name!r} appears twice; the second is kept verbatim")
            foreign[f"{source.name}@{len(foreign)}"] = source.raw
        elif not _read_field(record, name, slot, source, dates):
            foreign[source.name] = source.raw
    if roles:
        drop_types_read(roles, foreign)
    notes.extend(read_year_month(record, dates, foreign))
    read_seasons(record, dates, foreign)
    _read_thesis_genre(record, kind)
    read_type_field(record, kind, foreign)
    if _type_name(record, "bibtex") != kind and _type_name(record, "biblatex") != kind:
        foreign[SOURCE_TYPE] = entry_type
    if foreign:
        record.foreign[FOREIGN] = foreign
    return record, notes


def _editor_roles(source_fields: list[SourceField], layout) -> dict[str, str]:
    """The roles of biblatex's `editora = {...}, editoratype = {compiler}` (`editor_roles`)."""
    held = frozenset(slot[1] for _name, slot, _repeated in layout if slot and slot[0] == "creators")
    return editor_roles(((source.name, source.text) for source in source_fields), held)


@lru_cache(maxsize=10_000)
def _layout(kind: str, names: tuple[str, ...]) -> tuple[tuple[str, tuple[str, str] | None, bool], ...]:
    """For each field of an entry: its name lowercased, its place (`field_slot`), and whether
    a field of that name came before it. Cached: a file's entries share a few layouts."""
    layout, seen = [], set()
    for name in names:
        lowered = name.lower()
        layout.append((lowered, field_slot(kind, lowered), lowered in seen))
        seen.add(lowered)
    return tuple(layout)


def _read_field(record: Record, name: str, slot: tuple[str, str] | None, source: SourceField,
                dates: dict) -> bool:
    """Put one field (`name` lowercased, `slot` its place) into the record; False when the
    model has no free place for it."""
    text = source.text
    if slot is None or not text or text.isspace():  # `isspace`: `not text.strip()`, without a copy
        return False  # no place, or an empty field: kept verbatim, so that writing it back is exact
    where, variable = slot
    if where == "attribute":  # most fields: `_set_once` by the attribute itself, as `Record.set` would
        value = text.strip() if name in RAW_TEXT_FIELDS else decode(
            text, name in TITLE_FIELDS, name in FREE_TEXT_FIELDS)
        if not value or getattr(record, variable):
            return False
        setattr(record, variable, value)
        return True
    if where == "creators":
        return _set_once(record, variable, parse_names(text))
    if where == "date-part":
        if name in dates:
            return False
        # A month macro stands for a number in `month` only: `year = mar` is text.
        dates[name] = (source.month if name == "month" else None) or source.text
        return True
    if where == "dates":  # ISO text, not LaTeX: `~` means circa here
        return _set_once(record, variable, parse_iso_date(source.text))
    if where == "keywords":
        return _set_keywords(record, decode(source.text))
    return _set_once(record, variable, _decode_field(name, source.text))


@lru_cache(maxsize=None)
def field_slot(kind: str, name: str) -> tuple[str, str] | None:
    """Where a field (lowercased) of an entry of a kind goes in the record, in the terms of
    `Record.state()`: ("attribute", attribute), ("creators", role), ("date-part", "issued")
    for year, month and day, ("dates", variable), ("keywords", ""), ("variables", variable);
    None when it has no place (it is kept verbatim)."""
    if name in NAME_FIELDS:
        return "creators", NAME_FIELDS[name]
    if name in ("year", "month", "day"):
        return "date-part", "issued"
    if name in DATE_OF_SEASON_FIELD:  # `season`, `accessed-season`: read with the date
        return "date-part", DATE_OF_SEASON_FIELD[name]
    if name in DATE_FIELDS:
        return "dates", DATE_FIELDS[name]
    if name == "keywords":
        return "keywords", ""
    variable = _variable_for(name, kind)
    if variable is None:
        kind_and_variable = csl_field_slot(name)  # `authority`, `chair`, `submitted`...
        if kind_and_variable is None:
            return None
        held, variable = kind_and_variable
        if held != "text":
            return ("creators" if held == "names" else "dates"), variable
    attribute = ATTRIBUTE_OF.get(variable)
    return ("attribute", attribute) if attribute else ("variables", variable)


def _variable_for(name: str, kind: str) -> str | None:
    """The CSL variable a field holds in an entry of this type, if any."""
    if name == "number":  # a journal's issue, a book's number in its series, else a report's number
        if kind in ("article", "periodical"):
            return "issue"
        return "collection-number" if kind in SERIES_NUMBER_TYPES else "number"
    if name == "eid":
        return "number"
    if name == "journal" and kind not in ("article", "periodical", "review"):
        return None if kind != "misc" else "container-title"
    return TEXT_FIELDS.get(name)


def _decode_field(name: str, text: str) -> str:
    if name in RAW_TEXT_FIELDS:
        return text.strip()
    return decode(text, protect=name in TITLE_FIELDS, keep_spaces=name in FREE_TEXT_FIELDS)


def _set_once(record: Record, variable: str, value) -> bool:
    """Set a variable the record does not hold yet; False if it does, or if there is no value."""
    if not value or record.get(variable):
        return False
    record.set(variable, value)
    return True


def _set_keywords(record: Record, text: str) -> bool:
    separator = ";" if ";" in text else ","
    return _set_once(record, "keyword", [word.strip() for word in text.split(separator) if word.strip()])


def _read_thesis_genre(record: Record, kind: str) -> None:
    if kind in THESIS_GENRES and not record.get("genre"):
        record.set("genre", THESIS_GENRES[kind])


# ---------------------------------------------------------------- writing

def _type_name(record: Record, dialect: str) -> str:
    classic, biblatex = CSL_TYPES.get(record.type, ("misc", "misc"))
    if record.type == "thesis" and dialect == "bibtex" and \
            record.get("genre").lower().startswith("master"):
        return "mastersthesis"
    return biblatex if dialect == "biblatex" else classic


def entry_type_for(record: Record, dialect: str) -> str:
    """The entry type to write: the source's own where the model kept it."""
    kept = record.foreign.get(FOREIGN, {}).get(SOURCE_TYPE)
    if kept and ENTRY_TYPES.get(kept.lower(), "document") == record.type:
        return kept
    return _type_name(record, dialect)


def record_to_fields(record: Record, dialect: str, ascii: bool = False,
                     kept: frozenset = frozenset()) -> tuple[list[tuple[str, str]], list[str]]:
    """The BibTeX fields (name, raw expression) for a record, and what could not be written.

    The parts of the record named in `kept` (places as `field_slot` gives them) are
    left out: the writer has their source text, and generating it costs most of a write.
    """
    entry = _EntryFields(record, dialect, ascii)
    for name, kind, value in _FIELD_ORDER.items_of(record):
        if not kept or not _places_of(name, kind) & kept:
            entry.add(name, kind, value)
    fields, notes = entry.fields, entry.notes
    fields.extend(type_fields(record, entry.kind, dialect, notes))
    fields.extend(_foreign_fields(record, entry.kind, notes))
    return _drop_genre_of_thesis_type(fields, entry.kind, record), notes


@lru_cache(maxsize=1024)
def _places_of(name: str, kind: str) -> frozenset[tuple[str, str]]:
    """Where a part of the record (`Record.items`: name, kind) is, in `field_slot`'s terms
    (cached: a few dozen parts, asked for every field of every changed entry)."""
    if kind == "names":
        return frozenset({("creators", name)})
    if kind == "date":
        return frozenset({("dates", name), ("date-part", name)})  # `date` or year, month and day
    if kind == "keywords":
        return frozenset({("keywords", "")})
    attribute = ATTRIBUTE_OF.get(name)
    return frozenset({("attribute", attribute) if attribute else ("variables", name)})


# The writer's order: names, the common variables, dates, keywords, other variables;
# then `record_to_fields` adds the type's fields and the fields kept verbatim.
_FIELD_ORDER = FieldOrder(
    "names", "title", "container-title", "volume", "issue", "number", "page", "edition",
    "publisher", "publisher-place", "DOI", "ISBN", "ISSN", "URL", "PMID", "language", "abstract",
    "note", "date", "keywords", "text")

_FIELD_OF_ROLE = {role: field_name for field_name, role in NAME_FIELDS.items()}
_FIELD_OF_DATE = {variable: field_name for field_name, variable in reversed(DATE_FIELDS.items())}
_FIELD_OF_VARIABLE: dict[str, str] = {}  # the first field that TEXT_FIELDS names for it
for _field_name, _variable in TEXT_FIELDS.items():
    _FIELD_OF_VARIABLE.setdefault(_variable, _field_name)


class _EntryFields:
    """The fields of one entry as they are written, and notes on what BibTeX cannot hold."""

    def __init__(self, record: Record, dialect: str, ascii: bool):
        self.record, self.dialect, self.ascii = record, dialect, ascii
        self.kind = entry_type_for(record, dialect).lower()
        # A field kept verbatim takes its name: a variable goes under its next-best name.
        self.taken = {name.lower() for name in record.foreign.get(FOREIGN, {})}
        self.fields: list[tuple[str, str]] = []
        self.notes: list[str] = []

    def add(self, name: str, kind: str, value: FieldValue) -> None:
        """Write one field of the record: its CSL name, kind and value."""
        if kind == "names":
            self.add_names(name, value)
        elif kind == "date":
            self.add_date(name, value)
        elif kind == "keywords":
            self.add_keywords(value)
        else:
            self.add_text(name, value)

    def add_names(self, role: str, names: list) -> None:
        field_name = _FIELD_OF_ROLE.get(role) or (role if role in NAME_VARIABLES else None)
        if field_name is None:
            self.notes.append(f"creators with role {role!r} cannot be held in BibTeX; left out")
            return
        value, name_notes = format_names(names, self.ascii)
        editor = self.dialect == "biblatex" and role in WRITTEN_AS_EDITOR_TYPE and \
            free_editor_field(self.taken, self.fields)
        if editor:  # `editora = {...}, editoratype = {compiler}`
            self.put(editor, "{" + value + "}")
            self.put(editor + "type", "{" + role + "}")
        else:
            self.put(field_name, "{" + value + "}")
        self.notes.extend(name_notes)

    def add_text(self, variable: str, value: str) -> None:
        candidates = _field_names(variable, self.kind, self.dialect == "biblatex")
        if variable in CSL_ALIASES:
            if self.record.get(CSL_ALIASES[variable]) == value:
                return  # said once, under the new name
            candidates = self.alias_fields(variable)
        elif not candidates and variable in CSL_TEXT_VARIABLES:
            candidates = [csl_field_name(variable)]
        if not candidates:
            self.notes.append(f"CSL variable {variable!r} cannot be held in BibTeX; left out")
            return
        name = next((name for name in candidates if name not in self.taken), candidates[0])
        self.put(name, _braced(variable, value, self.ascii))

    def alias_fields(self, alias: str) -> list[str]:
        """Where an old CSL name's value goes: its variable's field, if the record has no other
        value for that (then it reads back under the new name, `title-short`)."""
        variable = CSL_ALIASES[alias]
        if self.record.get(variable):
            return []
        return _field_names(variable, self.kind, self.dialect == "biblatex")

    def add_date(self, variable: str, date: DateValue) -> None:
        date, season = split_season(date)  # and the season the date's own fields cannot say
        if not (date.parts or date.literal):  # an empty date (built by hand): nothing to write
            self.notes.append(f"date {variable!r} is empty; left out")
            return
        if self.add_date_fields(variable, date):
            self.fields.extend(season_fields(variable, season, self.ascii))

    def add_date_fields(self, variable: str, date: DateValue) -> bool:
        """Write a date (its season aside); False, with a note, if BibTeX cannot hold it."""
        if variable == "issued" and (self.dialect == "bibtex" or date.literal):
            self.fields.extend(year_month_fields(date, self.notes))
        elif variable not in _FIELD_OF_DATE and variable not in DATE_VARIABLES:
            self.notes.append(f"date {variable!r} cannot be held in BibTeX; left out")
            return False
        elif date.literal:
            self.notes.append(f"date {variable!r} ({date.literal!r}) is not an ISO date; left out")
            return False
        else:  # `submitted`, `available-date`: under their CSL names
            self.put(_FIELD_OF_DATE.get(variable, variable), "{" + format_iso_date(date) + "}")
        return True

    def put(self, name: str, value: str) -> None:
        """Add a field; in classic BibTeX, a biblatex field that Zotero ignores too goes under
        its CSL name, so that the file stays classic BibTeX to our reader."""
        if self.dialect == "bibtex":
            name = CLASSIC_NAMES.get(name, name)
        self.fields.append((name, value))

    def add_keywords(self, keywords: list[str]) -> None:
        for keyword in keywords:
            if "," in keyword or ";" in keyword:
                self.notes.append(f"keyword {keyword!r} reads back as several: BibTeX separates "
                                  "keywords with commas")
        self.fields.append(("keywords", "{" + encode(", ".join(keywords), self.ascii) + "}"))


def _foreign_fields(record: Record, kind: str, notes: list[str]) -> list[tuple[str, str]]:
    """BibTeX's own fields kept verbatim; a note for each field of another format, and for
    one that the entry's new type reads into the record (an @online's `journal` in a @misc)."""
    fields = []
    origin = record.origin  # in its own entry type, a field kept verbatim is so again
    moved = origin is None or origin.format != FOREIGN or origin.entry_type.lower() != kind
    for source, values in record.foreign.items():
        for name, raw in values.items():
            if source != FOREIGN:
                what = f"the {source} type {raw!r}" if name == SOURCE_TYPE else f"field '{source}:{name}'"
                notes.append(f"{what} cannot be held in BibTeX; left out")
            elif name != SOURCE_TYPE:
                fields.append((name.partition("@")[0], raw))  # "title@3": a repeated field
                if moved and "@" not in name and (variable := _free_place(record, kind, name, raw)):
                    notes.append(f"field {name!r}, kept as written, is read back as {variable!r} "
                                 f"in a @{kind}")
    return fields


def _free_place(record: Record, kind: str, name: str, raw: str) -> str:
    """The CSL variable a verbatim field is read into in an entry of this type, if the
    record has none ("" if it is read into nothing)."""
    slot = field_slot(kind, name.lower())
    if slot is None or not raw.strip().strip('{}"').strip():
        return ""
    if part_of(record, *slot):
        return ""
    where, place = slot
    return SCALAR_VARIABLES[place] if where == "attribute" else place or "keyword"


def part_of(record: Record, where: str, name: str):
    """The value of one place of the record (`field_slot`'s terms), in the form its state holds it."""
    if where == "attribute":
        return getattr(record, name)
    if where == "creators":
        return tuple(record.creators.get(name, ()))
    if where in ("dates", "date-part"):
        return record.dates.get(name)
    if where == "keywords":
        return tuple(record.keywords)
    return record.variables.get(name)


def _field_names(variable: str, kind: str, biblatex: bool) -> list[str]:
    """The fields that can hold a variable in this type of entry, best first; none if no field can."""
    if variable == "container-title":
        if kind in ("article", "periodical", "review", "misc"):
            return ["journaltitle", "journal"] if biblatex else ["journal", "journaltitle"]
        return ["booktitle", "journal"]
    if variable == "issue":
        return ["number", "issue"] if kind in ("article", "periodical") else ["issue", "number"]
    if variable == "number":  # a book's `number` is its number in the series: this goes in `eid`
        return ["eid", "number"] if kind in ("article", "periodical") or kind in SERIES_NUMBER_TYPES \
            else ["number", "eid"]
    if variable == "collection-number":
        return ["number"] if kind in SERIES_NUMBER_TYPES else []
    if variable == "publisher":
        if kind in ("techreport", "report"):
            return ["institution", "publisher"]
        if kind in ("phdthesis", "mastersthesis", "thesis"):
            return ["institution" if biblatex else "school", "publisher"]
        return ["publisher", "organization"]
    if variable == "publisher-place":
        return ["location", "address"] if biblatex else ["address", "location"]
    return [_FIELD_OF_VARIABLE[variable]] if variable in _FIELD_OF_VARIABLE else []


def _braced(variable: str, value: str, ascii: bool) -> str:
    if variable in ("URL", "DOI"):
        return "{" + value + "}"
    if variable == "page":  # BibTeX's page ranges use --, whatever the encoding
        return "{" + encode(value, ascii).replace("\u2013", "--") + "}"
    return "{" + encode(value, ascii) + "}"


def _drop_genre_of_thesis_type(fields, kind: str, record: Record):
    """`@mastersthesis` already says "Master's thesis": no `type` field for it."""
    if kind in THESIS_GENRES and record.get("genre") == THESIS_GENRES[kind]:
        return [(name, raw) for name, raw in fields if name != "type"]
    return fields
