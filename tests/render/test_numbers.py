"""Numbers, page ranges and plurals (refmanager/render/numbers.py).

Page-range cases are the examples of CSL 1.0.2 Appendix V "Page Range Formats".
"""

import pytest

from refmanager.render.locale import LocaleChain
from refmanager.render.numbers import (format_labelled_numbers, format_number_value,
                                       format_page, is_numeric, is_plural, roman)

EN = LocaleChain("en-US", [])


@pytest.mark.parametrize("style, value, expected", [
    ("expanded", "42-45", "42–45"), ("expanded", "321-28", "321–328"),
    ("expanded", "2787-816", "2787–2816"),
    ("minimal", "42-45", "42–5"), ("minimal", "321-328", "321–8"),
    ("minimal", "2787-2816", "2787–816"),
    ("minimal-two", "42-45", "42–45"), ("minimal-two", "321-328", "321–28"),
    ("minimal-two", "2787-2816", "2787–816"),
    ("chicago", "71-72", "71–72"), ("chicago", "100-104", "100–104"),
    ("chicago", "101-108", "101–8"), ("chicago", "321-328", "321–28"),
    ("chicago", "1496-1504", "1496–1504"), ("chicago-16", "1496-1504", "1496–504"),
    (None, "42-45", "42–45"), ("expanded", "N110-N115", "N110–N115"),
    ("expanded", "N110-5", "N110-5"), ("expanded", "12, 15-17", "12, 15–17"),
    # citeproc-js 2.4.63 (NLM's "74–74" in the ACL sample; "10--pp" in the personal library):
    ("minimal", "74-74", "74–74"), ("chicago-16", "321-321", "321–321"),
    ("expanded", "74-4", "74–4"),
    # citeproc-js 2.4.63 (a "10--pp" page in the personal-library sample):
    ("expanded", "10–pp", "10-pp"), ("expanded", "10 – pp", "10-pp"),
    ("expanded", "13:1–13:9", "13:1-13:9"),
    # The CSL suite's page_ChicagoWeird: a prefix with digits before its letters.
    ("chicago", "8n11564-8n1568", "8n11564–68"), ("chicago", "n11564-1568", "n11564-1568"),
], ids=lambda value: str(value))
def test_page_range_formats(style, value, expected):
    assert format_page(value, style) == expected


@pytest.mark.parametrize("value, numeric", [
    ("12", True), ("12a", True), ("2nd", True), ("12-15", True), ("12, 15 & 17", True),
    ("second", False), ("12 bis 15", False), (7, True), ("", False),
    # citeproc-js 2.4.63 (the golden MLA regulation: "no. 2016/679"):
    ("2016/679", True), ("1/2/3", True), ("2016/679/EU", False), ("2016 / 679", False),
    ("iv", True), ("xiv-xx", True), ("IV", False), ("mild", False), ("10,000", False),
    ("12,15", False), ("12 and 15", True), ("12 and15", False),
], ids=lambda value: repr(value))
def test_is_numeric(value, numeric):
    assert is_numeric(value) is numeric


@pytest.mark.parametrize("value, plural", [
    ("5", False), ("5-7", True), ("5, 7", True), ("i-ix", True), ("3-B", True), ("B-3", False), ("12a-c", False),
    ("10-pp", True), ("a-b", False), ("13:1-13:9", False),
    ("327\\-30", False),
    # Golden APA, patent: "Patent No. US 10,000,123 B2"; citeproc-js 2.4.63 for the rest:
    # a comma separates numbers only before a space, a suffixed number starts a range.
    ("US 10,000,123 B2", False), ("5,7", False), ("12b-14c", True), ("1st-2nd", True),
    ("12 and 15", True),
], ids=lambda value: repr(value))
def test_plural_detection(value, plural):
    assert is_plural(value) is plural


@pytest.mark.parametrize("form, value, expected", [
    ("ordinal", "1", "1st"), ("ordinal", "12", "12th"), ("ordinal", "22", "22nd"),
    ("long-ordinal", "3", "third"), ("roman", "14", "xiv"), ("numeric", "5-7", "5–7"),
    ("ordinal", "12 and 15, 17", "12th and 15th, 17th"), ("ordinal", "2016/679", "2016/679"),
    # citeproc-js 2.4.63 (IEEE's "no. 04" in the personal-library sample):
    ("numeric", "04", "04"), ("ordinal", "007", "007"), ("ordinal", "0", "0"),
], ids=lambda value: str(value))
def test_number_forms(form, value, expected):
    assert format_number_value(value, form, EN) == expected


def test_roman_leaves_large_numbers_alone():
    assert roman(4000) == "4000" and roman(1999) == "mcmxcix"


@pytest.mark.parametrize("value, expected", [
    ("7, p. 3-8", "7th, pp. 3–8"),  # the CSL suite's number_OrdinalSpacing
    ("2, vol. 4", "2nd, vol. 4"),
    ("Special edition", None),
], ids=["a labelled range takes the plural label and stays numeric",
        "a labelled single number keeps the singular label", "plain text is no number list"])
def test_labelled_numbers(value, expected):
    assert format_labelled_numbers(value, "ordinal", EN) == expected
