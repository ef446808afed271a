"""Tests for refmanager/io/dates.py: month names and ISO 8601 / EDTF dates."""

from __future__ import annotations

import pytest

from refmanager.dates import format_iso_date, parse_iso_date, parse_month
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
