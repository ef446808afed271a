"""Citation clusters (refmanager/render/citations.py): sorting, grouping, collapsing."""

import pytest

from refmanager.render.processor import CitationProcessor, Cite

AUTHOR_YEAR = ('<group delimiter=" "><names variable="author"><name form="short"/></names>'
               '<date variable="issued"><date-part name="year"/></date></group>')


def book(key, family, year):
    return {"id": key, "type": "book", "author": [{"family": family, "given": "J"}],
            "issued": {"date-parts": [[year]]}}


ITEMS = [book("a", "Doe", 2000), book("b", "Roe", 1999), book("c", "Doe", 2001),
         book("d", "Doe", 2000), book("e", "Poe", 2002)]


# a and d are both "Doe 2000", so they get year suffixes; year-suffix-delimiter
# defaults to the layout delimiter, cite-group-delimiter to ", " in a sorted citation.
@pytest.mark.parametrize("collapse, ids, expected", [
    ("year", "a b c", "(Doe 2000a, 2001; Roe 1999)"),
    ("year-suffix", "a d c", "(Doe 2000a; b, 2001)"),
    ("year-suffix-ranged", "a d c", "(Doe 2000a; b, 2001)"),
], ids=["year collapse groups cites by the same names", "year-suffix collapse",
        "two suffixes are not a range"])
def test_author_date_collapsing(style, collapse, ids, expected):
    xml = style(AUTHOR_YEAR, citation_attrs=f'collapse="{collapse}" '
                'disambiguate-add-year-suffix="true"',
                citation_layout_attrs='prefix="(" suffix=")" delimiter="; "')
    xml = xml.replace("<layout", '<sort><key macro="author"/><key variable="issued"/></sort>'
                      "<layout", 1).replace("<citation ", '<macro name="author"><names '
                      'variable="author"><name/></names></macro><citation ', 1)
    processor = CitationProcessor(xml, ITEMS)
    assert processor.citation([Cite(id=key) for key in ids.split()]) == expected


def test_citation_numbers_collapse_into_ranges(style):
    xml = style('<text variable="citation-number"/>', citation_attrs='collapse="citation-number"',
                citation_layout_attrs='prefix="[" suffix="]" delimiter=","')
    processor = CitationProcessor(xml, ITEMS)
    assert processor.citation([Cite(id=key) for key in "a b c e".split()]) == "[1–3,5]"


NESTED = ('<group prefix="(" suffix=")" delimiter="; "><text variable="publisher"/>'
          '<group prefix="(" suffix=")"><date variable="issued"><date-part name="year"/>'
          '</date></group></group>')


@pytest.mark.parametrize("layout, publisher, expected", [
    (NESTED, "Verso", "(Verso; [2000])"),
    ('<group prefix="(" suffix=")"><text variable="publisher"/></group>', "Verso (UK)",
     "(Verso (UK))"),
    ('<text variable="publisher" prefix="(" suffix=")"/>', "Verso", "(Verso)"),
], ids=["parentheses inside parentheses become brackets",
        "parentheses in the text stay", "one pair stays"])
def test_nested_parentheses_in_a_citation(style, layout, publisher, expected):
    # Golden files: chicago-notes-bibliography and mhra-notes cite "(Verso, 2015;
    # originally published as Der Stille Wald [1998])".
    item = dict(book("a", "Doe", 2000), publisher=publisher)
    xml = style(layout, bibliography=layout)
    processor = CitationProcessor(xml, [item])
    assert processor.citation([Cite(id="a")]) == expected


def test_nested_parentheses_stay_in_the_bibliography(style):
    # mhra-notes's bibliography keeps "(Verso, 2015; originally published as ... (1998))".
    item = dict(book("a", "Doe", 2000), publisher="Verso")
    processor = CitationProcessor(style(NESTED, bibliography=NESTED), [item])
    assert processor.bibliography() == [("a", "(Verso; (2000))")]
