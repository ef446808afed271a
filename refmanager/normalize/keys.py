"""Comparison keys: the forms of a record that the dedupe stage blocks and compares on.

Normalization computes them already (folded titles, family names with their
particles, venue clusters, identifiers without their decoration), so they live
here, once: `comparison_keys(record)` gives a `RecordKeys`.

    >>> keys = comparison_keys(record)
    >>> keys.title, keys.families, keys.venue, keys.year, keys.doi
    ('soft power the means to success in world politics', ('nye',), 'public affairs', 2004, '')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stdnum import isbn as isbn_numbers
from stdnum import issn as issn_numbers

from refmanager import richtext
from refmanager.model import Record
from refmanager.normalize.identifiers import arxiv_id, doi_key
from refmanager.normalize.journals import shipped_journals, title_key
from refmanager.normalize.name_parts import fold
from refmanager.normalize.venues import JOURNAL_TYPES, venue_series_key

_NUMBER_CANDIDATE = re.compile(r"[0-9Xx][0-9Xx\- ]{6,}[0-9Xx]")


@dataclass(frozen=True, slots=True)
class RecordKeys:
    """What two records are compared on; empty where the record has nothing."""

    title: str  # plain, accents, case and punctuation folded away
    families: tuple[str, ...]  # each author's (else editor's) family name with its particles, folded
    venue: str  # one key per journal (its list title) or conference series (its acronym)
    year: int | None
    doi: str  # bare and case-folded
    isbns: tuple[str, ...]  # as compact ISBN-13s
    issns: tuple[str, ...]  # as compact ISSNs
    arxiv: str  # the e-print id without its version
    pmid: str


def folded_title(title: str) -> str:
    """A title as two spellings of it compare: no markup, accents, case or punctuation."""
    return " ".join(fold(richtext.plain(title)).split())


def family_names(record: Record) -> tuple[str, ...]:
    """The folded family names (particles included) of the authors, or of the editors."""
    names = record.creators.get("author") or record.creators.get("editor") or []
    return tuple(fold(name.literal or " ".join(filter(None, (name.non_dropping_particle, name.family))))
                 for name in names)


def venue_key(record: Record) -> str:
    """The venue's cluster: a journal's key in the shipped list (abbreviations
    resolved), else the conference series key."""
    title = richtext.plain(record.container_title)
    if not title:
        return ""
    if record.type in JOURNAL_TYPES:
        journals = shipped_journals()
        journal = journals.preferred(title)
        if journal is None:
            expansions = journals.expansions(title)
            journal = expansions[0] if len(expansions) == 1 else None
        return "journal:" + title_key(journal.title if journal else title)
    return "series:" + venue_series_key(title)


def standard_numbers(text: str, numbers, compact) -> tuple[str, ...]:
    found = []
    for candidate in _NUMBER_CANDIDATE.findall(text):
        if numbers.is_valid(candidate):
            found.append(compact(candidate))
    return tuple(found)


def comparison_keys(record: Record) -> RecordKeys:
    """Every comparison key of a record."""
    issued = record.issued
    eprint = arxiv_id(record.number) or arxiv_id(record.url) if (record.number or "arxiv" in record.url) else ""
    return RecordKeys(
        title=folded_title(record.title), families=family_names(record), venue=venue_key(record),
        year=issued.year if issued else None, doi=doi_key(record.doi) if record.doi else "",
        isbns=standard_numbers(record.isbn, isbn_numbers, lambda number: isbn_numbers.to_isbn13(isbn_numbers.compact(number))),
        issns=standard_numbers(record.issn, issn_numbers, issn_numbers.compact),
        arxiv=re.sub(r"v\d+$", "", eprint), pmid=record.pmid.strip(),
    )
