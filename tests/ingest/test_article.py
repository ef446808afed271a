"""Ingesting whole articles (refmanager/ingest/article.py), with the real reference parser,
and front matter read wherever bibliography files are (refmanager.api.load, folders).

The fixtures are tests/ingest/data/; the library's article is library/alipour-gorji-2024.md,
a copy of the seed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import refmanager
from refmanager import api
from refmanager.ingest import ingest, ingest_text
from refmanager.ingest.article import looks_like_front_matter

DATA = Path(__file__).with_name("data")


def test_the_library_holds_the_seed_article_as_it_was(library, shared):
    ours = (library / "alipour-gorji-2024.md").read_bytes()
    assert ours == (shared / "seed" / "article-front-matter.md").read_bytes()


def test_loading_the_library_article_gives_its_corrected_record(library):
    document = refmanager.load(str(library / "alipour-gorji-2024.md"))
    assert document.format == "frontmatter" and document.all_problems() == []
    [record] = document.records
    assert record.key == "alipourgorji2024"
    assert [name.display() for name in record.authors] == ["Mahmood Alipour Gorji", "Abdolmajid Seifi"]
    assert record.authors[0].family == "Alipour Gorji"
    assert record.page == "31–34" and record.issued.year == 2024


def test_a_folder_holds_the_article_but_not_its_readme(library):
    found = [Path(path).name for path in api.bibliography_files([str(library)])]
    assert "alipour-gorji-2024.md" in found and "README.md" not in found


def test_a_txt_file_that_is_a_ris_export_is_still_ris(tmp_path):
    path = tmp_path / "export.txt"
    path.write_text("TY  - BOOK\nTI  - Bound to lead\nPY  - 1990\nER  - \n", encoding="utf-8")
    assert refmanager.load(str(path)).format == "ris"


@pytest.mark.parametrize("text", [
    pytest.param("# Notes\n\nThings to read next week.\n", id="notes"),
    pytest.param("# Sample library\n\nTwenty-eight works on soft power.\n\n| file | format |\n", id="a README"),
])
def test_text_that_is_no_article(text):
    assert not looks_like_front_matter(text)


def test_an_article_without_a_statement_gives_the_documents_record_and_says_so():
    text = ("# Ports and Power\n\nAna Ruiz<sup>1</sup>, Luis Gil<sup>2</sup>\n\n<sup>1</sup> Sevilla\n\n"
            "Published: 3 May 2020\n\n## Abstract\n\nPorts matter.\n")
    result = ingest_text(text, "ports.md")
    assert result.changes == [] and result.statement is None
    assert [name.family for name in result.record.authors] == ["Ruiz", "Gil"]
    assert result.record.key == "ruiz2020" and result.record.issued.parts == ((2020, 5, 3),)
    assert "no citation statement found" in result.problems[0].message


# Every fixture end to end, through the reference parser (refparse's CRF):
# (fixture, authors, title, journal, volume, issue, page, year).
END_TO_END = [
    pytest.param("spanish-compound-surnames.md", ["García Márquez", "López de la Torre"],
                 "Informal Work and Household Debt in Andalusian Cities", "Revista de Estudios Sociales",
                 "45", "2", "101–119", 2021, id="Spanish compound surnames"),
    pytest.param("dutch-particles.txt", ["Berg", "Vries"], "Water Boards and Local Democracy in the Netherlands",
                 "Journal of Dutch Studies", "12", "3", "45–67", 2020, id="Dutch particles and a wrong year"),
    pytest.param("suffix-jr-us-dates.md", ["Smith", "O'Neil", "Chen"], "Reward Timing and Habit Formation in Adult Learners",
                 "Journal of Applied Behavioral Studies", "8", "1", "12–18", 2022, id="Jr. and et al."),
    pytest.param("east-asian-names.md", ["Zhang", "Tanaka", "Kim"],
                 "Trust in Neighbours after Rapid Urbanisation in Three East Asian Cities",
                 "Asian Journal of Social Science", "15", "4", "201–219", 2023, id="East Asian names"),
    pytest.param("turkish-letters.md", ["Yılmaz", "Öztürk"], "Local Elections and Party Loyalty in İzmir and Eskişehir",
                 "Turkish Journal of Politics", "7", "2", "55–70", 2021, id="Turkish letters"),
    pytest.param("vietnamese-missing-issue.txt", ["Nguyễn", "Trần"], "Rice Exports and Rural Incomes in the Mekong Delta",
                 "Vietnam Journal of Economics", "3", "1", "10–25", 2020, id="Vietnamese letters and a missing issue"),
    pytest.param("all-caps-title.txt", ["Akhmetova", "Karimov"], "Soft power in Kazakhstan and Uzbekistan",
                 "Central Asian Affairs", "9", "1", "1–24", 2022, id="a title in capitals"),
    pytest.param("doi-forms-title-variant.md", ["Dupont", "Tremblay"], "Cooperative Housing in Post-War Lyon and Montreal",
                 "Urban History Review", "50", "1", "77–95", 2022, id="a title worded otherwise"),
    pytest.param("vancouver-petrosyan.md", ["Petrosyan", "Hakobyan"], "Monastic Manuscripts and the Armenian Printing Press",
                 "Armenian Journal of History", "4", "2", "33–41", 2018, id="Vancouver names"),
    pytest.param("chicago-et-al.md", ["Okafor", "Adeyemi", "Bello", "Eze"], "Market Women and Credit Networks in Lagos",
                 "West African Review", "11", "3", "88–104", 2019, id="Chicago with et al."),
    pytest.param("plos-citation-after-abstract.txt", ["Hansen", "Olsen", "Berg"],
                 "Sleep duration and school performance in Norwegian adolescents", "PLoS ONE", "14", "3", "", 2019,
                 id="PLOS with an article number"),
    pytest.param("elsevier-letter-markers.txt", ["Quispe Mamani", "Condori"],
                 "Farm succession and gender in the Andean highlands", "Journal of Rural Studies", "79", "", "112–121",
                 2020, id="Elsevier with a Bolivian compound surname split in the wrong place"),
]


@pytest.mark.parametrize("name, families, title, journal, volume, issue, page, year", END_TO_END)
def test_each_fixture_ingests_end_to_end(name, families, title, journal, volume, issue, page, year):
    record = ingest(str(DATA / name)).record
    assert [author.family for author in record.authors] == families
    assert (record.title, record.container_title) == (title, journal)
    assert (record.volume, record.issue, record.page, record.issued.year) == (volume, issue, page, year)


def test_an_article_without_a_statement_or_publication_date_is_dated_by_its_issue():
    text = ("Journal of Things, Vol. 6, No. 2, 2024, pp. 1-9\n\n# Ports and Power\n\nAna Ruiz<sup>1</sup>\n\n"
            "Available online: 20 December 2023\n\n## Abstract\n\nPorts matter.\n")
    record = ingest_text(text, "ports.md").record
    assert record.issued.parts == ((2024,),) and record.dates["available-date"].parts == ((2023, 12, 20),)
    assert (record.container_title, record.volume, record.issue, record.page) == ("Journal of Things", "6", "2", "1-9")


def test_taylor_and_francis_names_given_first_get_their_accents_back():
    # The statement writes "Kristina Kallas & Mart Kivirahk (2017) ..., 48:2, 201-19, DOI: ...".
    result = ingest(str(DATA / "taylor-francis-given-names-first.md"))
    assert [(name.family, name.given) for name in result.record.authors] == [("Kallas", "Kristina"), ("Kivirähk", "Mart")]
    assert result.record.page == "201–219" and result.record.doi == "10.1080/01629778.2017.1305185"
    assert [change.rule for change in result.changes] == [
        "RestoreDiacritics", "TitleFromDocument", "ExpandPageRange", "NormalizeDoi"]


def test_frontiers_de_luca_is_one_family_name():
    result = ingest(str(DATA / "frontiers-split-family-name.md"))
    assert [name.family for name in result.record.authors] == ["Rossi", "Bianchi", "De Luca"]
    assert result.record.authors[2].given == "Giulia" and result.problems == []


def test_mdpi_names_get_their_given_names_and_polish_letter():
    # The journal ("*Sustainability* **2021**, *13*, 6345") is the parser's to read; the
    # document does not state it, so only the names are checked here.
    result = ingest(str(DATA / "mdpi-spaced-markers.md"))
    assert [(name.family, name.given) for name in result.record.authors] == [
        ("Kowalska", "Anna"), ("Nowak", "Piotr"), ("Wiśniewski", "Jan")]
    assert [change.rule for change in result.changes][:3] == ["FullGivenName", "FullGivenName", "RestoreDiacritics"]
