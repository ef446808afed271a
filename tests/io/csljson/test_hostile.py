"""Tests for refmanager/io/csljson/read.py and scan.py on hostile input (issue 12).

Each case is one that crashed the reader or a writer, or passed `check` in
silence, when the foundation was probed as a hostile user would: the item is
reported with its line, the items around it are kept, and every writer can
write what was read.
"""

from __future__ import annotations

import json
import time

import pytest

from refmanager.io.bibtex import write_biblatex, write_bibtex
from refmanager.io.csljson import read_csljson, write_csljson
from refmanager.io.ris import write_ris

WRITERS = [pytest.param(write, id=f"written as {name}") for write, name in (
    (write_bibtex, "BibTeX"), (write_biblatex, "BibLaTeX"), (write_ris, "RIS"), (write_csljson, "CSL-JSON"))]
GOOD_BEFORE = '{"id": "before", "type": "book", "title": "Before"}'
GOOD_AFTER = '{"id": "after", "type": "book", "title": "After"}'


def between_good_items(bad: str) -> str:
    """A file of three items, one per line, the middle one `bad` (on line 3)."""
    return f"[\n  {GOOD_BEFORE},\n  {bad},\n  {GOOD_AFTER}\n]\n"


# (the middle item, what a problem on line 3 says): each crashed or was silent before.
HOSTILE_ITEMS = [
    pytest.param('{"id": "x", "type": "book", "note": ' + "[" * 1000 + "]" * 1000 + "}",
                 "nested too deeply", id="a field nested 1,000 deep is reported, not a RecursionError"),
    pytest.param('{"id": "x", "type": "book", "note": ' + "[" * 100 + "]" * 100 + "}",
                 "nested more than 32 deep", id="a field nested 100 deep is left out with a note"),
    pytest.param('{"id": "x", "type": "book", "issued": {}}',
                 "no date-parts, literal or raw", id="an empty date is reported and left out"),
    pytest.param('{"id": "x", "type": "book", "issued": {"season": "x", "circa": 1, "foo": 2}}',
                 "no date-parts, literal or raw", id="a date with only a season is reported"),
    pytest.param('{"id": "x", "type": "book", "issued": {"date-parts": [[2000, 13]]}}',
                 "month 13 is not 1 to 12", id="month 13 is reported and kept as written"),
    pytest.param('{"id": "x", "type": "book", "issued": {"date-parts": [[2000, 0]]}}',
                 "month 0 is not 1 to 12", id="month 0 is reported, not written as December"),
    pytest.param('{"id": "x", "type": "book", "issued": {"date-parts": [[2000, 2, 40]]}}',
                 "day 40 is not 1 to 31", id="day 40 is reported"),
    pytest.param('{"id": "x", "type": "book", "volume": ' + "9" * 5000 + "}",
                 "a number of 5,000 characters", id="a 5,000-digit number is kept as text"),
    pytest.param('{"id": "x", "type": "book", "issued": {"date-parts": [[' + "9" * 5000 + "]]}}",
                 "a number of 5,000 characters", id="a 5,000-digit year is kept as text"),
    pytest.param('{"id": "x", "type": "book", "issued": {"date-parts": [["' + "9" * 5000 + '"]]}}',
                 "kept as written", id="a 5,000-digit year as a string is kept as written"),
    pytest.param('{"id": "x", "type": "book", "volume": 1e999}',
                 "1e999 cannot be read as a number", id="an infinite number is kept as text"),
    pytest.param('{"id": "x", "type": "book", "volume": NaN}',
                 "NaN cannot be read as a number", id="NaN, which is not JSON, is kept as text"),
    pytest.param('{"id": "x", "type": "book", "title": "a\\ud800b"}',
                 "lone surrogate", id="a lone surrogate is replaced and reported"),
    pytest.param('{"id": "x", "type": "book", "title": "a\\udfff", "x\\ud800": 1}',
                 "lone surrogate", id="a lone surrogate in a member name is replaced"),
]


@pytest.mark.parametrize("bad, said", HOSTILE_ITEMS)
def test_a_hostile_item_is_reported_on_its_line_and_the_others_are_kept(bad, said):
    document = read_csljson(between_good_items(bad), "refs.json")
    problems = [str(problem) for problem in document.all_problems()]
    assert any(problem.startswith("refs.json:3:") and said in problem for problem in problems), problems
    keys = [record.key for record in document.records]
    assert keys[0] == "before" and keys[-1] == "after"


@pytest.mark.parametrize("bad, said", HOSTILE_ITEMS)
@pytest.mark.parametrize("write", WRITERS)
def test_every_writer_writes_what_was_read_from_a_hostile_item(bad, said, write):
    document = read_csljson(between_good_items(bad), "refs.json")
    text = write(document).text
    text.encode("utf-8")  # a lone surrogate would raise here
    assert "Before" in text and "After" in text


def test_a_top_level_value_nested_1000_deep_is_reported_not_raised():
    document = read_csljson("[" * 1000 + "]" * 1000, "deep.json")
    assert document.records == []
    assert "nested too deeply" in str(document.problems[0])


def test_the_kept_text_of_a_long_number_is_the_number_as_written():
    [record] = read_csljson('[{"id": "x", "type": "book", "volume": ' + "7" * 5000 + "}]").records
    assert record.volume == "7" * 5000


def test_a_month_from_21_to_24_is_read_as_a_season_as_citeproc_js_does():
    [record] = read_csljson('[{"id": "x", "type": "book", "issued": {"date-parts": [[2001, 21]]}}]').records
    assert record.issued.parts == ((2001,),) and record.issued.season == "1"


@pytest.mark.parametrize("count", [40_000, 160_000])
def test_many_broken_items_are_read_in_linear_time(count):
    # 40,000 took 4 s and 160,000 more than a minute: each error counted lines from the start.
    items = [GOOD_BEFORE if number % 2 == 0 else '{"id": "b", "title": x}' for number in range(count)]
    text = "[\n  " + ",\n  ".join(items) + "\n]\n"
    started = time.perf_counter()
    document = read_csljson(text, "broken.json")
    assert time.perf_counter() - started < count / 2_000  # ~1 s per 10k items alone, 5 s on a loaded machine
    assert len(document.records) == count // 2
    assert document.problems[-1].line == count + 1  # the last item, broken, on its own line


@pytest.mark.parametrize("text", [
    pytest.param("[\n" + " " * 1_000_000 + "x", id="a megabyte of space before broken JSON"),
    pytest.param("[" + "\n" * 200_000 + "x]", id="200,000 blank lines before broken JSON"),
    pytest.param('[{"id": "a"},\n' + "{" * 100_000, id="100,000 unclosed braces"),
    pytest.param('[{"id": "a"},\n' + '{"a": "' + "\\" * 100_000 + '"}', id="100,000 backslashes"),
    pytest.param("[\n" + "  {\n" * 50_000, id="50,000 item starts that never close"),
    pytest.param('[{"id": "a", "type": "book", "keyword": "' + ",;" * 100_000 + '"}]', id="200,000 keyword separators"),
    pytest.param('[{"id": "a", "type": "book", "' + "x-" * 50_000 + '": 1}]', id="a member name of 100,000 characters"),
    pytest.param('[{"id": "a", "type": "book", "issued": {"date-parts": [["' + "1" * 100_000 + '"]]}}]',
                 id="a date part of 100,000 digits as text"),
    pytest.param('[{"id": "a", "type": "book", "issued": {"raw": "' + "2004-" * 20_000 + '"}}]',
                 id="a raw date of 20,000 dashes"),
    pytest.param('[{"id": "a", "type": "book", "title": "' + "\\ud800" * 20_000 + '"}]',
                 id="20,000 escaped-looking surrogates that are not"),
])
def test_worst_case_text_for_the_scanner_takes_bounded_time(text):
    started = time.perf_counter()
    document = read_csljson(text, "worst.json")
    for write in WRITERS:
        write.values[0](document)
    assert time.perf_counter() - started < 60  # milliseconds to seconds; square time is hours


def test_a_json_error_still_names_its_line_and_column():
    document = read_csljson('[\n  {"id": "a"},\n  {"id": "b",, "x": 1},\n  {"id": "c"}\n]')
    [error] = [problem for problem in document.problems if "invalid JSON" in problem.message]
    assert error.line == 3 and "column 14" in error.message
    assert [record.key for record in document.records] == ["a", "c"]


def test_an_item_read_back_after_writing_holds_the_same_records():
    document = read_csljson(between_good_items('{"id": "x", "type": "book", "title": "a\\ud800"}'))
    again = read_csljson(write_csljson(document).text)
    assert [record.state() for record in again.records] == [record.state() for record in document.records]
    assert json.loads(write_csljson(again).text)[1]["title"] == "a\ufffd"
