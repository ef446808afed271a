"""Tests for refmanager/dates.py: month names and ISO 8601 / EDTF dates."""

from __future__ import annotations

import pytest

from refmanager.dates import date_parts_problem, format_iso_date, parse_iso_date, parse_month
from refmanager.model import DateValue


@pytest.mark.parametrize("text, month", [
    ("3", 3), ("03", 3), ("mar", 3), ("March", 3), ("Mar.", 3), ("sept", 9), ("13", None), ("Spring", None),
])
def test_month_names_and_numbers(text, month):
    assert parse_month(text) == month


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
