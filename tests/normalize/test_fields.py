"""Tests for refmanager/normalize/fields.py: BibTeX field names in one letter case."""

from __future__ import annotations

import pytest

import refmanager
from refmanager.changes import FIELD_NAMES, apply_changes, revert_changes
from refmanager.normalize import NormalizeConfig, normalize

# Field names as JabRef and older Emacs bibtex-mode exports spell them.
CAPITALISED = """@Article{nye1990,
  Title = {Soft Power},
  AUTHOR = {Nye, Joseph S.},
  Year = 1990,
}
"""


def field_name_changes(text: str, config: NormalizeConfig | None = None) -> list:
    document = refmanager.loads(text, "bibtex")
    return [change for change in normalize(document, config) if change.field == FIELD_NAMES]


@pytest.mark.parametrize("text, expected", [
    pytest.param(CAPITALISED, ["title", "author", "year"], id="capitalised and upper-case names are lowered"),
    pytest.param("@book{k,\n  title = {T},\n  ISBN = {0-19-852663-6},\n}\n", ["title", "isbn"],
                 id="one upper-case name among lower-case ones is lowered"),
    pytest.param("@book{k,\n  title = {T},\n  year = 2000,\n}\n", None, id="lower-case names give no change"),
])
def test_field_names_are_lowered(text, expected):
    changes = field_name_changes(text)
    assert [change.new for change in changes] == ([expected] if expected else [])


def test_the_change_names_the_fields_it_respells_and_is_sure():
    change, = field_name_changes(CAPITALISED)
    assert change.old == ["Title", "AUTHOR", "Year"] and change.rule == "LowercaseFieldNames"
    assert "Title, AUTHOR, Year" in change.evidence and change.confidence == 1.0


def test_the_rule_can_be_switched_off():
    assert field_name_changes(CAPITALISED, NormalizeConfig(disabled=frozenset({"LowercaseFieldNames"}))) == []


def test_a_record_not_read_from_bibtex_has_no_field_names_to_respell():
    document = refmanager.loads('[{"id": "k", "type": "book", "title": "T"}]', "csljson")
    assert [change for change in normalize(document) if change.field == FIELD_NAMES] == []


def test_applied_and_reverted_the_file_is_written_back_as_it_was():
    document = refmanager.loads(CAPITALISED, "bibtex")
    changes = [change for change in normalize(document) if change.field == FIELD_NAMES]
    assert apply_changes(document, changes) == []
    lowered = CAPITALISED.replace("Title =", "title =").replace("AUTHOR =", "author =").replace("Year =", "year =")
    assert refmanager.dumps(document, "bibtex").text == lowered
    assert revert_changes(document, changes) == []
    assert refmanager.dumps(document, "bibtex").text == CAPITALISED
