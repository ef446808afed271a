"""What every reader and writer shares: a writer's result, the order a writer
puts a record's fields in, and how writers treat records and blocks that came
from a file of their own or another format."""

from __future__ import annotations

from dataclasses import dataclass, field

from refmanager.errors import Problem
from refmanager.model import FIELD_KINDS, FieldValue, Record, Verbatim


@dataclass(slots=True)
class Written:
    """A writer's output: the text, and what the target format could not hold."""

    text: str
    problems: list[Problem] = field(default_factory=list)


class FieldOrder:
    """The order in which a writer puts a record's fields, by CSL name.

    Its places are CSL names and kinds of field (`model.FIELD_KINDS`): a kind
    stands for every field of that kind not named on its own, in the record's
    order. Every field a record holds has a place, so a writer that goes through
    `items_of` sees each one, including those added to the model later.
    """

    def __init__(self, *places: str):
        missing = set(FIELD_KINDS) - set(places)
        if missing:
            raise ValueError(f"a field order needs a place for every kind; {sorted(missing)} have none")
        self.places = {place: rank for rank, place in enumerate(places)}

    def items_of(self, record: Record) -> list[tuple[str, str, FieldValue]]:
        """The record's fields as `Record.items` gives them, in this order."""
        places = self.places
        return sorted(record.items(), key=lambda item: places.get(item[0], places[item[1]]))


def record_problem(record: Record, message: str, severity: str = "warning") -> Problem:
    """A problem about a record, located where the record was read (if it was)."""
    origin = record.origin
    where = (origin.path, origin.line) if origin else (f"<record {record.key}>", 0)
    return Problem(*where, f"{record.key}: {message}", severity)


def untouched_source(record: Record, format: str) -> str | None:
    """The record's source text, if it was read from `format` and not changed since."""
    origin = record.origin
    if origin is not None and origin.format == format and origin.raw is not None \
            and record.is_untouched():
        return origin.raw
    return None


def report_duplicate_keys(records: list[Record], key_name: str = "key", records_name: str = "entries",
                          severity: str = "error", first_lines: dict[str, int] | None = None) -> None:
    """A problem on each record whose key an earlier record of the file has; both are kept.
    (`first_lines`: the line of each key's first record before these, if any.)"""
    first_lines = dict(first_lines or {})
    for record in records:
        line = record.origin.line if record.origin else 0
        if record.key not in first_lines:
            first_lines[record.key] = line
            continue
        path = record.origin.path if record.origin else f"<record {record.key}>"
        record.problems.append(Problem(path, line, f"duplicate {key_name} {record.key!r} (first "
                                       f"used at line {first_lines[record.key]}); both "
                                       f"{records_name} are kept", severity))


# Names for the kinds of Verbatim block, as messages say them.
BLOCK_NAMES = {"comment": "comment", "string": "@string", "preamble": "@preamble",
               "text": "text", "failed": "unreadable block"}


def verbatim_text(block: Verbatim, same_format: bool, target: str, path: str,
                  problems: list[Problem]) -> str:
    """A non-record block's text for a writer: itself in its own format; elsewhere
    nothing, with a note unless it was only blank space."""
    if same_format:
        return block.text
    if block.text.strip():
        name = BLOCK_NAMES.get(block.kind, block.kind)
        problems.append(Problem(path, block.line, f"{name} at line {block.line} cannot be held "
                                f"in {target}; left out", "warning"))
    return ""
