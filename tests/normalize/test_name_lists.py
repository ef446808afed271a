"""Tests for refmanager/normalize/name_lists.py: author lists split between family
names and initials, read back as the names they are.

The bylines are Cora's (../shared/bench/dedupe/cora1295), as its BibTeX file writes
them, read with our BibTeX name splitter; the well-formed lists are the kind every
other source gives, which must come back unchanged.
"""

from __future__ import annotations

import pytest

from refmanager.io.bibtex.names import parse_names
from refmanager.model import Name
from refmanager.normalize.name_lists import OTHERS, is_initials_only, repair_name_list


def repaired(author_field: str) -> list[tuple[str, str, str]]:
    names = repair_name_list(parse_names(author_field)).names
    return [(name.family, name.given, name.non_dropping_particle) if not name.literal
            else (name.literal, "", "") for name in names]


@pytest.mark.parametrize("author_field, expected", [
    # cora0003: "freund, y., and schapire, r. e." split at every comma
    ("freund and y and schapire and r. e", [("freund", "y", ""), ("schapire", "r. e", "")]),
    # cora0001: one author, split
    ("freund and y", [("freund", "y", "")]),
    # run-together initials: "kearns, m. j., and ron, d."
    ("kearns and m.j. and ron and d.", [("kearns", "m.j.", ""), ("ron", "d.", "")]),
    # a family name with its particle, split from its initials
    ("van der waals and j. d", [("waals", "j. d", "van der")]),
], ids=[
    "a list split at every comma pairs each family name with its initials",
    "a single author split from its initials is one name again",
    "initials run together are still initials",
    "a family name keeps its particle when its initials are joined to it",
])
def test_initials_split_off_are_joined_to_their_family_name(author_field, expected):
    assert repaired(author_field) == expected


@pytest.mark.parametrize("author_field, expected", [
    # cora0002: "y. freund, m. kearns, ..." all in lower case
    ("y. freund and m. kearns", [("freund", "y.", ""), ("kearns", "m.", "")]),
    # cora1066: full given names in lower case
    ("nicolo cesa-bianchi and yoav freund", [("cesa-bianchi", "nicolo", ""), ("freund", "yoav", "")]),
    ("ludwig van beethoven", [("beethoven", "ludwig", "van")]),
    ("m kearns", [("kearns", "m", "")]),
    # cora0735: "freund y., seung h.s., shamir e. and tishby n."
    ("freund y. and seung h.s.", [("freund", "y.", ""), ("seung", "h.s.", "")]),
    ("van der waals j. d.", [("waals", "j. d.", "van der")]),
], ids=[
    "lower-case initials read as particles are given names",
    "lower-case given names read as particles are given names",
    "a real particle stays a particle after the given name",
    "a lone letter is an initial though a is a particle",
    "a family name before its initials keeps the family name",
    "a family name with particles before its initials keeps its particles",
])
def test_given_names_read_as_particles_are_given_back(author_field, expected):
    assert repaired(author_field) == expected


@pytest.mark.parametrize("author_field, expected", [
    # cora0809: "freund, y., m. kearns et al."
    ("freund, y. and m. kearns et al.", [("freund", "y.", ""), ("kearns", "m.", ""), ("others", "", "")]),
    ("freund, y. and et al.", [("freund", "y.", ""), ("others", "", "")]),
], ids=[
    "et al after a name ends the list as others",
    "et al alone ends the list as others",
])
def test_et_al_is_the_lists_others(author_field, expected):
    assert repaired(author_field) == expected


@pytest.mark.parametrize("author_field", [
    "Freund, Yoav and Schapire, Robert E.",
    "Yoav Freund and Robert E. Schapire",
    "Ludwig van Beethoven and de la Fuente, Juan",
    "Y. Freund and R. E. Schapire",
    "{World Health Organization}",
    "van ludwig beethoven",
    "Freund, Y. and others",
], ids=[
    "a list in family-comma-given form is unchanged",
    "a list in reading order is unchanged",
    "real particles are unchanged",
    "initials before a family name are unchanged",
    "an organisation is unchanged",
    "a lower-case name whose particle comes first is unchanged",
    "a list ending in others is unchanged",
])
def test_a_well_formed_list_comes_back_unchanged(author_field):
    names = parse_names(author_field)
    repair = repair_name_list(names)
    assert repair.names == tuple(names)
    assert repair.rules == ()


@pytest.mark.parametrize("author_field, expected", [
    # sr_diabetes: 11,215 of its 12,138 names are written so
    ("Akita K. and Isoda K.", [("Akita", "K."), ("Isoda", "K.")]),
    # cora1879: "Kibler D., Langley P.:", "Quinlan J. R"
    ("Kibler D. and Langley P.", [("Kibler", "D."), ("Langley", "P.")]),
    ("Quinlan J. R", [("Quinlan", "J. R")]),
    ("Fahlman S.E.", [("Fahlman", "S.E.")]),
], ids=[
    "medline order without a comma gives the family name back",
    "each name of the list is read back",
    "several initials after the family name are the given name",
    "initials run together after the family name are the given name",
])
def test_a_family_name_written_before_its_initials_is_the_family_name(author_field, expected):
    names = repair_name_list(parse_names(author_field)).names
    assert [(name.family, name.given) for name in names] == expected


@pytest.mark.parametrize("author_field", [
    "MA, Jun",
    "Aha David W",
    "J. K",
], ids=[
    "a family name in capitals is not initials",
    "two words before the initials are not read either way",
    "initials alone are left alone",
])
def test_a_name_that_may_be_either_way_is_left_alone(author_field):
    names = parse_names(author_field)
    assert repair_name_list(names).names == tuple(names)


def test_the_repair_says_which_rules_it_took():
    repair = repair_name_list(parse_names("freund and y and r. schapire and m. kearns et al."))
    assert repair.rules == ("initials rejoined", "et al.", "given names read as particles")
    assert repair.names[-1] == OTHERS


@pytest.mark.parametrize("name, expected", [
    (Name(family="y"), True),
    (Name(family="e", non_dropping_particle="r."), True),
    (Name(family="h.s."), True),
    (Name(family="freund"), False),
    (Name(family="ron"), False),
    (Name(family="ng"), False),
    (Name(family="freund", given="y."), False),
    (Name(literal="ACM"), False),
], ids=[
    "a lone letter is initials only",
    "two initials are initials only",
    "initials run together are initials only",
    "a family name is not",
    "a three-letter family name is not",
    "a two-letter family name is not",
    "a family name with its initials is not",
    "an organisation is not",
])
def test_is_initials_only(name, expected):
    assert is_initials_only(name) is expected
