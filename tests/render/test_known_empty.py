"""Renderings known to give nothing, or a kept output (refmanager/render/known_empty.py):
skipped only where the output cannot differ, with the group rule's counts kept."""

import pytest

from refmanager.render.known_empty import footprint_of, present_variables, variable_bits
from refmanager.render.processor import CitationProcessor, Cite
from refmanager.render.style import Style

# A macro in the shape of APA's publication-history: its conditions test the type
# and the presence of variables, it prints variables most items lack.
HISTORY = ('<macro name="history"><choose><if variable="issued">'
           '<group prefix=" (" suffix=")"><text term="original-work-published"/>'
           '<text variable="original-title" prefix=" "/></group></if></choose></macro>')


def _remembered(processor, macro: str) -> list[tuple]:
    """The cases in which the macro is known to render nothing."""
    footprint = footprint_of(processor.style.macros[macro], processor.style.macros)
    return [key for key in processor.engine.known_empty if key[0] == id(footprint)]


def _bibliography(xml: str, items: list[dict]) -> list[str]:
    return [entry for _id, entry in CitationProcessor(xml, items).bibliography()]


def test_a_second_item_like_the_first_skips_the_macro_and_renders_the_same(style):
    xml = style(bibliography='<text variable="title"/><text macro="history"/>', macros=HISTORY)
    items = [{"id": "a", "type": "book", "title": "A", "issued": {"date-parts": [[2000]]}},
             {"id": "b", "type": "book", "title": "B", "issued": {"date-parts": [[2001]]}},
             {"id": "c", "type": "book", "title": "C", "original-title": "Alt",
              "issued": {"date-parts": [[2002]]}}]
    processor = CitationProcessor(xml, items)
    entries = [entry for _id, entry in processor.bibliography()]
    assert entries == ["A", "B", "C (original work published Alt)"]
    assert len(_remembered(processor, "history")) == 1  # one kind of item rendered nothing


def test_a_skipped_macro_still_counts_its_variables_for_the_group_rule(style):
    # The group's term shows only when a variable in it is found: the skipped macro's
    # call of original-title still counts as a variable called and not found.
    xml = style(bibliography='<group delimiter=" "><group><text value="Seen"/>'
                             '<text macro="history"/></group><text variable="title"/></group>',
                macros=HISTORY)
    items = [{"id": str(n), "type": "book", "title": f"T{n}", "issued": {"date-parts": [[2000]]}}
             for n in range(3)]
    assert _bibliography(xml, items) == ["T0", "T1", "T2"]


def test_items_testing_differently_are_remembered_apart(style):
    xml = style(bibliography='<text variable="title"/><text macro="history"/>', macros=HISTORY)
    items = [{"id": "a", "type": "book", "title": "A"},
             {"id": "b", "type": "book", "title": "B", "issued": {"date-parts": [[2001]]}}]
    processor = CitationProcessor(xml, items)
    processor.bibliography()
    assert len(_remembered(processor, "history")) == 2


@pytest.mark.parametrize("condition", [
    'position="subsequent"', 'locator="page"', 'disambiguate="true"', 'variable="year-suffix"'],
    ids=["a position test", "a locator test", "the disambiguate condition",
         "a computed variable"])
def test_a_macro_reading_more_than_the_item_is_never_skipped(style, condition):
    macros = f'<macro name="m"><choose><if {condition}><text value="x"/></if></choose></macro>'
    parsed = Style(style(citation='<text macro="m"/>', macros=macros))
    assert footprint_of(parsed.macros["m"], parsed.macros) is None


def test_a_macro_footprint_holds_the_short_and_old_spellings_of_what_it_prints(style):
    macros = ('<macro name="m"><text variable="container-title" form="short"/>'
              '<text macro="n"/></macro><macro name="n"><text variable="volume"/></macro>')
    parsed = Style(style(macros=macros))
    footprint = footprint_of(parsed.macros["m"], parsed.macros)
    assert {"container-title", "container-title-short", "journalAbbreviation",
            "volume"} <= set(footprint.printed)


def test_a_citation_with_a_locator_is_not_taken_for_one_without(style):
    macros = ('<macro name="where"><group><label variable="locator" form="short" suffix=" "/>'
              '<text variable="locator"/></group></macro>')
    xml = style(citation='<text variable="title"/><text macro="where" prefix=", "/>', macros=macros)
    processor = CitationProcessor(xml, [{"id": "a", "type": "book", "title": "A"}])
    assert processor.citation([Cite(id="a")]) == "A"
    assert processor.citation([Cite(id="a", locator="12")]) == "A, p. 12"


def test_a_group_known_empty_is_skipped_with_its_counts(style):
    # The outer group shows its term only when the inner group's variable is found.
    xml = style(bibliography='<text variable="title"/><group prefix=" [" suffix="]">'
                             '<text value="vol."/><group><text variable="volume"/></group></group>')
    items = [{"id": "a", "type": "book", "title": "A"}, {"id": "b", "type": "book", "title": "B"},
             {"id": "c", "type": "book", "title": "C", "volume": "3"}]
    assert _bibliography(xml, items) == ["A", "B", "C [vol.3]"]


# Outputs kept by the values they print: APA's date and publisher parts, the same for
# many entries of one file (the ACL Anthology's papers of one year and proceedings).
DATED = ('<macro name="year"><group prefix="(" suffix=")"><date variable="issued" form="numeric" '
         'date-parts="year"/></group></macro>')


def _kept(processor, macro: str) -> list[tuple]:
    """The outputs of the macro kept by the values it printed."""
    footprint = footprint_of(processor.style.macros[macro], processor.style.macros)
    return [key for key in processor.engine.known_output if key[0] == id(footprint)]


def test_items_printing_the_same_values_share_one_kept_output(style):
    xml = style(bibliography='<text variable="title" suffix=" "/><text macro="year"/>',
                macros=DATED)
    items = [{"id": "a", "type": "book", "title": "A", "issued": {"date-parts": [[2000]]}},
             {"id": "b", "type": "book", "title": "B", "issued": {"date-parts": [[2000]]}},
             {"id": "c", "type": "book", "title": "C", "issued": {"date-parts": [[2001, 5]]}}]
    processor = CitationProcessor(xml, items)
    entries = [entry for _id, entry in processor.bibliography()]
    assert entries == ["A (2000)", "B (2000)", "C (2001)"]
    assert len(_kept(processor, "year")) == 2  # 2000 once for both, and 2001-05


def test_a_kept_output_is_not_given_to_an_item_in_another_language(style):
    # Title case is for English only: the same publisher reads otherwise in German.
    macros = '<macro name="press"><text variable="publisher" text-case="title"/></macro>'
    xml = style(bibliography='<text macro="press"/>', macros=macros)
    items = [{"id": "a", "type": "book", "publisher": "the press", "language": "en"},
             {"id": "b", "type": "book", "publisher": "the press", "language": "de"},
             {"id": "c", "type": "book", "publisher": "the press", "language": "en"}]
    assert _bibliography(xml, items) == ["The Press", "the press", "The Press"]


def test_a_variable_a_substitute_used_up_is_not_printed_from_a_kept_output(style):
    # b has no author: its title stands in and is not printed again by the macro.
    macros = '<macro name="t"><text variable="title" prefix=": "/></macro>'
    xml = style(bibliography='<names variable="author"><substitute><text variable="title"/>'
                             '</substitute></names><text macro="t"/>', macros=macros)
    items = [{"id": "a", "type": "book", "title": "Same", "author": [{"family": "Doe"}]},
             {"id": "b", "type": "book", "title": "Same"}]
    assert _bibliography(xml, items) == ["Doe: Same", "Same"]


def test_an_element_holding_names_is_never_kept_by_value(style):
    macros = ('<macro name="who"><group><names variable="author"/><text variable="title"/>'
              '</group></macro><macro name="what"><text variable="title"/></macro>')
    parsed = Style(style(macros=macros))
    assert not footprint_of(parsed.macros["who"], parsed.macros).reusable
    assert footprint_of(parsed.macros["what"], parsed.macros).reusable


def test_a_kept_output_with_a_year_suffix_is_kept_per_suffix(style):
    # APA's date macro prints the year-suffix: "(2000a)" and "(2000b)" are two outputs,
    # Roe's "(2000)" a third.
    macros = ('<macro name="date"><group prefix="(" suffix=")"><date variable="issued" '
              'form="numeric" date-parts="year"/><text variable="year-suffix"/></group></macro>')
    layout = '<names variable="author"><name form="short"/></names><text macro="date" prefix=" "/>'
    xml = style(citation=layout, bibliography=layout, macros=macros,
                citation_attrs='disambiguate-add-year-suffix="true"')
    items = [{"id": key, "type": "book", "author": [{"family": family}],
              "issued": {"date-parts": [[2000]]}}
             for key, family in (("a", "Doe"), ("b", "Doe"), ("c", "Roe"), ("d", "Poe"))]
    processor = CitationProcessor(xml, items)
    assert [entry for _id, entry in processor.bibliography()] == [
        "Doe (2000a)", "Doe (2000b)", "Roe (2000)", "Poe (2000)"]
    assert len([key for key in _kept(processor, "date") if key[1] == "bibliography"]) == 3


def test_variable_bits_stand_for_the_sets_of_names():
    # The footprints and the items' present variables meet as bits: `&` of two must be
    # the bits of the names both hold, whatever the order the names came in.
    printed, present = ["title", "URL", "DOI"], ["DOI", "author", "title", "issued"]
    assert variable_bits(printed) & variable_bits(present) == variable_bits(["title", "DOI"])
    assert variable_bits(reversed(printed)) == variable_bits(printed)
    assert variable_bits(["URL"]) & variable_bits(present) == 0
    assert present_variables({"title": "T", "note": "", "editor": [], "page": None}) == \
        (frozenset({"title"}), variable_bits(["title"]))


def test_an_empty_new_spelling_gives_way_to_the_old_one_in_conditions_and_text(style):
    # Both items have the same variables present (shortTitle), so they share a case
    # key: the condition and the text must read title-short alike for both.
    macros = ('<macro name="short"><choose><if variable="title-short">'
              '<text variable="title" form="short"/></if><else><text value="none"/></else>'
              '</choose></macro>')
    xml = style(bibliography='<text macro="short"/>', macros=macros)
    items = [{"id": "a", "type": "book", "title": "A long", "title-short": "", "shortTitle": "A"},
             {"id": "b", "type": "book", "title": "B long", "shortTitle": "B"},
             {"id": "c", "type": "book", "title": "C long", "title-short": ""}]
    assert _bibliography(xml, items) == ["A", "B", "none"]
    assert _bibliography(xml, items[1:2] + items[:1]) == ["B", "A"]  # either order
