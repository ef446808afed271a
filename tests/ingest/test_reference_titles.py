"""Tests for refmanager/ingest/reference_titles.py: where a title starts and ends.

Spans as the shipped model labelled references of the umass-citation and anystyle
dev files (each case names its reference).
"""

from __future__ import annotations

import pytest

from refmanager.ingest.reference_titles import repair_titles

REPAIRS = {
    # "[21] W. E. Boyce, R. C. DiPrima, Elementary Differential Equation and Boundary Value Problem,
    # seventh Edition, John Wiley & Sons, New York, 2001."
    "an edition after the title is the edition": (
        [("author", "W. E. Boyce"), ("title", "Elementary Differential Equation, seventh Edition"),
         ("publisher", "John Wiley & Sons")],
        [("author", "W. E. Boyce"), ("title", "Elementary Differential Equation"), ("edition", "seventh Edition"),
         ("publisher", "John Wiley & Sons")]),
    # "[23] R. Schatten, Norm ideals of completely continuous operators, Second printing. Ergebnisse ..."
    "a printing after the title is the edition": (
        [("title", "Norm ideals of completely continuous operators, Second printing")],
        [("title", "Norm ideals of completely continuous operators"), ("edition", "Second printing")]),
    # "[J1] N. Jing, Vertex operators, symmetric functions and their q-deformations, dissertation, Yale"
    "a dissertation after the title is the genre": (
        [("title", "Vertex operators, symmetric functions and their q-deformations, dissertation")],
        [("title", "Vertex operators, symmetric functions and their q-deformations"), ("genre", "dissertation")]),
    # "[10] B. Reinert: On Gröbner Bases in Monoid and Group Rings PhD Thesis, Universität Kaiserslautern"
    "a thesis statement with no mark before it is the genre": (
        [("title", "On Gröbner Bases in Monoid and Group Rings PhD Thesis")],
        [("title", "On Gröbner Bases in Monoid and Group Rings"), ("genre", "PhD Thesis")]),
    # "[12] J. Hladky, D. Kral, S. Norine: Rank of Divisors on Tropical Curves (submitted), http://arxiv.org"
    "a status after the title is a note": (
        [("title", "Rank of Divisors on Tropical Curves (submitted")],
        [("title", "Rank of Divisors on Tropical Curves"), ("note", "(submitted")]),
    # "Masaitis, V. L., On the tracks of a cosmic catastrophe (in Russian). Zemlya i Vselennaya"
    # (anystyle-gold dev): AnyStyle keeps the language in the title
    "a language after the title stays in it": (
        [("title", "On the tracks of a cosmic catastrophe (in Russian")],
        [("title", "On the tracks of a cosmic catastrophe (in Russian")]),
    "a title that ends in a number word is left whole": (
        [("title", "The second")],
        [("title", "The second")]),
    # "13. Hermann Weyl, Singuläre Integralgleichungen mit besonderer Berücksichtigung ..."
    "a name and a comma that start the title are the author when none was found": (
        [("citation_number", "13"), ("title", "Hermann Weyl, Singuläre Integralgleichungen mit besonderer")],
        [("citation_number", "13"), ("author", "Hermann Weyl"), ("title", "Singuläre Integralgleichungen mit besonderer")]),
    # "20. L. Arnold, Stochastic Differential Equations. Krieger, Malabar, Fla., 1992."
    "initials, a family name and a comma that start the title are the author": (
        [("citation_number", "20"), ("title", "L. Arnold, Stochastic Differential Equations")],
        [("citation_number", "20"), ("author", "L. Arnold"), ("title", "Stochastic Differential Equations")]),
    # "Solzhenitsyn. The Gulag Archipelago, 1918-1956: An Experiment in Literary Investigation." (anystyle-core dev)
    "a title that opens with an article keeps its words": (
        [("title", "The Gulag Archipelago, 1918-1956: An Experiment in Literary Investigation")],
        [("title", "The Gulag Archipelago, 1918-1956: An Experiment in Literary Investigation")]),
    # "[2] Blank M. L. Small perturbations of chaotic dynamical systems. Uspekhi Matem. Nauk., 44: 6,
    # 1989, p.3-28." (umass-citation dev)
    "with no container, the title's last sentence before the volume is the journal": (
        [("title", "Small perturbations of chaotic dynamical systems. Uspekhi Matem. Nauk"), ("volume", "44"),
         ("pages", "p.3-28")],
        [("title", "Small perturbations of chaotic dynamical systems"), ("container", "Uspekhi Matem. Nauk"),
         ("volume", "44"), ("pages", "p.3-28")]),
    # "36. Gough, M. P. Information Equation of State, Entropy, 2008, 10, 150-159." (umass-citation dev)
    "with no sentence, a last short capitalised piece is the journal": (
        [("title", "Information Equation of State, Entropy"), ("date", "2008"), ("volume", "10"),
         ("pages", "150-159")],
        [("title", "Information Equation of State"), ("container", "Entropy"), ("date", "2008"), ("volume", "10"),
         ("pages", "150-159")]),
    # "[10] D. Serre. Systems of Conservation Laws. Vol.1,2. Cambridge University Press, 1999." (umass-citation dev)
    "a book's title before its volume stays whole": (
        [("title", "Systems of Conservation Laws"), ("volume", "Vol.1,2"), ("publisher", "Cambridge University Press")],
        [("title", "Systems of Conservation Laws"), ("volume", "Vol.1,2"), ("publisher", "Cambridge University Press")]),
    "a title after the authors keeps a comma in it": (
        [("author", "J. Smith"), ("title", "Social Networks, a survey of methods")],
        [("author", "J. Smith"), ("title", "Social Networks, a survey of methods")]),
}


@pytest.mark.parametrize("spans, expected", list(REPAIRS.values()), ids=list(REPAIRS))
def test_a_title_is_cut_before_what_follows_it_and_after_its_authors(spans, expected):
    assert repair_titles(spans) == expected
