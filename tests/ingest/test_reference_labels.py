"""Tests for refmanager/ingest/reference_labels.py: the rules applied to the model's labels.

Labels are written here token by token as the model gave them on references of the
umass-citation dev file, so the rules are tested whatever model is shipped.
"""

from __future__ import annotations

import pytest

from refmanager.ingest.reference_labels import (
    _LEADING_KEY,
    _page_ranges_whole,
    _part_numbers_end_the_title,
    _title_cut_from_the_names,
    label,
)
from refmanager.ingest.reference_tokens import tokenize

from label_runs import label_runs


def test_a_part_number_the_model_gave_the_journal_ends_the_title():
    # "Parabolic representations of knot groups. I, Proc. London Math. Soc." (umass-citation dev)
    tokens = tokenize("Knot groups. I, Proc. Soc.")
    given = label_runs(("title", 2), ("other", 1), ("container", 6))
    expected = label_runs(("title", 4), ("other", 1), ("container", 4))
    assert _part_numbers_end_the_title(tokens, given) == expected


def test_a_journal_that_starts_with_a_capital_i_keeps_it():
    tokens = tokenize("Knot groups. Inventiones Math.")
    given = label_runs(("title", 2), ("other", 1), ("container", 3))
    assert _part_numbers_end_the_title(tokens, given) == given


def test_a_last_page_read_as_the_date_ends_the_range():
    # "Ann. Statist. 27 1948--1973. MR1765624", dated (1999) before (umass-citation dev)
    tokens = tokenize("(1999). Ann. 27 1948--1973.")
    given = label_runs(("other", 1), ("date", 1), ("other", 2), ("container", 1), ("other", 1), ("volume", 1),
                   ("pages", 1), ("other", 2), ("date", 1), ("other", 1))
    expected = given[:7] + ["pages"] * 4 + ["other"]
    assert _page_ranges_whole(tokens, given) == expected


def test_a_year_after_the_pages_stays_the_date_when_it_is_the_only_one():
    tokens = tokenize("Ann. 27 1948--1973.")
    given = label_runs(("container", 1), ("other", 1), ("volume", 1), ("pages", 1), ("other", 2), ("date", 1),
                   ("other", 1))
    assert _page_ranges_whole(tokens, given) == given


KEYS = {
    # "[Krauss and Small 1991] L. M. Krauss and T. A. Small, 1991, Ap. J. 378 22" (umass-citation dev)
    "letters in brackets are a citation label": ("[Krauss and Small 1991] L. M. Krauss", "Krauss and Small 1991"),
    # "PPS06. Nir Piterman, Amir Pnueli, and Yaniv Sa'ar. Synthesis of reactive (1) designs." (umass-citation dev)
    "an alphabetic key and a full stop are a citation label": ("PPS06. Nir Piterman, Amir Pnueli", "PPS06"),
    "a number in brackets is left to the model": ("[12] A. Smith, Title", None),
    "a name is not a key": ("Kohonen, T. Self-Organizing Maps", None),
}


@pytest.mark.parametrize("text, key", list(KEYS.values()), ids=list(KEYS))
def test_a_citation_label_that_opens_a_reference_is_cut_off_before_labelling(text, key):
    found = _LEADING_KEY.match(text)
    assert (found and (found.group(1) or found.group(2))) == key
    if key:
        assert label(text)[0] == ("citation_number", key)
        assert all(key not in span for _, span in label(text)[1:])


def test_a_last_page_left_out_of_the_pages_ends_the_range():
    # "Amir Pnueli. The temporal logic of programs. In FOCS, pages 46--57. IEEE, 1977." (umass-citation dev)
    tokens = tokenize("FOCS, pages 46--57. IEEE, 1977.")
    given = label_runs(("container", 1), ("other", 1), ("pages", 2), ("other", 4), ("publisher", 1), ("other", 1),
                   ("date", 1), ("other", 1))
    expected = label_runs(("container", 1), ("other", 1), ("pages", 5), ("other", 1), ("publisher", 1), ("other", 1),
                      ("date", 1), ("other", 1))
    assert _page_ranges_whole(tokens, given) == expected


def test_et_al_with_a_stray_dot_is_not_taken_for_a_title():
    # "24. Jahoda, K., et. al., 1996, Proc. SPIE, 2808, 59" (umass-citation dev)
    assert ("author", "Jahoda, K., et. al.") in label("24. Jahoda, K., et. al., 1996, Proc. SPIE, 2808, 59")


TITLES_IN_NAMES = {
    # "2. R. Bonnet and S. Shelah, On HCO spaces. An uncountable compact T2 space ..." (umass-citation dev)
    "a piece that reads as no name starts the title found after it": (
        [("author", "R. Bonnet and S. Shelah, On HCO spaces"), ("title", "An uncountable compact T2 space")],
        [("author", "R. Bonnet and S. Shelah"), ("title", "On HCO spaces. An uncountable compact T2 space")]),
    # "[29] V. F. Kolchin, B. A. Sevast'yanov and V. P. Chistyakov, Random allocations, V.H. Winston & Sons"
    "a piece that reads as no name is the title": (
        [("author", "V. F. Kolchin and V. P. Chistyakov, Random allocations"), ("date", "1978")],
        [("author", "V. F. Kolchin and V. P. Chistyakov"), ("title", "Random allocations"), ("date", "1978")]),
    # "A. D. Ghodke, Riyasat Husain, Pradeep Kumar et al, Rev. Sci. Instrum.,83 :103303 ( 2012)" (grobid-eval dev)
    "a full name without initials stays a name": (
        [("author", "A. D. Ghodke, Riyasat Husain, Pradeep Kumar et al"), ("container", "Rev. Sci. Instrum.")],
        [("author", "A. D. Ghodke, Riyasat Husain, Pradeep Kumar et al"), ("container", "Rev. Sci. Instrum.")]),
    "inverted names are left alone": (
        [("author", "Montroll, E. W., West, B. J."), ("title", "Fluctuation phenomena")],
        [("author", "Montroll, E. W., West, B. J."), ("title", "Fluctuation phenomena")]),
}


@pytest.mark.parametrize("spans, expected", list(TITLES_IN_NAMES.values()), ids=list(TITLES_IN_NAMES))
def test_a_title_read_as_one_more_name_is_the_title(spans, expected):
    assert _title_cut_from_the_names(spans) == expected
