"""Names (refmanager/render/names.py, name_format.py, name_parts.py).

Cases follow the CSL 1.0.2 specification's sections on cs:names, cs:name and
name-part order; the expected strings are what citeproc-js gives for them.
"""

import pytest

from refmanager.render.name_parts import initialize, normalize_name
from refmanager.render.processor import CitationProcessor, Cite

PEOPLE = [{"family": "Doe", "given": "John Paul"}, {"family": "Roe", "given": "Jane"},
          {"family": "Poe", "given": "Edgar Allan"}, {"family": "Moe", "given": "Mo"}]


def cite(style, name_attrs: str, authors: list, names_attrs: str = "", extra: str = "") -> str:
    xml = style(f'<names variable="author" {names_attrs}><name {name_attrs}/>{extra}</names>')
    items = [{"id": "a", "type": "book", "author": authors}]
    return CitationProcessor(xml, items).citation([Cite(id="a")])


@pytest.mark.parametrize("attrs, count, expected", [
    ("", 2, "John Paul Doe, Jane Roe"),
    ('and="text"', 2, "John Paul Doe and Jane Roe"),
    ('and="text"', 3, "John Paul Doe, Jane Roe, and Edgar Allan Poe"),
    ('and="symbol" delimiter-precedes-last="never"', 3, "John Paul Doe, Jane Roe & Edgar Allan Poe"),
    ('and="text" delimiter-precedes-last="always"', 2, "John Paul Doe, and Jane Roe"),
    ('et-al-min="3" et-al-use-first="1"', 3, "John Paul Doe et al."),
    ('et-al-min="3" et-al-use-first="2"', 4, "John Paul Doe, Jane Roe, et al."),
    ('et-al-min="3" et-al-use-first="1" et-al-use-last="true"', 4, "John Paul Doe, … Mo Moe"),
    ('form="short" and="text"', 2, "Doe and Roe"),
    ('name-as-sort-order="first"', 2, "Doe, John Paul, Jane Roe"),
    ('name-as-sort-order="all" sort-separator=" "', 2, "Doe John Paul, Roe Jane"),
    ('initialize-with=". "', 1, "J. P. Doe"),
    ('initialize-with="."', 1, "J.P. Doe"),
    ('form="count"', 3, "3"),
], ids=["the default delimiter joins names", "and as text between two names",
        "the serial comma comes with three names", "the and symbol without serial comma",
        "delimiter before the last name always", "et-al after the first name",
        "et-al after two names keeps the delimiter", "et-al-use-last shows the last name",
        "the short form is the family name", "the first name inverted",
        "all names inverted with a custom sort separator", "initials with spaces",
        "initials without spaces", "the count form counts names"])
def test_name_lists(style, attrs, count, expected):
    assert cite(style, attrs, PEOPLE[:count]) == expected


@pytest.mark.parametrize("name, attrs, expected", [
    ({"family": "Fontaine", "given": "Jean", "non-dropping-particle": "La",
      "dropping-particle": "de"}, 'name-as-sort-order="all"', "Fontaine, Jean de La"),
    ({"family": "van der Berg", "given": "Anna"}, "", "Anna van der Berg"),
    ({"family": "Doe", "given": "John", "suffix": "Jr.", "comma-suffix": True}, "",
     "John Doe, Jr."),
    ({"literal": "World Health Organization"}, 'form="short"', "World Health Organization"),
    ({"family": "我妻", "given": "栄"}, "", "我妻栄"),
    # citeproc-js 2.4.63 (the ACL Anthology's "Oli\u030ava, Karel"): a combining mark is Latin.
    ({"family": "Oli\u030ava", "given": "Karel"}, 'name-as-sort-order="all"', "Oli\u030ava, Karel"),
    ({"family": "Doe", "given": "Jean-Paul"}, 'initialize-with="."', "J.-P. Doe"),
    # The CSL suite's name_ArabicShortForms: modifier letters of transliteration are Latin.
    ({"family": "al-Aswānī", "given": "ʿAlāʾ"}, 'form="short"', "al-Aswānī"),
    # The CSL suite's sort_LeadingApostropheOnNameParticle: "de' Frinkle" keeps its space.
    ({"family": "de' Frinkle", "given": "Bevis"}, "", "Bevis de’ Frinkle"),
], ids=["demoted particles follow the given name when inverted",
        "particles inside the family name are split out", "a comma suffix",
        "a literal name is kept whole", "CJK names have no space and family first",
        "a letter with a combining mark is a Latin name",
        "hyphenated given names keep the hyphen in initials",
        "a transliterated name keeps its particle in the short form",
        "a particle written with a space after its apostrophe keeps it"])
def test_single_names(style, name, attrs, expected):
    assert cite(style, attrs, [name]) == expected


def test_the_delimiter_before_the_and_of_a_last_organisation(style):
    # Golden APA, mixed-person-organisation: "Schneider, Z. & Global Burden of Disease
    # Collaborators", though APA puts a comma before the "&" of persons.
    authors = [{"family": "Schneider", "given": "Zofia"},
               {"literal": "Global Burden of Disease Collaborators"}]
    attrs = 'and="symbol" delimiter-precedes-last="always" name-as-sort-order="all"'
    assert cite(style, attrs, authors) == "Schneider, Zofia & Global Burden of Disease Collaborators"
    assert cite(style, attrs, PEOPLE[:2]) == "Doe, John Paul, & Roe, Jane"
    # citeproc-js 2.4.63: from three names on, the delimiter comes back, even with "never".
    never = 'and="symbol" delimiter-precedes-last="never"'
    assert cite(style, never, PEOPLE[:2] + authors[1:]) == \
        "John Paul Doe, Jane Roe, & Global Burden of Disease Collaborators"


@pytest.mark.parametrize("initialize_with, expected", [
    ("", "Xu I Jr"), (".", "Xu I. Jr."),
], ids=["initials without periods take the suffix's period away",
        "initials with periods keep it"])
def test_a_suffix_follows_the_periods_of_the_initials(style, initialize_with, expected):
    # Golden Springer, book-suffix-jr: "Xu I Jr (2001)"; citeproc-js 2.4.63 for the second.
    attrs = f'sort-separator=" " initialize-with="{initialize_with}" name-as-sort-order="all"'
    assert cite(style, attrs, [{"family": "Xu", "given": "Ivo", "suffix": "Jr."}]) == expected


def test_label_after_names_is_plural_for_several(style):
    extra = '<label prefix=" (" suffix=")" form="short"/>'
    xml_one = cite(style, "", PEOPLE[:1], extra=extra).replace("author", "")
    assert xml_one.endswith("Doe")  # authors have no label term: the label vanishes
    items = [{"id": "a", "type": "book", "editor": PEOPLE[:2]}]
    xml = style(f'<names variable="editor"><name/>{extra}</names>')
    assert CitationProcessor(xml, items).citation([Cite(id="a")]) == \
        "John Paul Doe, Jane Roe (eds.)"


def test_substitute_uses_the_first_variable_that_renders_and_suppresses_it(style):
    xml = style('<names variable="author"><name/><substitute><names variable="editor"/>'
                '<text variable="title"/></substitute></names><text variable="editor" '
                'prefix=" / "/><text variable="title" prefix=" / "/>')
    items = [{"id": "a", "type": "book", "editor": PEOPLE[:1], "title": "T"}]
    assert CitationProcessor(xml, items).citation([Cite(id="a")]) == "John Paul Doe / T"


def test_editor_and_translator_merge_when_the_same(style):
    xml = style('<names variable="editor translator"><name/><label prefix=", "/></names>')
    items = [{"id": "a", "type": "book", "editor": PEOPLE[:1], "translator": PEOPLE[:1]}]
    assert CitationProcessor(xml, items).citation([Cite(id="a")]) == \
        "John Paul Doe, editor & translator"


@pytest.mark.parametrize("given, initialize_with, whole_words, expected", [
    ("John Paul", ". ", True, "J. P."),
    ("M.E", " ", False, "M E"),
    ("John M.E.", " ", False, "John M E"),
    ("Jean de", ".", True, "J. de"),
    # citeproc-js 2.4.63, seen on the personal-library sample in APA:
    ("David “Rez” Paul", ".", True, "D. “Rez” P."),
    ("Florian ’Floyd’", ". ", True, "F. ’Floyd’"),
    ('David "Rez"', "", True, "D “Rez”"),
    ("David (Dave) Paul", ". ", True, "D. (Dave) P."),
    ("Anne-marie S.", ". ", True, "A. S."),
    ("N’Golo D’Arcy", ". ", True, "N. D."),
    ("Hussain Mohi-ud-Din", ". ", True, "H. M.-D."),
    ("T.-H.", ". ", False, "T. H."),
    ("Teck-Hua", ". ", False, "Teck-Hua"),
    # The CSL suite's name_LongAbbreviation, name_InTextMarkupInitialize and the like:
    ("TSerendorjiin", ".", True, "Ts."),
    ("<b>John</b>-Quiggly", ". ", True, "<b>J.</b>-Q."),
    ("<b>J.</b> Q", ". ", False, "<b>J.</b> Q."),
    ("<b>J.</b>-Q", ". ", True, "<b>J.</b>-Q."),
    ("<i>John Quiggly</i>", ". ", True, "<i>J. Q.</i>"),
    # citeproc-js 2.4.63 on the personal-library sample in APA:
    ("PEter", ". ", True, "Pe."),
    ("Anna ”Furra”", ". ", True, "A. ”Furra”"),
], ids=["words become initials", "existing initials are re-punctuated",
        "whole words stay when initialize is false", "a lowercase particle stays whole",
        "a quoted nickname stays whole between spaces", "so does one in right quotes",
        "straight quotes around a nickname become curly", "a nickname in brackets stays",
        "a dropped lowercase part after a hyphen keeps the space after the initial",
        "apostrophes inside names make no nickname",
        "a dropped lowercase part inside a compound keeps its hyphen",
        "without initializing, initials lose the hyphen between them",
        "but a hyphenated whole name keeps it",
        "capitals opening a word before lowercase are a digraph initial",
        "markup around a word stays around its initial",
        "markup closing after a period closes after the new one",
        "and before the hyphen that joins the next initial",
        "markup around several words stays around their initials",
        "so does a typo's capital pair", "a nickname in right double quotes stays whole"])
def test_initialize(given, initialize_with, whole_words, expected):
    assert initialize(given, initialize_with, whole_words) == expected


def test_a_quoted_nickname_takes_the_period_that_follows_inside(style):
    # citeproc-js 2.4.63 in APA: "Graham, D. “Rez.” (2021a)."
    xml = style('<group delimiter=". "><names variable="author"><name initialize-with=". " '
                'name-as-sort-order="all"/></names><text value="(2021)"/></group>')
    items = [{"id": "a", "type": "book", "author": [{"family": "Graham", "given": "David “Rez”"}]}]
    assert CitationProcessor(xml, items).citation([Cite(id="a")]) == "Graham, D. “Rez.” (2021)"


def test_normalize_name_splits_suffix_and_dropping_particle():
    parts = normalize_name({"family": "Doe", "given": "Jean de, Jr."})
    assert (parts["given"], parts["dropping-particle"], parts["suffix"]) == ("Jean", "de", "Jr.")


def test_an_exclamation_mark_after_the_comma_keeps_the_comma_before_the_suffix():
    # The CSL suite's magic_NameSuffixWithComma: "John,! Jr." prints "John Doe, Jr."
    parts = normalize_name({"family": "Doe", "given": "John,! Jr."})
    assert (parts["given"], parts["suffix"], parts.get("comma-suffix")) == ("John", "Jr.", True)


ORGANISATION = {"literal": "Global Burden of Disease Collaborators"}


@pytest.mark.parametrize("attrs, authors, expected", [
    ('and="text" delimiter-precedes-last="always" name-as-sort-order="first"',
     [PEOPLE[0], ORGANISATION], "Doe, John Paul and Global Burden of Disease Collaborators"),
    ('and="symbol" delimiter-precedes-last="always" initialize-with=". " '
     'name-as-sort-order="all"',
     [PEOPLE[0], ORGANISATION], "Doe, J. P. & Global Burden of Disease Collaborators"),
    ('and="text" delimiter-precedes-last="always" name-as-sort-order="first"',
     [ORGANISATION, PEOPLE[0]], "Global Burden of Disease Collaborators, and John Paul Doe"),
], ids=["an institution last takes 'and' without the delimiter",
        "with the and symbol too", "a person last after an institution keeps the delimiter"])
def test_an_institution_last_joins_on_and_alone(style, attrs, authors, expected):
    # Golden files: Chicago, APSA, MLA, APA and MHRA all write "Schneider, Zofia and
    # Global Burden of Disease Collaborators" (APA: "Schneider, Z. & Global ...").
    assert cite(style, attrs, authors) == expected


def test_an_and_term_in_another_script_brings_its_own_spacing(style):
    # The CSL suite's name_HebrewAnd: "ו" and a punctuation space, no spaces added.
    xml = style('<names variable="author"><name and="text"/></names>',
                macros='<locale><terms><term name="and">ו\u2008</term></terms></locale>')
    items = [{"id": "a", "type": "book", "author": [{"family": "תפוח"}, {"family": "תפוז"}]}]
    assert CitationProcessor(xml, items).citation([Cite(id="a")]) == "תפוחו\u2008תפוז"
