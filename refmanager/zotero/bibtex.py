"""BibTeX that Zotero's BibTeX import (BibTeX.js) reads back whole.

The choices come from the measurements in `shared/research/zotero-import.md`
(sections 4.1 and 5.2): UTF-8 rather than accent macros (nested accents break);
`language` as an ISO code (Zotero ignores `langid`); only entry types BibTeX.js
knows (an unknown type makes the whole record vanish); `journal` or `booktitle`,
never both `journal` and `journaltitle`; `year`/`month`/`day` (Zotero keeps the
day); `@online` with the site in `booktitle` for web pages; `eventtitle`,
`shortjournal`, `pagetotal`, `urldate`; superscripts as `$^{...}$` (Zotero's rich
text); each entry's `@type{key,` on a line of its own. Names come with particles
where Zotero puts them. What BibTeX.js drops goes into `note`, which Zotero keeps
as a child note. Values are encoded by `refmanager.latex.encode`, names by the
BibTeX writer's `format_names`.
"""

from __future__ import annotations

import re

from refmanager import richtext
from refmanager.dates import MONTH_ABBREVIATIONS
from refmanager.io.base import FieldOrder
from refmanager.io.bibtex.names import format_names
from refmanager.io.bibtex.scan import KEY, KEY_UNUSABLE
from refmanager.latex.encode import encode
from refmanager.model import SOURCE_TYPE, DateValue, Document, FieldValue, Name, Record
from refmanager.zotero.fidelity import CHANGED, IN_CHILD_NOTE, LOST, Loss, ZoteroExport
from refmanager.zotero.prepare import Progress, field_text, loss, prepare
from refmanager.zotero.schema import zotero_type

FORMAT = "bibtex"

#: Zotero type (as a CSL type) -> the entry type that BibTeX.js imports as that type, or nearest.
ENTRY_TYPES = {
    "article-journal": "article", "article-magazine": "article", "article-newspaper": "article",
    "book": "book", "chapter": "incollection", "entry-encyclopedia": "inreference",
    "entry-dictionary": "inreference", "paper-conference": "inproceedings", "thesis": "thesis",
    "report": "techreport", "webpage": "online", "post-weblog": "online", "post": "online",
    "manuscript": "unpublished", "patent": "patent", "legal_case": "jurisdiction",
    "legislation": "legislation", "bill": "legislation", "motion_picture": "movie",
    "song": "audio", "software": "software", "graphic": "artwork",
    "personal_communication": "letter",
}
#: Entry type -> the Zotero type BibTeX.js makes of it (research file, section 4.1).
IMPORTED_TYPES = {
    "article": "article-journal", "book": "book", "incollection": "chapter",
    "inreference": "entry-encyclopedia", "inproceedings": "paper-conference", "thesis": "thesis",
    "techreport": "report", "online": "webpage", "unpublished": "manuscript", "patent": "patent",
    "jurisdiction": "legal_case", "legislation": "bill", "movie": "motion_picture",
    "audio": "song", "software": "software", "artwork": "graphic",
    "letter": "personal_communication", "misc": "document",
}
# CSL names of what BibTeX.js reads, wherever the entry type does not decide.
_FIELDS = {
    "title": "title", "title-short": "shorttitle", "volume": "volume", "edition": "edition",
    "publisher-place": "address", "DOI": "doi", "ISBN": "isbn", "ISSN": "issn", "URL": "url",
    "abstract": "abstract", "language": "language", "note": "note", "collection-title": "series",
    "genre": "type", "number-of-pages": "pagetotal", "event-title": "eventtitle",
    "version": "version", "chapter-number": "chapter", "container-title-short": "shortjournal",
    "page": "pages", "PMID": "pmid", "PMCID": "pmcid", "accessed": "urldate",
    "author": "author", "editor": "editor", "translator": "translator",
}
_PUBLISHER = {"thesis": "school", "techreport": "institution"}
#: A BibTeX source's own fields that BibTeX.js reads and the model does not hold: written
#: as they were (section 4.1: attachments, child notes, Extra lines, a few Zotero fields).
PASSED_THROUGH = frozenset({
    "file", "pdf", "annote", "comment", "review", "eprint", "eprinttype", "lccn", "mrnumber",
    "zmnumber", "copyright", "nationality", "assignee", "howpublished", "organization",
})
#: Fields that BibTeX.js turns into lines of Extra where the Zotero type has no place for them.
INTO_EXTRA = frozenset({"PMID", "PMCID", "DOI"})
_FIELD_ORDER = FieldOrder(
    "names", "title", "title-short", "container-title", "container-title-short", "event-title",
    "collection-title", "collection-number", "volume", "issue", "number", "page", "edition",
    "publisher", "publisher-place", "genre", "date", "DOI", "ISBN", "ISSN", "URL", "PMID",
    "language", "keywords", "text", "abstract", "note")
# Characters Zotero's BibTeX import has no escape for (section 4.1, "Characters that
# BibTeX cannot carry"); `{` and `}` come back whole as `\{` and `\}`.
_UNREADABLE = re.compile(r"[$~\\]")
_BRACE_OR_BACKSLASH = re.compile(r"[{}\\]")
# A line of a value that begins with "@" would read as a new entry (Zotero's detection and
# refmanager's reader alike); "{@}" does not, and BibTeX.js drops the braces.
_ENTRY_LIKE_LINE = re.compile(r"^([ \t]*)@", re.M)
KEYS_NOT_KEPT = "Zotero's BibTeX import does not keep citation keys"


def export_bibtex(document: Document, progress: Progress | None = None) -> ZoteroExport:
    """The document as BibTeX for Zotero, with what will not survive the import."""
    prepared, losses, notes = prepare(document, bibtex_typing, IN_CHILD_NOTE, INTO_EXTRA, progress=progress)
    entries = []
    for record in prepared.records:
        entry = _Entry(record, losses)
        entries.append(entry.text())
    return ZoteroExport(document.path, FORMAT, "\n".join(entries), len(entries), losses,
                        [KEYS_NOT_KEPT], notes)


def entry_type(record: Record) -> str:
    """The entry type to write: the one BibTeX.js imports as the record's Zotero type."""
    return ENTRY_TYPES.get(zotero_type(record.type), "misc")


def bibtex_typing(record: Record) -> tuple[str, str]:
    """The record's type as it is (the entry type says it), and what BibTeX.js makes of it."""
    return record.type, IMPORTED_TYPES[entry_type(record)]


class _Entry:
    """One record as a BibTeX entry for Zotero, and the losses on the way."""

    def __init__(self, record: Record, losses: list[Loss]):
        self.record, self.losses = record, losses
        self.kind = entry_type(record)
        self.fields: list[tuple[str, str]] = []
        self.note_lines: list[str] = []

    def text(self) -> str:
        for name, kind, value in _FIELD_ORDER.items_of(self.record):
            self.add(name, kind, value)
        self.add_foreign()
        if self.note_lines or "\n" in self.record.note:
            # Paragraphs: a single line break would be LaTeX's \\, which Zotero keeps as it is.
            lines = (self.record.note.split("\n") if self.record.note else []) + self.note_lines
            self.fields = [field for field in self.fields if field[0] != "note"]
            self.fields.append(("note", "{" + _encoded("\n\n".join(lines), page=False) + "}"))
        body = "".join(f"  {name} = {value},\n" for name, value in self.fields)
        return f"@{self.kind}{{{_usable_key(self.record.key)},\n{body}}}\n"

    def lose(self, name: str, fate: str, detail: str) -> None:
        self.losses.append(loss(self.record, name, fate, detail))

    def add(self, name: str, kind: str, value: FieldValue) -> None:
        field_name = self.field_name(name)
        if kind == "date" and name == "issued":
            self.add_issued(value)
        elif field_name is None:
            self.note_lines.append(f"{name}: {field_text(kind, value)}")
            self.lose(name, IN_CHILD_NOTE, "BibTeX.js reads no field for it; written in the note")
        elif kind == "names":
            self.add_names(field_name, value)
        elif kind == "keywords":
            self.add_keywords(value)
        elif kind == "date":
            self.fields.append((field_name, "{" + field_text(kind, value) + "}"))
        else:
            self.add_text(name, field_name, value)

    def add_foreign(self) -> None:
        """Fields of a source the model does not hold: BibTeX's own that BibTeX.js reads
        (`file` becomes an attachment, `eprint` an Extra line) as they were; the rest reported."""
        written = {name for name, _ in self.fields}
        for source, values in self.record.foreign.items():
            for name, raw in values.items():
                lowered = name.partition("@")[0].lower()
                if name == SOURCE_TYPE or (source == FORMAT and lowered == "crossref"):
                    continue  # the type is chosen anew; the crossref is resolved already
                if source == FORMAT and lowered in PASSED_THROUGH and lowered not in written:
                    self.fields.append((lowered, raw))
                    written.add(lowered)
                else:
                    self.lose(f"{source}:{name}", LOST, "Zotero's BibTeX import has no field for it")

    def field_name(self, name: str) -> str | None:
        kind = self.kind
        if name == "container-title":
            return "journal" if kind == "article" else "booktitle"
        if name == "issue":
            return "number" if kind == "article" else "issue"
        if name == "number":  # BibTeX.js: a report's or patent's number
            return "number" if kind in ("techreport", "patent") else None
        if name == "collection-number":  # BibTeX.js: a book's or chapter's series number
            return "number" if kind in ("book", "incollection") else None
        if name == "publisher":
            return _PUBLISHER.get(kind, "publisher")
        if name == "keyword":
            return "keywords"
        return _FIELDS.get(name)

    def add_names(self, field_name: str, names: list[Name]) -> None:
        # Zotero's places for particles (zotero/zotero PR #848): a dropping particle at
        # the end of the given name, so that "Beethoven, Ludwig van" reads as Zotero holds it.
        # A name is one line: a line break in it could start a line with "@", a new entry.
        folded = [Name(family=_one_line(name.family),
                       given=_one_line(f"{name.given} {name.dropping_particle}"),
                       non_dropping_particle=_one_line(name.non_dropping_particle),
                       suffix=_one_line(name.suffix), literal=_one_line(name.literal))
                  for name in names]
        value, _ = format_names(folded)
        self.fields.append((field_name, "{" + value + "}"))

    def add_keywords(self, keywords: list[str]) -> None:
        for keyword in keywords:
            if "," in keyword or ";" in keyword:
                self.lose("keyword", CHANGED, f"{keyword!r} splits into several tags at ',' or ';'")
        self.fields.append(("keywords", "{" + _encoded(", ".join(keywords), page=False) + "}"))

    def add_text(self, name: str, field_name: str, value: str) -> None:
        if name in ("URL", "DOI") and not _BRACE_OR_BACKSLASH.search(value):
            self.fields.append((field_name, "{" + value + "}"))  # read raw by BibTeX.js
            return
        if name in ("URL", "DOI"):  # escaped, so that it cannot end the field early
            self.lose(name, CHANGED, "BibTeX.js reads URLs and DOIs raw: its braces or backslashes "
                      "arrive escaped")
        self.check_characters(name, value)
        self.fields.append((field_name, "{" + _encoded(value, name == "page") + "}"))

    def check_characters(self, name: str, value: str) -> None:
        text = richtext.plain(value)
        if found := sorted(set(_UNREADABLE.findall(text))):
            shown = " ".join(repr(char) for char in found)
            self.lose(name, CHANGED, f"BibTeX.js reads no escape of {shown} back; RIS carries it")
        if richtext.NOCASE_OPEN in value:
            self.lose(name, CHANGED, "BibTeX.js drops case protection ({...}); RIS keeps it")
        if richtext.SUBSCRIPT_OPEN in value:
            self.lose(name, CHANGED, "a subscript becomes a Unicode subscript character")

    def add_issued(self, date: DateValue) -> None:
        if date.literal or not date.parts:
            self.fields.append(("year", "{" + encode(date.literal) + "}"))
            return
        if len(date.parts) > 1 or date.circa or date.season:
            what = "a range" if len(date.parts) > 1 else "approximate" if date.circa else "a season"
            self.lose("issued", CHANGED, f"the date is {what}; Zotero gets its first day only")
        year, *rest = date.parts[0]
        self.fields.append(("year", "{" + str(year) + "}"))
        if rest:
            self.fields.append(("month", list(MONTH_ABBREVIATIONS)[rest[0] - 1]))
        if len(rest) > 1:
            self.fields.append(("day", "{" + str(rest[1]) + "}"))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _usable_key(key: str) -> str:
    """The key, with what a BibTeX key cannot hold replaced (Zotero does not keep it anyway)."""
    return key if KEY.fullmatch(key) else re.sub(KEY_UNUSABLE, "_", key) or "key"


def _encoded(value: str, page: bool) -> str:
    """Rich text as BibTeX for Zotero: superscripts and subscripts in math mode, which
    BibTeX.js turns into `<sup>` and a subscript character; the rest by `encode`."""
    value = re.sub(r"<sup>([^<>$]*)</sup>", r"$^{\1}$", value)
    value = re.sub(r"<sub>([^<>$]*)</sub>", r"$_{\1}$", value)
    text = _ENTRY_LIKE_LINE.sub(r"\1{@}", encode(value))  # braced, no line of a value starts an entry
    return text.replace("\u2013", "--") if page else text
