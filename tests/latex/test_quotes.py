"""Tests for refmanager/latex/quotes.py: LaTeX's single quotes and the apostrophe."""

from __future__ import annotations

import re

import pytest

import refmanager
from refmanager.latex.decode import decode
from refmanager.latex.encode import encode


@pytest.mark.parametrize("latex, text", [
    # library/soft-power.bib, the title that made the three sample files disagree.
    pytest.param("the `{Russian} World(s)'", "the \u2018Russian World(s)\u2019", id="a quoted phrase"),
    pytest.param("{Putin}'s", "Putin's", id="an apostrophe after a brace group stays ASCII"),
    pytest.param("O'Neil", "O'Neil", id="an apostrophe inside a word stays ASCII"),
    pytest.param("students' books", "students\u2019 books", id="a quote after a word is a closing quote"),
    pytest.param("``Soft Power''", "\u201cSoft Power\u201d", id="double quotes are unchanged"),
    pytest.param("\\'e'", "\u00e9\u2019", id="an accent command is not a quote"),
])
def test_latex_quotes_read_as_latex_typesets_them(latex, text):
    assert decode(latex) == text


@pytest.mark.parametrize("text", [
    "\u2018Russian World(s)\u2019", "O\u2019Neil", "Putin's", "'straight'", "`grave", "''", "x'\u2019",
    "\u2018\u2018nested\u2019\u2019",
])
@pytest.mark.parametrize("ascii", [False, True], ids=["utf-8", "ascii"])
def test_what_the_encoder_writes_reads_back_the_same(text, ascii):
    latex = encode(text, ascii)
    assert not ascii or latex.isascii()
    assert decode(latex) == text


def comparable(value: str) -> str:
    """Plain text, case-folded (the JSON export is in sentence case); quotes are compared as they are."""
    return re.sub(r"<[^>]+>", "", value).casefold().replace("\u2013", "-")


@pytest.mark.parametrize("target, export", [("ris", "soft-power.ris"), ("csljson", "soft-power.json")])
def test_the_sample_bibtex_converted_agrees_with_the_other_exports(library, target, export):
    converted = refmanager.loads(refmanager.dumps(refmanager.load(str(library / "soft-power.bib")),
                                                  target).text, target)
    exported = {record.key: record for record in refmanager.load(str(library / export)).records}
    assert len(converted.records) == len(exported) == 28
    for record in converted.records:
        for attribute in ("title", "container_title", "publisher"):
            assert comparable(getattr(record, attribute)) == \
                comparable(getattr(exported[record.key], attribute)), (record.key, attribute)
