"""Tests for refmanager/normalize/months.py: misspelt month names read as their month.
The misspellings `septempber` and `septemer` are the ACL Anthology's
(../shared/bench/bigbib/acl-anthology-88k.bib); the others are common slips and the
month names of French and German, which read as the English month they resemble."""

from __future__ import annotations

import re

import pytest

import refmanager
from refmanager import clean as cleaning
from refmanager.changes import apply_changes, verbatim_field
from refmanager.normalize import NormalizeConfig, normalize
from refmanager.normalize.months import SURE, UNSURE, _letters_apart, month_of_misspelling

MONTH_FIELD = verbatim_field("month")


@pytest.mark.parametrize("word, number, confidence", [
    ("septempber", 9, SURE), ("septemer", 9, SURE), ("Septempber", 9, SURE), ("Feburary", 2, SURE),
    ("Ocotber", 10, SURE), ("marhc", 3, SURE), ("octobre", 10, SURE), ("dezember", 12, SURE),
    ("januar", 1, SURE), ("Febr.", 2, UNSURE), ("marc", 3, UNSURE), ("mayo", 5, UNSURE),
    ("Setember", 9, UNSURE), ("juli", 7, UNSURE),
], ids=["the ACL Anthology's septempber", "and its septemer", "in any letter case", "a letter doubled",
        "two letters swapped", "two letters swapped at the end", "French October", "German December",
        "the start of a month's name", "a four-letter start is only suggested",
        "and so is one that may be a name", "a four-letter word one letter off is only suggested",
        "one letter from September but two from December is only suggested",
        "one letter from July but two from June is only suggested"])
def test_a_misspelling_of_one_month_reads_as_that_month(word, number, confidence):
    guess = month_of_misspelling(word)
    assert (guess.number, guess.confidence) == (number, confidence)


@pytest.mark.parametrize("word", [
    "ma", "ju", "jule", "juin", "mars", "marz", "Spring", "sumer", "Fall", "TBA", "forthcoming", "-", "",
    "aug 28th and 29th", "Sept.", "March", "Mai", "Décembre",
], ids=["`ma` starts March and May", "`ju` starts June and July", "`jule` is one letter from both June and July",
        "French June is as near July", "French March is as near May", "so is German März without its umlaut",
        "a season", "a misspelt season", "a season's other name", "an abbreviation that is no month",
        "a word that is no month", "a dash", "nothing", "days as the ACL file writes them",
        "a month BibTeX reads already", "and its full name", "three letters are too few to tell",
        "a word with letters beyond ASCII"])
def test_what_is_not_the_misspelling_of_one_month_is_left_alone(word):
    assert month_of_misspelling(word) is None


@pytest.mark.parametrize("first, second, distance", [
    ("kitten", "sitting", 3), ("septempber", "september", 1), ("ocotber", "october", 1), ("", "may", 3),
    ("may", "may", 0),
], ids=["the textbook case", "a letter inserted", "two letters swapped count once", "from nothing", "the same word"])
def test_letters_apart_count_a_swap_of_neighbours_as_one(first, second, distance):
    assert _letters_apart(first, second) == distance == _letters_apart(second, first)


ENTRY = """@inproceedings{souza-ruiz-2023-lexical,
 title        = {Lexical noun phrase chunking},
 month        = {MONTH},
 year         = {2023},
 address      = {Belo Horizonte, Brazil},
}
"""


def month_changes(text: str) -> list:
    return [change for change in normalize(refmanager.loads(text, "bibtex")) if change.field == MONTH_FIELD]


def test_the_fix_puts_the_month_into_the_date_and_writes_it_as_the_macro():
    text = ENTRY.replace("MONTH", "septempber")
    change, = month_changes(text)
    assert (change.old, change.new, change.rule) == ("{septempber}", "sep", "FixMonthSpelling")
    assert change.evidence == "month as written: 'septempber', one letter from september"
    document = refmanager.loads(text, "bibtex")
    assert apply_changes(document, [change]) == []
    assert document.records[0].dates["issued"].parts == ((2023, 9),)
    assert refmanager.dumps(document, "bibtex").text == text.replace("{septempber}", "sep")


@pytest.mark.parametrize("text", [
    ENTRY.replace("MONTH", "jule"), ENTRY.replace("MONTH", "Summer"), ENTRY.replace(" year         = {2023},\n", "")
    .replace("MONTH", "septempber"), ENTRY.replace("MONTH", "septempber").replace("{2023}", "{2023}, day = {12}"),
], ids=["an ambiguous month", "a season", "a month without a year for the date", "a day kept beside it"])
def test_no_fix_where_the_month_or_the_date_is_in_doubt(text):
    assert month_changes(text) == []


def _clean(source, output, report) -> cleaning.CleanReport:
    result = cleaning.clean([str(source)], apply=True, output=str(output))
    cleaning.write_report(result, str(report))
    return result


def test_a_clean_is_reverted_byte_for_byte_and_a_cleaned_file_is_clean(tmp_path):
    source = tmp_path / "in.bib"
    source.write_text("".join(ENTRY.replace("souza-ruiz-2023-lexical", f"k{n}").replace("MONTH", word)
                              for n, word in enumerate(["septempber", "septemer", "jule", "Setember"])),
                      encoding="utf-8")
    result = _clean(source, tmp_path / "out.bib", tmp_path / "r.json")
    fixed = [change for change in result.files[0].applied if change.field == MONTH_FIELD]
    suggested = [change for change in result.files[0].suggested if change.field == MONTH_FIELD]
    assert [change.record.key for change in fixed] == ["k0", "k1"] and [c.record.key for c in suggested] == ["k3"]
    cleaned = (tmp_path / "out.bib").read_text(encoding="utf-8")
    assert cleaned.count("month        = sep,") == 2 and "{Setember}" in cleaned
    again = cleaning.clean([str(tmp_path / "out.bib")], apply=True, output=str(tmp_path / "again.bib"))
    assert again.files[0].applied == [] and (tmp_path / "again.bib").read_text(encoding="utf-8") == cleaned
    assert cleaning.revert(str(tmp_path / "r.json")).problems == []
    assert (tmp_path / "out.bib").read_bytes() == source.read_bytes()


def test_a_suggestion_is_made_when_suggestions_are_accepted():
    change, = month_changes(ENTRY.replace("MONTH", "Setember"))
    assert change.confidence < NormalizeConfig().threshold and change.new == "sep"


def test_the_acl_anthologys_misspelt_septembers_come_out_as_september(bigbib, tmp_path):
    text = (bigbib / "acl-anthology-88k.bib").read_text(encoding="utf-8")
    entries = [entry for entry in re.split(r"\n(?=@)", text) if re.search(r"month\s*=\s*\{septem(?:p?ber|er)\}", entry)]
    assert len(entries) >= 2  # both misspellings, each on a volume's papers
    source = tmp_path / "acl.bib"
    source.write_text("\n".join(entries) + "\n", encoding="utf-8")
    result = _clean(source, tmp_path / "out.bib", tmp_path / "r.json")
    assert sum(change.field == MONTH_FIELD for change in result.files[0].applied) == len(entries)
    cleaned = refmanager.load(str(tmp_path / "out.bib"))
    assert {record.dates["issued"].parts[0][1] for record in cleaned.records} == {9}
    assert not any("month" in record.foreign.get("bibtex", {}) for record in cleaned.records)
    assert cleaning.revert(str(tmp_path / "r.json")).problems == []
    assert (tmp_path / "out.bib").read_bytes() == source.read_bytes()
