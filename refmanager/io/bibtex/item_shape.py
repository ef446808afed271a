"""A BibTeX entry's CSL item shaped as Zotero shapes the same work.

The reader keeps what the model has no place for verbatim (`record.foreign`),
so that the entry is written back as it was; some of it still says what the
citation processor must see. An arXiv eprint (`eprint` with `archivePrefix` or
`eprinttype = {arxiv}`, or Google Scholar's `journal = {arXiv preprint
arXiv:2101.00001}`) is a preprint: CSL type `article`, the repository as
publisher and the identifier as number (`arXiv:2101.00001`), as Zotero stores
an item from arXiv. A `howpublished` that is a web address is the URL, and an
edition written as a word, as btxdoc asks (`edition = {Second}`), is its number.
A `doi` written as a resolver URL (`https://doi.org/10.1000/xyz`, `doi:10.1000/xyz`)
is given bare, since styles print their own `https://doi.org/`; one that is some
other web address (the ACL Anthology's handles, `http://hdl.handle.net/2065/585`)
is no DOI: it is the URL where the entry has none, and is not printed otherwise.
biblatex's `subtitle` and `booksubtitle` follow their title (`io/bibtex/subtitles.py`), and
its type keys (`type = {phdthesis}`) are the words biblatex prints for them.

    >>> shape_item(record, {"type": "document", "title": "A Preprint"})
    {'type': 'article', 'title': 'A Preprint', 'publisher': 'arXiv', 'number': 'arXiv:2101.00001'}
"""

from __future__ import annotations

import dataclasses
import re

from refmanager.io.bibtex.subtitles import SUBTITLE_OF, joined, subtitles
from refmanager.io.bibtex.tables import FOREIGN
from refmanager.latex.decode import decode
from refmanager.model import Document, Record
from refmanager.normalize.identifiers import DOI_SYNTAX, bare_doi

# How exports name arXiv in a journal or howpublished field, with or without the identifier.
_ARXIV_VENUE = re.compile(r"^\s*arxiv(?:\s+e-prints|\s+preprint)?(?:\s*,?\s*(?:arxiv\s*:\s*)?(\S+?))?[.,]?\s*$",
                          re.IGNORECASE)
# Types a preprint is exported as: a published article keeps its journal and its type.
_PREPRINT_TYPES = {"document", "article-journal", "article", "manuscript", "report", "webpage"}
_WEB_ADDRESS = re.compile(r"^(?:\\url\{)?((?:https?://|mailto:)[^\s{}]+)\}?$")  # `\url{...}` is kept as written
# biblatex's localisation keys for `type`, as its English strings print them.
_TYPE_KEYS = {"phdthesis": "PhD thesis", "mathesis": "Master’s thesis", "candthesis": "Candidate thesis",
              "techreport": "Technical report", "resreport": "Research report",
              "software": "Computer software", "datacd": "Data CD", "audiocd": "Audio CD"}
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
             "tenth", "eleventh", "twelfth")
_EDITION_WORD = re.compile(r"^(" + "|".join(_ORDINALS) + r")(?:\s+(?:edition|ed\.?))?$", re.IGNORECASE)


def is_shaped(record: Record) -> bool:
    """Whether a record's item is shaped: the record was read from BibTeX (or keeps
    fields it had there)."""
    origin = record.origin
    return FOREIGN in record.foreign or (origin is not None and origin.format == FOREIGN)


def shape_item(record: Record, item: dict, titles: bool = True) -> dict:
    """The item (changed in place) with what the entry's verbatim fields say; with
    `titles` False, its subtitles are left for the caller to join."""
    edition = _EDITION_WORD.match(item.get("edition", ""))
    if edition:
        item["edition"] = str(_ORDINALS.index(edition.group(1).lower()) + 1)
    if item.get("genre", "").lower() in _TYPE_KEYS:
        item["genre"] = _TYPE_KEYS[item["genre"].lower()]
    if item.get("DOI"):
        _shape_doi(item)
    fields = _verbatim_fields(record)
    if not fields and "container-title" not in item and "medium" not in item:
        return item
    if titles:
        _add_subtitles(record, item)
    _shape_preprint(item, fields)
    address = _WEB_ADDRESS.match(item.get("medium", ""))
    if address and not item.get("URL"):
        del item["medium"]
        item["URL"] = address.group(1)
    return item


def _shape_doi(item: dict) -> None:
    bare = bare_doi(item["DOI"])
    if DOI_SYNTAX.fullmatch(bare):
        item["DOI"] = bare
    elif address := _WEB_ADDRESS.match(item["DOI"].strip()):
        del item["DOI"]
        item.setdefault("URL", address.group(1))


def _add_subtitles(record: Record, item: dict) -> None:
    for name, text in subtitles(record).items():
        variable = SUBTITLE_OF[name.lower()]
        item[variable] = joined(item.get(variable, ""), text)


def _verbatim_fields(record: Record) -> dict[str, str]:
    """The fields kept verbatim (raw, as written), by lower-cased name."""
    return {name.lower(): raw for name, raw in record.foreign.get(FOREIGN, {}).items()
            if not name.startswith("@")}


def _text_of(raw: str, protect: bool = False) -> str:
    """A verbatim field's value as text: its outer braces or quotes off, LaTeX decoded."""
    raw = raw.strip()
    if raw[:1] in "{\"" and raw[-1:] in "}\"":
        raw = raw[1:-1]
    return decode(raw.strip(), protect=protect)


def _shape_preprint(item: dict, fields: dict[str, str]) -> None:
    if item.get("type") not in _PREPRINT_TYPES:
        return
    venue_field, venue = _arxiv_venue(item)
    archive = _text_of(fields.get("archiveprefix") or fields.get("eprinttype") or "").lower()
    identifier = _text_of(fields.get("eprint", "")) if archive == "arxiv" else ""
    if not identifier and venue is None:
        return
    if venue_field is None and item.get("container-title"):
        return  # an article in a journal, that also has an arXiv copy: Zotero keeps the journal
    identifier = re.sub(r"^arxiv\s*:\s*", "", identifier or venue or "", flags=re.IGNORECASE)
    if venue_field is not None:
        del item[venue_field]
    item["type"] = "article"
    item.setdefault("publisher", "arXiv")
    if identifier:
        item.setdefault("number", f"arXiv:{identifier}")


def _arxiv_venue(item: dict) -> tuple[str | None, str | None]:
    """Which field names arXiv as the venue, and the identifier it gives ("" if none)."""
    for name in ("container-title", "medium"):
        match = _ARXIV_VENUE.match(item.get(name) or "")
        if match:
            return name, match.group(1) or ""
    return None, None


# What `shape_item` may change, besides the titles (their subtitles are joined elsewhere).
_SHAPED = ("type", "edition", "genre", "DOI", "URL", "publisher", "number", "medium")


def shaped_record(record: Record) -> Record:
    """The record as `shape_item` shapes its item (a copy; the record itself if nothing
    changes), for a format that cannot keep the verbatim fields that say it (RIS)."""
    before = {name: record.get(name) for name in (*_SHAPED, "container-title") if record.get(name)}
    item = shape_item(record, dict(before), titles=False)
    changed = [name for name in _SHAPED if item.get(name) != before.get(name)]
    if before.get("container-title") and "container-title" not in item:
        changed.append("container-title")  # an arXiv "journal"
    if not changed:
        return record
    copy = dataclasses.replace(record, variables=dict(record.variables))
    for name in changed:
        copy.set(name, item.get(name) or None)
    return copy


def with_records_shaped(document: Document) -> Document:
    """The document, or a copy whose BibTeX records are shaped as their items are
    (`shaped_record`); the caller's records are not changed."""
    blocks = [shaped_record(block) if isinstance(block, Record) and is_shaped(block) else block
              for block in document.blocks]
    if all(new is old for new, old in zip(blocks, document.blocks)):
        return document
    return dataclasses.replace(document, blocks=blocks)
