"""Tests for refmanager/normalize/pages.py: en dashes and abbreviated ranges
(the Chicago Manual's inclusive numbers), article numbers left alone."""

from __future__ import annotations

import pytest

from refmanager.model import Record, RecordId
from refmanager.normalize.pages import ExpandPageRange, normalize_page_range


@pytest.mark.parametrize("written, clean", [
    ("201-19", "201–219"), ("201--219", "201–219"), ("1501-09", "1501–1509"),
    ("  5 - 10 ", "5–10"), ("S12-S19", "S12–S19"), ("xii-xv", "xii–xv"),
    ("12-3, 20-5", "12–13, 20–25"), ("e1002345", "e1002345"), ("1–16", "1–16"), ("95-5", "95–5"),
], ids=["an abbreviated end is written out", "a double hyphen becomes an en dash",
        "a short end keeps the first's leading digits", "space around the dash goes",
        "supplement pages keep their letters", "roman pages get an en dash",
        "each range of a list is cleaned", "an article number is not a range",
        "a clean range is left alone", "an end that cannot be an abbreviation is kept"])
def test_page_ranges(written, clean):
    assert normalize_page_range(written) == clean


def test_the_step_proposes_the_clean_range_with_the_old_one_as_evidence():
    record = Record("key", page="201-19")
    [change] = ExpandPageRange().check(RecordId("t.bib", 0, "key"), record)
    assert (change.old, change.new, change.evidence) == ("201-19", "201–219", "pages as written: 201-19")


def test_a_clean_range_gives_no_change():
    assert list(ExpandPageRange().check(RecordId("t.bib", 0, "key"), Record("key", page="201–219"))) == []


@pytest.mark.parametrize("written, clean", [("201-19", "201-219"), ("201–219", "201-219"), ("xii–xv", "xii-xv"),
                                            ("12-3, 20–5", "12-13, 20-25")])
def test_a_range_for_ris_takes_a_hyphen(written, clean):
    # RIS writes a hyphen's range as its start and end pages (SP, EP).
    assert normalize_page_range(written, "-") == clean
