"""Tests for refmanager/render/bibtex_entries.py: the bibtex and biblatex named
styles write one clean entry a record, whatever format it was read from."""

from __future__ import annotations

import re

import pytest

from refmanager import api
from refmanager.normalize import NormalizeConfig
from refmanager.render.bibtex_entries import normalized_entries

MESSY = """@Article{doe2000,
    TITLE={A Study of NATO in the Caucasus},
  journal = "Journal of Things",   pages={1-10},
author={Doe, Jane},
     year=2000, month=jan}
"""


def entry(text: str, dialect: str = "bibtex") -> str:
    records = api.loads(text, "bibtex").records
    return normalized_entries(records, dialect, NormalizeConfig())[0][1]


def test_an_entry_gets_one_indentation_and_lowercase_names():
    lines = entry(MESSY).splitlines()
    assert lines[0] == "@article{doe2000,"
    assert all(re.fullmatch(r"  [a-z]+ = .+,", line) for line in lines[1:-1])
    assert lines[-1] == "}"


def test_page_ranges_get_a_double_dash():
    assert "  pages = {1--10}," in entry(MESSY)


def test_words_whose_case_must_hold_are_braced():
    assert "  title = {A Study of {NATO} in the {Caucasus}}," in entry(MESSY)


def test_fields_come_in_one_order_whatever_the_source_order():
    reordered = "@article{doe2000, year=2000, pages={1-10}, author={Doe, Jane}, month=jan, " \
                "journal={Journal of Things}, title={A Study of NATO in the Caucasus}}"
    assert entry(reordered) == entry(MESSY)


def test_biblatex_writes_biblatex_fields():
    text = entry(MESSY, "biblatex")
    assert "journaltitle = {Journal of Things}" in text and "date = {2000-01}" in text


def test_the_input_records_are_not_changed():
    records = api.loads(MESSY, "bibtex").records
    normalized_entries(records, "bibtex", NormalizeConfig())
    assert records[0].get("page") == "1-10"


@pytest.mark.parametrize("name", ["soft-power.bib", "soft-power.ris", "soft-power.json"],
                         ids=["from BibTeX", "from RIS", "from CSL-JSON"])
def test_every_record_of_the_library_becomes_one_entry_in_input_order(library, name):
    records = api.load(str(library / name)).records
    entries = normalized_entries(records, "bibtex", NormalizeConfig())
    assert [key for key, _text in entries] == [record.key for record in records]
    assert all(text.startswith("@") and text.endswith("\n}") for _key, text in entries)
    assert not any(re.search(r"pages = \{\d+-\d+\}", text) for _key, text in entries)
