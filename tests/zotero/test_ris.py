"""RIS for Zotero: the tags Zotero's RIS import reads for each type (research file,
section 4.2), checked line by line on the export of the varied set."""

from __future__ import annotations

from pathlib import Path

import pytest

import refmanager
from refmanager.zotero import export
from refmanager.zotero.fidelity import IN_EXTRA
from refmanager.zotero.ris import IMPORTED_TYPES, ris_code

VARIED = Path(__file__).with_name("data") / "varied.json"


@pytest.fixture(scope="module")
def records() -> dict[str, list[str]]:
    """Each record's RIS lines, by its ID."""
    text = export(refmanager.load(str(VARIED)), "ris").text
    found = {}
    for block in text.split("ER  - \n"):
        lines = [line for line in block.splitlines() if line]
        if lines:
            found[next(line[6:] for line in lines if line.startswith("ID  - "))] = lines
    return found


@pytest.mark.parametrize("key, line", [
    pytest.param("lee2020conf", "C3  - Proceedings of the 12th Conference on Digital Libraries",
                 id="a conference paper's proceedings title is in C3"),
    pytest.param("lee2020conf", "T2  - JCDL 2020", id="and the conference's name in T2"),
    pytest.param("kuhn1962", "A4  - García Márquez, Gabriel", id="translators are in A4"),
    pytest.param("kuhn1962", "A3  - de la Cruz, Ana", id="a book's editor is in A3, particle first"),
    pytest.param("kuhn1962", "A2  - Smith, Jane", id="a book's series editor is in A2"),
    pytest.param("kuhn1962", "T2  - Foundations of the Unity of Science", id="a book's series is in T2"),
    pytest.param("kuhn1962", "SN  - 978-0-226-45808-3", id="a book's ISBN is in SN"),
    pytest.param("doe2005chapter", "A2  - Poe, Edgar, III", id="a chapter's editors are in A2, suffix last"),
    pytest.param("doe2005chapter", "T2  - Collected Essays on Music", id="a chapter's book is in T2"),
    pytest.param("doe2005chapter", "AU  - Doe, John, Jr.", id="a suffix follows the given name"),
    pytest.param("doe2005chapter", "DO  - 10.1093/acprof:oso/9780198526636.003.0004",
                 id="a chapter keeps its DOI, as Zotero's current schema does"),
    pytest.param("mueller2021", "AU  - van der Berg, Anna", id="a non-dropping particle starts the last name"),
    pytest.param("mueller2021", "T2  - Journal of Molecular Biology", id="a journal article's journal is in T2"),
    pytest.param("mueller2021", "J2  - J. Mol. Biol.", id="the journal's abbreviation is in J2"),
    pytest.param("mueller2021", "SN  - 0022-2836", id="a journal article's ISSN is in SN"),
    pytest.param("mueller2021", "DA  - 2021/03/15/", id="the full date is in DA as YYYY/MM/DD/"),
    pytest.param("mueller2021", "Y2  - 2024/01/09/", id="the access date is in Y2"),
    pytest.param("mueller2021", "LA  - en", id="the language is an ISO code"),
    pytest.param("mueller2021", "DO  - 10.1000/xyz<>;()123", id="a DOI is written as it is"),
    pytest.param("mueller2021", "UR  - https://example.org/jmb/433/7?a=1&b=2", id="so is a URL"),
    pytest.param("mueller2021", "AB  - Costs rose 5% & yields fell; sets {a, b} were compared.",
                 id="an abstract keeps & % { } as they are"),
    pytest.param("mueller2021", "N1  - Read for the review.", id="the note is in N1"),
    pytest.param("mueller2021", 'TI  - The <i>Drosophila</i> genome and <sup>13</sup>C labelling in '
                 '<span class="nocase">DNA</span> repair', id="a title keeps Zotero's rich-text markup"),
    pytest.param("isotopes2022", "TI  - <i>In vivo</i> <sup>13</sup>C tracing of <b>glucose</b> uptake",
                 id="italics, superscripts and bold in a title are kept"),
    pytest.param("who2019report", "SN  - WHO/HIS/2019.1", id="a report's number is in SN"),
    pytest.param("who2019report", "M3  - Technical report", id="a report's type is in M3"),
    pytest.param("who2019report", "T2  - Technical Report Series", id="a report's series is in T2"),
    pytest.param("who2019report", "PB  - WHO", id="a report's institution is in PB"),
    pytest.param("smith2018phd", "M3  - PhD thesis", id="a thesis type is in M3"),
    pytest.param("smith2018phd", "PB  - University of Cambridge", id="a thesis's university is in PB"),
    pytest.param("python2023docs", "T2  - Python documentation", id="a web page's site is in T2"),
    pytest.param("python2023docs", "AU  - Python Software Foundation",
                 id="an organisation has no comma, so Zotero keeps it in one field"),
    pytest.param("lee2020conf", "M2  - event-place: Wuhan",
                 id="a field Zotero's type lacks goes into M2 as name: value, which Zotero reads into Extra"),
])
def test_the_field_is_in_zoteros_tag(records, key, line):
    assert line in records[key]


def test_one_kw_line_per_keyword(records):
    assert [line for line in records["mueller2021"] if line.startswith("KW")] == [
        "KW  - genomics", "KW  - DNA repair", "KW  - isotopes"]


def test_every_type_is_one_zoteros_ris_import_knows(records):
    codes = {lines[0][6:] for lines in records.values()}
    assert codes <= set(IMPORTED_TYPES)
    assert "PAMP" not in codes  # a pamphlet is written as a book, which Zotero has


def test_a_crossref_child_is_written_with_what_it_inherits():
    text = """@proceedings{conf2020,
  title = {Proceedings of the Tenth Workshop},
  publisher = {ACL},
  year = {2020},
}

@inproceedings{paper2020,
  author = {Doe, Jane},
  title = {A Paper},
  pages = {1--10},
  crossref = {conf2020},
}
"""
    document = refmanager.loads(text, "bibtex")
    exported = export(document, "ris")
    child = exported.text.split("ER  - ")[1]
    assert "C3  - Proceedings of the Tenth Workshop" in child and "PB  - ACL" in child
    assert "PY  - 2020" in child
    assert any("from its crossref" in problem.message for problem in exported.problems)


def test_the_source_document_is_not_changed():
    document = refmanager.load(str(VARIED))
    before = [record.state() for record in document.records]
    export(document, "ris")
    assert [record.state() for record in document.records] == before


def test_a_record_read_from_ris_is_written_anew_for_zotero():
    # Untouched, the RIS writer repeats a record's source text; for Zotero it is made
    # again, so that the language becomes a code and Zotero's types are used.
    source = "TY  - JOUR\nID  - a1\nTI  - A\nLA  - English\nER  - \n"
    document = refmanager.loads(source, "ris")
    assert ris_code(document.records[0]) == "JOUR"
    assert "LA  - en\n" in export(document, "ris").text


def test_a_field_neither_type_has_a_place_for_goes_into_extra_through_m2():
    # personal-library-17k.bib: a chapter number, which a Zotero book section lacks.
    text = "@inbook{weber21, title = {Types of Rule}, author = {Weber, Max}, year = {1921},\n" \
           " chapter = {3}, booktitle = {Economy and Society}}\n"
    exported = export(refmanager.loads(text, "bibtex"), "ris")
    assert "M2  - chapter-number: 3" in exported.text.splitlines()
    assert [(loss.field, loss.fate) for loss in exported.losses] == [("chapter-number", IN_EXTRA)]
