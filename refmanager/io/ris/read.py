"""Read RIS, the tagged format of EndNote, Zotero and most catalogues.

Reading keeps everything: each record's exact text (so that an untouched record
is written back byte for byte, see `ris_write`), the text between records as
Verbatim blocks, and every tag the model has no place for in
`record.foreign["ris"]`. Tags mean what Zotero takes them to mean (`ris_tags`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from itertools import count, product
from string import ascii_lowercase

from refmanager.errors import Problem
from refmanager.io.base import report_duplicate_keys
from refmanager.io.ris import extra
from refmanager.io.ris.tags import (
    DOI_OR_FOREIGN, EXTRA, GENRE_OR_DOI, JOURNAL, KEY, KEYWORDS, NEAREST_RIS, PAGE_END, PAGE_START,
    RIS_TO_CSL, SERIAL, bare_doi, date_problem, family, is_doi, name_tags, parse_date, parse_name,
    serial_variable, variable_of_tag,
)
from refmanager.model import DATE_VARIABLES, NAME_VARIABLES, DateValue, Document, Origin, Record, Verbatim

FORMAT = "ris"

# The standard puts two spaces before the dash; EndNote and some catalogues write one,
# which Zotero accepts too. Upper case at column 0 only: "so - called" in a wrapped
# value stays a continuation line.
TAG_LINE = re.compile(r"([A-Z][A-Z0-9]) {1,2}-(?: |$)")
# A line of a value that would read as a tag line is written with one more space in
# front (`ris_write`); the reader takes that space off again, so the value reads back
# as it was.
PROTECTED_LINE = re.compile(r" *" + TAG_LINE.pattern)
_DATE_TAG_RANK = {"DA": 0, "PY": 1, "Y1": 2}  # DA wins, as Zotero's maintainers want (#2125)
_DASH = re.compile(r"[-\u2010-\u2015]")
_KEYWORD_SEPARATOR = re.compile(r"[;\n]")
# Letters that Unicode does not decompose into an ASCII letter and a mark.
_ASCII_LETTERS = str.maketrans({"Ø": "O", "ø": "o", "Ł": "L", "ł": "l", "Đ": "D", "đ": "d",
                                "ß": "ss", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe",
                                "Þ": "Th", "þ": "th", "ı": "i"})


# ---------------------------------------------------------------- reading

def read_ris(text: str, path: str = "<string>") -> Document:
    """Read RIS text (BOM already removed) into a Document; bad input becomes Problems."""
    document = Document(path, FORMAT)
    lines = _split_lines(text)
    commas = bool(persons_with_commas(text))
    index = 0
    while index < len(lines):
        if _tag(lines[index]) == "TY":
            index = _read_record(lines, index, document, commas)
        else:
            index = _read_text(lines, index, document)
    _assign_keys(document.records)
    for record in document.records:
        record.seal(record.origin)  # only now, once the key is final
    if not document.records:
        document.problems.append(Problem(path, 1, "no records", "warning"))
    return document


def persons_with_commas(text: str) -> bool | None:
    """Whether the names of a RIS text mark persons with a comma (`Nye, Joseph`: some
    name has one), so that a name without one is an organisation's, as Zotero reads
    every such name; None when the text has no names."""
    if _name_line(True).search(text):
        return True
    return False if _name_line(False).search(text) else None


@cache
def _name_line(with_comma: bool) -> re.Pattern:
    tags = "|".join(sorted(name_tags()))
    value = r"[^\r\n,]*," if with_comma else r" ?\S"
    return re.compile(rf"^(?:{tags}) {{1,2}}-{value}", re.MULTILINE)


def _split_lines(text: str) -> list[str]:
    """Lines with their endings, split on "\\n" only (str.splitlines also splits on
    characters such as U+2028 that may occur inside a value); a file with no "\\n"
    but "\\r" has the old Mac OS line ends, and is split on those."""
    if "\r" in text and "\n" not in text:
        return re.findall(r"[^\r]*\r|[^\r]+", text)
    return re.findall(r"[^\n]*\n|[^\n]+", text)


def _tag(line: str) -> str | None:
    match = TAG_LINE.match(line.rstrip("\r\n"))
    return match.group(1) if match else None


def _read_text(lines: list[str], start: int, document: Document) -> int:
    end = start
    while end < len(lines) and _tag(lines[end]) != "TY":
        end += 1
    document.blocks.append(Verbatim("text", "".join(lines[start:end]), start + 1))
    stray = [number for number in range(start, end) if lines[number].strip()]
    if stray:
        first = lines[stray[0]].strip()
        message = (f"{len(stray)} line(s) outside any record (no 'TY' before them), "
                   f"kept as text: {first[:60]!r}")
        document.problems.append(Problem(document.path, stray[0] + 1, message, "warning"))
    return end


def _read_record(lines: list[str], start: int, document: Document, commas: bool) -> int:
    end, closed = _record_end(lines, start)
    fields = _fields(lines[start:end], start + 1)
    record = _RecordReader(fields, document.path, commas).read()
    if not closed:
        record.problems.append(Problem(document.path, start + 1, "record has no 'ER' line; "
                                       f"it is read up to line {end}", "warning"))
    entry_type = fields[0][1]
    record.origin = Origin(document.path, start + 1, FORMAT, entry_type, "".join(lines[start:end]))
    document.blocks.append(record)
    return end


def _record_end(lines: list[str], start: int) -> tuple[int, bool]:
    """Where the record that starts at `start` ends, and whether an ER line ends it."""
    for index in range(start + 1, len(lines)):
        tag = _tag(lines[index])
        if tag == "ER":
            return index + 1, True
        if tag == "TY":
            break
    else:
        index = len(lines)
    while index > start + 1 and not lines[index - 1].strip():
        index -= 1  # blank lines before the next record are not part of this one
    return index, False


def _fields(lines: list[str], first_line: int) -> list[tuple[str, str, int]]:
    """(tag, value, line) for each tag line; other lines continue the value before."""
    fields: list[tuple[str, list[str], int]] = []
    for offset, line in enumerate(lines):
        content = line.rstrip("\r\n")
        match = TAG_LINE.match(content)
        if match:
            fields.append((match.group(1), [content[match.end():]], first_line + offset))
        elif content.startswith(" ") and PROTECTED_LINE.match(content):
            fields[-1][1].append(content[1:])
        else:
            fields[-1][1].append(content)
    # Continuation lines are joined with "\n" so that nothing in them is lost.
    return [(tag, "\n".join(part.rstrip() for part in parts).strip(), line)
            for tag, parts, line in fields]


class _RecordReader:
    """Fills one Record from its fields, keeping verbatim what it cannot place."""

    def __init__(self, fields: list[tuple[str, str, int]], path: str, commas: bool = False):
        self.fields, self.path = fields, path
        self.commas = commas  # the file names persons `Family, Given` (`persons_with_commas`)
        entry_type, self.line = fields[0][1], fields[0][2]
        self.record = Record(key="", type=RIS_TO_CSL.get(entry_type.upper(), "document"))
        self.family = family(self.record.type)
        self.table = variable_of_tag(self.family)
        self.kept: dict[str, list[str]] = {}
        self.dates: dict[str, list[tuple[str, str, int]]] = {}  # role -> (tag, value, line)
        self.line_now = self.line  # the line of the field being added
        self.pages: dict[str, str] = {}
        self.extras: list[str] = []  # the values of M2
        self.journal_named: bool | None = None  # whether a tag other than JO names the journal
        self.special = {KEYWORDS: self.add_keywords, SERIAL: self.add_serial,
                        PAGE_START: self.add_page, PAGE_END: self.add_page,
                        JOURNAL: self.add_journal, DOI_OR_FOREIGN: self.add_doi_or_type,
                        GENRE_OR_DOI: self.add_doi_or_type, EXTRA: self.add_extra}
        if entry_type.upper() not in RIS_TO_CSL:
            self.problem(self.line, f"unknown RIS type {entry_type!r}; read as a document")

    def read(self) -> Record:
        for tag, value, line in self.fields[1:]:
            if tag == "ER":
                if value:
                    self.problem(line, f"text after 'ER' ignored: {value[:60]!r}")
            elif value:
                self.line_now = line
                self.add(tag, value)
        self.finish_pages()
        self.finish_dates()
        self.finish_extras()
        if self.kept:
            self.record.foreign[FORMAT] = {tag: "\n".join(values)
                                           for tag, values in self.kept.items()}
        return self.record

    def add(self, tag: str, value: str) -> None:
        target = self.table.get(tag)
        if target is None:
            self.keep(tag, value)
        elif target in self.special:
            self.special[target](tag, value)
        elif target in NAME_VARIABLES:
            self.record.creators.setdefault(target, []).append(
                parse_name(value, self.commas))
        elif target in DATE_VARIABLES:
            self.dates.setdefault(target, []).append((tag, value, self.line_now))
        elif target == "DOI":
            self.set("DOI", tag, bare_doi(value), value)
        else:
            self.set(target, tag, value)

    def set(self, target: str, tag: str, value: str, verbatim: str | None = None) -> None:
        """Fill a single-valued field; a second, different value is kept verbatim."""
        current = self.record.key if target == KEY else self.record.get(target)
        if not current:
            if target == KEY:
                self.record.key = value
            else:
                self.record.set(target, value)
        elif current != value:
            self.keep(tag, value if verbatim is None else verbatim)

    def keep(self, tag: str, value: str) -> None:
        self.kept.setdefault(tag, []).append(value)

    def problem(self, line: int, message: str) -> None:
        self.record.problems.append(Problem(self.path, line, message, "warning"))

    def add_keywords(self, tag: str, value: str) -> None:
        # Zotero splits a "; " list in one KW too.
        # Split, then strip: `\s*[;\n]\s*` took square time on a run of spaces.
        words = (word.strip() for word in _KEYWORD_SEPARATOR.split(value))
        self.record.keywords += [word for word in words if word]

    def add_serial(self, tag: str, value: str) -> None:
        target = serial_variable(self.family, value)
        if target:
            self.set(target, tag, value)
        else:
            self.keep(tag, value)

    def add_page(self, tag: str, value: str) -> None:
        if tag in self.pages:
            self.keep(tag, value)
        else:
            self.pages[tag] = value

    def add_journal(self, tag: str, value: str) -> None:
        # JO is the journal itself unless another tag names it; then the abbreviation.
        if self.journal_named is None:  # once per record: a record may have 100,000 JO lines
            self.journal_named = any(self.table.get(other) == "container-title"
                                     for other, _, _ in self.fields if other != tag)
        self.set("container-title-short" if self.journal_named else "container-title",
                 tag, value)

    def add_doi_or_type(self, tag: str, value: str) -> None:
        # M3 is the kind of item (on the catch-all types) or, as Zotero reads it, a DOI.
        if is_doi(value):
            self.set("DOI", tag, bare_doi(value), value)
        elif self.table[tag] == GENRE_OR_DOI:
            self.set("genre", tag, value)
        else:
            self.keep(tag, value)

    def add_extra(self, tag: str, value: str) -> None:
        self.extras.append(value)  # after the tags: a line fills only what they leave empty

    def finish_extras(self) -> None:
        """The `name: value` lines of M2 (`ris_extra`), as Zotero reads them into Extra:
        each fills a field the tags left empty; the others are kept verbatim."""
        named_by_tags = set(self.record.creators)
        for value in self.extras:
            name, text = extra.parse_extra(value) or ("", "")
            if name == extra.TYPE:
                self.add_type(value, text)
            elif not extra.can_carry(name) or name in named_by_tags:
                self.keep(extra.TAG, value)
            elif name in NAME_VARIABLES:
                self.record.creators.setdefault(name, []).append(extra.name_of(text))
            elif name in DATE_VARIABLES and name not in self.record.dates:
                self.record.dates[name] = extra.date_of(text)
            elif name in DATE_VARIABLES:
                self.keep(extra.TAG, value)
            else:
                self.set(name, extra.TAG, text, value)

    def add_type(self, value: str, csl_type: str) -> None:
        """A CSL type that has no RIS type, written as its nearest one (`type: review`
        on a JOUR); another type, or one on another RIS type, is kept verbatim."""
        code = self.fields[0][1].upper()
        if extra.is_type_without_code(csl_type) and NEAREST_RIS.get(csl_type, "GEN") == code \
                and self.record.type == RIS_TO_CSL.get(code) and family(csl_type) == self.family:
            self.record.type = csl_type
        else:
            self.keep(extra.TAG, value)

    def finish_pages(self) -> None:
        start, end = self.pages.get("SP", ""), self.pages.get("EP", "")
        if start and end and not _DASH.search(start):
            self.record.page = f"{start}-{end}"
            return
        self.record.page = start
        if end:
            self.keep("EP", end)

    def finish_dates(self) -> None:
        for role, candidates in self.dates.items():
            ordered = sorted(candidates, key=lambda pair: _DATE_TAG_RANK.get(pair[0], 9))
            for tag, value, line in ordered:
                if problem := date_problem(value):
                    self.problem(line, f"{tag} {value!r}: {problem}; kept as written")
            primary = self.record.dates[role] = parse_date(ordered[0][1])
            for tag, value, _ in ordered[1:]:
                if not _agrees(parse_date(value), primary):
                    self.keep(tag, value)


def _agrees(other: DateValue, primary: DateValue) -> bool:
    """True when `other` says nothing that `primary` does not (PY 2004 vs DA 2004/03/15)."""
    if other == primary:
        return True
    if other.literal or primary.literal or len(other.parts) != 1 or len(primary.parts) != 1:
        return False
    year_first = primary.parts[0][:len(other.parts[0])] == other.parts[0]
    return year_first and other.season in ("", primary.season) and other.circa == primary.circa


def _assign_keys(records: list[Record]) -> None:
    """Keys from ID; the others made from author and year, unique in the file."""
    given = [record for record in records if record.key]
    report_duplicate_keys(given, records_name="records", severity="warning")
    used = {record.key for record in given}
    # Each stem's suffixes go on from where they stopped: starting again from "" for
    # each record took square time when 20,000 records shared a stem.
    suffixes: dict[str, object] = {}
    for record in records:
        if not record.key:
            stem = _key_stem(record)
            going_on = suffixes.setdefault(stem, _suffixes())
            record.key = next(stem + suffix for suffix in going_on if stem + suffix not in used)
            used.add(record.key)


def _suffixes():
    """"", "a" ... "z", "aa", "ab" ...: the letters that tell equal keys apart."""
    yield ""
    for length in count(1):
        for letters in product(ascii_lowercase, repeat=length):
            yield "".join(letters)


def _key_stem(record: Record) -> str:
    """First author's family name (or first word) and year, in lower-case ASCII."""
    names = record.authors or next(iter(record.creators.values()), [])
    if not names:
        text = record.title
    elif names[0].family:
        text = names[0].non_dropping_particle + names[0].family
    else:
        text = names[0].literal or names[0].given
    word = unicodedata.normalize("NFKD", (text.split() or [""])[0].translate(_ASCII_LETTERS))
    word = re.sub(r"[^a-z0-9]", "", word.encode("ascii", "ignore").decode().lower())
    year = record.issued.year if record.issued and record.issued.year else ""
    return f"{word or 'ref'}{year}"
