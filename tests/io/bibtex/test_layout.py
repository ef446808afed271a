"""Tests for refmanager/io/bibtex/layout.py, through the writer: a changed entry keeps
its own layout (only changed values change; added fields take its indentation,
alignment and line ending), and an ASCII entry stays ASCII."""

from __future__ import annotations

import difflib

import pytest

from refmanager.io.bibtex import read_bibtex, write_bibtex
from refmanager.model import Name
from shared_data import shared_path


def written_after(text: str, change) -> str:
    document = read_bibtex(text, "test.bib")
    for record in document.records:
        change(record)
    return write_bibtex(document).text


ALIGNED = ("@inproceedings{k,\n    title        = {A Study},\n    author       = {Roe, Ann},\n"
           "    pages        = {1-10},\n    year         = {2020}\n}\n")


def test_a_changed_value_changes_its_own_line_only():
    written = written_after(ALIGNED, lambda record: record.set("page", "1–10"))
    assert written == ALIGNED.replace("{1-10}", "{1--10}")


def test_an_added_field_takes_the_entrys_indentation_and_alignment():
    written = written_after(ALIGNED, lambda record: record.set("DOI", "10.1000/xyz"))
    assert written.startswith(ALIGNED[:ALIGNED.index("\n}")])  # the fields as they were, untouched
    assert "    doi          = {10.1000/xyz}" in written
    assert written.endswith("    doi          = {10.1000/xyz}\n}\n")  # no trailing comma, as the source


def test_a_crlf_entry_stays_crlf_when_it_changes_and_when_it_grows():
    text = "@article{a,\r\n  title = {A},\r\n  pages = {1-2},\r\n  year = 2020\r\n}\r\n"
    changed = written_after(text, lambda record: record.set("page", "1–2"))
    grown = written_after(text, lambda record: record.set("volume", "7"))
    for written in (changed, grown):
        assert "\n" not in written.replace("\r\n", "")
    assert "  volume = {7}" in grown


def test_an_entry_in_parentheses_keeps_them_when_it_grows():
    text = "@article(a,\n  title = {A},\n  year = 2020\n)\n"
    written = written_after(text, lambda record: record.set("volume", "7"))
    assert written.startswith("@article(a,\n  title = {A},\n") and written.rstrip().endswith(")")


def test_an_entry_on_one_line_is_written_in_the_writers_layout():
    written = written_after("@article{a, title = {A}, year = 2020}\n", lambda record: record.set("volume", "7"))
    assert "  title = {A},\n" in written and "  volume = {7},\n" in written


def test_an_ascii_entry_keeps_latex_for_its_accents_where_a_field_changes():
    text = "@article{a,\n  author = {Concei\\c{c}\\~ao, Sofia and Couto, Francisco M},\n  year = 2020\n}\n"

    def add_a_period(record):
        first, second = record.creators["author"]
        record.set("author", [first, Name(family=second.family, given="Francisco M.")])

    written = written_after(text, add_a_period)
    assert written.isascii() and "Francisco M.}" in written
    assert read_bibtex(written, "t.bib").records[0].creators["author"][0].family == "Conceição"


def test_a_utf8_entry_stays_utf8():
    text = "@article{a,\n  author = {Conceição, Sofia},\n  pages = {1-2}\n}\n"
    assert "Conceição" in written_after(text, lambda record: record.set("page", "1–2"))


def test_on_real_entries_only_the_changed_lines_differ():
    # The ACL anthology aligns its `=`; one page range changed per entry is one line each.
    text = shared_path("bench", "bigbib", "acl-anthology-88k.bib").read_text(encoding="utf-8")[:200_000]
    text = text[:text.rindex("\n@") + 1]
    document = read_bibtex(text, "acl.bib")
    changed = 0
    for record in document.records:
        if record.page and "–" in record.page:
            record.set("page", record.page.replace("–", "-"))
            changed += 1
    written = write_bibtex(document).text
    differing = [line for line in difflib.ndiff(text.splitlines(), written.splitlines())
                 if line.startswith(("-", "+"))]
    assert changed > 50
    assert len(differing) == 2 * changed and all("pages" in line for line in differing)
