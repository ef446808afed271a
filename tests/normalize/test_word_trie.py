"""The trie pattern of many words finds what their longest-first alternation finds."""

from __future__ import annotations

import random
import re

import pytest

from refmanager.normalize.word_trie import longest_word_pattern

# As ProtectTitleWords searches: a word not inside a longer run of word characters.
AROUND = r"(?<![\w>])({})(?![\w<])"


def alternation(words) -> re.Pattern:
    return re.compile(AROUND.format("|".join(sorted(map(re.escape, words), key=len, reverse=True))))


def trie(words) -> re.Pattern:
    return re.compile(AROUND.format(longest_word_pattern(words)))


@pytest.mark.parametrize("words, text, found", [
    ({"Bi", "BiLSTM", "BERT"}, "BiLSTM and Bi BERTs", ["BiLSTM", "Bi"]),
    ({"C++", "C"}, "C++ or C", ["C++", "C"]),  # the longest, escaped
    ({"New York", "New"}, "New York, New Yorker", ["New York", "New"]),  # gives way when a letter follows
    ({"a.b"}, "axb a.b", ["a.b"]),  # a dot is a dot
])
def test_the_longest_word_that_ends_at_a_boundary_is_found(words, text, found):
    assert trie(words).findall(text) == found == alternation(words).findall(text)


def test_every_match_is_the_alternations_on_overlapping_words():
    generator = random.Random(7)
    for _ in range(2000):
        words = {"".join(generator.choice("ab+ <") for _ in range(generator.randint(1, 4)))
                 for _ in range(generator.randint(1, 8))}
        for _ in range(10):
            text = "".join(generator.choice("ab+ <>c") for _ in range(generator.randint(0, 12)))
            assert trie(words).sub(r"[\1]", text) == alternation(words).sub(r"[\1]", text), (words, text)


def test_a_very_long_word_is_searched_as_a_plain_alternation():
    words = {"a" * length for length in range(1, 2000)}  # a trie that deep would exceed the recursion
    assert trie(words).findall("a" * 1500 + " b") == ["a" * 1500]


def test_no_words_match_nothing():
    assert re.search(longest_word_pattern([]), "anything") is None
