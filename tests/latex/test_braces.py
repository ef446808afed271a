"""Tests for refmanager/latex/braces.py: one escape rule for every brace-aware reader."""

from __future__ import annotations

import time

import pytest

from refmanager.io.bibtex.names import parse_names
from refmanager.io.bibtex.scan import scan_entry
from refmanager.io.bibtex.values import evaluate
from refmanager.latex.braces import group_end, is_one_group, split_top_level
from refmanager.latex.decode import decode


@pytest.mark.parametrize("text, end", [
    pytest.param("{a {b} c} d", 9, id="a nested group ends at its own closing brace"),
    pytest.param("{a \\} b} c", 8, id="an escaped closing brace is literal"),
    pytest.param("{a \\{ b} c", 8, id="an escaped opening brace is literal"),
    pytest.param("{a \\\\} b", 6, id="an escaped backslash leaves the brace after it real"),
    pytest.param("{never closed", None, id="an unclosed group has no end"),
])
def test_a_group_ends_where_the_one_rule_says(text, end):
    assert group_end(text, 0) == end


def test_a_stop_pattern_ends_the_search_before_the_group_closes():
    assert group_end("{a\n@book{b}}", 0, stop=r"\n[ \t]*@") is None


@pytest.mark.parametrize("text, pieces", [
    pytest.param("a, {b, c}, d", ["a", " {b, c}", " d"], id="a comma inside a group does not split"),
    pytest.param("a\\, b, c", ["a\\, b", " c"], id="an escaped comma does not split"),
    pytest.param("{a\\}, b}, c", ["{a\\}, b}", " c"], id="an escaped brace does not close the group"),
])
def test_top_level_splitting_skips_groups_and_escapes(text, pieces):
    assert split_top_level(text, ",") == pieces


# The name splitter and the value reader used to disagree on `\{`: now the
# scanner, values, names and the LaTeX reader read it the same way.
def test_every_reader_takes_an_escaped_brace_as_a_literal_brace():
    entry = scan_entry("@misc{k, author = {{Odbal\\} and Wang, Z}}, note = {x}}", 0)
    assert [field.name for field in entry.fields] == ["author", "note"]
    text = evaluate(entry.fields[0].value, {}).text
    assert is_one_group(text)
    assert parse_names(text)[0].literal == "Odbal} and Wang, Z"
    assert decode("a \\{b\\} c") == "a {b} c"


@pytest.mark.parametrize("depth", [500, 100_000])
def test_deep_nesting_is_read_without_recursion(depth):
    text = "{" * depth + "x" + "}" * depth
    started = time.process_time()
    assert group_end(text, 0) == len(text)
    assert decode(text) == "x"
    assert decode("{" * depth + "x") == "x"  # never closed
    assert time.process_time() - started < 10
