"""Tests for refmanager/io/bibtex/subtitles.py: biblatex subtitles joined to their
titles where there is one title field (RIS, CSL-JSON, the processor, Zotero).
The entry is of the shape of ../shared/bench/bigbib/personal-library-17k.bib, whose
5,120 subtitles the RIS writer used to leave out."""

from __future__ import annotations

import json

import pytest

import refmanager
from refmanager.io.bibtex.subtitles import joined

BOOK = ("@book{aarseth1997, title = {Cybertext}, subtitle = {Perspectives on Ergodic Literature},"
        " author = {Aarseth, Espen}, year = {1997}, publisher = {Johns Hopkins University Press}}\n")


@pytest.mark.parametrize("title, subtitle, expected", [
    ("Cybertext", "Perspectives on Ergodic Literature", "Cybertext: Perspectives on Ergodic Literature"),
    ("What Is Power?", "A Study", "What Is Power? A Study"),
    ("", "Only a Subtitle", "Only a Subtitle"),
    ("Only a Title", "", "Only a Title"),
    ("BDI Agents: From Theory to Practice", "From Theory to Practice", "BDI Agents: From Theory to Practice"),
    ("Computational Models: A Call to Action", "A Call To Action", "Computational Models: A Call to Action"),
    ("Handbook of Quantum Logic", "Quantum Logic", "Handbook of Quantum Logic: Quantum Logic"),
], ids=["after a colon", "after a space where the title ends in its own mark",
        "a subtitle alone is the title", "a title alone stays",
        # personal-library-17k.bib: ten titles that hold their subtitle already
        "a title ending with its subtitle gets it once", "whatever its case",
        "a title that only ends with the subtitle's words still gets it"])
def test_joined(title, subtitle, expected):
    assert joined(title, subtitle) == expected


def test_ris_gets_the_subtitle_in_its_title_and_loses_nothing():
    written = refmanager.dumps(refmanager.loads(BOOK, "bibtex"), "ris")
    assert "TI  - Cybertext: Perspectives on Ergodic Literature" in written.text
    assert not [problem for problem in written.problems if "subtitle" in problem.message]


def test_csl_json_gets_the_whole_title_and_reads_back_apart():
    document = refmanager.loads(BOOK, "bibtex")
    written = refmanager.dumps(document, "csljson")
    [item] = json.loads(written.text)
    assert item["title"] == "Cybertext: Perspectives on Ergodic Literature"  # what citeproc-js and Zotero see
    [back] = refmanager.loads(written.text, "csljson").records
    assert back.title == "Cybertext" and back.state() == document.records[0].state()


def test_the_processor_prints_a_subtitle_after_the_title_s_own_mark():
    entry = BOOK.replace("{Cybertext}", "{What Is Cybertext?}")
    [line] = refmanager.format_bibliography(refmanager.loads(entry, "bibtex").records, "chicago-author-date")
    assert "What Is Cybertext? Perspectives on Ergodic Literature" in line
