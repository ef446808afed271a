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


def test_a_legal_case_number_is_one_number_as_typed(style):
    # citeproc-js 2.4.63 in APA: "Glacier Northwest, Inc v. Teamsters, No. 21-1449 (2023)";
    # a book's "21-1449" is a range: "nos. 21–1449".
    xml = style('<label variable="number" form="short" suffix=" "/><text variable="number"/>'
                '<number variable="number" prefix=" / "/>')
    case = {"id": "c", "type": "legal_case", "number": "21-1449"}
    book = {"id": "b", "type": "book", "number": "21-1449"}
    assert _cite(xml, case) == "no. 21-1449 / 21-1449"
    assert _cite(xml, book) == "nos. 21–1449 / 21–1449"
