"""Tests for refmanager/ingest/reference_numbers.py: which number is the volume, issue, pages.

The spans are written as the shipped model labelled references of the umass-citation
and anystyle-gold dev files (the reference is in each case's comment), so the repairs
are tested whatever model is shipped.
"""

from __future__ import annotations

import pytest

from refmanager.ingest.reference_fields import record_from_spans
from refmanager.ingest.reference_numbers import sort_out_numbers

REPAIRS = {
    # "Ann. Probab. 20, 1, 504--537." (umass-citation dev)
    "a bare number after the volume, before the pages, is the issue": (
        [("container", "Ann. Probab."), ("volume", "20"), ("volume", "1"), ("pages", "504--537")],
        [("container", "Ann. Probab."), ("volume", "20"), ("issue", "1"), ("pages", "504--537")]),
    # "J. Business 36, 420, 1963." (umass-citation dev)
    "a bare number after the volume, with no pages, is the page": (
        [("container", "J. Business"), ("volume", "36"), ("volume", "420"), ("date", "1963")],
        [("container", "J. Business"), ("volume", "36"), ("pages", "420"), ("date", "1963")]),
    # "Ann. of Math. (2) 57 (1953), 591-603." (umass-citation dev): (2) is the series
    "a volume after a series number stays the volume": (
        [("volume", "2"), ("volume", "57"), ("date", "1953"), ("pages", "591-603")],
        [("volume", "2"), ("volume", "57"), ("date", "1953"), ("pages", "591-603")]),
    # "Osaka J. Math. 22: 3 (1985), 489-518." (umass-citation dev)
    "a small number read as pages before the pages is the issue": (
        [("volume", "22"), ("pages", "3"), ("date", "1985"), ("pages", "489-518")],
        [("volume", "22"), ("issue", "3"), ("date", "1985"), ("pages", "489-518")]),
    # "Artificial Intelligence, 13 27-39, 171-172, 1980." (anystyle-gold dev)
    "a page range before more pages stays pages": (
        [("volume", "13"), ("pages", "27-39"), ("pages", "171-172"), ("date", "1980")],
        [("volume", "13"), ("pages", "27-39"), ("pages", "171-172"), ("date", "1980")]),
    # "Russ. Math. Surv., #5, 38 (1983), 133--134." (umass-citation dev): #5 is the issue, but
    # nothing in the spans says so; 38 is above a year's twelve issues and the volume
    "a number above the volume is not taken for its issue": (
        [("volume", "5"), ("pages", "38"), ("date", "1983"), ("pages", "133--134")],
        [("volume", "5"), ("pages", "38"), ("date", "1983"), ("pages", "133--134")]),
    # "Probab. Theory Related Fields 135: 576-602, 2006. MR2240701" (umass-citation dev)
    "a review number read as pages beside the pages is an identifier": (
        [("volume", "135"), ("pages", "576-602"), ("date", "2006"), ("pages", "MR2240701")],
        [("volume", "135"), ("pages", "576-602"), ("date", "2006"), ("identifier", "MR2240701")]),
    # "Mod. Phys. Lett. A 11 (1996) 157, hep-th/9509162;" (umass-citation dev)
    "an arXiv number read as pages beside the pages is an identifier": (
        [("volume", "11"), ("date", "1996"), ("pages", "157"), ("pages", "hep-th/9509162")],
        [("volume", "11"), ("date", "1996"), ("pages", "157"), ("identifier", "hep-th/9509162")]),
    # "Rautiainen, P., Salo, H., & Laurikainen, E. 2008, MNRAS, 388, 1803" (umass-citation dev)
    "a year-like number after the volume, beside the date, is the page": (
        [("date", "2008"), ("container", "MNRAS"), ("volume", "388"), ("date", "1803")],
        [("date", "2008"), ("container", "MNRAS"), ("volume", "388"), ("pages", "1803")]),
    # "Chiang, J., & Dermer, C. D. 1998, ApJ, submitted (astro-ph/9803339)" (umass-citation dev)
    "a word read as pages is a note": (
        [("date", "1998"), ("container", "ApJ"), ("pages", "submitted")],
        [("date", "1998"), ("container", "ApJ"), ("note", "submitted")]),
    # "Purcell-Lee, C. R. (2000). Dialogue and being. Gestalt!, 4(2), NP." (anystyle-gold dev)
    "no pagination stays the pages": (
        [("volume", "4"), ("issue", "2"), ("pages", "NP")],
        [("volume", "4"), ("issue", "2"), ("pages", "NP")]),
    # "Smith J, Doe A. Effects of soil moisture. J Ecol. 2019;12(3):45-67." (Vancouver, NLM)
    "a year read with the volume is the date": (
        [("container", "J Ecol"), ("volume", "2019;12"), ("issue", "3"), ("pages", "45-67")],
        [("container", "J Ecol"), ("date", "2019"), ("volume", "12"), ("issue", "3"), ("pages", "45-67")]),
    "a year read with the volume beside a date only leaves the volume": (
        [("date", "2019"), ("volume", "2019;12"), ("pages", "45-67")],
        [("date", "2019"), ("volume", "12"), ("pages", "45-67")]),
    "an article number alone stays the pages": (
        [("volume", "12"), ("pages", "e0123"), ("date", "2010")],
        [("volume", "12"), ("pages", "e0123"), ("date", "2010")]),
}


@pytest.mark.parametrize("spans, expected", list(REPAIRS.values()), ids=list(REPAIRS))
def test_the_numbers_the_labeller_misnamed_are_renamed(spans, expected):
    assert sort_out_numbers(spans) == expected


def test_a_volume_and_issue_in_one_span_before_the_pages_are_split():
    # "Ann. Probab. 8, 1, 1--67." (umass-citation dev)
    record = record_from_spans([("container", "Ann. Probab."), ("volume", "8, 1"), ("pages", "1--67")], "")
    assert (record.volume, record.issue, record.page) == ("8", "1", "1–67")


def test_a_volume_and_a_page_in_one_span_are_still_split():
    record = record_from_spans([("container", "Phys. Rev."), ("volume", "49 1305")], "")
    assert (record.volume, record.issue, record.page) == ("49", "", "1305")


def test_a_volume_glued_to_the_journal_moves_the_number_after_it_to_the_pages():
    # "[31] D. Goldwirth, Phys. Lett. 243B, 41 (1990)." (umass-citation dev)
    record = record_from_spans([("container", "Phys. Lett. 243B"), ("volume", "41"), ("date", "1990")], "")
    assert (record.container_title, record.volume, record.page) == ("Phys. Lett.", "243B", "41")


@pytest.mark.parametrize("pages, expected", [
    ("232 469", ("232", "469")),      # "J. Fluid Mech. 232 469 (1991)." (umass-citation dev)
    ("251 p305-322", ("251", "305–322")),  # "Proc. London Math. Soc. vol.251 p305-322 (1998)." (umass-citation dev)
    ("427, 426", ("", "427, 426")),    # two pages cited, "(New York: Library of America, 1983), 427, 426." (anystyle-core)
], ids=["a volume then a page read as pages are split", "a page marker after the volume is dropped",
        "two pages cited stay the pages"])
def test_a_volume_read_with_its_pages_is_split_off(pages, expected):
    record = record_from_spans([("container", "J. Fluid Mech."), ("pages", pages)], "")
    assert (record.volume, record.page) == expected
