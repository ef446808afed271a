"""The library API of rendering: format_bibliography, format_citation, cite_report.

The items are small invented CSL-JSON items; what the assertions check are
rules of the official styles (APA sorts by author and adds 2019a/2019b,
leaves personal communications out of the reference list; Chicago notes has
a full first note and a short subsequent one), not exact strings, which
test_golden.py compares with citeproc-js.
"""

from __future__ import annotations

import pytest

import refmanager
from refmanager.errors import InputError, UnknownStyleError
from refmanager.render import api, repository

ZHANG = {"id": "zhang", "type": "book", "title": "Rivers of the north",
         "author": [{"family": "Zhang", "given": "Wei"}], "issued": {"date-parts": [[2010]]},
         "publisher": "Polity"}
SALT_MARSH = {"id": "adams-salt", "type": "article-journal", "title": "Salt marsh accretion",
           "author": [{"family": "Adams", "given": "Ruth"}], "issued": {"date-parts": [[2019]]},
           "container-title": "Geomorphology", "volume": "12", "page": "1-9"}
DUNES = {"id": "adams-dune", "type": "article-journal", "title": "Dune restoration",
           "author": [{"family": "Adams", "given": "Ruth"}], "issued": {"date-parts": [[2019]]},
           "container-title": "Geomorphology", "volume": "12", "page": "10-19"}
INTERVIEW = {"id": "talk", "type": "personal_communication", "title": "Letter",
             "author": [{"family": "Okafor", "given": "Kwame"}], "issued": {"date-parts": [[2020, 2, 11]]}}
ITEMS = [ZHANG, SALT_MARSH, DUNES]


def test_the_bibliography_is_in_the_styles_order_with_one_entry_per_item():
    entries = api.format_bibliography(ITEMS, style="apa")
    assert len(entries) == 3
    assert entries[0].startswith("Adams") and entries[-1].startswith("Zhang")


def test_the_same_author_and_year_get_letters_across_the_whole_input():
    # APA: works of one author in one year are ordered by title and lettered.
    entries = api.format_bibliography(ITEMS, style="apa")
    assert "2019a" in entries[0] and "Dune restoration" in entries[0]
    assert "2019b" in entries[1] and "Salt marsh" in entries[1]


def test_html_output_marks_the_book_title_in_italics():
    [entry] = api.format_bibliography([ZHANG], style="apa", format="html")
    assert "<i>Rivers of the north</i>" in entry


def test_records_read_from_a_file_are_formatted(library):
    document = refmanager.load(str(library / "soft-power.bib"))
    entries = api.format_bibliography(document, style="apa")
    assert len(entries) == len(document.records)
    assert any("Nye" in entry and "Soft power" in entry for entry in entries)


def test_one_citation_cites_the_given_keys():
    citation = api.format_citation(ITEMS, style="apa", keys=["zhang", "adams-dune"])
    assert "Zhang" in citation and "Adams" in citation and "2010" in citation


def test_a_citation_of_an_unknown_key_fails():
    with pytest.raises(InputError, match="nobody"):
        api.format_citation(ITEMS, keys=["nobody"])


def test_cite_report_has_a_row_per_item_in_input_order():
    rows = api.cite_report(ITEMS, style="apa")
    assert [row["id"] for row in rows] == ["zhang", "adams-salt", "adams-dune"]
    assert rows[0]["citation"] == "(Zhang, 2010)"
    assert "2019b" in rows[1]["citation"] and "2019a" in rows[2]["citation"]
    assert rows[0]["bibliography"].startswith("Zhang, W. (2010)")


def test_an_item_the_style_leaves_out_has_an_empty_bibliography_entry():
    # APA cites personal communications in the text only.
    rows = {row["id"]: row for row in api.cite_report([ZHANG, INTERVIEW], style="apa")}
    assert rows["talk"]["bibliography"] == ""
    assert "personal communication" in rows["talk"]["citation"]
    assert rows["zhang"]["bibliography"]


def test_a_note_style_reports_the_first_note_and_the_short_note():
    [row] = api.cite_report([ZHANG], style="chicago-notes-bibliography")
    assert "Wei Zhang" in row["citation"] and "Polity" in row["citation"]
    assert row["short_note"].startswith("Zhang") and "Polity" not in row["short_note"]
    assert row["bibliography"].startswith("Zhang, Wei")


def test_a_dependent_styles_locale_reaches_the_processor(monkeypatch):
    seen = {}

    class Recorder:
        def __init__(self, style, items, locale=None):
            seen["locale"] = locale

    monkeypatch.setattr("refmanager.render.processor.CitationProcessor", Recorder)
    german = next(info for info in repository.list_styles()
                  if info.parent and info.default_locale == "de-DE")
    api.formatter([ZHANG], style=german.id)
    assert seen["locale"] == "de-DE"
    api.formatter([ZHANG], style=german.id, locale="fr-FR")
    assert seen["locale"] == "fr-FR"  # the caller's locale wins


@pytest.mark.parametrize("call", [
    lambda: api.format_bibliography(ITEMS, style="no-such-style"),
    lambda: api.cite_report(ITEMS, style="apa-7th-editon"),
], ids=["an unknown style in format_bibliography", "a misspelt style in cite_report"])
def test_an_unknown_style_fails_with_a_style_error(call):
    with pytest.raises(UnknownStyleError):
        call()


def test_an_unknown_format_fails_before_rendering():
    with pytest.raises(InputError, match="rtf"):
        api.format_bibliography(ITEMS, format="rtf")


# ---------------------------------------------------------------- for the command line

def test_arguments_that_name_paths_are_files_and_the_rest_keys(library):
    paths, keys = api.split_arguments([str(library / "soft-power.bib"), "nye2004book", "-"])
    assert paths == [str(library / "soft-power.bib"), "-"] and keys == ["nye2004book"]


def test_arguments_without_a_file_fail():
    with pytest.raises(InputError, match="no such file"):
        api.split_arguments(["missing.bib"])


def test_load_records_keeps_the_chosen_keys_in_file_order(library):
    records, problems, merged = api.load_records([str(library / "soft-power.bib")], ["nye2004book", "nye1990fp"])
    assert [record.key for record in records] == ["nye1990fp", "nye2004book"]
    assert problems == [] and merged == 0


def test_load_records_of_a_folder_gives_each_work_once(library):
    records, _, merged = api.load_records([str(library)])
    # 28 works in three exports each, and the seed article's front matter.
    assert (len(records), merged) == (29, 56)
    again, _, none_merged = api.load_records([str(library)], dedupe=False)
    assert (len(again), none_merged) == (85, 0)


def test_a_merged_record_answers_to_the_keys_it_was_merged_from(library, tmp_path):
    renamed = tmp_path / "renamed.ris"
    renamed.write_text((library / "soft-power.ris").read_text(encoding="utf-8").replace(
        "ID  - nye1990fp", "ID  - nye-foreign-policy-1990"), encoding="utf-8")
    records, _, _ = api.load_records([str(library / "soft-power.bib"), str(renamed)], ["nye-foreign-policy-1990"])
    assert [record.key for record in records] == ["nye1990fp"]


def test_load_records_suggests_a_close_key(library):
    with pytest.raises(InputError, match="nye2004book"):
        api.load_records([str(library / "soft-power.bib")], ["nye2004bok"])


@pytest.mark.parametrize("path, format, terminal, expected", [
    ("out.html", None, False, "html"),
    ("out.md", None, False, "markdown"),
    ("out.tex", None, False, "latex"),
    ("out.txt", None, True, "text"),
    ("out.html", "text", False, "text"),
    (None, None, True, "terminal"),
    (None, None, False, "text"),
], ids=["html from the extension", "markdown from .md", "latex from .tex", "text from .txt",
        "a named format wins over the extension", "a terminal gets the terminal backend",
        "a pipe gets plain text"])
def test_the_output_format_follows_the_option_the_extension_or_the_terminal(path, format, terminal, expected):
    assert api.output_format(path, format, terminal) == expected


def test_an_output_extension_without_a_format_fails():
    with pytest.raises(InputError, match="--format"):
        api.output_format("out.docx", None, False)
