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


# Sorting and ranges as citeproc-js 2.4.63 gives them (tools/csl-oracle, on these styles).
SORT_MONTH_DAY = f'<macro name="md">{MONTH_DAY}</macro>'
NUMBER_AND_TITLE = '<group delimiter=" "><text variable="citation-number"/><text variable="title"/></group>'
UNDATED_AND_DATED = [
    {"id": "year", "type": "book", "title": "Year only", "issued": {"date-parts": [[2019]]}},
    {"id": "day", "type": "book", "title": "With day", "issued": {"date-parts": [[2019, 8, 20]]}},
    {"id": "none", "type": "book", "title": "No date"},
]


@pytest.mark.parametrize("macro, order", [
    (SORT_MONTH_DAY, ["1 Year only", "2 With day", "3 No date"]),
    ('<macro name="md"><group delimiter=" "><text value="x"/>' + MONTH_DAY + "</group></macro>",
     ["1 With day", "2 Year only", "3 No date"]),
], ids=["the date's key keeps its year", "but a group around it vanishes, and sorts last"])
def test_a_year_only_date_in_a_month_and_day_sort_key(style, macro, order):
    # Chicago author-date's source macro is the second case: "2019a. August 20." comes
    # before the same title's "2019b."
    xml = style(citation=NUMBER_AND_TITLE, bibliography=NUMBER_AND_TITLE, macros=macro,
                sort='<sort><key macro="md"/></sort>')
    processor = CitationProcessor(xml, UNDATED_AND_DATED)
    assert [text for _, text in processor.bibliography()] == order


def test_a_range_of_years_drops_the_prefix_of_its_end(style):
    # IEEE's conference date: month, then the year with a space before it
    layout = ('<date variable="issued"><date-part name="month" form="short"/>'
              '<date-part name="year" prefix=" "/></date>')
    items = [{"id": "a", "type": "book", "issued": {"date-parts": [[2019], [2020]]}},
             {"id": "b", "type": "book", "issued": {"date-parts": [[2019, 12], [2020, 1]]}}]
    processor = CitationProcessor(style(citation=f'<text value="["/>{layout}<text value="]"/>'), items)
    assert [processor.citation([Cite(id=id)]) for id in "ab"] == ["[ 2019–2020]", "[Dec. 2019–Jan. 2020]"]


def test_a_year_suffix_follows_the_last_year_of_a_range(style):
    layout = ('<group delimiter=" "><names variable="author"><name form="short"/></names>'
              '<date variable="issued"><date-part name="year"/></date></group>')
    items = [{"id": id, "type": "book", "title": id, "author": [{"family": "Doe"}],
              "issued": {"date-parts": [[2019], [2020]]}} for id in "xy"]
    processor = CitationProcessor(style(citation=layout, citation_attrs='disambiguate-add-year-suffix="true"'), items)
    assert [processor.citation([Cite(id=id)]) for id in "xy"] == ["Doe 2019–2020a", "Doe 2019–2020b"]
