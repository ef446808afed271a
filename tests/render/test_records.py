"""Records as CSL items for the processor."""

from __future__ import annotations

import json

import refmanager
from refmanager.model import DateValue, Name, Record
from refmanager.render.records import item_from_record, items_from_records


def test_a_record_becomes_the_item_the_csljson_writer_writes():
    record = Record("nye2004", "book", title="Soft power",
                    creators={"author": [Name("Nye", "Joseph S.", suffix="Jr.")]},
                    dates={"issued": DateValue(((2004,),))}, publisher="PublicAffairs")
    written = json.loads(refmanager.dumps(refmanager.Document("x.json", "csljson", [record]), "csljson").text)[0]
    assert item_from_record(record) == written
    assert item_from_record(record)["id"] == "nye2004"
    assert item_from_record(record)["author"] == [{"family": "Nye", "given": "Joseph S.", "suffix": "Jr."}]


def test_the_abstract_is_not_given_to_the_processor():
    record = Record("a", "article-journal", title="T", abstract="A long abstract.")
    assert "abstract" not in item_from_record(record)


def test_a_whole_document_of_the_sample_library_becomes_items_keyed_by_citation_key(library):
    document = refmanager.load(str(library / "soft-power.bib"))
    items = items_from_records(document)
    assert [item["id"] for item in items] == [record.key for record in document.records]
    assert all(item["type"] for item in items)


def test_a_repeated_key_gets_a_suffix_so_ids_stay_unique():
    items = items_from_records([Record("smith2020"), Record("smith2020"), Record("jones")])
    assert [item["id"] for item in items] == ["smith2020", "smith2020#2", "jones"]


def test_csl_json_dicts_pass_through_unchanged_and_are_not_modified():
    given = {"id": "x", "type": "book", "title": "T"}
    items = items_from_records([given, Record("y", "book")])
    assert items[0] == given and items[0] is not given
    assert items[1]["id"] == "y"


def test_an_item_without_an_id_is_named_by_its_place():
    items = items_from_records([{"type": "book"}, {"id": "", "type": "book"}])
    assert [item["id"] for item in items] == ["item-1", "item-2"]
