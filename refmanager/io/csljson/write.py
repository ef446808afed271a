"""Writing CSL-JSON: one item per record, valid against the official schema.

An item read from CSL-JSON keeps its text: whole when untouched, member by member
when changed (`source`), so that a cleaned file differs from its source in the
changed values only.

Fields of other formats (`foreign["bibtex"]`, ...) travel in
`custom["refmanager-foreign"]`, so BibTeX -> CSL-JSON -> BibTeX loses no field;
what the schema does not know goes into `custom` too.
"""

from __future__ import annotations

import json
from typing import Any

from refmanager.errors import Problem
from refmanager.io.base import FieldOrder, Written, untouched_source, verbatim_text
from refmanager.io.csljson.read import FOREIGN_MEMBER, FORMAT, KEYWORD_SEPARATOR, NAME_PARTS, read_item_text
from refmanager.io.csljson.source import spliced_item
from refmanager.io.csljson.schema import item_types, property_kinds, schema_errors
from refmanager.model import SCALAR_VARIABLES, DateValue, Document, Name, Record

# The writer's layout: who, what and where first; then when, who published, the
# identifiers; long free texts last. Within a group the record's own order is kept,
# so that writing and reading back gives the same record.
_FRONT = ("title", "container-title", "volume", "issue", "page", "number")
_LONG = ("abstract", "note")
_MIDDLE = ("publisher", "publisher-place", "edition", "DOI", "ISBN", "ISSN", "URL", "PMID",
           "language")
_MIDDLE += tuple(  # variables given an attribute later still have a place of their own
    name for name in SCALAR_VARIABLES.values() if name not in _FRONT + _MIDDLE + _LONG)
_FIELD_ORDER = FieldOrder("names", *_FRONT, "date", *_MIDDLE, "keywords", "text", *_LONG)


def write_csljson(document: Document) -> Written:
    """Write the document's records as a CSL-JSON array; report what CSL-JSON cannot hold."""
    problems: list[Problem] = []
    items = []  # each item's text: a whole file of dicts costs too much memory
    for block in document.blocks:
        if isinstance(block, Record):
            items.append(_record_text(block, document.path, problems))
        else:
            verbatim_text(block, False, "CSL-JSON", document.path, problems)
    text = "[\n" + ",\n".join(items) + "\n]\n" if items else "[]\n"
    return Written(text, problems)


def _record_text(record: Record, path: str, problems: list[Problem]) -> str:
    """An untouched item read from CSL-JSON as its source text; a changed one as that
    text with its changed members replaced (`source.spliced_item`); any other generated."""
    source = untouched_source(record, FORMAT)
    if source is not None:
        return source
    item = item_of(record, path, problems)
    if record.origin is not None and record.origin.format == FORMAT and record.origin.raw is not None:
        spliced = spliced_item(record, item, read_item_text)
        if spliced is not None:
            return spliced
    return _item_text(item)


def _item_text(item: dict) -> str:
    """One property a line, each value compact: readable, and json's C encoder
    does it (its indenting encoder is pure Python and five times slower)."""
    lines = (f"    {json.dumps(name)}: {json.dumps(value, ensure_ascii=False)}"
             for name, value in item.items())
    return "  {\n" + ",\n".join(lines) + "\n  }"


def item_of(record: Record, path: str, problems: list[Problem]) -> dict:
    """A record's CSL-JSON item (the citation processor reads these too); what CSL-JSON
    cannot hold goes into `problems`."""
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
    for name, kind, value in _FIELD_ORDER.items_of(record):
        if kind == "names":
            item[name] = [_name_json(one) for one in value]
        elif kind == "date":
            item[name] = _date_json(value)
        elif kind == "keywords":
            item["keyword"] = _keyword_json(value, notes)
        elif name not in item:
            item[name] = value
    return item


def _name_json(name: Name) -> dict[str, Any]:
    values = ((csl, getattr(name, attribute)) for csl, attribute in NAME_PARTS.items())
    written: dict[str, Any] = {csl: value for csl, value in values if value}
    return written | {part: _json_value(text) for part, text in name.extra}


def _date_json(date: DateValue) -> dict[str, Any]:
    written = {"date-parts": [list(part) for part in date.parts], "season": date.season,
               "circa": date.circa, "literal": date.literal}
    return {key: value for key, value in written.items() if value}


def _keyword_json(keywords: list[str], notes: list[str]) -> str:
    for keyword in keywords:
        if KEYWORD_SEPARATOR.search(keyword):
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
