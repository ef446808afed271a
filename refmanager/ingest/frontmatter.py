"""Reading an article's front matter: title, byline, affiliations, dates, journal,
keywords, abstract and the citation statement, from Markdown or plain text.

`read_front_matter(text, path)` returns a `FrontMatter`: everything found, with
the line each piece came from, and `.record()` for the bibliographic part as a
`Record`. Nothing here compares the document with its citation statement; that
is `reconcile`'s job.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from refmanager.ingest import abstract as abstract_reader
from refmanager.ingest.article_dates import DATE_LINE, StatedDate, find_stated_dates, settle_ambiguous
from refmanager.ingest.byline import Affiliation, BylineAuthor, parse_affiliation, parse_byline
from refmanager.ingest.header import JournalHeader, read_identifiers, read_labelled, read_running_header
from refmanager.ingest.markdown import SourceLine, join_lines, labelled, source_lines
from refmanager.ingest.name_match import default_name
from refmanager.ingest.statement import CitationStatement, find_statement
from refmanager.model import DateValue, Record

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_ARTICLE_TYPE_LABEL = re.compile(r"(?:article|paper|manuscript)\s+(?:type|category)|type\s+of\s+(?:article|paper)", re.I)
_ARTICLE_TYPES = re.compile(
    r"(?:original|research|review|short|brief|case|systematic|technical|editorial)\s*"
    r"(?:research\s+)?(?:article|paper|report|communication|review|note|study)|editorial|letter", re.I)
_CORRESPONDING_LABEL = re.compile(r"\W*(?:corresponding\s+authors?|correspondence|author\s+for\s+correspondence)(?:\s+to)?", re.I)
_EMAIL_LABEL = re.compile(r"e-?\s?mail(?:\s+address(?:es)?)?|mail", re.I)
_KEYWORDS_LABEL = re.compile(r"key\s?-?\s?words?|index\s+terms|keyphrases|palabras\s+clave|mots[- ]cl[ée]s|anahtar\s+kelimeler|từ\s+khóa", re.I)
#: The CSL date variables for the document's dates; "issued" is settled by reconciliation.
_CSL_DATES = {"received": "submitted", "available-online": "available-date", "published": "issued"}
_DATES_WITHOUT_CSL_VARIABLE = ("revised", "accepted")
_SECTION_TITLES = re.compile(r"abstract|summary|article\s+info\.?|keywords?|introduction|references|highlights|resumen", re.I)


@dataclass(slots=True)
class FrontMatter:
    """What an article's front matter states, each piece with the line it came from."""

    path: str
    title: str = ""
    title_line: int = 0
    authors: list[BylineAuthor] = field(default_factory=list)
    byline_line: int = 0
    affiliations: list[Affiliation] = field(default_factory=list)
    corresponding_author: str = ""  # as written: "Mahmood Alipour Gorji"
    email: str = ""
    article_type: str = ""
    dates: list[StatedDate] = field(default_factory=list)
    header: JournalHeader = field(default_factory=JournalHeader)
    keywords: list[str] = field(default_factory=list)
    abstract_sections: list[tuple[str, str]] = field(default_factory=list)  # (label, text)
    statement: CitationStatement | None = None
    body_text: str = ""  # the plain text of the whole document, to look proper nouns up in

    def date(self, kind: str) -> StatedDate | None:
        return next((date for date in self.dates if date.kind == kind), None)

    @property
    def abstract(self) -> str:
        return abstract_reader.as_text(self.abstract_sections)

    def record(self) -> Record:
        """What the document itself says, as a Record: byline names split the usual way
        (reconciliation with the citation statement may split them otherwise)."""
        record = Record(key="", type="article-journal", title=self.title)
        names = [default_name(author) for author in self.authors]
        if names:
            record.creators["author"] = names
        for name in ("container-title", "volume", "issue", "page", "DOI"):
            record.set(name, self.header.fields.get(name, ""))
        record.issn = self.header.issns[0] if self.header.issns else ""
        record.keywords = list(self.keywords)
        record.abstract = self.abstract
        for kind, variable in _CSL_DATES.items():
            stated = self.date(kind)
            if stated and stated.value:
                record.dates[variable] = stated.value
        if "issued" not in record.dates:  # the year, else the year it went online
            online = self.date("available-online")
            year = self.header.fields.get("year") or (online.value.year if online and online.value else None)
            if year:
                record.dates["issued"] = DateValue(((int(year),),))
        for kind in _DATES_WITHOUT_CSL_VARIABLE:
            stated = self.date(kind)
            if stated and stated.value:
                # CSL has no variable for these; CSL-JSON keeps them in `custom`,
                # which is where its reader puts a custom member too.
                parts = {"date-parts": [list(part) for part in stated.value.parts]}
                record.foreign.setdefault("csljson", {})[kind] = json.dumps(parts)
        return record


def read_front_matter(text: str, path: str = "<string>") -> FrontMatter:
    """Everything the front matter states (see the module docstring)."""
    lines = source_lines(text)
    found = FrontMatter(path)
    found.statement = find_statement(lines)
    taken = set(found.statement.lines) if found.statement else set()
    found.body_text = "\n".join(line.text for line in lines if line.number not in taken)
    _read_title_and_byline(found, lines, taken)
    abstract_lines = abstract_reader.find(lines, taken)
    for line in lines:
        if line.number not in taken and not line.blank:
            _read_line(found, line, lines, in_abstract=line.number in abstract_lines)
    found.dates = settle_ambiguous(_first_of_each(found.dates))
    if not found.corresponding_author:
        found.corresponding_author = next((a.written for a in found.authors if a.corresponding), "")
    if not found.email:
        emails = [EMAIL.search(line.text) for line in lines if line.number not in taken]
        found.email = next((match.group(0) for match in emails if match), "")
    names = [author.written for author in found.authors]
    found.abstract_sections = abstract_reader.sections(lines, abstract_lines, taken, names)
    return found


def _first_of_each(dates: list[StatedDate]) -> list[StatedDate]:
    """One date of each kind: the first the document states (a header may repeat one)."""
    kinds: dict[str, StatedDate] = {}
    for date in dates:
        kinds.setdefault(date.kind, date)
    return list(kinds.values())


def _read_title_and_byline(found: FrontMatter, lines: list[SourceLine], taken: set[int]) -> None:
    title_lines = _title_lines(lines, taken)
    if not title_lines:
        return
    found.title = join_lines([line.text for line in title_lines])
    found.title_line = title_lines[0].number
    taken.update(line.number for line in title_lines)
    after = [line for line in lines if line.number > title_lines[-1].number and not line.blank]
    for line in after[:4]:
        authors = parse_byline(line.raw)
        if authors:
            found.authors, found.byline_line = authors, line.number
            taken.add(line.number)
            _read_affiliations(found, lines, line.number, taken)
            return


def _title_lines(lines: list[SourceLine], taken: set[int]) -> list[SourceLine]:
    """The title: the first top-level heading; else the first heading that is no section
    name; else (plain text) the lines just above the byline, or the first lines that are
    neither labels nor a journal header when no byline is found."""
    headings = [line for line in lines if line.heading and line.number not in taken]
    for level in (1, 2, 3):
        for line in headings:
            if line.heading == level and not _is_section_title(line.text) and not labelled(line.text):
                return [line]
    runs = _text_runs(lines, taken)
    above_byline = [run for run, before_byline in runs if before_byline]
    if above_byline:
        return above_byline[0][-_TITLE_LINES:]
    return runs[0][0][:_TITLE_LINES] if runs else []


_TITLE_LINES = 3  # a title wraps onto three lines at most


def _text_runs(lines: list[SourceLine], taken: set[int]) -> list[tuple[list[SourceLine], bool]]:
    """Runs of consecutive plain lines (no label, header or section name), each with
    whether a byline follows it (after blank lines at most)."""
    runs: list[tuple[list[SourceLine], bool]] = []
    run: list[SourceLine] = []
    for line in lines[:_TITLE_SEARCH_LINES]:
        if line.blank and not run:
            continue
        is_byline = not line.blank and bool(parse_byline(line.raw))
        if line.blank or is_byline or line.number in taken or _is_preamble(line):
            if run:
                runs.append((run, is_byline))
                run = []
            elif is_byline and runs and runs[-1][0][-1].number == _last_text_before(lines, line):
                runs[-1] = (runs[-1][0], True)
            continue
        run.append(line)
    return runs + ([(run, False)] if run else [])


_TITLE_SEARCH_LINES = 60


def _last_text_before(lines: list[SourceLine], line: SourceLine) -> int:
    """The number of the last non-blank line before this one."""
    return next((other.number for other in reversed(lines[:line.number - 1]) if not other.blank), 0)


def _is_preamble(line: SourceLine) -> bool:
    """A line before the title that is not part of it: a label, a header, an article type."""
    text = line.text
    return bool(labelled(text) or _ARTICLE_TYPES.fullmatch(text.strip(" .")) or read_running_header(JournalHeader(), text, 0)
                or re.search(r"\bdoi\b|issn|https?://|www\.|©|copyright|contents\s+lists|journal\s+homepage"
                             r"|sciencedirect", text, re.I) or _is_section_title(text))


def _is_section_title(text: str) -> bool:
    return bool(_SECTION_TITLES.fullmatch(text.strip(" .:")))


# PLOS runs its affiliations into one line: "1 Department ..., Norway, 2 Norwegian Institute ...".
_NEXT_AFFILIATION = re.compile(r"(?<=[,;])\s+(?=\d{1,2}\s+[A-Z])")


def _read_affiliations(found: FrontMatter, lines: list[SourceLine], byline: int, taken: set[int]) -> None:
    for line in lines[byline:]:
        if line.blank:
            continue
        affiliations = [parse_affiliation(part, line.number) for part in _NEXT_AFFILIATION.split(line.raw)]
        if None in affiliations or line.heading or find_stated_dates(line.text, line.number):
            return
        found.affiliations += [Affiliation(a.marker, a.text.rstrip(' ,;'), a.line) for a in affiliations]
        taken.add(line.number)


def _read_line(found: FrontMatter, line: SourceLine, lines: list[SourceLine], in_abstract: bool) -> None:
    text = line.text
    read_identifiers(found.header, text, line.number)
    pair = labelled(text)
    if pair and _read_label(found, pair, line, lines):
        return
    dates = find_stated_dates(text, line.number) if DATE_LINE.match(text) else []
    if dates:  # even inside the abstract's span: Elsevier prints them in a footnote after it
        found.dates.extend(dates)
    elif in_abstract:
        return
    elif _ARTICLE_TYPES.fullmatch(text.strip(" .")) and not found.article_type and line.number < (found.title_line or 10**9):
        found.article_type = text.strip(" .")
    elif line.number != found.title_line:
        read_running_header(found.header, text, line.number)


def _read_label(found: FrontMatter, pair: tuple[str, str], line: SourceLine, lines: list[SourceLine]) -> bool:
    """A `Label: value` line of the front matter; True when the label was one we read."""
    label, value = pair
    if _ARTICLE_TYPE_LABEL.fullmatch(label):
        found.article_type = value.strip(" .")
    elif any(_KEYWORDS_LABEL.fullmatch(part.strip()) for part in label.split("/")):
        found.keywords = _keywords(value) if value else _keyword_lines(lines, line.number)
    elif _CORRESPONDING_LABEL.fullmatch(label):
        email = EMAIL.search(value)
        found.email = found.email or (email.group(0) if email else "")
        found.corresponding_author = re.split(r"[,;(]|\s[-–]\s|\bemail\b|\be-mail\b", EMAIL.sub("", value), flags=re.I)[0].strip(" .*")
    elif _EMAIL_LABEL.fullmatch(label):
        email = EMAIL.search(value)
        found.email = found.email or (email.group(0) if email else "")
    elif DATE_LINE.match(line.text) and find_stated_dates(line.text, line.number):
        found.dates.extend(find_stated_dates(line.text, line.number))
    else:
        return read_labelled(found.header, label, value, line.text, line.number)
    return True


def _keyword_lines(lines: list[SourceLine], number: int) -> list[str]:
    """Keywords under their label: on the next line, or one a line (Elsevier) up to a blank line."""
    keywords: list[str] = []
    for line in lines[number:]:
        if line.blank and keywords:
            break
        if not line.blank:
            keywords += _keywords(line.text)
    return keywords


def _keywords(value: str) -> list[str]:
    parts = re.split(r"\s*[;,·•|]\s*|\s+[—–]\s+", value.strip().rstrip("."))
    return [part.strip() for part in parts if part.strip()]
