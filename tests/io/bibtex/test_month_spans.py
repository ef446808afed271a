"""A BibTeX `month` that names days or a range of months (`aug # "~26--30"`), as
conference proceedings write it: read into the issued date, written back so that it
reads the same (refmanager/io/bibtex/mapping.py, refmanager/dates.py)."""

from __future__ import annotations

import re

import bibtexparser
import pytest

import refmanager
from refmanager.model import DateValue, Record
from tests.shared_data import shared_path


def read(text: str):
    document = refmanager.loads(text, "bibtex")
    return document.records, [str(problem) for problem in document.all_problems()]


@pytest.mark.parametrize("month, parts", [
    ('aug # " 26-30"', ((2019, 8, 26), (2019, 8, 30))),
    ('"7-8 " # jun', ((2019, 6, 7), (2019, 6, 8))),
    ("{''20 '' \\# aug}", ((2019, 8, 20),)),
    ('oct # "-" # nov', ((2019, 10), (2019, 11))),
    ("{dec 30--jan 2}", ((2019, 12, 30), (2020, 1, 2))),
], ids=["days after the month", "days before it", "escaped by a converter", "two months",
        "into the next year"])
def test_a_month_with_days_is_read_into_the_date(month, parts):
    records, problems = read(f"@inproceedings{{a, title = {{T}}, year = 2019, month = {month}}}")
    assert records[0].dates["issued"].parts == parts
    assert problems == [] and records[0].foreign == {}


@pytest.mark.parametrize("fields, kept", [
    ("year = {2019--2020}, month = {aug 3--5}", {"month": "{aug 3--5}"}),
    ("year = 2019, month = {aug 3--5}, day = {4}", {"month": "{aug 3--5}", "day": "{4}"}),
    ("year = 2019, month = {septempber}", {"month": "{septempber}"}),
], ids=["a range of years", "a day field beside it", "no month at all"])
def test_what_cannot_be_read_is_kept_as_written(fields, kept):
    records, _ = read(f"@inproceedings{{a, title = {{T}}, {fields}}}")
    assert records[0].foreign["bibtex"] == kept
    assert len(records[0].dates["issued"].parts[0]) == 1  # the year alone


@pytest.mark.parametrize("parts, month", [
    (((2019, 8, 26), (2019, 8, 30)), 'aug # "~26--30"'),
    (((2019, 10, 31), (2019, 11, 4)), 'oct # "~31--" # nov # "~4"'),
    (((2019, 10), (2019, 11)), 'oct # "--" # nov'),
    (((2019, 12, 30), (2020, 1, 2)), 'dec # "~30--" # jan # "~2"'),
])
def test_a_range_within_the_year_is_written_to_month_and_reads_back(parts, month):
    record = Record(key="a", type="paper-conference")
    record.set("title", "T")
    record.dates["issued"] = DateValue(parts=parts)
    text = refmanager.dumps(refmanager.Document(path="x.json", format="csljson", blocks=[record]), "bibtex").text
    assert re.search(r"month = (.*),\n", text).group(1) == month
    records, problems = read(text)
    assert records[0].dates["issued"].parts == parts and problems == []
    # BibTeX's own syntax: bibtexparser expands the month macros and joins the pieces
    entry = bibtexparser.parse_string(text).entries[0]
    assert "~" in entry.fields_dict["month"].value or "--" in entry.fields_dict["month"].value


def test_a_range_across_years_keeps_its_start_with_a_note():
    record = Record(key="a", type="paper-conference")
    record.dates["issued"] = DateValue(parts=((2019, 5), (2021, 2)))
    written = refmanager.dumps(refmanager.Document(path="x.json", format="csljson", blocks=[record]), "bibtex")
    assert "month = may" in written.text and any("range of dates" in str(problem) for problem in written.problems)


# The month values of the ACL Anthology's 88,000 entries that say no month or day any
# reader could vouch for: two misspellings and a list of days.
ACL_UNREADABLE = {"{septempber}", "{septemer}", "{aug \\# '' 28th and 29th''}"}


def test_every_month_of_the_acl_anthology_is_read_but_the_unreadable():
    path = shared_path("bench", "bigbib", "acl-anthology-88k.bib")
    values = set(re.findall(r"^ *month *= *(.*?),?$", path.read_text(encoding="utf-8"), re.M))
    entries = "\n".join(f"@inproceedings{{e{number}, title = {{T}}, year = 2019, month = {value}}}"
                        for number, value in enumerate(sorted(values)))
    records, problems = read(entries)
    assert len(values) > 150 and len(records) == len(values)
    unread = {value for value, record in zip(sorted(values), records)
              if len(record.dates["issued"].parts[0]) == 1 and not record.dates["issued"].season}
    assert unread == ACL_UNREADABLE
    assert len(problems) == len(ACL_UNREADABLE)
