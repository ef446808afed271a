"""Reading and writing CSL-JSON, the item format of citeproc, Zotero and pandoc.

The reader is lenient: every item is checked against the official CSL schema
(shipped in `schemas/`), each violation becomes a Problem on the item's line, and
the item is still read as far as it can be. A property the record model cannot
hold is kept as JSON text in `record.foreign["csljson"]`, and the writer puts it
back (inside `custom` when the schema does not know its name), so nothing is
lost. Fields of other formats (`foreign["bibtex"]`, ...) travel in
`custom["refmanager-foreign"]`, so BibTeX -> CSL-JSON -> BibTeX loses no field.
"""

from __future__ import annotations

import json
import re
from typing import Any

from refmanager.errors import Problem
from refmanager.io.base import Written, report_duplicate_keys, verbatim_text
from refmanager.io.csljson_scan import Scanner
from refmanager.io.csljson_schema import item_types, property_kinds, schema_errors, shorten
from refmanager.io.dates import parse_iso_date
from refmanager.model import SCALAR_VARIABLES, DateValue, Document, Name, Origin, Record, Verbatim

FORMAT = "csljson"
#: The member of `custom` that carries the fields of other formats.
FOREIGN_MEMBER = "refmanager-foreign"

_NAME_PARTS = {part: part.replace("-", "_") for part in (  # CSL name -> Name attribute
    "family", "given", "dropping-particle", "non-dropping-particle", "suffix", "literal")}
_SCALAR_ATTRIBUTES = {csl_name: attribute for attribute, csl_name in SCALAR_VARIABLES.items()}
_INTEGER = re.compile(r"-?\d+")
_KEYWORD_SEPARATOR = re.compile(r"[,;]")
_DATE_MEMBERS = ("date-parts", "season", "circa", "literal", "raw")  # "raw" is read into the others
_PLAIN_MEMBER = re.compile(r"[a-zA-Z][a-zA-Z0-9_]*")  # written .name in a JSON path, as jsonschema does

# The writer's layout: who, what and where first; then when, who published, the
# identifiers; long free texts last. Within a group the record's own order is kept,
# so that writing and reading back gives the same record.
_FRONT_SCALARS = ("title", "container_title", "volume", "issue", "page", "number")
_LONG_SCALARS = ("abstract", "note")
_MIDDLE_SCALARS = ("publisher", "publisher_place", "edition", "doi", "isbn", "issn", "url", "pmid",
                   "language")
_MIDDLE_SCALARS += tuple(  # attributes added to the model later still get written
    a for a in SCALAR_VARIABLES if a not in _FRONT_SCALARS + _MIDDLE_SCALARS + _LONG_SCALARS)


# ---------------------------------------------------------------- reading

def read_csljson(text: str, path: str = "<string>") -> Document:
    """Read CSL-JSON: an array of items, or a single item object."""
    document = Document(path, FORMAT)
    for line, value, raw in Scanner(text, document).values():
        if isinstance(value, dict):
            record = _read_item(value, path, line, len(document.blocks) + 1)
            document.blocks.append(record)
        else:
            message = f"{shorten(raw, 40)} is not a CSL item (a JSON object); left out"
            document.problems.append(Problem(path, line, message))
            document.blocks.append(Verbatim("failed", raw, line))
    report_duplicate_keys(document.records, key_name="id", records_name="items")
    if not document.blocks and not document.problems:
        document.problems.append(Problem(path, 1, "no records", "warning"))
    return document


def _read_item(item: dict, path: str, line: int, index: int) -> Record:
    """One item as a Record, with its schema violations and what the reader did."""
    notes: list[str] = []
    key = _item_key(item.get("id"), index, notes)
    written_type = item.get("type")
    record = Record(key=key, type=_item_type(written_type, notes))
    for name, value in item.items():
        if not _hold(record, name, value, notes):
            _keep_verbatim(record, name, value)
    # Sorted and after the other formats: the writer moves some of these entries into
    # `custom`, so file order would not survive writing and reading back.
    if FORMAT in record.foreign:
        record.foreign[FORMAT] = dict(sorted(record.foreign.pop(FORMAT).items()))
    label = f"item {key!r}"
    record.problems = [Problem(path, line, f"{label}: {error}") for error in schema_errors(item)]
    record.problems += [Problem(path, line, f"{label}: {note}", "warning") for note in notes]
    entry_type = written_type if isinstance(written_type, str) else ""
    record.seal(Origin(path, line, FORMAT, entry_type=entry_type, raw=None))
    return record


def _item_key(written: Any, index: int, notes: list[str]) -> str:
    if (isinstance(written, str) and written) or _is_number(written):
        return str(written)
    key = f"item-{index}"
    notes.append(f"no usable id; given the key {key!r}")
    return key


def _item_type(written: Any, notes: list[str]) -> str:
    if isinstance(written, str) and written in item_types():
        return written
    said = "no type" if written is None else f"type {written!r} is not a CSL item type"
    notes.append(f"{said}; read as 'document'")
    return "document"


def _hold(record: Record, name: str, value: Any, notes: list[str]) -> bool:
    """Put one property into the model; False when the model cannot hold it."""
    kind = property_kinds().get(name)
    if kind == "names" and (names := _names(value, name, notes)) is not None:
        record.creators[name] = names
    elif kind == "date" and (date := _date(value, name, notes)) is not None:
        record.dates[name] = date
    elif kind == "keyword" and (keywords := _keywords(value)) is not None:
        record.keywords = keywords
    elif kind == "text" and (text := _text(value)) is not None:
        if name in _SCALAR_ATTRIBUTES:
            setattr(record, _SCALAR_ATTRIBUTES[name], text)
        else:
            record.variables[name] = text
    elif kind == "custom" and isinstance(value, dict):
        _read_custom(record, value, notes)
    elif kind not in ("id", "type"):  # those two are read first, by _read_item
        return False
    return True


def _keep_verbatim(record: Record, name: str, value: Any) -> None:
    record.foreign.setdefault(FORMAT, {})[name] = json.dumps(value, ensure_ascii=False)


def _read_custom(record: Record, custom: dict, notes: list[str]) -> None:
    for name, value in custom.items():
        if name == FOREIGN_MEMBER and _is_foreign_table(value):
            for format_name, values in value.items():
                record.foreign.setdefault(format_name, {}).update(values)
        else:
            if name == FOREIGN_MEMBER:
                notes.append(f"custom.{FOREIGN_MEMBER} is not {{format: {{field: text}}}};"
                             " kept as it is")
            _keep_verbatim(record, name, value)


def _is_foreign_table(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(values, dict) and all(isinstance(text, str) for text in values.values())
        for values in value.values())


def _text(value: Any) -> str | None:
    # Lenient: the schema allows numbers for some variables, and people write them for others.
    if isinstance(value, str):
        return value
    return str(value) if _is_number(value) else None


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _names(value: Any, role: str, notes: list[str]) -> list[Name] | None:
    if not isinstance(value, list) or not all(isinstance(entry, dict) for entry in value):
        return None  # not guessed at: kept verbatim, and the schema error says why
    return [_name(entry, f"$.{role}[{position}]", notes) for position, entry in enumerate(value)]


def _name(entry: dict, where: str, notes: list[str]) -> Name:
    parts, extra = {}, []
    for part, value in entry.items():
        text = _text(value)
        if part in _NAME_PARTS and text is not None:
            parts[_NAME_PARTS[part]] = text
        else:  # "comma-suffix", "static-ordering", ...: kept as they were written
            extra.append((part, json.dumps(value, ensure_ascii=False)))
    return Name(**parts, extra=tuple(extra))


def _date(value: Any, variable: str, notes: list[str]) -> DateValue | None:
    if isinstance(value, str):  # an EDTF string: newer CSL, though not this schema
        return _date_text(value)
    if not isinstance(value, dict):
        return None
    parts = _date_parts(value.get("date-parts"))
    if parts is None:
        return None  # not guessed at: kept verbatim, and the schema error says why
    literal = value.get("literal") if isinstance(value.get("literal"), str) else ""
    if "raw" in value:
        where = _json_path(variable, "raw")
        parts, literal = _read_raw_date(value["raw"], parts, literal, where, notes)
    # DateValue has no place for other members (EDTF's, an exporter's own): said, not hidden.
    notes.extend(f"{_json_path(variable, member)} is not a CSL date member; left out"
                 for member in value if member not in _DATE_MEMBERS)
    season = _text(value.get("season")) or ""
    circa = value.get("circa")  # the schema allows a string, a number or a boolean
    if isinstance(circa, str):
        circa = circa.strip().lower() not in ("", "0", "false")
    return DateValue(parts, season, bool(circa), literal)


def _read_raw_date(raw: Any, parts: tuple, literal: str, where: str,
                   notes: list[str]) -> tuple[tuple, str]:
    """The date's parts and literal, with "raw" read into them if date-parts are not given."""
    if parts:
        notes.append(f"{where} is ignored because date-parts are given; left out")
    elif not isinstance(raw, str):
        notes.append(f"{where} is not text; left out")
    else:
        from_raw = _date_text(raw)
        if from_raw.literal and literal:
            notes.append(f"{where} is not an ISO date, and a literal is given; left out")
        return from_raw.parts, literal or from_raw.literal
    return parts, literal


def _json_path(*members: str) -> str:
    return "$" + "".join(f".{member}" if _PLAIN_MEMBER.fullmatch(member) else f"[{member!r}]"
                         for member in members)


def _date_parts(value: Any) -> tuple[tuple[int, ...], ...] | None:
    if value is None:
        return ()
    if not isinstance(value, list) or not 1 <= len(value) <= 2:
        return None
    parts = []
    for piece in value:
        if not isinstance(piece, list) or not 1 <= len(piece) <= 3:
            return None
        numbers = [_integer(number) for number in piece]
        if None in numbers:
            return None
        parts.append(tuple(numbers))
    return tuple(parts)


def _integer(value: Any) -> int | None:
    if isinstance(value, str) and _INTEGER.fullmatch(value.strip()):
        return int(value)
    if _is_number(value) and float(value).is_integer():
        return int(value)
    return None


def _date_text(text: str) -> DateValue:
    """A date written as EDTF text (the schema allows it): parts if it is a simple
    ISO date or range, else kept as a literal."""
    return parse_iso_date(text) or DateValue(literal=text)


def _keywords(value: Any) -> list[str] | None:
    if isinstance(value, list) and all(isinstance(word, str) for word in value):
        words = value  # not CSL, but some exporters write a list
    elif isinstance(value, str):
        words = _KEYWORD_SEPARATOR.split(value)
    else:
        return None
    return [word.strip() for word in words if word.strip()]


# ---------------------------------------------------------------- writing

def write_csljson(document: Document) -> Written:
    """Write the document's records as a CSL-JSON array; report what CSL-JSON cannot hold."""
    problems: list[Problem] = []
    items = []  # each item's text: a whole file of dicts costs too much memory
    for block in document.blocks:
        if isinstance(block, Record):
            items.append(_item_text(_write_item(block, document.path, problems)))
        else:
            verbatim_text(block, False, "CSL-JSON", document.path, problems)
    text = "[\n" + ",\n".join(items) + "\n]\n" if items else "[]\n"
    return Written(text, problems)


def _item_text(item: dict) -> str:
    """One property a line, each value compact: readable, and json's C encoder
    does it (its indenting encoder is pure Python and five times slower)."""
    lines = (f"    {json.dumps(name)}: {json.dumps(value, ensure_ascii=False)}"
             for name, value in item.items())
    return "  {\n" + ",\n".join(lines) + "\n  }"


def _write_item(record: Record, path: str, problems: list[Problem]) -> dict:
    line = record.origin.line if record.origin else 0
    notes: list[str] = []
    item = _model_properties(record, notes)
    custom = _move_unknown_into_custom(item, notes)
    put_back = _add_foreign(record, item, custom)
    if custom:
        item["custom"] = custom
    label = f"item {record.key!r}"
    problems.extend(Problem(path, line, f"{label}: {note}", "warning") for note in notes)
    # What is built from the model's typed values fits the schema by construction;
    # checking it anyway would cost a third of the writing time.
    if put_back or not _fits_by_construction(record):
        problems.extend(Problem(path, line, f"{label} does not fit the CSL schema: {error}")
                        for error in schema_errors(item))
    return item


def _fits_by_construction(record: Record) -> bool:
    kinds = property_kinds()  # names the schema does not know go into custom: no harm
    return (record.type in item_types()
            and all(kinds.get(role, "names") == "names" for role in record.creators)
            and all(kinds.get(name, "date") == "date" and len(date.parts) <= 2
                    and all(1 <= len(part) <= 3 for part in date.parts)
                    for name, date in record.dates.items())
            and all(kinds.get(name, "text") == "text" for name in record.variables))


def _model_properties(record: Record, notes: list[str]) -> dict:
    item: dict[str, Any] = {"id": record.key, "type": record.type}
    for role, names in record.creators.items():
        item[role] = [_name_json(name) for name in names]
    item |= _scalars_json(record, _FRONT_SCALARS)
    item |= {variable: _date_json(date) for variable, date in record.dates.items()}
    item |= _scalars_json(record, _MIDDLE_SCALARS)
    if record.keywords:
        item["keyword"] = _keyword_json(record.keywords, notes)
    item |= {name: value for name, value in record.variables.items() if name not in item}
    item |= _scalars_json(record, _LONG_SCALARS)
    return item


def _scalars_json(record: Record, attributes: tuple[str, ...]) -> dict[str, str]:
    values = ((SCALAR_VARIABLES[a], getattr(record, a)) for a in attributes)
    return {csl_name: value for csl_name, value in values if value}


def _name_json(name: Name) -> dict[str, Any]:
    values = ((csl, getattr(name, attribute)) for csl, attribute in _NAME_PARTS.items())
    written: dict[str, Any] = {csl: value for csl, value in values if value}
    return written | {part: _json_value(text) for part, text in name.extra}


def _date_json(date: DateValue) -> dict[str, Any]:
    written = {"date-parts": [list(part) for part in date.parts], "season": date.season,
               "circa": date.circa, "literal": date.literal}
    return {key: value for key, value in written.items() if value}


def _keyword_json(keywords: list[str], notes: list[str]) -> str:
    for keyword in keywords:
        if _KEYWORD_SEPARATOR.search(keyword):
            notes.append(f"keyword {keyword!r} holds a comma or semicolon, which CSL's"
                         " keyword string cannot; it will read back as several keywords")
    return ", ".join(keywords)


def _move_unknown_into_custom(item: dict, notes: list[str]) -> dict[str, Any]:
    # A role or variable the schema does not know would make the item invalid;
    # `custom` is where CSL says such data belongs.
    custom = {}
    for name in [name for name in item if name not in property_kinds()]:
        custom[name] = item.pop(name)
        notes.append(f"{name!r} is not a CSL variable; written into custom")
    return custom


def _add_foreign(record: Record, item: dict, custom: dict) -> bool:
    """Put foreign fields back: CSL's own at the top level (then True: those are
    not typed by the model, so they are checked), the rest in `custom`."""
    put_back = False
    for name, text in record.foreign.get(FORMAT, {}).items():
        value = _json_value(text)
        if name in property_kinds() and name not in item and name != "custom":
            item[name] = value  # a CSL variable the model has no place for, e.g. "categories"
            put_back = True
        else:
            custom[name] = value
    others = {fmt: dict(values) for fmt, values in record.foreign.items() if fmt != FORMAT}
    if others:
        custom[FOREIGN_MEMBER] = others
    return put_back


def _json_value(text: str) -> Any:
    # The reader stores JSON text; another stage may have stored a plain string.
    try:
        return json.loads(text)
    except ValueError:
        return text
