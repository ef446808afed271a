"""Classic BibTeX output that stays classic BibTeX and still says what Zotero reads
(refmanager/io/bibtex/mapping.py, tables.py, csl_fields.py).

Which field names Zotero's BibTeX import (BibTeX.js) reads each value from is taken
from its source (zotero/translators, BibTeX.js: `urldate` and `lastchecked` to the
access date, `eventtitle` to the conference name, `pagetotal` to the number of pages;
it reads no entry subtype) and shared/research/zotero-import.md, section 4.1. The items
are ours, made after the records of that research note, and the varied set that the
Zotero exporter's tests use (tests/zotero/data/varied.json).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from refmanager.io.bibtex.read import read_bibtex
from refmanager.io.bibtex.write import write_bibtex
from tests.io.bibtex.test_csl_fields import as_written, round_trip

VARIED = Path(__file__).parents[2] / "zotero" / "data" / "varied.json"

# CSL variable -> the fields BibTeX.js reads it from (its own names).
ZOTERO_FIELDS = {"accessed": {"urldate", "lastchecked"}, "event-title": {"eventtitle"},
                 "number-of-pages": {"pagetotal"}}

CASES = [
    pytest.param({"id": "web", "type": "webpage", "title": "Glossary", "URL": "https://example.org/g",
                  "accessed": {"date-parts": [[2024, 3, 5]]}}, "accessed", "2024-03-05",
                 id="a web page's access date"),
    pytest.param({"id": "conf", "type": "paper-conference", "title": "Metadata at scale",
                  "container-title": "Proceedings of JCDL", "event-title": "JCDL 2020",
                  "issued": {"date-parts": [[2020, 8]]}}, "event-title", "JCDL 2020",
                 id="a conference paper's conference"),
    pytest.param({"id": "book", "type": "book", "title": "The Structure of Scientific Revolutions",
                  "number-of-pages": "210", "publisher": "University of Chicago Press"},
                 "number-of-pages", "210", id="a book's number of pages"),
    pytest.param({"id": "thesis", "type": "thesis", "genre": "PhD thesis", "title": "Soft power",
                  "number-of-pages": "312", "accessed": {"date-parts": [[2023, 11, 2]]}},
                 "number-of-pages", "312", id="a thesis's number of pages beside its access date"),
]


def dialects(text: str) -> set[str]:
    return {record.origin.dialect for record in read_bibtex(text).records}


def fields_of(text: str) -> dict[str, str]:
    return dict(re.findall(r"^  ([\w-]+) = \{(.*)\},$", text, re.MULTILINE))


@pytest.mark.parametrize("item, variable, value", CASES)
def test_the_value_comes_back_from_a_file_that_reads_as_classic(item, variable, value):
    back, notes, text = round_trip([item], "bibtex")
    assert back == as_written([item]) and notes == []
    assert dialects(text) == {"bibtex"}
    # ...and sits in a field Zotero's BibTeX import reads it from.
    assert [name for name, written in fields_of(text).items() if written == value
            and name in ZOTERO_FIELDS[variable]] != []


@pytest.mark.parametrize("csl_type", ["article-magazine", "article-newspaper"])
def test_a_magazine_article_says_its_type_in_a_classic_field(csl_type):
    # Zotero imports any @article as a journal article (BibTeX.js reads no subtype): the
    # type field is for our reader, and `entrysubtype` would make the entry biblatex.
    item = {"id": "m", "type": csl_type, "title": "Why the Ukraine crisis is the West's fault",
            "container-title": "Foreign Affairs", "issued": {"date-parts": [[2014, 9]]}}
    back, notes, text = round_trip([item], "bibtex")
    assert back == as_written([item]) and notes == []
    assert text.startswith("@article{m,") and f"csl-type = {{{csl_type}}}" in text
    assert "entrysubtype" not in text and dialects(text) == {"bibtex"}


def test_the_varied_set_reads_back_as_classic_but_for_an_article_number():
    items = json.loads(VARIED.read_text(encoding="utf-8"))
    back, _notes, text = round_trip(items, "bibtex")
    biblatex = {record.key for record in read_bibtex(text).records if record.origin.dialect == "biblatex"}
    # An article's number (`eid`) has no classic field: the one entry that has one stays biblatex.
    assert biblatex == {item["id"] for item in items if item["type"].startswith("article") and "number" in item}
    assert not {"urldate", "entrysubtype"} & set(re.findall(r"^  ([\w-]+) =", text, re.MULTILINE))
    for expected, again in zip(as_written(items), back):
        for name in ("type", "accessed", "event-title", "number-of-pages"):
            assert again.get(name) == expected.get(name), (expected["id"], name)


def test_a_classic_file_with_lastchecked_gives_the_access_date():
    # urlbst's field, as classic files have it; a date in words is kept as written.
    text = ("@misc{iso, title = {A}, url = {https://a.org}, lastchecked = {2024-05-01}}\n"
            "@misc{words, title = {B}, url = {https://b.org}, lastchecked = {1 May 2024}}\n")
    iso, words = read_bibtex(text).records
    assert iso.dates["accessed"].parts == ((2024, 5, 1),) and iso.origin.dialect == "bibtex"
    assert "accessed" not in words.dates and words.foreign["bibtex"]["lastchecked"] == "{1 May 2024}"


def test_an_untouched_biblatex_entry_is_kept_as_written_until_it_changes():
    # The user's own `urldate` and `entrysubtype` mean to classic styles and Zotero what
    # `lastchecked` and `csl-type` do: written as they are. Changed, the entry is respelt.
    text = ("@article{m,\n  title = {A},\n  journal = {J},\n  year = {2014},\n  url = {https://a.org},\n"
            "  urldate = {2024-05-01},\n  entrysubtype = {magazine},\n}\n")
    document = read_bibtex(text)
    assert write_bibtex(document).text == text
    document.records[0].set("volume", "93")
    written = write_bibtex(document).text
    assert "lastchecked = {2024-05-01}" in written and "csl-type = {article-magazine}" in written
    [again] = read_bibtex(written).records
    assert again.origin.dialect == "bibtex" and again.state()[1:] == document.records[0].state()[1:]
