"""Write RIS with Zotero's tag meanings (`tags`): the mapping Zotero imports
with nothing lost. An untouched record read from RIS is written back as it was;
whatever RIS cannot hold is reported, one line per field.
"""

from __future__ import annotations

import dataclasses
import re

from refmanager import richtext
from refmanager.errors import Problem
from refmanager.io.base import FieldOrder, Written, record_problem, untouched_source, verbatim_text
from refmanager.io.ris import extra
from refmanager.io.ris.read import FORMAT, PROTECTED_LINE, TAG_LINE, persons_with_commas
from refmanager.io.ris.tags import (
    CSL_TO_RIS, NEAREST_RIS, RIS_TO_CSL, family, format_date, format_name, parse_name,
    serial_variable, tag_of_variable, variable_of_tag,
)
from refmanager.model import (
    SCALAR_VARIABLES, SOURCE_TYPE, DateValue, Document, FieldValue, Name, Record, Verbatim,
)

_SIMPLE_RANGE = re.compile(r"([^\s\u2010-\u2015-]+)-([^\s\u2010-\u2015-]+)")

# The writer's order: names, the common variables, dates, other variables, keywords,
# and the long free texts last.
_LONG_TEXTS = ("abstract", "note")
_FIELD_ORDER = FieldOrder(
    "names", *(name for name in SCALAR_VARIABLES.values() if name not in _LONG_TEXTS),
    "date", "text", "keywords", *_LONG_TEXTS)


def write_ris(document: Document, keep_markup: frozenset[str] = frozenset()) -> Written:
    """The RIS text of a document, and what RIS could not hold.

    `keep_markup`: the CSL variables whose rich-text tags are written as they are,
    for a reader that stores them (Zotero keeps `<i>` in its title fields).
    """
    eol = _line_ending(document)
    from_ris = document.format == FORMAT
    out: list[str] = []
    problems: list[Problem] = []
    sources = [untouched_source(block, FORMAT) if isinstance(block, Record) else None
               for block in document.blocks]
    commas = _names_with_commas(document.blocks, sources)
    for block, source in zip(document.blocks, sources):
        if isinstance(block, Verbatim):
            text = verbatim_text(block, from_ris, "RIS", document.path, problems)
        elif source is not None:
            text = source
        else:
            if out and not out[-1].endswith("\n"):
                out.append(eol)  # a last record read without a final line break
            # A record that replaces its own text keeps the file's blank lines, which
            # are Verbatim blocks: a changed record then changes only its own lines.
            blank_line = not _read_here(block, from_ris)
            text = _RecordWriter(block, problems, keep_markup, commas).text(eol, blank_line)
        if text:
            out.append(text)
    return Written("".join(out), problems)


def _line_ending(document: Document) -> str:
    """CRLF if the records were read with it, else LF."""
    for record in document.records:
        raw = record.origin.raw if record.origin and record.origin.format == FORMAT else None
        if raw and "\n" in raw:
            return "\r\n" if "\r\n" in raw else "\n"
    return "\n"


def _names_with_commas(blocks: list, sources: list[str | None]) -> bool:
    """Whether the file written names persons as `Family, Given` (then the reader takes
    every name without a comma for an organisation's, as Zotero does). It does, unless
    its records written as they were read (`sources`, by block) name persons without
    (a catalogue's `Joseph Nye`): the records written anew then follow them."""
    kept = "".join(source for source in sources if source is not None)
    style = persons_with_commas(kept) if kept else None
    if style is not None:
        return style
    return any(not name.literal for block, source in zip(blocks, sources)
               if source is None and isinstance(block, Record)
               for names in block.creators.values() for name in names)


def _read_here(record: Record, from_ris: bool) -> bool:
    origin = record.origin
    return from_ris and origin is not None and origin.format == FORMAT and origin.raw is not None


class _RecordWriter:
    """One record as RIS lines, with Zotero's tag for each field of its type."""

    def __init__(self, record: Record, problems: list[Problem],
                 keep_markup: frozenset[str] = frozenset(), commas: bool = True):
        self.record, self.problems, self.keep_markup = record, problems, keep_markup
        self.commas = commas  # whether persons are written `Family, Given` (`_names_with_commas`)
        self.family = family(record.type)
        self.table = tag_of_variable(self.family)
        self.lines: list[tuple[str, str]] = []
        self.extras: list[str] = []  # M2 lines, after the tagged fields

    def text(self, eol: str, blank_line: bool = True) -> str:
        self.add("TY", self.type_code())
        self.add("ID", self.record.key)
        for name, kind, value in _FIELD_ORDER.items_of(self.record):
            self.write_field(name, kind, value)
        for value in self.extras:
            self.add(extra.TAG, value)
        self.write_foreign()
        lines = "".join(_tag_lines(tag, value, eol) for tag, value in self.lines)
        return f"{lines}ER  - {eol}{eol if blank_line else ''}"

    def add(self, tag: str, value: str) -> None:
        if value:
            self.lines.append((tag, value))

    def lost(self, name: str, why: str = "cannot be held in RIS; left out") -> None:
        self.report(f"field {name!r} {why}")

    def plain(self, text: str, what: str) -> str:
        """Text without rich-text tags, which RIS cannot hold: said, not silently dropped."""
        if what in self.keep_markup:
            return text
        stripped = richtext.plain(text)
        if stripped != text:
            self.report(f"the formatting of {what!r} (italics, case protection) cannot be held "
                        "in RIS; written as plain text")
        return stripped

    def report(self, note: str) -> None:
        self.problems.append(record_problem(self.record, note))

    def type_code(self) -> str:
        origin, csl_type = self.record.origin, self.record.type
        # Keep the source's own code (EJOUR, WEB, an unknown one) while it still fits.
        source_code = origin.entry_type if origin and origin.format == FORMAT else ""
        if source_code and RIS_TO_CSL.get(source_code.upper(), "document") == csl_type:
            return source_code
        if csl_type in CSL_TO_RIS:
            return CSL_TO_RIS[csl_type]
        code = NEAREST_RIS.get(csl_type, "GEN")
        self.extras.append(f"{extra.TYPE}: {csl_type}")  # what the reader takes it back from
        self.report(f"type {csl_type!r} has no RIS type; written as {code}, "
                    f"with '{extra.TYPE}: {csl_type}' in {extra.TAG}")
        return code

    def write_field(self, name: str, kind: str, value: FieldValue) -> None:
        """One field of the record: its CSL name, kind and value."""
        if kind == "names":
            self.write_names(name, value)
        elif kind == "date":
            self.write_date_field(name, value)
        elif kind == "keywords":
            self.write_keywords(value)
        else:
            self.write_text(name, value)

    def carry(self, name: str, kind: str, value: FieldValue) -> None:
        """A field the type has no tag for, as `name: value` lines in M2 (`ris_extra`)."""
        if kind == "names":
            value = [self.plain_name(one) for one in value]
        elif kind == "text":
            value = self.plain(str(value), name)
        values = extra.extra_values(name, kind, value) if extra.can_carry(name) else None
        if values is None:
            self.lost(name)
        else:
            self.extras += values

    def write_names(self, role: str, names: list[Name]) -> None:
        tag = self.table.get(role)
        if tag is None:
            self.carry(role, "names", names)
            return
        for name in names:
            self.add(tag, self.name_text(name, role))

    def plain_name(self, name: Name) -> Name:
        """The name without rich text and without properties RIS cannot hold (said)."""
        parts = (part.name for part in dataclasses.fields(Name) if part.name != "extra")
        plain = Name(**{part: richtext.plain(getattr(name, part)) for part in parts})
        for part, _ in name.extra:
            self.report(f"the name property {part!r} of {plain.display()!r} cannot be held in "
                        "RIS; left out")
        return plain

    def name_text(self, name: Name, role: str) -> str:
        plain = self.plain_name(name)
        text = format_name(plain, self.commas)
        back = parse_name(text, self.commas)
        # Particles may come back split differently ("Luis de" -> "Luis" + "de"): the
        # same name. A person read as an organisation or the other way round is not.
        if (back.display(), bool(back.literal)) != (plain.display(), bool(plain.literal)):
            self.report(f"name {plain.display()!r} ({role}) is written as {text!r}, which reads "
                        "back differently")
        return text

    def write_text(self, variable: str, value: str) -> None:
        tag = self.table.get(variable)
        if tag is None:
            self.carry(variable, "text", value)
        elif variable == "page":
            self.write_page(value)
        elif tag == "SN":
            self.write_serial(variable, value)
        else:
            self.add(tag, value if variable in ("URL", "DOI") else self.plain(str(value), variable))

    def write_page(self, page: str) -> None:
        # Only a plain "153-171" is split: an en dash or a list stays whole in SP,
        # which reads back exactly as written.
        match = _SIMPLE_RANGE.fullmatch(page)
        self.add(self.table["page"], match.group(1) if match else page)
        if match:
            self.add("EP", match.group(2))

    def write_serial(self, variable: str, value: str) -> None:
        # A value that SN would read back as another field goes into M2 instead.
        if serial_variable(self.family, value) != variable:
            self.carry(variable, "text", value)
        else:
            self.add("SN", value)

    def write_date_field(self, role: str, date: DateValue) -> None:
        tag = self.table.get(role)
        if tag is None:
            self.carry(role, "date", date)
        elif date.literal or (date.parts and date.parts[0]):
            self.write_date(tag, role, date)

    def write_date(self, tag: str, role: str, date: DateValue) -> None:
        if len(date.parts) > 1:
            self.lost(role, "is a range, which RIS cannot hold; only its start is written")
        if date.circa:
            self.lost(role, "is approximate, which RIS cannot say; written as exact")
        if tag != "PY":
            self.add(tag, format_date(date))
        elif date.literal:
            self.add("DA", date.literal)
        else:
            self.add("PY", f"{date.parts[0][0]:04d}")  # PY holds the year; DA the full date
            if len(date.parts[0]) > 1 or date.season:
                self.add("DA", format_date(date))

    def write_keywords(self, keywords: list[str]) -> None:
        for keyword in keywords:
            if re.search(r"[;\n]", keyword):
                self.report(f"keyword {keyword!r} reads back as several (RIS readers split "
                            "a KW at ';')")
            self.add("KW", self.plain(keyword, "keyword"))

    def write_foreign(self) -> None:
        for source, values in self.record.foreign.items():
            for name, value in values.items():
                if source == FORMAT and _is_foreign_tag(name):
                    self.write_kept(name, value)
                elif name == SOURCE_TYPE:
                    self.report(f"the {source} entry type {value!r} cannot be held in RIS; left out")
                else:
                    self.lost(f"{source}:{name}")

    def write_kept(self, tag: str, value: str) -> None:
        # A tag the reader understands was kept because its field was taken: one tag
        # with continuation lines keeps it whole. Other tags, and M2's lines (each one
        # line of Extra), go back as repeated tags.
        if variable_of_tag(self.family).get(tag) is not None and tag != extra.TAG:
            self.add(tag, value)
        else:
            for one_value in _repeated_values(value):
                self.add(tag, one_value)


def _is_foreign_tag(name: str) -> bool:
    """A tag that can be written back as it was read (TY and ER would break the record)."""
    return bool(TAG_LINE.match(f"{name}  - ")) and name not in ("TY", "ER")


def _repeated_values(value: str) -> list[str]:
    """Undo the reader's joining of repeated tags with "\\n". A line that cannot be a
    value of its own (blank, with spaces around it, or after a blank line) was a
    continuation line and stays one; either way the value reads back as it is."""
    values: list[str] = []
    for line in value.split("\n"):
        if values and (not line or line != line.strip() or values[-1].endswith("\n")):
            values[-1] += "\n" + line
        else:
            values.append(line)
    return values


def _tag_lines(tag: str, value: str, eol: str) -> str:
    """`XX  - value`; further lines of the value as continuation lines, one more space
    in front of those that would read as tag lines (the reader takes it off again)."""
    first, *rest = value.split("\n")
    rest = [f" {line}" if PROTECTED_LINE.match(line) else line for line in rest]
    return f"{tag}  - {first}{eol}" + "".join(f"{line}{eol}" for line in rest)
