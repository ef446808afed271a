"""Tests for the comparison columns (refmanager/dedupe/columns.py): what a record is
compared on, with the noise of real exports taken out."""

from __future__ import annotations

import pytest

import refmanager

from refmanager.dedupe.columns import normalize_doi, work_key
from refmanager.io.bibtex.names import parse_names
from refmanager.model import DateValue, Name, Record


def record(title: str, names=(), year: int | None = 2009, doi: str = "") -> Record:
    made = Record("k", type="article-journal", title=title, doi=doi)
    made.creators["author"] = [Name(family=family, given=given) for family, given in names]
    if year:
        made.dates["issued"] = DateValue(((year,),))
    return made


@pytest.mark.parametrize("title, folded, notice", [
    # MEDLINE (Ovid) notes: seen in the haematology, respiratory and stroke sets of ../shared/bench/dedupe
    pytest.param("Eculizumab for atypical hemolytic-uremic syndrome.[Erratum appears in N Engl J Med. "
                 "2009 Jun 4;360(23):2487 Note: Philipp, Thomas [added]]",
                 "eculizumab for atypical hemolytic uremic syndrome", "", id="a MEDLINE erratum note is not title"),
    pytest.param("Outcome after brain injury... [corrected][published erratum appears in Brain Inj. 2013;27(3):377]",
                 "outcome after brain injury", "", id="nor a note that it was corrected"),
    # the correction itself, titled after the article it corrects (haematology set)
    pytest.param("Eculizumab for Atypical Hemolytic-Uremic Syndrome (vol 360, pg 542, 2009)",
                 "eculizumab for atypical hemolytic uremic syndrome", "erratum",
                 id="Web of Science's correction cites the article's volume and page"),
    pytest.param("Eculizumab for atypical hemolytic-uremic syndrome (New England Journal of Medicine "
                 "(2009) 360 (542-544))", "eculizumab for atypical hemolytic uremic syndrome", "erratum",
                 id="Embase's correction cites the article's journal, year and pages"),
    pytest.param("Erratum: Gain-of-function mutations in complement factor B are associated with atypical "
                 "hemolytic uremic syndrome (Proceeding of the National Academy of Science of the United "
                 "States of America (Januar",
                 "erratum gain of function mutations in complement factor b are associated with atypical "
                 "hemolytic uremic syndrome", "erratum",
                 id="Embase's correction cut off by a title-length limit still cites nothing"),
    pytest.param("Soft power (a reappraisal)", "soft power a reappraisal", "",
                 id="a parenthesis that cites nothing stays"),
    # DBLP and the ACM library label one panel two ways (dblp_acm set)
    pytest.param("Index research: forest or trees? (panel abstract)", "index research forest or trees", "panel",
                 id="DBLP's panel abstract"),
    pytest.param("Index research (panel session): forest or trees?", "index research forest or trees", "panel",
                 id="the ACM library's panel session"),
])
def test_a_title_is_compared_without_a_databases_notes(title, folded, notice):
    key = work_key(record(title), 0)
    assert (key.title, key.notice) == (folded, notice)


def test_a_year_and_byline_run_into_the_title_are_split_off():
    # Cora: "vazirani 1995 introduction to computational learning theory", no year field
    key = work_key(record("Vazirani 1995 introduction to computational learning theory", year=None), 0)
    assert (key.title, key.year) == ("introduction to computational learning theory", 1995)


def test_a_title_that_starts_with_a_year_keeps_it_when_the_record_has_one():
    key = work_key(record("1989 revisited: the end of the cold war", year=1999), 0)
    assert (key.title, key.year) == ("1989 revisited the end of the cold war", 1999)


def test_initials_read_as_names_are_dropped():
    # Cora: "kautz, h. and kearns, m." split at every comma gives four "names"
    split_at_every_comma = record("Horn approximations", [("kautz", ""), ("h", ""), ("kearns", ""), ("m", "")])
    assert work_key(split_at_every_comma, 0).families == ("kautz", "kearns")



@pytest.mark.parametrize("author_field, families", [
    # Cora (cora1295): lower-case bylines, read by BibTeX's "First von Last" rule
    pytest.param("nicolo cesa-bianchi and yoav freund", ("cesa bianchi", "freund"),
                 id="given names read as particles are not family names"),
    pytest.param("freund, y. and m. kearns et al.", ("freund", "kearns"), id="et al is not a family name"),
    pytest.param("freund and y and schapire and r. e", ("freund", "schapire"),
                 id="initials split off by every comma are not family names"),
    pytest.param("Freund, Y. and others", ("freund",), id="and others is not a family name"),
])
def test_the_families_compared_are_those_of_the_repaired_author_list(author_field, families):
    made = record("Experiments with a new boosting algorithm")
    made.creators["author"] = parse_names(author_field)
    assert work_key(made, 0).families == families

@pytest.mark.parametrize("field, doi", [
    pytest.param("https://doi.org/10.1186/S12933-018-0749-1", "10.1186/s12933-018-0749-1", id="a resolver URL"),
    pytest.param("artn 106 10.1186/s12933-018-0749-1", "10.1186/s12933-018-0749-1",
                 id="an article number before it (sr_diabetes)"),
    pytest.param("doi 10.1016/j.jvs.2017.03.363.", "10.1016/j.jvs.2017.03.363", id="a label and a full stop"),
])
def test_the_doi_is_found_in_a_decorated_field(field, doi):
    assert normalize_doi(field) == doi


def one_entry(bibtex: str):
    return work_key(refmanager.loads(bibtex, "bibtex").records[0], 0)


@pytest.mark.parametrize("entry, columns", [
    # personal-library-17k.bib (../shared/bench/bigbib): what names one item among its siblings
    pytest.param("@report{a, title = {Lebanon}, year = {2021}, number = {R44759}}", {"number": "44759"},
                 id="a report number's digits"),
    pytest.param("@inproceedings{a, title = {Goals}, year = {2002}, number = {April}}", {"number": ""},
                 id="a month in the number field is no number"),
    pytest.param("@book{a, title = {Codex Necrons}, year = {2020}, edition = {9}}", {"edition": "9"},
                 id="an edition"),
    pytest.param("@inbook{a, title = {Puff}, year = {1984}, chapter = {19}, crossref = {clancey84__readin_medic_artif_intel_}}",
                 {"chapter": "19", "parent": "clancey84 readin medic artif intel"},
                 id="a chapter's number and the crossref of its book"),
    pytest.param("@online{a, title = {Wot I Think}, subtitle = {Kentucky Route Zero - Act III}, year = {2014}}",
                 {"part": "act 3"}, id="an act in Roman numerals is a part"),
    pytest.param("@legislation{a, title = {Children Act 1989}, year = {1989}}", {"part": ""},
                 id="a statute's year is no act's number"),
])
def test_the_columns_that_name_an_item_among_its_siblings(entry, columns):
    key = one_entry(entry)
    assert {name: getattr(key, name) for name in columns} == columns
