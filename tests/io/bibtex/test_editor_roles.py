"""biblatex's `editora`-`editorc` with their `editoratype` (refmanager/io/bibtex/editor_roles.py).

The role names are biblatex's for `editortype` (its manual: editor, compiler,
founder, continuator, redactor, reviser, collaborator, organizer) and those files
use beside them (director, translator); the film and its director are from the
varied set of tests/zotero/data/varied.json.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import refmanager
from refmanager.io.bibtex.read import read_bibtex
from refmanager.model import Name
from tests.io.bibtex.test_csl_fields import as_written, round_trip

VARIED = Path(__file__).parents[2] / "zotero" / "data" / "varied.json"
DOE = [Name(family="Doe", given="Jane")]


@pytest.mark.parametrize("letter", ["a", "b", "c"])
@pytest.mark.parametrize("written, role", [
    ("compiler", "compiler"), ("organizer", "organizer"), ("director", "director"),
    ("editor", "editor"), ("translator", "translator"), ("Compiler", "compiler"),
], ids=lambda value: value)
def test_an_editor_of_a_csl_role_is_read_into_it(letter, written, role):
    text = f"@book{{k, title = {{T}}, editor{letter} = {{Doe, Jane}}, editor{letter}type = {{{written}}}}}\n"
    [record] = read_bibtex(text).records
    assert record.creators == {role: DOE} and "bibtex" not in record.foreign


def test_the_type_may_come_before_its_editor():
    [record] = read_bibtex("@book{k, editoratype = {compiler}, editora = {Doe, Jane}, title = {T}}\n").records
    assert record.creators == {"compiler": DOE}


@pytest.mark.parametrize("kind", ["founder", "continuator", "redactor", "reviser", "collaborator", "illuminator"])
def test_an_editor_of_a_type_csl_has_no_role_for_is_kept_as_written(kind):
    text = f"@book{{k,\n  title = {{T}},\n  editora = {{Doe, Jane}},\n  editoratype = {{{kind}}},\n}}\n"
    document = read_bibtex(text)
    [record] = document.records
    assert record.creators == {}
    assert record.foreign["bibtex"] == {"editora": "{Doe, Jane}", "editoratype": "{" + kind + "}"}
    record.set("volume", "2")
    [again] = read_bibtex(refmanager.dumps(document, "biblatex").text).records
    assert again.foreign == record.foreign


def test_an_editor_whose_role_has_its_own_field_is_kept_beside_it():
    text = "@book{k, title = {T}, translator = {Roe, Rick}, editora = {Doe, Jane}, editoratype = {translator}}\n"
    [record] = read_bibtex(text).records
    assert record.creators == {"translator": [Name(family="Roe", given="Rick")]}
    assert set(record.foreign["bibtex"]) == {"editora", "editoratype"}


def test_an_editor_without_a_type_is_kept_as_written():
    [record] = read_bibtex("@book{k, title = {T}, editora = {Doe, Jane}}\n").records
    assert record.creators == {} and record.foreign["bibtex"] == {"editora": "{Doe, Jane}"}


NAMES = {"compiler": [{"family": "Doe", "given": "Jane"}], "organizer": [{"literal": "ACME"}],
         "director": [{"family": "Roe", "given": "Rick"}]}


def test_biblatex_says_a_compiler_organizer_and_director_as_editor_types():
    item = {"id": "k", "type": "book", "title": "T", **NAMES}
    back, notes, text = round_trip([item], "biblatex")
    assert back == as_written([item]) and notes == []
    types = {line.split("=")[1].strip(" {},") for line in text.splitlines() if "type =" in line}
    assert types == set(NAMES) and "editorc = {" in text


def test_classic_bibtex_names_them_after_csl():
    item = {"id": "k", "type": "book", "title": "T", **NAMES}
    back, notes, text = round_trip([item], "bibtex")
    assert back == as_written([item]) and notes == []
    assert "editora" not in text and "compiler = {Doe, Jane}," in text
    assert {record.origin.dialect for record in read_bibtex(text).records} == {"bibtex"}


def test_an_editor_field_kept_as_written_is_not_taken():
    # The entry's own founder stays in editora: the compiler added goes into editorb.
    document = read_bibtex("@book{k, title = {T}, editora = {Poe, Ed}, editoratype = {founder}}\n")
    record = document.records[0]
    record.set("compiler", DOE)
    text = refmanager.dumps(document, "biblatex").text
    assert "editorb = {Doe, Jane}" in text and "editorbtype = {compiler}" in text
    [again] = read_bibtex(text).records
    assert again.creators == record.creators and again.foreign == record.foreign


def test_the_varied_film_keeps_its_director_through_biblatex():
    items = [item for item in json.loads(VARIED.read_text(encoding="utf-8")) if "director" in item]
    assert items
    back, notes, text = round_trip(items, "biblatex")
    assert back == as_written(items) and notes == []
    assert "editoratype = {director}" in text
