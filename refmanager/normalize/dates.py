"""Dates: a date kept as free text (`March 2004`, `12 Mar. 2004`, `2004-03-12`,
`Spring 2004`) read into date parts, so that styles and sorting can use it; a month
written where the issue or report number goes (`number = {September}`) moved into
the date.

Text that is not a date (`forthcoming`, `n.d.`, `2004a`) is left as it is.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable

from refmanager.changes import Change
from refmanager.dates import parse_iso_date, parse_month, season_of
from refmanager.io.bibtex.verbatim import keeps_verbatim
from refmanager.model import DateValue, Record, RecordId
from refmanager.normalize.pipeline import RecordStep

_MONTH_YEAR = re.compile(r"^(?:(\d{1,2})\s+)?([A-Za-z]+)\.?\s+(\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")


def parse_date_text(text: str) -> DateValue | None:
    """Date parts for a date written in words or ISO form; None when it is no date."""
    text = " ".join(text.split())
    iso = parse_iso_date(text)
    if iso is not None:
        return iso
    match = _MONTH_YEAR.match(text)
    if match:
        day, word, year = match.groups()
        return _from_words(word, int(year), int(day) if day else None)
    match = _MONTH_DAY_YEAR.match(text)
    if match:
        word, day, year = match.groups()
        return _from_words(word, int(year), int(day))
    return None


def _from_words(word: str, year: int, day: int | None) -> DateValue | None:
    month = parse_month(word)
    if month is not None:
        parts = (year, month, day) if day and 1 <= day <= 31 else (year, month)
        return DateValue(parts=(parts,))
    season = season_of(word)
    return DateValue(parts=((year,),), season=season) if season and day is None else None


_LITERAL = operator.attrgetter("literal")


class ParseDateText(RecordStep):
    """Dates written as text (`March 2004`) read into date parts."""

    def candidates(self, records: list[Record]) -> set[int]:
        # most records have dates, and none of them a literal: told in C first
        return {position for position, record in enumerate(records) if any(map(_LITERAL, record.dates.values()))
                and any(date.literal and not date.parts for date in record.dates.values())}

    def check(self, record_id: RecordId, record: Record) -> Iterable[Change]:
        for name, date in record.dates.items():
            if name == "issued" and _keeps_month_or_day(record):
                continue  # `year = {March 2004}, month = {Septembr}`: a second month is no fix
            if date.literal and not date.parts:
                parsed = parse_date_text(date.literal)
                if parsed is not None:
                    yield self.change(record_id, record, name, parsed, f"date as written: {date.literal}")


# `September`, `Sept.`, `April 2003`: a month, perhaps with its year, and nothing else
_MONTH_AS_ISSUE = re.compile(r"^([A-Za-z]{3,9})\.?(?:\s+(\d{4}))?$")


class MoveMonthOutOfIssue(RecordStep):
    """A month written where the issue or report number goes (`number = {September}`,
    as some reference managers export the issue's date): moved into the issued date
    when that date has the year alone (and the same year, if the month names one); the
    number is then empty. Chicago printed `1, no. September (2017)`. A season
    (`Spring`) is a journal's own name for an issue, and stays; so does the issue
    of an entry with a month field the reader kept verbatim (`month = {Septembr
    12th}`): the entry would have two months."""

    def candidates(self, records: list[Record]) -> set[int]:
        return {position for position, record in enumerate(records)
                if record.issue[:1].isalpha() or record.number[:1].isalpha()}

    def check(self, record_id: RecordId, record: Record) -> Iterable[Change]:
        field = "issue" if record.issue else "number"
        written = record.issue or record.number
        month, year = _month_as_issue(written)
        issued = record.dates.get("issued")
        if month is None or issued is None or len(issued.parts) != 1 or issued.literal:
            return
        if keeps_verbatim(record, "month"):
            return
        parts = issued.parts[0]
        if year not in (None, parts[0]) or (len(parts) > 1 and parts[1] != month):
            return  # the number says another date: not ours to choose between them
        evidence = f"{field} as written: {written}"
        if len(parts) == 1:
            dated = DateValue(parts=((parts[0], month),), season=issued.season, circa=issued.circa)
            yield self.change(record_id, record, "issued", dated, evidence)
        yield self.change(record_id, record, field, "", evidence)


def _keeps_month_or_day(record: Record) -> bool:
    """Whether a BibTeX month or day the reader could not put into the date is kept
    verbatim: a month or day in the date would be written beside it."""
    return bool(record.foreign) and (keeps_verbatim(record, "month") or keeps_verbatim(record, "day"))


def _month_as_issue(issue: str) -> tuple[int | None, int | None]:
    match = _MONTH_AS_ISSUE.match(issue.strip())
    if not match or parse_month(match.group(1)) is None:
        return None, None
    return parse_month(match.group(1)), int(match.group(2)) if match.group(2) else None
