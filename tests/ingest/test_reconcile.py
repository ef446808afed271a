"""Reconciling a citation statement with its article (refmanager/ingest/reconcile.py,
author_corrections.py, name_match.py, proper_nouns.py).

Each fixture of tests/ingest/data/ is reconciled with its statement as a correct
reference parser reads it (written out here, so that these tests do not hang on
the parser's progress); test_cli_ingest.py runs the real parser end to end.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from refmanager.changes import Change, revert_changes
from refmanager.ingest.byline import BylineAuthor
from refmanager.ingest.frontmatter import read_front_matter
from refmanager.ingest.name_match import match_name
from refmanager.ingest.reconcile import expand_page_range, is_abbreviation, reconcile
from refmanager.model import DateValue, Document, Name, Record, RecordId

DATA = Path(__file__).with_name("data")
RECORD = RecordId("article.md", 0, "key")


def statement(authors, title, journal="", volume="", issue="", page="", year=None, doi="") -> Record:
    """A statement as a reference parser reads it: names as (family, given[, particle, suffix])."""
    names = [Name(family=name[0], given=name[1], non_dropping_particle=name[2] if len(name) > 2 else "",
                  suffix=name[3] if len(name) > 3 else "") for name in authors]
    dates = {"issued": DateValue(((year,),))} if year else {}
    return Record("ref", "article-journal", title, {"author": names}, journal, volume, issue, page,
                  dates=dates, doi=doi)


def reconciled(name: str, stated: Record):
    front = read_front_matter((DATA / name).read_text(encoding="utf-8"), name)
    return reconcile(stated, front, front.statement.text, RECORD)


def rules(result) -> list[tuple[str, str]]:
    return [(change.field, change.rule) for change in result.changes]


def authors(record: Record) -> list[str]:
    return [f"{' '.join(p for p in (n.non_dropping_particle, n.family) if p)}, {n.given}"
            + (f", {n.suffix}" if n.suffix else "") for n in record.authors]


# (fixture, the statement as parsed, expected authors, expected fields, expected (field, rule)s)
CASES = [
    pytest.param(
        "spanish-compound-surnames.md",
        statement([("Garcia Marquez", "A. M."), ("Lopez de la Torre", "J.")],
                  "Informal work and household debt in Andalusian cities", "Revista de Estudios Sociales",
                  "45", "2", "101–19", 2021),
        ["García Márquez, Ana María", "López de la Torre, José"],
        {"page": "101–119", "title": "Informal Work and Household Debt in Andalusian Cities"},
        [("author", "RestoreDiacritics"), ("author", "RestoreDiacritics"), ("title", "TitleFromDocument"),
         ("page", "ExpandPageRange")],
        id="Spanish compound surnames lose their accents and 101-19 is cut short"),
    pytest.param(
        "dutch-particles.txt",
        statement([("Berg", "J.", "van der"), ("Vries", "P.", "de")],
                  "Water boards and local democracy in the Netherlands", "Journal of Dutch Studies",
                  "12", "3", "45–67", 2019),
        ["van der Berg, Jan", "de Vries, Pieter"],
        {"issued": DateValue(((2020,),)), "ISSN": "1234-5678"},
        [("author", "FullGivenName"), ("author", "FullGivenName"), ("title", "TitleFromDocument"),
         ("page", "PageRangeDash"), ("issued", "CorrectYear")],
        id="particles van der and de, and a statement a year early"),
    pytest.param(
        "suffix-jr-us-dates.md",
        statement([("Smith", "R. A.", "", "Jr.")], "Reward timing and habit formation in adult learners",
                  "J. Appl. Behav. Stud.", "8", "1", "12–8", 2022),
        ["Smith, Robert A., Jr.", "O'Neil, Mary", "Chen, David"],
        {"container-title": "Journal of Applied Behavioral Studies", "page": "12–18", "DOI": "10.5555/jabs.2022.008"},
        [("author", "FullGivenName"), ("author", "ExpandEtAl"), ("title", "TitleFromDocument"),
         ("container-title", "ExpandJournalTitle"), ("page", "ExpandPageRange"), ("DOI", "FillFromDocument")],
        id="Jr., et al., an abbreviated journal and 12-8"),
    pytest.param(
        "east-asian-names.md",
        statement([("Zhang", "W"), ("Tanaka", "H"), ("Kim", "MJ")],
                  "Trust in neighbours after rapid urbanisation in three East Asian cities", "Asian J Soc Sci",
                  "15", "4", "201–19", 2023, "doi:10.1234/AJSS.2023.15.4.201"),
        ["Zhang, Wei", "Tanaka, Hiroshi", "Kim, Min-jun"],
        {"container-title": "Asian Journal of Social Science", "page": "201–219", "DOI": "10.1234/ajss.2023.15.4.201"},
        [("author", "FullGivenName")] * 3 + [("title", "TitleFromDocument"), ("container-title", "ExpandJournalTitle"),
                                             ("page", "ExpandPageRange"), ("DOI", "NormalizeDoi"), ("DOI", "DoiFromDocument")],
        id="East Asian names, family names in capitals, Vancouver initials run together"),
    pytest.param(
        "turkish-letters.md",
        statement([("Yilmaz", "Z."), ("Ozturk", "I.")], "Local elections and party loyalty in Izmir and Eskisehir",
                  "Turkish Journal of Politics", "7", "2", "55–70", 2021),
        ["Yılmaz, Zeynep", "Öztürk, İbrahim"],
        {"title": "Local Elections and Party Loyalty in İzmir and Eskişehir"},
        [("author", "RestoreDiacritics"), ("author", "RestoreDiacritics"), ("title", "TitleFromDocument")],
        id="Turkish dotless and dotted i and other letters restored"),
    pytest.param(
        "vietnamese-missing-issue.txt",
        statement([("Nguyen", "VA"), ("Tran", "TB")], "Rice exports and rural incomes in the Mekong Delta",
                  "Vietnam J Econ", "3", "", "10–25", 2020),
        ["Nguyễn, Văn An", "Trần, Thị Bích"],
        {"issue": "1", "container-title": "Vietnam Journal of Economics"},
        [("author", "RestoreDiacritics"), ("author", "RestoreDiacritics"), ("title", "TitleFromDocument"),
         ("container-title", "ExpandJournalTitle"), ("issue", "FillFromDocument"), ("page", "PageRangeDash")],
        id="Vietnamese letters, and a statement without the issue"),
    pytest.param(
        "vancouver-petrosyan.md",
        statement([("Petrosyan", "A"), ("Hakobyan", "K")], "Monastic manuscripts and the Armenian printing press",
                  "Armen J Hist", "4", "2", "33–41", 2018),
        ["Petrosyan, Anna", "Hakobyan, Karen"],
        {"container-title": "Armenian Journal of History", "page": "33–41"},
        [("author", "FullGivenName"), ("author", "FullGivenName"), ("title", "TitleFromDocument"),
         ("container-title", "ExpandJournalTitle"), ("page", "PageRangeDash")],
        id="Vancouver names Petrosyan A, and pages the document does not state are kept"),
    pytest.param(
        "all-caps-title.txt",
        statement([("Akhmetova", "D."), ("Karimov", "T.")], "Soft power in kazakhstan and uzbekistan",
                  "Central Asian Affairs", "9", "1", "1–24", 2022),
        ["Akhmetova, Dana", "Karimov, Timur"],
        {"title": "Soft power in Kazakhstan and Uzbekistan"},
        [("author", "FullGivenName"), ("author", "FullGivenName"), ("title", "ProperNounCase"),
         ("page", "PageRangeDash")],
        id="lower-cased proper nouns, the document's title being in capitals"),
    pytest.param(
        "chicago-et-al.md",
        statement([("Okafor", "Chinedu")], "Market Women and Credit Networks in Lagos", "West African Review",
                  "11", "3", "88–104", 2019),
        ["Okafor, Chinedu", "Adeyemi, Ngozi", "Bello, Oluwaseun", "Eze, Emeka"],
        {"title": "Market Women and Credit Networks in Lagos"},
        [("author", "ExpandEtAl")],
        id="Chicago et al. with full given names"),
    pytest.param(
        "doi-forms-title-variant.md",
        statement([("Dupont", "J.-P."), ("Tremblay", "M.-C.")], "Housing cooperatives in Lyon and Montreal after the war",
                  "Urban History Review", "50", "1", "77–95", 2022, "10.5555/UHR.2022.0042"),
        ["Dupont, Jean-Pierre", "Tremblay, Marie-Claire"],
        {"title": "Cooperative Housing in Post-War Lyon and Montreal", "DOI": "10.5555/uhr.2022.0042",
         "volume": "50"},
        [("author", "FullGivenName"), ("author", "FullGivenName"), ("title", "KeepDocumentTitle"),
         ("page", "PageRangeDash"), ("DOI", "NormalizeDoi"), ("DOI", "DoiFromDocument")],
        id="hyphenated given names, a resolver DOI and a title worded otherwise"),
]


@pytest.mark.parametrize("name, stated, expected_authors, expected_fields, expected_rules", CASES)
def test_each_fixture_is_corrected_from_its_document(name, stated, expected_authors, expected_fields, expected_rules):
    result = reconciled(name, stated)
    assert authors(result.record) == expected_authors
    assert {field: result.record.get(field) for field in expected_fields} == expected_fields
    assert rules(result) == expected_rules


@pytest.mark.parametrize("name, stated, expected_authors, expected_fields, expected_rules", CASES)
def test_reverting_the_changes_gives_the_statement_back(name, stated, expected_authors, expected_fields, expected_rules):
    result = reconciled(name, stated)
    document = Document("article.md", "frontmatter", [result.record])
    result.record.key = RECORD.key
    assert revert_changes(document, result.changes) == []
    for field in ("author", "title", "container-title", "volume", "issue", "issued"):
        assert result.record.get(field) == stated.get(field), field


def test_every_change_carries_evidence_and_a_confidence():
    result = reconciled(*[CASES[2].values[0], CASES[2].values[1]])
    assert all(change.evidence and 0 < change.confidence <= 1 for change in result.changes)
    assert all(Change.from_json(change.to_json()) == change for change in result.changes)


def test_a_title_worded_otherwise_is_kept_as_a_variant():
    result = reconciled(CASES[9].values[0], CASES[9].values[1])
    assert result.title_variants == ["Housing cooperatives in Lyon and Montreal after the war"]
    assert "Housing cooperatives" in result.record.foreign["csljson"]["statement-title"]


def test_nothing_is_corrected_without_evidence_from_the_document():
    # The document states no journal, volume, pages or year: the statement's stand.
    text = "# A Study of Things\n\nAna Ruiz<sup>1</sup>\n\n<sup>1</sup> Somewhere\n\nCitation: x\n"
    front = read_front_matter(text)
    stated = statement([("Ruiz", "Ana")], "A Study of Things", "J Things", "3", "", "5–9", 2001)
    result = reconcile(stated, front, "Ruiz, Ana (2001). A study of things. J Things, 3, 5–9.", RECORD)
    assert result.changes == []
    assert (result.record.container_title, result.record.volume, result.record.issued.year) == ("J Things", "3", 2001)


@pytest.mark.parametrize("stated_year, expected, rule", [
    pytest.param(2024, 2024, None, id="the issue's year stands though the article was online the year before"),
    pytest.param(2023, 2023, None, id="the online year stands too"),
    pytest.param(2022, 2024, "CorrectYear", id="a year the document never gives is corrected to the issue's"),
])
def test_the_year_is_corrected_only_when_the_document_gives_no_such_year(stated_year, expected, rule):
    text = ("Journal of Things, Vol. 6, No. 2, 2024, pp. 1-9\n\n# Things\n\nAna Ruiz<sup>1</sup>\n\n"
            "Available online: 20 December 2023\n\nCitation: x\n")
    result = reconcile(statement([("Ruiz", "A.")], "Things", "Journal of Things", "6", "2", "1–9", stated_year),
                       read_front_matter(text), "Ruiz, A. (x). Things. Journal of Things, 6(2), 1–9.", RECORD)
    assert result.record.issued.year == expected
    assert [change.rule for change in result.changes if change.field == "issued"] == ([rule] if rule else [])


@pytest.mark.parametrize("stated, rule", [
    pytest.param(("seifi", "A."), "FixNameCase", id="a lower-cased family name"),
    pytest.param(("SEIFI", "A."), "FixNameCase", id="a family name in capitals"),
    pytest.param(("Seifi", "A."), "FullGivenName", id="initials for the given name"),
    pytest.param(("abdolmajid", "S."), "InvertedName", id="the name inverted and lower-cased, the byline being given name first"),
])
def test_what_was_wrong_with_a_name_is_named(stated, rule):
    # Ana Ruiz, written plainly, shows that the byline puts given names first.
    text = "# Things\n\nAbdolmajid Seifi<sup>1</sup>, Ana Ruiz<sup>1</sup>\n\nCitation: x\n"
    result = reconcile(statement([stated, ("Ruiz", "Ana")], "Things"), read_front_matter(text), "x", RECORD)
    assert authors(result.record) == ["Seifi, Abdolmajid", "Ruiz, Ana"]
    assert rules(result) == [("author", rule)]


def test_a_lone_careful_statement_is_trusted_on_a_family_first_byline():
    text = "# Things\n\nZhang Wei<sup>1</sup>\n\nCitation: x\n"
    result = reconcile(statement([("Zhang", "W.")], "Things"), read_front_matter(text), "x", RECORD)
    assert authors(result.record) == ["Zhang, Wei"]


def test_a_statement_name_that_fits_no_byline_author_is_left_alone():
    text = "# A Study of Things\n\nAna Ruiz<sup>1</sup>, Luis Gil<sup>1</sup>\n\nCitation: x\n"
    result = reconcile(statement([("Ruiz", "A."), ("Moreno", "P.")], "A Study of Things"),
                       read_front_matter(text), "Ruiz, A., & Moreno, P.", RECORD)
    assert authors(result.record) == ["Ruiz, Ana", "Moreno, P."]
    assert result.notes == ["statement author 'Moreno, P.' matches no byline name; kept as written"]


@pytest.mark.parametrize("stated, byline, family, given, inverted", [
    pytest.param(("mahmood", "A. G."), ["Mahmood", "Alipour", "Gorji"], "Alipour Gorji", "Mahmood", True,
                 id="the seed: given name in the family slot, family name as initials, lower-cased"),
    pytest.param(("Zhang", "W."), ["Zhang", "Wei"], "Zhang", "Wei", False,
                 id="a careful statement is trusted on a family-first byline"),
    pytest.param(("Garcia Marquez", "A. M."), ["Ana", "María", "García", "Márquez"], "García Márquez", "Ana María", False,
                 id="two family names, accents dropped"),
    pytest.param(("Kim", "M.-J."), ["Min-jun", "Kim"], "Kim", "Min-jun", False, id="hyphenated initials"),
    pytest.param(("Petrosyan", "A"), ["Anna", "Petrosyan"], "Petrosyan", "Anna", False, id="Vancouver initials without dots"),
])
def test_names_are_matched_through_initials(stated, byline, family, given, inverted):
    match = match_name(Name(family=stated[0], given=stated[1]), BylineAuthor(byline))
    assert (match.name.family, match.name.given, match.inverted) == (family, given, inverted)


def test_a_name_split_in_the_wrong_place_is_split_again_from_the_byline():
    # The Frontiers fixture: "De Luca G" read as family "De", given "Luca G".
    text = "# Music\n\nSofia Rossi<sup>1</sup>, Giulia De Luca<sup>1</sup>\n\nCitation: x\n"
    result = reconcile(statement([("Rossi", "S"), ("De", "Luca G")], "Music"), read_front_matter(text),
                       "Rossi S and De Luca G (2021) Music.", RECORD)
    assert authors(result.record) == ["Rossi, Sofia", "De Luca, Giulia"]
    assert rules(result) == [("author", "FullGivenName"), ("author", "NameFromByline")]


def test_a_doubtful_name_correction_is_only_suggested():
    # Zhang Wei, written plainly beside Ana Ruiz, is given name first; the careful
    # statement says Zhang is the family name. Neither reading wins clearly.
    text = "# Things\n\nAna Ruiz<sup>1</sup>, Zhang Wei<sup>1</sup>\n\nCitation: x\n"
    result = reconcile(statement([("Ruiz", "Ana"), ("Zhang", "W.")], "Things"), read_front_matter(text), "x", RECORD)
    assert authors(result.record) == ["Ruiz, Ana", "Zhang, W."]
    assert result.changes == []
    assert result.notes[0].startswith("suggestion, not applied (InvertedName, 0.70)")


def test_different_initials_do_not_match():
    assert match_name(Name(family="Seifi", given="B."), BylineAuthor(["Abdolmajid", "Seifi"])) is None


@pytest.mark.parametrize("written, expanded", [
    pytest.param("201-19", "201–219", id="201-19 is 201–219"),
    pytest.param("31-34", "31–34", id="a hyphen becomes an en dash"),
    pytest.param("1299-302", "1299–1302", id="1299-302 is 1299–1302"),
    pytest.param("e1234-9", "e1234–e1239", id="electronic page numbers"),
    pytest.param("17008", "17008", id="an article number is no range"),
])
def test_page_ranges(written, expanded):
    assert expand_page_range(written) == expanded


@pytest.mark.parametrize("short, full, expected", [
    pytest.param("J. Appl. Behav. Stud.", "Journal of Applied Behavioral Studies", True, id="ISO 4 with dots"),
    pytest.param("Asian J Soc Sci", "Asian Journal of Social Science", True, id="NLM without dots"),
    pytest.param("Natl Sci Rev", "National Science Review", True, id="a contraction keeps its letters in order"),
    pytest.param("J Soc Hist", "Journal of Economic History", False, id="another journal"),
    pytest.param("Journal of Things", "Journal of Things", False, id="the same title is no abbreviation"),
])
def test_journal_abbreviations(short, full, expected):
    assert is_abbreviation(short, full) is expected


def test_the_readme_explains_every_rule(repository):
    # The rules are the CamelCase strings the correction steps give a Change.
    sources = [repository / "refmanager" / "ingest" / name for name in ("reconcile.py", "author_corrections.py")]
    rules = {rule for path in sources for rule in re.findall(r'"([A-Z][a-z]+(?:[A-Z][a-z]+)+)"', path.read_text("utf-8"))}
    readme = (repository / "README.md").read_text(encoding="utf-8")
    assert len(rules) >= 20
    assert sorted(rule for rule in rules if f"`{rule}`" not in readme) == []
