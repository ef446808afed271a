"""Write BibTeX and BibLaTeX files.

An untouched record is written as its source text, so a file read and written
with no change asked for is byte-identical. A changed or foreign record is
generated from the model, reusing the source text of each field whose value did
not change.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import partial

from refmanager.collector import collector_paused
from refmanager.errors import Problem
from refmanager.io.base import Written, record_problem, untouched_source, verbatim_text
from refmanager.io.bibtex.layout import entry_in_layout, header_of, layout_of, spliced
from refmanager.io.bibtex.mapping import (
    SourceField,
    entry_to_record,
    entry_type_for,
    record_to_fields,
)
from refmanager.io.bibtex.pending import PendingRecord
from refmanager.io.bibtex.read import FORMAT, parse_entry_text
from refmanager.io.bibtex.scan import KEY, KEY_UNUSABLE
from refmanager.io.bibtex.tables import CLASSIC_RESPELLINGS
from refmanager.io.bibtex.source import (
    BibtexOrigin,
    field_slots,
    lowercased,
    source_fields,
    source_origin,
    unchanged_fields,
    value_bounds,
)
from refmanager.io.bibtex.values import evaluate
from refmanager.model import Document, Record, Verbatim


def write_bibtex(document: Document, dialect: str = "bibtex", ascii: bool = False) -> Written:
    """The BibTeX text of a document; `dialect` is "bibtex" or "biblatex"."""
    return write_bibtex_blocks(document, range(len(document.blocks)), dialect, ascii)


def write_bibtex_blocks(document: Document, part: range, dialect: str = "bibtex",
                        ascii: bool = False) -> Written:
    """The text of the document's blocks in `part`: the texts of consecutive parts,
    joined, are the document's (`refmanager.clean_parts` writes a file in parts)."""
    out: list[str] = []
    problems: list[Problem] = []
    from_bibtex = document.format == FORMAT
    with collector_paused():
        _write_blocks(document, part, dialect, ascii, from_bibtex, out, problems)
    return Written("".join(out), problems)


def _write_blocks(document: Document, part: range, dialect: str, ascii: bool, from_bibtex: bool,
                  out: list[str], problems: list[Problem]) -> None:
    after_others = part.start > 0  # the first block of a part may follow others
    for block in document.blocks[part.start:part.stop]:
        if isinstance(block, Verbatim):
            out.append(verbatim_text(block, from_bibtex, "BibTeX", document.path, problems))
        elif (source := _source_that_fits(block, dialect, ascii)) is not None:
            out.append(source)
        else:
            text, notes = format_entry(block, dialect, ascii, document.strings)
            out.append(text if from_bibtex else ("\n" if out or after_others else "") + text + "\n")
            problems.extend(record_problem(block, note) for note in notes)


write_biblatex = partial(write_bibtex, dialect="biblatex")


def _source_that_fits(record: Record, dialect: str, ascii: bool) -> str | None:
    """The record's untouched source text, if it is what was asked for: classic
    BibTeX cannot take biblatex's types and fields (biblatex takes classic ones),
    and ASCII output cannot take UTF-8."""
    if isinstance(record, PendingRecord):  # untouched, and not decoded yet: not decoded here either
        source, source_dialect = record.pending.entry.raw, record.pending.dialect
    else:
        source = untouched_source(record, FORMAT)
        source_dialect = record.origin.dialect if source is not None else ""
    if source is None or (ascii and not source.isascii()):
        return None
    if dialect == "bibtex" and source_dialect == "biblatex" and not _classic_alike(record, ascii):
        return None
    return source


def _classic_alike(record: Record, ascii: bool) -> bool:
    """Whether the entry written as classic BibTeX has its own type and fields (a biblatex
    field with no classic equivalent, `eid`, is written as it is, and one that classic
    output respells for our reader alone, `urldate`, counts as its respelling): then
    writing it again would change its layout only."""
    names = getattr(record.origin, "field_names", None)
    if names is None or entry_type_for(record, "bibtex").lower() != record.origin.entry_type.lower():
        return False
    fields, _notes = record_to_fields(record, "bibtex", ascii)
    return _classic_spellings(name for name, _value in fields) == _classic_spellings(names)


def _classic_spellings(names) -> list[str]:
    """Field names, lowercased and spelt as classic output spells them, in order."""
    return sorted(CLASSIC_RESPELLINGS.get(name.lower(), name.lower()) for name in names)


def format_entry(record: Record, dialect: str = "bibtex", ascii: bool = False,
                 strings: dict[str, str] | None = None) -> tuple[str, list[str]]:
    """One entry's text, and notes on what BibTeX could not hold.

    An entry read as classic BibTeX stays so in a biblatex file, which reads classic
    fields and types: a cleaned `journal` or `year` is not respelt `journaltitle` or
    `date` (and `refman revert` finds the field names it wrote), unless the record
    now holds what only biblatex can."""
    if dialect == "biblatex" and getattr(record.origin, "dialect", "") == "bibtex":
        classic = _formatted_entry(record, "bibtex", ascii, strings)
        if not classic[1]:
            return classic
    return _formatted_entry(record, dialect, ascii, strings)


def _formatted_entry(record: Record, dialect: str, ascii: bool,
                     strings: dict[str, str] | None) -> tuple[str, list[str]]:
    entry_type = entry_type_for(record, dialect)
    origin = record.origin
    source = None
    if origin is not None and origin.format == FORMAT and origin.raw:
        # An entry written in ASCII (LaTeX for its accents) stays so where it changes.
        ascii = ascii or origin.raw.isascii()
        source = _reusable_source(record, dialect, entry_type, ascii, strings or {})
        entry_type = origin.entry_type if origin.entry_type.lower() == entry_type.lower() else entry_type
    fields, notes = record_to_fields(record, dialect, ascii, source.kept if source else frozenset())
    fields = [(name, _off_line_start(value)) for name, value in fields]
    key = _bibtex_key(record.key, notes)
    if source is not None:
        fields = source.merged_with(fields)
        if (kept := _in_source_layout(source.origin, entry_type, key, fields)) is not None:
            return kept, notes
    body = "".join(f"  {name} = {value},\n" for name, value in fields)
    return f"@{entry_type}{{{key},\n{body}}}", notes


def _in_source_layout(origin: BibtexOrigin, entry_type: str, key: str,
                      fields: list[tuple[str, str]]) -> str | None:
    """The entry in its source's layout (`io.bibtex.layout`): the source text with only
    the changed values replaced when it keeps its type, key and fields, else generated
    in that layout; None when the source has no layout to keep."""
    if header_of(origin.raw) == (entry_type, key):
        text = spliced(origin.raw, origin.value_bounds, origin.field_names, fields)
        if text is not None:
            return text
    layout = layout_of(origin.raw, origin.value_bounds, origin.field_names)
    return entry_in_layout(layout, entry_type, key, fields) if layout is not None else None


# A line of a value that starts with `@` (after blanks) starts a new entry for
# bibtexparser and for our scanner, which stop a value there; BibTeX itself reads
# on. An empty group before the `@` keeps it off the line start, and every
# reader reads the same value (an empty group is no text).
_AT_LINE_START = re.compile(r"(\n[ \t]*)@")


def _off_line_start(value: str) -> str:
    return _AT_LINE_START.sub(r"\1{}@", value) if "@" in value else value


def _bibtex_key(key: str, notes: list[str]) -> str:
    """The key, with the characters BibTeX cannot have in one (spaces, commas, braces...) replaced."""
    if KEY.fullmatch(key):
        return key
    usable = re.sub(KEY_UNUSABLE, "_", key) or "key"
    notes.append(f"key {key!r} cannot be a BibTeX key; written as {usable!r}")
    return usable


@dataclass(slots=True)
class _ReusableSource:
    """An entry's source fields, each with its text if the record still says what it said."""

    origin: BibtexOrigin  # the record's origin, with its fields as read
    fields: list[tuple[str, str, str | None]]  # name, lowercased name, reusable text or None
    # The record's places (`field_slot`) whose source text is reused as it is, so that
    # they need not be generated: only when the entry keeps its type and dialect, since
    # otherwise a field may have to change its name (journal -> booktitle, year -> date).
    kept: frozenset

    def merged_with(self, generated: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """The entry's fields: the source's spelling, order and text for what did not change,
        the generated fields (of what changed or is new) in their source places or after."""
        by_name: dict[str, tuple[str, str]] = {}
        for new in generated:
            by_name.setdefault(new[0].lower(), new)
        source_names = {lower for _name, lower, _text in self.fields}
        renamed = [new for new in generated if new[0].lower() not in source_names]
        merged = []
        for name, lower, text in self.fields:
            match = by_name.get(lower)
            if text is not None and (self.kept or match is not None):
                merged.append((name, text))
            elif match is not None:
                merged.append((name, match[1]))
            elif renamed:
                # A field written under another name now (booktitle -> journaltitle) takes the
                # place of the one it replaces: ahead of a kept rival, as the reader takes the first.
                merged.extend(renamed)
                renamed = []
        return merged + renamed


def _reusable_source(record: Record, dialect: str, entry_type: str, ascii: bool,
                     strings: dict[str, str]) -> _ReusableSource | None:
    """Which source fields can be written as they were read (ASCII output takes ASCII ones only)."""
    origin = _origin_with_fields(record, strings)
    if origin is None:
        return None
    fields, kept = [], set()
    slots = field_slots(origin.entry_type, origin.field_names)
    for (name, raw), lower, unchanged, slot in zip(source_fields(origin), lowercased(origin.field_names),
                                                   unchanged_fields(record, origin), slots):
        reuse = unchanged and (not ascii or raw.isascii())
        fields.append((name, lower, raw if reuse else None))
        if reuse:
            kept.add(slot)
    same_shape = origin.dialect == dialect and origin.entry_type.lower() == entry_type.lower()
    return _ReusableSource(origin, fields, frozenset(kept) if same_shape else frozenset())


def _origin_with_fields(record: Record, strings: dict[str, str]) -> BibtexOrigin | None:
    """The record's origin with its fields as read; an origin made elsewhere (a copy
    with only the entry's text) is completed by reading that text again."""
    origin = record.origin
    if isinstance(origin, BibtexOrigin) and origin.value_bounds is not None and origin.state is not None:
        return origin
    read = _read_again(origin, origin.raw, strings)
    return read[0] if read is not None else None


def restore_source(record: Record, text: str, strings: dict[str, str]) -> bool:
    """Make `text`, an entry as it once was, the record's source again if the record
    says exactly what it says (as after `refman revert`): then the writer copies
    it, layout and LaTeX included. False, and nothing changed, if it does not."""
    if record.origin is None or record.origin.format != FORMAT:
        return False
    read = _read_again(record.origin, text, strings)
    if read is None or _state_in_any_field_case(read[1]) != _state_in_any_field_case(record):
        return False
    record.origin, record.foreign = read[0], read[1].foreign  # the text's own spelling of its fields
    return True


def _state_in_any_field_case(record: Record) -> tuple:
    """The record's state, its verbatim fields' names in lower case: a field named
    `DATE_ADDED` in the text to restore, and `date_added` in the file a clean
    wrote (`LowercaseFieldNames`), are one field spelt two ways (the reader keys a
    verbatim field by its name as written)."""
    state = record.state()
    if not record.foreign:
        return state
    foreign = tuple((format, tuple(sorted((name.lower(), value) for name, value in values)))
                    for format, values in state[-1])
    return (*state[:-1], foreign)


def _read_again(origin, text: str, strings: dict[str, str]) -> tuple[BibtexOrigin, Record] | None:
    """An origin for `text` (the entry's type and fields as written there), and the
    record that text reads as; None if it is not one entry."""
    entry = parse_entry_text(text)
    if entry is None:
        return None
    source = [SourceField(field.name, *_evaluated(field.value, strings)) for field in entry.fields]
    before, _ = entry_to_record(entry.entry_type, entry.key, source)
    names = tuple(field.name for field in entry.fields)
    origin = dataclasses.replace(origin, raw=text, entry_type=entry.entry_type)
    return source_origin(origin, before, names, value_bounds(entry)), before


def _evaluated(expression: str, strings: dict[str, str]) -> tuple[str, str, int | None]:
    value = evaluate(expression, strings)
    return value.text, expression, value.month
