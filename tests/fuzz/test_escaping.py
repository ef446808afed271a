"""Escaping in the RIS and BibTeX writers (issue 12): a value never breaks out of
its field, whatever it holds; checked by reading the written text back. The
fixed cases are the injections the issue names; the property tries any text."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from refmanager.io import formats
from refmanager.model import Document, Name, Record

from .strategies import HOSTILE_TEXT

WRITERS = ["bibtex", "biblatex", "ris"]
READER_OF = {"bibtex": "bibtex", "biblatex": "bibtex", "ris": "ris"}
INJECTIONS = [
    pytest.param("}\n@misc{injected, title = {Injected}}\n", id="a closing brace and a new entry"),
    pytest.param("}}}}\n@misc{injected,", id="many closing braces and a new entry"),
    pytest.param("{\n@misc{injected, title = {x}}", id="an opening brace and a new entry"),
    pytest.param("\nER  - \nTY  - JOUR\nTI  - Injected\nER  - \n", id="an ER line and a new record"),
    pytest.param("\r\nER  - \r\nTY  - BOOK", id="an ER line with CRLF"),
    pytest.param("\"}, title = {Injected", id="a quote and a brace that would end the field"),
    pytest.param("\\", id="a lone backslash"),
    pytest.param("50% of $10 & #1 ~ ^_", id="LaTeX's special characters"),
]


def round_trip(format: str, value: str, attribute: str) -> list[Record]:
    record = Record("victim", "article-journal", creators={"author": [Name("Nye", "Joseph")]})
    setattr(record, attribute, value)
    after = Record("after", "book", title="After")
    text = formats.writer(format)(Document("by-hand", "", [record, after])).text
    return formats.reader(READER_OF[format])(text, "written").records


def same_text(read: str, written: str) -> bool:
    """Equal up to what each format does to space at line ends and line breaks."""
    def lines(text: str) -> list[str]:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        return [" ".join(line.split()) for line in text.strip().split("\n") if line.strip()]
    return lines(read) == lines(written) or " ".join(read.split()) == " ".join(written.split())


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("format", WRITERS)
@pytest.mark.parametrize("attribute", ["title", "note"])
def test_an_injected_value_stays_in_its_field(format, value, attribute):
    records = round_trip(format, value, attribute)
    assert [record.key for record in records] == ["victim", "after"]
    assert records[1].title == "After"
    assert same_text(getattr(records[0], attribute), value), getattr(records[0], attribute)


@pytest.mark.parametrize("format", WRITERS)
@given(value=HOSTILE_TEXT)
def test_any_value_leaves_the_record_after_it_whole(format, value):
    records = round_trip(format, value, "title")
    assert [record.key for record in records][-1:] == ["after"]
    assert len(records) == 2 and records[1].title == "After"
