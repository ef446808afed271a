"""Dates (refmanager/render/dates.py and date_values.py), per CSL 1.0.2 "Date"."""

import pytest

from refmanager.render.date_values import read_date
from refmanager.render.processor import CitationProcessor, Cite

TEXT_DATE = '<date variable="issued" form="text"/>'
NUMERIC_PARTS = ('<date variable="issued" delimiter="/"><date-part name="year"/>'
                 '<date-part name="month" form="numeric-leading-zeros"/></date>')
MONTH_DAY = ('<text value="["/><date variable="issued"><date-part name="month"/>'
             '<date-part name="day" prefix=" "/></date><text value="]"/>')


def render(style, layout: str, issued, locale=None) -> str:
    items = [{"id": "a", "type": "book", "issued": issued}]
    return CitationProcessor(style(layout), items, locale=locale).citation([Cite(id="a")])


@pytest.mark.parametrize("layout, issued, expected", [
    (TEXT_DATE, {"date-parts": [[2000, 5, 3]]}, "May 3, 2000"),
    (TEXT_DATE, {"date-parts": [[2000, 5, 3], [2000, 5, 9]]}, "May 3–9, 2000"),
    (TEXT_DATE, {"date-parts": [[2000, 5, 3], [2000, 6, 9]]}, "May 3–June 9, 2000"),
    (TEXT_DATE, {"date-parts": [[2000, 5], [2001, 6]]}, "May 2000–June 2001"),
    (TEXT_DATE, {"date-parts": [[2000]], "season": 3}, "Autumn 2000"),
    (TEXT_DATE, {"literal": "Dark ages"}, "Dark ages"),
    (TEXT_DATE, "2000-05-03", "May 3, 2000"),
    (TEXT_DATE, {"raw": "1998/1999"}, "1998–1999"),
    (NUMERIC_PARTS, {"date-parts": [[2000, 5, 3]]}, "2000/05"),
    ('<date variable="issued"><date-part name="year"/></date>', {"date-parts": [[-44]]}, "44 BC"),
    ('<date variable="issued" form="numeric" date-parts="year-month"/>',
     {"date-parts": [[2000, 5, 3]]}, "05/2000"),
    # Golden APA (citeproc-js): the month-and-day part of its "date" macro.
    (MONTH_DAY, {"date-parts": [[2014]], "season": "Winter"}, "[]"),
    (MONTH_DAY, {"date-parts": [[2014]], "season": 1}, "[Spring]"),
    (MONTH_DAY, {"date-parts": [[1890], [1912]]}, "[]"),
    (MONTH_DAY, {"date-parts": [[1890, 3], [1912, 5]]}, "[March–May]"),
], ids=["a localized text date", "a day range shares month and year",
        "a month range shares the year", "a year range repeats everything",
        "a season in place of the month", "a literal date", "a string date (legacy input)",
        "a raw range", "style-defined date parts and delimiter", "years before the common era",
        "date-parts limits a localized date",
        "a season named in words shows only beside the year",
        "a season number shows as the month even without the year",
        "a range of bare years has no month and day range",
        "a range of years shows its months without the years"])
def test_dates(style, layout, issued, expected):
    assert render(style, layout, issued) == expected


def test_localized_date_follows_the_locale(style):
    assert render(style, TEXT_DATE, {"date-parts": [[2000, 5, 3]]}, "de-DE") == "3. Mai 2000"


def test_no_date_means_no_output_and_the_group_vanishes(style):
    layout = '<group delimiter=" "><text value="in"/>' + TEXT_DATE + "</group>"
    items = [{"id": "a", "type": "book", "title": "T"}]
    processor = CitationProcessor(style(layout + '<text variable="title"/>'), items)
    assert processor.citation([Cite(id="a")]) == "T"


def test_read_date_reads_string_numbers_and_sorts_ranges():
    value = read_date({"date-parts": [["1999", "2"], ["2000"]]})
    assert value.parts == [(1999, 2, 0), (2000, 0, 0)] and value.is_range
    assert value.sort_key() < read_date({"date-parts": [[1999, 3]]}).sort_key()


MONTH_DAY = ('<date variable="issued"><date-part name="month"/>'
             '<date-part name="day" prefix=" "/></date>')
YEAR_MONTH = ('<date variable="issued"><date-part name="month" suffix=" "/>'
              '<date-part name="year"/></date>')


@pytest.mark.parametrize("layout, issued, expected", [
    (MONTH_DAY, {"date-parts": [[2014]], "season": "Winter"}, ""),
    (YEAR_MONTH, {"date-parts": [[2014]], "season": "Winter"}, "Winter 2014"),
    (MONTH_DAY, {"date-parts": [[2000]], "season": 3}, "Autumn"),
    (MONTH_DAY, {"literal": "ca. 1890"}, ""),
    ('<date variable="issued"><date-part name="year"/></date>', {"literal": "ca. 1890"},
     "ca. 1890"),
    (MONTH_DAY, {"date-parts": [[1890], [1912]]}, ""),
    (f'<group prefix="(" suffix=")">{MONTH_DAY}</group>', {"date-parts": [[1890], [1912]]}, ""),
], ids=["a season in words needs the year shown", "and shows beside the year",
        "a season number fills the month (the suite's date_SeasonSubstituteInGroup)",
        "a literal needs the year shown", "and shows in its place",
        "a year range through month and day is nothing, not a lone dash",
        "so its group vanishes too"])
def test_parts_that_stand_for_the_whole_date(style, layout, issued, expected):
    # Golden files: chicago-author-date leaves "Birdwatch." and "Book History 5: 1–12"
    # where its month-day macro meets a season in words or a literal date, and
    # "Papers of the Harbour Commission. National Archives." for 1890–1912.
    framed = f'<text value="["/>{layout}<text value="]"/>'  # an empty cite is an error
    assert render(style, framed, issued) == f"[{expected}]"
