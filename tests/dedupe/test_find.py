"""Tests for the whole finding step (refmanager/dedupe/find.py): options and the
evidence the result keeps."""

from __future__ import annotations

from refmanager.dedupe import DedupeOptions, find_duplicates
from refmanager.model import DateValue, Name, Record


def paper(title, year=None, kind="article-journal", venue="", page="", families=("Kearns", "Valiant")):
    made = Record("k", type=kind, title=title, container_title=venue, page=page)
    made.creators["author"] = [Name(family=family, given="M.") for family in families]
    if year:
        made.dates["issued"] = DateValue(((year,),))
    return made


def test_a_bare_record_does_not_chain_a_papers_two_versions():
    # cora1295: a conference paper, its journal version five years on, and a citation
    # that gives neither year nor venue, which matches both
    title = "Cryptographic limitations on learning Boolean formulae and finite automata"
    records = [paper(title, 1989, "paper-conference", "Proceedings of STOC", "433"),
               paper(title, 1994, "article-journal", "Journal of the ACM", "67"),
               paper(title, kind="document")]
    result = find_duplicates(records)
    assert len(result.clusters) == 1 and 2 in result.clusters[0]
    assert any({c.first, c.second} == {1, 2} or {c.first, c.second} == {0, 2} for c in result.review)


def test_a_persons_decision_places_the_bare_record_where_no_score_would():
    title = "Cryptographic limitations on learning Boolean formulae and finite automata"
    records = [paper(title, 1989, "paper-conference", "Proceedings of STOC", "433"),
               paper(title, 1994, "article-journal", "Journal of the ACM", "67"),
               paper(title, kind="document")]
    assert find_duplicates(records).clusters == [[0, 2]]
    decided = DedupeOptions(decisions={frozenset((1, 2)): True})
    assert find_duplicates(records, decided).clusters == [[1, 2]]


def test_an_erratum_is_related_by_default_and_attached_on_request():
    article = paper("Eculizumab for atypical hemolytic uremic syndrome", 2009, venue="N Engl J Med", page="542",
                    families=("Nurnberger", "Philipp"))
    erratum = paper("Eculizumab for atypical hemolytic uremic syndrome (vol 360, pg 542, 2009)", 2009,
                    venue="N Engl J Med", page="2487", families=("Philipp",))
    kept_apart = find_duplicates([article, erratum])
    assert kept_apart.clusters == [] and [c.related for c in kept_apart.related] == ["notice"]
    assert find_duplicates([article, erratum], DedupeOptions(attach_notices=True)).clusters == [[0, 1]]


def test_an_undated_copy_does_not_make_a_title_recur():
    # cora1295: "The strength of weak learnability" (Machine Learning 5, 1990) cited
    # dozens of times, twice without a year; one year given is not "several years"
    title = "The strength of weak learnability"
    records = [paper(title, 1990, venue="Machine Learning", page="197", families=("Schapire",)),
               paper(title, 1990, venue="Machine Learning", families=("Schapire",)),
               paper(title, kind="document", families=("Schapire",))]
    assert find_duplicates(records).clusters == [[0, 1, 2]]


def test_a_column_title_in_several_years_still_recurs():
    # dblp_acm: "Editor's notes", one editor, each issue's own item
    records = [paper("Editor's notes", year, venue="SIGMOD Record", families=("Widom",))
               for year in (1995, 1996, 1997)]
    assert find_duplicates(records).clusters == []
