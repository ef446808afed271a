"""Tests for refmanager/normalize/config.py: refman.toml and [tool.refman]."""

from __future__ import annotations

import pytest

from refmanager.errors import InputError
from refmanager.normalize.config import find_config, load_config


def test_settings_are_read_from_pyproject_in_a_folder_above(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.refman]\ndisable = ["FixNameCase"]\nthreshold = 0.5\n'
        'protected-words = ["NATO"]\njournal-abbrev = "iso4"\nvenue-authority = "venues.tsv"\n')
    inner = tmp_path / "papers" / "2024"
    inner.mkdir(parents=True)
    config = load_config(find_config(inner))
    assert config.disabled == {"FixNameCase"} and config.threshold == 0.5
    assert config.protected_words == ("NATO",) and config.journal_abbrev == "iso4"
    assert config.venue_authority == str(tmp_path / "venues.tsv")


def test_refman_toml_wins_over_pyproject_in_the_same_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.refman]\nthreshold = 0.5\n")
    (tmp_path / "refman.toml").write_text("threshold = 0.7\n")
    assert load_config(find_config(tmp_path)).threshold == 0.7


def test_a_pyproject_without_the_table_is_not_a_configuration(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert find_config(tmp_path) is None or find_config(tmp_path).parent != tmp_path


@pytest.mark.parametrize("text, message", [
    ("thresold = 0.5\n", "unknown setting 'thresold'"),
    ('journal-abbrev = "medline"\n', "journal-abbrev must be one of"),
    ("threshold = \n", "cannot read the configuration"),
], ids=["a misspelt setting is named", "an unknown abbreviation policy is refused",
        "broken TOML is reported with the file"])
def test_bad_settings_are_one_line_errors(tmp_path, text, message):
    path = tmp_path / "refman.toml"
    path.write_text(text)
    with pytest.raises(InputError, match=message) as raised:
        load_config(path)
    assert str(path) in str(raised.value)


def test_the_review_file_is_found_beside_the_configuration(tmp_path):
    (tmp_path / "refman.toml").write_text('review = "refman-review.json"\n')
    inner = tmp_path / "papers"
    inner.mkdir()
    assert load_config(find_config(inner)).review == str(tmp_path / "refman-review.json")
