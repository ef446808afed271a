"""What a record read from BibTeX remembers of its entry, for writing it back.

A changed record is written again from the model, but each field whose value
did not change keeps its source text (its spelling, macros, braces). To tell
which, the reader keeps, beside the entry's text (`Origin.raw`): where each
field's value lies in that text, and the record's state as read. A field is
unchanged when its part of the model (`mapping.field_slot`) is the same now as
in that state, so nothing is read a second time.

The spelling of the field names is the source's too (`Title`, `AUTHOR`): a
rule that respells them (`respell_field_names`) edits the source text, so that
the writer's reuse of it carries the new spelling.

The memory this costs is small: two offsets a field, and the state tuple, whose
strings and names are those of the record itself.
"""

from __future__ import annotations

import dataclasses
from array import array
from dataclasses import dataclass, field
from functools import lru_cache

from refmanager.io.bibtex.mapping import field_slot, part_of
from refmanager.io.bibtex.scan import ScannedEntry
from refmanager.model import SCALAR_VARIABLES, Origin, Record

FORMAT = "bibtex"
_SCALAR_INDEX = {attribute: index for index, attribute in enumerate(SCALAR_VARIABLES)}


@dataclass(frozen=True, slots=True, eq=False)
class BibtexOrigin(Origin):
    """An Origin that also knows the entry's fields (see the module docstring)."""

    field_names: tuple[str, ...] = field(default=(), repr=False)
    value_bounds: array | None = field(default=None, repr=False)  # start, end of each value in raw
    state: tuple | None = field(default=None, repr=False)  # Record.state() as read

    def matches(self, state: tuple) -> bool:
        # With no fingerprint the kept state stands for it: comparing with it is mostly
        # identity checks (the record holds the same strings and names), where hashing
        # hashes every one of them. A fingerprint set since (0: "treat as changed") rules.
        if self.fingerprint is None:
            return state == self.state
        return Origin.matches(self, state)


def source_origin(origin: Origin, record: Record, field_names: tuple[str, ...],
                  value_bounds: array | None) -> BibtexOrigin:
    """The origin to seal a record with: as `Record.seal` does, keeping the state itself
    in place of its hash (see `BibtexOrigin.matches`)."""
    return BibtexOrigin(origin.path, origin.line, origin.format, origin.entry_type, origin.raw,
                        None, origin.dialect, field_names, value_bounds, record.state())


def entry_origin(path: str, line: int, entry: ScannedEntry, dialect: str, record: Record,
                 field_names: tuple[str, ...]) -> BibtexOrigin:
    """The origin of a record just read from `entry`: `source_origin` of its plain Origin,
    built at once (the reader makes one for every entry of a file)."""
    return BibtexOrigin(path, line, FORMAT, entry.entry_type, entry.raw, None, dialect, field_names,
                        value_bounds(entry), record.state())


def value_bounds(entry: ScannedEntry) -> array | None:
    """Where each field's value lies in the entry's text, for the writer; None when
    one cannot be found (bibtexparser does not say where a value starts)."""
    fields = entry.fields
    starts = [field.value_offset for field in fields]
    if min(starts, default=0) >= 0:  # the scanner's fields, where every start is known
        bounds = starts * 2  # interleaved in a list, then one array: fewer objects than three
        bounds[0::2] = starts
        bounds[1::2] = [field.value_offset + len(field.value) for field in fields]
        return array("l", bounds)
    bounds = array("l")
    for field in fields:
        start = field.value_offset
        if start < 0:
            start = entry.raw.find(field.value, field.offset)
            if start < 0:
                return None
        bounds.append(start)
        bounds.append(start + len(field.value))
    return bounds


def source_fields(origin: BibtexOrigin) -> list[tuple[str, str]]:
    """Each field of the entry as written: its name and its raw value expression."""
    bounds = origin.value_bounds
    return [(name, origin.raw[bounds[2 * index]:bounds[2 * index + 1]])
            for index, name in enumerate(origin.field_names)]


def unchanged_fields(record: Record, origin: BibtexOrigin) -> list[bool]:
    """For each field of the entry, whether the record still says what the field said."""
    before = _StateView(origin.state)
    return [slot is not None and part_of(record, *slot) == before.part(*slot)
            for slot in field_slots(origin.entry_type, origin.field_names)]


def field_names_as_written(record: Record) -> list[str]:
    """The names of the entry's fields as its source spells them (`Title`, `AUTHOR`),
    in order; none for a record whose source text is not known field by field."""
    origin = record.origin
    if isinstance(origin, BibtexOrigin) and origin.value_bounds is not None:
        return list(origin.field_names)
    return []


def respell_field_names(record: Record, names: list[str]) -> None:
    """Write the entry's field names as `names` (the same names, in another letter case).

    The names are changed in the source text itself, which the writer reuses (whole
    for an otherwise unchanged record, field by field for a changed one); the
    record's state, and so its fingerprint, stays as read.
    """
    origin = record.origin
    written = field_names_as_written(record)
    if len(names) != len(written) or any(
            len(new) != len(old) or new.lower() != old.lower() for old, new in zip(written, names)):
        raise ValueError(f"record {record.key!r}: {names} does not respell its fields {written}")
    raw, bounds, pieces, done = origin.raw, origin.value_bounds, [], 0
    for index, (old, new) in enumerate(zip(written, names)):
        if old == new:
            continue
        end = raw.rfind("=", 0, bounds[2 * index])  # only spaces lie between a name and its `=`
        while raw[end - 1].isspace():
            end -= 1
        pieces += [raw[done:end - len(old)], new]
        done = end
    record.origin = dataclasses.replace(origin, raw="".join(pieces) + raw[done:],
                                        field_names=tuple(names))


@lru_cache(maxsize=10_000)
def field_slots(entry_type: str, field_names: tuple[str, ...]) -> tuple:
    """The model's place for each field; cached, as a file's entries share a few layouts."""
    kind = entry_type.lower()
    return tuple(field_slot(kind, name.lower()) for name in field_names)


@lru_cache(maxsize=10_000)
def lowercased(field_names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name.lower() for name in field_names)


class _StateView:
    """The parts of `Record.state()`: (key, type, scalars in SCALAR_VARIABLES order,
    creators, dates, keywords, variables, foreign), the mappings as sorted pairs."""

    def __init__(self, state: tuple):
        self.state = state
        self.mappings: dict[int, dict] = {}

    def part(self, where: str, name: str):
        if where == "attribute":
            return self.state[2][_SCALAR_INDEX[name]]
        if where == "keywords":
            return self.state[5]
        index = _MAPPING_INDEX[where]
        mapping = self.mappings.get(index)
        if mapping is None:
            mapping = self.mappings[index] = dict(self.state[index])
        return mapping.get(name, () if where == "creators" else None)


_MAPPING_INDEX = {"creators": 3, "dates": 4, "date-part": 4, "variables": 6}
