"""BibTeX for Zotero: only what BibTeX.js reads (research file, sections 4.1 and 5.2),
in UTF-8, checked on the export of the varied set."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import refmanager
from refmanager.zotero import export
from refmanager.zotero.bibtex import IMPORTED_TYPES

VARIED = Path(__file__).with_name("data") / "varied.json"

# The fields BibTeX.js reads into a Zotero field, an Extra line or a note (the table
# of section 4.1); anything else it ignores.
ZOTERO_READS = {
    "title", "shorttitle", "author", "editor", "translator", "journal", "journaltitle",
    "shortjournal", "booktitle", "date", "year", "month", "day", "pages", "pagetotal", "number",
    "issue", "volume", "edition", "series", "version", "type", "chapter", "publisher", "school",
    "institution", "organization", "address", "eventtitle", "isbn", "issn", "doi", "url",
    "abstract", "language", "keywords", "urldate", "note", "pmid", "pmcid",
}


@pytest.fixture(scope="module")
def exported():
    return export(refmanager.load(str(VARIED)), "bibtex")


@pytest.fixture(scope="module")
def entries(exported) -> dict[str, str]:
    return {match.group(2): match.group(0)
            for match in re.finditer(r"^@(\w+)\{([^,]+),\n.*?^\}$", exported.text, re.M | re.S)}


def fields_of(entry: str) -> list[str]:
    return re.findall(r"^  (\w+) = ", entry, re.M)


def test_every_entry_type_is_one_bibtex_js_imports(entries):
    types = {entry[1:entry.index("{")] for entry in entries.values()}
    assert types <= set(IMPORTED_TYPES)
    assert "dataset" not in types  # BibTeX.js drops a @dataset without a word


def test_every_field_is_one_bibtex_js_reads(entries):
    for key, entry in entries.items():
        assert set(fields_of(entry)) <= ZOTERO_READS, key


def test_no_entry_has_both_journal_and_journaltitle(entries):
    for entry in entries.values():
        assert not {"journal", "journaltitle"} <= set(fields_of(entry))


def test_each_entry_header_is_on_a_line_of_its_own(exported):
    # Zotero tells a BibTeX file by a line starting with @type{ (a % ends the line for it).
    headers = [line for line in exported.text.splitlines() if line.startswith("@")]
    assert len(headers) == len(exported.text.split("\n@")) and all(
        re.fullmatch(r"@\w+\{[^,\s]+,", line) for line in headers)


@pytest.mark.parametrize("key, line", [
    pytest.param("mueller2021", "author = {Müller, Jürgen and van der Berg, Anna and Øverby, Ingrid},",
                 id="names are UTF-8, not accent macros, particles in the last name"),
    pytest.param("nguyen2019", "author = {Nguyễn, Văn An and 王, 小明},", id="stacked accents and CJK as they are"),
    pytest.param("mueller2021", "language = {en},", id="language as an ISO code, not langid"),
    pytest.param("garcia2017ma", "language = {es},", id="a language name becomes its code"),
    pytest.param("mueller2021", "journal = {Journal of Molecular Biology},", id="the journal in journal"),
    pytest.param("mueller2021", "shortjournal = {J. Mol. Biol.},", id="its abbreviation in shortjournal"),
    pytest.param("mueller2021", "number = {7},", id="an article's issue in number"),
    pytest.param("mueller2021", "day = {15},", id="the day of the month, which Zotero keeps"),
    pytest.param("mueller2021", "month = mar,", id="the month as a macro"),
    pytest.param("mueller2021", "urldate = {2024-01-09},", id="the access date in urldate"),
    pytest.param("mueller2021", "pages = {166--181},", id="a page range with --"),
    pytest.param("mueller2021", r"abstract = {Costs rose 5\% \& yields fell; sets \{a, b\} were compared.},",
                 id="& % { } escaped as BibTeX.js reads them back"),
    pytest.param("isotopes2022", r"title = {\textit{In vivo} $^{13}$C tracing of \textbf{glucose} uptake},",
                 id="italics, bold, and superscripts in math mode that BibTeX.js turns into sup"),
    pytest.param("doe2005chapter", "author = {Doe, Jr., John},", id="a suffix as von Last, Jr, First"),
    pytest.param("lee2020conf", "eventtitle = {JCDL 2020},", id="the conference in eventtitle"),
    pytest.param("lee2020conf", "booktitle = {Proceedings of the 12th Conference on Digital Libraries},",
                 id="the proceedings in booktitle"),
    pytest.param("smith2018phd", "school = {University of Cambridge},", id="a thesis's university in school"),
    pytest.param("smith2018phd", "type = {PhD thesis},", id="a readable thesis type, not a biblatex key"),
    pytest.param("who2019report", "institution = {WHO},", id="a report's institution"),
    pytest.param("who2019report", "number = {WHO/HIS/2019.1},", id="a report's number"),
    pytest.param("who2019report", "author = {{World Health Organization}},", id="an organisation braced whole"),
    pytest.param("python2023docs", "booktitle = {Python documentation},", id="a web page's site, for websiteTitle"),
    pytest.param("kuhn1962", "series = {Foundations of the Unity of Science},", id="a book's series"),
    pytest.param("kuhn1962", "pagetotal = {210},", id="a book's number of pages in pagetotal"),
    pytest.param("kuhn1962", "keywords = {philosophy of science, paradigms},", id="keywords, comma separated"),
])
def test_the_field_is_written_as_zotero_reads_it(entries, key, line):
    assert "  " + line in entries[key].splitlines()


@pytest.mark.parametrize("key, type_", [
    ("python2023docs", "online"), ("numpy2020", "software"), ("film1999", "movie"),
    ("census2021", "misc"), ("encyc2010", "inreference"), ("draft2024", "unpublished"),
], ids=lambda value: value)
def test_types_go_to_the_entry_types_zotero_knows(entries, key, type_):
    assert entries[key].startswith(f"@{type_}{{")


def test_a_dropping_particle_ends_the_given_name(entries):
    # Zotero's place for it (zotero/zotero PR #848); "van Beethoven, Ludwig" would put it
    # in the last name. The chapter's book author goes to the note: BibTeX.js drops bookauthor.
    assert "container-author: Beethoven, Ludwig van" in entries["doe2005chapter"]


def test_a_field_bibtex_js_drops_goes_into_the_note(entries, exported):
    assert "collection-editor: Smith, Jane" in entries["kuhn1962"]
    assert "collection-editor" not in fields_of(entries["kuhn1962"])
    moved = {loss.field for loss in exported.losses if loss.key == "kuhn1962"}
    assert {"collection-editor", "number-of-volumes"} <= moved


def test_characters_zotero_cannot_read_back_are_reported(exported):
    dollars = {loss.field for loss in exported.losses
               if loss.key == "nguyen2019" and "'$'" in loss.detail}
    assert dollars == {"title", "abstract"}


def test_case_protection_is_reported_as_changed(exported):
    assert any(loss.key == "mueller2021" and loss.field == "title" and "case protection" in loss.detail
               for loss in exported.losses)


def test_a_sources_own_fields_pass_through_when_bibtex_js_reads_them():
    source = """@article{a,
  title = {T},
  file = {:a.pdf:PDF},
  langid = {english},
  venue = {Somewhere},
  foo = {bar},
}
"""
    exported = export(refmanager.loads(source, "bibtex"), "bibtex")
    assert "  file = {:a.pdf:PDF},\n" in exported.text  # an attachment in Zotero desktop
    assert "  language = {en},\n" in exported.text and "langid" not in exported.text
    assert "foo" not in exported.text
    assert ("a", "bibtex:foo") in {(loss.key, loss.field) for loss in exported.losses}


@pytest.mark.parametrize("item", [
    pytest.param('{"id": "a, b", "type": "book", "title": "T"}', id="a key with a comma"),
    pytest.param('{"id": "a", "type": "book", "title": "T}, note = {x"}', id="a title that closes its brace"),
    pytest.param('{"id": "a", "type": "webpage", "title": "T", "URL": "https://x.org/}a{"}',
                 id="a URL with braces"),
    pytest.param('{"id": "a", "type": "book", "title": "T \\\\ and \\\\}"}', id="backslashes before a brace"),
])
def test_no_value_breaks_out_of_its_field(item):
    exported = export(refmanager.loads(f"[{item}]", "csljson"), "bibtex")
    back = refmanager.loads(exported.text, "bibtex")
    assert len(back.records) == 1 and not back.all_problems()
    source = refmanager.loads(f"[{item}]", "csljson").records[0]
    assert back.records[0].title == source.title
    assert back.records[0].note == ""


def test_a_doi_the_zotero_type_lacks_is_written_for_zotero_to_put_into_extra(entries, exported):
    assert "  doi = {10.5255/UKDA-SN-1},\n" in entries["census2021"] + "\n"
    assert ("census2021", "DOI", "in Extra") in {(loss.key, loss.field, loss.fate) for loss in exported.losses}


def test_a_biblatex_subtitle_is_joined_to_the_title_as_zotero_joins_it():
    source = "@book{a,\n  title = {Soft Power},\n  subtitle = {The Means to {Success}},\n}\n"
    for format in ("bibtex", "ris", "csljson"):
        exported = export(refmanager.loads(source, "bibtex"), format)
        back = refmanager.loads(exported.text, format).records[0]
        assert back.title == 'Soft Power: The Means to <span class="nocase">Success</span>', format
        assert not any("subtitle" in loss.field for loss in exported.losses)


def test_a_line_of_a_value_that_starts_with_an_at_sign_starts_no_entry():
    document = refmanager.loads('[{"id": "a", "type": "book", "title": "T", '
                                '"abstract": "First.\\n\\n@book(b, and more"}]', "csljson")
    back = refmanager.loads(export(document, "bibtex").text, "bibtex")
    assert len(back.records) == 1 and back.records[0].abstract == "First.\n\n@book(b, and more"
