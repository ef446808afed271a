"""RIS for Zotero: the format Zotero imports with nothing lost (122 of 122 fields in
the measurements of `shared/research/zotero-import.md`).

`refmanager.io.ris` already writes Zotero's tag meanings per type (`C3` for the
proceedings and `T2` for the conference, `A4` translators, `SN` report numbers,
`M3` thesis and report types, `DA  - YYYY/MM/DD/`, one `KW` per keyword). What is
added here: titles keep their rich text (Zotero stores and renders `<i>`, `<b>`,
`<sup>`, `<sub>` and `<span class="nocase">` in its title fields), every type is
one Zotero's RIS import knows, and each field is checked against the Zotero type.
A field that neither the Zotero type nor the RIS type has a place for goes into
`M2` as a `name: value` line (`io.ris.extra`), which Zotero reads into Extra.
"""

from __future__ import annotations

from refmanager.io.ris import extra
from refmanager.io.ris.read import FORMAT
from refmanager.io.ris.tags import CSL_TO_RIS, NEAREST_RIS, RIS_TO_CSL, family, tag_of_variable
from refmanager.io.ris.write import write_ris
from refmanager.model import Document, Record
from refmanager.zotero.fidelity import IN_CHILD_NOTE, ZoteroExport, split_writer_notes
from refmanager.zotero.prepare import Progress, prepare
from refmanager.zotero.schema import zotero_type

#: Fields whose Zotero counterparts (title, publication, book, series titles) hold rich text.
RICH_TEXT_FIELDS = frozenset({"title", "container-title", "collection-title", "title-short"})

#: RIS type -> the Zotero type (as a CSL type) that Zotero's RIS import makes of it: the
#: research file's table (section 4.2), and the rest of RIS.js's type map.
IMPORTED_TYPES: dict[str, str] = {
    **dict.fromkeys(("JOUR", "EJOUR", "JFULL", "ABST", "GEN"), "article-journal"),
    **dict.fromkeys(("BOOK", "EBOOK", "EDBOOK", "CLSWK", "SER"), "book"),
    **dict.fromkeys(("CHAP", "ECHAP"), "chapter"),
    **dict.fromkeys(("CONF", "CPAPER"), "paper-conference"),
    **dict.fromkeys(("RPRT", "GOVDOC", "STAND"), "report"),
    **dict.fromkeys(("ELEC", "WEB"), "webpage"),
    **dict.fromkeys(("INPR", "UNPD", "MANSCPT"), "manuscript"),
    **dict.fromkeys(("MPCT", "VIDEO"), "motion_picture"),
    **dict.fromkeys(("PCOMM", "ICOMM"), "personal_communication"),
    "THES": "thesis", "MGZN": "article-magazine", "NEWS": "article-newspaper",
    "BLOG": "post-weblog", "DATA": "dataset", "COMP": "software", "DICT": "entry-dictionary",
    "ENCYC": "entry-encyclopedia", "ART": "graphic", "MAP": "map", "PAT": "patent",
    "CASE": "legal_case", "BILL": "bill", "STAT": "legislation", "HEAR": "bill",
    "SLIDE": "speech", "SOUND": "song",
}

#: Fields that RIS.js puts into Extra where the Zotero type has no place for them.
INTO_EXTRA = frozenset({"DOI"})


def lands_in_extra(record: Record, name: str) -> bool:
    """Whether RIS.js puts the field into Extra: a DOI, and a field that `write_ris`
    carries as a `name: value` line in M2 (its type has no tag for it), which RIS.js
    reads into Extra, where Zotero cites it."""
    return name in INTO_EXTRA or (name not in tag_of_variable(family(record.type))
                                  and extra.can_carry(name))
KEYS_NOT_KEPT = "Zotero's RIS import ignores ID: citation keys are not kept"


def export_ris(document: Document, progress: Progress | None = None) -> ZoteroExport:
    """The document as RIS for Zotero, with what will not survive the import."""
    prepared, losses, notes = prepare(document, ris_typing, IN_CHILD_NOTE, lands_in_extra,
                                      progress=progress, writable=has_tag)
    written = write_ris(prepared, keep_markup=RICH_TEXT_FIELDS)
    unwritten, others = split_writer_notes(written.problems, {record.key for record in prepared.records})
    return ZoteroExport(document.path, FORMAT, written.text, len(prepared.records),
                        losses + unwritten, [KEYS_NOT_KEPT], notes + others)


def ris_typing(record: Record) -> tuple[str, str]:
    """The CSL type to write a record as, and the Zotero type its RIS type imports as.
    A type whose RIS code Zotero does not know is written as its nearest Zotero type."""
    code = ris_code(record)
    if code in IMPORTED_TYPES:
        return record.type, IMPORTED_TYPES[code]
    nearest = zotero_type(record.type)
    return nearest, IMPORTED_TYPES.get(CSL_TO_RIS.get(nearest, "GEN"), "article-journal")


def has_tag(record: Record, name: str) -> bool:
    """Whether `write_ris` has a tag for the field in the record's type."""
    return name == "keyword" or name in tag_of_variable(family(record.type))


def ris_code(record: Record) -> str:
    """The RIS type `write_ris` gives the record: the source's own while it fits."""
    origin = record.origin
    source = origin.entry_type.upper() if origin and origin.format == FORMAT else ""
    if source and RIS_TO_CSL.get(source, "document") == record.type:
        return source
    return CSL_TO_RIS.get(record.type) or NEAREST_RIS.get(record.type, "GEN")
