"""Sorting (refmanager/render/sorting.py): keys, directions, empties last."""

import pytest

from refmanager.render.processor import CitationProcessor

ITEMS = [
    {"id": "b", "type": "book", "title": "beta", "author": [{"family": "Zed", "given": "A"}],
     "issued": {"date-parts": [[2001]]}},
    {"id": "a", "type": "book", "title": "Alpha", "author": [{"family": "Able", "given": "B"}],
     "issued": {"date-parts": [[1999, 5]]}},
    {"id": "c", "type": "book", "title": "“Gamma”", "issued": {"date-parts": [[1999, 1]]}},
]


def order(style, keys: str) -> list[str]:
    xml = style('<text variable="title"/>', bibliography='<text variable="title"/>',
                sort=f"<sort>{keys}</sort>")
    return [item_id for item_id, _ in CitationProcessor(xml, ITEMS).bibliography()]


def test_text_sorts_without_case_and_quotes(style):
    assert order(style, '<key variable="title"/>') == ["a", "b", "c"]


def test_dates_sort_by_value_and_descending_works(style):
    assert order(style, '<key variable="issued"/>') == ["c", "a", "b"]
    assert order(style, '<key variable="issued" sort="descending"/>') == ["b", "a", "c"]


def test_items_without_the_key_go_last_both_ways(style):
    assert order(style, '<key variable="author"/>') == ["a", "b", "c"]
    assert order(style, '<key variable="author" sort="descending"/>') == ["b", "a", "c"]


def test_macro_keys_sort_names_one_by_one(style):
    macro = ('<macro name="author"><names variable="author"><name/></names></macro>')
    xml = style('<text variable="title"/>', bibliography='<text macro="author"/>',
                sort='<sort><key macro="author"/></sort>', macros=macro)
    items = [{"id": "x", "type": "book", "author": [{"family": "Doe", "given": "J"},
                                                     {"family": "Roe", "given": "A"}]},
             {"id": "y", "type": "book", "author": [{"family": "Doe", "given": "J"}]}]
    assert [i for i, _ in CitationProcessor(xml, items).bibliography()] == ["y", "x"]


def test_a_macro_key_drops_the_label_of_its_names(style):
    # The CSL suite's sort_DropNameLabelInSort: "Doe, J ed." sorts level with "Doe, J",
    # so the title decides, not the "ed." against "Doe, Jo".
    macro = ('<macro name="author"><names variable="author"><name name-as-sort-order="all"/>'
             '<label form="short" prefix=" "/><substitute><names variable="editor"/>'
             '</substitute></names></macro>')
    xml = style('<text variable="title"/>', bibliography='<text macro="author"/>',
                sort='<sort><key macro="author"/><key variable="title"/></sort>', macros=macro)
    items = [{"id": "x", "type": "book", "title": "B",
              "author": [{"family": "Doe", "given": "Jo"}]},
             {"id": "y", "type": "book", "title": "A", "editor": [{"family": "Doe", "given": "J"}]},
             {"id": "z", "type": "book", "title": "C", "author": [{"family": "Doe", "given": "J"}]}]
    assert [i for i, _ in CitationProcessor(xml, items).bibliography()] == ["y", "z", "x"]


def _authors(key, *families):
    return {"id": key, "type": "book", "title": key, "issued": {"date-parts": [[2021]]},
            "author": [{"family": family, "given": "Q"} for family in families]}


CUT_LISTS = [_authors("z6", "Garcia", "Hoff", "Iva", "Zed", "Zed", "Zed"),
             _authors("t3", "Garcia", "Hoff", "Iva"),
             _authors("z5", "Garcia", "Hoff", "Iva", "Abe", "Abe"),
             _authors("f4", "Garcia", "Hoff", "Iva", "Abe")]


@pytest.mark.parametrize("items, expected", [
    (CUT_LISTS, ["z6", "t3", "z5", "f4"]),
    (CUT_LISTS[::-1], ["z5", "t3", "z6", "f4"]),
])
def test_a_name_variable_key_is_cut_as_the_bibliography_cuts_names(style, items, expected):
    # Expected order: citeproc-js (csl-oracle render-set.js, through the year
    # suffixes) on this style: with et-al-min="5" et-al-use-first="3" the five-
    # and six-author lists sort level with the three-author one, in input order.
    xml = style('<text variable="title"/>', bibliography='<text variable="title"/>',
                bibliography_attrs='et-al-min="5" et-al-use-first="3"',
                sort='<sort><key variable="author"/></sort>')
    assert [item_id for item_id, _ in CitationProcessor(xml, items).bibliography()] == expected
