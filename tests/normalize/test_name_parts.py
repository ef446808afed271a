"""Tests for refmanager/normalize/name_parts.py: the words of a name."""

from __future__ import annotations

import pytest

from refmanager.normalize.name_parts import capitalise_name_word, fold, is_initials, needs_case_repair


@pytest.mark.parametrize("word, expected", [
    ("mcdonald", "McDonald"), ("o'neil", "O'Neil"), ("macarthur", "MacArthur"), ("mackey", "Mackey"),
    ("d'alembert", "d'Alembert"), ("al-hakim", "al-Hakim"), ("jean-paul", "Jean-Paul"), ("ÖZTÜRK", "Öztürk"),
], ids=["Mc", "O'", "a Scottish Mac", "Mack is not Mac", "d' particle", "al- particle", "a hyphenated name", "accented capitals"])
def test_capitalise_name_word(word, expected):
    assert capitalise_name_word(word) == expected


@pytest.mark.parametrize("text, expected", [
    ("SMITH", True), ("smith", True), ("Smith", False), ("DeGette", False), ("J.", False), ("毛泽东", False),
], ids=["capitals", "lower case", "name case", "deliberate inner capital", "an initial", "no case in the script"])
def test_needs_case_repair(text, expected):
    assert needs_case_repair(text) is expected


def test_fold_removes_accents_case_and_punctuation():
    assert (fold("Müller"), fold("Ö."), fold("STRAßE")) == ("muller", "o", "strasse")


def test_initials():
    assert is_initials("A. G.") and is_initials("J.-P.") and not is_initials("John")
