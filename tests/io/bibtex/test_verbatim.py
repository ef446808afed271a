"""Tests for refmanager/io/bibtex/verbatim.py: fields kept verbatim as the values of
changes (`bibtex:month`, `bibtex:subtitle`), and titles kept verbatim read and written
as one brace group."""

from __future__ import annotations

import pytest

import refmanager
from refmanager.changes import Change, apply_changes, field_value, revert_changes, set_field_value, verbatim_field
from refmanager.io.bibtex.verbatim import (
    set_verbatim_value, title_group, title_group_text, verbatim_titles, verbatim_value,
)
from refmanager.model import DateValue, RecordId

# As the ACL Anthology writes its entries (../shared/bench/bigbib/acl-anthology-88k.bib).
MISSPELT = """@inproceedings{k,
 title        = {Lexical noun phrase chunking},
 month        = {septempber},
 year         = {2023},
}
"""


def record_of(text: str):
    return refmanager.loads(text, "bibtex").records[0]


def test_a_month_kept_verbatim_is_its_source_text_and_one_in_the_date_its_macro():
    assert verbatim_value(record_of(MISSPELT), "month") == "{septempber}"
    assert verbatim_value(record_of(MISSPELT.replace("{septempber}", "{September}")), "month") == "sep"
    assert verbatim_value(record_of(MISSPELT.replace(" month        = {septempber},\n", "")), "month") == ""


def test_a_month_macro_goes_into_the_date_and_other_text_back_out_of_it():
    record = record_of(MISSPELT)
    set_verbatim_value(record, "month", "sep")
    assert record.dates["issued"] == DateValue(parts=((2023, 9),)) and "month" not in record.foreign.get("bibtex", {})
    set_verbatim_value(record, "month", "{septempber}")
    assert record.state() == record_of(MISSPELT).state()  # as read: the writer copies the source


def test_a_month_cannot_be_set_where_the_date_has_no_plain_year():
    record = record_of(MISSPELT.replace(" year         = {2023},\n", ""))
    with pytest.raises(ValueError, match="no month field"):
        set_verbatim_value(record, "month", "sep")


def test_setting_a_field_replaces_the_mappings_that_a_working_copy_shares():
    record = record_of(MISSPELT)
    shared = record.foreign["bibtex"]
    set_verbatim_value(record, "month", "sep")
    assert shared == {"month": "{septempber}"}  # the original record's mapping is untouched
    assert "bibtex" not in record.foreign  # nothing is left verbatim: as a reader leaves it


def test_any_other_field_is_its_source_text_found_in_any_letter_case():
    record = record_of("@book{k,\n  title = {T},\n  SubTitle = {A  Study},\n}\n")
    assert verbatim_value(record, "subtitle") == "{A  Study}"
    set_verbatim_value(record, "subtitle", "{A Study}")
    assert record.foreign["bibtex"] == {"SubTitle": "{A Study}"}  # under the entry's spelling
    set_verbatim_value(record, "subtitle", "")
    assert verbatim_value(record, "subtitle") == "" and "bibtex" not in record.foreign


def test_a_change_of_a_verbatim_field_is_replayed_from_its_json_and_reverted():
    text = "@book{k,\n  title = {T},\n  subtitle = {A  Study},\n}\n"
    document = refmanager.loads(text, "bibtex")
    change = Change(RecordId(document.path, 0, "k"), verbatim_field("subtitle"), "{A  Study}", "{A Study}", "Test")
    change = Change.from_json(change.to_json())
    assert apply_changes(document, [change]) == [] and field_value(document.records[0], "bibtex:subtitle") == "{A Study}"
    assert refmanager.dumps(document, "bibtex").text == text.replace("A  Study", "A Study")
    assert revert_changes(document, [change]) == [] and refmanager.dumps(document, "bibtex").text == text


def test_a_verbatim_field_takes_text_only():
    with pytest.raises(ValueError, match="takes BibTeX text"):
        set_field_value(record_of(MISSPELT), "bibtex:month", ["sep"])


def test_the_title_fields_kept_verbatim_are_listed_by_their_lowercased_names():
    record = record_of("@book{k,\n  title = {T},\n  Subtitle = {S},\n  titleaddon = {A},\n  note = {N},\n}\n")
    assert verbatim_titles(record) == [("subtitle", "{S}"), ("titleaddon", "{A}")]


@pytest.mark.parametrize("raw, text", [
    ("{A {UK} Study}", 'A <span class="nocase">UK</span> Study'), ("{M{\\\"u}ller}", "Müller"),
    ("acl", None), ('{A} # " Study"', None), ('"A Study"', None), ("{A} {B}", None),
], ids=["one brace group, decoded as a title", "with LaTeX", "a macro", "a concatenation",
        "a quoted string", "two groups side by side"])
def test_a_title_is_read_from_one_brace_group_only(raw, text):
    assert title_group_text(raw) == text


def test_a_title_is_written_as_one_group_that_reads_back_the_same():
    assert title_group('A <span class="nocase">UK</span> Café', ascii=True) == "{A {UK} Caf{\\'e}}"
    assert title_group("A Café", ascii=False) == "{A Café}"
    assert title_group_text(title_group("50% of {braces} & more", ascii=False)) == "50% of {braces} & more"


def test_no_group_for_a_text_that_would_read_back_otherwise():
    assert title_group("two  spaces", ascii=False) is None  # the reader makes them one
    assert title_group("e\u0301t\u00e9", ascii=True) is None  # a combining accent reads back composed
