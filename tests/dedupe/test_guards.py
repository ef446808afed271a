"""Tests for the guards (refmanager/dedupe/guards.py): records alike in title that are two works.

Each pair kept apart is one that `refman dedupe` merged in personal-library-17k.bib or
acl-anthology-88k.bib (../shared/bench/bigbib), reviewed by hand as two works: the
entries' bibliographic fields are copied here as the file has them (keys shortened;
its file, tag and date fields left out). Each test shows that the named guard fires, that the pair is then
two works, and that without that guard the score alone would have merged them.
"""

from __future__ import annotations

import pytest

import refmanager
from refmanager.dedupe import guards, scoring
from refmanager.dedupe.columns import WorkKey, work_key
from refmanager.dedupe.scoring import Thresholds, compare

SAME = Thresholds().match


def pair(bibtex: str) -> tuple[WorkKey, WorkKey]:
    first, second = refmanager.loads(bibtex, "bibtex").records
    return work_key(first, 0), work_key(second, 1)


ARTIKIS = """
@inproceedings{artikis09a, title = {Dynamic Protocols for Open Agent Systems}, author = {Artikis, Alexander},
 year = {2009}, pages = {97--104},
 booktitle = {Proceedings of 8th International Conference on Autonomous Agents and Multiagent systems - AAMAS'09}}
@inproceedings{artikis09b, title = {Formalising dynamic protocols for open agent systems},
 author = {Artikis, Alexander}, year = {2009}, organization = {ACM}, pages = {68--77},
 booktitle = {Proceedings of the 12th International Conference on Artificial Intelligence and Law}}
"""
FORNARA = """
@report{fornara08a, title = {Formal Specifiation of Artificial Institutions Using the Event Calculus},
 author = {Fornara, Nicolette and Colombetti, Marco}, year = {2008}, number = {5},
 institution = {Institute for Communication Technologies}}
@report{fornara08b, title = {A Meta-model for the Specification of Artificial Institutions using the Event Calculus},
 author = {Fornara, Nicoletta and Colombetti, Marco}, year = {2008}, booktitle = {Dagstuhl.De},
 institution = {Hasler Foundation}}
"""
HUMUD = """
@report{humud21a, title = {Lebanon}, author = {Humud, Carla E.}, year = {2021}, number = {IF11617},
 institution = {Congressional Research Service}}
@report{humud21b, title = {Lebanon}, author = {Humud, Carla E.}, year = {2021}, number = {R44759},
 institution = {Congressional Research Service}}
"""
BUCHANAN_CLANCEY = """
@inbook{buchanan84, title = {Intelligent Computer-Aided Instruction},
 author = {Buchanan, Bruce G. and Shortliffe, Edward H.}, year = {1984}, chapter = {25},
 crossref = {buchanan84:_rule_based_exper_system_}}
@inbook{clancey84, title = {Intelligent Computer-Aided Instruction For Medical Diagnosis},
 author = {Clancey, William J and Shortliffe, Edward H. and Buchanan, Bruce G.}, year = {1984}, chapter = {11},
 crossref = {clancey84__readin_medic_artif_intel_}}
"""
PEARSON = """
@inbook{pearson14a, title = {Star Trek and American Television History},
 author = {Pearson, Roberta and Davies, Maire Messenger}, year = {2014}, chapter = {1},
 crossref = {pearson14_star_trek_americ_telev_}}
@book{pearson14b, title = {Star Trek and American Television}, author = {Pearson, Roberta and Davies, Maire Messenger},
 year = {2014}, publisher = {University of California Press}}
"""
MCNEILL = """
@thesis{mcneill06a, title = {Dynamic ontology refinement}, author = {McNeill, Fiona}, year = {2006},
 institution = {University of Edinburgh}, type = {phd}}
@inproceedings{mcneill06b, title = {Dynamic ontology refinement}, author = {McNeill, Fiona and Bundy, Alan and Schorlemmer, Marco},
 year = {2006}, booktitle = {Procs of workshop on Plan Execution at ICAPS '03}, number = {EDI-INF-RR-0177}}
"""
CODEX = """
@book{workshop21h, title = {Codex Chaos Space Marines}, author = {{Games Workshop}}, year = {2022}, edition = {9},
 publisher = {Games Workshop}, series = {Warhammer 40,0000}}
@book{workshop22, title = {Codex Chaos Space Marines}, author = {{Games Workshop}}, year = {2022}, edition = {10},
 publisher = {Games Workshop}}
"""
CATALYST = """
@booklet{chibber18, title = {Catalyst}, subtitle = {A Journal of Theory & Strategy}, author = {Chibber, Vivek},
 year = {2018}, volume = {2}, number = {1}, publisher = {Jacobin}}
@book{chibber19, title = {Catalyst}, subtitle = {A Journal of Theory & Strategy}, author = {Chibber, Vivek},
 year = {2019}, volume = {2}, number = {4}, publisher = {Jacobin}}
"""
BOMB_SHELLS = """
@misc{company83a, title = {Illustrated Catalog of Day Light Bomb Shells}, author = {{Hirayama Fireworks Company}}, year = {1883}}
@misc{company83b, title = {Illustrated Catalog of Night Bomb Shells}, author = {{Hirayama Fireworks Company}}, year = {1883}}
"""
LEAKE = """
@unpublished{leake06a, title = {Requirements analysis for the prototype card deck modelling system},
 author = {Leake, Jason}, year = {2006}, pages = {1--16}}
@unpublished{leake06b, title = {Requirements specification for the prototype card deck modelling system},
 author = {Leake, Jason}, year = {2006}, pages = {1--16}}
"""
SIMMONS = """
@book{simmons11a, title = {An introduction to Category Theory, The Solutions}, author = {Simmons, Harold},
 year = {2011}, publisher = {Cambridge University Press}}
@book{simmons11b, title = {An Introduction to Category Theory}, author = {Simmons, Harold}, year = {2011},
 publisher = {Cambridge University Press}}
"""
BALDURS_GATE = """
@manual{beamdog12, title = {Baldur's Gate}, subtitle = {Enhanced Edition: Mastering Melee & Magic},
 author = {Beamdog}, year = {2012}}
@misc{beamdog13, title = {Baldur's Gate 2}, subtitle = {Enhanced Edition: Mastering Melee & Magic},
 author = {Beamdog}, year = {2013}}
"""
TOMABECHI = """
@inproceedings{tomabechi91, title = {Quasi-Destructive Graph Unification}, author = {Tomabechi, Hideto},
 booktitle = {29th Annual Meeting of the Association for Computational Linguistics}, year = {1991},
 pages = {315--322}}
@inproceedings{tomabechi92, title = {Quasi-Destructive Graph Unification with Structure-Sharing},
 author = {Tomabechi, Hideto}, year = {1992},
 booktitle = {COLING 1992 Volume 2: The 14th International Conference on Computational Linguistics}}
"""
# acl-anthology-88k.bib: a programme's yearly summary, one title in the DARPA workshops of two years
WEINSTEIN = """
@inproceedings{weinstein-paul-1991-robust, title = {Robust Speech Recognition Technology Program Summary},
 author = {Weinstein, Clifford J. and Paul, Douglas B.}, year = {1991}, url = {https://aclanthology.org/H91-1091},
 booktitle = {Speech and Natural Language: Proceedings of a Workshop Held at Pacific Grove, California, February 19-22, 1991}}
@inproceedings{weinstein-paul-1990-robust, title = {Robust Speech Recognition Technology Program Summary},
 author = {Weinstein, Clifford J. and Paul, Douglas B.}, year = {1990}, url = {https://aclanthology.org/H90-1089},
 booktitle = {Speech and Natural Language: Proceedings of a Workshop Held at Hidden Valley, Pennsylvania, June 24-27,1990}}
"""
GUIDED_TOUR = """
@book{marquis20a, title = {A Guided Tour of Artificial Intelligence Research Volume 2}, subtitle = {AI Algorithms},
 editor = {Marquis, Pierre and Papini, Odile and Prade, Henri}, year = {2020}, publisher = {Springer},
 doi = {10.1007/978-3-030-06170-8}}
@book{marquis20b, title = {A Guided Tour of Artificial Intelligence Research Volume 3},
 subtitle = {Interfaces and Applications of AI}, editor = {Marquis, Pierre and Papini, Odile and Prade, Henri},
 year = {2020}, publisher = {Springer}, doi = {10.1007/978-3-030-06170-8}}
"""


@pytest.mark.parametrize("guard, entries", [
    pytest.param(guards.other_proceedings_and_pages, ARTIKIS, id="AAMAS and ICAIL papers of one year, other pages"),
    pytest.param(guards.report_of_another_institution, FORNARA, id="two reports of other institutions, reworded"),
    pytest.param(guards.other_report_number, HUMUD, id="two CRS reports numbered IF11617 and R44759"),
    pytest.param(guards.other_chapter, BUCHANAN_CLANCEY, id="chapter 25 of one book and chapter 11 of another"),
    pytest.param(guards.chapter_and_its_book, PEARSON, id="chapter 1 and the book it is in"),
    pytest.param(guards.thesis_and_paper, MCNEILL, id="a PhD thesis and a workshop paper of one title"),
    pytest.param(guards.other_edition, CODEX, id="the 9th and the 10th edition of one year"),
    pytest.param(guards.other_edition, CATALYST, id="a booklet and a book a year later (two issues)"),
    pytest.param(guards.contrasting_title_words, BOMB_SHELLS, id="day light and night bomb shells"),
    pytest.param(guards.contrasting_title_words, LEAKE, id="a requirements analysis and its specification"),
    pytest.param(guards.companion_volume, SIMMONS, id="a textbook and its solutions"),
    pytest.param(guards.sequel, BALDURS_GATE, id="a game and its sequel, a year later"),
    pytest.param(guards.longer_paper_of_another_year, TOMABECHI, id="a paper and a longer one a year later"),
    pytest.param(guards.proceedings_of_other_years, WEINSTEIN, id="a yearly summary in the workshops of 1990 and 1991"),
])
def test_a_guard_keeps_two_works_apart_that_the_score_alone_would_merge(guard, entries, monkeypatch):
    a, b = pair(entries)
    assert guard(a, b)
    outcome = compare(a, b)
    assert outcome.score < SAME and outcome.distinct_score < Thresholds().apart
    for guards_of_a_kind in ("_ITEM_GUARDS", "_TITLE_GUARDS", "_ALIKE_TITLE_GUARDS"):
        kept = tuple(other for other in getattr(guards, guards_of_a_kind) if other is not guard)
        monkeypatch.setattr(guards, guards_of_a_kind, kept)
    assert compare(a, b).score >= SAME


def test_a_year_that_only_the_record_gives_is_no_evidence_of_other_proceedings():
    # A citation may slip on the year; unless each venue's name states its own year, the
    # guard is silent, and so it is when the venues name one year.
    a, b = pair(WEINSTEIN.replace(", June 24-27,1990", "").replace(", February 19-22, 1991", ""))
    assert a.year != b.year and not guards.proceedings_of_other_years(a, b)
    a, b = pair(WEINSTEIN.replace("1991}}", "1990}}", 1))
    assert not guards.proceedings_of_other_years(a, b)


def test_volumes_of_a_set_with_one_doi_are_two_books(monkeypatch):
    # The part is asked before the DOI, which the catalogue copied from the set onto both.
    a, b = pair(GUIDED_TOUR)
    assert guards.other_numbered_part(a, b)
    assert compare(a, b).score == 0.0
    monkeypatch.setattr(scoring, "other_numbered_part", lambda a, b: False)
    assert compare(a, b).score == 1.0


@pytest.mark.parametrize("entries", [
    # personal-library-17k.bib: pairs that are one work, beside the guards' cases
    pytest.param("""
@inbook{francis21a, title = {Template Tricks for Data-Driven Behavior Trees}, author = {Francis, Anthony}, year = {2021},
 booktitle = {Game AI Pro - Online Edition 2021}, publisher = {gameaipro.com}}
@inbook{francis21b, title = {Template Tricks for Data-Driven Behavior Trees}, author = {Francis, Anthony}, year = {2021},
 chapter = {13}, crossref = {rabin21_game_ai_pro_}}
""", id="a chapter cited by its book's title and by its crossref"),
    pytest.param("""
@report{jurafsky23, title = {Switchboard Discourse Language Modeling Project Final Report},
 author = {Jurafsky, Daniel and Bates, Rebecca and Coccaro, Noah and Martin, Rachel and Meteer, Marie and Ries, Klaus
 and Shriberg, Elizabeth and Stolcke, Andreas and Taylor, Paul and Ess-Dykema, Carol Van}, year = {1998},
 institution = {Stanford University}}
@report{jurafsky98, title = {Johns Hopkins LVCSR Workshop-97 Switchboard Discourse Language Modeling Project Final Report},
 author = {Jurafsky, Dan and Bates, Rebecca and Coccaro, Noah and Martin, Rachel and Meteer, Marie and Ries, Klaus
 and Shriberg, Elizabeth and Stolcke, Andreas and Taylor, Paul and Ess-Dykema, Carol Van}, year = {1998},
 institution = {Johns Hopkins University}, pages = {1--50}}
""", id="one report filed under two universities"),
    pytest.param("""
@book{iv14, title = {The Woods}, author = {Tynion, IV, James and Dialynas, Michael}, year = {2014},
 publisher = {Boom! Studios}}
@booklet{tynion14, title = {The Woods}, author = {Tynion, IV, James and Dialynas, Michael}, year = {2014},
 publisher = {Boom Studios}}
""", id="a book and a booklet of one year"),
    # cora1879 (../shared/bench/dedupe): one technical report, its institution written two ways
    pytest.param("""
@techreport{cora0097, author = {Paul E. Utgoff and Carla E. Brodley}, title = {Linear machine decision trees},
 institution = {University of Massachusetts, Amherst MA}, year = {1991}}
@techreport{cora0394, author = {Utgoff, P. E. and Brodley, C. E}, title = {Linear ma-chine decision trees},
 institution = {Tech. rep}, address = {University of Massachusetts, Amherst, MA}, year = {1991}}
""", id="a report whose title a citation split, under another institution"),
    # cora1295: one paper in proceedings named in words and by acronym, on first pages a slip apart
    pytest.param("""
@inproceedings{cora0888, author = {freund and y and schapire and r. e}, title = {experiments with a new boosting algorithm},
 booktitle = {proceedings of the 13rd international conference of machine learning (pp}, publisher = {morgan kaufmann},
 address = {san francisco, ca}, year = {1996}, pages = {149-156}}
@inproceedings{cora0090, author = {y. freund and r. schapire}, title = {experiments with a new boosting algorithm},
 booktitle = {in icml-96}, year = {1996}, pages = {pages 148156}}
""", id="proceedings named by their acronym"),
])
def test_records_of_one_work_pass_every_guard(entries):
    a, b = pair(entries)
    assert guards.different_works(a, b) == guards.alike_titles_apart(a, b) == ""
    assert compare(a, b).score >= SAME


# personal-library-17k.bib: one key, one title, and two papers of two conferences
BLAYLOCK = """
@inproceedings{blaylock03a, title = {Corpus-based, Statistical Goal Recognition},
 author = {Blaylock, Nate and Allen, James F.}, year = {2003},
 booktitle = {international joint conference on artificial intelligence, IJCAI}}
@inproceedings{blaylock03b, title = {Corpus-based, Statistical Goal Recognition},
 author = {Blaylock, Nate and Allen, James F.}, year = {2004},
 booktitle = {International Conference on International Conference on Automated Planning and Scheduling, ICAPS}}
"""


def test_papers_of_other_years_in_proceedings_with_no_word_in_common_are_two(monkeypatch):
    # "international conference" made the venues look alike to a fuzzy comparison
    a, b = pair(BLAYLOCK)
    assert guards.other_proceedings(a, b) and not guards.venues_differ(a, b)
    assert compare(a, b).score < SAME
    monkeypatch.setattr(scoring, "other_proceedings", lambda a, b: False)
    assert compare(a, b).score >= SAME


def test_proceedings_named_by_an_acronym_are_not_other_proceedings():
    a, b = pair("""
@inproceedings{x1, title = {Experiments with a new boosting algorithm}, author = {Freund, Y.}, year = {1996},
 booktitle = {Proceedings of the Thirteenth International Conference on Machine Learning}}
@inproceedings{x2, title = {Experiments with a new boosting algorithm}, author = {Freund, Y.}, year = {1997},
 booktitle = {ICML}}
""")
    assert not guards.other_proceedings(a, b)
