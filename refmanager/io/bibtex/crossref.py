"""BibTeX's `crossref`: a child entry inherits what its parent says.

An `@inproceedings` with `crossref = {conf2020}` takes the proceedings' title
as its book title, and its editors, publisher, place and date when it has none
of its own. The file keeps the `crossref` field (in `foreign`), so resolving
never changes what is written back unless the caller saves the resolved copies.
A format with no crossref (RIS, CSL-JSON) is written from resolved copies
(`without_crossrefs`), or its children would lose what they inherit.
"""

from __future__ import annotations

import dataclasses

from refmanager.errors import Problem
from refmanager.io.base import record_problem
from refmanager.io.bibtex.tables import FOREIGN
from refmanager.latex.decode import decode
from refmanager.model import Document, Record

# What a child may inherit: the parent's variable, and the child's that receives it.
_INHERITED = [
    ("title", "container-title"), ("container-title", "container-title"), ("volume", "volume"),
    ("publisher", "publisher"), ("publisher-place", "publisher-place"), ("edition", "edition"),
    ("ISBN", "ISBN"), ("ISSN", "ISSN"), ("language", "language"),
    ("editor", "editor"), ("container-author", "container-author"),
]


def crossref_key(record: Record) -> str:
    """The key a record's `crossref` field names, or ""."""
    for name, raw in record.foreign.get(FOREIGN, {}).items():
        if name.lower() == "crossref":
            return decode(raw.strip().strip('{}"'))
    return ""


def resolve_crossrefs(records: list[Record]) -> list[Record]:
    """The records, each child replaced by a copy with its inherited fields filled in."""
    by_key = {record.key: record for record in records}
    resolved = []
    for record in records:
        parent = by_key.get(crossref_key(record))
        resolved.append(inherit(record, parent) if parent is not None else record)
    return resolved


def without_crossrefs(document: Document, target: str) -> tuple[Document, list[Problem]]:
    """A copy of the document for a format with no crossref: each child with what it
    inherits filled in, and a note on each child saying what it took from its parent."""
    records = document.records
    resolved = resolve_crossrefs(records)
    replaced = {id(old): new for old, new in zip(records, resolved) if new is not old}
    if not replaced:
        return document, []
    notes = []
    for old, new in zip(records, resolved):
        taken = [name for name in new.fields() if name not in old.fields()]
        if taken:
            notes.append(record_problem(old, f"takes {', '.join(taken)} from its crossref "
                                        f"{crossref_key(old)!r}, as {target} has no crossref"))
    blocks = [replaced.get(id(block), block) for block in document.blocks]
    return dataclasses.replace(document, blocks=blocks), notes


def dangling_crossrefs(records: list[Record], keys: set[str] | None = None) -> list[Problem]:
    """A warning for each record whose `crossref` names no record (of `keys`, the
    file's keys, if given: `records` may then be those with a crossref only)."""
    keys = {record.key for record in records} if keys is None else keys
    problems = []
    for record in records:
        parent_key = crossref_key(record)
        if parent_key and parent_key not in keys:
            problems.append(record_problem(record, f"crossref {parent_key!r} names no entry in this file"))
    return problems


def inherit(child: Record, parent: Record) -> Record:
    """A copy of `child` with what it lacks taken from `parent`."""
    # A copy of the containers only: names, dates and the origin are immutable, and a
    # deep copy of the origin's state costs more than all the rest (461 children of the
    # personal library took a second).
    result = dataclasses.replace(
        child, creators={role: list(names) for role, names in child.creators.items()},
        dates=dict(child.dates), keywords=list(child.keywords), variables=dict(child.variables),
        foreign={source: dict(fields) for source, fields in child.foreign.items()},
        problems=list(child.problems))
    for parent_variable, child_variable in _INHERITED:
        _fill(result, child_variable, parent.get(parent_variable))
    if result.type == "chapter":  # the book's author is the chapter's container-author
        _fill(result, "container-author", parent.get("author"))
    for variable in parent.fields():
        if parent.kind(variable) == "date":
            _fill(result, variable, parent.get(variable))
    return result


def _fill(record: Record, variable: str, value) -> None:
    if value and not record.get(variable):
        record.set(variable, value)
