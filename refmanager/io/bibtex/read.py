"""Read BibTeX and BibLaTeX files.

A fast scanner (`scan.py`) reads the regular entries, and every other part of the
file (`@string`, `@comment`, `@preamble`, anything malformed) goes to bibtexparser
(v2). Each block's exact source text is kept, so the Document holds every byte:
records keep their source text (`Origin.raw`), and everything else (comments,
`@string`, `@preamble`, text between entries, blocks that failed to parse) is kept
as `Verbatim`.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass
from dataclasses import field as data_field
from functools import lru_cache

from refmanager.collector import collector_paused
from refmanager.errors import Problem
from refmanager.io.base import report_duplicate_keys
from refmanager.io.bibtex.crossref import dangling_crossrefs
from refmanager.io.bibtex.mapping import dialect_of
from refmanager.io.bibtex.pending import PendingEntry, PendingRecord, pending_record
from refmanager.io.bibtex.scan import BLOCK_START, ScannedEntry, ScannedField, scan_entry
from refmanager.io.bibtex.values import MAX_EXPANSION, evaluate
from refmanager.model import Document, Record, Verbatim

FORMAT = "bibtex"
MAX_MACRO_DEPTH = 100  # each level copies the text before it: a deeper chain is a bomb too


def read_bibtex(text: str, path: str = "<string>") -> Document:
    """Every block of a BibTeX or BibLaTeX file, with the problems found."""
    reader = _BibtexReader(path)
    with collector_paused():
        reader.read(text)
        document = reader.document
        if not document.records:
            document.problems.append(Problem(path, 1, "no entries found", "warning"))
        document.problems.extend(_check_keys(document.records))
    return document


def _check_keys(records: list[Record]) -> list[Problem]:
    """Duplicate keys (on the records) and dangling crossrefs (returned): only the records
    concerned are decoded for it (those whose key recurs, those with a crossref), each
    on its own."""
    key_counts = Counter(record.key for record in records)
    duplicates = [record for record in records if key_counts[record.key] > 1]
    children = [record for record in records if _may_crossref(record)]
    for record in duplicates + children:
        if isinstance(record, PendingRecord):
            record.built_alone()
    report_duplicate_keys(duplicates)
    return dangling_crossrefs(children, set(key_counts))


@dataclass(slots=True)
class Macros:
    """The @string definitions read so far, as the reader keeps them: what it needs to
    read on from there."""

    strings: dict[str, str] = data_field(default_factory=dict)
    depths: dict[str, int] = data_field(default_factory=dict)  # how deep each definition nests
    refused: dict[str, int] = data_field(default_factory=dict)  # too large to expand: their lines


@dataclass(slots=True)
class PartRead:
    """A part of a file, read (`read_bibtex_part`)."""

    document: Document  # its blocks and read problems; keys not checked yet (`part_key_problems`)
    end: int  # where reading ended: the part's stop, or past it where a block ran on
    macros: Macros  # as they stand at `end`


def read_bibtex_part(text: str, path: str, start: int, stop: int, macros: Macros | None = None) -> PartRead:
    """The blocks of `text` that start in [start, stop), as `read_bibtex` reads them once
    the text before `start` has defined `macros`, if `start` is where a block of the
    whole file starts (`refmanager.clean_parts` makes sure of it)."""
    reader = _BibtexReader(path)
    macros = macros or Macros()
    reader.document.strings, reader.macro_depths = dict(macros.strings), dict(macros.depths)
    reader.refused_macros = dict(macros.refused)
    with collector_paused():
        end = reader.read(text, start, stop, text.count("\n", 0, start) + 1)
    return PartRead(reader.document, end, Macros(reader.document.strings, reader.macro_depths,
                                                 reader.refused_macros))


def key_and_line(record: Record) -> tuple[str, int]:
    """A record's key and line, without building a pending record."""
    if isinstance(record, PendingRecord):
        return record.key, record.pending.line
    return record.key, record.origin.line if record.origin else 0


def may_name_a_crossref(records: list[Record]) -> bool:
    """Whether any of the records may have a crossref that `part_key_problems` checks."""
    return any(map(_may_crossref, records))


def part_key_problems(records: list[Record], first_position: int, repeated: dict[str, tuple[int, int]],
                      keys: set[str] | None) -> list[Problem]:
    """`_check_keys` for the records of a part of a file, the first of them the file's
    record at `first_position`: `repeated` holds the position and line of the first
    record of each key the file has more than once, `keys` the file's keys (None if no
    part `may_name_a_crossref`)."""
    duplicates = [record for record in records if record.key in repeated]
    children = [record for record in records if _may_crossref(record)] if keys is not None else []
    for record in duplicates + children:
        if isinstance(record, PendingRecord):
            record.built_alone()
    earlier = {key: line for key, (position, line) in repeated.items() if position < first_position}
    report_duplicate_keys(duplicates, first_lines=earlier)
    return dangling_crossrefs(children, keys) if children else []


def _may_crossref(record: Record) -> bool:
    if not isinstance(record, PendingRecord):
        return True
    return record.pending.has_crossref


class _BibtexReader:
    """Turns a file into the Document's blocks, keeping exact source text."""

    def __init__(self, path: str):
        self.path = path
        self.document = Document(path=path, format=FORMAT)
        self.macro_depths: dict[str, int] = {}  # how deep each @string's definition nests
        self.refused_macros: dict[str, int] = {}  # @strings too large to expand: their lines
        self.group: list[PendingRecord] = []  # the records, decoded together (`pending.py`)

    def read(self, text: str, position: int = 0, stop: int | None = None, line: int = 1) -> int:
        """Read the blocks from `position` (at `line`) on; with `stop`, only those that
        start before it. Where reading ended: `stop`, or past it if a block runs on."""
        if stop is None or stop >= len(text):
            stop = len(text)
        while position < stop:
            start = BLOCK_START.search(text, position)
            at = start.start() if start else len(text)
            if at >= stop and stop < len(text):  # the next part of the file begins at `stop`
                self.add_text(text[position:stop], line)
                return stop
            entry = scan_entry(text, at) if start else None
            if entry is None:  # not a plain entry: bibtexparser reads up to the next one
                end = self.next_plain_entry(text, at + 1)
                self.read_with_bibtexparser(text[position:end], line)
            else:
                self.add_text(text[position:at], line)
                end = at + len(entry.raw)
                self.add_entry(entry, line + text.count("\n", position, at))
            line += text.count("\n", position, end)
            position = end
        return position

    @staticmethod
    def next_plain_entry(text: str, position: int) -> int:
        for start in BLOCK_START.finditer(text, position):
            if scan_entry(text, start.start()) is not None:
                return start.start()
        return len(text)

    def read_with_bibtexparser(self, piece: str, first_line: int) -> None:
        import bibtexparser
        from bibtexparser import model as parsed

        logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)  # we report problems ourselves
        position, line = 0, first_line
        for block in bibtexparser.parse_string(piece, parse_stack=[]).blocks:
            if isinstance(block, parsed.ImplicitComment):
                continue  # covered by the text between blocks
            start = piece.find(block.raw, position)
            if start < 0:
                continue  # cannot happen for a block cut from this piece; be safe
            self.add_text(piece[position:start], line)
            line += piece.count("\n", position, start)
            self.add_block(block, line)
            line += block.raw.count("\n")
            position = start + len(block.raw)
        self.add_text(piece[position:], line)

    def add_text(self, text: str, line: int) -> None:
        if text:
            self.document.blocks.append(Verbatim("text", text, line))

    def add_block(self, block, line: int) -> None:
        from bibtexparser import model as parsed

        entry = getattr(block, "ignore_error_block", None) or block
        if isinstance(entry, parsed.Entry):
            self.add_entry(_from_bibtexparser(entry, block.raw), line)
        elif isinstance(block, parsed.String):
            self.add_string(block, line)
        elif isinstance(block, parsed.Preamble):
            self.document.blocks.append(Verbatim("preamble", block.raw, line))
        elif isinstance(block, parsed.ExplicitComment):
            self.document.blocks.append(Verbatim("comment", block.raw, line))
        else:
            self.add_failed(block.raw, line, _failure_reason(block))

    def add_failed(self, raw: str, line: int, reason: str) -> None:
        self.document.blocks.append(Verbatim("failed", raw, line))
        self.document.problems.append(Problem(self.path, line, f"{reason}; kept as written"))

    def add_string(self, block, line: int) -> None:
        self.document.blocks.append(Verbatim("string", block.raw, line))
        name = block.key.lower()
        value = evaluate(block.value, self.document.strings)
        depth = 1 + max((self.macro_depths.get(used, 0) for used in value.used), default=0)
        refused = [used for used in value.undefined if used.lower() in self.refused_macros]
        if refused:  # built on a refused @string: refused too, and reported there
            self.refused_macros[name] = self.refused_macros[refused[0].lower()]
            return
        if value.oversized or depth > MAX_MACRO_DEPTH:
            why = (f"would expand to more than {MAX_EXPANSION:,} characters" if value.oversized
                   else f"nests @string definitions more than {MAX_MACRO_DEPTH} deep")
            self.document.problems.append(Problem(self.path, line, f"@string {block.key!r} {why} "
                                                  "(a macro bomb?); it is too large to expand and is left undefined"))
            self.refused_macros[name] = line
            return
        self.document.strings[name] = value.text
        self.macro_depths[name] = depth
        for undefined in value.undefined:
            self.document.problems.append(Problem(
                self.path, line, f"@string {block.key!r} uses undefined @string {undefined!r}"))

    def add_entry(self, entry: ScannedEntry, line: int) -> None:
        if not entry.entry_type:
            self.add_failed(entry.raw, line, f"entry {entry.raw.splitlines()[0]!r} has no entry type")
            return
        problems: list[Problem] = []
        key = entry.key or f"line-{line}"
        lines = None
        for field in entry.fields:
            if field.text is None:  # the scanner gives the text of a plain braced or quoted value
                lines = lines or _LineCounter(entry.raw, line)
                self.evaluate_field(key, field, lines, problems)
        if not entry.key:
            problems.append(Problem(self.path, line, f"entry has no key; it is called {key!r} here"))
        field_names = tuple([field.name for field in entry.fields])
        dialect, has_crossref = _shape(entry.entry_type, field_names)
        # Decoded when first used: a file written back unchanged never needs it.
        record = pending_record(PendingEntry(entry, key, self.path, line, dialect, problems, self.group,
                                             has_crossref, field_names))
        self.group.append(record)
        self.document.blocks.append(record)

    def evaluate_field(self, key: str, field: ScannedField, lines: "_LineCounter",
                       problems: list[Problem]) -> None:
        """Set a field's text (macros expanded), reporting what went wrong."""
        value = evaluate(field.value, self.document.strings)
        field.text, field.month = value.text, value.month
        line = lines.at(field.offset) if value.undefined or value.malformed or value.oversized else 0
        for name in value.undefined:
            refused_at = self.refused_macros.get(name.lower())
            why = "undefined @string" if refused_at is None else \
                f"@string (too large to expand, see line {refused_at})"
            problems.append(Problem(self.path, line, f"{key}: field {field.name!r} uses {why} {name!r}"))
        if value.oversized:
            problems.append(Problem(self.path, line, f"{key}: field {field.name!r} would expand to more "
                                    f"than {MAX_EXPANSION:,} characters; kept as written"))
        if value.malformed:
            problems.append(Problem(self.path, line, f"{key}: field {field.name!r} is not a valid "
                                    "BibTeX value (a missing comma or brace?); kept as written"))


@lru_cache(maxsize=10_000)
def _shape(entry_type: str, field_names: tuple[str, ...]) -> tuple[str, bool]:
    """An entry's dialect, and whether it has a `crossref` field; cached, as a file's
    entries share a few layouts."""
    names = [name.lower() for name in field_names]
    return dialect_of(entry_type, names), "crossref" in names


class _LineCounter:
    """Line numbers of offsets in an entry, counted on from the last one asked for,
    so that an entry with 100,000 problems costs one pass, not 100,000."""

    def __init__(self, raw: str, first_line: int):
        self.raw, self.offset, self.line = raw, 0, first_line

    def at(self, offset: int) -> int:
        if offset < self.offset:
            self.offset, self.line = 0, self.line - self.raw.count("\n", 0, self.offset)
        self.line += self.raw.count("\n", self.offset, offset)
        self.offset = offset
        return self.line


def _from_bibtexparser(entry, raw: str) -> ScannedEntry:
    """bibtexparser's Entry in the scanner's terms."""
    line_starts = [0] + [index + 1 for index, char in enumerate(raw) if char == "\n"]
    fields = []
    for field in entry.fields:
        relative_line = min(max(field.start_line - entry.start_line, 0), len(line_starts) - 1)
        fields.append(ScannedField(field.key, field.value, line_starts[relative_line]))
    return ScannedEntry(entry.entry_type, entry.key, fields, raw)


def parse_entry_text(raw: str) -> ScannedEntry | None:
    """One entry's text, read by the scanner or else by bibtexparser."""
    entry = scan_entry(raw, raw.find("@"))
    if entry is not None:
        return entry
    import bibtexparser

    parsed = bibtexparser.parse_string(raw, parse_stack=[])
    candidates = parsed.entries + [getattr(block, "ignore_error_block", None)
                                   for block in parsed.failed_blocks]
    found = next((candidate for candidate in candidates if candidate is not None), None)
    return _from_bibtexparser(found, raw) if found is not None else None


_NO_KEY = re.compile(r"@\s*\w+\s*[{(]\s*[\w-]+\s*=")  # a field right after the brace


def _failure_reason(block) -> str:
    error = str(getattr(block, "error", "") or "")
    if _NO_KEY.match(block.raw):
        return "entry has no key (its first field follows the opening brace)"
    if "closing" in error or "Unexpected block start" in error or not error:
        return "block is not closed (a brace or quote is missing)"
    return "block cannot be read: " + error.splitlines()[0]
