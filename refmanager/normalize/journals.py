"""The shipped journal list (data/journals.tsv.gz): full titles and abbreviations,
looked up by a spelling-insensitive key.

Two keys: `title_key` for full titles (case, accents' compatibility forms,
`&`/`and`, a leading "The" and punctuation ignored: the list's own `match_key`),
and `abbreviation_key` for abbreviations (case, full stops and commas ignored,
so that `J. Am. Chem. Soc.` and MEDLINE's `J Am Chem Soc` meet).
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

COLUMNS = ("full_title", "iso4", "other_abbreviations", "iso4_source", "title_key", "abbreviation_keys")
_NOT_WORD = re.compile(r"[^\w]+")
_LEADING_THE = re.compile(r"^the\s+")


@lru_cache(maxsize=100_000)
def title_key(title: str) -> str:
    """The form two spellings of one journal title share."""
    text = unicodedata.normalize("NFKC", title).casefold().replace("&", " and ")
    text = _LEADING_THE.sub("", text.strip())
    return " ".join(_NOT_WORD.sub(" ", text).split())


@lru_cache(maxsize=100_000)
def abbreviation_key(abbreviation: str) -> str:
    """The form two spellings of one abbreviation share."""
    text = unicodedata.normalize("NFKC", abbreviation).casefold().replace("&", " and ")
    return " ".join(_NOT_WORD.sub(" ", text).split())


@dataclass(frozen=True, slots=True)
class Journal:
    """One line of the list."""

    title: str
    iso4: str
    source: str  # the list the ISO 4 form came from
    authority: bool = False  # from the user's own authority file: it wins


@dataclass(slots=True)
class JournalList:
    """Journals by title key and by abbreviation key."""

    by_title: dict[str, list[Journal]]
    by_abbreviation: dict[str, list[Journal]]

    def preferred(self, title: str) -> Journal | None:
        """The list's best spelling of a title: in title case rather than MEDLINE's lower
        case, with an ISO 4 form, from the first list (UBC's, where it has one)."""
        found = self.by_title.get(title_key(title))
        if not found:
            return None
        chosen = [journal for journal in found if journal.authority] or found
        return max(chosen, key=_spelling_quality)

    def is_listed_spelling(self, title: str) -> bool:
        return any(journal.title == title for journal in self.by_title.get(title_key(title), ()))

    def expansions(self, abbreviation: str) -> list[Journal]:
        """The journals an abbreviation stands for, one per title key."""
        found, keys = [], set()
        candidates = self.by_abbreviation.get(abbreviation_key(abbreviation), ())
        if any(journal.authority for journal in candidates):
            candidates = [journal for journal in candidates if journal.authority]
        for journal in candidates:
            key = title_key(journal.title)
            if key not in keys:
                keys.add(key)
                found.append(self.preferred(journal.title) or journal)
        return found

    def add(self, journal: Journal, abbreviations: list[str]) -> None:
        """One journal more (from an authority file): it wins over the shipped lines."""
        self.by_title.setdefault(title_key(journal.title), []).insert(0, journal)
        for abbreviation in filter(None, [journal.iso4, *abbreviations]):
            self.by_abbreviation.setdefault(abbreviation_key(abbreviation), []).insert(0, journal)


def _spelling_quality(journal: Journal) -> tuple[int, bool]:
    capitalised = sum(word[:1].isupper() for word in journal.title.split() if len(word) > 3)
    return capitalised, bool(journal.iso4)


@lru_cache(maxsize=1)
def shipped_journals() -> JournalList:
    """The list shipped in the package, read once."""
    data = resources.files("refmanager.normalize").joinpath("data/journals.tsv.gz").read_bytes()
    return parse_journal_lines(gzip.decompress(data).decode("utf-8").splitlines()[1:])


# One of the lists the shipped file was built from (UBC's) capitalises every word:
# "Advances In Astrobiology And Biogeophysics", "AI And Society" (816 titles).
_CAPITALISED_MINOR_WORD = re.compile(r"\s(?:And|Of|The|In|For|On|To|At|By|With|From|A|An|Or|Nor)\s")
# Latin phrases a journal's name keeps capitalised: "Applied In Vitro Toxicology".
_KEPT_PHRASES = frozenset({"In Vitro", "In Vivo", "In Silico", "In Situ"})


def _headline(title: str) -> str:
    from refmanager.normalize.titles import lower_function_words  # titles.py needs the pipeline

    return lower_function_words(title, _KEPT_PHRASES)


def parse_journal_lines(lines: list[str]) -> JournalList:
    """A JournalList from the shipped file's lines (see COLUMNS), without its header."""
    journals = JournalList({}, {})
    by_title, by_abbreviation = journals.by_title, journals.by_abbreviation
    for line in lines:
        title, iso4, _, source, key, abbreviation_keys = line.split("\t")
        if _CAPITALISED_MINOR_WORD.search(title):
            title = _headline(title)
        journal = Journal(title, iso4, source)
        by_title.setdefault(key, []).append(journal)
        for abbreviation in abbreviation_keys.split("|"):
            by_abbreviation.setdefault(abbreviation, []).append(journal)
    return journals


def load_journals(authority: str = "") -> JournalList:
    """The shipped list, with the journals of an authority file first: one a line,
    `full title<TAB>abbreviation[<TAB>other|abbreviations]`; `#` starts a comment."""
    if not authority:
        return shipped_journals()
    shipped = shipped_journals()
    journals = JournalList({key: list(value) for key, value in shipped.by_title.items()},
                           {key: list(value) for key, value in shipped.by_abbreviation.items()})
    with open(authority, encoding="utf-8") as stream:
        for line in stream:
            if line.strip() and not line.startswith("#"):
                title, iso4, others, source = (line.rstrip("\n").split("\t") + ["", "", ""])[:4]
                journals.add(Journal(title, iso4, source or authority, authority=True), others.split("|"))
    return journals
