"""Parse free-text references (APA, Chicago, MLA, Harvard, Vancouver/AMA, IEEE) into Records.

    >>> from refmanager.ingest.references import parse_reference
    >>> record = parse_reference("Petrosyan A, Kim HK. Soft power. J Peace Res. 2020;57(2):201-19.")
    >>> record.authors[0].family, record.volume, record.issue, record.page
    ('Petrosyan', '57', '2', '201–19')

The string is labelled token by token by the CRF model shipped in
`refmanager/ingest/data/` (trained by `scripts/train_refparse.py`), or by the rules
of `reference_rules` when the model or `python-crfsuite` is missing; the labelled
spans become a Record in `reference_fields`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from refmanager.errors import InputError
from refmanager.ingest import reference_labels
from refmanager.ingest.reference_fields import record_from_spans
from refmanager.model import Document, Record


@dataclass(frozen=True, slots=True)
class ParsedReference:
    """One reference as read: its line, its text, the labelled spans, and the Record."""

    line: int
    text: str
    spans: tuple[tuple[str, str], ...]
    record: Record


def parse_reference(text: str, key: str = "ref") -> Record:
    """A Record (CSL type, names, date, title, container, numbers, DOI...) from one reference."""
    return _parse(text, key, line=1).record


def parse_references(lines: Iterable[str]) -> list[Record]:
    """One Record per non-blank line, in order; keys `ref1`, `ref2`, ... by input line."""
    return [parsed.record for parsed in parse_lines(lines)]


def parse_lines(lines: Iterable[str]) -> list[ParsedReference]:
    """Each non-blank line parsed, with its line number and labelled spans."""
    return [_parse(line, f"ref{number}", number)
            for number, line in enumerate(lines, start=1) if line.strip()]


def read_references(source: str) -> list[ParsedReference]:
    """The references in a file (one a line; `-` is standard input), or `source` itself
    when it names no file."""
    if source == "-" or Path(source).is_file():
        from refmanager.io import files

        return parse_lines(files.read_text(source).text.splitlines())
    if not any(character.isspace() for character in source.strip()):
        # a reference has spaces; a word without them is a file name mistyped
        raise InputError(f"{source}: no such file (a reference to parse must be quoted whole)")
    return parse_lines([source])


def as_document(records: list[Record], path: str = "<parsed references>") -> Document:
    """The records as a Document, for the writers (`refmanager.dumps(document, "csljson")`)."""
    return Document(path=path, format="csljson", blocks=list(records))


def _parse(text: str, key: str, line: int) -> ParsedReference:
    text = " ".join(text.split())
    spans = reference_labels.label(text)
    return ParsedReference(line, text, tuple(spans), record_from_spans(spans, text, key=key))
