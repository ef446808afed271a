"""Venues: journal titles from the shipped list, spelling variants of one venue
brought together, and the series key that makes `Proc. of ACL`, `ACL 2019` and
`Proceedings of the 57th Annual Meeting of the Association for Computational
Linguistics` one series.

Journal titles: an abbreviation that stands for one listed journal is written
out (`J. Am. Chem. Soc.`: Journal of the American Chemical Society), a title in
capitals or lower case or with stray punctuation takes the list's spelling, and
on request (`journal-abbrev = "iso4"`) the full title is abbreviated. A listed
spelling is left as it is; a leading "The" is kept or dropped by the
`leading-the` setting.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from refmanager import richtext
from refmanager.changes import Change
from refmanager.model import Record, RecordId
from refmanager.normalize.config import NormalizeConfig
from refmanager.normalize.journals import JournalList, load_journals, title_key
from refmanager.normalize.name_parts import needs_case_repair
from refmanager.normalize.pipeline import DocumentStep, RecordStep

JOURNAL_TYPES = frozenset({"article-journal", "review", "review-book", "periodical"})
SUGGESTION = 0.5


class NormalizeJournalTitle(RecordStep):
    """Journal titles in the list's spelling; listed abbreviations written out (or, with
    `--journal-abbrev iso4`, full titles abbreviated)."""

    def __init__(self) -> None:
        self.journals: JournalList | None = None
        self.policy, self.leading_the = "none", "keep"

    def prepare(self, records: list[Record], config: NormalizeConfig) -> None:
        self.policy, self.leading_the = config.journal_abbrev, config.leading_the
        if any(record.container_title and record.type in JOURNAL_TYPES for record in records):
            self.journals = load_journals(config.venue_authority)

    def candidates(self, records: list[Record]) -> set[int]:
        if self.journals is None:
            return set()
        return {position for position, record in enumerate(records) if record.container_title
                and record.type in JOURNAL_TYPES and "<" not in record.container_title}

    def check(self, record_id: RecordId, record: Record) -> Iterable[Change]:
        title = record.container_title
        if not title or record.type not in JOURNAL_TYPES or self.journals is None or "<" in title:
            return
        found = self._canonical(title)
        if found is not None:
            new, evidence, confidence = found
            if self.leading_the == "drop" and new.startswith("The "):
                new = new[4:]
            if new != title:
                yield self.change(record_id, record, "container-title", new, evidence, confidence)

    def _canonical(self, title: str) -> tuple[str, str, float] | None:
        journals = self.journals
        journal = journals.preferred(title)
        if journal is not None:
            if self.policy == "iso4" and journal.iso4:
                return journal.iso4, f"ISO 4 abbreviation of {journal.title!r}{_from(journal)}", 0.95
            if needs_case_repair(title) and not journals.is_listed_spelling(title):
                repaired = _keeping_ampersands(journal.title, title)
                return repaired, f"{title!r} is in one case; listed as {journal.title!r}", 0.95
            return None  # a spelling of a listed title: the user's casing is kept
        if not _looks_abbreviated(title):
            return None
        expansions = journals.expansions(title)
        if len(expansions) != 1:
            return None  # unknown, or an abbreviation of several journals: left for the user
        journal = expansions[0]
        if self.policy == "iso4":
            return (journal.iso4, f"ISO 4 form of {journal.title!r}", 0.95) if journal.iso4 else None
        return journal.title, f"{title!r} abbreviates {journal.title!r}{_from(journal)}", 0.95


def _from(journal) -> str:
    return f" ({journal.source} list)" if journal.source else ""


def _looks_abbreviated(title: str) -> bool:
    """`J. Am. Chem. Soc.` or MEDLINE's `J Am Chem Soc`; not a one-word title (`Seeds`)."""
    words = title.split()
    return "." in title or (len(words) > 1 and sum(len(word) <= 4 for word in words) > len(words) / 2)


class ClusterVenueVariants(DocumentStep):
    """Spellings of one venue that differ only in case, punctuation, `&` or a leading
    "The" suggested as the file's most common spelling."""

    def check_all(self, identified: list[tuple[RecordId, Record]]) -> Iterable[Change]:
        # Each title once, in reading order: most records share theirs with many others.
        records_writing = Counter(record.container_title for _, record in identified if record.container_title)
        key_of = {title: title_key(title) for title in records_writing}
        spellings: dict[str, Counter] = defaultdict(Counter)
        for title, count in records_writing.items():
            spellings[key_of[title]][title] = count
        chosen = {key: _most_usual(counts) for key, counts in spellings.items() if len(counts) > 1}
        for record_id, record in identified:
            title = record.container_title
            if not title:
                continue
            best = chosen.get(key_of[title])
            if best is not None and best != title:
                count = spellings[key_of[title]][best]
                yield self.change(record_id, record, "container-title", best,
                                  f"{count} record(s) write {best!r}", SUGGESTION)


def _most_usual(counts: Counter) -> str:
    """The most common spelling that starts with a capital and is not all in one case."""
    return max(counts, key=lambda spelling: (spelling[:1].isupper() and not needs_case_repair(spelling),
                                             counts[spelling], _capitalised_words(spelling), spelling))


def _capitalised_words(title: str) -> int:
    return sum(word[:1].isupper() for word in title.split() if len(word) > 3)


# ---------------------------------------------------------------- series keys

_ACRONYM_IN_PARENTHESES = re.compile(r"\(([A-Z][A-Za-z&*+\-]*[A-Z])(?:[\s\-']*\d{2,4})?\)")
_LEADING_ACRONYM = re.compile(r"^(?i:proc(?:eedings|\.)?\s+(?:of\s+)?(?:the\s+)?)?([A-Z][A-Za-z&*+\-]*[A-Z])(?:[\s\-']*\d{2,4})?\b")
_NOISE = re.compile(
    r"\b(?:proceedings|proc\.?|of the|of|the|\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|"
    r"annual meeting|annual|meeting|volume\s+\d+|vol\.?\s*\d+|\d{4}|companion)\b", re.IGNORECASE)
_MINOR_WORDS = frozenset({"and", "for", "in", "on", "of", "the", "a", "an", "to", "at", "with", "&"})


def venue_series_key(title: str) -> str:
    """The key one venue's every spelling and year share: its acronym when it shows one
    (`(ACL)`, `ACL 2019`, `Proc. of ACL`), else the initials of its name after the
    words that change from year to year (`Proceedings of the 57th Annual Meeting of
    the Association for Computational Linguistics`: acl)."""
    text = richtext.plain(title).strip()
    found = _ACRONYM_IN_PARENTHESES.search(text) or _LEADING_ACRONYM.match(text)
    if found and sum(char.isupper() for char in found.group(1)) >= 2:
        return found.group(1).casefold()
    name = _NOISE.sub(" ", text.split(":")[0].split(",")[0])
    words = [word for word in re.findall(r"[\w&]+", name) if word.casefold() not in _MINOR_WORDS]
    if len(words) < 2:
        return title_key(text)
    return "".join(word[0] for word in words).casefold()


def _keeping_ampersands(listed: str, written: str) -> str:
    """The listed title with the written title's `&` for its "and" ("AI & SOCIETY" is
    "AI & Society", not the list's "AI and Society"), where both have as many."""
    count = written.count("&")
    if count and listed.count(" and ") == count and " and " not in written.lower():
        return listed.replace(" and ", " & ")
    return listed
