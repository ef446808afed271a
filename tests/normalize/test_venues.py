"""Tests for refmanager/normalize/venues.py and journals.py: journal titles from the
shipped list (refmanager/normalize/data/journals.tsv.gz), venue variants, series keys."""

from __future__ import annotations

import gzip
from importlib import resources

import pytest

from refmanager.model import Document, Record, RecordId
from refmanager.normalize import NormalizeConfig
from refmanager.normalize.journals import COLUMNS, abbreviation_key, load_journals, title_key
from refmanager.normalize.pipeline import Pipeline, run_pipeline
from refmanager.normalize.venues import ClusterVenueVariants, NormalizeJournalTitle, venue_series_key


def journal_fix(title: str, config: NormalizeConfig = NormalizeConfig(), kind: str = "article-journal"):
    record = Record("key", type=kind, container_title=title)
    step = NormalizeJournalTitle()
    step.prepare([record], config)
    changes = list(step.check(RecordId("t.bib", 0, "key"), record))
    return changes[0].new if changes else None


@pytest.mark.parametrize("title, expected", [
    ("J. Appl. Log.", "Journal of Applied Logic"),
    ("J Am Chem Soc", "Journal of the American Chemical Society"),
    ("PEDIATRICS", "Pediatrics"),
    ("Journal of Memory and Language", None),
    ("Seeds", None),
    ("Eur. Phys. J. B", None),
    ("Journal of Things Nobody Lists", None),
    # personal-library-17k.bib wrote "AI & SOCIETY"; the UBC list says "AI And Society"
    ("AI & SOCIETY", "AI & Society"),
    ("ADVANCES IN ASTROBIOLOGY AND BIOGEOPHYSICS", "Advances in Astrobiology and Biogeophysics"),
    ("APPLIED IN VITRO TOXICOLOGY", "Applied In Vitro Toxicology"),
], ids=["a dotted abbreviation is written out", "a MEDLINE abbreviation is written out",
        "a title in capitals takes the list's spelling", "a listed title as the user cased it is kept",
        "a one-word title is no abbreviation", "an abbreviation of several journals is left",
        "an unknown journal is left", "a title in capitals keeps its ampersand",
        "a list that capitalises every word is read in headline style", "a Latin phrase keeps its capitals"])
def test_journal_titles(title, expected):
    assert journal_fix(title) == expected


def test_full_titles_are_abbreviated_on_request():
    assert journal_fix("Statistical Science", NormalizeConfig(journal_abbrev="iso4")) == "Stat. Sci."


def test_a_leading_the_can_be_dropped():
    assert journal_fix("THE LANCET", NormalizeConfig(leading_the="drop")) == "Lancet"


def test_a_conference_paper_s_container_is_not_a_journal():
    assert journal_fix("J. Appl. Log.", kind="paper-conference") is None


def test_an_authority_file_wins_over_the_shipped_list(tmp_path):
    authority = tmp_path / "venues.tsv"
    authority.write_text("# our house list\nEuropean Physical Journal B\tEur. Phys. J. B\n", encoding="utf-8")
    assert journal_fix("Eur. Phys. J. B", NormalizeConfig(venue_authority=str(authority))) == "European Physical Journal B"
    assert load_journals(str(authority)).preferred("european physical journal b").source == str(authority)


def test_the_shipped_keys_are_the_ones_the_code_computes():
    data = resources.files("refmanager.normalize").joinpath("data/journals.tsv.gz").read_bytes()
    lines = gzip.decompress(data).decode("utf-8").splitlines()
    assert lines[0].split("\t") == list(COLUMNS)
    for line in lines[1::97]:  # a sample across the file
        title, iso4, others, _, key, keys = line.split("\t")
        assert key == title_key(title)
        assert keys.split("|") == [abbreviation_key(each) for each in filter(None, [iso4, *others.split("|")])]


@pytest.mark.parametrize("title", [
    "Proceedings of the 57th Annual Meeting of the Association for Computational Linguistics",
    "Proceedings of the 58th Annual Meeting of the Association for Computational Linguistics: System Demonstrations",
    "Proc. of ACL", "ACL 2019", "Proceedings of ACL",
], ids=["the full proceedings title", "another year's volume", "an abbreviated proceedings title",
        "acronym and year", "proceedings of the acronym"])
def test_one_conference_series_has_one_key(title):
    assert venue_series_key(title) == "acl"


def test_different_conferences_have_different_keys():
    assert venue_series_key("International Conference on Machine Learning") == venue_series_key("ICML")
    assert venue_series_key("ICML") != venue_series_key("ACL 2019")


def test_spelling_variants_of_a_venue_are_suggested_as_the_usual_one():
    records = [Record(f"r{index}", container_title=title) for index, title in
               enumerate(["Foundations of Digital Games", "Foundations of Digital Games", "Foundations Of Digital Games"])]
    changes = run_pipeline(Pipeline([ClusterVenueVariants()]), Document("t.bib", "bibtex", records), NormalizeConfig()).changes
    assert [(change.record.key, change.new, change.confidence) for change in changes] == [
        ("r2", "Foundations of Digital Games", 0.5)]
    assert changes[0].evidence == "2 record(s) write 'Foundations of Digital Games'"
