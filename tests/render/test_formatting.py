"""Decorations (refmanager/render/formatting.py): formatting, quotes and text-case
as an element puts them on its output."""

import pytest

from refmanager.render.processor import CitationProcessor, Cite


@pytest.mark.parametrize("title, layout, expected", [
    ("ノルウェイの森", '<text variable="title" font-style="italic"/>', "ノルウェイの森"),
    ("《挪威的森林》", '<text variable="title" font-style="italic"/>', "《挪威的森林》"),
    ("ノルウェイの森 Norwegian Wood", '<text variable="title" font-style="italic"/>',
     "<i>ノルウェイの森 Norwegian Wood</i>"),
    ("ノルウェイの森", '<text variable="title" font-weight="bold"/>', "<b>ノルウェイの森</b>"),
    ("ノルウェイの森", '<text macro="title" font-style="italic"/>', "<i>ノルウェイの森</i>"),
], ids=["a Japanese title is not slanted", "nor a Chinese one in its own brackets",
        "a title with Latin letters is", "bold stays", "a macro's italics stay"])
def test_cjk_variables_are_not_slanted(style, title, layout, expected):
    # Golden IEEE, ACS, AMA, MLA... book-japanese; the other rows from citeproc-js 2.4.63.
    xml = style(layout, macros='<macro name="title"><text variable="title"/></macro>')
    processor = CitationProcessor(xml, [{"id": "j", "type": "book", "title": title}])
    assert processor.citation([Cite(id="j")], format="html") == expected


def test_a_term_without_its_periods_still_opens_a_note_capitalized(style):
    xml = style('<text term="ibid" strip-periods="true"/>', style_class="note")
    processor = CitationProcessor(xml, [{"id": "n", "type": "book", "title": "Alpha"}])
    assert processor.citation([Cite(id="n")]) == "Ibid"
