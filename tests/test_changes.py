"""Tests for changes as data (refmanager/changes.py) and the field accessor they use."""

from __future__ import annotations

import json

import pytest

import refmanager
from refmanager.changes import Change, apply_changes, revert_changes
from refmanager.model import DateValue, Name, Record

TWO_WITH_ONE_KEY = """@article{nye1990, title = {Soft Power}, pages = {153-171}, year = 1990}
@article{nye1990, title = {Soft power}, pages = {153--171}, year = 1990}
"""


@pytest.fixture
def document():
    return refmanager.loads(TWO_WITH_ONE_KEY, "bibtex")


def test_two_entries_with_one_key_have_different_identities(document):
    first, second = document.records
    assert document.record_id(first) != document.record_id(second)
    assert document.find(document.record_id(second)) is second


@pytest.mark.parametrize("field, value", [
    pytest.param("title", "Bound to lead", id="a scalar attribute"),
    pytest.param("container-title", "Foreign Policy", id="a hyphenated CSL name"),
    pytest.param("DOI", "10.2307/1148580", id="an upper-case CSL name"),
    pytest.param("author", [Name(family="Nye", given="Joseph S.")], id="a name role"),
    pytest.param("issued", DateValue(((1990, 9),)), id="a date"),
    pytest.param("keyword", ["soft power", "Russia"], id="the keywords"),
    pytest.param("archive", "JSTOR", id="a CSL variable the model has no attribute for"),
])
def test_a_field_set_by_its_csl_name_is_read_back_by_it(field, value):
    record = Record("k")
    record.set(field, value)
    assert record.get(field) == value and field in record.fields()
    record.set(field, "" if isinstance(value, str) else None)
    assert not record.get(field) and field not in record.fields()


def test_plain_text_of_a_field_drops_the_markup():
    record = Record("k", title='The <i>Iliad</i> and <span class="nocase">NATO</span>')
    assert record.plain("title") == "The Iliad and NATO"


def test_a_change_survives_json_and_is_applied_then_reverted(document):
    second = document.records[1]
    names = [Name(family="Alipour Gorji", given="Mahmood")]
    changes = [
        Change(document.record_id(second), "page", second.page, "153–172", "Retype"),
        Change(document.record_id(second), "author", [], names, "FromByline", "byline", 0.9),
    ]
    restored = [Change.from_json(json.loads(json.dumps(c.to_json()))) for c in changes]
    assert restored == changes
    assert apply_changes(document, restored) == []
    assert second.page == "153–172" and second.authors == names
    assert document.records[0].page != "153–172"  # the namesake is left alone
    assert revert_changes(document, restored) == []
    assert second.page == changes[0].old and second.authors == []


def test_a_change_to_a_field_edited_since_is_reported_not_made(document):
    second = document.records[1]
    change = Change(document.record_id(second), "title", "Soft power", "Soft Power", "TitleCase")
    second.title = "Edited by hand"
    problems = apply_changes(document, [change])
    assert second.title == "Edited by hand" and "changed since" in problems[0].message
