"""Records as CSL items: what the citation processor is given.

A Record is already shaped after the CSL-JSON item, and the CSL-JSON writer
knows how to spell one; this module asks the writer for each item (one
import, so the writer can move without this module changing) and makes the
ids unique, since the processor finds items by id.

    >>> items = items_from_records(document.records)
    >>> items[0]["id"]          # the record's citation key
    'nye2004'
"""

from __future__ import annotations

from collections.abc import Iterable

from refmanager.io.csljson.write import item_of
from refmanager.model import Document, Record
from refmanager.render.sentence_case import sentence_casing

# The processor does not read these: leaving them out saves memory on large files.
_NOT_RENDERED = ("abstract", "custom")


def item_from_record(record: Record) -> dict:
    """The CSL-JSON item of one record, as the CSL-JSON writer builds it; id = citation key."""
    unheld: list = []  # what CSL-JSON cannot hold is the writer's concern, not rendering's
    item = item_of(record, record.origin.path if record.origin else "", unheld)
    for name in _NOT_RENDERED:
        item.pop(name, None)
    return item


def items_from_records(records: Iterable[Record | dict] | Document, sentence_case=None,
                       protected_words: Iterable[str] = ()) -> list[dict]:
    """CSL items for records (CSL-JSON dicts are taken as they are), in order.

    A key that comes twice gets a suffix the second time (`smith2020#2`), so
    that every item can be told apart; the first keeps its key. An item
    without an id is named by its place (`item-3`). With `sentence_case`
    (True: items from BibTeX and RIS; "all": every item), titles are put in
    sentence case, keeping `protected_words` and those the records teach
    (see `render.sentence_case`).
    """
    if isinstance(records, Document):
        records = records.records
    entries = list(records)
    casing = sentence_casing(entries, sentence_case, protected_words)
    items, seen = [], {}
    for index, entry in enumerate(entries, 1):
        item = item_from_record(entry) if isinstance(entry, Record) else dict(entry)
        if casing.applies_to(entry):
            item = casing.convert(item)
        item_id = str(item.get("id") or f"item-{index}")  # CSL-JSON from elsewhere may lack ids
        seen[item_id] = seen.get(item_id, 0) + 1
        if seen[item_id] > 1:
            item_id = f"{item_id}#{seen[item_id]}"
        item["id"] = item_id
        items.append(item)
    return items
