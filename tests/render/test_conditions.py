"""Condition tests of cs:if / cs:else-if (refmanager/render/conditions.py)."""

import pytest

from refmanager.render.processor import CitationProcessor, Cite

# The author stands in for an empty composer; the condition then asks for the author.
SUBSTITUTED = ('<names variable="composer"><substitute><names variable="author"/></substitute>'
               '</names><choose><if {test}><text value=" yes"/></if>'
               '<else><text value=" no"/></else></choose>')


@pytest.mark.parametrize("test, expected", [
    ('variable="author"', "J Doe yes"),
    ('match="none" variable="author"', "J Doe no"),
    ('match="any" variable="editor author"', "J Doe yes"),
], ids=["a substituted variable still tests as present", "match none sees it too",
        "match any sees it among others"])
def test_conditions_see_variables_a_substitute_used(style, test, expected):
    # chicago-author-date: a review by an author reads "Review of", not "Unsigned
    # review of", though the author was rendered as the composer's substitute.
    xml = style(SUBSTITUTED.format(test=test))
    items = [{"id": "a", "type": "book", "author": [{"family": "Doe", "given": "J"}]}]
    assert CitationProcessor(xml, items).citation([Cite(id="a")]) == expected


def test_a_substituted_variable_is_still_not_rendered_twice(style):
    xml = style('<names variable="composer"><substitute><names variable="author"/></substitute>'
                '</names><names variable="author" prefix=" again "/>')
    items = [{"id": "a", "type": "book", "author": [{"family": "Doe", "given": "J"}]}]
    assert CitationProcessor(xml, items).citation([Cite(id="a")]) == "J Doe"
