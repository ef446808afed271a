"""Tests for refmanager/io/bibtex/source.py: what a record remembers of its entry."""

from __future__ import annotations

import dataclasses

from refmanager.io.bibtex import read_bibtex, write_bibtex
from refmanager.io.bibtex.mapping import field_slot
from refmanager.io.bibtex.source import BibtexOrigin, _part, _StateView, source_fields, unchanged_fields

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
        assert view.part(*slot) == _part(record, *slot), name
