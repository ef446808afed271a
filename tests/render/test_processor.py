"""The processor's public API: what the CLI and the other modules rely on."""

import pytest

from refmanager.errors import RefmanagerError, StyleError
from refmanager.render.processor import CitationProcessor, Cite

ITEMS = [
    {"id": "doe", "type": "book", "title": "Alpha", "author": [{"family": "Doe", "given": "Jane"}],
     "issued": {"date-parts": [[2001]]}},
    {"id": "roe", "type": "book", "title": "Beta", "author": [{"family": "Roe", "given": "Ann"}],
     "issued": {"date-parts": [[1999]]}},
]
AUTHOR_DATE = ('<group delimiter=" "><names variable="author"><name form="short"/></names>'
               '<date variable="issued"><date-part name="year"/></date></group>')
AUTHOR_SORT = '<sort><key variable="author"/></sort>'


def test_bibliography_lists_id_and_entry_in_sorted_order(style):
    xml = style(AUTHOR_DATE, bibliography='<text variable="title"/>', sort=AUTHOR_SORT)
    processor = CitationProcessor(xml, list(reversed(ITEMS)))
    assert processor.bibliography() == [("doe", "Alpha"), ("roe", "Beta")]


def test_a_style_without_bibliography_gives_an_empty_list(style):
    assert CitationProcessor(style(AUTHOR_DATE), ITEMS).bibliography() == []


def test_items_that_render_nothing_have_no_entry(style):
    xml = style(AUTHOR_DATE, bibliography='<text variable="publisher"/>')
    items = ITEMS + [{"id": "pub", "type": "book", "publisher": "Acme"}]
    assert CitationProcessor(xml, items).bibliography() == [("pub", "Acme")]


def test_citation_renders_cites_with_affixes_and_locator(style):
    xml = style(AUTHOR_DATE + '<text variable="locator" prefix=", "/>')
    processor = CitationProcessor(xml, ITEMS)
    cites = [Cite(id="doe", locator="12", prefix="see "), Cite(id="roe", suffix="!")]
    assert processor.citation(cites) == "see Doe 2001, 12; Roe 1999!"


def test_suppress_author_and_author_only(style):
    processor = CitationProcessor(style(AUTHOR_DATE), ITEMS)
    assert processor.citation([Cite(id="doe", suppress_author=True)]) == "2001"
    assert processor.citation([Cite(id="doe", author_only=True)]) == "Doe"


def test_positions_follow_the_order_of_calls_unless_forced(style):
    xml = style('<choose><if position="ibid"><text term="ibid"/></if>'
                '<else-if position="subsequent"><text value="again"/></else-if>'
                '<else><text variable="title"/></else></choose>', style_class="note")
    processor = CitationProcessor(xml, ITEMS)
    assert processor.is_note_style
    assert processor.citation([Cite(id="doe")]) == "Alpha"
    assert processor.citation([Cite(id="doe")]) == "Ibid."
    assert processor.citation([Cite(id="roe")]) == "Beta"
    assert processor.citation([Cite(id="doe")]) == "again"
    assert processor.citation([Cite(id="roe")], position="first") == "Beta"


@pytest.mark.parametrize("backend, expected", [
    ("text", "Alpha & Co"),
    ("html", "<i>Alpha &amp; Co</i>"),
    ("markdown", "*Alpha & Co*"),
    ("latex", r"\textit{Alpha \& Co}"),
    ("terminal", "[italic]Alpha & Co[/italic]"),
], ids=lambda value: value if value in ("text", "html", "markdown", "latex", "terminal") else "")
def test_each_backend_writes_the_same_tree(style, backend, expected):
    xml = style('<text variable="title" font-style="italic"/>')
    items = [{"id": "a", "type": "book", "title": "Alpha & Co"}]
    assert CitationProcessor(xml, items).citation([Cite(id="a")], format=backend) == expected


def test_trees_are_returned_for_other_backends(style):
    processor = CitationProcessor(style(AUTHOR_DATE, bibliography='<text variable="title"/>'),
                                  ITEMS)
    tree = processor.bibliography_tree()[0][1]
    assert processor.format(tree, "text") == "Alpha"
    assert processor.format(processor.citation_tree([Cite(id="roe")]), "text") == "Roe 1999"


def test_a_locale_argument_overrides_the_default_locale(style):
    xml = style('<text term="and"/>', attrs='default-locale="fr-FR"')
    items = ITEMS[:1]
    assert CitationProcessor(xml, items).citation([Cite(id="doe")]) == "et"
    assert CitationProcessor(xml, items, locale="de-DE").citation([Cite(id="doe")]) == "und"


@pytest.mark.parametrize("xml, message", [
    ("<style><citation><layout>", "not well-formed"),
    ('<style xmlns="http://purl.org/net/xbiblio/csl"><citation><layout><bogus/></layout>'
     "</citation></style>", "unknown CSL element <bogus>"),
    ('<style xmlns="http://purl.org/net/xbiblio/csl"><citation><layout>'
     '<text macro="nowhere"/></layout></citation></style>', 'macro "nowhere" is not defined'),
], ids=["broken XML is a style error", "an unknown element is a style error",
        "a missing macro is a style error"])
def test_style_errors_are_one_located_line(xml, message):
    with pytest.raises(StyleError) as caught:
        CitationProcessor(xml, ITEMS)
    assert isinstance(caught.value, RefmanagerError)
    text = str(caught.value)
    assert message in text and "\n" not in text
    assert text.startswith("<style>:") and caught.value.line >= 1


def test_a_style_file_error_names_the_file(tmp_path):
    path = tmp_path / "broken.csl"
    path.write_text('<style xmlns="http://purl.org/net/xbiblio/csl">\n<citation>\n<layot/>'
                    "</citation></style>", encoding="utf-8")
    with pytest.raises(StyleError, match=r"broken\.csl:3: unknown CSL element <layot>"):
        CitationProcessor(str(path), ITEMS)


def test_citing_an_unknown_item_is_an_input_error(style):
    from refmanager.errors import InputError
    with pytest.raises(InputError, match="no item with id 'nope'"):
        CitationProcessor(style(AUTHOR_DATE), ITEMS).citation([Cite(id="nope")])
