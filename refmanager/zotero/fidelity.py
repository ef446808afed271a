"""What an export for Zotero cannot carry into it, as data: one `Loss` per field
per record, and the export itself (`ZoteroExport`) with its losses.

A loss has a fate: the field is lost, lands in Zotero's Extra field or in a
child note (the value survives, as text), or arrives changed. `refman export
--for zotero --check` prints these before anything is imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from refmanager.errors import Problem

LOST = "lost"
IN_EXTRA = "in Extra"
IN_CHILD_NOTE = "in a child note"
CHANGED = "changed"
FATES = (LOST, IN_EXTRA, IN_CHILD_NOTE, CHANGED)


@dataclass(frozen=True, slots=True)
class Loss:
    """One field of one record that does not reach Zotero as the record has it."""

    key: str
    path: str
    line: int
    field: str  # the CSL name ("keyword", "container-author", "type"), "" for a whole-record note
    fate: str  # one of FATES
    detail: str  # why, in a few words

    def message(self) -> str:
        what = f"field {self.field!r}" if self.field else "record"
        return f"{self.key}: {what} {self.fate} in Zotero: {self.detail}"

    def as_problem(self) -> Problem:
        return Problem(self.path, self.line, self.message(), "warning")

    def as_dict(self) -> dict:
        return {"key": self.key, "path": self.path, "line": self.line, "field": self.field,
                "fate": self.fate, "detail": self.detail}


# The writers' notes about one field of a record (`io.base.record_problem`):
# "KEY: field 'director' cannot be held in RIS; left out",
# "KEY: the formatting of 'abstract' (italics...) cannot be held in RIS; written as plain text".
_FIELD_NOTE = re.compile(r"(?:field|the formatting of) '(?P<field>[^']+)' (?P<why>.+)")


def split_writer_notes(problems: list[Problem], keys: set[str]) -> tuple[list[Loss], list[Problem]]:
    """The writer's notes about a record's field, as losses; the other notes as they are."""
    losses, others = [], []
    for problem in problems:
        key, _, rest = problem.message.partition(": ")
        found = _FIELD_NOTE.match(rest) if key in keys else None
        if found is None:
            others.append(problem)
            continue
        why = found.group("why")
        fate = LOST if why.endswith("left out") else CHANGED
        losses.append(Loss(key, problem.path, problem.line, found.group("field"), fate,
                           why.replace("; left out", "")))
    return losses, others


@dataclass(slots=True)
class ZoteroExport:
    """A document written for Zotero's import: the text, and what will not survive it."""

    source: str
    format: str  # "ris", "bibtex" or "csljson"
    text: str
    records: int
    losses: list[Loss] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # about the whole file ("keywords do not survive")
    problems: list[Problem] = field(default_factory=list)  # what reading and writing found

    def losses_by_record(self) -> dict[str, list[Loss]]:
        grouped: dict[str, list[Loss]] = {}
        for loss in self.losses:
            grouped.setdefault(loss.key, []).append(loss)
        return grouped

    def as_dict(self) -> dict:
        return {"source": self.source, "format": self.format, "records": self.records,
                "warnings": list(self.warnings),
                "losses": [loss.as_dict() for loss in self.losses],
                "problems": [problem.as_dict() for problem in self.problems]}
