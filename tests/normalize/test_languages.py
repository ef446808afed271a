"""Tests for refmanager/normalize/languages.py: ISO 639 codes."""

from __future__ import annotations

import pytest

from refmanager.normalize.languages import language_code


@pytest.mark.parametrize("text, expected", [
    ("eng", ("en", 1.0)), ("ger", ("de", 1.0)), ("deu", ("de", 1.0)),
    ("English", ("en", 0.6)), ("ngerman", ("de", 0.6)), ("en", None), ("en-GB", None), ("klingon", None),
], ids=["a three-letter code is sure", "a bibliographic code is sure", "a terminology code is sure",
        "an English name is a suggestion", "a babel name is a suggestion", "a code is kept",
        "a tag with a region is kept", "an unknown language is kept"])
def test_language_codes(text, expected):
    assert language_code(text) == expected
