"""What BibTeX has no field or entry type for, in fields named after CSL.

A CSL item type that no entry type says (`dataset`, `legal_case` written as
`@misc`) goes into a type field: biblatex's `entrysubtype`, or in classic
BibTeX `csl-type` (`entrysubtype` would make the file biblatex). A CSL variable,
role or date with no BibTeX field of its own is written under its CSL name
(`authority = {...}`, `chair = {Doe, Jane}`, `submitted = {2020-05-01}`).
Zotero's BibTeX import and BibTeX styles ignore such fields, and our reader
reads them back as what they hold, so that CSL-JSON -> BibTeX -> CSL-JSON
keeps every item whole.

    >>> csl_field_slot("chair")
    ('names', 'chair')
"""

from __future__ import annotations

from refmanager.io.bibtex.tables import (
    ARTICLE_SUBTYPES, CSL_ALIASES, CSL_ITEM_TYPES, CSL_TEXT_VARIABLES, ENTRY_TYPES, THESIS_GENRES,
    TYPE_FIELDS,
)
from refmanager.latex.decode import decode
from refmanager.model import DATE_VARIABLES, NAME_VARIABLES, Record

# The variables a field of the same name (any letter case) holds, by their kind.
_BY_FIELD_NAME = {
    **{variable.lower(): ("text", variable) for variable in CSL_TEXT_VARIABLES - set(CSL_ALIASES)},
    **{role: ("names", role) for role in NAME_VARIABLES},
    **{variable: ("dates", variable) for variable in DATE_VARIABLES},
}
_TYPE_FIELD_NAMES = frozenset(TYPE_FIELDS.values())


def csl_field_slot(name: str) -> tuple[str, str] | None:
    """For a field (lowercased) named after a CSL variable: its kind ("text", "names",
    "dates") and the variable; None for any other field."""
    return _BY_FIELD_NAME.get(name)


def csl_field_name(variable: str) -> str:
    """The field that holds a CSL variable BibTeX has no field for: its CSL name."""
    return variable.lower() if variable in CSL_TEXT_VARIABLES else variable


def type_fields(record: Record, kind: str, dialect: str, notes: list[str]) -> list[tuple[str, str]]:
    """The field that says the record's CSL type where the entry type (`kind`) does not:
    biblatex's `entrysubtype = {magazine}` for an article, else the type field (in classic
    BibTeX `csl-type = {article-magazine}`: Zotero reads neither); a note where the type
    is lost (a type CSL does not know)."""
    subtype = next((name for name, csl in ARTICLE_SUBTYPES.items() if csl == record.type), None)
    if subtype and kind == "article" and dialect == "biblatex":
        return [("entrysubtype", "{" + subtype + "}")]
    if kind in THESIS_GENRES and not record.get("genre"):
        notes.append(f"a thesis of no stated kind is written as @{kind}, as classic BibTeX has no "
                     f"plain thesis; it reads back as a {THESIS_GENRES[kind]}")
    read_as = ENTRY_TYPES.get(kind, "document")
    if read_as == record.type:
        return []
    if record.type not in CSL_ITEM_TYPES:
        notes.append(f"item type {record.type!r} has no @{kind} equivalent; it is read back as {read_as!r}")
        return []
    return [(TYPE_FIELDS[dialect], "{" + record.type + "}")]


def read_type_field(record: Record, kind: str, foreign: dict[str, str]) -> None:
    """Take the CSL type from the entry's type field (kept verbatim in `foreign`) into the
    record: biblatex's `entrysubtype = {magazine}` of an article, or a CSL type that the
    entry type does not already say."""
    if not foreign:  # most entries
        return
    for name, raw in foreign.items():
        if name.lower() not in _TYPE_FIELD_NAMES:
            continue
        value = decode(raw.strip().strip('{}"')).strip().lower()
        csl_type = ARTICLE_SUBTYPES.get(value) if kind == "article" else None
        if csl_type is None and value in CSL_ITEM_TYPES and value != record.type:
            csl_type = value
        if csl_type:
            record.type = csl_type
            del foreign[name]
            return
