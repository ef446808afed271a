"""BibTeX/BibLaTeX entries to and from the model, by the tables in `bibtex_tables`.

The two directions: `entry_to_record` (fields of one entry,
already evaluated to LaTeX text, into a Record) and `record_to_fields` (a Record
into an ordered list of BibTeX fields, for a dialect). What a direction cannot
map is kept (reading: in `record.foreign["bibtex"]`, verbatim) or reported
(writing: one note per field).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from refmanager.io.bibtex.names import format_names, parse_names
from refmanager.io.bibtex.values import date_from_year_month
from refmanager.io.bibtex.tables import (
    ARTICLE_SUBTYPES, BIBLATEX_ONLY_FIELDS, CLASSIC_TYPES, CSL_TYPES, DATE_FIELDS, ENTRY_TYPES,
    FOREIGN, NAME_FIELDS, RAW_TEXT_FIELDS, SCALAR_FIELDS, SEASON_NAMES, THESIS_GENRES,
    TITLE_FIELDS, VARIABLE_FIELDS,
)
from refmanager.dates import (
    MONTH_ABBREVIATIONS, format_iso_date, parse_iso_date, parse_month, season_of,
)
from refmanager.latex.decode import decode
from refmanager.latex.encode import encode
from refmanager.model import SOURCE_TYPE, DateValue, Record

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


def entry_to_record(entry_type: str, key: str, source_fields: list[SourceField]) -> tuple[Record, list[str]]:
    """A Record from one entry's fields, and notes on fields kept verbatim for a reason."""
    kind = entry_type.lower()
    record = Record(key=key, type=ENTRY_TYPES.get(kind, "document"))
    notes: list[str] = []
    foreign: dict[str, str] = {}
    dates: dict[str, str | int | None] = {}
    seen: set[str] = set()
    for source in source_fields:
        name = source.name.lower()
        if name in seen:
            notes.append(f"field {source.name!r} appears twice; the second is kept verbatim")
            foreign[f"{source.name}@{len(foreign)}"] = source.raw
        elif not _read_field(record, kind, name, source, dates):
            foreign[source.name] = source.raw
        seen.add(name)
    notes.extend(_read_year_month(record, dates, foreign))
    _read_thesis_genre(record, kind)
    _read_article_subtype(record, kind, foreign)
    if _type_name(record, "bibtex") != kind and _type_name(record, "biblatex") != kind:
        foreign[SOURCE_TYPE] = entry_type
    if foreign:
        record.foreign[FOREIGN] = foreign
    return record, notes


def _read_field(record: Record, kind: str, name: str, source: SourceField, dates: dict) -> bool:
    """Put one field (`name` lowercased) into the record; False when the model has no free place for it."""
    slot = field_slot(kind, name)
    if slot is None or not source.text.strip():
        return False  # an empty field: kept verbatim, so that writing it back is exact
    where = slot[0]
    if where == "attribute":
        return _set_attribute(record, slot[1], _decode_field(name, source.text))
    if where == "creators":
        return _set_once(record.creators, slot[1], parse_names(source.text))
    if where == "date-part":
        return _set_once(dates, name, source.month or source.text)
    if where == "dates":  # ISO text, not LaTeX: `~` means circa here
        date = parse_iso_date(source.text)
        return date is not None and _set_once(record.dates, slot[1], date)
    if where == "keywords":
        return _set_keywords(record, decode(source.text))
    return _set_once(record.variables, slot[1], _decode_field(name, source.text))


@lru_cache(maxsize=None)
def field_slot(kind: str, name: str) -> tuple[str, str] | None:
    """Where a field (lowercased) of an entry of a kind goes in the record:
    ("attribute", name), ("creators", role), ("date-part", "issued") for year,
    month and day, ("dates", variable), ("keywords", ""), ("variables", variable);
    None when it has no place (it is kept verbatim)."""
    if name in NAME_FIELDS:
        return "creators", NAME_FIELDS[name]
    if name in ("year", "month", "day"):
        return "date-part", "issued"
    if name in DATE_FIELDS:
        return "dates", DATE_FIELDS[name]
    if name == "keywords":
        return "keywords", ""
    attribute = _attribute_for(name, kind)
    if attribute:
        return "attribute", attribute
    if name in VARIABLE_FIELDS:
        return "variables", VARIABLE_FIELDS[name]
    return None


def _attribute_for(name: str, kind: str) -> str | None:
    if name == "number":
        return "issue" if kind in ("article", "periodical") else "number"
    if name == "eid":
        return "number"
    if name == "journal" and kind not in ("article", "periodical", "review"):
        return None if kind != "misc" else "container_title"
    return SCALAR_FIELDS.get(name)


def _decode_field(name: str, text: str) -> str:
    if name in RAW_TEXT_FIELDS:
        return text.strip()
    return decode(text, protect=name in TITLE_FIELDS)


def _set_attribute(record: Record, attribute: str, value: str) -> bool:
    if getattr(record, attribute) or not value:
        return False
    setattr(record, attribute, value)
    return True


def _set_once(mapping: dict, key: str, value) -> bool:
    if key in mapping or not value:
        return False
    mapping[key] = value
    return True


def _set_keywords(record: Record, text: str) -> bool:
    if record.keywords:
        return False
    separator = ";" if ";" in text else ","
    record.keywords = [word.strip() for word in text.split(separator) if word.strip()]
    return bool(record.keywords)


def _read_year_month(record: Record, dates: dict, foreign: dict[str, str]) -> list[str]:
    """The issued date from year, month and day; notes on a month that is none."""
    year, month, day = dates.get("year"), dates.get("month"), dates.get("day")
    month_number = month if isinstance(month, int) else parse_month(month) if month else None
    season = season_of(month) if isinstance(month, str) and not month_number else ""
    notes = []
    if month and not month_number and not season:
        foreign["month"] = "{" + month + "}"  # not a month we can read: kept as written
        shown = month if len(month) <= 20 else month[:20] + "..."
        notes.append(f"month {shown!r} is not a month; kept as written")
    if "issued" in record.dates or not year:
        for name, value in (("year", year), ("month", month), ("day", day)):
            if value is not None and name not in foreign:
                foreign[name] = f"{{{value}}}" if isinstance(value, str) else _month_macro(value)
        return notes
    date = date_from_year_month(decode(year), month_number, day or "")
    if season:
        date = DateValue(parts=date.parts, season=season, literal=date.literal)
    if month_number and not (date.parts and len(date.parts[0]) > 1):
        foreign.setdefault("month", _month_raw(month))  # with a range or odd year: kept as written
    if day and not (date.parts and len(date.parts[0]) == 3):
        foreign["day"] = "{" + day + "}"  # a day without a readable month: kept as written
    record.dates["issued"] = date
    return notes


def _month_raw(month: str | int) -> str:
    return _month_macro(month) if isinstance(month, int) else "{" + month + "}"


def _read_article_subtype(record: Record, kind: str, foreign: dict[str, str]) -> None:
    subtype = next((raw for name, raw in foreign.items() if name.lower() == "entrysubtype"), None)
    csl_type = ARTICLE_SUBTYPES.get(decode(subtype.strip('{}"')).lower()) if subtype else None
    if kind == "article" and csl_type:
        record.type = csl_type
        del foreign[next(name for name in foreign if name.lower() == "entrysubtype")]


def _read_thesis_genre(record: Record, kind: str) -> None:
    if kind in THESIS_GENRES and "genre" not in record.variables:
        record.variables["genre"] = THESIS_GENRES[kind]


def _month_macro(number: int) -> str:
    """`mar` for 3; a number that is no month (0, 13) is written as it is, braced."""
    return list(MONTH_ABBREVIATIONS)[number - 1] if 1 <= number <= 12 else "{" + str(number) + "}"


# ---------------------------------------------------------------- writing

def _type_name(record: Record, dialect: str) -> str:
    classic, biblatex = CSL_TYPES.get(record.type, ("misc", "misc"))
    if record.type == "thesis" and dialect == "bibtex" and \
            record.variables.get("genre", "").lower().startswith("master"):
        return "mastersthesis"
    return biblatex if dialect == "biblatex" else classic


def entry_type_for(record: Record, dialect: str) -> str:
    """The entry type to write: the source's own where the model kept it."""
    kept = record.foreign.get(FOREIGN, {}).get(SOURCE_TYPE)
    if kept and ENTRY_TYPES.get(kept.lower(), "document") == record.type:
        return kept
    return _type_name(record, dialect)


def record_to_fields(record: Record, dialect: str, ascii: bool = False) -> tuple[list[tuple[str, str]], list[str]]:
    """The BibTeX fields (name, raw expression) for a record, and what could not be written."""
    kind = entry_type_for(record, dialect).lower()
    fields: list[tuple[str, str]] = []
    notes: list[str] = []
    for role, names in record.creators.items():
        field_name = next((f for f, r in NAME_FIELDS.items() if r == role), None)
        if field_name is None:
            notes.append(f"creators with role {role!r} cannot be held in BibTeX; left out")
            continue
        value, name_notes = format_names(names, ascii)
        fields.append((field_name, "{" + value + "}"))
        notes.extend(name_notes)
    taken = {name.lower() for name in record.foreign.get(FOREIGN, {})}
    for attribute, value in _scalar_attributes(record):
        name = _field_for_attribute(attribute, kind, dialect, taken)
        fields.append((name, _braced(attribute, value, ascii)))
    fields.extend(_date_fields(record, dialect, notes))
    fields.extend(_keyword_fields(record, ascii, notes))
    fields.extend(_variable_fields(record, ascii, notes))
    fields.extend(_type_fields(record, kind, notes))
    fields.extend(_foreign_fields(record, notes))
    return _drop_genre_of_thesis_type(fields, kind, record), notes


def _keyword_fields(record: Record, ascii: bool, notes: list[str]) -> list[tuple[str, str]]:
    for keyword in record.keywords:
        if "," in keyword or ";" in keyword:
            notes.append(f"keyword {keyword!r} reads back as several: BibTeX separates "
                         "keywords with commas")
    return [("keywords", "{" + encode(", ".join(record.keywords), ascii) + "}")] \
        if record.keywords else []


def _foreign_fields(record: Record, notes: list[str]) -> list[tuple[str, str]]:
    """BibTeX's own fields kept verbatim; a note for each field of another format."""
    fields = []
    for source, values in record.foreign.items():
        for name, raw in values.items():
            if source != FOREIGN:
                what = f"the {source} type {raw!r}" if name == SOURCE_TYPE else f"field '{source}:{name}'"
                notes.append(f"{what} cannot be held in BibTeX; left out")
            elif name != SOURCE_TYPE:
                fields.append((name.partition("@")[0], raw))  # "title@3": a repeated field
    return fields


def _scalar_attributes(record: Record):
    for attribute in ("title", "container_title", "volume", "issue", "number", "page", "edition",
                      "publisher", "publisher_place", "doi", "isbn", "issn", "url", "pmid",
                      "language", "abstract", "note"):
        value = getattr(record, attribute)
        if value:
            yield attribute, value


def _field_for_attribute(attribute: str, kind: str, dialect: str, taken: set[str]) -> str:
    """The field name for an attribute: the usual one for the type, unless a field
    kept verbatim already has that name (a thesis with both `publisher` and
    `institution`), in which case the next-best name."""
    candidates = _field_names(attribute, kind, dialect == "biblatex")
    return next((name for name in candidates if name not in taken), candidates[0])


def _field_names(attribute: str, kind: str, biblatex: bool) -> list[str]:
    if attribute == "container_title":
        if kind in ("article", "periodical", "review", "misc"):
            return ["journaltitle", "journal"] if biblatex else ["journal", "journaltitle"]
        return ["booktitle", "journal"]
    if attribute == "issue":
        return ["number", "issue"] if kind in ("article", "periodical") else ["issue", "number"]
    if attribute == "number":
        return ["eid", "number"] if kind in ("article", "periodical") else ["number", "eid"]
    if attribute == "publisher":
        if kind in ("techreport", "report"):
            return ["institution", "publisher"]
        if kind in ("phdthesis", "mastersthesis", "thesis"):
            return ["institution" if biblatex else "school", "publisher"]
        return ["publisher", "organization"]
    if attribute == "publisher_place":
        return ["location", "address"] if biblatex else ["address", "location"]
    return [{"page": "pages"}.get(attribute, attribute)]


def _braced(attribute: str, value: str, ascii: bool) -> str:
    if attribute in ("url", "doi"):
        return "{" + value + "}"
    if attribute == "page":  # BibTeX's page ranges use --, whatever the encoding
        return "{" + encode(value, ascii).replace("\u2013", "--") + "}"
    return "{" + encode(value, ascii) + "}"


def _date_fields(record: Record, dialect: str, notes: list[str]) -> list[tuple[str, str]]:
    fields = []
    for variable, date in record.dates.items():
        name = next((f for f, v in DATE_FIELDS.items() if v == variable), None)
        if variable == "issued" and (dialect == "bibtex" or date.literal):
            fields.extend(_year_month_fields(date, notes))
        elif name is None:
            notes.append(f"date {variable!r} cannot be held in BibTeX; left out")
        elif date.literal:
            notes.append(f"date {variable!r} ({date.literal!r}) is not an ISO date; left out")
        else:
            fields.append((name, "{" + format_iso_date(date) + "}"))
    return fields


def _year_month_fields(date: DateValue, notes: list[str]) -> list[tuple[str, str]]:
    """Classic BibTeX's year, month and day: a date, or a range of whole years."""
    if date.literal:
        return [("year", "{" + encode(date.literal) + "}")]
    if date.circa:
        notes.append("classic BibTeX cannot say 'circa': the date is written as exact; "
                     "biblatex can say it")
    first = date.parts[0]
    if len(date.parts) > 1 and len(first) == len(date.parts[1]) == 1:
        return [("year", f"{{{first[0]}--{date.parts[1][0]}}}")]
    if len(date.parts) > 1:
        notes.append("classic BibTeX cannot hold a range of dates: only its start is written; "
                     "biblatex can hold it")
    fields = [("year", "{" + str(first[0]) + "}")]
    if len(first) > 1:
        fields.append(("month", _month_macro(first[1])))
        if not 1 <= first[1] <= 12:
            notes.append(f"month {first[1]} is not a month; written as it is")
    elif date.season:  # BibTeX users write the season in `month`; it reads back as one
        fields.append(("month", "{" + SEASON_NAMES.get(date.season, date.season) + "}"))
    if len(first) > 2:
        fields.append(("day", "{" + str(first[2]) + "}"))
    return fields


def _variable_fields(record: Record, ascii: bool, notes: list[str]) -> list[tuple[str, str]]:
    fields = []
    for variable, value in record.variables.items():
        name = next((f for f, v in VARIABLE_FIELDS.items() if v == variable), None)
        if name is None:
            notes.append(f"CSL variable {variable!r} cannot be held in BibTeX; left out")
        else:
            fields.append((name, "{" + encode(value, ascii) + "}"))
    return fields


def _type_fields(record: Record, kind: str, notes: list[str]) -> list[tuple[str, str]]:
    """`entrysubtype` for magazine and newspaper articles; a note where the type is lost."""
    subtype = next((name for name, csl in ARTICLE_SUBTYPES.items() if csl == record.type), None)
    if subtype and kind == "article":
        return [("entrysubtype", "{" + subtype + "}")]
    if kind in THESIS_GENRES and "genre" not in record.variables:
        notes.append(f"a thesis of no stated kind is written as @{kind}, as classic BibTeX has no "
                     f"plain thesis; it reads back as a {THESIS_GENRES[kind]}")
    if ENTRY_TYPES.get(kind, "document") != record.type:
        notes.append(f"item type {record.type!r} has no @{kind} equivalent; it is read back as "
                     f"{ENTRY_TYPES.get(kind, 'document')!r}")
    return []


def _drop_genre_of_thesis_type(fields, kind: str, record: Record):
    """`@mastersthesis` already says "Master's thesis": no `type` field for it."""
    if kind in THESIS_GENRES and record.variables.get("genre") == THESIS_GENRES[kind]:
        return [(name, raw) for name, raw in fields if name != "type"]
    return fields
