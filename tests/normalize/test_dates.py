"""Tests for refmanager/normalize/dates.py: dates written as text read into parts."""

from __future__ import annotations

import pytest

from refmanager.model import DateValue, Record, RecordId
from refmanager.normalize.dates import ParseDateText, parse_date_text


@pytest.mark.parametrize("text, parts, season", [
    ("March 2004", ((2004, 3),), ""), ("12 Mar. 2004", ((2004, 3, 12),), ""),
    ("March 12, 2004", ((2004, 3, 12),), ""), ("2004-03-12", ((2004, 3, 12),), ""),
    ("Spring 2004", ((2004,),), "1"),
], ids=["a month and year", "a day, abbreviated month and year", "an American date",
        "an ISO date", "a season and year"])
def test_dates_in_words_are_read(text, parts, season):
    date = parse_date_text(text)
    assert (date.parts, date.season) == (parts, season)


@pytest.mark.parametrize("text", ["forthcoming", "n.d.", "2004a", "Smarch 2004"],
                         ids=["a status", "no date", "a year with a letter", "a made-up month"])
def test_what_is_no_date_is_left(text):
    assert parse_date_text(text) is None


def test_the_step_turns_a_literal_into_parts():
    record = Record("key", dates={"issued": DateValue(literal="March 2004")})
    [change] = ParseDateText().check(RecordId("t.bib", 0, "key"), record)
    assert change.field == "issued" and change.new == DateValue(parts=((2004, 3),))
