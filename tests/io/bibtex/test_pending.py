"""Tests for refmanager/io/bibtex/pending.py: records decoded on first use.

Whatever reads or changes a pending record must see what an eager reader gives:
each case does one thing to a fresh pending record and compares with the record
built directly from the same entry (`PendingEntry.build`).
"""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from refmanager.io.bibtex import read_bibtex, write_bibtex
from refmanager.io.bibtex.pending import PendingRecord
from refmanager.model import Record

TEXT = """@string{jnl = {Journal of Tests}}
@article{first,
  author = {M{\\"u}ller, Jan and van Doe, J.},
  title = {The {DNA} of Things},
  journal = jnl,
  month = mar,
  year = 2001,
}
@inproceedings{second,
  title = {Another},
  booktitle = {Proceedings},
  year = {2020},
}
"""


def read(text: str = TEXT):
    return read_bibtex(text, "test.bib")


def eager(record: PendingRecord) -> Record:
    """The record an eager reader makes of the same entry."""
    return record.pending.build()


def test_a_record_read_is_pending_and_its_key_is_there_without_decoding():
    record = read().records[0]
    assert type(record) is PendingRecord
    assert record.key == "first"
    assert type(record) is PendingRecord


# Each way of using a record, as other stages do.
USES = {
    "reading a field": lambda record: record.title,
    "reading its origin": lambda record: record.origin.line,
    "reading its problems": lambda record: list(record.problems),
    "calling a method": lambda record: record.get("author"),
    "reading its state": lambda record: record.state(),
    "comparing it": lambda record: record == record,
    "showing it": repr,
    "copying it": copy.copy,
    "copying it deeply": copy.deepcopy,
    "pickling it": lambda record: pickle.loads(pickle.dumps(record)),
    "replacing a field in a copy": lambda record: dataclasses.replace(record, note="n"),
}


@pytest.mark.parametrize("use", USES.values(), ids=USES.keys())
def test_any_use_builds_the_record_into_a_plain_one_with_the_values_an_eager_reader_gives(use):
    record = read().records[0]
    expected = eager(record)
    use(record)
    assert type(record) is Record
    assert record == expected
    assert record.state() == expected.state() and record.origin == expected.origin
    assert record.problems == expected.problems and record.is_untouched()


@pytest.mark.parametrize("use", [copy.copy, copy.deepcopy, lambda r: pickle.loads(pickle.dumps(r))],
                         ids=["a copy", "a deep copy", "an unpickled copy"])
def test_a_copy_of_a_pending_record_is_a_plain_record_equal_to_it(use):
    record = read().records[0]
    duplicate = use(record)
    assert type(duplicate) is Record and duplicate == record


def test_a_pending_record_equals_the_eager_one_from_either_side():
    record, other = read().records[0], read().records[0]
    expected = eager(record)
    assert eager(other) == record
    assert other == expected


def test_the_records_of_a_file_are_built_together_on_first_use():
    document = read()
    first, second = document.records
    assert first.title == "The <span class=\"nocase\">DNA</span> of Things"
    assert type(second) is Record and second == eager(read().records[1])


def test_a_field_set_before_anything_is_read_is_a_change_the_writer_sees():
    document = read()
    record = document.records[0]
    record.title = "A New Title"
    assert not record.is_untouched()
    written = write_bibtex(document).text
    assert "title = {A New Title}" in written and "journal = jnl" in written
    assert read(written).records[0].title == "A New Title"


def test_a_container_changed_in_place_is_a_change_too():
    document = read()
    document.records[1].creators.setdefault("author", []).append(eager(read().records[0]).authors[0])
    written = write_bibtex(document).text
    assert read(written).records[1].authors[0].family == "Müller"


def test_writing_an_unchanged_file_decodes_nothing_and_gives_its_text_back():
    document = read()
    assert write_bibtex(document).text == TEXT
    assert all(type(record) is PendingRecord for record in document.records)


def test_only_the_records_the_key_checks_concern_are_decoded_when_reading():
    # A key used twice and a crossref naming no entry: both reported, as before.
    text = TEXT + "@misc{second, title = {Again}}\n@misc{child, crossref = {nowhere}}\n@misc{plain, title = {P}}\n"
    document = read(text)
    kinds = {record.key: type(record) for record in document.records}
    assert kinds["first"] is PendingRecord and kinds["plain"] is PendingRecord
    assert kinds["child"] is Record
    assert [type(record) for record in document.records if record.key == "second"] == [Record, Record]
    assert any("duplicate key 'second'" in problem.message for problem in document.records[2].problems)
    assert any("crossref 'nowhere'" in problem.message for problem in document.problems)
