"""Variables written in an item's `note` field ("original-date: 1850"), as Zotero
users do and citeproc-js reads them.

Each line of the form `variable: value` whose variable is a CSL variable the
item lacks adds it: names as `Family || Given`, dates as date strings, any
other variable as text. The item itself is not changed; a copy is returned.
"""

from __future__ import annotations

import re

from refmanager.render.sorting import DATE_VARIABLES, NAME_VARIABLES

_LINE = re.compile(r"^\s*([a-z][a-z-]*[a-z])\s*:\s*(.+?)\s*$", re.M)
_TEXT_VARIABLES = frozenset(
    "abstract annote archive archive_location archive-place authority call-number chapter-number "
    "citation-label collection-number collection-title collection-title-short container-title "
    "container-title-short dimensions DOI edition event event-place genre ISBN ISSN issue "
    "jurisdiction keyword language license medium number number-of-pages number-of-volumes "
    "original-publisher original-publisher-place original-title page part-number part-title "
    "publisher publisher-place references reviewed-genre reviewed-title scale section source "
    "status supplement-number title title-short URL version volume volume-title "
    "year-suffix".split())


def _name(value: str) -> dict:
    if "||" in value:
        family, given = (part.strip() for part in value.split("||", 1))
        return {"family": family, "given": given}
    return {"literal": value}


def with_note_variables(item: dict) -> dict:
    note = item.get("note")
    if not isinstance(note, str) or ":" not in note:
        return item
    added: dict = {}
    for name, value in _LINE.findall(note):
        if name in item:
            continue
        if name in NAME_VARIABLES:
            added.setdefault(name, []).append(_name(value))
        elif name in DATE_VARIABLES:
            added.setdefault(name, {"raw": value})
        elif name in _TEXT_VARIABLES:
            added.setdefault(name, value)
    if not added:
        return item
    return {**item, **added}
