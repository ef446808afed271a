"""Tests for refmanager/render/short_titles.py: a title's main part, and the short
titles a named style derives for a set of items."""

from __future__ import annotations

import pytest

from refmanager.errors import InputError
from refmanager.render.short_titles import add_short_titles, main_title

MAIN_TITLES = {
    "a colon ends the main title": ("Bound to Lead: The Changing Nature of American Power", "Bound to Lead"),
    "a question mark ending it stays": ("Who Governs? Democracy and Power in an American City", "Who Governs?"),
    "so does one after a closing quote": ("“Forced to Friendship”? Russian (Mis-)Understandings of Soft Power",
                                          "“Forced to Friendship”?"),
    "a subtitle in sentence case counts": ("Soft power: the means to success", "Soft power"),
    "an italic title before the colon keeps its markup": ("<i>Hamlet</i>: A Study", "<i>Hamlet</i>"),
    "a colon inside an italic title is not a subtitle's": ("A Reading of <i>Bound to Lead: The Changing</i> Today", None),
    "a title without a subtitle has none": ("The Future of Power", None),
    "a colon without a space is not a separator": ("Meeting at 10:30", None),
    "a lower-case word after a question mark goes on the sentence": ("Is it? yes it is", None),
    "nothing before the colon is no main title": (": A Subtitle Alone", None),
}


@pytest.mark.parametrize("title, main", MAIN_TITLES.values(), ids=list(MAIN_TITLES))
def test_main_title(title, main):
    assert main_title(title) == main


def book(key, title, family="Nye", **fields):
    return {"id": key, "type": "book", "title": title, "author": [{"family": family, "given": "J."}], **fields}


def test_short_titles_are_derived_only_where_asked_and_where_missing():
    items = [book("a", "Bound to Lead: The Changing Nature"), book("b", "Russian Eurasianism: An Ideology"),
             book("c", "Putin's Propaganda Machine: Soft Power", **{"title-short": "Propaganda"})]
    add_short_titles(items, [True, False, True])
    assert items[0]["title-short"] == "Bound to Lead"
    assert "title-short" not in items[1]  # not asked for
    assert items[2]["title-short"] == "Propaganda"  # the item's own


def test_a_short_title_that_would_cite_two_works_of_one_author_alike_is_not_derived():
    items = [book("fp", "Soft Power"), book("book", "Soft Power: The Means to Success"),
             book("other", "Soft Power: A Study", family="Gallarotti")]
    add_short_titles(items, [True, True, True])
    assert "title-short" not in items[1]  # Nye's article is "Soft Power" already
    assert items[2]["title-short"] == "Soft Power"  # another author's work may share it


def test_a_wrong_choice_is_an_input_error():
    from refmanager.render import api

    with pytest.raises(InputError, match="short_titles must be one of"):
        api.formatter([book("a", "A: B")], "apa", short_titles="yes")
