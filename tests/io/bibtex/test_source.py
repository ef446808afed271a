"""Tests for refmanager/io/bibtex/source.py: what a record remembers of its entry."""

from __future__ import annotations

import dataclasses

import pytest

from refmanager.io.bibtex import read_bibtex, write_bibtex
from refmanager.io.bibtex.mapping import field_slot, part_of
from refmanager.io.bibtex.source import BibtexOrigin, _StateView, source_fields, unchanged_fields
from refmanager.model import Name

ENTRY = """@article{k,
  author = {M{\\"u}ller, Jan and Doe, J.},
  title = {The {DNA} of Things},
  journal = jnl,
  month = mar,
  year = 2001,
  keywords = {a, b},
  series = {S},
  note = "kept",
}"""
TEXT = "@string{jnl = {Journal of Tests}}\n" + ENTRY


def test_each_field_is_kept_as_written():
    record = read_bibtex(TEXT).records[0]
    assert isinstance(record.origin, BibtexOrigin)
    assert source_fields(record.origin) == [
        ("author", '{M{\\"u}ller, Jan and Doe, J.}'), ("title", "{The {DNA} of Things}"),
        ("journal", "jnl"), ("month", "mar"), ("year", "2001"), ("keywords", "{a, b}"),
        ("series", "{S}"), ("note", '"kept"')]


def test_a_changed_record_keeps_the_source_text_of_the_fields_it_did_not_change():
    document = read_bibtex(TEXT)
    record = document.records[0]
    record.title = "Another Title"
    assert unchanged_fields(record, record.origin) == [True, False, True, True, True, True, True, True]
    written = write_bibtex(document).text
    assert "title = {Another Title}" in written
    for kept in ('{M{\\"u}ller, Jan and Doe, J.}', "journal = jnl", "month = mar", "year = 2001", '"kept"'):
        assert kept in written
    assert read_bibtex(written).records[0].state() == record.state()


def test_a_copy_of_the_origin_without_the_fields_is_completed_by_reading_the_entry_again():
    document = read_bibtex(TEXT)
    record = document.records[0]
    origin = record.origin
    record.origin = dataclasses.replace(origin, value_bounds=None, state=None, fingerprint=0)
    record.page = "1\u20132"
    written = write_bibtex(document).text
    assert "journal = jnl" in written and "pages = {1--2}" in written


def test_the_state_is_read_in_the_layout_record_state_has():
    # If Record.state() changes its layout, this says so before the writer goes wrong.
    record = read_bibtex(TEXT).records[0]
    view = _StateView(record.state())
    for name in ("author", "title", "journal", "month", "keywords", "series", "note"):
        slot = field_slot("article", name)
        assert view.part(*slot) == part_of(record, *slot), name


# ---------------------------------------------------------------- field names respelt (normalize's LowercaseFieldNames)

MIXED_CASE = """@Article{nye1990,
  Title = {Soft Power},
  AUTHOR  =  {Nye, Joseph S.},
  journal = {Foreign Policy},
  Year = 1990,
}"""


def test_respelt_field_names_are_written_and_the_record_stays_untouched():
    from refmanager.io.bibtex.source import field_names_as_written, respell_field_names

    document = read_bibtex(MIXED_CASE)
    record = document.records[0]
    assert field_names_as_written(record) == ["Title", "AUTHOR", "journal", "Year"]
    respell_field_names(record, ["title", "author", "journal", "year"])
    assert record.is_untouched()  # only the source text changed: it is written whole
    assert write_bibtex(document).text == MIXED_CASE.replace("Title", "title").replace(
        "AUTHOR", "author").replace("Year", "year")


def test_a_changed_record_keeps_the_respelt_names_of_its_unchanged_fields():
    from refmanager.io.bibtex.source import respell_field_names

    document = read_bibtex(MIXED_CASE)
    record = document.records[0]
    respell_field_names(record, ["title", "author", "journal", "year"])
    record.title = "Bound to Lead"
    written = write_bibtex(document).text
    assert "title = {Bound to Lead}" in written and "author  =  {Nye, Joseph S.}" in written  # as spaced
    assert "Title" not in written and "AUTHOR" not in written and "year = 1990" in written


def test_a_respelling_that_is_not_one_of_letter_case_is_refused():
    import pytest

    from refmanager.io.bibtex.source import respell_field_names

    record = read_bibtex(MIXED_CASE).records[0]
    with pytest.raises(ValueError):
        respell_field_names(record, ["name", "author", "journal", "year"])


# The origin keeps the state as read in place of its hash (BibtexOrigin.matches): a
# record is untouched while its state equals that one, and a fingerprint set since rules.
UNTOUCHED_OR_NOT = [
    pytest.param(lambda record: None, True, id="a record as read is untouched"),
    pytest.param(lambda record: setattr(record, "title", "Other"), False, id="a new title touches it"),
    pytest.param(lambda record: record.creators["author"].append(Name("Doe", "Jane")), False,
                 id="a name added in place touches it"),
    pytest.param(lambda record: setattr(record, "title", record.title[:1] + record.title[1:]), True,
                 id="an equal title in another string object does not"),
    pytest.param(lambda record: setattr(record, "origin", dataclasses.replace(record.origin, fingerprint=0)),
                 False, id="a fingerprint set to 0 marks it changed"),
]


@pytest.mark.parametrize("edit, untouched", UNTOUCHED_OR_NOT)
def test_a_record_is_untouched_while_its_state_is_the_one_read(edit, untouched):
    record = read_bibtex(TEXT).records[0]
    assert record.origin.fingerprint is None and record.origin.state == record.state()
    edit(record)
    assert record.is_untouched() is untouched
