"""Tests for refmanager/normalize/authority.py: the user's list of people wins.
The cases are the proposed refmanager cases that no rule can decide from the string
(../shared/bench/names/proposed_refmanager_cases.jsonl: Iranian compound family names,
an inverted citation)."""

from __future__ import annotations

import pytest

from refmanager.errors import InputError
from refmanager.model import Document, Name, Record
from refmanager.normalize import NormalizeConfig, normalize

PEOPLE = """\
[[person]]
family = "Alipour Gorji"
given = "Mahmood"
variants = ["mahmood, A. G."]
"""


@pytest.mark.parametrize("written", [
    Name("Gorji", "Mahmood Alipour"), Name("mahmood", "A. G."), Name("Alipour Gorji", "Mahmood"),
], ids=["BibTeX's reading of the plain string", "the inverted citation", "already right"])
def test_the_authority_gives_the_person_s_parts(tmp_path, written):
    (tmp_path / "people.toml").write_text(PEOPLE, encoding="utf-8")
    document = Document("t.bib", "bibtex", [Record("k", creators={"author": [written]})])
    changes = normalize(document, NormalizeConfig(name_authority=str(tmp_path / "people.toml")))
    authority = [change for change in changes if change.rule == "ApplyNameAuthority"]
    expected = [] if written == Name("Alipour Gorji", "Mahmood") else [[Name("Alipour Gorji", "Mahmood")]]
    assert [change.new for change in authority] == expected
    assert all(change.confidence == 1.0 for change in authority)


def test_a_broken_authority_file_is_a_one_line_error(tmp_path):
    (tmp_path / "people.toml").write_text("[[person]]\nvariants = ['x']\n", encoding="utf-8")
    document = Document("t.bib", "bibtex", [Record("k", creators={"author": [Name("X")]})])
    with pytest.raises(InputError, match="person 1 has no name parts"):
        normalize(document, NormalizeConfig(name_authority=str(tmp_path / "people.toml")))
