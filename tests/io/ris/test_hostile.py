"""Tests for refmanager/io/ris/read.py and write.py on hostile input (issue 12).

Each case took square time, lost records or let a value break out of its field
when the foundation was probed as a hostile user would.
"""

from __future__ import annotations

import time

import pytest

from refmanager.io.ris.read import read_ris
from refmanager.io.ris.write import write_ris
from refmanager.model import Document, Name, Record

THREE_RECORDS = "TY  - JOUR\nTI  - One\nER  - \n\nTY  - BOOK\nTI  - Two\nER  - \n\nTY  - JOUR\nTI  - Three\nER  - \n"


def titles(text: str) -> list[str]:
    return [record.title for record in read_ris(text, "refs.ris").records]


@pytest.mark.parametrize("ending", [
    pytest.param("\r", id="old Mac OS line ends (CR only), once read as one record"),
    pytest.param("\r\n", id="Windows line ends"),
    pytest.param("\n", id="Unix line ends"),
])
def test_every_line_ending_gives_every_record(ending):
    assert titles(THREE_RECORDS.replace("\n", ending)) == ["One", "Two", "Three"]


def test_a_cr_only_file_is_written_back_byte_for_byte():
    text = THREE_RECORDS.replace("\n", "\r")
    assert write_ris(read_ris(text)).text == text


def test_records_without_id_that_share_a_key_stem_get_keys_in_linear_time():
    # 20,000 such records took 45-50 s: each key's suffix was searched from "" again.
    text = "TY  - JOUR\nAU  - Smith, John\nPY  - 2000\nER  - \n\n" * 20_000
    started = time.perf_counter()
    records = read_ris(text).records
    assert time.perf_counter() - started < 60  # ~2 s alone, ~12 s on a loaded machine
    keys = [record.key for record in records]
    assert len(set(keys)) == 20_000
    assert keys[:3] == ["smith2000", "smith2000a", "smith2000b"]


def test_a_million_lines_without_er_are_read_in_bounded_time():
    text = "TY  - JOUR\n" + "AB  - x\n" * 1_000_000
    started = time.perf_counter()
    [record] = read_ris(text).records
    # ~10 s on a loaded two-core machine; square time would be hours.
    assert time.perf_counter() - started < 120
    assert "no 'ER' line" in record.problems[-1].message


# Worst cases for each regular expression the reader applies to a value.
@pytest.mark.parametrize("line", [
    pytest.param("KW  - a" + " " * 100_000 + "b", id="a keyword with 100,000 spaces (took 48 s)"),
    pytest.param("AU  - " + "a " * 50_000, id="a name of 50,000 words"),
    pytest.param("AU  - " + "," * 100_000, id="a name of 100,000 commas"),
    pytest.param("PY  - 2004/" + "/" * 100_000, id="a date of 100,000 slashes"),
    pytest.param("DO  - 10.1234/" + "x" * 100_000 + " ", id="a DOI-like value of 100,000 characters"),
    pytest.param("SN  - " + "1" * 100_000, id="a serial number of 100,000 digits"),
    pytest.param("SP  - " + "1" * 100_000, id="a page of 100,000 digits"),
    pytest.param("TI  - " + " " * 100_000 + "x", id="a title of 100,000 spaces"),
    pytest.param("AB  - -" * 1 + "\n " * 100_000, id="100,000 protected continuation lines"),
])
def test_worst_case_values_take_bounded_time(line):
    text = f"TY  - JOUR\n{line}\nER  - \n"
    started = time.perf_counter()
    document = read_ris(text)
    write_ris(document)
    assert time.perf_counter() - started < 30  # milliseconds alone; square time is hours
    assert len(document.records) == 1


def test_many_journal_lines_in_one_record_take_linear_time():
    # Each JO line once looked at every other line of its record.
    text = "TY  - JOUR\n" + "JO  - x\n" * 100_000 + "ER  - \n"
    started = time.perf_counter()
    read_ris(text)
    assert time.perf_counter() - started < 30  # milliseconds alone; square time is hours


# Values that would end their record or start a tag of their own if written as they are.
BREAKOUTS = [
    pytest.param("Title\nER  - \nTY  - BOOK\nTI  - injected", id="a title holding an ER line and a new record"),
    pytest.param("x\r\nER  - ", id="a CRLF and an ER line"),
    pytest.param("x\rER  - \rTY  - JOUR", id="CR line ends and an ER line"),
    pytest.param("a\n  ER  - \n", id="an indented ER line"),
    pytest.param("a\u2028ER  - b", id="a Unicode line separator"),
]


@pytest.mark.parametrize("value", BREAKOUTS)
@pytest.mark.parametrize("field", ["title", "note", "abstract"])
def test_a_value_never_breaks_out_of_its_field(value, field):
    record = Record("k", "article-journal", creators={"author": [Name("Nye", "Joseph")]})
    setattr(record, field, value)
    after = Record("after", "book", title="After")
    written = write_ris(Document("refs.bib", "bibtex", [record, after])).text
    again = read_ris(written).records
    assert [kept.type for kept in again] == ["article-journal", "book"]
    assert again[-1].title == "After"
    # RIS keeps no space at a line's end: the text, line by line, is what was written.
    assert lines_of(getattr(again[0], field)) == lines_of(value)


def lines_of(text: str) -> list[str]:
    return [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")]


@pytest.mark.parametrize("date, said", [
    pytest.param("PY  - 0000", "year 0000 is no year", id="year 0000, once an empty date that crashed the BibTeX writer"),
    pytest.param("DA  - 2004/13/01/", "month 13 is not 1 to 12", id="month 13"),
    pytest.param("DA  - 2004/02/45/", "day 45 is not 1 to 31", id="day 45"),
    pytest.param("DA  - 2004//12/", "a day without a month", id="a day without a month"),
])
def test_an_impossible_date_is_reported_on_its_line_and_kept_as_written(date, said):
    from refmanager.io.bibtex import write_biblatex, write_bibtex
    document = read_ris(f"TY  - JOUR\nTI  - T\n{date}\nER  - \n", "refs.ris")
    [record] = document.records
    assert [(problem.line, said in problem.message) for problem in record.problems] == [(3, True)]
    assert record.issued.literal == date[6:]
    for write in (write_bibtex, write_biblatex, write_ris):
        assert "T" in write(document).text


@pytest.mark.parametrize("line", [
    pytest.param("M3  - 10.1234/" + "x" * 100_000, id="a DOI in M3 of 100,000 characters"),
    pytest.param("UR  - " + "https://doi.org/" * 10_000, id="10,000 DOI prefixes"),
    pytest.param("SN  - " + "1-" * 50_000, id="an ISSN-like value of 100,000 characters"),
    pytest.param("DA  - 2004/01/01/" + "x" * 100_000, id="a date with 100,000 characters of other"),
    pytest.param("AU  - " + "\u00df" * 100_000, id="a name of 100,000 letters that become two each"),
    pytest.param("SP  - " + "1-" * 50_000, id="a page range of 50,000 dashes"),
])
def test_more_worst_case_values_take_bounded_time(line):
    started = time.perf_counter()
    document = read_ris(f"TY  - JOUR\n{line}\nER  - \n")
    write_ris(document)
    assert time.perf_counter() - started < 30  # milliseconds alone; square time is hours
