"""A date's season through BibTeX and biblatex (refmanager/io/bibtex/seasons.py).

The seasons are those CSL allows (1 to 4, or any text) and those of the CSL test
suite's inputs (../shared/bench/csl-test-suite), where Zotero's export put the
time of access into the access date's season ("22:56:08").
"""

from __future__ import annotations

import pytest

from refmanager.io.bibtex.read import read_bibtex
from tests.io.bibtex.test_csl_fields import as_written, csl_suite_items, round_trip

DIALECTS = ["bibtex", "biblatex"]

SEASONS = [
    pytest.param({"date-parts": [[2001]], "season": 3}, False, id="season 3 of a year alone is said by the date"),
    pytest.param({"date-parts": [[2001]], "season": "Summer"}, True,
                 id="a season's name beside a year is said by the date and kept as written"),
    pytest.param({"date-parts": [[2020, 3]], "season": "Michaelmas"}, True, id="a term beside a month"),
    pytest.param({"date-parts": [[2020, 3, 14]], "season": "4"}, True, id="a season number beside a day"),
    pytest.param({"date-parts": [[2020, 1], [2020, 3]], "season": "Winter term"}, True, id="a season of a range"),
    pytest.param({"literal": "ca. 1890", "season": "Spring"}, True, id="a season beside a literal date"),
    pytest.param({"date-parts": [[2013, 1, 30]], "season": "22:56:08"}, True, id="a time of day"),
]


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("date, in_own_field", SEASONS)
def test_an_issued_season_comes_back(date, in_own_field, dialect):
    item = {"id": "k", "type": "article-journal", "title": "T", "issued": date}
    back, notes, text = round_trip([item], dialect)
    assert back == as_written([item]) and notes == []
    assert ("  season = {" in text) == in_own_field


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("variable", ["accessed", "original-date", "submitted"])
def test_the_season_of_another_date_comes_back(variable, dialect):
    item = {"id": "k", "type": "webpage", "title": "T", "URL": "https://a.org",
            variable: {"date-parts": [[2013, 1, 30]], "season": "22:38:38"}}
    back, notes, text = round_trip([item], dialect)
    assert back == as_written([item]) and notes == []
    assert f"  {variable}-season = {{22:38:38}}," in text


def test_a_season_stays_classic():
    item = {"id": "k", "type": "book", "title": "T", "issued": {"date-parts": [[2020, 3]], "season": "Lent"}}
    _back, _notes, text = round_trip([item], "bibtex")
    assert {record.origin.dialect for record in read_bibtex(text).records} == {"bibtex"}


def test_a_season_without_its_date_is_kept_as_written():
    [record] = read_bibtex("@book{k, title = {T}, season = {Lent}, accessed-season = {10:00}}\n").records
    assert record.dates == {}
    assert record.foreign["bibtex"] == {"season": "{Lent}", "accessed-season": "{10:00}"}


def test_a_season_field_sets_the_season_of_the_issued_date():
    # A user's own `season` beside `month = {Summer}` is the season as written.
    [record] = read_bibtex("@book{k, title = {T}, year = {2001}, month = {Summer}, season = {Sommer}}\n").records
    assert record.issued.season == "Sommer" and record.issued.parts == ((2001,),)


@pytest.mark.parametrize("dialect", DIALECTS)
def test_the_csl_test_suite_seasons_come_back(dialect):
    items = [dict(item) for item in csl_suite_items()
             if any(isinstance(value, dict) and "season" in value for value in item.values())]
    for item in items:
        item.pop("key", None)  # not a CSL variable: the writer reports it left out
    assert len(items) >= 6
    back, notes, _text = round_trip(items, dialect)
    assert back == as_written(items) and notes == []
