"""What every reader and writer shares: a writer's result, and how writers
treat records and blocks that came from a file of their own or another format."""

from __future__ import annotations

from dataclasses import dataclass, field

from refmanager.errors import Problem
from refmanager.model import Record, Verbatim


@dataclass(slots=True)
class Written:
    """A writer's output: the text, and what the target format could not hold."""

    text: str
    problems: list[Problem] = field(default_factory=list)


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
                          severity: str = "error") -> None:
    """A problem on each record whose key an earlier record of the file has; both are kept."""
    first_lines: dict[str, int] = {}
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
