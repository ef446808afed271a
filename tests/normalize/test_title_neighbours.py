"""Tests for refmanager/normalize/title_neighbours.py, through sentence casing.

Titles are of the shapes found in ../shared/bench/bigbib/personal-library-17k.bib
(an MMWR report "... - United States, March 1, 2020-June 28, 2021") and in the
soft-power literature of ../shared/seed (the Soviet Union, the Cold War, the South
Caucasus); each has a twin where the same words are common words.
"""

from __future__ import annotations

import pytest

from refmanager.normalize.titles import sentence_case


@pytest.mark.parametrize("title, expected", [
    pytest.param("Diabetes Among Persons Aged <18 Years - United States, March 1, 2020-June 28, 2021",
                 "Diabetes among persons aged <18 years - United States, March 1, 2020-June 28, 2021",
                 id="a country of two words and a month before its day keep their capitals"),
    pytest.param("Russia and the Soviet Union in the Cold War", "Russia and the Soviet Union in the Cold War",
                 id="the Soviet Union and the Cold War are names"),
    pytest.param("Elections of 1 May 2020 in Bosnia and Herzegovina",
                 "Elections of 1 May 2020 in Bosnia and Herzegovina",
                 id="a month after its day, and a name with a lower-case word inside"),
    pytest.param("Soft Power in the South Caucasus and Central Asia",
                 "Soft power in the South Caucasus and Central Asia",
                 id="compass words before a region's name"),
])
def test_words_of_a_name_keep_their_capitals(title, expected):
    assert sentence_case(title) == expected


@pytest.mark.parametrize("title, expected", [
    pytest.param("A United Front: They March On", "A united front: They march on",
                 id="united and march alone are common words"),
    pytest.param("The Soviet Threat and the Union", "The Soviet threat and the union",
                 id="a word of a name apart from the rest of it is a word"),
    pytest.param("The Power of the South", "The power of the south", id="a compass word alone is a word"),
])
def test_the_same_words_alone_are_lowered(title, expected):
    assert sentence_case(title) == expected
