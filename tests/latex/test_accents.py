"""Tests for refmanager/latex/accents.py: an accent command with no letter to accent,
and `\\"` written for a double quote mark, as `latex.decode` reads them.

Cases marked "personal library" are values of
../shared/bench/bigbib/personal-library-17k.bib (web pages of 2025-2026, exported with
every `"` escaped as `\\"`), "ACL" of ../shared/bench/bigbib/acl-anthology-88k.bib
(names with umlauts written `\\"o`); the spacing accents are LaTeX's own idiom (the
LaTeX2e manual: `\\^{}` and `\\~{}` print the accent alone).
"""

from __future__ import annotations

import re

import pytest
from shared_data import shared_path

import refmanager
from refmanager.latex.decode import decode
from refmanager.latex.encode import encode


@pytest.mark.parametrize("source, text", [
    pytest.param(r'Placed On \"Somali Rocket Docket\"', 'Placed On "Somali Rocket Docket"',
                 id="personal library: a quotation that ends the value"),
    pytest.param(r'Biden Brace For \"Living Hell\" Under Trump', 'Biden Brace For "Living Hell" Under Trump',
                 id="personal library: a quotation inside the value"),
    pytest.param(r'\"Hello World\" In Bismuth', '"Hello World" In Bismuth',
                 id="personal library: a quotation that starts the value"),
    pytest.param(r'Calls Trans People \"A Cancer\" & Launches \"Undercover Investigations\"',
                 'Calls Trans People "A Cancer" & Launches "Undercover Investigations"',
                 id="personal library: two quotations"),
    pytest.param(r"Walmart Fires 6'4\" Cisgender Woman", "Walmart Fires 6'4\" Cisgender Woman",
                 id="personal library: inches, a quote mark after a digit"),
    pytest.param(r'{\"}Somali{\"}', '"Somali"', id="a braced quote mark"),
])
def test_an_escaped_double_quote_is_a_quote_mark(source, text):
    assert decode(source) == text


@pytest.mark.parametrize("source, text", [
    pytest.param(r'M\"uller', "Müller", id="an umlaut inside a word"),
    pytest.param(r'\"Ozg\"ur, Arzucan', "Özgür, Arzucan", id="ACL: a word that starts and has an umlaut"),
    pytest.param(r'\"Uber \"Osterreich', "Über Österreich", id="two words that start with an umlaut"),
    pytest.param(r'\"Ostling, Robert and Tiedemann, J\"org', "Östling, Robert and Tiedemann, Jörg",
                 id="ACL: an umlaut at a word start, another inside a later word"),
    pytest.param(r'\"{U}ber', "Über", id="a braced letter"),
    pytest.param(r'Na{\"\i}ve', "Naïve", id="ACL: a dotless i"),
    pytest.param(r'\"Uberblick', "Überblick", id="a word starting with an umlaut, alone"),
])
def test_an_umlaut_stays_an_umlaut(source, text):
    assert decode(source) == text


@pytest.mark.parametrize("source, text", [
    pytest.param(r"x\^{}2", "x^2", id="a caret"),
    pytest.param(r"http://example.org/\~{}user", "http://example.org/~user", id="a tilde in a web address"),
    pytest.param(r'\"{}', "\u00a8", id="a diaeresis alone"),
    pytest.param(r"\'{ }", "\u00b4", id="an acute accent on an empty group with a space"),
    pytest.param(r"stress\'", "stress\u00b4", id="an accent at the end of the value"),
    pytest.param(r"{\v}x", "\u02c7x", id="a caron at the end of a group"),
    pytest.param(r"\c{}", "\u00b8", id="a cedilla alone"),
    pytest.param(r"\d{}", r"\d{}", id="a dot below has no spacing form: kept as written"),
])
def test_an_accent_with_nothing_to_accent_is_the_accent_itself(source, text):
    assert decode(source) == text


@pytest.mark.parametrize("ascii", [False, True], ids=["UTF-8 output", "ASCII output"])
@pytest.mark.parametrize("source", [r'\"Somali Rocket Docket\"', r"x\^{}2", r'\"{}', r"stress\'",
                                    r"{\v}x", r"\d{}", r"\~{}user"])
def test_a_bare_accent_encodes_to_what_reads_back_the_same(source, ascii):
    text = decode(source)
    assert decode(encode(text, ascii=ascii)) == text


def test_no_value_with_an_escaped_quote_reads_as_a_mark_on_nothing():
    # Every value of both files that holds `\"`: the ACL's are umlauts (4,000 names and
    # titles, none a quote mark), the personal library's quote marks.
    for name, quotes in (("acl-anthology-88k.bib", 0), ("personal-library-17k.bib", 17)):
        text = shared_path("bench", "bigbib", name).read_text(encoding="utf-8")
        values = re.findall(r'^\s*\w+\s*=\s*\{(.*\\".*)\},?$', text, re.M)
        decoded = [decode(value) for value in values]
        assert len(values) > 15
        assert not [value for value in decoded if "\u0308" in value]
        assert len([value for value in decoded if '"' in value]) == quotes


def test_the_somali_rocket_docket_survives_a_write_from_the_model(tmp_path):
    # A record written again from the model (here: as CSL-JSON, and back) has its title
    # as the source means it, not `S̈omali ... Docket ̈`.
    text = shared_path("bench", "bigbib", "personal-library-17k.bib").read_text(encoding="utf-8")
    start = text.index("@online{gunther26")
    source = tmp_path / "gunther.bib"
    source.write_text(text[start:text.index("\n@", start)], encoding="utf-8")
    record = refmanager.load(str(source)).records[0]
    assert record.title == 'Two-Thirds Of Open Somali Cases Placed On "Somali Rocket Docket"'
    refmanager.save(refmanager.load(str(source)), str(tmp_path / "gunther.json"))
    refmanager.save(refmanager.load(str(tmp_path / "gunther.json")), str(tmp_path / "again.bib"))
    assert refmanager.load(str(tmp_path / "again.bib")).records[0].title == record.title
