"""The rendering elements (refmanager/render/interpreter.py): cs:text, cs:label,
cs:number, cs:group and cs:choose as CSL 1.0.2 describes them."""

from refmanager.render.processor import CitationProcessor, Cite

EDITION = ('<group delimiter=" "><number form="ordinal" variable="edition"/>'
           '<label form="short" variable="edition"/></group>')


def _cite(xml: str, item: dict) -> str:
    return CitationProcessor(xml, [item]).citation([Cite(id=item["id"])])


def test_a_label_follows_its_number_inside_a_substitute(style):
    # Golden APA, book-no-author: "The Chicago manual of style (17th ed.). (2017)."
    macros = ('<macro name="title-edition"><text variable="title"/>'
              f'<group prefix=" (" suffix=")">{EDITION}</group></macro>')
    xml = style('<names variable="author"><substitute><text macro="title-edition"/>'
                '</substitute></names>', macros=macros)
    item = {"id": "cms", "type": "book", "title": "Manual", "edition": "17"}
    assert _cite(xml, item) == "Manual (17th ed.)"


def test_a_substituted_number_leaves_no_label_after_the_substitute(style):
    xml = style('<names variable="author"><substitute><number variable="edition"/>'
                '</substitute></names><label form="short" variable="edition" prefix=" "/>')
    assert _cite(xml, {"id": "x", "type": "book", "edition": "2"}) == "2"
