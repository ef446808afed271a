"""Tests for refmanager/dates.py: month names and ISO 8601 / EDTF dates."""

from __future__ import annotations

import pytest

from refmanager.dates import (
    date_parts_problem, format_iso_date, parse_iso_date, parse_month, parse_month_span,
)
from refmanager.model import DateValue


@pytest.mark.parametrize("text, month", [
    ("3", 3), ("03", 3), ("mar", 3), ("March", 3), ("Mar.", 3), ("sept", 9), ("13", None), ("Spring", None),
])
def test_month_names_and_numbers(text, month):
    assert parse_month(text) == month


# Month fields of conference papers, as written in the ACL Anthology's exports (the
# escaped forms are how its older converter wrote `aug # " 26-30"` inside braces).
@pytest.mark.parametrize("text, ends", [
    ("aug", ((8,),)),
    ("aug 26-30", ((8, 26), (8, 30))),
    ("August 26--30", ((8, 26), (8, 30))),
    ("aug~26--30", ((8, 26), (8, 30))),
    ("7\u2013 8 Jun", ((6, 7), (6, 8))),
    ("''20 '' \\# aug", ((8, 20),)),
    ("aug \\# '' 28th''", ((8, 28),)),
    ("''1{\\textendash}3 '' \\# dec", ((12, 1), (12, 3))),
    ("oct \\# ''-'' \\# nov", ((10,), (11,))),
    ("jan \\# ''/'' \\# feb", ((1,), (2,))),
    ("oct \\# '' 31-'' \\# nov \\# '' 4''", ((10, 31), (11, 4))),
    ("may \\# '' 31{\\textendash}2 '' \\# jun", ((5, 31), (6, 2))),
    ("''1 '' \\# oct \\# ''{\\textendash}1 '' \\# nov", ((10, 1), (11, 1))),
    ("dec 30--jan 2", ((12, 30), (1, 2))),
    # not one reading: a misspelt month, a list of days, a day past 31, no month, a
    # day on one side only, three ends
    ("septempber", None), ("aug 24th and 25th", None), ("32 aug", None), ("1-3", None),
    ("aug 23--sep", None), ("may--jun--jul", None), ("-", None), ("", None),
])
def test_month_spans(text, ends):
    assert parse_month_span(text) == ends


@pytest.mark.parametrize("text, date", [
    ("2004", DateValue(parts=((2004,),))),
    ("2008-03", DateValue(parts=((2008, 3),))),
    ("2013-04-29", DateValue(parts=((2013, 4, 29),))),
    ("2004-03/2004-05", DateValue(parts=((2004, 3), (2004, 5)))),
    ("1990~", DateValue(parts=((1990,),), circa=True)),
    ("2001-21", DateValue(parts=((2001,),), season="1")),
    ("2004-13", None),
    ("2004-02-32", None),
    ("in press", None),
])
def test_iso_dates_and_back(text, date):
    assert parse_iso_date(text) == date
    if date is not None:
        assert parse_iso_date(format_iso_date(date)) == date


@pytest.mark.parametrize("text", [
    pytest.param("9" * 5000, id="a 5,000-digit month is no month, not a ValueError"),
    pytest.param("0", id="month 0 is no month"),
    pytest.param("\u00b2", id="a superscript two, a digit to isdigit() but not to int()"),
    pytest.param("\u0663", id="an Arabic-Indic three is not read as March"),
])
def test_hostile_months_are_no_month(text):
    assert parse_month(text) is None


@pytest.mark.parametrize("parts, problem", [
    (((2000, 12, 31),), None),
    (((2000, 13),), "month 13 is not 1 to 12"),
    (((2000, 1, 32),), "day 32 is not 1 to 31"),
    (((2000, True),), "date parts are whole numbers"),
    (((10 ** 10,),), "a date part is larger than 999,999,999"),
    ((2000,), "a date end is year, month and day (one to three numbers)"),
], ids=["a real date", "month 13", "day 32", "a boolean month", "a ten-digit year", "a bare year"])
def test_date_parts_problems_are_named(parts, problem):
    assert date_parts_problem(parts) == problem
