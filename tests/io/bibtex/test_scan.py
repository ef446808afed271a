"""Tests for refmanager/io/bibtex_scan.py: what the fast scanner takes, and what it leaves.

What it leaves goes to bibtexparser, so the rule is: accept only an entry that
is read completely and unambiguously; refuse anything else.
"""

from __future__ import annotations

import pytest

from refmanager.io.bibtex.scan import scan_entry


@pytest.mark.parametrize("text, fields", [
    pytest.param("@article{k, title = {A {B} c}, year = 2001}", [("title", "{A {B} c}"), ("year", "2001")],
                 id="braced and bare values"),
    pytest.param("@book{k,\n  title = \"Q {\"} x\",\n  month = jan # \"~1\",\n}",
                 [("title", '"Q {"} x"'), ("month", 'jan # "~1"')], id="quotes, concatenation, a trailing comma"),
    pytest.param("@misc{k:1/2, note = {a \\} b}}", [("note", "{a \\} b}")], id="an escaped brace and an odd key"),
    pytest.param("@Article{k,}", [], id="an entry with no fields"),
])
def test_regular_entries_are_scanned(text, fields):
    entry = scan_entry(text, 0)
    assert entry is not None and entry.raw == text
    assert [(field.name, field.value) for field in entry.fields] == fields
    for field in entry.fields:
        assert text[field.offset:].startswith(field.name)


@pytest.mark.parametrize("text", [
    pytest.param("@string{a = {b}}", id="a string definition"),
    pytest.param("@comment{x}", id="a comment"),
    pytest.param("@preamble{\"x\"}", id="a preamble"),
    pytest.param("@misc(k, title = {x})", id="parentheses instead of braces"),
    pytest.param("@article{k, title = {x}\n  year = {1}}", id="a missing comma"),
    pytest.param("@article{k, title = {never closed\n@book{next, title = {x}}", id="a brace open at the next entry"),
    pytest.param("@article{k, title = \"never closed}\n@book{next}", id="a quote open at the next entry"),
    pytest.param("@article{, title = {x}}", id="a missing key"),
    pytest.param("@{WASSA,\n}", id="a missing type"),
    pytest.param("@book{k}", id="no comma after the key"),
])
def test_anything_irregular_is_left_to_bibtexparser(text):
    assert scan_entry(text, 0) is None
