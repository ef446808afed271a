"""Tests for the pairwise comparison (refmanager/dedupe/scoring.py) and its guards."""

from __future__ import annotations

import pytest

from refmanager.dedupe.columns import work_key
from refmanager.dedupe.scoring import Thresholds, compare
from refmanager.model import DateValue, Name, Record


def article(title, families=("Nye",), year=1990, doi="", volume="", page="", kind="article-journal",
            venue="Foreign Policy"):
    record = Record("k", type=kind, title=title, doi=doi, volume=volume, page=page, container_title=venue)
    record.creators["author"] = [Name(family=family, given="J.") for family in families]
    record.dates["issued"] = DateValue(((year,),))
    return record


def score(a: Record, b: Record) -> float:
    return compare(work_key(a, 0), work_key(b, 1)).score


SAME = Thresholds().match
HUS_REVIEWERS = ("Michael", "Elliott", "Craig", "Ridley", "Hodson")  # sr_haematology's review team


@pytest.mark.parametrize("first, second", [
    pytest.param(article("Soft Power"), article("Soft power"), id="case differs"),
    pytest.param(article("Soft power", ("Nye", "Keohane")), article("Soft power", ("Keohane", "Nye")),
                 id="co-authors listed in another order"),
    pytest.param(article("The Rise of {Russian} soft power"), article("The rise of Russian soft power"),
                 id="protected words against plain"),
    pytest.param(article("Soft power", year=1990), article("Soft power", year=1991),
                 id="a year apart (online first, then in print)"),
    pytest.param(article("Public diplomacy and soft power", doi="10.2307/1148580"),
                 article("Public diplomacy and soft power: the means to success", ("Lukes",), 2005,
                         "https://doi.org/10.2307/1148580"),
                 id="one DOI written two ways, whatever else differs"),
    # sr_cytology_screening's srcytolo0585 and srcytolo0586: a slip in a number is no series
    pytest.param(article("p6INK4a Expression does not predict the outcome of cervical intraepithelial neoplasia grade 2"),
                 article("p16(INK4a) Expression does not predict the outcome of cervical intraepithelial neoplasia grade 2"),
                 id="a number miscopied in the title"),
])
def test_the_same_work_is_matched(first, second):
    assert score(first, second) >= SAME


@pytest.mark.parametrize("first, second", [
    pytest.param(article("Soft power", doi="10.1/a"), article("Soft power", doi="10.1/b"),
                 id="two different DOIs"),
    pytest.param(article("Bound to lead, part I"), article("Bound to lead, part II"),
                 id="part I and part II"),
    pytest.param(article("Soft power and its critics"), article("Soft power and its critics: reply"),
                 id="an article and the reply to it"),
    pytest.param(article("Soft power", kind="book", year=1990), article("Soft power", kind="book", year=2004),
                 id="two editions of a book"),
    pytest.param(article("Soft power", volume="80", page="153"), article("Soft power", volume="81", page="301"),
                 id="another volume and other pages"),
    pytest.param(article("Soft power", ("Nye",)), article("Soft power", ("Lukes",), year=2005),
                 id="another author and another decade"),
    pytest.param(article("Soft power", kind="paper-conference", year=1994), article("Soft power", year=1995),
                 id="a conference paper and its later journal version"),
    # the haematology set's two Alexion trials, one registry apart
    pytest.param(article("An Open-label, Multi-center Clinical Trial of Eculizumab in Adult Patients With "
                         "Atypical Hemolytic-uremic Syndrome", ("Alexion",), 2011),
                 article("An Open-Label, Multi-Center Clinical Trial of Eculizumab in Pediatric Patients With "
                         "Atypical Hemolytic-Uremic Syndrome (aHUS)", ("Alexion",), 2011),
                 id="a trial in adults and its twin in children"),
    # the haematology set's srhaemat0285 and srhaemat0653, one team's review published twice
    pytest.param(article("Interventions for haemolytic uraemic syndrome and thrombotic thrombocytopenic purpura",
                         HUS_REVIEWERS, 2009, venue="Cochrane Database of Systematic Reviews"),
                 article("Interventions for hemolytic uremic syndrome and thrombotic thrombocytopenic purpura: "
                         "A systematic review of randomized controlled trials", HUS_REVIEWERS, 2009, volume="53",
                         page="259", venue="Am J Kidney Dis"),
                 id="a Cochrane review and its journal version with a subtitle"),
    # personal-library-17k.bib: the volumes, parts and numbered posts of one series
    pytest.param(article("Cybercultures", ("Bell",), 2006, volume="1", kind="book", venue=""),
                 article("Cybercultures", ("Bell",), 2006, volume="2", kind="book", venue=""),
                 id="two volumes of a book set"),
    pytest.param(article("Echo Bazaar Narrative Structures, part one", ("Failbetter",), 2010, kind="webpage"),
                 article("Echo Bazaar Narrative Structures, part two", ("Failbetter",), 2010, kind="webpage"),
                 id="part one and part two"),
    pytest.param(article("The Grenfell Tower Inquiry: Phase 1 Report Volume 1", ("Moore-Bick",), 2019),
                 article("The Grenfell Tower Inquiry: Phase 1 Report Volume 2", ("Moore-Bick",), 2019),
                 id="volume 1 and volume 2 of one phase"),
    pytest.param(article("The Digital Antiquarian: 1980", ("Maher",), 2012),
                 article("The Digital Antiquarian: 1981", ("Maher",), 2012),
                 id="a series' numbered parts"),
    pytest.param(article("SC00026H: FIPA Request Interaction Protocol Specification", ("FIPA",), 2002),
                 article("SC00027H: FIPA Query Interaction Protocol Specification", ("FIPA",), 2002),
                 id="two standards numbered one apart"),
])
def test_different_works_are_kept_apart(first, second):
    assert score(first, second) < SAME


def test_one_study_in_two_journals_is_two_works_that_no_chain_joins():
    # Another journal, volume and first page, and a subtitle added: two publications,
    # so a third record matching both may not join them (the clustering's constraint).
    outcome = compare(work_key(article("Soft power in Russian foreign policy", volume="12", page="40",
                                       venue="Survival"), 0),
                      work_key(article("Soft power in Russian foreign policy: the limits of attraction",
                                       volume="31", page="7", venue="Europe-Asia Studies"), 1))
    assert outcome.distinct_score < Thresholds().apart


@pytest.mark.parametrize("first, second", [
    pytest.param(article("Soft power in Russian foreign policy", volume="12", page="40", venue="Survival"),
                 article("Soft power in Russian foreign policy: the limits of attraction", volume="12", page="40",
                         venue="Survival"),
                 id="a subtitle lost by one database, in one journal"),
    pytest.param(article("Interventions for haemolytic uraemic syndrome", HUS_REVIEWERS, 2009,
                         venue="Cochrane Database of Systematic Reviews"),
                 article("Interventions for haemolytic uraemic syndrome: a systematic review", HUS_REVIEWERS, 2009,
                         venue="Cochrane Database Syst Rev"),
                 id="a subtitle lost by one database, in the Cochrane Database spelt two ways"),
    pytest.param(article("Interventions for haemolytic uraemic syndrome", HUS_REVIEWERS, 2009,
                         venue="Cochrane Database of Systematic Reviews"),
                 article("Interventions for haemolytic uraemic syndrome", HUS_REVIEWERS, 2009, venue="Am J Kidney Dis"),
                 id="one title in the Cochrane Database and a journal, no subtitle to tell them apart"),
])
def test_a_subtitle_in_one_serial_is_no_second_work(first, second):
    assert score(first, second) >= SAME


def test_a_title_of_adults_and_children_is_no_contrast():
    both = "Eculizumab in children and adults with atypical hemolytic uremic syndrome"
    assert score(article(both), article(both.replace("children and adults", "adults and children"))) >= SAME


def test_a_page_range_whose_dash_was_lost_agrees_on_its_first_page():
    # Cora: "pages 382-391" and "382391"
    outcome = compare(work_key(article("How to use expert advice", page="382"), 0),
                      work_key(article("How to use expert advice", page="382391"), 1))
    assert "first page" in outcome.agreed



def test_a_family_name_hyphenated_at_a_line_break_is_the_same_name():
    # Cora: "d. haus-sler", "m. k. war-muth" in citations copied from two-column papers
    outcome = compare(work_key(article("How to use expert advice", ("Haussler", "Warmuth")), 0),
                      work_key(article("How to use expert advice", ("Haus-sler", "War-muth")), 1))
    assert "authors" in outcome.agreed


def test_volume_issue_and_page_shifted_by_one_field_are_not_evidence_against():
    # sr_haematology: one conference abstract as volume 26, issue 9, page 1746 and as issue 26, page 9
    full = article("The treatment of atypical HUS", ("Loirat",), 2011, volume="26", page="1746")
    full.issue = "9"
    shifted = article("The treatment of atypical HUS", ("Loirat",), 2011, page="9")
    shifted.issue = "26"
    outcome = compare(work_key(full, 0), work_key(shifted, 1))
    assert outcome.score >= SAME
    assert not {"volume", "first page", "issue"} & set(outcome.disagreed)


def test_other_numbers_in_the_same_fields_still_disagree():
    first = article("The treatment of atypical HUS", ("Loirat",), 2011, volume="26", page="1746")
    second = article("The treatment of atypical HUS", ("Loirat",), 2011, volume="27", page="9")
    assert "first page" in compare(work_key(first, 0), work_key(second, 1)).disagreed


ZUBER = ("Zuber", "Le Quintrec", "Sberro-Soussan", "Loirat")


@pytest.mark.parametrize("untitled, titled, same", [
    # sr_haematology: Nat Rev Nephrol 7(1):23-35, once with its title and once without
    (article("", ZUBER, 2011, volume="7", page="23"),
     article("New insights into postrenal transplant hemolytic uremic syndrome", ZUBER, 2011, volume="7", page="23"),
     True),
    (article("", ZUBER, 2011, volume="7", page="23"),
     article("New insights into postrenal transplant hemolytic uremic syndrome", ZUBER, 2011, volume="7", page="41"),
     False),
    (article("", ZUBER, 2011, volume="7", page="23"),
     article("New insights into postrenal transplant hemolytic uremic syndrome", ("Nye",), 2011, volume="7",
             page="23"),
     False),
    # sr_cytology_screening: two abstracts by one team on one supplement page
    (article("HPV status and histologic follow up on women with cytologic abnormality of ASC-H",
             ("Baker", "Chen", "Yang"), 2009, page="81A"),
     article("ASC-H: HPV status and histologic correlation based on age distributions",
             ("Baker", "Yang", "Chen"), 2009, page="81A"),
     False),
], ids=[
    "a record without a title at the same authors year volume and page is the article",
    "a record without a title on another page is not",
    "a record without a title by other authors is not",
    "two titled abstracts of one team on one page are two",
])
def test_a_record_without_a_title_is_matched_by_its_place(untitled, titled, same):
    assert (score(untitled, titled) >= SAME) is same

def test_a_title_with_a_word_added_is_one_title():
    # dblp_acm: DBLP's and the ACM library's titles of one paper
    assert score(article("QXtract: a building block for efficient information extraction from text databases"),
                 article("QXtract: a building block for efficient information extraction from plain text databases")
                 ) >= SAME


def test_one_erratum_titled_two_ways_at_one_place_is_one_item():
    # sr_haematology: "Erratum: Severe deficiency..." in one database, the bare title in another
    assert score(article("Erratum: Severe deficiency of ADAMTS 13 activity", ("Veyradier",), 2003, volume="142",
                         page="616"),
                 article("Severe deficiency of ADAMTS 13 activity", ("Veyradier",), 2003, volume="142",
                         page="616")) >= SAME


def test_a_reply_on_the_letters_page_is_not_the_letter():
    # sr_haematology: a letter and the authors' reply share volume, issue and page
    assert score(article("Thrombomodulin in atypical HUS", ("Edey",), 2009, volume="361", page="1511"),
                 article("Thrombomodulin in atypical HUS: authors' reply", ("Esmon", "Conway"), 2009, volume="361",
                         page="1511")) < SAME


def test_an_erratum_is_related_to_its_article_not_to_another_with_a_longer_title():
    erratum = work_key(article("Eculizumab for atypical HUS (vol 360, pg 542, 2009)", ("Philipp",), 2009,
                               volume="360", page="2487"), 0)
    its_article = work_key(article("Eculizumab for atypical HUS", ("Nurnberger", "Philipp"), 2009,
                                   volume="360", page="542"), 1)
    another = work_key(article("Eculizumab for congenital atypical HUS", ("Gruppo", "Rother"), 2009,
                               volume="360", page="544"), 2)
    assert compare(erratum, its_article).related == "notice"
    assert compare(erratum, another).related == ""


def test_a_recurring_column_in_another_issue_is_another_item():
    # sr_haematology: "Gateways to clinical trials", by one team, in two issues of a volume
    first = work_key(article("Gateways to clinical trials", ("Bayes", "Prous"), 2004, volume="26", page="473"), 0)
    second = work_key(article("Gateways to clinical trials: April 2004", ("Bayes", "Prous"), 2004, volume="26",
                              page="211"), 1)
    assert compare(first, second, common_title=True).score < SAME
    assert compare(first, second).score >= SAME  # the title alone would have merged them


def test_a_recurring_column_in_another_issue_of_one_volume_is_another_item():
    # acl-anthology-88k.bib: Computational Linguistics 17 printed "Advertisements" in
    # issues 1 to 4 (nn-1991-advertisements...); the volume agrees, the issue does not.
    issue = {}
    for number in (1, 4):
        record = article("Advertisements", (), 1991, volume="17", venue="Computational Linguistics")
        record.issue = str(number)
        issue[number] = work_key(record, number)
    assert compare(issue[1], issue[4], common_title=True).score < SAME
    assert compare(issue[1], issue[4]).score >= SAME  # the title and volume alone would have merged them


AGNOSTIC = "Toward efficient agnostic learning"  # cora1295's, by Kearns, Schapire and Sellie
AGNOSTIC_AUTHORS = ("Kearns", "Schapire", "Sellie")
COLT_92 = "Proceedings of the Fifth Annual ACM Workshop on Computational Learning Theory"


def undated(record: Record) -> Record:
    record.dates.clear()
    return record


@pytest.mark.parametrize("undated_copy, same", [
    pytest.param(article(AGNOSTIC, AGNOSTIC_AUTHORS, kind="paper-conference",
                         venue="In Proc. 5th Annu. Workshop on Comput. Learning Theory"), True,
                 id="the same venue spelt another way: a paper cited without its year"),
    pytest.param(article(AGNOSTIC, AGNOSTIC_AUTHORS, kind="paper-conference", venue=""), False,
                 id="no venue: nothing to tell the paper from a column's issue"),
    pytest.param(article(AGNOSTIC, AGNOSTIC_AUTHORS, kind="paper-conference", venue="Foreign Affairs"), False,
                 id="another venue"),
    pytest.param(article(AGNOSTIC, ("Nye",), kind="paper-conference", venue=COLT_92), False,
                 id="another author"),
])
def test_an_undated_citation_of_a_recurring_title_joins_by_authors_and_venue(undated_copy, same):
    dated = work_key(article(AGNOSTIC, AGNOSTIC_AUTHORS, 1992, page="341", kind="paper-conference",
                             venue=COLT_92), 0)
    outcome = compare(dated, work_key(undated(undated_copy), 1), common_title=True)
    assert (outcome.score >= SAME) is same


HOMING = "Inference of finite automata using homing sequences"  # cora1295: Rivest and Schapire


@pytest.mark.parametrize("other, same", [
    pytest.param(article(HOMING, ("Rivest", "Schapire"), 1997, volume="103", page="299",
                         venue="Information and Computation"), True,
                 id="the same volume and first page: the year is the slip"),
    pytest.param(article(HOMING, ("Rivest", "Schapire"), 1997, volume="103", page="411",
                         venue="Information and Computation"), False, id="another first page"),
    pytest.param(article(HOMING, ("Rivest", "Schapire"), 1997, volume="103", page="299",
                         venue="Proceedings of STOC"), False, id="another venue"),
])
def test_a_year_miscopied_beside_one_volume_and_page(other, same):
    published = article(HOMING, ("Rivest", "Schapire"), 1993, volume="103", page="299",
                        venue="Information and Computation")
    assert (score(published, other) >= SAME) is same


def test_one_doi_on_unrelated_titles_is_a_supplement_not_a_match():
    # Meeting abstracts of one supplement share its DOI (seen in ../shared/bench/dedupe/sr_diabetes).
    assert score(article("Eculizumab in aHUS", doi="10.1/s"), article("Plasma exchange in TTP", doi="10.1/s")) < SAME


def test_a_comparison_says_what_agreed_and_what_did_not():
    outcome = compare(work_key(article("Soft power", volume="80", page="153"), 0),
                      work_key(article("Soft power", volume="81", page="153"), 1))
    assert "title" in outcome.agreed and "first page" in outcome.agreed
    assert "volume" in outcome.disagreed


def test_a_preprint_and_its_published_version_are_related_not_merged():
    from refmanager.dedupe import DedupeOptions, find_duplicates

    preprint = article("Soft power in the Caucasus", doi="10.48550/arXiv.2101.00001", kind="article")
    published = article("Soft power in the Caucasus", doi="10.1080/12345.2021.1")
    kept_apart = find_duplicates([preprint, published])
    assert kept_apart.clusters == [] and len(kept_apart.related) == 1
    assert find_duplicates([preprint, published], DedupeOptions(merge_preprints=True)).clusters == [[0, 1]]


BOOSTING = "Experiments with a new boosting algorithm"  # cora1295: Freund and Schapire, 1996


def _on_arxiv(url: str = "", **bibtex_fields: str) -> Record:
    record = article(BOOSTING, ("Freund", "Schapire"), 1996, kind="document", venue="")
    record.url = url
    record.foreign["bibtex"] = {name: "{" + value + "}" for name, value in bibtex_fields.items()}
    return record


def test_a_journal_article_that_gives_its_arxiv_address_is_no_preprint():
    published = article(BOOSTING, ("Freund", "Schapire"), 1996, venue="Machine Learning")
    published.url = "https://arxiv.org/abs/2102.10556"
    assert not work_key(published, 0).draft and work_key(_on_arxiv(published.url), 1).draft


@pytest.mark.parametrize("draft", [
    pytest.param(article(BOOSTING, ("Freund", "Schapire"), 1996, venue="Unpublished manuscript"),
                 id="cited as an unpublished manuscript"),
    pytest.param(article(BOOSTING, ("Freund", "Schapire"), 1996, venue="Preprint"), id="cited as a preprint"),
    pytest.param(article(BOOSTING, ("Freund", "Schapire"), 1996, kind="manuscript", venue=""),
                 id="a BibTeX @unpublished"),
    # personal-library-17k.bib: arXiv copies filed as @misc beside the published paper
    pytest.param(_on_arxiv(url="https://arxiv.org/abs/2102.10556"), id="a @misc with its arXiv address"),
    pytest.param(_on_arxiv(eprint="2102.10556", archivePrefix="arXiv"), id="a @misc with an arXiv eprint"),
    pytest.param(_on_arxiv(arxivid="1512.08546v3"), id="a @misc with an arxivid"),
    # personal-library-17k.bib: Ongaro's "(Extended Version)", a report beside its paper
    pytest.param(article(BOOSTING + " (Extended Version)", ("Freund", "Schapire"), 1996, venue=""),
                 id="titled as the extended version, with no venue"),
])
def test_a_manuscript_and_its_published_version_are_related_not_merged(draft):
    from refmanager.dedupe import DedupeOptions, find_duplicates

    published = article(BOOSTING, ("Freund", "Schapire"), 1996, page="148", kind="paper-conference",
                        venue="Machine Learning: Proceedings of the Thirteenth International Conference")
    kept_apart = find_duplicates([draft, published])
    assert kept_apart.clusters == [] and [c.related for c in kept_apart.related] == ["preprint"]
    assert find_duplicates([draft, published], DedupeOptions(merge_preprints=True)).clusters == [[0, 1]]


def test_the_extended_version_in_a_journal_is_the_journal_article_itself():
    # dblp_acm: ACM titles the VLDB Journal article "... (extended version)"; DBLP does not.
    title = "Sleepers and workaholics: caching strategies in mobile environments"
    acm = article(title + " (extended version)", ("Barbara", "Imielinski"), 1995, venue="The VLDB Journal")
    dblp = article(title, ("Barbara", "Imielinski"), 1995, venue="VLDB J.")
    assert not work_key(acm, 0).draft and score(acm, dblp) >= SAME


def test_two_copies_of_one_manuscript_are_one_record():
    first, second = (article(BOOSTING, ("Freund", "Schapire"), 1996, venue=venue)
                     for venue in ("Unpublished manuscript", "unpublished manuscript"))
    assert score(first, second) >= SAME


def test_a_biblatex_subtitle_tells_the_parts_of_a_report_apart():
    import refmanager

    # personal-library-17k.bib: one CRS report in five parts, each named by its subtitle only
    entries = "".join(
        f"@report{{murril{part}, title = {{The Modes of Constitutional Analysis}}, subtitle = {{{subtitle} (Part {part})}},"
        f" author = {{Murril, Brandon J.}}, year = {{2021}}, institution = {{Congressional Research Service}}}}\n"
        for part, subtitle in ((1, "An Introduction"), (2, "Textualism")))
    first, second = refmanager.loads(entries, "bibtex").records
    assert compare(work_key(first, 0), work_key(second, 1)).score < SAME
