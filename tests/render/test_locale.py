"""Locales (refmanager/render/locale.py): the CSL 1.0.2 fallback order."""

import pytest

from refmanager.render.locale import LocaleChain
from refmanager.render.xmltree import parse_xml

STYLE_LOCALE = parse_xml('<locale xmlns="http://purl.org/net/xbiblio/csl" xml:lang="de">'
                         '<terms><term name="and">sowie</term></terms></locale>')


@pytest.mark.parametrize("language, term, expected", [
    ("en-US", "and", "and"),
    ("de-AT", "and", "und"),
    ("fr-CA", "and", "et"),
    ("xx-YY", "and", "and"),
    ("de-DE", "open-quote", "„"),
], ids=["en-US from its file", "de-AT has its own file", "fr-CA from its file",
        "an unknown language falls back to en-US", "German quotation marks"])
def test_terms_come_from_the_locale_files(language, term, expected):
    assert LocaleChain(language, []).term(term) == expected


def test_a_style_locale_overrides_the_file_for_its_language():
    assert LocaleChain("de-AT", [STYLE_LOCALE]).term("and") == "sowie"
    assert LocaleChain("en-US", [STYLE_LOCALE]).term("and") == "and"


@pytest.mark.parametrize("form, plural, expected", [
    ("long", False, "editor"), ("long", True, "editors"), ("short", False, "ed."),
    ("verb", False, "edited by"), ("verb-short", False, "ed. by"),
], ids=["long singular", "long plural", "short", "verb", "verb-short"])
def test_term_forms(form, plural, expected):
    assert LocaleChain("en-US", []).term("editor", form, plural) == expected


def test_a_missing_form_falls_back_to_long():
    assert LocaleChain("en-US", []).term("and", "verb") == "and"


def test_ordinals_follow_the_locale():
    assert LocaleChain("fr-FR", []).ordinal(1, "masculine") == "1ᵉʳ"
    assert LocaleChain("fr-FR", []).ordinal(1, "feminine") == "1ʳᵉ"
    assert LocaleChain("en-US", []).ordinal(11) == "11th"
