"""Text case (refmanager/render/textcase.py): CSL 1.0.2 "Text-case" and its
title-case rules; nocase spans from field markup never change."""

import pytest

from refmanager.render.markup import parse_markup
from refmanager.render.richtext import to_plain
from refmanager.render.textcase import apply_text_case


@pytest.mark.parametrize("mode, text, expected", [
    ("lowercase", "The UN Report", "the un report"),
    ("uppercase", "The UN report", "THE UN REPORT"),
    ("capitalize-first", "the book of days", "The book of days"),
    ("capitalize-all", "the book of days", "The Book Of Days"),
    ("sentence", "The Book of Days", "The book of days"),
    ("title", "the book of the days", "The Book of the Days"),
    ("title", "a history: of the world", "A History: Of the World"),
    ("title", "writings on UK people", "Writings on UK People"),
    ("title", "out-of-fashion initiatives", "Out-of-Fashion Initiatives"),
    ("title", "from the ground up", "From the Ground Up"),
], ids=["lowercase", "uppercase", "capitalize-first", "capitalize-all",
        "sentence case lowercases the rest", "title case keeps stop words lowercase",
        "title case capitalizes after a colon", "title case keeps acronyms",
        "title case capitalizes each part of a compound", "the last word is capitalized"])
def test_text_case(mode, text, expected):
    assert apply_text_case(text, mode) == expected


def test_nocase_spans_are_protected():
    tree = parse_markup('a <span class="nocase">mRNA</span> study of <i>E. coli</i>')
    assert to_plain(apply_text_case(tree, "uppercase")) == "A mRNA STUDY OF E. COLI"


def test_words_across_formatting_are_one_word():
    tree = parse_markup("<i>un</i>known lands")
    assert to_plain(apply_text_case(tree, "title")) == "Unknown Lands"
