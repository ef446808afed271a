"""Language codes: the `language` field as an ISO 639-1 code (CSL expects a BCP 47
tag, whose first part is that code), from an ISO 639-2 code or an English or
babel language name.

A name turned into a code is a suggestion, not a silent rewrite: biblatex users
write babel names (`english`) on purpose, for hyphenation.
"""

from __future__ import annotations

from collections.abc import Iterable

from refmanager.changes import Change
from refmanager.model import Record, RecordId
from refmanager.normalize.pipeline import RecordStep

# (ISO 639-1, ISO 639-2/B, ISO 639-2/T, English name, babel name) for the languages
# scholarly records are most often in; from the ISO 639-2 code list.
_LANGUAGES = [
    ("ar", "ara", "ara", "arabic", "arabic"), ("zh", "chi", "zho", "chinese", "chinese"),
    ("cs", "cze", "ces", "czech", "czech"), ("da", "dan", "dan", "danish", "danish"),
    ("nl", "dut", "nld", "dutch", "dutch"), ("en", "eng", "eng", "english", "english"),
    ("fi", "fin", "fin", "finnish", "finnish"), ("fr", "fre", "fra", "french", "french"),
    ("de", "ger", "deu", "german", "ngerman"), ("el", "gre", "ell", "greek", "greek"),
    ("he", "heb", "heb", "hebrew", "hebrew"), ("hi", "hin", "hin", "hindi", "hindi"),
    ("hu", "hun", "hun", "hungarian", "magyar"), ("it", "ita", "ita", "italian", "italian"),
    ("ja", "jpn", "jpn", "japanese", "japanese"), ("ko", "kor", "kor", "korean", "korean"),
    ("la", "lat", "lat", "latin", "latin"), ("no", "nor", "nor", "norwegian", "norsk"),
    ("fa", "per", "fas", "persian", "farsi"), ("pl", "pol", "pol", "polish", "polish"),
    ("pt", "por", "por", "portuguese", "portuguese"), ("ru", "rus", "rus", "russian", "russian"),
    ("es", "spa", "spa", "spanish", "spanish"), ("sv", "swe", "swe", "swedish", "swedish"),
    ("tr", "tur", "tur", "turkish", "turkish"), ("uk", "ukr", "ukr", "ukrainian", "ukrainian"),
]
_BY_CODE = {code: row[0] for row in _LANGUAGES for code in row[1:3]}
_BY_NAME = {name: row[0] for row in _LANGUAGES for name in row[3:5]}
_BY_NAME.update({"american": "en", "british": "en", "usenglish": "en", "ukenglish": "en",
                 "german": "de", "austrian": "de", "brazilian": "pt", "castilian": "es"})
_KNOWN_CODES = {row[0] for row in _LANGUAGES}


def language_code(text: str) -> tuple[str, float] | None:
    """The ISO 639-1 code for a code or name, and how sure the reading is; None if unknown."""
    key = text.strip().lower()
    if key in _KNOWN_CODES or "-" in key or "_" in key:
        return None  # a code already, or a BCP 47 tag with a region: kept
    if key in _BY_CODE:
        return _BY_CODE[key], 1.0
    if key in _BY_NAME:
        return _BY_NAME[key], 0.6
    return None


class NormalizeLanguage(RecordStep):
    """The language as an ISO 639-1 code (`eng`: `en`; `English` is suggested as `en`)."""

    def candidates(self, records: list[Record]) -> set[int]:
        return {position for position, record in enumerate(records) if record.language}

    def check(self, record_id: RecordId, record: Record) -> Iterable[Change]:
        if record.language:
            found = language_code(record.language)
            if found:
                code, confidence = found
                yield self.change(record_id, record, "language", code,
                                  f"language as written: {record.language}", confidence)
