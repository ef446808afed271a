"""Reconciling a citation statement with the article it cites, as `Change`s.

The statement (parsed by `references.parse_reference`) is the starting record;
each step compares one of its fields with what the document itself states and,
where they differ, makes a `Change` with the rule, the evidence (the document's
line) and a confidence. Nothing is corrected without evidence from the document:
a field the document does not state is left as the statement has it.

The steps, in order: authors (`author_corrections`), title, journal, volume,
issue, pages, year, DOI. Fields a statement never holds (keywords, abstract,
the received and accepted dates, ISSN) are added from the document without a
change record, since nothing was wrong with the statement there.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field

from refmanager.changes import Change
from refmanager.ingest import proper_nouns
from refmanager.ingest.author_corrections import correct_authors
from refmanager.ingest.frontmatter import FrontMatter
from refmanager.ingest.header import DOI
from refmanager.ingest.name_match import fold
from refmanager.model import DateValue, Record, RecordId

#: Where the record keeps a statement title that differs from the document's (CSL-JSON `custom`).
TITLE_VARIANT = "statement-title"
_STOP_WORDS = frozenset("of the and for in on at to a an de la del des du y et und der die das & -".split())
_PAGE_RANGE = re.compile(r"(e?\d+)\s*(?:[-‐‑–—]+|\s+to\s+)\s*(e?\d+)")
_WRITTEN_DOI = re.compile(r"(?:https?://(?:dx\.)?doi\.org/|doi\s*:\s*|doi\s+)?10\.\d{4,9}/[^\s\"<>]+", re.I)


@dataclass(slots=True)
class Reconciliation:
    """The corrected record, the changes from the statement to it, and what was left alone."""

    record: Record
    changes: list[Change] = field(default_factory=list)
    title_variants: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def reconcile(stated: Record, document: FrontMatter, statement_text: str, record_id: RecordId) -> Reconciliation:
    """The statement corrected from the document (see the module docstring)."""
    record = as_written(stated, statement_text)
    result = Reconciliation(record)
    authors, changes, notes = correct_authors(record.authors, document.authors, statement_text, record_id)
    result.changes += changes
    result.notes += notes
    record.set("author", authors)
    for step in (_title, _journal, _numbers, _pages, _year, _doi):
        for change in step(record, document, record_id, result):
            result.changes.append(change)
            record.set(change.field, change.new)
    _add_what_statements_never_hold(record, document)
    return result


def as_written(stated: Record, statement_text: str) -> Record:
    """The parsed statement with its page range and DOI as the statement writes them,
    so that each change starts from what the reader saw."""
    record = copy.deepcopy(stated)
    if record.page:
        start = re.match(r"e?\d+", record.page)
        for match in _PAGE_RANGE.finditer(statement_text):
            if start and match.group(1) == start.group(0):
                record.page = match.group(0)
                break
    written_doi = _WRITTEN_DOI.search(statement_text)
    if record.doi and written_doi and record.doi.lower() in written_doi.group(0).lower():
        record.doi = written_doi.group(0).rstrip(".,;")
    return record


def _title(record: Record, document: FrontMatter, record_id: RecordId, result: Reconciliation) -> list[Change]:
    stated, own = record.plain("title").rstrip("."), document.title.rstrip(".")
    evidence = f"article heading (line {document.title_line}): {document.title}"
    if not own or (own.isupper() and fold(own) == fold(stated)):
        # No title, or one in capitals that says nothing of case: the statement's
        # words stand, with the proper nouns the document capitalises.
        return _proper_nouns(record, "title", document, record_id)
    if not stated:
        return [Change(record_id, "title", record.title, own, "FillFromDocument", evidence, 1.0)]
    if own == stated:
        return []
    if fold(own) == fold(stated):
        return [Change(record_id, "title", record.title, own, "TitleFromDocument",
                       evidence + "; the statement differs in case only", 1.0)]
    result.title_variants.append(stated)
    record.foreign.setdefault("csljson", {})[TITLE_VARIANT] = _json_text(stated)
    return [Change(record_id, "title", record.title, own, "KeepDocumentTitle",
                   evidence + f"; the statement's title is kept as a variant: {stated}", 0.9)]


def _journal(record: Record, document: FrontMatter, record_id: RecordId, result: Reconciliation) -> list[Change]:
    own = document.header.fields.get("container-title", "")
    stated = record.plain("container-title").rstrip(".")
    if not own:
        return _proper_nouns(record, "container-title", document, record_id)
    evidence = document.header.evidence["container-title"]
    if not stated:
        return [Change(record_id, "container-title", record.container_title, own, "FillFromDocument", evidence, 1.0)]
    if stated == own:
        return []
    if fold(stated) == fold(own):
        return [Change(record_id, "container-title", record.container_title, own, "JournalFromDocument",
                       evidence + "; the statement differs in case or accents only", 1.0)]
    if is_abbreviation(stated, own):
        return [Change(record_id, "container-title", record.container_title, own, "ExpandJournalTitle",
                       evidence + f"; '{stated}' abbreviates it", 0.95)]
    return [Change(record_id, "container-title", record.container_title, own, "JournalFromDocument",
                   evidence + "; the document names its own journal", 0.8)]


def is_abbreviation(short: str, full: str) -> bool:
    """Whether `short` abbreviates `full` word by word (`J. Appl. Behav. Stud.`, `Asian J Soc Sci`):
    each short word starts the full word in its place and keeps its letters in order."""
    short_words = [word for word in fold(short).split() if word not in _STOP_WORDS]
    full_words = [word for word in fold(full).split() if word not in _STOP_WORDS]
    return len(short_words) == len(full_words) and any(
        len(s) < len(f) for s, f in zip(short_words, full_words)) and all(
        s[0] == f[0] and _in_order(s, f) for s, f in zip(short_words, full_words))


def _in_order(letters: str, word: str) -> bool:
    remaining = iter(word)
    return all(letter in remaining for letter in letters)


def _numbers(record: Record, document: FrontMatter, record_id: RecordId, result: Reconciliation) -> list[Change]:
    changes = []
    for name in ("volume", "issue"):
        own, stated = document.header.fields.get(name, ""), record.get(name)
        if not own or own == stated:
            continue
        evidence = document.header.evidence[name]
        if not stated:
            changes.append(Change(record_id, name, stated, own, "FillFromDocument",
                                  f"{evidence}; the statement gives no {name}", 1.0))
        else:
            changes.append(Change(record_id, name, stated, own, "NumberFromDocument", evidence, 0.9))
    return changes


def _pages(record: Record, document: FrontMatter, record_id: RecordId, result: Reconciliation) -> list[Change]:
    changes, stated = [], record.page
    if stated:
        expanded = expand_page_range(stated)
        if expanded != stated:
            written = _PAGE_RANGE.fullmatch(stated.strip())
            abbreviated = len(written.group(2)) < len(written.group(1))
            rule = "ExpandPageRange" if abbreviated else "PageRangeDash"
            why = "the end page in full, with an en dash" if abbreviated else "an en dash between pages"
            changes.append(Change(record_id, "page", stated, expanded, rule, f"page ranges take {why}", 1.0))
            stated = expanded
    own = expand_page_range(document.header.fields.get("page", ""))
    if own and own != stated:
        evidence = document.header.evidence["page"]
        rule, confidence = ("FillFromDocument", 1.0) if not stated else ("PagesFromDocument", 0.9)
        changes.append(Change(record_id, "page", stated, own, rule, evidence, confidence))
    return changes


def expand_page_range(pages: str) -> str:
    """`201-19` -> `201–219`, `31-34` -> `31–34`; other text unchanged."""
    match = _PAGE_RANGE.fullmatch(pages.strip())
    if not match:
        return pages
    start, end = match.groups()
    digits_start, digits_end = start.lstrip("e"), end.lstrip("e")
    if len(digits_end) < len(digits_start):
        candidate = digits_start[:len(digits_start) - len(digits_end)] + digits_end
        if int(candidate) >= int(digits_start):
            end = ("e" if start.startswith("e") else "") + candidate  # e1234-9: e1239
    return f"{start}–{end}"


def _year(record: Record, document: FrontMatter, record_id: RecordId, result: Reconciliation) -> list[Change]:
    years = _publication_years(document)
    if not years:
        return []
    stated = record.issued
    if stated is not None and stated.year in {year for year, _ in years}:
        return []  # an article online in December and in the next year's issue has two right years
    year, evidence = years[0]
    new = DateValue(((year,),))
    if stated is None or stated.year is None:
        return [Change(record_id, "issued", stated, new, "FillFromDocument", evidence, 1.0)]
    return [Change(record_id, "issued", stated, new, "CorrectYear",
                   f"{evidence}; the statement says {stated.year}", 0.9)]


def _publication_years(document: FrontMatter) -> list[tuple[int, str]]:
    """The years the document says it appeared in, with where it says so: the issue's
    year first (the one citations give), then the publication and online dates."""
    years = []
    if document.header.fields.get("year"):
        years.append((int(document.header.fields["year"]), document.header.evidence["year"]))
    for kind in ("published", "available-online"):
        stated = document.date(kind)
        if stated and stated.value and stated.value.year:
            years.append((stated.value.year, f"line {stated.line}: {kind.replace('-', ' ')} {stated.written}"))
    return years


def _doi(record: Record, document: FrontMatter, record_id: RecordId, result: Reconciliation) -> list[Change]:
    changes, stated = [], record.doi
    bare = DOI.search(stated)
    if stated and bare and bare.group(1) != stated:
        changes.append(Change(record_id, "DOI", stated, bare.group(1), "NormalizeDoi",
                              "a DOI is stored without its resolver or 'doi:' prefix", 1.0))
        stated = bare.group(1)
    own = document.header.fields.get("DOI", "")
    if own and own != stated:
        evidence = document.header.evidence["DOI"]
        if not stated:
            rule, confidence = "FillFromDocument", 1.0
        elif own.lower() == stated.lower():
            rule, confidence, evidence = "DoiFromDocument", 1.0, evidence + "; the same DOI, as the publisher writes it"
        else:
            rule, confidence = "DoiFromDocument", 0.9
        changes.append(Change(record_id, "DOI", stated, own, rule, evidence, confidence))
    return changes


def _proper_nouns(record: Record, name: str, document: FrontMatter, record_id: RecordId) -> list[Change]:
    text = record.get(name)
    fixed, words = proper_nouns.restore(text, document.body_text)
    if not words:
        return []
    evidence = "the document writes " + ", ".join(f"'{word}'" for word in words) + " capitalised, never in lower case"
    return [Change(record_id, name, text, fixed, "ProperNounCase", evidence, 0.85)]


def _add_what_statements_never_hold(record: Record, document: FrontMatter) -> None:
    own = document.record()
    record.type = record.type if record.type != "document" else own.type
    record.keywords = record.keywords or own.keywords
    record.abstract = record.abstract or own.abstract
    record.issn = record.issn or own.issn
    for variable, value in own.dates.items():
        record.dates.setdefault(variable, value)
    for name, value in own.foreign.get("csljson", {}).items():
        record.foreign.setdefault("csljson", {}).setdefault(name, value)


def _json_text(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # foreign["csljson"] holds JSON text, as its reader stores it
