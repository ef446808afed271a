"""Field markup (refmanager/render/markup.py): CSL's HTML-like tags and quotes."""

import pytest

from refmanager.render.markup import parse_markup
from refmanager.render.output import flatten
from refmanager.render.backends import write_html
from refmanager.render.locale import LocaleChain

EN = LocaleChain("en-US", [])


def html(text: str) -> str:
    return write_html(flatten(parse_markup(text), EN))


@pytest.mark.parametrize("text, expected", [
    ("plain", "plain"),
    ("<i>Homo</i> sapiens", "<i>Homo</i> sapiens"),
    ("<b>bold</b> and <sup>up</sup> <sub>down</sub>", "<b>bold</b> and <sup>up</sup> <sub>down</sub>"),
    ('<span style="font-variant:small-caps;">sc</span>', '<span style="font-variant:small-caps;">sc</span>'),
    ("<i>outer <i>inner</i></i>", '<i>outer <span style="font-style:normal;">inner</span></i>'),
    ('He said "hi"', "He said “hi”"),
    ("a 'quoted' word", "a “quoted” word"),
    ("Plato's thought", "Plato’s thought"),
    ("broken</i> tag", "broken&lt;/i&gt; tag"),
    ('<span class="nocase">iPhone</span>', "iPhone"),
    # citeproc-js 2.4.63, seen on the personal-library sample in APA:
    ("a ‘b’ c", "a ‘b’ c"),
    ("a ‘b “c” d’ e", "a ‘b “c” d’ e"),
    ("CHI ’09: CHI ’09 Abstracts", "CHI ’09: CHI ’09 Abstracts"),
    ("Face ’biggest cut’ under", "Face ’biggest cut’ under"),
    ('Nation of "Positive Obligations " of State', 'Nation of "Positive Obligations " of State'),
    # citeproc-js 2.4.63 (ACL Anthology titles): what the field puts after its own
    # closing quote stays outside it, unmerged.
    ("When was “it”? Establishing", "When was “it”? Establishing"),
    ("“When Numbers Matter!”: Detecting", "“When Numbers Matter!”: Detecting"),
], ids=["plain text stays a string", "italics", "bold, superscript and subscript",
        "small caps", "italics inside italics flip to normal", "straight double quotes",
        "straight single quotes", "an apostrophe", "an unmatched tag is literal text",
        "nocase spans leave no markup",
        "curly single quotes keep their marks at the top",
        "and quotes inside them flip to double", "a right quote before a word is an apostrophe",
        "so it opens no quotation", "a straight quote after a space closes nothing",
        "a field's question mark after its quote stays outside",
        "a field's colon after an exclamation inside its quote stays"])
def test_markup_to_html(text, expected):
    assert html(text) == expected


def test_plain_text_is_returned_as_is():
    assert parse_markup("no markup here") == "no markup here"
