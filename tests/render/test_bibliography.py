"""Bibliography entries (refmanager/render/bibliography.py)."""

import pytest

from refmanager.render.processor import CitationProcessor

NAMES = '<names variable="author"><name and="text"/></names>'


def book(key, title, *people):
    return {"id": key, "type": "book", "title": title,
            "author": [{"family": family, "given": "J"} for family in people]}


ITEMS = [book("a", "One", "Doe", "Roe"), book("b", "Two", "Doe", "Roe"),
         book("c", "Three", "Doe", "Poe")]


@pytest.mark.parametrize("rule, expected", [
    ("complete-all", ["J Doe and J Roe. One", "---. Two", "J Doe and J Poe. Three"]),
    ("complete-each", ["J Doe and J Roe. One", "--- and ---. Two", "J Doe and J Poe. Three"]),
    ("partial-each", ["J Doe and J Roe. One", "--- and ---. Two", "--- and J Poe. Three"]),
    ("partial-first", ["J Doe and J Roe. One", "--- and J Roe. Two", "--- and J Poe. Three"]),
], ids=["complete-all replaces the whole list", "complete-each replaces each name",
        "partial-each replaces the names that match", "partial-first replaces the first name"])
def test_subsequent_author_substitute_rules(style, rule, expected):
    xml = style(NAMES, bibliography=f'<group delimiter=". ">{NAMES}<text variable="title"/>'
                "</group>", bibliography_attrs=f'subsequent-author-substitute="---" '
                f'subsequent-author-substitute-rule="{rule}"')
    assert [entry for _, entry in CitationProcessor(xml, ITEMS).bibliography()] == expected


def test_second_field_align_puts_the_first_field_in_the_margin(style):
    xml = style(NAMES, bibliography='<text variable="citation-number" prefix="[" suffix="]"/>'
                '<text variable="title" prefix=" "/>', bibliography_attrs='second-field-align="flush"')
    entries = CitationProcessor(xml, ITEMS[:1]).bibliography(format="html")
    assert entries == [("a", '<div class="csl-left-margin">[1]</div>'
                              '<div class="csl-right-inline"> One</div>')]


def test_a_selection_is_a_bibliography_of_its_own(style):
    # The golden files ask citeproc-js for one entry at a time (makeBibliography
    # with `select`): "Two" then follows no entry, so its names stay.
    xml = style(NAMES, bibliography=f'<group delimiter=". ">{NAMES}<text variable="title"/>'
                "</group>", bibliography_attrs='subsequent-author-substitute="---"')
    processor = CitationProcessor(xml, ITEMS)
    assert processor.bibliography(select=["b"]) == [("b", "J Doe and J Roe. Two")]
    assert processor.bibliography(select=["b", "a"]) == [("a", "J Doe and J Roe. One"),
                                                          ("b", "---. Two")]


def test_subsequent_author_substitute_leaves_an_editor_who_is_also_the_author(style):
    # The substitute finds the first names by identity: the same person, formatted by the
    # same name element as editor, is another name of the entry and stays written.
    people = '<names variable="author editor" delimiter="; "><name and="text"/></names>'
    xml = style(NAMES, bibliography=f'<group delimiter=". ">{people}<text variable="title"/>'
                                    '</group>',
                bibliography_attrs='subsequent-author-substitute="---" '
                                   'subsequent-author-substitute-rule="complete-each"')
    items = [book("a", "One", "Doe"),
             dict(book("b", "Two", "Doe"), editor=[{"family": "Doe", "given": "J"}])]
    assert [entry for _, entry in CitationProcessor(xml, items).bibliography()] == [
        "J Doe. One", "---; J Doe. Two"]
