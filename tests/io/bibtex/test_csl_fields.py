"""CSL types, roles and variables that BibTeX has no entry type or field for, written
in fields named after CSL (refmanager/io/bibtex/csl_fields.py) and read back whole.

The items are made from the CSL schema's own lists (every type, every variable),
and real data: the sample library, the soft-power seed, and the CSL-JSON inputs of
the CSL test suite (../shared/bench/csl-test-suite). Zotero's known entry types
are those of shared/research/zotero-import.md, section 4.1.
"""

from __future__ import annotations

import json
import re

import pytest

import refmanager
from refmanager.io.bibtex.mapping import dialect_of
from refmanager.io.bibtex.read import read_bibtex
from refmanager.io.bibtex.tables import CSL_ALIASES, CSL_ITEM_TYPES, CSL_TEXT_VARIABLES
from refmanager.io.csljson.schema import item_types, property_kinds
from refmanager.model import DATE_VARIABLES, NAME_VARIABLES, Document, Record
from tests.shared_data import shared_path

DIALECTS = ["bibtex", "biblatex"]
# Entry types that Zotero's BibTeX import reads (research file, 4.1); it drops any other unread.
ZOTERO_TYPES = {
    "article", "book", "booklet", "manual", "proceedings", "collection", "mvbook", "inbook",
    "incollection", "inproceedings", "conference", "phdthesis", "mastersthesis", "thesis",
    "techreport", "report", "online", "electronic", "misc", "unpublished", "patent", "letter",
    "artwork", "movie", "legislation", "jurisdiction", "audio", "video", "software", "inreference",
}
# The one variable the classic writer puts in a biblatex field, as classic BibTeX has no name
# for it (`eid`, an article's number): it makes the entry biblatex.
_BIBLATEX_BY_CHOICE = {"number"}
NAMES = [{"family": "Doe", "given": "Jane"}, {"literal": "ACME Corporation"}]
_NUMBERS = {"volume", "issue", "number", "edition", "chapter-number", "collection-number",
            "number-of-pages", "number-of-volumes", "page", "section", "part", "supplement", "printing"}


def round_trip(items: list[dict], dialect: str) -> tuple[list[dict], list[str], str]:
    """The items after CSL-JSON -> BibTeX (in a dialect) -> CSL-JSON, the writer's notes, the .bib."""
    document = refmanager.loads(json.dumps(items), "csljson")
    written = refmanager.dumps(document, dialect)
    back = refmanager.dumps(refmanager.loads(written.text, "bibtex"), "csljson")
    return json.loads(back.text), [problem.message for problem in written.problems], written.text


def as_written(items: list[dict]) -> list[dict]:
    """The items as the CSL-JSON writer gives them (the form to compare with)."""
    return json.loads(refmanager.dumps(refmanager.loads(json.dumps(items), "csljson"), "csljson").text)


def a_value(name: str, kind: str):
    if kind == "names":
        return NAMES
    if kind == "date":
        return {"date-parts": [[2019, 5, 17]]}
    return "12" if name in _NUMBERS else f"The {name}"


def test_the_tables_list_what_the_csl_schema_lists():
    kinds = property_kinds()
    assert CSL_ITEM_TYPES == item_types()
    assert CSL_TEXT_VARIABLES == {name for name, kind in kinds.items() if kind == "text"}
    # The model knows CSL 1.0.2's `editor-translator` too, which the schema has not caught up with.
    assert NAME_VARIABLES == {name for name, kind in kinds.items() if kind == "names"} | {"editor-translator"}
    assert DATE_VARIABLES == {name for name, kind in kinds.items() if kind == "date"}


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("csl_type", sorted(item_types()))
def test_every_csl_type_comes_back_in_an_entry_type_zotero_reads(csl_type, dialect):
    item = {"id": "k", "type": csl_type, "title": "A work", "issued": {"date-parts": [[2020, 3]]}}
    if csl_type == "thesis":
        item["genre"] = "PhD thesis"  # classic BibTeX has no thesis of no stated kind (a note says so)
    back, notes, text = round_trip([item], dialect)
    assert back == as_written([item]) and notes == []
    entry_type = re.match(r"@(\w+)\{", text).group(1)
    assert entry_type in ZOTERO_TYPES
    fields = re.findall(r"^  ([\w-]+) =", text, re.MULTILINE)
    assert dialect_of(entry_type, fields) == dialect


def every_variable() -> list:
    skip = {"id", "type", "custom", "keyword", "categories"}
    return [pytest.param(name, kind, id=f"{kind} {name}")
            for name, kind in sorted(property_kinds().items()) if name not in skip]


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("name, kind", every_variable())
def test_every_csl_variable_comes_back_in_three_types(name, kind, dialect):
    items = [{"id": csl_type, "type": csl_type, "title": "T", name: a_value(name, kind)}
             for csl_type in ("report", "book", "legal_case")]
    back, notes, text = round_trip(items, dialect)
    expected = as_written(items)
    if name in CSL_ALIASES:  # `shortTitle` comes back as `title-short`, BibTeX's field names having no case
        expected = [{CSL_ALIASES[name] if key == name else key: value for key, value in item.items()}
                    for item in expected]
    assert back == expected and notes == []
    if dialect == "bibtex" and name not in _BIBLATEX_BY_CHOICE:
        assert {record.origin.dialect for record in read_bibtex(text).records} == {"bibtex"}


@pytest.mark.parametrize("dialect", DIALECTS)
def test_a_role_the_schema_does_not_list_yet_comes_back(dialect):
    # CSL-JSON keeps `editor-translator` in `custom` (the schema lacks it); a record can have it.
    record = Record(key="k", type="book", title="T")
    record.set("editor-translator", refmanager.loads(json.dumps([{"id": "x", "author": NAMES}]),
                                                     "csljson").records[0].authors)
    written = refmanager.dumps(Document("x.json", "csljson", [record]), dialect)
    [back] = read_bibtex(written.text).records
    assert back.creators == record.creators and written.problems == []


def test_a_report_with_a_contributor_and_a_chair_names_them_in_fields_of_their_roles():
    item = {"id": "panel", "type": "report", "title": "Findings", "contributor": NAMES[:1],
            "chair": [{"family": "Park", "given": "Sun"}], "authority": "WHO"}
    back, notes, text = round_trip([item], "bibtex")
    assert "@techreport{panel," in text and "chair = {Park, Sun}," in text
    assert "contributor = {Doe, Jane}," in text and "authority = {WHO}," in text
    assert back == as_written([item]) and notes == []


def test_a_dataset_is_misc_to_zotero_with_its_csl_type_in_a_field():
    item = {"id": "d", "type": "dataset", "title": "Ocean temperatures", "version": "2"}
    classic, biblatex = round_trip([item], "bibtex")[2], round_trip([item], "biblatex")[2]
    assert "@misc{d," in classic and "csl-type = {dataset}" in classic
    assert "@misc{d," in biblatex and "entrysubtype = {dataset}" in biblatex


def test_an_existing_biblatex_dataset_keeps_its_entry_type():
    # A biblatex file's own `@dataset` is the user's choice: written back as it was, even changed.
    text = "@dataset{d,\n  title = {Ocean temperatures},\n  date = {2021},\n}\n"
    document = read_bibtex(text)
    assert refmanager.dumps(document, "biblatex").text == text
    document.records[0].set("version", "2")
    assert refmanager.dumps(document, "biblatex").text.startswith("@dataset{d,")


def test_an_entrysubtype_that_is_no_csl_type_is_kept_as_written():
    # biblatex-chicago's `entrysubtype = {classical}` says something we do not model.
    [record] = read_bibtex("@misc{k, title = {Ethics}, entrysubtype = {classical}}\n").records
    assert record.type == "document"
    assert record.foreign["bibtex"]["entrysubtype"] == "{classical}"


def test_a_short_title_under_its_old_name_is_written_once():
    item = {"id": "k", "type": "book", "title": "A long title", "title-short": "Long", "shortTitle": "Long"}
    back, notes, text = round_trip([item], "bibtex")
    assert text.count("shorttitle") == 1 and notes == []
    assert back[0]["title-short"] == "Long"


# ---------------------------------------------------------------- real data

@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("name", ["soft-power.json", "soft-power.bib"])
def test_the_sample_library_round_trips_whole(library, name, dialect):
    document = refmanager.load(str(library / name))
    before = refmanager.dumps(document, "csljson").text
    written = refmanager.dumps(document, dialect)
    # The same JSON: a CSL-JSON file read keeps its own layout (`io.csljson.source`).
    back = refmanager.dumps(refmanager.loads(written.text, "bibtex"), "csljson").text
    assert json.loads(back) == json.loads(before)
    assert written.problems == []


@pytest.mark.parametrize("dialect", DIALECTS)
def test_the_seed_literature_round_trips_whole(dialect):
    items = json.loads(shared_path("seed", "soft-power-literature.json").read_text(encoding="utf-8"))
    back, notes, _text = round_trip(items, dialect)
    assert back == as_written(items) and notes == []


@pytest.mark.parametrize("dialect", DIALECTS)
def test_the_sample_ris_file_round_trips_through_bibtex(library, dialect):
    document = refmanager.load(str(library / "soft-power.ris"))
    bibtex = refmanager.dumps(document, dialect)
    ris = refmanager.dumps(refmanager.loads(bibtex.text, "bibtex"), "ris")
    again = refmanager.loads(ris.text, "ris")
    assert refmanager.dumps(again, "csljson").text == refmanager.dumps(document, "csljson").text
    assert bibtex.problems == []


_SECTION = re.compile(r">>=+ INPUT =+>>\n?(.*?)\n?<<=+ INPUT =+<<", re.S)


def csl_suite_items() -> list[dict]:
    """The items of every fixture of the CSL test suite that has a list of them."""
    items = []
    for path in sorted(shared_path("bench", "csl-test-suite", "humans").glob("*.txt")):
        found = _SECTION.search(path.read_text(encoding="utf-8"))
        try:
            data = json.loads(found.group(1)) if found else []
        except ValueError:
            continue  # fixtures of deliberately broken input
        items += [dict(item, id=f"{path.stem}-{number}") for number, item in enumerate(data)
                  if isinstance(data, list) and isinstance(item, dict)]
    return items


def _types_roles_and_variables(item: dict, reported: set[str]) -> dict:
    """What this change keeps: the type, the roles, the dates' names and the text variables
    (their spaces collapsed, as BibTeX collapses them), but for those the writer reported as
    lost; names and dates in detail are BibTeX's own matter (particles, ranges)."""
    kinds = property_kinds()
    return {name: (" ".join(value.split()) if isinstance(value, str) else kinds.get(name))
            for name, value in item.items() if name != "custom" and name not in reported}


def _reported(notes: list[str]) -> dict[str, set[str]]:
    """The fields the writer said it could not hold (`k: field 'csljson:issued' cannot...`), by key."""
    found: dict[str, set[str]] = {}
    for note in notes:
        lost = re.match(r"(.+?): field '\w+:([\w-]+)' cannot be held", note)
        if lost:
            found.setdefault(lost.group(1), set()).add(lost.group(2))
    return found


@pytest.mark.parametrize("dialect", DIALECTS)
def test_the_csl_test_suite_items_keep_their_types_roles_and_variables(dialect):
    # The suite's deliberately malformed dates ("issued": "1965-06-01") are kept by the
    # CSL-JSON reader as written, which BibTeX cannot take: the writer says so.
    items = csl_suite_items()
    back, notes, _text = round_trip(items, dialect)
    expected, reported = as_written(items), _reported(notes)
    assert len(back) == len(expected) > 1000
    differ = [item["id"] for item, again in zip(expected, back)
              if _types_roles_and_variables(item, reported.get(item["id"], set()))
              != _types_roles_and_variables(again, reported.get(item["id"], set()))]
    assert differ == []


def test_a_record_of_an_unknown_type_is_still_reported():
    record = Record(key="k", type="not-a-csl-type", title="T")
    written = refmanager.dumps(Document("x.json", "csljson", [record]), "bibtex")
    assert any("'not-a-csl-type'" in problem.message for problem in written.problems)


def test_a_kept_field_that_the_new_entry_type_reads_is_reported():
    # From ../shared/bench/bigbib/personal-library-17k.bib: an @online with a `journal`,
    # which @online keeps verbatim; written as a classic @misc, it is read as the site's name.
    document = read_bibtex("@online{n, title = {How big?}, journal = {Nature}, url = {https://x.org}}\n")
    document.records[0].set("note", "changed")
    written = refmanager.dumps(document, "bibtex")
    assert "journal = {Nature}" in written.text and "csl-type = {webpage}" in written.text
    assert [problem.message for problem in written.problems] == [
        "n: field 'journal', kept as written, is read back as 'container-title' in a @misc"]
    assert refmanager.dumps(document, "biblatex").problems == []
