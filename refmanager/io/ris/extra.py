"""Fields that RIS has no tag for, carried as `name: value` lines in `M2`.

Zotero's RIS import reads every `M2` into the item's Extra field, one line each,
and Zotero (like citeproc-js) cites the `name: value` lines of Extra as CSL
variables: `M2  - version: 6.30`, `M2  - chapter-number: 4`. The writer puts a
field there when the record's type has no tag for it; the reader takes each line
back into a field the tags left empty, so that a record goes through RIS
unchanged. Names are written one a line, as
`Family || Given` (the convention of Extra), an organisation as its name; dates
as ISO 8601 text.
"""

from __future__ import annotations

import re
from functools import cache

from refmanager.dates import format_iso_date, parse_iso_date
from refmanager.io.ris.tags import CSL_TO_RIS, parse_name
from refmanager.model import DATE_VARIABLES, NAME_VARIABLES, SCALAR_VARIABLES, DateValue, Name

TAG = "M2"
TYPE = "type"  # a CSL type that has no RIS type of its own ("type: review")
_LINE = re.compile(r"([A-Za-z][A-Za-z_-]*[A-Za-z]):[ \t]*(.+)", re.DOTALL)
_NAME_PARTS = " || "


@cache
def _carried_variables() -> frozenset[str]:
    from refmanager.io.csljson.schema import property_kinds  # the schema: only when needed

    texts = {name for name, kind in property_kinds().items() if kind == "text"}
    return frozenset(texts | set(SCALAR_VARIABLES.values()) | NAME_VARIABLES | DATE_VARIABLES)


def can_carry(name: str) -> bool:
    """Whether a field of this CSL name can be carried in M2 (and read back)."""
    return name in _carried_variables()


def is_type_without_code(csl_type: str) -> bool:
    """A CSL type that RIS has no type code for (written as the nearest code, or GEN)."""
    from refmanager.io.csljson.schema import item_types

    return csl_type not in CSL_TO_RIS and csl_type in item_types()


def extra_values(name: str, kind: str, value) -> list[str] | None:
    """The M2 values that carry a field (one per name), or None when its value
    would not read back as it is (a date that ISO text cannot say)."""
    if kind == "names":
        return [f"{name}: {_name_text(one)}" for one in value]
    if kind == "date":
        text = date_text(value)
        return [f"{name}: {text}"] if text else None
    return [f"{name}: {value}"]


def date_text(date: DateValue) -> str | None:
    """A date as ISO 8601 text (a literal as it is), or None if that reads back otherwise."""
    if date.literal:
        return date.literal if parse_iso_date(date.literal) is None else None
    text = format_iso_date(date)
    return text if text and parse_iso_date(text) == date else None


def parse_extra(text: str) -> tuple[str, str] | None:
    """(name, value) of a `name: value` line, or None if it is no such line."""
    match = _LINE.fullmatch(text)
    return (match.group(1), match.group(2)) if match else None


def name_of(text: str) -> Name:
    """A name as `extra_values` writes it: `Family || Given, Suffix`, or an organisation's."""
    if _NAME_PARTS not in text:
        return Name(literal=text)
    family, given = text.split(_NAME_PARTS, 1)
    return parse_name(f"{family}, {given}")


def date_of(text: str) -> DateValue:
    return parse_iso_date(text) or DateValue(literal=text)


def _name_text(name: Name) -> str:
    if name.literal:
        return name.literal
    family = " ".join(part for part in (name.non_dropping_particle, name.family) if part)
    given = " ".join(part for part in (name.given, name.dropping_particle) if part)
    given = f"{given}, {name.suffix}" if name.suffix else given
    return f"{family}{_NAME_PARTS}{given}"
