"""Tests for refmanager/ingest/reference_publishers.py: publisher, institution or status.

Spans as the shipped model labelled references of the umass-citation dev file (each
case names its reference).
"""

from __future__ import annotations

import pytest

from refmanager.ingest.reference_publishers import repair_publishers

REPAIRS = {
    # "Kitov, I., (2006c). The Japanese economy, MPRA Paper 2737, University Library of Munich, Germany."
    "the body that issues a working paper is its institution": (
        "Kitov, I., (2006c). The Japanese economy, MPRA Paper 2737, University Library of Munich, Germany.",
        [("author", "Kitov, I."), ("title", "The Japanese economy"), ("publisher", "University Library of Munich"),
         ("location", "Germany")],
        [("author", "Kitov, I."), ("title", "The Japanese economy"), ("institution", "University Library of Munich"),
         ("location", "Germany")]),
    # "[8] T. Mora: Gröbner Bases and the Word Problem, Preprint, University of Genova (1987)."
    "the university of a preprint is its institution": (
        "[8] T. Mora: Gröbner Bases and the Word Problem, Preprint, University of Genova (1987).",
        [("author", "T. Mora"), ("title", "Gröbner Bases and the Word Problem"), ("note", "Preprint"),
         ("publisher", "University of Genova"), ("date", "1987")],
        [("author", "T. Mora"), ("title", "Gröbner Bases and the Word Problem"), ("note", "Preprint"),
         ("institution", "University of Genova"), ("date", "1987")]),
    "the publisher of a book stays its publisher": (
        "Y. Kivshar. Optical solitons. Academic Press, San Diego, 2003.",
        [("author", "Y. Kivshar"), ("title", "Optical solitons"), ("publisher", "Academic Press"),
         ("location", "San Diego"), ("date", "2003")],
        [("author", "Y. Kivshar"), ("title", "Optical solitons"), ("publisher", "Academic Press"),
         ("location", "San Diego"), ("date", "2003")]),
    # "H. Spindler, Vector bundles on complex projective spaces, Progress in Mathematics, 3, Birkhäuser,
    # Boston--Basel--Stuttgart, 1980." (umass-citation dev)
    "a publisher that opens a place span is the publisher": (
        "H. Spindler, Vector bundles, Birkhäuser, Boston--Basel--Stuttgart, 1980.",
        [("author", "H. Spindler"), ("title", "Vector bundles"), ("location", "Birkhäuser, Boston--Basel--Stuttgart"),
         ("date", "1980")],
        [("author", "H. Spindler"), ("title", "Vector bundles"), ("publisher", "Birkhäuser"),
         ("location", "Boston--Basel--Stuttgart"), ("date", "1980")]),
    "a place with its state stays the place": (
        "J. Doe, Proc. of the Workshop, St. Charles, IL, 1990.",
        [("author", "J. Doe"), ("container", "Proc. of the Workshop"), ("location", "St. Charles, IL"), ("date", "1990")],
        [("author", "J. Doe"), ("container", "Proc. of the Workshop"), ("location", "St. Charles, IL"), ("date", "1990")]),
    # "L. Tokke, R. Weiss and D. T. Wilkinson, Ap. J. Lett., in press (1992)."
    "in press is a status, not a publisher": (
        "L. Tokke and R. Weiss, Ap. J. Lett., in press (1992).",
        [("author", "L. Tokke and R. Weiss"), ("container", "Ap. J. Lett."), ("publisher", "press"),
         ("date", "1992")],
        [("author", "L. Tokke and R. Weiss"), ("container", "Ap. J. Lett."), ("note", "press"),
         ("date", "1992")]),
    # "Tur´an's (3; 4)- problem. Manuscript, 2010."
    "a manuscript has no publisher": (
        "A. Razborov, On Turán's problem. Manuscript, 2010.",
        [("author", "A. Razborov"), ("title", "On Turán's problem"), ("publisher", "Manuscript"), ("date", "2010")],
        [("author", "A. Razborov"), ("title", "On Turán's problem"), ("note", "Manuscript"), ("date", "2010")]),
}


@pytest.mark.parametrize("text, spans, expected", list(REPAIRS.values()), ids=list(REPAIRS))
def test_the_issuer_is_a_publisher_an_institution_or_no_one(text, spans, expected):
    assert repair_publishers(spans, text) == expected


def test_a_place_whose_name_starts_like_a_publisher_word_stays_the_place():
    # "Note di archeologia calabrese, Cosenza: 107-144." (anystyle-core dev): Co... is not Co.
    spans = [("title", "Note di archeologia calabrese"), ("location", "Cosenza, Calabria")]
    assert repair_publishers(spans, "Note di archeologia calabrese, Cosenza, Calabria: 107-144.") == spans


@pytest.mark.parametrize("container, expected", [
    ("ApJ submitted", [("container", "ApJ"), ("note", "submitted")]),  # "Smith, M. C. ... 2012, ApJ submitted"
    ("Journal of Money, Credit, and Banking, forthcoming",
     [("container", "Journal of Money, Credit, and Banking"), ("note", "forthcoming")]),
    ("Journal of Applied Physics", [("container", "Journal of Applied Physics")]),
], ids=["a status after the journal is a note", "a status after a comma is a note", "a journal alone stays"])
def test_a_publishing_status_that_ends_the_journal_is_a_note(container, expected):
    # references of the umass-citation dev file
    assert repair_publishers([("container", container)], container) == expected


def test_an_edition_before_the_publisher_is_the_edition():
    # "[M] I. G. Macdonald, Symmetric functions and Hall polynomials, Second Edition, Clarendon Press,
    # Oxford, 1995." (umass-citation dev)
    spans = [("title", "Symmetric functions"), ("publisher", "Second Edition, Clarendon Press"), ("location", "Oxford")]
    assert repair_publishers(spans, "") == [("title", "Symmetric functions"), ("edition", "Second Edition"),
                                            ("publisher", "Clarendon Press"), ("location", "Oxford")]


def test_a_review_number_after_the_place_is_an_identifier():
    # "Robertson, T. and Dykstra, R. L. (1988). Order Restricted Statistical Inference. Wiley,
    # Chichester. MR0961262" (umass-citation dev)
    spans = [("title", "Order Restricted Statistical Inference"), ("location", "Chichester. MR0961262")]
    assert repair_publishers(spans, "") == [("title", "Order Restricted Statistical Inference"),
                                            ("location", "Chichester"), ("identifier", "MR0961262")]
