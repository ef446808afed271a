"""Tests for refmanager/jsontext.py: reports written as indented JSON, leaves on one line."""

from __future__ import annotations

import json

import pytest

from refmanager.jsontext import json_text

REPORT = {"version": 1, "files": [{"source": "a.bib", "applied": [
    {"record": {"key": "x", "position": 0}, "field": "page", "old": "1-2", "new": "1–2"},
    {"record": {"key": "y", "position": 1}, "field": "title", "old": "{A} & b", "new": None}]}]}


@pytest.mark.parametrize("lines_from", [None, 1, 2, 4], ids=lambda depth: f"lines from depth {depth}")
def test_the_text_reads_back_as_the_same_value(lines_from):
    assert json.loads(json_text(REPORT, lines_from)) == REPORT


def test_each_change_of_a_report_is_one_line():
    lines = json_text(REPORT, lines_from=4).splitlines()
    changes = [line for line in lines if '"field"' in line]
    assert len(changes) == 2
    assert all(json.loads(line.strip().rstrip(","))["record"] for line in changes)


def test_without_a_depth_limit_every_nested_container_is_opened():
    lines = json_text(REPORT).splitlines()
    assert '"field": "page",' in [line.strip() for line in lines]


def test_non_ascii_text_is_written_as_it_is():
    assert "1–2" in json_text(REPORT, lines_from=4)


def test_a_report_is_laid_out_exactly_so():
    # The layout `refman clean --report` has written since reports began (one change a
    # line, the levels above indented): written all at once per list or item by item,
    # the text is the same.
    assert json_text(REPORT, lines_from=4) == (
        '{\n  "version": 1,\n  "files": [\n    {\n      "source": "a.bib",\n      "applied": [\n'
        '        {"record": {"key": "x", "position": 0}, "field": "page", "old": "1-2", "new": "1–2"},\n'
        '        {"record": {"key": "y", "position": 1}, "field": "title", "old": "{A} & b", "new": null}\n'
        '      ]\n    }\n  ]\n}\n')


def test_lines_encoded_beforehand_are_written_as_they_are():
    # A worker process encodes its changes' lines; the report is the same text.
    from refmanager.jsontext import encoded

    files = REPORT["files"][0]
    mixed = {**REPORT, "files": [{**files, "applied": [encoded(files["applied"][0]), files["applied"][1]]}]}
    every = {**REPORT, "files": [{**files, "applied": [encoded(change) for change in files["applied"]]}]}
    assert json_text(mixed, lines_from=4) == json_text(REPORT, lines_from=4)
    assert json_text(every, lines_from=4) == json_text(REPORT, lines_from=4)
    assert json.loads(json_text(every)) == REPORT
