"""The markers a field carries in a reference string, and how to take them off.

`pp. 12-19`, `Vol. 5`, `In: Proc. of ...`, `2nd ed.`, `Retrieved from https://...`:
the labellers keep a field's markers and its edge punctuation in its span, and the
Record wants the value alone. Shared by `reference_fields` (spans to a Record) and
`reference_numbers` (which number is which).
"""

from __future__ import annotations

import re

_EDGE = " \t.,;:()[]{}<>\"'“”‘’«»"
_LEADING_MARKERS = {
    "container": r"^(?:in\s*:|in\b)\s*",
    "pages": r"^(?:pages?|pp?\.?|s\.|art(?:icle)?\.?\s*(?:no\.?)?)\s*",
    "volume": r"^(?:volumes?\b|vols?\b\.?|bd\.|t\.|jg\.)\s*",
    "issue": r"^(?:numbers?\b|nos?\b\.?|nr\b\.?|issues?\b|heft\b|h\.)\s*",
    "doi": r"^(?:doi\s*:?\s*|https?://(?:dx\.)?doi\.org/)",
    "url": r"^(?:url\s*:?\s*|retrieved\s+from\s*|available\s+(?:at|from)\s*:?\s*)",
    "edition": r"^(?:ed\.|edition)\s*",
}
TRAILING_WORDS = {
    "edition": r"\s*\b(?:ed|edn|edition|aufl|éd)\b\.?$",
    "pages": r"\s*\bpp?\b\.?$",
}


def clean(label: str, text: str) -> str:
    """A span's text without its markers (`pp.`, `vol.`, `In:`) and edge punctuation."""
    text = re.sub(r"\s+", " ", text).strip(_EDGE)
    if label in _LEADING_MARKERS:
        text = re.sub(_LEADING_MARKERS[label], "", text, flags=re.I).strip(_EDGE)
    if label in TRAILING_WORDS:
        text = re.sub(TRAILING_WORDS[label], "", text, flags=re.I).strip(_EDGE)
    return text
