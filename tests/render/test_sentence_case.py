"""Tests for refmanager/render/sentence_case.py: which items APA's sentence case
converts, which of their titles, and the words the input teaches. Titles come from
library/soft-power.bib and .ris."""

from __future__ import annotations

import pytest

import refmanager
from refmanager.errors import InputError
from refmanager.render.api import cite_report, format_bibliography, format_citation
from refmanager.render.records import items_from_records
from refmanager.render.sentence_case import protected_words_of

NOCASE = '<span class="nocase">'
BIBTEX = """@article{tsygankov2006,
  author = {Tsygankov, Andrei P.}, year = {2006}, journal = {Europe-Asia Studies},
  title = {If Not by Tanks, then by Banks? {The} Role of Soft Power in {Putin}'s Foreign Policy}}
@incollection{lankina2015,
  author = {Lankina, Tomila}, year = {2015}, editor = {Cadier, David},
  title = {{Russia}'s Foreign Policy and Soft Power},
  booktitle = {{Russia}'s Foreign Policy: Ideas, Domestic Politics and External Relations},
  publisher = {Palgrave Macmillan}}
"""
RIS = "TY  - JOUR\nID  - hill2006\nTI  - Moscow Discovers Soft Power\nT2  - Current History\nPY  - 2006\nER  - \n"
CSL_JSON = '[{"id": "nye2004", "type": "book", "title": "Soft Power: The Means to Success"}]'


def records():
    return (refmanager.loads(BIBTEX, "bibtex").records + refmanager.loads(RIS, "ris").records
            + refmanager.loads(CSL_JSON, "csljson").records)


def titles(sentence_case) -> dict[str, tuple[str, str]]:
    return {item["id"]: (item.get("title"), item.get("container-title"))
            for item in items_from_records(records(), sentence_case)}


@pytest.mark.parametrize("choice, converted", [
    (None, set()), (False, set()), (True, {"tsygankov2006", "lankina2015", "hill2006"}),
    ("all", {"tsygankov2006", "lankina2015", "hill2006", "nye2004"}),
], ids=["None converts nothing", "False converts nothing",
        "True converts the records from BibTeX and RIS, not CSL-JSON", "'all' converts CSL-JSON too"])
def test_which_records_are_converted(choice, converted):
    stored, cased = titles(None), titles(choice)
    assert {key for key in stored if stored[key] != cased[key]} == converted


def test_a_title_keeps_its_braced_words_and_a_subtitle_its_capital():
    title, _ = titles(True)["tsygankov2006"]
    assert title == (f"If not by tanks, then by banks? {NOCASE}The</span> role of soft power in "
                     f"{NOCASE}Putin</span>'s foreign policy")


def test_a_chapter_s_book_title_is_converted_and_a_journal_s_name_is_not():
    assert titles(True)["lankina2015"][1] == (f"{NOCASE}Russia</span>'s foreign policy: "
                                              "Ideas, domestic politics and external relations")
    assert titles(True)["hill2006"] == ("Moscow discovers soft power", "Current History")


def test_a_legal_case_keeps_its_name():
    case = {"id": "brown", "type": "legal_case", "title": "Brown v. Board of Education"}
    assert items_from_records([case], "all")[0]["title"] == "Brown v. Board of Education"


def test_words_braced_in_one_bibtex_entry_hold_in_the_ris_records_beside_it():
    # Gazprom is in no shipped list: the BibTeX entry teaches it.
    bibtex = "@article{a, title = {{Gazprom}'s Soft Power Strategy}, year = {2013}}"
    ris = "TY  - JOUR\nID  - b\nTI  - Soft Power Comes to Gazprom\nPY  - 2010\nER  - \n"
    mixed = refmanager.loads(bibtex, "bibtex").records + refmanager.loads(ris, "ris").records
    assert items_from_records(mixed, True)[1]["title"] == "Soft power comes to Gazprom"
    assert items_from_records(refmanager.loads(ris, "ris").records, True)[0]["title"] == \
        "Soft power comes to gazprom"


def test_protected_words_of_skips_braced_minor_words_and_phrases():
    learned = protected_words_of([f"{NOCASE}The</span> Role of {NOCASE}Putin</span>",
                                  f"{NOCASE}Soft Power</span>"])
    assert learned == {"Putin"}


def test_the_render_api_takes_the_option():
    assert format_bibliography(records()[2:3], "apa", sentence_case=True) == [
        "Moscow discovers soft power. (2006). Current History."]
    assert format_bibliography(records()[2:3], "apa") == ["Moscow Discovers Soft Power. (2006). Current History."]
    assert "Moscow discovers soft power" in cite_report(records()[2:3], "apa", sentence_case=True)[0]["bibliography"]
    # APA's in-text title is in title case, whatever the reference list does
    assert format_citation(records()[2:3], "apa", sentence_case=True) == "(“Moscow Discovers Soft Power,” 2006)"


def test_an_unknown_choice_is_an_input_error():
    with pytest.raises(InputError, match="sentence_case must be one of"):
        format_bibliography(records(), "apa", sentence_case="yes")


def test_an_article_s_front_matter_is_converted_too(library):
    from refmanager.render.api import load_records

    records, _problems, _merged = load_records([str(library / "alipour-gorji-2024.md")])
    [item] = items_from_records(records, True)
    assert item["title"] == "The status of soft power in Russian foreign policy toward Southern Caucasus"


@pytest.mark.parametrize("language, converted", [
    ("german", False), ("de", False), ("english", True), ("en-GB", True), ("", True),
], ids=["a German title keeps its nouns' capitals", "so does one marked de",
        "an English one is converted", "so is one marked en-GB", "so is one of no language"])
def test_only_english_titles_are_converted(language, converted):
    entry = "@book{a, title = {Die Entwicklung Der Stadt}, year = {2001}"
    entry += f", language = {{{language}}}}}" if language else "}"
    [item] = items_from_records(refmanager.loads(entry, "bibtex").records, True)
    assert (item["title"] == "Die entwicklung der stadt") is converted


# Made up after the Warhammer books of personal-library-17k.bib, whose APA entries from
# the BibTeX lowered "Warhammer" while those from its RIS (subtitles joined) kept it.
WARHAMMER_SUBTITLES = [("Miniatures", "Notes on painting Warhammer armies"),
                       ("Terrain", "Building hills for Warhammer battles"),
                       ("Campaigns", "Linked games of Warhammer for a club")]


def test_a_bibtex_file_teaches_the_words_of_its_subtitles_as_its_ris_does():
    bibtex = "".join(f"@book{{b{n}, title = {{{title}}}, subtitle = {{{subtitle}}}, year = 1990}}\n"
                     for n, (title, subtitle) in enumerate(WARHAMMER_SUBTITLES))
    bibtex += "@book{official, title = {Official Warhammer Amendments}, year = 1984}\n"
    ris = "".join(f"TY  - BOOK\nID  - b{n}\nTI  - {title}: {subtitle}\nPY  - 1990\nER  - \n"
                  for n, (title, subtitle) in enumerate(WARHAMMER_SUBTITLES))
    ris += "TY  - BOOK\nID  - official\nTI  - Official Warhammer Amendments\nPY  - 1984\nER  - \n"
    from_bibtex, from_ris = ([item["title"] for item in items_from_records(records, True)]
                             for records in (refmanager.loads(bibtex, "bibtex").records,
                                             refmanager.loads(ris, "ris").records))
    assert from_bibtex == from_ris
    assert from_bibtex[-1] == "Official Warhammer amendments"
