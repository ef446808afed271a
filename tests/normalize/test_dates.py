"""Tests for refmanager/normalize/dates.py: dates written as text read into parts."""

from __future__ import annotations

import pytest

from refmanager.model import DateValue, Record, RecordId
from refmanager.normalize import NormalizeConfig
from refmanager.normalize.dates import MoveMonthOutOfIssue, ParseDateText, _month_as_issue, parse_date_text


@pytest.mark.parametrize("text, parts, season", [
    ("March 2004", ((2004, 3),), ""), ("12 Mar. 2004", ((2004, 3, 12),), ""),
    ("March 12, 2004", ((2004, 3, 12),), ""), ("2004-03-12", ((2004, 3, 12),), ""),
    ("Spring 2004", ((2004,),), "1"),
], ids=["a month and year", "a day, abbreviated month and year", "an American date",
        "an ISO date", "a season and year"])
def test_dates_in_words_are_read(text, parts, season):
    date = parse_date_text(text)
    assert (date.parts, date.season) == (parts, season)


@pytest.mark.parametrize("text", ["forthcoming", "n.d.", "2004a", "Smarch 2004"],
                         ids=["a status", "no date", "a year with a letter", "a made-up month"])
def test_what_is_no_date_is_left(text):
    assert parse_date_text(text) is None


def test_the_step_turns_a_literal_into_parts():
    record = Record("key", dates={"issued": DateValue(literal="March 2004")})
    [change] = ParseDateText().check(RecordId("t.bib", 0, "key"), record)
    assert change.field == "issued" and change.new == DateValue(parts=((2004, 3),))


@pytest.mark.parametrize("issue, issued, expected", [
    ("September", DateValue(parts=((2017,),)), DateValue(parts=((2017, 9),))),
    ("Sept.", DateValue(parts=((2017,),)), DateValue(parts=((2017, 9),))),
    ("April 2003", DateValue(parts=((2003,),)), DateValue(parts=((2003, 4),))),
    ("April", DateValue(parts=((2003, 4),)), None),
], ids=["a month for an issue (personal-library-17k.bib: `number = {September}`)", "abbreviated",
        "with its year", "the date has the month already: only the issue goes"])
def test_a_month_written_as_the_issue_moves_into_the_date(issue, issued, expected):
    record = Record("key", issue=issue, dates={"issued": issued})
    changes = {change.field: change.new for change in MoveMonthOutOfIssue().check(RecordId("t.bib", 0, "key"), record)}
    assert changes == ({"issue": ""} if expected is None else {"issued": expected, "issue": ""})


@pytest.mark.parametrize("issue, issued", [
    ("Spring", DateValue(parts=((2003,),))), ("April", DateValue(parts=((2003, 5),))),
    ("April 2003", DateValue(parts=((2004,),))), ("Mayhem", DateValue(parts=((2004,),))),
    ("April", None), ("12", DateValue(parts=((2004,),))),
], ids=["a season is a journal's name for an issue", "another month in the date", "another year",
        "a word that is no month", "no date to move it into", "an issue number"])
def test_an_issue_that_is_no_month_or_disagrees_with_the_date_is_left(issue, issued):
    record = Record("key", issue=issue, dates={"issued": issued} if issued else {})
    assert list(MoveMonthOutOfIssue().check(RecordId("t.bib", 0, "key"), record)) == []


def test_the_personal_librarys_months_in_the_issue_field_are_moved(bigbib):
    import refmanager
    from refmanager.normalize import normalize_document

    document = refmanager.load(str(bigbib / "personal-library-17k.bib"))
    moved = [change for change in normalize_document(document).changes
             if change.rule == "MoveMonthOutOfIssue" and change.field in ("issue", "number")]
    originals = {change.record.position: change.old for change in moved}
    assert len(moved) > 70 and all(_month_as_issue(issue)[0] for issue in originals.values())  # 77 of 84


def test_a_month_written_as_a_report_number_moves_too():
    record = Record("key", type="report", number="May", dates={"issued": DateValue(parts=((1999,),))})
    changes = {change.field: change.new for change in MoveMonthOutOfIssue().check(RecordId("t.bib", 0, "key"), record)}
    assert changes == {"issued": DateValue(parts=((1999, 5),)), "number": ""}


# Generated entries: a month in the issue or number field beside a month field the
# reader keeps verbatim (unreadable, or misspelt past FixMonthSpelling), and a date
# written as text beside one. Cleaning must leave one month field, the verbatim one
# as written.
_KEPT_MONTHS = ["Septembr 12th", "Sptmbr", "9/12", "early September"]
_GENERATED = [
    (kind, field, issue, month, year)
    for kind, field in (("article", "number"), ("article", "issue"), ("techreport", "number"))
    for issue in ("September", "Sept.", "September 2020")
    for month in _KEPT_MONTHS
    for year in ("2020",)
] + [("article", "number", "12", month, year) for month in _KEPT_MONTHS for year in ("March 2020", "12 Mar. 2020")]


def _generated_entry(index: int, kind: str, field: str, issue: str, month: str, year: str) -> str:
    return (f"@{kind}{{e{index},\n  title = {{T}},\n  journal = {{J}},\n  year = {{{year}}},\n"
            f"  month = {{{month}}},\n  {field} = {{{issue}}},\n}}\n")


def test_a_month_kept_verbatim_is_never_joined_by_a_second_month(tmp_path):
    from refmanager import clean as cleaning

    path = tmp_path / "months.bib"
    path.write_text("\n".join(_generated_entry(index, *case) for index, case in enumerate(_GENERATED)))
    report = cleaning.clean([str(path)], NormalizeConfig(threshold=0.0), apply=True, output=str(tmp_path / "out.bib"))
    written = (tmp_path / "out.bib").read_text().split("\n@")
    assert len(written) == len(_GENERATED)
    for entry, (_kind, _field, issue, month, _year) in zip(written, _GENERATED):
        assert entry.count("month =") == 1 and f"month = {{{month}}}" in entry, entry
    assert not [change for change in report.files[0].applied if change.field in ("issue", "number", "issued")]
