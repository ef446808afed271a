"""Which labeller reads reference strings: the shipped CRF model, or the rules without it."""

from __future__ import annotations

from refmanager.ingest.reference_rules import label_by_rules


def label(text: str) -> list[tuple[str, str]]:
    """(label, text) spans for a whitespace-normalised reference string."""
    return label_by_rules(text)
