"""Reading CSL-JSON, the item format of citeproc, Zotero and pandoc.

The reader is lenient: every item is checked against the official CSL schema
(shipped in `schemas/`), each violation becomes a Problem on the item's line, and
the item is still read as far as it can be. A property the record model cannot
hold is kept as JSON text in `record.foreign["csljson"]`, and the writer puts it
back. Fields of other formats travel in `custom["refmanager-foreign"]`
(see `write.py`), and are read back into `record.foreign`.
"""

from __future__ import annotations

import json
import re
from typing import Any

from refmanager.dates import date_parts_problem, parse_iso_date
from refmanager.errors import Problem
from refmanager.io.base import report_duplicate_keys
from refmanager.io.bibtex.subtitles import split_subtitles
from refmanager.io.bibtex.tables import FOREIGN as BIBTEX
from refmanager.io.csljson.scan import Scanner, safe_item
from refmanager.io.csljson.schema import item_types, property_kinds, schema_errors, shorten
from refmanager.model import SCALAR_VARIABLES, DateValue, Document, Name, Origin, Record, Verbatim

FORMAT = "csljson"
#: The member of `custom` that carries the fields of other formats.
FOREIGN_MEMBER = "refmanager-foreign"

#: CSL name part -> Name attribute.
NAME_PARTS = {part: part.replace("-", "_") for part in (
    "family", "given", "dropping-particle", "non-dropping-particle", "suffix", "literal")}
#: Keywords are one CSL string, separated by commas or semicolons.
KEYWORD_SEPARATOR = re.compile(r"[,;]")
_SCALAR_ATTRIBUTES = {csl_name: attribute for attribute, csl_name in SCALAR_VARIABLES.items()}
_INTEGER = re.compile(r"-?\d+")
_DATE_MEMBERS = ("date-parts", "season", "circa", "literal", "raw")  # "raw" is read into the others
_PLAIN_MEMBER = re.compile(r"[a-zA-Z][a-zA-Z0-9_]*")  # written .name in a JSON path, as jsonschema does

def read_item_text(text: str, path: str = "<string>") -> Record | None:
    """The record one item's text reads as (for the writer's reuse of it), or None."""
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return _read_item(value, text, path, 1, 1) if isinstance(value, dict) else None


def read_csljson(text: str, path: str = "<string>") -> Document:
    """Read CSL-JSON: an array of items, or a single item object."""
    document = Document(path, FORMAT)
    for line, value, raw, source in Scanner(text, document).values():
        if isinstance(value, dict):
            record = _read_item(value, raw, path, line, len(document.blocks) + 1, source)
            document.blocks.append(record)
        else:
            message = f"{shorten(raw, 40)} is not a CSL item (a JSON object); left out"
            document.problems.append(Problem(path, line, message))
            document.blocks.append(Verbatim("failed", raw, line))
    report_duplicate_keys(document.records, key_name="id", records_name="items")
    if not document.blocks and not document.problems:
        document.problems.append(Problem(path, 1, "no records", "warning"))
    return document


def _read_item(item: dict, raw: str, path: str, line: int, index: int, source: str | None = None) -> Record:
    """One item as a Record, with its schema violations and what the reader did; its
    `source` text (from its line start) is kept for the writer when the item reads
    back the same anywhere and fits the schema: when the reader made nothing up (an id),
    left nothing out and found no schema error."""
    notes: list[str] = []
    item = safe_item(item, raw, notes)
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
    if BIBTEX in record.foreign:
        split_subtitles(record)  # a title the writer joined to a biblatex subtitle it kept
    label = f"item {key!r}"
    record.problems = [Problem(path, line, f"{label}: {error}") for error in schema_errors(item)]
    record.problems += [Problem(path, line, f"{label}: {note}", "warning") for note in notes]
    entry_type = written_type if isinstance(written_type, str) else ""
    # An item the schema rejects is generated anew, as the writer fits it to the schema.
    reusable = not notes and not record.problems
    record.seal(Origin(path, line, FORMAT, entry_type=entry_type, raw=source if reusable else None))
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
        if part in NAME_PARTS and text is not None:
            parts[NAME_PARTS[part]] = text
        else:  # "comma-suffix", "static-ordering", ...: kept as they were written
            extra.append((part, json.dumps(value, ensure_ascii=False)))
    return Name(**parts, extra=tuple(extra))


def _date(value: Any, variable: str, notes: list[str]) -> DateValue | None:
    if isinstance(value, str):  # an EDTF string: newer CSL, though not this schema
        return _date_text(value)
    if not isinstance(value, dict):
        return None
    parts = _date_parts(value.get("date-parts"))
    if parts is None:  # not guessed at
        notes.append(f"{_json_path(variable, 'date-parts')} is not one or two lists of "
                     "year, month and day; the date is kept as written")
        return None
    parts, season = _season_in_parts(parts, value.get("season"))
    if (problem := date_parts_problem(parts)) is not None:
        notes.append(f"{_json_path(variable, 'date-parts')}: {problem}; the date is kept "
                     "as written")
        return None
    literal = value.get("literal") if isinstance(value.get("literal"), str) else ""
    if "raw" in value:
        where = _json_path(variable, "raw")
        parts, literal = _read_raw_date(value["raw"], parts, literal, where, notes)
    # DateValue has no place for other members (EDTF's, an exporter's own): said, not hidden.
    notes.extend(f"{_json_path(variable, member)} is not a CSL date member; left out"
                 for member in value if member not in _DATE_MEMBERS)
    season = season or _text(value.get("season")) or ""
    circa = value.get("circa")  # the schema allows a string, a number or a boolean
    if isinstance(circa, str):
        circa = circa.strip().lower() not in ("", "0", "false")
    if not parts and not literal:  # a season alone is no date either
        notes.append(f"{_json_path(variable)} has no date-parts, literal or raw date; left out")
        return None  # an empty date, which no writer could write
    return DateValue(parts, season, bool(circa), literal)


def _season_in_parts(parts: tuple, season: Any) -> tuple[tuple, str]:
    """citeproc-js reads months 21-24 as the four seasons: `[[2001, 21]]` is spring 2001."""
    if len(parts) == 1 and len(parts[0]) == 2 and 21 <= parts[0][1] <= 24 and not season:
        return ((parts[0][0],),), str(parts[0][1] - 20)
    return parts, ""


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
    # A date part of more than 18 characters is no date, and int() of more than
    # 4,300 digits raises: such text is not read.
    if isinstance(value, str) and len(value) <= 18 and _INTEGER.fullmatch(value.strip()):
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
        words = KEYWORD_SEPARATOR.split(value)
    else:
        return None
    return [word.strip() for word in words if word.strip()]
