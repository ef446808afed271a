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

from refmanager.ingest import reference_labels
from refmanager.ingest.reference_fields import record_from_spans
from refmanager.model import Record


def parse_reference(text: str, key: str = "") -> Record:
    """A Record (CSL type, names, date, title, container, numbers, DOI...) from one reference."""
    text = " ".join(text.split())
    spans = reference_labels.label(text)
    return record_from_spans(spans, text, key=key or _key_for(text))


def parse_references(lines: Iterable[str]) -> list[Record]:
    """One Record per non-blank line, in order; keys `ref1`, `ref2`, ... by input line."""
    records = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            records.append(parse_reference(line, key=f"ref{number}"))
    return records


def _key_for(text: str) -> str:
    return "ref"
