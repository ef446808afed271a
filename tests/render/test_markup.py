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
], ids=["plain text stays a string", "italics", "bold, superscript and subscript",
        "small caps", "italics inside italics flip to normal", "straight double quotes",
        "straight single quotes", "an apostrophe", "an unmatched tag is literal text",
        "nocase spans leave no markup"])
def test_markup_to_html(text, expected):
    assert html(text) == expected


def test_plain_text_is_returned_as_is():
    assert parse_markup("no markup here") == "no markup here"
