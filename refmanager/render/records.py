"""Records as CSL items: what the citation processor is given.

A Record is already shaped after the CSL-JSON item, and the CSL-JSON writer
knows how to spell one; this module asks the writer for each item (one
import, so the writer can move without this module changing) and makes the
ids unique, since the processor finds items by id. A BibTeX `crossref` is
resolved first, so that a paper has its proceedings' title and date, and
titles are put in sentence case when asked (`render.sentence_case`).

    >>> items = items_from_records(document.records)
    >>> items[0]["id"]          # the record's citation key
    'nye2004'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from refmanager.io.bibtex.crossref import crossref_key, resolve_crossrefs
from refmanager.io.bibtex.item_shape import is_shaped, shape_item
from refmanager.io.csljson.write import item_of
from refmanager.errors import InputError
from refmanager.model import Document, Record
from refmanager.render.sentence_case import applies_to, sentence_casing
from refmanager.render.short_titles import add_short_titles

# The processor does not read these: leaving them out saves memory on large files.
_NOT_RENDERED = ("abstract", "custom")


def item_from_record(record: Record) -> dict:
    """The CSL-JSON item of one record, as the CSL-JSON writer builds it; id = citation key.
    A record read from BibTeX is shaped as Zotero shapes the work (an arXiv preprint)."""
    unheld: list = []  # what CSL-JSON cannot hold is the writer's concern, not rendering's
    item = item_of(record, record.origin.path if record.origin else "", unheld)
    for name in _NOT_RENDERED:
        item.pop(name, None)
    if is_shaped(record):
        shape_item(record, item)
    return item


def _with_crossrefs_resolved(entries: list[Record | dict]) -> list[Record | dict]:
    """The entries, each BibTeX child (`crossref`) with what it inherits from its parent."""
    records = [entry for entry in entries if isinstance(entry, Record)]
    if not any(crossref_key(record) for record in records):
        return entries
    resolved = {id(old): new for old, new in zip(records, resolve_crossrefs(records))}
    return [resolved.get(id(entry), entry) for entry in entries]


def items_from_records(records: Iterable[Record | dict] | Document, sentence_case=None,
                       protected_words: Iterable[str] = (), genres: Mapping[str, str] | None = None,
                       short_titles: bool | str | None = None, title_case: bool | str | None = None
                       ) -> list[dict]:
    """CSL items for records (CSL-JSON dicts are taken as they are), in order.

    A key that comes twice gets a suffix the second time (`smith2020#2`), so
    that every item can be told apart; the first keeps its key. An item
    without an id is named by its place (`item-3`). With `sentence_case`
    (True: items from BibTeX and RIS; "all": every item), titles are put in
    sentence case, keeping `protected_words` and those the records teach
    (see `render.sentence_case`). `genres` gives a style's words for a genre
    (compared without regard to case: {"PhD thesis": "Doctoral dissertation"}).
    With `short_titles` (True or "all", as for sentence case), an item without a
    short title gets its title's main part as one, where that tells it apart from
    its author's other works (`render.short_titles`). `title_case` (chosen as for
    sentence case) puts titles in Chicago's headline style instead.
    """
    if isinstance(records, Document):
        records = records.records
    entries = _with_crossrefs_resolved(list(records))
    if sentence_case and title_case:
        raise InputError("a style puts titles in sentence case or in title case, not both")
    casing = (sentence_casing(entries, title_case, protected_words, headline=True) if title_case
              else sentence_casing(entries, sentence_case, protected_words))
    worded = {genre.casefold(): words for genre, words in (genres or {}).items()}
    items, seen = [], {}
    for index, entry in enumerate(entries, 1):
        item = item_from_record(entry) if isinstance(entry, Record) else dict(entry)
        if casing.applies_to(entry):
            item = casing.convert(item)
        if worded and isinstance(item.get("genre"), str) and item["genre"].casefold() in worded:
            item = dict(item, genre=worded[item["genre"].casefold()])
        item_id = str(item.get("id") or f"item-{index}")  # CSL-JSON from elsewhere may lack ids
        seen[item_id] = seen.get(item_id, 0) + 1
        if seen[item_id] > 1:
            item_id = f"{item_id}#{seen[item_id]}"
        item["id"] = item_id
        items.append(item)
    if short_titles:
        add_short_titles(items, [applies_to(short_titles, entry) for entry in entries])
    return items
