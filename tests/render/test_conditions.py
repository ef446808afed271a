"""Conditions (refmanager/render/conditions.py): the tests of cs:if and cs:else-if."""

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
