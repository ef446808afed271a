"""Flattening a tree (refmanager/render/output.py): quotes, punctuation at joins."""

import pytest

from refmanager.render.backends import write_text
from refmanager.render.locale import LocaleChain
from refmanager.render.output import flatten
from refmanager.render.richtext import Rich

EN = LocaleChain("en-US", [])
GB = LocaleChain("en-GB", [])


def text(node, locale=EN) -> str:
    return write_text(flatten(node, locale))


@pytest.mark.parametrize("node, expected", [
    (Rich([Rich(["Title"], quotes=True), ", next"]), "“Title,” next"),
    (Rich([Rich(["Title?"], quotes=True), ". next"]), "“Title?” next"),
    (Rich(["Ed.", ". Next"]), "Ed. Next"),
    (Rich(["colon:", "! x"]), "colon! x"),
    (Rich(["one ", " two"]), "one two"),
    (Rich([Rich(["a ", Rich(["b"], quotes=True)], quotes=True), "."]), "“a ‘b.’”"),
    # Golden ASA, manuscript: a style's quotes inside its own quotes stay double.
    (Rich([Rich([Rich(["Diary"], quotes="style")], quotes="style")]), "““Diary””"),
    (Rich([Rich([Rich(["Diary"], quotes=True)], quotes="style")], quotes="style"),
     "““‘Diary’””"),
    # The CSL suite's punctuation_FullMontyQuotesIn: what a join leaves moves in too.
    (Rich([Rich(["colon"], quotes="style"), ":", "! x"]), "“colon!” x"),
    (Rich([Rich(["comma"], quotes="style"), ",", ". x"]), "“comma,.” x"),
    # Without quotes, what one merge leaves is merged again: "!:" + "!" is "!!", then "!".
    (Rich(["Wow!:", "!"]), "Wow!"),
], ids=["punctuation moves inside quotes (en-US)", "a question mark absorbs the period",
        "doubled periods collapse", "an exclamation replaces a colon", "doubled spaces collapse",
        "nested quotes alternate and take the period",
        "a style's quotes never flip inside its own quotes",
        "quotes from field markup flip inside the style's quotes",
        "a mark that replaces another after the quote moves in",
        "a period after a moved comma moves in too",
        "a merge that leaves a new pair is merged again"])
def test_joins(node, expected):
    assert text(node) == expected


def test_british_punctuation_stays_outside_quotes():
    assert text(Rich([Rich(["Title"], quotes=True), ", next"]), GB) == "‘Title’, next"
