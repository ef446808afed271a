"""Backends (refmanager/render/backends.py): one event stream, five writers."""

import pytest

from refmanager.render.backends import BACKENDS, escape_latex
from refmanager.render.locale import LocaleChain
from refmanager.render.output import flatten
from refmanager.render.richtext import Rich

EN = LocaleChain("en-US", [])
TREE = Rich(["A & B ", Rich(["bold"], style=(("font-weight", "bold"),)), " ",
             Rich(["sc"], style=(("font-variant", "small-caps"),)),
             Rich(["2"], style=(("vertical-align", "sup"),)), " 50% <x>"])


@pytest.mark.parametrize("backend, expected", [
    ("html", 'A &amp; B <b>bold</b> <span style="font-variant:small-caps;">sc</span>'
             "<sup>2</sup> 50% &lt;x&gt;"),
    ("text", "A & B bold sc2 50% <x>"),
    ("markdown", r"A & B **bold** sc<sup>2</sup> 50% \<x\>"),
    ("latex", r"A \& B \textbf{bold} \textsc{sc}\textsuperscript{2} 50\% \textless{}x\textgreater{}"),
    ("terminal", "A & B [bold]bold[/bold] sc2 50% <x>"),
], ids=["html", "text", "markdown", "latex", "terminal"])
def test_backends(backend, expected):
    assert BACKENDS[backend](flatten(TREE, EN)) == expected


def test_latex_escapes_every_special_character():
    assert escape_latex("& % $ # _ { } ~ ^ \\") == (
        r"\& \% \$ \# \_ \{ \} \textasciitilde{} \textasciicircum{} \textbackslash{}")


def test_latex_spells_less_and_greater_than_as_commands():
    # In LaTeX's default font encoding (OT1) a bare < prints as ¡ ("p ¡ .05").
    assert escape_latex("p < .05, n > 30") == r"p \textless{} .05, n \textgreater{} 30"


def test_display_blocks_become_divs_in_html():
    tree = Rich([Rich(["[1]"], display="left-margin"), Rich(["Doe"], display="right-inline")])
    assert BACKENDS["html"](flatten(tree, EN)) == (
        '<div class="csl-left-margin">[1]</div><div class="csl-right-inline">Doe</div>')
