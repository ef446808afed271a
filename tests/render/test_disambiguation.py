"""Disambiguation (refmanager/render/disambiguation.py), per CSL 1.0.2's steps."""

import time

import pytest

from refmanager.render.disambiguation import suffix_letters
from refmanager.render.processor import CitationProcessor, Cite

CITE = ('<group delimiter=" "><names variable="author"><name form="short" and="text" '
        'initialize-with=". "/></names><date variable="issued"><date-part name="year"/>'
        "</date></group>")


def book(key, *people, year=2000):
    return {"id": key, "type": "book", "issued": {"date-parts": [[year]]},
            "author": [{"family": family, "given": given} for family, given in people]}


def cites(xml, items) -> list[str]:
    processor = CitationProcessor(xml, items)
    return [processor.citation([Cite(id=item["id"])]) for item in items]


def test_year_suffixes_follow_bibliography_order(style):
    xml = style(CITE, citation_attrs='disambiguate-add-year-suffix="true"')
    items = [book("x", ("Doe", "John")), book("y", ("Doe", "John")), book("z", ("Roe", "A"))]
    assert cites(xml, items) == ["Doe 2000a", "Doe 2000b", "Roe 2000"]


def test_given_names_tell_different_people_apart(style):
    xml = style(CITE, citation_attrs='disambiguate-add-givenname="true"')
    items = [book("x", ("Doe", "John")), book("y", ("Doe", "Anne"))]
    assert cites(xml, items) == ["J. Doe 2000", "A. Doe 2000"]


@pytest.mark.parametrize("rule", ["by-cite", "primary-name", "all-names"])
@pytest.mark.parametrize("other", [
    {"family": "Doe", "given": "John", "suffix": "Jr."},
    {"family": "Doe", "given": "John", "dropping-particle": "von"},
], ids=["a suffix", "a dropping particle"])
def test_names_that_differ_only_by_suffix_or_particle_keep_their_short_form(style, rule, other):
    # Golden files: citeproc-js cites "Ivo Xu Jr." beside "Ivo Xu" as "(Xu 2001)":
    # expanding the given name shows the same "John", so it cannot tell them apart.
    xml = style(CITE, citation_attrs=f'disambiguate-add-givenname="true" '
                                     f'givenname-disambiguation-rule="{rule}"')
    items = [book("x", ("Doe", "John"), year=2001),
             {"id": "y", "type": "book", "issued": {"date-parts": [[2002]]}, "author": [other]}]
    assert cites(xml, items) == ["Doe 2001", "Doe 2002"]


TITLE_CITE = ('<group delimiter=", "><names variable="author"><name form="short" and="text" '
              'initialize-with=". "/></names><choose><if disambiguate="true">'
              '<text variable="title"/></if></choose></group>')

SAME_FAMILY = [
    {"id": "a", "type": "book", "title": "Alpha", "author": [{"family": "Yilmaz", "given": "Priya"}]},
    {"id": "b", "type": "book", "title": "Beta", "author": [{"family": "Yilmaz", "given": "Priya"}]},
    {"id": "c", "type": "book", "title": "Gamma",
     "author": [{"family": "Yilmaz", "given": "Priya", "suffix": "III"}]},
    {"id": "d", "type": "book", "title": "Delta",
     "author": [{"family": "Nakamura", "given": "Quentin", "dropping-particle": "von"}]},
    {"id": "e", "type": "book", "title": "Eps", "author": [{"family": "Nakamura", "given": "Quentin"}]},
]


@pytest.mark.parametrize("rule, expected", [
    # by-cite (MLA, Chicago notes) compares the cites as printed: the expanded
    # "P. Yilmaz III" and "Q. von Nakamura" differ from "P. Yilmaz" and "Q. Nakamura",
    # and the initial stays when the same author's works still need their titles.
    ("by-cite", ["P. Yilmaz, Alpha", "P. Yilmaz, Beta", "P. Yilmaz III", "Q. von Nakamura",
                 "Q. Nakamura"]),
    # The global rules (Chicago author-date, APA) tell people apart by given name alone.
    ("primary-name", ["Yilmaz, Alpha", "Yilmaz, Beta", "Yilmaz, Gamma", "Nakamura, Delta",
                      "Nakamura, Eps"]),
    ("all-names", ["Yilmaz, Alpha", "Yilmaz, Beta", "Yilmaz, Gamma", "Nakamura, Delta",
                   "Nakamura, Eps"]),
])
def test_by_cite_expansion_shows_suffix_and_particle(style, rule, expected):
    # Expected strings: citeproc-js (csl-oracle render-set.js) on this style and these items.
    xml = style(TITLE_CITE, citation_attrs=f'disambiguate-add-givenname="true" '
                                           f'disambiguate-add-names="true" '
                                           f'givenname-disambiguation-rule="{rule}"')
    assert cites(xml, SAME_FAMILY) == expected


def test_added_names_show_where_lists_differ(style):
    xml = style(CITE, citation_attrs='disambiguate-add-names="true" et-al-min="2" '
                                     'et-al-use-first="1"')
    items = [book("x", ("Doe", "J"), ("Roe", "A")), book("y", ("Doe", "J"), ("Poe", "E"))]
    assert cites(xml, items) == ["Doe and Roe 2000", "Doe and Poe 2000"]


def test_the_disambiguate_condition_applies_to_ambiguous_cites_only(style):
    layout = (CITE + '<choose><if disambiguate="true"><text variable="title" prefix=", "/>'
              "</if></choose>")
    items = [dict(book("x", ("Doe", "J")), title="One"), dict(book("y", ("Doe", "J")), title="Two"),
             dict(book("z", ("Roe", "J")), title="Three")]
    assert cites(style(layout), items) == ["Doe 2000, One", "Doe 2000, Two", "Roe 2000"]


def test_suffix_letters_continue_past_z():
    assert [suffix_letters(n) for n in (0, 25, 26, 27, 51, 52)] == \
        ["a", "z", "aa", "ab", "az", "ba"]


def test_many_look_alikes_take_linear_time(style):
    # 4000 cites that all read "Doe 2000": grouping by key must not compare them pairwise.
    xml = style(CITE, citation_attrs='disambiguate-add-year-suffix="true" '
                                     'disambiguate-add-names="true" '
                                     'disambiguate-add-givenname="true"')
    items = [book(f"i{n}", ("Doe", "John"), ("Roe", f"Given{n}")) for n in range(4000)]
    for item in items:
        item["author"] = item["author"][:1]
    started = time.process_time()
    processor = CitationProcessor(xml, items)
    elapsed = time.process_time() - started
    assert processor.citation([Cite(id="i27")]) == "Doe 2000ab"
    assert elapsed < 20


SAME_FIRST_AUTHOR = [
    {"id": "p", "type": "book", "title": "Alpha", "issued": {"date-parts": [[2020]]},
     "author": [{"family": f, "given": g} for f, g in
                [("Yilmaz", "Priya"), ("Okafor", "Ximena"), ("Petrov", "Elif"), ("Quinn", "Ann")]]},
    {"id": "q", "type": "book", "title": "Beta", "issued": {"date-parts": [[2020]]},
     "author": [{"family": f, "given": g} for f, g in
                [("Yilmaz", "Priya"), ("Moreau", "Jun"), ("Nakamura", "Quentin"), ("Roe", "Bo"),
                 ("Sand", "Cy"), ("Tull", "Di")]]},
    {"id": "r", "type": "book", "title": "Gamma", "issued": {"date-parts": [[2020]]},
     "author": [{"family": f, "given": g} for f, g in
                [("Abel", "Ann"), ("Okafor", "Ximena"), ("Petrov", "Elif")]]},
]
NAMES_CITE = ('<group delimiter=" "><names variable="author"><name form="short" and="text" '
              'delimiter=", "/></names><date variable="issued"><date-part name="year"/></date></group>')
NAMES_ENTRY = ('<group delimiter=". "><names variable="author"><name and="text" delimiter=", "/>'
               '</names><text variable="title"/></group>')


@pytest.mark.parametrize("givenname, bibliography_et_al, expected", [
    # Adding given names too (MLA): the entry shows at least the cite's names.
    ('disambiguate-add-givenname="true"', 'et-al-min="3" et-al-use-first="1"',
     ["Priya Yilmaz, Ximena Okafor, et al. Alpha", "Priya Yilmaz, Jun Moreau, et al. Beta",
      "Ann Abel et al. Gamma"]),
    # ...and no fewer than its own et-al-use-first.
    ('disambiguate-add-givenname="true"', 'et-al-min="5" et-al-use-first="3"',
     ["Priya Yilmaz, Ximena Okafor, Elif Petrov, and Ann Quinn. Alpha",
      "Priya Yilmaz, Jun Moreau, Quentin Nakamura, et al. Beta",
      "Ann Abel, Ximena Okafor, and Elif Petrov. Gamma"]),
    # Names added alone stay in the cites.
    ("", 'et-al-min="3" et-al-use-first="1"',
     ["Priya Yilmaz et al. Alpha", "Priya Yilmaz et al. Beta", "Ann Abel et al. Gamma"]),
])
def test_bibliography_shows_the_names_added_to_the_cite(style, givenname, bibliography_et_al,
                                                        expected):
    # Expected strings: citeproc-js (csl-oracle render-set.js) on this style and these items;
    # the cites are "Yilmaz, Okafor, et al. 2020" and "Yilmaz, Moreau, et al. 2020".
    xml = style(NAMES_CITE, bibliography=NAMES_ENTRY, bibliography_attrs=bibliography_et_al,
                citation_attrs=f'disambiguate-add-names="true" et-al-min="3" et-al-use-first="1" '
                               f'{givenname}')
    processor = CitationProcessor(xml, SAME_FIRST_AUTHOR)
    assert processor.citation([Cite(id="p")]) == "Yilmaz, Okafor, et al. 2020"
    assert [entry for _, entry in processor.bibliography()] == expected


def _authors(key, *families):
    return {"id": key, "type": "book", "title": key, "issued": {"date-parts": [[2021]]},
            "author": [{"family": family, "given": "Q"} for family in families]}


SUBSEQUENT_ET_AL = ('et-al-min="4" et-al-use-first="1" et-al-subsequent-min="3" '
                    'et-al-subsequent-use-first="1"')


@pytest.mark.parametrize("step, expected", [
    ('disambiguate-add-names="true"',
     ["Garcia, Hoff, and Iva 2021", "Garcia, Hoff, Iva, et al. 2021", "Yil et al. 2021"]),
    ('disambiguate-add-year-suffix="true"',
     ["Garcia, Hoff, and Iva 2021a", "Garcia et al. 2021b", "Yil et al. 2021"]),
])
def test_first_cites_are_told_apart_in_their_subsequent_et_al_form(style, step, expected):
    # Expected strings: citeproc-js (csl-oracle render-set.js) on this style and these
    # items (ASA's et-al settings): "Garcia et al. 2021" of six authors is ambiguous
    # with the three authors' subsequent form, though their first cites differ.
    items = [_authors("t3", "Garcia", "Hoff", "Iva"),
             _authors("s6", "Garcia", "Hoff", "Iva", "Abe", "Bo", "Cy"),
             _authors("y4", "Yil", "Oka", "Pet", "Qu")]
    xml = style(NAMES_CITE, citation_attrs=f"{SUBSEQUENT_ET_AL} {step}")
    assert cites(xml, items) == expected


def _titled_book(key, people, year, publisher="P"):
    return {"id": key, "type": "book", "title": "Same", "publisher": publisher,
            "issued": {"date-parts": [[year]]},
            "author": [{"family": family, "given": given} for family, given in people]}


def _notes(items, style_id) -> list[tuple[str, str]]:
    from refmanager.render import api
    return [(row["citation"], row["short_note"]) for row in api.cite_report(items, style=style_id)]


NOTE_STYLES = ["chicago-notes-bibliography", "chicago-notes-bibliography-17th-edition",
               "mhra-notes"]


@pytest.mark.parametrize("style_id", NOTE_STYLES)
def test_short_notes_are_told_apart_though_the_first_notes_differ(style_id):
    # Expected strings: citeproc-js (csl-oracle render-set.js, note_short_text) on these
    # items; the full notes differ, their short forms "Doe, Same." do not.
    items = [_titled_book("jdoe", [("Doe", "John")], 2000),
             _titled_book("adoe", [("Doe", "Anne")], 2001)]
    assert _notes(items, style_id) == [("John Doe, Same (P, 2000).", "J. Doe, Same."),
                                       ("Anne Doe, Same (P, 2001).", "A. Doe, Same.")]


@pytest.mark.parametrize("style_id", NOTE_STYLES)
def test_short_notes_take_given_names_then_the_disambiguate_condition(style_id):
    # Expected strings: citeproc-js (csl-oracle render-set.js). The initial tells Anne
    # from John; John's two books stay alike, so the disambiguate="true" branch of
    # the short note adds their years.
    items = [_titled_book("h1", [("Doe", "John")], 2000),
             _titled_book("h2", [("Doe", "Anne")], 2001),
             _titled_book("h3", [("Doe", "John")], 2002, publisher="Q")]
    assert [short for _, short in _notes(items, style_id)] == [
        "J. Doe, Same (2000).", "A. Doe, Same.", "J. Doe, Same (2002)."]


@pytest.mark.parametrize("style_id", NOTE_STYLES)
def test_initials_that_do_not_tell_people_apart_are_written_out_in_short_notes(style_id):
    # Expected strings: citeproc-js (csl-oracle render-set.js): "J. Doe" would be John
    # and Jane, so both are written out; Anne keeps her initial.
    items = [_titled_book("h1", [("Doe", "John")], 2000),
             _titled_book("h2", [("Doe", "Anne")], 2001),
             _titled_book("h3", [("Doe", "John")], 2002, publisher="Q"),
             _titled_book("h4", [("Doe", "Jane")], 2003)]
    assert [short for _, short in _notes(items, style_id)] == [
        "John Doe, Same (2000).", "A. Doe, Same.", "John Doe, Same (2002).", "Jane Doe, Same."]


@pytest.mark.parametrize("years, expected", [
    # Expected strings: citeproc-js (csl-oracle render-set.js). One more test held at a
    # time: the year tells two books apart, the publisher only identical ones.
    ([2000, 2001], ["Doe, Same (2000).", "Doe, Same (2001)."]),
    ([2000, 2000], ["Doe, Same (P, 2000).", "Doe, Same (P, 2000)."]),
], ids=["years that differ", "nothing that differs"])
def test_the_disambiguate_condition_holds_one_test_at_a_time(years, expected):
    items = [_titled_book("x1", [("Doe", "John")], years[0]),
             _titled_book("x2", [("Doe", "John")], years[1])]
    assert [short for _, short in _notes(items, "chicago-notes-bibliography")] == expected


@pytest.mark.parametrize("style_id, expected", [
    ("chicago-notes-bibliography",
     [("John Doe, Sam Smith, et al., Same (P, 2000).", "Doe, Smith, et al., Same."),
      ("John Doe, Kay Kim, et al., Same (P, 2001).", "Doe, Kim, et al., Same.")]),
    ("mhra-notes",
     [("John Doe, Sam Smith, and others, Same (P, 2000).", "Doe, Smith, and others, Same."),
      ("John Doe, Kay Kim, and others, Same (P, 2001).", "Doe, Kim, and others, Same.")]),
])
def test_names_added_to_the_short_note_show_in_the_first_note_too(style_id, expected):
    # Expected strings: citeproc-js (csl-oracle render-set.js): "Doe et al., Same." was
    # ambiguous, and the first notes, already different, show the added name as well.
    items = [_titled_book("e1", [("Doe", "John"), ("Smith", "Sam"), ("Roe", "Ray"),
                                 ("Ash", "Al")], 2000),
             _titled_book("e2", [("Doe", "John"), ("Kim", "Kay"), ("Lee", "Lou"),
                                 ("Ash", "Al")], 2001)]
    assert _notes(items, style_id) == expected
