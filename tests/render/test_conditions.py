"""Conditions (refmanager/render/conditions.py): the tests of cs:if and cs:else-if."""

import pytest

from refmanager.render.processor import CitationProcessor, Cite


def test_a_variable_used_by_a_substitute_still_tests_as_present(style):
    # Golden APA, paper-conference-editors: the editors stand in for the container's
    # author, and the style's later `variable="editor"` test still brings the publisher.
    xml = style('<names variable="container-author"><substitute><names variable="editor"/>'
                '</substitute></names><choose><if variable="editor">'
                '<text variable="publisher" prefix=". "/></if></choose>'
                '<names variable="editor" prefix=" again: "/>')
    item = {"id": "p", "type": "paper-conference", "publisher": "Curran Associates",
            "editor": [{"family": "Xu", "given": "Ivo"}]}
    assert CitationProcessor(xml, [item]).citation([Cite(id="p")]) == "Ivo Xu. Curran Associates"


@pytest.mark.parametrize("item_type, version, expected", [
    ("book", None, "one of them"), ("dataset", "2.1", "one of them, with a version"),
    ("article", "1", "neither"),
], ids=["a book is one of book and dataset", "a dataset with a version meets both tests",
        "an article is neither"])
def test_several_types_under_match_all_are_one_test(style, item_type, version, expected):
    # Golden ASA, dataset: `type="book dataset" variable="version" match="all"` holds
    # for a dataset (citeproc-js 2.4.63 agrees on all three rows).
    xml = style('<choose><if type="book dataset" variable="version" match="all">'
                '<text value="one of them, with a version"/></if>'
                '<else-if type="book dataset" match="all"><text value="one of them"/></else-if>'
                '<else><text value="neither"/></else></choose>')
    item = {"id": "i", "type": item_type, **({"version": version} if version else {})}
    assert CitationProcessor(xml, [item]).citation([Cite(id="i")]) == expected
