"""Records read from BibTeX that decode their entry on first use.

Decoding LaTeX and splitting names is most of the cost of reading a BibTeX file,
and a file written back unchanged needs none of it: its entries are written as
their source text. So the reader gives a `PendingRecord`, which holds its
scanned entry and only its key. The first time anything else of it is read or
set (a field, its origin, its problems, a copy, a comparison), it builds the
record exactly as an eager reader would, fills itself in and becomes a plain
`Record`: from then on it is one in every respect (`type(record) is Record`),
at no cost. Code that reads records sees the same values either way. The
other pending records of the file are built with it, in one go (see
`PendingRecord.built` for why).

A record that is still pending is untouched by construction (changing it would
have decoded it first), so the writer takes its source text without decoding.
"""

from __future__ import annotations

from dataclasses import dataclass

from refmanager.collector import collector_paused
from refmanager.errors import Problem
from refmanager.io.bibtex.mapping import entry_to_record
from refmanager.io.bibtex.scan import ScannedEntry
from refmanager.io.bibtex.source import entry_origin
from refmanager.model import Origin, Record

_ORIGIN_SLOT = Record.origin  # the slot's own descriptor: `PendingRecord.origin` hides it
_KEY_SLOT = Record.key


@dataclass(slots=True)
class PendingEntry:
    """What a pending record is built from: the entry as scanned (values evaluated),
    where it was read, and the problems found while reading it."""

    entry: ScannedEntry
    key: str
    path: str
    line: int
    dialect: str
    problems: list[Problem]
    group: list  # the file's pending records, built together (see `PendingRecord.built`)
    has_crossref: bool  # whether the entry has a `crossref` field, which the reader checks
    field_names: tuple[str, ...]  # the names of the entry's fields, as written

    def build(self, into: Record | None = None) -> Record:
        """The record, as an eager reader makes it (`into`: a fresh Record to fill)."""
        entry, names = self.entry, self.field_names
        record, notes = entry_to_record(entry.entry_type, self.key, entry.fields, into, names)
        problems = list(self.problems)
        if notes:
            problems.extend(Problem(self.path, self.line, f"{self.key}: {note}", "warning") for note in notes)
        record.problems = problems
        record.origin = entry_origin(self.path, self.line, entry, self.dialect, record, names)
        return record


def pending_record(pending: PendingEntry) -> "PendingRecord":
    """A record to be built from an entry; only its key is there now."""
    record = object.__new__(PendingRecord)
    _KEY_SLOT.__set__(record, pending.key)
    _ORIGIN_SLOT.__set__(record, pending)
    return record


def source_dialect(record: Record) -> str:
    """The dialect of the record's source text ("" if none), without building a pending record."""
    if isinstance(record, PendingRecord):
        return record.pending.dialect
    return record.origin.dialect if record.origin is not None else ""


class PendingRecord(Record):
    """A Record that is built from its entry when first used (see the module docstring).
    It adds no slot: the entry waits in the `origin` slot, so that the object can
    become a plain Record once built."""

    __slots__ = ()

    @property
    def pending(self) -> PendingEntry:
        """The entry this record will be built from (reading it builds nothing)."""
        return _ORIGIN_SLOT.__get__(self)

    def built(self) -> Record:
        """This object, built and now a plain Record, with the rest of its file.

        The file's pending records are built together, with the cycle collector
        paused: code that goes through every record (a normalize step, a writer of
        another format) then builds them at the cost of an eager reader, where one
        at a time, or in runs of a thousand, let the collector walk the growing heap
        again and again (a tenth more time to read and regenerate every entry)."""
        group = self.pending.group
        with collector_paused():
            for record in group:
                if isinstance(record, PendingRecord):  # the reader may have built one alone
                    record.built_alone()
        group.clear()  # it held the records, which held it
        return self

    def built_alone(self) -> Record:
        """This object, built and now a plain Record; the rest of its file waits."""
        pending = self.pending
        object.__setattr__(self, "__class__", Record)  # the same slots: allowed, and final
        Record.__init__(self, key=pending.key)
        pending.build(into=self)
        return self

    @property
    def origin(self) -> Origin:
        return self.built().origin

    def __getattr__(self, name: str):
        # Only reached for a slot not filled yet: every field but the key.
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.built(), name)

    def __setattr__(self, name: str, value) -> None:
        setattr(self.built(), name, value)

    def __delattr__(self, name: str) -> None:
        delattr(self.built(), name)

    def is_untouched(self) -> bool:
        return True  # any change would have built it first

    def __eq__(self, other):
        for record in (self, other):
            if isinstance(record, PendingRecord):  # building one may build the other
                record.built()
        return self == other

    __hash__ = None  # as Record's

    def __repr__(self) -> str:
        return repr(self.built())

    def __reduce_ex__(self, protocol):
        return self.built().__reduce_ex__(protocol)
