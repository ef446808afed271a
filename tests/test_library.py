"""The sample library (library/): three exports of the same 28 works.

Each file is read by its own reader; the three must agree with each other and
with the seed they came from, except where library/README.md says a format
differs or a field was left out for want of anyone to vouch for it.
"""

from __future__ import annotations

import re

import pytest

import refmanager

FILES = ("soft-power.bib", "soft-power.ris", "soft-power.json")
COMPARED = ("type", "title", "container_title", "volume", "issue", "page", "number", "doi",
            "isbn", "url", "publisher", "publisher_place", "edition")

# Differences between the exports that library/README.md explains ("How the formats differ").
EXPORT_DIFFERENCES: set[tuple[str, str]] = set()  # none left: each format says it its own way
# Fields left out of, or changed in, the library (library/README.md, "Fields left out/changed").
LEFT_OUT = {
    ("hill2006current", "doi"), ("kiseleva2015politics", "doi"), ("simons2014prr", "volume"),
    ("simons2014prr", "issue"), ("simons2014prr", "page"), ("simons2014prr", "doi"),
    ("mattern2005millennium", "issue"), ("mattern2005millennium", "page"),
    ("lankina2015chapter", "page"),
    ("nye2013fpweb", "url"), ("nye2004book", "isbn"),
}


def comparable(record, attribute: str) -> str:
    """A field as plain, case-folded text: the exports differ in markup, case and quotes."""
    value = record.type if attribute == "type" else getattr(record, attribute)
    value = re.sub(r"<[^>]+>", "", value).casefold().replace("\u2013", "-")
    return value.translate(str.maketrans("’‘“”`", "''\"\"'"))


def names(record) -> dict:
    return {role: [name.display() for name in people] for role, people in record.creators.items()}


@pytest.fixture
def libraries(library):
    return {name: refmanager.load(str(library / name)) for name in FILES}


def test_each_export_reads_without_a_problem(libraries):
    for name, document in libraries.items():
        assert document.all_problems() == [], name
        assert len(document.records) == 28, name


@pytest.mark.parametrize("attribute", COMPARED)
def test_the_three_exports_agree_field_by_field(libraries, attribute):
    by_key = {name: {record.key: record for record in doc.records} for name, doc in libraries.items()}
    keys = by_key["soft-power.json"].keys()
    assert all(set(records) == set(keys) for records in by_key.values())
    for key in keys:
        values = {name: comparable(records[key], attribute) for name, records in by_key.items()}
        if (key, attribute) not in EXPORT_DIFFERENCES:
            assert len(set(values.values())) == 1, (key, values)


def test_the_three_exports_agree_on_names_and_dates(libraries):
    by_key = {name: {record.key: record for record in doc.records} for name, doc in libraries.items()}
    for key, record in by_key["soft-power.json"].items():
        for other in ("soft-power.bib", "soft-power.ris"):
            assert names(by_key[other][key]) == names(record), (key, other)
            assert by_key[other][key].dates == record.dates, (key, other)


def test_the_library_keeps_the_seed_except_what_nobody_can_vouch_for(libraries, shared):
    seed_text = (shared / "seed" / "soft-power-literature.json").read_text(encoding="utf-8")
    seed = {record.key: record for record in refmanager.loads(seed_text, "csljson").records}
    library = {record.key: record for record in libraries["soft-power.json"].records}
    assert set(library) == set(seed)
    for key, record in seed.items():
        for attribute in COMPARED:
            if (key, attribute) in LEFT_OUT:
                assert getattr(library[key], attribute) != getattr(record, attribute), (key, attribute)
            else:
                assert getattr(library[key], attribute) == getattr(record, attribute), (key, attribute)
        assert names(library[key]) == names(record), key
