"""Write BibTeX and BibLaTeX files.

An untouched record is written as its source text, so a file read and written
with no change asked for is byte-identical. A changed or foreign record is
generated from the model, reusing the source text of each field whose value did
not change.
"""

from __future__ import annotations

import re
from functools import partial

from refmanager.errors import Problem
from refmanager.io.base import Written, record_problem, untouched_source, verbatim_text
from refmanager.io.bibtex.mapping import SourceField, entry_to_record, entry_type_for, record_to_fields
from refmanager.io.bibtex.read import FORMAT, collector_paused, parse_entry_text, value_bounds
from refmanager.io.bibtex.scan import KEY, KEY_UNUSABLE
from refmanager.io.bibtex.source import BibtexOrigin, lowercased, source_fields, source_origin, unchanged_fields
from refmanager.io.bibtex.values import evaluate
from refmanager.model import Document, Record, Verbatim


def write_bibtex(document: Document, dialect: str = "bibtex", ascii: bool = False) -> Written:
    """The BibTeX text of a document; `dialect` is "bibtex" or "biblatex"."""
    out: list[str] = []
    problems: list[Problem] = []
    from_bibtex = document.format == FORMAT
    with collector_paused():
        _write_blocks(document, dialect, ascii, from_bibtex, out, problems)
    return Written("".join(out), problems)


def _write_blocks(document: Document, dialect: str, ascii: bool, from_bibtex: bool,
                  out: list[str], problems: list[Problem]) -> None:
    for block in document.blocks:
        if isinstance(block, Verbatim):
            out.append(verbatim_text(block, from_bibtex, "BibTeX", document.path, problems))
        elif (source := _source_that_fits(block, dialect, ascii)) is not None:
            out.append(source)
        else:
            text, notes = format_entry(block, dialect, ascii, document.strings)
            out.append(text if from_bibtex else ("\n" if out else "") + text + "\n")
            problems.extend(record_problem(block, note) for note in notes)


write_biblatex = partial(write_bibtex, dialect="biblatex")


def _source_that_fits(record: Record, dialect: str, ascii: bool) -> str | None:
    """The record's untouched source text, if it is what was asked for: classic
    BibTeX cannot take biblatex's types and fields (biblatex takes classic ones),
    and ASCII output cannot take UTF-8."""
    source = untouched_source(record, FORMAT)
    if source is None or (ascii and not source.isascii()):
        return None
    if dialect == "bibtex" and record.origin.dialect == "biblatex" and not _classic_alike(record, ascii):
        return None
    return source


def _classic_alike(record: Record, ascii: bool) -> bool:
    """Whether the entry written as classic BibTeX has its own type and fields (a biblatex
    field with no classic equivalent, `entrysubtype`, `eid`, is written as it is): then
    writing it again would change its layout only."""
    names = getattr(record.origin, "field_names", None)
    if names is None or entry_type_for(record, "bibtex").lower() != record.origin.entry_type.lower():
        return False
    fields, _notes = record_to_fields(record, "bibtex", ascii)
    return sorted(name.lower() for name, _value in fields) == sorted(name.lower() for name in names)


def format_entry(record: Record, dialect: str = "bibtex", ascii: bool = False,
                 strings: dict[str, str] | None = None) -> tuple[str, list[str]]:
    """One entry's text, and notes on what BibTeX could not hold."""
    fields, notes = record_to_fields(record, dialect, ascii)
    entry_type = entry_type_for(record, dialect)
    origin = record.origin
    if origin is not None and origin.format == FORMAT and origin.raw:
        fields = _reuse_source_fields(record, fields, ascii, strings or {})
        entry_type = origin.entry_type if origin.entry_type.lower() == entry_type.lower() else entry_type
    body = "".join(f"  {name} = {value},\n" for name, value in fields)
    return f"@{entry_type}{{{_bibtex_key(record.key, notes)},\n{body}}}", notes


def _bibtex_key(key: str, notes: list[str]) -> str:
    """The key, with the characters BibTeX cannot have in one (spaces, commas, braces...) replaced."""
    if KEY.fullmatch(key):
        return key
    usable = re.sub(KEY_UNUSABLE, "_", key) or "key"
    notes.append(f"key {key!r} cannot be a BibTeX key; written as {usable!r}")
    return usable


def _reuse_source_fields(record: Record, fields: list[tuple[str, str]], ascii: bool,
                         strings: dict[str, str]) -> list[tuple[str, str]]:
    """Keep the source's spelling, order and text for every field whose value is unchanged."""
    origin = _origin_with_fields(record, strings)
    if origin is None:
        return fields
    source = source_fields(origin)
    source_names = lowercased(origin.field_names)
    generated: dict[str, tuple[str, str]] = {}
    for new in fields:
        generated.setdefault(new[0].lower(), new)
    renamed = [new for new in fields if new[0].lower() not in source_names]
    merged = []
    # The source's order first.
    for (name, raw), lower, unchanged in zip(source, source_names, unchanged_fields(record, origin)):
        match = generated.get(lower)
        if match is not None:
            reuse = unchanged and (not ascii or raw.isascii())
            merged.append((name, raw if reuse else match[1]))
        elif renamed:
            # A field written under another name now (booktitle -> journaltitle) takes the
            # place of the one it replaces: ahead of a kept rival, as the reader takes the first.
            merged.extend(renamed)
            renamed = []
    return merged + renamed


def _origin_with_fields(record: Record, strings: dict[str, str]) -> BibtexOrigin | None:
    """The record's origin with its fields as read; an origin made elsewhere (a copy
    with only the entry's text) is completed by reading that text again."""
    origin = record.origin
    if isinstance(origin, BibtexOrigin) and origin.value_bounds is not None and origin.state is not None:
        return origin
    entry = parse_entry_text(origin.raw)
    if entry is None:
        return None
    source = [SourceField(field.name, *_evaluated(field.value, strings)) for field in entry.fields]
    before, _ = entry_to_record(entry.entry_type, entry.key, source)
    names = tuple(field.name for field in entry.fields)
    return source_origin(origin, before, names, value_bounds(entry))


def _evaluated(expression: str, strings: dict[str, str]) -> tuple[str, str, int | None]:
    value = evaluate(expression, strings)
    return value.text, expression, value.month
