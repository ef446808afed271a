"""Changes as data: what a stage changed in a record, why, and how sure it is.

Every stage that edits records (normalize, ingest's corrections, dedupe's merges)
returns `Change`s instead of editing silently. The command line shows them as a
table, writes them as JSON (`--report`), applies them, and `refman revert` undoes
exactly them. A change below the confidence its caller accepts is a suggestion:
reported, not applied.

Values are the model's own (text, a list of `Name`s, a `DateValue`, a list of
keywords); in JSON they take their CSL-JSON form. Two kinds of field are no part
of the model but of a BibTeX entry's source text: `FIELD_NAMES`, the spelling of
the entry's field names, changed as a list of names in the entry's order; and
`bibtex:NAME` (`verbatim_field`), a field the model keeps verbatim (a biblatex
`subtitle`, a `month` the reader could not read), changed as its source text
(`{septempber}` to `sep`; see `refmanager.io.bibtex.verbatim`).
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, field
from typing import Any

from refmanager.errors import Problem
from refmanager.model import DateValue, Document, FieldValue, Name, Record, RecordId


#: The field of a change that respells a BibTeX entry's field names (`Title` as `title`).
FIELD_NAMES = "bibtex:field-names"
_VERBATIM = "bibtex:"


def verbatim_field(name: str) -> str:
    """The field of a change of the BibTeX field `name` kept verbatim: `bibtex:subtitle`."""
    return _VERBATIM + name.lower()


@dataclass(frozen=True, slots=True)
class Change:
    """One field of one record, from `old` to `new`, by `rule`, on `evidence`."""

    record: RecordId
    field: str  # the CSL name of the field: "title", "author", "issued", "DOI"
    old: FieldValue
    new: FieldValue
    rule: str  # the step that made it: "ExpandPageRange", "FixNameCase"
    evidence: str = ""  # what the change rests on: "byline: Mahmood Alipour Gorji"
    confidence: float = 1.0  # 0..1; below the caller's threshold it is only suggested

    def to_json(self) -> dict[str, Any]:
        return {
            "record": {"path": self.record.path, "position": self.record.position,
                       "key": self.record.key},
            "field": self.field, "old": value_to_json(self.old), "new": value_to_json(self.new),
            "rule": self.rule, "evidence": self.evidence, "confidence": self.confidence,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Change":
        record = data["record"]
        return cls(RecordId(record["path"], int(record["position"]), record["key"]),
                   data["field"], value_from_json(data["old"]), value_from_json(data["new"]),
                   data["rule"], data.get("evidence", ""), float(data.get("confidence", 1.0)))


def apply_changes(document: Document, changes: list[Change]) -> list[Problem]:
    """Make each change whose record still holds its old value; report the others."""
    return _replay(document, changes, forward=True)


def revert_changes(document: Document, changes: list[Change]) -> list[Problem]:
    """Undo each change whose record still holds its new value, last change first."""
    return undo_changes(document, changes).problems


@dataclass(slots=True)
class Undoing:
    """What undoing a list of changes did: how many it undid, and in which records
    (by position); how many it found undone already; the problems of the others."""

    undone: int = 0
    positions: set[int] = field(default_factory=set)
    already_undone: int = 0
    problems: list[Problem] = field(default_factory=list)


def undo_changes(document: Document, changes: list[Change]) -> Undoing:
    """Undo each change whose record still holds its new value, last change first.

    A field that holds its value from before the changes again (undone by an earlier
    revert, or by hand) is undone already: left as it is, and no problem. A field
    that holds neither is one edited since: left as it is, and a problem."""
    records, result = document.records, Undoing()
    before = _values_before(changes)
    for change in reversed(changes):
        if _undone_already(records, change, before[_field_of(change)]):
            result.already_undone += 1
        elif (problem := replay_change(records, document.path, change, forward=False)) is not None:
            result.problems.append(problem)
        else:
            result.undone += 1
            result.positions.add(change.record.position)
    return result


def _field_of(change: Change) -> tuple[int, str, str]:
    return change.record.position, change.record.key, change.field


def _values_before(changes: list[Change]) -> dict[tuple[int, str, str], FieldValue]:
    """Each changed field's value before the first of its changes (a field may change
    twice, by two rules)."""
    before: dict[tuple[int, str, str], FieldValue] = {}
    for change in changes:
        before.setdefault(_field_of(change), change.old)
    return before


def _undone_already(records: list[Record], change: Change, before: FieldValue) -> bool:
    position = change.record.position
    record = records[position] if 0 <= position < len(records) else None
    if record is None or record.key != change.record.key:
        return False
    current = field_value(record, change.field)
    if change.field == FIELD_NAMES:
        current = _respelling(current, change.new, change.old)[0]
    return not _same(current, change.new) and (_same(current, change.old) or _same(current, before))


def _replay(document: Document, changes: list[Change], forward: bool) -> list[Problem]:
    records = document.records  # once: Document.find lists them at each call
    return [problem for change in changes
            if (problem := replay_change(records, document.path, change, forward)) is not None]


def replay_change(records: list[Record], path: str, change: Change, forward: bool = True) -> Problem | None:
    """Make one change (`forward`) or undo it on the file's records (`path`'s); the
    problem if its record does not hold the value it expects, else None."""
    expected, wanted = (change.old, change.new) if forward else (change.new, change.old)
    position = change.record.position
    record = records[position] if 0 <= position < len(records) else None
    record = record if record is not None and record.key == change.record.key else None
    if record is None:
        return Problem(path, 0, f"{change.record}: no such record here; {change.field} left as it is")
    current = field_value(record, change.field)
    if change.field == FIELD_NAMES:
        current, wanted = _respelling(current, expected, wanted)
    if not _same(current, expected):
        line = record.origin.line if record.origin else 0
        return Problem(path, line, f"record {record.key!r}: {change.field} was changed since; left as it is",
                       "warning")
    try:
        set_field_value(record, change.field, wanted)
    except ValueError as error:  # a report edited by hand may ask for what cannot be
        return Problem(path, record.origin.line if record.origin else 0, f"{error}; left as it is", "warning")
    return None


def _respelling(current: FieldValue, expected: FieldValue, wanted: FieldValue) -> tuple[list, list]:
    """For a change of `FIELD_NAMES` from `expected` to `wanted`: the names of `current`
    it is about (letter case aside), and `current` with those spelt as `wanted`. A
    field added since the respelling (a DOI a later rule found) is no part of it."""
    spellings: dict[str, list[str]] = {}
    for old, new in zip(expected or (), wanted or ()):
        spellings.setdefault(old.lower(), []).append(new)
    covered, respelt = [], []
    for name in current or ():
        pending = spellings.get(name.lower())
        if pending:
            covered.append(name)
            respelt.append(pending.pop(0))
        else:
            respelt.append(name)
    return covered, respelt


def field_value(record: Record, name: str) -> FieldValue:
    """What a change of the field `name` starts from: `Record.get`, the spelling of
    the field names for `FIELD_NAMES`, a verbatim field's source text for `bibtex:NAME`."""
    if not name.startswith(_VERBATIM):
        return record.get(name)
    if name == FIELD_NAMES:
        from refmanager.io.bibtex.source import field_names_as_written

        return field_names_as_written(record)
    from refmanager.io.bibtex.verbatim import verbatim_value

    return verbatim_value(record, name[len(_VERBATIM):])


def set_field_value(record: Record, name: str, value: FieldValue) -> None:
    """Make a change of the field `name`: `Record.set`, a respelling for `FIELD_NAMES`,
    a verbatim field's source text for `bibtex:NAME`."""
    if not name.startswith(_VERBATIM):
        record.set(name, value)
    elif name == FIELD_NAMES:
        from refmanager.io.bibtex.source import respell_field_names

        respell_field_names(record, list(value or ()))
    else:
        from refmanager.io.bibtex.verbatim import set_verbatim_value

        if not isinstance(value, str | None):
            raise ValueError(f"record {record.key!r}: {name} takes BibTeX text, not {value!r}")
        set_verbatim_value(record, name[len(_VERBATIM):], value or "")


def _same(current: FieldValue, expected: FieldValue) -> bool:
    return (current or None) == (expected or None)


def value_to_json(value: FieldValue) -> Any:
    """A field value in its CSL-JSON form."""
    if isinstance(value, DateValue):
        return _date_to_json(value)
    if isinstance(value, list) and value and isinstance(value[0], Name):
        return list(map(_name_to_json, value))
    return list(value) if isinstance(value, list) else value


def value_from_json(data: Any) -> FieldValue:
    """The model's value for the CSL-JSON form that `value_to_json` wrote."""
    if isinstance(data, dict):
        return DateValue(tuple(tuple(part) for part in data.get("date-parts", ())),
                         data.get("season", ""), bool(data.get("circa")), data.get("literal", ""))
    if isinstance(data, list) and data and isinstance(data[0], dict):
        return [Name(**{part.replace("-", "_"): text for part, text in entry.items()
                        if part != "extra"}, extra=tuple(map(tuple, entry.get("extra", ()))))
                for entry in data]
    return data


_NAME_PARTS = ("family", "given", "dropping-particle", "non-dropping-particle", "suffix", "literal")
_name_parts = operator.attrgetter(*(part.replace("-", "_") for part in _NAME_PARTS))
_text = operator.itemgetter(1)


def _name_to_json(name: Name) -> dict[str, Any]:
    # The parts that hold text, in CSL's order: got, paired and kept in C (a report has
    # tens of thousands of names).
    entry: dict[str, Any] = dict(filter(_text, zip(_NAME_PARTS, _name_parts(name))))
    if name.extra:
        entry["extra"] = [list(pair) for pair in name.extra]
    return entry


def _date_to_json(date: DateValue) -> dict[str, Any]:
    entry: dict[str, Any] = {"date-parts": [list(part) for part in date.parts]} if date.parts else {}
    if date.season:
        entry["season"] = date.season
    if date.circa:
        entry["circa"] = True
    if date.literal:
        entry["literal"] = date.literal
    return entry
