"""BibTeX's `crossref`: a child entry inherits what its parent says.

An `@inproceedings` with `crossref = {conf2020}` takes the proceedings' title
as its book title, and its editors, publisher, place and date when it has none
of its own. The file keeps the `crossref` field (in `foreign`), so resolving
never changes what is written back unless the caller saves the resolved copies.
"""

from __future__ import annotations

import copy

from refmanager.errors import Problem
from refmanager.io.base import record_problem
from refmanager.io.bibtex.tables import FOREIGN
from refmanager.latex.decode import decode
from refmanager.model import Record

# What a child may inherit: the parent's attribute, and the child's that receives it.
_INHERITED = [
    ("title", "container_title"), ("container_title", "container_title"),
    ("volume", "volume"), ("publisher", "publisher"), ("publisher_place", "publisher_place"),
    ("edition", "edition"), ("isbn", "isbn"), ("issn", "issn"), ("language", "language"),
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


def dangling_crossrefs(records: list[Record]) -> list[Problem]:
    """A warning for each record whose `crossref` names no record."""
    keys = {record.key for record in records}
    problems = []
    for record in records:
        parent_key = crossref_key(record)
        if parent_key and parent_key not in keys:
            problems.append(record_problem(record, f"crossref {parent_key!r} names no entry in this file"))
    return problems


def inherit(child: Record, parent: Record) -> Record:
    """A copy of `child` with what it lacks taken from `parent`."""
    result = copy.deepcopy(child)
    for parent_attribute, child_attribute in _INHERITED:
        value = getattr(parent, parent_attribute)
        if value and not getattr(result, child_attribute):
            setattr(result, child_attribute, value)
    for role in ("editor", "container-author"):
        if role in parent.creators and role not in result.creators:
            result.creators[role] = list(parent.creators[role])
    if "author" in parent.creators and "container-author" not in result.creators \
            and result.type == "chapter":
        result.creators["container-author"] = list(parent.creators["author"])
    for variable, date in parent.dates.items():
        result.dates.setdefault(variable, date)
    return result
