"""What every Zotero export does first (refmanager/zotero/prepare.py)."""

from __future__ import annotations

import pytest

import refmanager
from refmanager.model import DateValue, Name
from refmanager.zotero.fidelity import CHANGED, IN_CHILD_NOTE
from refmanager.zotero.prepare import field_text, prepare


def as_is(record):
    return record.type, record.type


def test_a_field_the_zotero_type_lacks_becomes_a_line_of_the_note():
    document = refmanager.loads('[{"id": "a", "type": "article-journal", "title": "T", "page": "1-9", '
                                '"number": "e12", "note": "Mine."}]', "csljson")
    prepared, losses, _ = prepare(document, as_is, IN_CHILD_NOTE)
    record = prepared.records[0]
    assert record.note == "Mine.\nnumber: e12" and record.number == ""
    assert {(loss.field, loss.fate) for loss in losses} == {("number", IN_CHILD_NOTE), ("note", IN_CHILD_NOTE)}
    assert document.records[0].number == "e12"  # the caller's record is not changed


def test_an_article_number_without_pages_goes_into_pages_as_zotero_keeps_it():
    document = refmanager.loads('[{"id": "a", "type": "article-journal", "title": "T", "number": "17008"}]',
                                "csljson")
    prepared, losses, _ = prepare(document, as_is, IN_CHILD_NOTE)
    record = prepared.records[0]
    assert (record.page, record.number, record.note) == ("17008", "", "")
    assert losses == []


@pytest.mark.parametrize("fields, doi, url, note, fates", [
    ('"DOI": "https://doi.org/10.1000/XYZ"', "10.1000/XYZ", "", "", set()),
    ('"DOI": "http://hdl.handle.net/2065/585"', "", "http://hdl.handle.net/2065/585", "", {("DOI", CHANGED)}),
    ('"DOI": "http://hdl.handle.net/2065/585", "URL": "https://aclanthology.org/Y04-1032"', "",
     "https://aclanthology.org/Y04-1032", "DOI field: http://hdl.handle.net/2065/585", {("DOI", IN_CHILD_NOTE)}),
], ids=["a DOI as a resolver URL is given bare", "a handle in the DOI field becomes the URL",
        "a handle beside a URL goes into the note"])
def test_the_doi_field_holds_a_doi_for_zotero(fields, doi, url, note, fates):
    document = refmanager.loads(f'[{{"id": "a", "type": "article-journal", "title": "T", {fields}}}]', "csljson")
    prepared, losses, _ = prepare(document, as_is, IN_CHILD_NOTE)
    record = prepared.records[0]
    assert (record.doi, record.url, record.note) == (doi, url, note)
    assert {(loss.field, loss.fate) for loss in losses} == fates


def test_a_type_zotero_lacks_is_reported_as_changed():
    document = refmanager.loads('[{"id": "a", "type": "pamphlet", "title": "T"}]', "csljson")
    _, losses, _ = prepare(document, lambda record: ("book", "book"), IN_CHILD_NOTE)
    assert [(loss.field, loss.fate) for loss in losses] == [("type", CHANGED)]
    assert "Zotero has no such type" in losses[0].detail


@pytest.mark.parametrize("written, code", [("English", "en"), ("ger", "de"), ("en-GB", "en-GB"), ("vi", "vi")],
                         ids=lambda value: value)
def test_the_language_is_an_iso_code_where_one_is_known(written, code):
    document = refmanager.loads(f'[{{"id": "a", "type": "book", "language": "{written}"}}]', "csljson")
    prepared, _, _ = prepare(document, as_is, IN_CHILD_NOTE)
    assert prepared.records[0].language == code


def test_blocks_that_are_not_records_are_left_out_with_one_note():
    document = refmanager.loads("% a comment\n@string{x = {y}}\n@book{a, title = x}\n", "bibtex")
    prepared, _, notes = prepare(document, as_is, IN_CHILD_NOTE)
    assert prepared.blocks == prepared.records and len(prepared.records) == 1
    assert [note.message for note in notes] == ["2 block(s) that are not records (comments, @string, "
                                                "text) are not exported"]


def test_progress_is_told_of_every_record():
    document = refmanager.loads("".join(f"@book{{k{i}, title = {{T}}}}\n" for i in range(1203)), "bibtex")
    told = []
    prepare(document, as_is, IN_CHILD_NOTE, progress=told.append)
    assert sum(told) == 1203


@pytest.mark.parametrize("kind, value, text", [
    ("names", [Name(family="Berg", given="Anna", non_dropping_particle="van der"),
               Name(literal="WHO")], "van der Berg, Anna; WHO"),
    ("names", [Name(family="Doe", given="John", suffix="Jr.")], "Doe, John, Jr."),
    ("date", DateValue(parts=((2020, 3, 1),)), "2020-03-01"),
    ("date", DateValue(literal="Spring 2020"), "Spring 2020"),
    ("text", "The <i>Iliad</i>\nagain", "The Iliad again"),
], ids=["names as Zotero orders them", "a suffix last", "a date in ISO", "a literal date",
        "text without markup, on one line"])
def test_field_text_is_one_line(kind, value, text):
    assert field_text(kind, value) == text
