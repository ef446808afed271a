"""CSL-JSON for Zotero: valid against the official schema, names folded where Zotero
drops their parts, keywords warned about (research file, sections 4.3 and 7)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import refmanager
from refmanager.io.csljson.schema import schema_errors
from refmanager.zotero import export
from refmanager.zotero.csljson import KEYWORDS_DROPPED, folded_name

VARIED = Path(__file__).with_name("data") / "varied.json"


@pytest.fixture(scope="module")
def exported():
    return export(refmanager.load(str(VARIED)), "csljson")


@pytest.fixture(scope="module")
def items(exported) -> dict[str, dict]:
    return {item["id"]: item for item in json.loads(exported.text)}


def test_every_item_is_valid_against_the_packaged_schema(items):
    assert {key: schema_errors(item) for key, item in items.items() if schema_errors(item)} == {}


def test_the_file_is_valid_against_the_official_schema(shared, exported):
    import jsonschema

    schema = json.loads((shared / "schemas" / "csl-data.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(exported.text), schema)


def test_no_name_keeps_a_part_zotero_drops(items):
    parts = {"non-dropping-particle", "dropping-particle", "suffix"}
    for item in items.values():
        for value in item.values():
            if isinstance(value, list) and value and isinstance(value[0], dict):
                assert all(parts.isdisjoint(name) for name in value), item["id"]


@pytest.mark.parametrize("name, folded", [
    pytest.param({"family": "Berg", "given": "Anna", "non-dropping-particle": "van der"},
                 {"family": "van der Berg", "given": "Anna"}, id="a non-dropping particle joins the family name"),
    pytest.param({"family": "Beethoven", "given": "Ludwig", "dropping-particle": "van"},
                 {"family": "Beethoven", "given": "Ludwig van"}, id="a dropping particle ends the given name"),
    pytest.param({"family": "Doe", "given": "John", "suffix": "Jr."},
                 {"family": "Doe", "given": "John, Jr."}, id="a suffix follows the given name after a comma"),
    pytest.param({"literal": "World Health Organization"}, {"literal": "World Health Organization"},
                 id="an organisation is left as it is"),
])
def test_names_are_folded_as_zotero_keeps_them(name, folded):
    assert folded_name(name) == folded


def test_the_export_warns_that_keywords_do_not_survive(exported):
    assert KEYWORDS_DROPPED in exported.warnings
    lost = {loss.key for loss in exported.losses if loss.field == "keyword"}
    assert lost == {"mueller2021", "isotopes2022", "kuhn1962", "lee2020conf"}


def test_no_item_has_a_type_that_makes_zotero_reject_the_file(items):
    assert items["numpy2020"]["type"] == "book"
    assert "software" not in {item["type"] for item in items.values()}


def test_the_journal_abbreviation_is_where_zotero_reads_it(items):
    assert items["mueller2021"]["journalAbbreviation"] == "J. Mol. Biol."
    assert items["mueller2021"]["container-title-short"] == "J. Mol. Biol."  # for citeproc


def test_a_field_zoteros_type_lacks_is_a_line_of_the_note(items):
    assert items["lee2020conf"]["note"] == "event-place: Wuhan"
    assert "event-place" not in items["lee2020conf"]


def test_the_citation_key_is_written_for_zotero_7(items):
    assert all(item["citation-key"] == key for key, item in items.items())


def test_a_file_without_keywords_gets_no_warning():
    document = refmanager.loads('[{"id": "a", "type": "book", "title": "T"}]', "csljson")
    assert export(document, "csljson").warnings == []


def test_fields_kept_in_custom_are_reported_one_by_one():
    source = "@article{a,\n  title = {T},\n  file = {:a.pdf:PDF},\n  foo = {bar},\n}\n"
    exported = export(refmanager.loads(source, "bibtex"), "csljson")
    assert {loss.field for loss in exported.losses} == {"bibtex:file", "bibtex:foo"}
    assert json.loads(exported.text)[0]["custom"]["refmanager-foreign"]["bibtex"]["foo"] == "{bar}"
