"""Reading front matter (refmanager/ingest/frontmatter.py) from the seed and our fixtures.

The seed is ../shared/seed/article-front-matter.md (issue 8's founding example);
the fixtures in tests/ingest/data/ were written for these tests, each with a
different layout (Markdown or PDF text, markers, date forms, header styles).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from refmanager.ingest.article_dates import find_stated_dates, settle_ambiguous
from refmanager.ingest.byline import parse_affiliation, parse_byline
from refmanager.ingest.frontmatter import read_front_matter

DATA = Path(__file__).with_name("data")


def fixture(name: str):
    return read_front_matter((DATA / name).read_text(encoding="utf-8"), name)


@pytest.fixture
def seed(shared):
    path = shared / "seed" / "article-front-matter.md"
    return read_front_matter(path.read_text(encoding="utf-8"), str(path))


def test_the_seed_gives_its_title_byline_and_article_type(seed):
    assert seed.title == "The Status of Soft Power in Russian Foreign Policy toward Southern Caucasus"
    assert [author.written for author in seed.authors] == ["Mahmood Alipour Gorji", "Abdolmajid Seifi"]
    assert [author.markers for author in seed.authors] == [["1"], ["2"]]
    assert seed.article_type == "Research paper"


def test_the_seed_names_its_corresponding_author_and_affiliations(seed):
    assert seed.corresponding_author == "Mahmood Alipour Gorji"  # the "\*" before the name
    assert seed.email == "alipourmg@gmail.com"
    assert [affiliation.marker for affiliation in seed.affiliations] == ["1", "2"]
    assert seed.affiliations[0].text.startswith("Assistant Professor Political Science")


def test_the_seeds_dates_are_day_first_because_one_can_only_be(seed):
    dates = {date.kind: date.value.parts[0] for date in seed.dates}
    assert dates == {"received": (2023, 11, 19), "accepted": (2024, 7, 25),
                     "available-online": (2024, 9, 5)}


def test_the_seeds_abstract_keeps_its_sections_and_leaves_out_the_side_box(seed):
    labels = [label for label, _ in seed.abstract_sections]
    assert labels == ["Introduction", "Research Question", "Research Hypothesis",
                      "Methodology (and Theoretical Framework if there are)",
                      "Results and discussion", "Conclusion"]
    introduction = seed.abstract_sections[0][1]
    # The side box (address, e-mail, "How to Site") cuts this sentence in the seed.
    assert "the issue of soft power was emphasized at the global level" in introduction
    assert "alipourmg" not in seed.abstract and "How to Site" not in seed.abstract


def test_the_seeds_keywords_and_statement(seed):
    assert seed.keywords == ["Russia", "Soft Power", "southern Caucasus", "Covid-19 Crisis",
                             "Color Revolutions"]
    assert seed.statement.label == "How to Site"
    assert seed.statement.text.startswith("mahmood, A. G., & Seifi, A. (2024).")


# (fixture, title, byline as written, corresponding author, dates, journal header)
FIXTURES = [
    pytest.param("spanish-compound-surnames.md", "Informal Work and Household Debt in Andalusian Cities",
                 ["Ana María García Márquez", "José López de la Torre"], "Ana María García Márquez",
                 {"received": (2021, 3, 12), "accepted": (2021, 6, 9), "published": (2021, 7, 1)},
                 {"container-title": "Revista de Estudios Sociales", "volume": "45", "issue": "2", "page": "101-119"},
                 id="caret markers, dates in one line split by bars, a running header with Vol. and No."),
    pytest.param("dutch-particles.txt", "Water Boards and Local Democracy in the Netherlands",
                 ["Jan van der Berg", "Pieter de Vries"], "Pieter de Vries",
                 {"received": (2020, 2, 3), "accepted": (2020, 5, 15), "available-online": (2020, 6, 2)},
                 {"container-title": "Journal of Dutch Studies", "volume": "12", "issue": "3", "page": "45–67"},
                 id="PDF text with digits glued to names and an Elsevier-like header"),
    pytest.param("suffix-jr-us-dates.md", "Reward Timing and Habit Formation in Adult Learners",
                 ["Robert A. Smith, Jr.", "Mary O'Neil", "David Chen"], "",
                 {"received": (2022, 3, 14), "revised": (2022, 5, 2), "accepted": (2022, 6, 10)},
                 {"container-title": "Journal of Applied Behavioral Studies", "volume": "8", "issue": "1",
                  "page": "12-18", "DOI": "10.5555/jabs.2022.008"},
                 id="a Jr. suffix, and month-first dates settled by 03/14"),
    pytest.param("east-asian-names.md", "Trust in Neighbours after Rapid Urbanisation in Three East Asian Cities",
                 ["ZHANG Wei", "TANAKA Hiroshi", "KIM Min-jun"], "KIM Min-jun",
                 {"received": (2022, 9, 30), "revised": (2023, 1, 12), "accepted": (2023, 2, 20),
                  "available-online": (2023, 3, 15)},
                 {"container-title": "Asian Journal of Social Science", "volume": "15", "issue": "4",
                  "page": "201–219", "DOI": "10.1234/ajss.2023.15.4.201"},
                 id="family names in capitals and a Vancouver-like header"),
    pytest.param("turkish-letters.md", "Local Elections and Party Loyalty in İzmir and Eskişehir",
                 ["Zeynep Yılmaz", "İbrahim Öztürk"], "İbrahim Öztürk",
                 {"received": (2021, 1, 10), "accepted": (2021, 3, 2), "published": (2021, 4, 15)},
                 {"container-title": "Turkish Journal of Politics", "volume": "7", "issue": "2", "page": "55–70"},
                 id="parenthesised markers and ISO dates"),
    pytest.param("vietnamese-missing-issue.txt", "Rice Exports and Rural Incomes in the Mekong Delta",
                 ["Nguyễn Văn An", "Trần Thị Bích"], "Trần Thị Bích",
                 {"received": (2020, 1, 5), "accepted": (2020, 3, 20), "published": (2020, 4, 30)},
                 {"container-title": "Vietnam Journal of Economics", "volume": "3", "issue": "1", "page": "10–25"},
                 id="Unicode superscript markers and one date a line"),
    pytest.param("vancouver-petrosyan.md", "Monastic Manuscripts and the Armenian Printing Press",
                 ["Anna Petrosyan", "Karen Hakobyan"], "",
                 {"received": (2017, 11, 2), "accepted": (2018, 1, 15), "available-online": (2018, 2, 1)},
                 {"container-title": "Armenian Journal of History", "volume": "4", "issue": "2"},
                 id="labelled journal, two labels on one line, month-name dates"),
    pytest.param("all-caps-title.txt", "SOFT POWER IN KAZAKHSTAN AND UZBEKISTAN",
                 ["Dana Akhmetova", "Timur Karimov"], "",
                 {"received": (2021, 7, 14), "accepted": (2021, 12, 2), "published": (2022, 1, 15)},
                 {"container-title": "Central Asian Affairs", "volume": "9", "issue": "1", "page": "1-24"},
                 id="a title in capitals is not taken for a byline"),
    pytest.param("chicago-et-al.md", "Market Women and Credit Networks in Lagos",
                 ["Chinedu Okafor", "Ngozi Adeyemi", "Oluwaseun Bello", "Emeka Eze"], "Emeka Eze",
                 {"received": (2018, 12, 1), "revised": (2019, 2, 2), "accepted": (2019, 2, 20),
                  "available-online": (2019, 3, 1)},
                 {"container-title": "West African Review", "volume": "11", "issue": "3", "page": "88–104"},
                 id="an Elsevier article history in one line, and an italic journal line"),
    pytest.param("doi-forms-title-variant.md", "Cooperative Housing in Post-War Lyon and Montreal",
                 ["Jean-Pierre Dupont", "Marie-Claire Tremblay"], "Jean-Pierre Dupont",
                 {"received": (2022, 4, 3), "accepted": (2022, 6, 5), "published": (2022, 8, 7)},
                 {"container-title": "Urban History Review", "DOI": "10.5555/uhr.2022.0042"},
                 id="numbered affiliations, and dates that allow both readings (day first, the common one)"),
    pytest.param("plos-citation-after-abstract.txt", "Sleep duration and school performance in Norwegian adolescents",
                 ["Ingrid Hansen", "Lars Olsen", "Kari Berg"], "Ingrid Hansen",
                 {"received": (2018, 10, 2), "accepted": (2019, 1, 28), "published": (2019, 3, 6)},
                 {}, id="PLOS: a title over two lines, dates after the abstract"),
    pytest.param("taylor-francis-given-names-first.md", "Language Policy and Minority Schools in Estonia",
                 ["Kristina Kallas", "Mart Kivirähk"], "", {"available-online": (2017, 4, 12)},
                 {"DOI": "10.1080/01629778.2017.1305185"}, id="Taylor & Francis: a bold byline joined by &"),
    pytest.param("frontiers-split-family-name.md", "Music Training and Working Memory in Older Adults",
                 ["Sofia Rossi", "Marco Bianchi", "Giulia De Luca"], "Sofia Rossi",
                 {"published": (2021, 3, 12), "received": (2020, 9, 14), "accepted": (2021, 2, 5)},
                 {"DOI": "10.3389/fpsyg.2021.601234"}, id="Frontiers: a publication date stated twice counts once"),
    pytest.param("mdpi-spaced-markers.md", "Urban Green Space and Heat Stress in Polish Cities",
                 ["Anna Kowalska", "Piotr Nowak", "Jan Wiśniewski"], "Anna Kowalska",
                 {"received": (2021, 5, 5), "accepted": (2021, 6, 2), "published": (2021, 6, 4)},
                 {}, id="MDPI: a bold byline with markers after a space, dates split by slashes"),
    pytest.param("elsevier-letter-markers.txt", "Farm succession and gender in the Andean highlands",
                 ["María José Quispe Mamani", "Hernán Condori"], "María José Quispe Mamani",
                 {"received": (2019, 12, 2), "revised": (2020, 5, 14), "accepted": (2020, 6, 20),
                  "available-online": (2020, 7, 1)},
                 {"container-title": "Journal of Rural Studies", "volume": "79", "page": "112–121"},
                 id="Elsevier PDF text: letter markers, volume (year) pages, dates in a footnote after the abstract"),
    pytest.param("taylor-francis-cover-page.txt", "Language policy and minority schools in Estonia",
                 ["Kristina Kallas", "Mart Kivirähk"], "", {"available-online": (2017, 4, 12)},
                 {"DOI": None},  # only the statement gives it, and the statement is no evidence of itself
                 id="a PDF cover page: the title is the text just above the byline, not the journal's name"),
]


@pytest.mark.parametrize("name, title, byline, corresponding, dates, header", FIXTURES)
def test_each_fixture_gives_its_front_matter(name, title, byline, corresponding, dates, header):
    found = fixture(name)
    assert found.title == title
    assert [author.written for author in found.authors] == byline
    assert found.corresponding_author == corresponding
    assert {date.kind: date.value.parts[0] for date in found.dates} == dates
    assert {name: found.header.fields.get(name) for name in header} == header


def test_a_structured_abstract_keeps_its_section_labels():
    found = fixture("spanish-compound-surnames.md")
    assert [label for label, _ in found.abstract_sections] == ["Objective", "Methods", "Results"]
    assert found.keywords == ["informal work", "household debt", "Andalusia", "Spain"]


def test_an_abstract_on_its_label_line_loses_the_label():
    found = fixture("turkish-letters.md")
    assert found.abstract == "Voters in İzmir and Eskişehir stayed loyal to their parties across three local elections."
    assert found.keywords == ["local elections", "party loyalty", "Türkiye"]  # "Anahtar kelimeler / Keywords"


def test_elsevier_keywords_one_a_line_and_an_abstract_without_its_footnote():
    found = fixture("elsevier-letter-markers.txt")
    assert found.keywords == ["Farm succession", "Gender", "Andes"]
    assert found.abstract == "Daughters inherit land less often than sons in the Andean highlands."
    assert found.email == "mjquispe@umsa.bo"


def test_an_issn_is_read_from_the_header():
    assert fixture("dutch-particles.txt").header.issns == ["1234-5678"]
    assert fixture("taylor-francis-given-names-first.md").header.issns == ["0162-9778", "1751-7877"]


def test_affiliations_run_into_one_line_are_split():
    found = fixture("plos-citation-after-abstract.txt")
    assert [(a.marker, a.text) for a in found.affiliations] == [
        ("1", "Department of Health Sciences, University of Oslo, Oslo, Norway"),
        ("2", "Norwegian Institute of Public Health, Oslo, Norway")]
    assert found.email == "ingrid.hansen@uio.no" and found.article_type == "RESEARCH ARTICLE"


def test_the_record_keeps_the_dates_csl_has_no_variable_for_in_custom():
    record = fixture("chicago-et-al.md").record()
    assert record.dates["submitted"].parts == ((2018, 12, 1),)
    assert record.dates["available-date"].parts == ((2019, 3, 1),)
    assert set(record.foreign["csljson"]) == {"revised", "accepted"}


@pytest.mark.parametrize("line, markers, corresponding", [
    pytest.param("Ana Ruiz<sup>1,2</sup>, Luis Gil<sup>\\*</sup>", [["1", "2"], []], [False, True], id="HTML superscripts, a starred author"),
    pytest.param("Ana Ruiz^a^ and Luis Gil^b,\\*^", [["a"], ["b"]], [False, True], id="caret superscripts with a star inside"),
    pytest.param("Ana Ruiz (1), Luis Gil (2)*", [["1"], ["2"]], [False, True], id="markers in parentheses"),
    pytest.param("Ana Ruiz¹², Luis Gil²", [["1", "2"], ["2"]], [False, False], id="Unicode superscript digits"),
    pytest.param("Ana Ruiz1,2, Luis Gil2✉", [["1", "2"], ["2"]], [False, True], id="digits glued to the name, an envelope"),
])
def test_byline_markers(line, markers, corresponding):
    authors = parse_byline(line)
    assert [author.written for author in authors] == ["Ana Ruiz", "Luis Gil"]
    assert [author.markers for author in authors] == markers
    assert [author.corresponding for author in authors] == corresponding


@pytest.mark.parametrize("line", [
    pytest.param("The Status of Soft Power in Russian Foreign Policy toward Southern Caucasus", id="a title with a lower-case word"),
    pytest.param("SOFT POWER IN KAZAKHSTAN AND UZBEKISTAN", id="a title in capitals"),
    pytest.param("Received: 19/11/2023", id="a date line"),
])
def test_lines_that_are_no_byline(line):
    assert parse_byline(line) == []


def test_an_affiliation_line_gives_its_marker():
    assert parse_affiliation("<sup>b</sup> Faculty of Law, Utrecht", 3).marker == "b"
    assert parse_affiliation("2. Faculty of Law", 3).text == "Faculty of Law"


@pytest.mark.parametrize("lines, expected", [
    pytest.param(["Received: 19/11/2023", "Accepted: 05/09/2024"], [(2023, 11, 19), (2024, 9, 5)], id="a day above 12 makes them all day first"),
    pytest.param(["Received: 03/14/2022", "Accepted: 05/06/2022"], [(2022, 3, 14), (2022, 5, 6)], id="a month slot above 12 makes them all month first"),
    pytest.param(["Received: 01/02/2022", "Accepted: 03/01/2022"], [(2022, 1, 2), (2022, 3, 1)], id="the order of the dates decides when the numbers cannot"),
    pytest.param(["Received 12 March 2021; Accepted: March 20th, 2021"], [(2021, 3, 12), (2021, 3, 20)], id="month names either way round"),
    pytest.param(["Epub 2021 Mar 4"], [(2021, 3, 4)], id="PubMed's year-month-day"),
])
def test_dates_in_any_common_form(lines, expected):
    dates = [date for number, line in enumerate(lines) for date in find_stated_dates(line, number)]
    assert [date.value.parts[0] for date in settle_ambiguous(dates)] == expected
