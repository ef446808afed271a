"""Flattening a tree (refmanager/render/output.py): quotes, punctuation at joins."""

import pytest

from refmanager.render.backends import write_text
from refmanager.render.locale import LocaleChain
from refmanager.render.output import _collapsed, flatten
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


# Texts that meet at joins: marks that merge or drop, spaces, letters; "" and ".." too.
_PIECES = ["", "a", ".", "..", ":", ";", "!", "?", ",", " ", "  ", ". ", ": .", ";:.", "a:",
           ":", " b", "! x"]


def _sequences(length: int):
    if length == 0:
        yield []
        return
    for rest in _sequences(length - 1):
        for piece in _PIECES:
            yield rest + [("text", piece)]


def test_a_settled_merge_is_final():
    # flatten skips the second pass when the first says it is settled: a second pass
    # must then change nothing, for every sequence of three texts from _PIECES (and
    # a quote's close and a hold in the middle).
    checked = 0
    for texts in _sequences(3):
        for middle in ([], [("quote-close", "”")], [("hold", "")]):
            events = texts[:1] + middle + texts[1:]
            once, unsettled = _collapsed(events)
            if not unsettled:
                assert _collapsed(once)[0] == once, events
                checked += 1
    assert checked > 10_000  # most sequences are settled at once


@pytest.mark.parametrize("events", [
    [("text", "x;"), ("text", ":.")],  # the colon drops, then the period meets ";"
    [("text", "a "), ("text", "  b")],  # one space drops, the next meets the first
    [("text", "Wow!:"), ("text", "!")],  # "!" replaces ":", then meets "!"
], ids=["a drop that uncovers a mark", "a drop that uncovers a space",
        "a replaced previous mark"])
def test_a_merge_that_makes_a_new_join_is_unsettled(events):
    once, unsettled = _collapsed(events)
    assert unsettled and _collapsed(once)[0] != once
