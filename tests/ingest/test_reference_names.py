"""Tests for refmanager/ingest/reference_names.py: author strings split into Names.

Cases are the forms of the style manuals (APA, MLA/Chicago, IEEE, Vancouver) and
the failures users report for other parsers (refparse-anchors.md, section 3:
ampersands, Vancouver initials, particles, middle initials, PDF accents).
"""

from __future__ import annotations

import pytest

from refmanager.ingest.reference_names import split_names

CASES = {
    "APA list with an ampersand": (
        "Petersen, A. H., & Ekstrøm, C. T.", [("Petersen", "A. H."), ("Ekstrøm", "C. T.")]),
    "Vancouver initials after the family name": (
        "Sekijima Y, Dendle MA, Kelly JW", [("Sekijima", "Y"), ("Dendle", "MA"), ("Kelly", "JW")]),
    "Vancouver two-word family name": ("Alipour Gorji M, Seifi A", [("Alipour Gorji", "M"), ("Seifi", "A")]),
    "MLA first name inverted, the second in reading order": (
        "Smith, John, and Jane Doe", [("Smith", "John"), ("Doe", "Jane")]),
    "IEEE initials first with and": (
        "J. A. Smith, B. Jones and C. Lee", [("Smith", "J. A."), ("Jones", "B."), ("Lee", "C.")]),
    "middle initial in reading order": (
        "Yatin A. Manerkar, Daniel Lustig, et al.", [("Manerkar", "Yatin A."), ("Lustig", "Daniel")]),
    "reading order names with middle initials and a final and": (
        "Phillip Colella, Milo R. Dorr, and Daniel F. Martin",
        [("Colella", "Phillip"), ("Dorr", "Milo R."), ("Martin", "Daniel F.")]),
    "full names in reading order separated by commas": (
        "Louay Saleh, Philippe Chevrel, and Franck Mars",
        [("Saleh", "Louay"), ("Chevrel", "Philippe"), ("Mars", "Franck")]),
    "inverted name with an initial then a given name": ("Pate, C. Marvin", [("Pate", "C. Marvin")]),
    "editor marker and In are dropped": ("In M. Renov (Ed.),", [("Renov", "M.")]),
    "a sentence's full stop is not part of a given name": ("Nichols, Bill.", [("Nichols", "Bill")]),
    "PDF accent with a space stays in the family name": ("Andr´ e, P.", [("Andr´ e", "P.")]),
    "hyphenated initials": ("Lestrade, J. -F.", [("Lestrade", "J. -F.")]),
    # the next three are forms of the umass-citation dev file (astronomy, math, physics)
    "Vancouver initials spaced apart": (
        "Wells L A, Wheeler J C, Hamuy M", [("Wells", "L A"), ("Wheeler", "J C"), ("Hamuy", "M")]),
    "a suffix between the family name and the initials": (
        "Rodemich, E., and Rumsey, Jr., H.", [("Rodemich", "E."), ("Rumsey", "H.")]),
    "a family name broken at the line end stays one word": ("H. E. Stan- ley", [("Stan- ley", "H. E.")]),
}


@pytest.mark.parametrize("text, expected", list(CASES.values()), ids=list(CASES))
def test_an_author_string_splits_into_family_and_given_names(text, expected):
    assert [(name.family, name.given) for name in split_names(text)] == expected


def test_particles_lead_the_family_name_and_suffixes_are_kept():
    names = split_names("van Wees, Hans, de la Cruz, M., and Smith, J., Jr.")
    assert [(n.non_dropping_particle, n.family, n.given, n.suffix) for n in names] == [
        ("van", "Wees", "Hans", ""), ("de la", "Cruz", "M.", ""), ("", "Smith", "J.", "Jr.")]


def test_a_particle_in_reading_order_belongs_to_the_family_name():
    [name] = split_names("Vincent van Gogh")
    assert (name.given, name.non_dropping_particle, name.family) == ("Vincent", "van", "Gogh")


def test_a_suffix_between_family_name_and_initials_is_the_suffix():
    [name] = split_names("Rumsey, Jr., H.")
    assert (name.family, name.given, name.suffix) == ("Rumsey", "H.", "Jr.")
