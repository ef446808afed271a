"""Tests for refmanager/normalize/people.py: one person's spellings across a file."""

from __future__ import annotations

import pytest

from refmanager.model import Document, Name, Record, RecordId
from refmanager.normalize import NormalizeConfig
from refmanager.normalize.people import AlignNameSplits, ClusterPersonVariants, compatible, given_tokens
from refmanager.normalize.pipeline import Pipeline, run_pipeline


def run(step, *author_lists):
    records = [Record(f"r{index}", creators={"author": names}) for index, names in enumerate(author_lists)]
    return run_pipeline(Pipeline([step]), Document("t.bib", "bibtex", records), NormalizeConfig()).changes


@pytest.mark.parametrize("shorter, fuller, expected", [
    ("J.", "John A.", True), ("John", "John A.", True), ("J.-P.", "Jean-Paul", True),
    ("Jane", "John", False), ("John A. B.", "John A.", False),
], ids=["an initial abbreviates a name", "a name without its middle initial",
        "hyphenated initials abbreviate a hyphenated name", "two different names", "a longer name is no abbreviation"])
def test_compatible_given_names(shorter, fuller, expected):
    assert compatible(given_tokens(shorter), given_tokens(fuller)) is expected


def test_spellings_of_one_person_are_given_the_fullest_as_suggestions():
    changes = run(ClusterPersonVariants(), [Name("Smith", "J.")], [Name("Smith", "John")],
                  [Name("Smith", "John A.")], [Name("Smith", "John A.")])
    assert [change.record.key for change in changes] == ["r0", "r1"]
    assert all(change.new == [Name("Smith", "John A.")] for change in changes)
    assert all(change.confidence < NormalizeConfig().threshold for change in changes)
    assert "2 record(s) write 'John A. Smith' (r2, r3)" in changes[0].evidence


def test_an_accented_spelling_wins_over_the_plain_one():
    changes = run(ClusterPersonVariants(), [Name("Muller", "Anna")], [Name("Müller", "Anna")])
    assert [change.new for change in changes] == [[Name("Müller", "Anna")]]


def test_two_people_sharing_an_initial_are_left_apart():
    assert run(ClusterPersonVariants(), [Name("Smith", "J.")], [Name("Smith", "John")], [Name("Smith", "Jane")]) == []


def test_a_compound_family_name_split_in_one_record_is_suggested_for_the_others():
    changes = run(AlignNameSplits(), [Name("Alipour Gorji", "Mahmood")], [Name("Gorji", "Mahmood Alipour")])
    assert [(change.record.key, change.new) for change in changes] == [("r1", [Name("Alipour Gorji", "Mahmood")])]
    assert "split it as family 'Alipour Gorji'" in changes[0].evidence


def test_particles_written_differently_are_not_a_different_split():
    assert run(AlignNameSplits(), [Name("Torre", "Leendert", non_dropping_particle="van der")],
               [Name("Van Der Torre", "Leendert")]) == []


@pytest.mark.parametrize("step", [ClusterPersonVariants(), AlignNameSplits()],
                         ids=["variants of a person", "splits of a name"])
def test_records_listed_out_of_file_order_are_still_found_by_their_ids(step):
    # the pipeline lists each record at its position; another caller may not
    records = [Record("a", creators={"author": [Name("Alipour Gorji", "Mahmood")]}),
               Record("b", creators={"author": [Name("Gorji", "Mahmood Alipour"), Name("Smith", "J.")]}),
               Record("c", creators={"author": [Name("Smith", "John")]})]
    identified = [(RecordId("t.bib", position, record.key), record) for position, record in enumerate(records)]
    in_order = [(change.record.key, change.new) for change in step.check_all(identified)]
    reversed_order = [(change.record.key, change.new) for change in step.check_all(identified[::-1])]
    assert in_order and sorted(in_order, key=repr) == sorted(reversed_order, key=repr)


def test_a_split_made_by_one_step_is_seen_by_the_next():
    # With every suggestion made (threshold 0), AlignNameSplits gives r1 the family name
    # `Alipour Gorji` first; the person clusters then count r1 among its spellings.
    records = [Record("r0", creators={"author": [Name("Alipour Gorji", "Mahmood")]}),
               Record("r1", creators={"author": [Name("Gorji", "Mahmood Alipour")]}),
               Record("r2", creators={"author": [Name("Alipour Gorji", "M.")]})]
    changes = run_pipeline(Pipeline([AlignNameSplits(), ClusterPersonVariants()]),
                           Document("t.bib", "bibtex", records), NormalizeConfig(threshold=0.0)).changes
    assert [(change.rule, change.record.key) for change in changes] == [
        ("AlignNameSplits", "r1"), ("ClusterPersonVariants", "r2")]
    assert changes[1].evidence == "2 record(s) write 'Mahmood Alipour Gorji' (r0, r1)"
