"""Rendering elements (refmanager/render/interpreter.py)."""

import pytest

from refmanager.render.processor import CitationProcessor, Cite


@pytest.mark.parametrize("edition, text_case, expected", [
    ("Revised and expanded", "capitalize-first", "Revised and Expanded"),
    ("revised & expanded", "capitalize-first", "Revised & Expanded"),
    ("Revised and expanded", "", "Revised and expanded"),
    ("Second revised", "capitalize-first", "Second revised"),
], ids=["capitalize-first cases each part around 'and'", "and around '&'",
        "no text-case leaves the text alone", "a one-part edition is cased as a whole"])
def test_edition_text_takes_its_case_part_by_part(style, edition, text_case, expected):
    # Golden files: Chicago, MLA and IEEE (text-case="capitalize-first" on the edition)
    # give "Revised and Expanded"; AMA (no text-case) keeps "Revised and expanded".
    attrs = f' text-case="{text_case}"' if text_case else ""
    xml = style(f'<text variable="edition"{attrs}/>')
    items = [{"id": "a", "type": "book", "edition": edition}]
    assert CitationProcessor(xml, items).citation([Cite(id="a")]) == expected


@pytest.mark.parametrize("layout, title, expected", [
    ('<text variable="title" font-style="italic"/>', "ノルウェイの森", "ノルウェイの森"),
    ('<text variable="title" font-style="italic"/>', "Война и мир", "<i>Война и мир</i>"),
    ('<text variable="title" font-style="italic"/>', "Norwegian Wood ノルウェイの森",
     "<i>Norwegian Wood ノルウェイの森</i>"),
    ('<group font-style="italic"><text variable="title"/></group>', "ノルウェイの森",
     "<i>ノルウェイの森</i>"),
], ids=["a CJK title on an italic text element stays upright",
        "a Cyrillic title is italicized", "a title with Latin letters is italicized",
        "italics from an enclosing group still apply"])
def test_cjk_text_takes_no_italics_from_its_own_element(style, layout, title, expected):
    # Golden files: Chicago, AMA, ACS and Harvard (italic on the title's cs:text) leave
    # ノルウェイの森 upright; APA (italic on the macro call around it) italicizes it.
    items = [{"id": "a", "type": "book", "title": title}]
    assert CitationProcessor(style(layout), items).citation([Cite(id="a")], format="html") \
        == expected
