"""Records made ready for Zotero, whatever the format: crossrefs resolved, languages
as ISO codes, and each field that the Zotero item type has no place for moved
into the note as a `name: value` line (Zotero keeps the note: in Extra from
CSL-JSON, as a child note from RIS and BibTeX), with a `Loss` saying so.

The caller's document is never changed: records are copied, and every copy
counts as changed, so that writers generate it anew rather than repeat its source.
"""

from __future__ import annotations

import dataclasses
from typing import Callable

from refmanager import richtext
from refmanager.dates import format_iso_date
from refmanager.errors import Problem
from refmanager.io.bibtex.crossref import without_crossrefs
from refmanager.io.bibtex.subtitles import join_subtitles
from refmanager.model import DateValue, Document, FieldValue, Name, Record
from refmanager.normalize.identifiers import DOI_SYNTAX, bare_doi, is_web_address
from refmanager.normalize.languages import language_code
from refmanager.zotero.fidelity import CHANGED, IN_EXTRA, Loss
from refmanager.zotero.schema import holds, zotero_type

#: For a record: the CSL type to write it as, and the Zotero type (as a CSL type) that
#: the target format's import makes of that.
Typing = Callable[[Record], "tuple[str, str]"]
#: Whether the format can write a field (by its CSL name) of a record, as it will be typed.
Writable = Callable[[Record, str], bool]
#: Told how many records were done since it was last called.
Progress = Callable[[int], None]
PROGRESS_STEP = 500


def prepare(document: Document, typing: Typing, note_fate: str,
            into_extra: frozenset[str] | Writable = frozenset(), progress: Progress | None = None,
            writable: Writable | None = None) -> tuple[Document, list[Loss], list[Problem]]:
    """A copy of the document's records for Zotero, the losses the preparation saw,
    and notes on what crossref children inherit and on the blocks left out.

    `typing` says how the target format types a record (see `Typing`);
    `note_fate` is what the format's note turns into in Zotero; `into_extra`
    names fields that the format's import puts into Extra itself where the Zotero
    type has no place for them (`DOI: ...`, `PMID: ...`), or says so of a field of
    a record (`into_extra(record, name)`, the record as it will be typed); `progress`, if
    given, is told how many records were done since its last call; a field that
    `writable(record, name)` says the format cannot write goes into the note too.
    """
    resolved, notes = without_crossrefs(document, "Zotero")
    losses: list[Loss] = []
    records = []
    for record in resolved.records:
        written_type, zotero = typing(record)
        written = dataclasses.replace(record, type=written_type)
        has_place = _has_place(zotero, writable, written)
        in_extra = ((lambda name, written=written: into_extra(written, name)) if callable(into_extra)
                    else into_extra.__contains__)
        records.append(_prepared_record(record, written_type, zotero, note_fate, has_place,
                                        in_extra, losses, document.strings))
        if progress is not None and len(records) % PROGRESS_STEP == 0:
            progress(PROGRESS_STEP)
    if progress is not None and len(records) % PROGRESS_STEP:
        progress(len(records) % PROGRESS_STEP)
    others = sum(1 for block in resolved.blocks if not isinstance(block, Record) and block.text.strip())
    if others:
        # Comments and @string blocks are not records: Zotero has nothing to hold them
        # (the macros are already expanded into the records that use them).
        notes.append(Problem(document.path, 0, f"{others} block(s) that are not records "
                             "(comments, @string, text) are not exported", "warning"))
    return dataclasses.replace(resolved, blocks=records), losses, notes


def loss(record: Record, name: str, fate: str, detail: str) -> Loss:
    """A loss about a record, located where it was read."""
    origin = record.origin
    path, line = (origin.path, origin.line) if origin else (f"<record {record.key}>", 0)
    return Loss(record.key, path, line, name, fate, detail)


def _has_place(zotero: str, writable: Writable | None,
               written: Record) -> Callable[[str, str], "str | None"]:
    """`has_place(name, kind)`: None when the field reaches Zotero, else why not."""
    def has_place(name: str, kind: str) -> str | None:
        if not holds(zotero, name, kind):
            return f"a Zotero {zotero} has no field for it"
        if writable is not None and not writable(written, name):
            return "the format has no place for it"
        return None
    return has_place


def _prepared_record(record: Record, written_type: str, zotero: str, note_fate: str,
                     has_place: Callable[[str, str], "str | None"], in_extra: Callable[[str], bool],
                     losses: list[Loss], strings: dict[str, str]) -> Record:
    origin = dataclasses.replace(record.origin, fingerprint=0) if record.origin else None
    copy = dataclasses.replace(record, type=written_type, origin=origin,
                               creators=dict(record.creators), dates=dict(record.dates),
                               variables=dict(record.variables), keywords=list(record.keywords))
    join_subtitles(copy, strings)  # as Zotero's BibTeX import joins them
    _article_number_as_pages(copy, zotero)
    moved = _doi_for_zotero(copy, losses, note_fate)
    if zotero != record.type:
        why = " (Zotero has no such type)" if record.type != zotero_type(record.type) else ""
        losses.append(loss(record, "type", CHANGED, f"{record.type!r} becomes a Zotero {zotero}{why}"))
    if copy.language and (found := language_code(copy.language)):
        copy.language = found[0]  # Zotero keeps the language verbatim: a code serves citing best
    for name, kind, value in copy.items():
        why = has_place(name, kind)
        if why is not None and in_extra(name):
            losses.append(loss(record, name, IN_EXTRA, f"{why}; the import puts it into Extra"))
        elif why is not None:
            moved.append(f"{name}: {field_text(kind, value)}")
            copy.set(name, None)
            losses.append(loss(record, name, note_fate, f"{why}; written in the note"))
    if moved:
        copy.note = "\n".join([copy.note, *moved] if copy.note else moved)
    if record.note and note_fate != IN_EXTRA:  # CSL's note is Zotero's Extra: elsewhere, moved
        losses.append(loss(record, "note", note_fate, "the format's note field becomes one"))
    return copy


def _article_number_as_pages(record: Record, zotero: str) -> None:
    """An article number (BibTeX `eid`, RIS `C7`) in Pages, where Zotero keeps it: a
    Zotero journal article has no number field, and its BibTeX import ignores `eid`."""
    if zotero == "article-journal" and record.get("number") and not record.get("page"):
        record.set("page", record.get("number"))
        record.set("number", None)


def _doi_for_zotero(record: Record, losses: list[Loss], note_fate: str) -> list[str]:
    """The DOI bare (`https://doi.org/` off: styles print their own); a web address
    in the DOI field that is no DOI (a handle) becomes the URL, or goes into the note
    when the record has a URL. The note's lines, if any."""
    if not record.doi:
        return []
    bare = bare_doi(record.doi)
    if DOI_SYNTAX.fullmatch(bare):
        record.set("DOI", bare)
        return []
    address = record.doi.strip()
    if not is_web_address(address):
        return []
    record.set("DOI", None)
    if not record.url:
        record.set("URL", address)
        losses.append(loss(record, "DOI", CHANGED, f"{address!r} is a web address, not a DOI: it is the URL"))
        return []
    losses.append(loss(record, "DOI", note_fate, f"{address!r} is a web address, not a DOI; written in the note"))
    return [f"DOI field: {address}"]


def field_text(kind: str, value: FieldValue) -> str:
    """A field's value as one line of text, for a `name: value` line in the note."""
    if kind == "names":
        return "; ".join(_name_text(name) for name in value)
    if kind == "date":
        return _date_text(value)
    if kind == "keywords":
        return ", ".join(value)
    return richtext.plain(str(value)).replace("\n", " ")


def _name_text(name: Name) -> str:
    if name.literal:
        return name.literal
    family = " ".join(part for part in (name.non_dropping_particle, name.family) if part)
    given = " ".join(part for part in (name.given, name.dropping_particle) if part)
    text = f"{family}, {given}" if given else family
    return f"{text}, {name.suffix}" if name.suffix else text


def _date_text(date: DateValue) -> str:
    return date.literal or format_iso_date(date) or ""
