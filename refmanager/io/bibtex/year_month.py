"""BibTeX's year, month and day: read into a record's issued date, and written back.

A month field may be a macro (`mar`), a name (`March`), a season (`Summer`), or name
days or a range of months as proceedings do (`aug # "~26--30"`, `oct # "--" # nov`,
read by `refmanager.dates.parse_month_span`). What cannot be read into the date is kept
verbatim in the record's BibTeX fields, so that writing it back loses nothing.
"""

from __future__ import annotations

from functools import lru_cache

from refmanager.dates import MONTH_ABBREVIATIONS, parse_month, parse_month_span, season_of
from refmanager.io.bibtex.tables import SEASON_NAMES
from refmanager.io.bibtex.values import date_from_year_month
from refmanager.latex.decode import decode
from refmanager.latex.encode import encode
from refmanager.model import DateValue, Record


def read_year_month(record: Record, dates: dict, foreign: dict[str, str]) -> list[str]:
    """The issued date from year, month and day; notes on a month that is none."""
    year, month, day = dates.get("year"), dates.get("month"), dates.get("day")
    month_number, season = _month_reading(month)
    span = _month_span(month) if month and not (month_number or season or day) else None
    notes = []
    if month and not (month_number or season or span):
        foreign["month"] = "{" + month + "}"  # not a month we can read: kept as written
        shown = month if len(month) <= 20 else month[:20] + "..."
        notes.append(f"month {shown!r} is not a month; kept as written")
    if "issued" in record.dates or not year:  # the record is new: the date can only be there
        for name, value in (("year", year), ("month", month), ("day", day)):
            if value is not None and name not in foreign:
                foreign[name] = f"{{{value}}}" if isinstance(value, str) else month_macro(value)
        return notes
    date = _issued_date(year, month_number, season, day or "") if span is None else _spanned_date(year, span)
    if (month_number or span) and not (date.parts and len(date.parts[0]) > 1):
        foreign.setdefault("month", _month_raw(month))  # with a range or odd year: kept as written
    if day and not (date.parts and len(date.parts[0]) == 3):
        foreign["day"] = "{" + day + "}"  # a day without a readable month: kept as written
    record.dates["issued"] = date  # as `record.set` puts it
    return notes


# A file's entries share a few dozen years and months: each is read once (the values
# are frozen, so records can share them).

@lru_cache(maxsize=1024)
def _month_reading(month: str | int | None) -> tuple[int | None, str]:
    """The month number of a `month` value (a macro's number, or text), else its season."""
    if isinstance(month, int) or not month:
        return month or None, ""
    number = parse_month(month)
    return number, "" if number else season_of(month)


@lru_cache(maxsize=1024)
def _month_span(month: str | int) -> tuple[tuple[int, ...], ...] | None:
    return None if isinstance(month, int) else parse_month_span(month)


@lru_cache(maxsize=4096)
def _spanned_date(year: str, span: tuple[tuple[int, ...], ...]) -> DateValue:
    """The issued date of a year and a month span (`aug 26--30`); an end before the start
    falls in the next year (`dec 30--jan 2`). An odd year reads as without the span."""
    plain = date_from_year_month(decode(year), None)
    if not plain.parts or len(plain.parts) > 1:
        return plain
    first_year = plain.parts[0][0]
    ends = [(first_year,) + span[0]]
    if len(span) > 1:
        ends.append((first_year + (span[1] < span[0]),) + span[1])
    return DateValue(parts=tuple(ends))


@lru_cache(maxsize=4096)
def _issued_date(year: str, month_number: int | None, season: str, day: str) -> DateValue:
    date = date_from_year_month(decode(year), month_number, day)
    return DateValue(parts=date.parts, season=season, literal=date.literal) if season else date


def _month_raw(month: str | int) -> str:
    return month_macro(month) if isinstance(month, int) else "{" + month + "}"


def month_macro(number: int) -> str:
    """`mar` for 3; a number that is no month (0, 13) is written as it is, braced."""
    return list(MONTH_ABBREVIATIONS)[number - 1] if 1 <= number <= 12 else "{" + str(number) + "}"


# ---------------------------------------------------------------- writing

def year_month_fields(date: DateValue, notes: list[str]) -> list[tuple[str, str]]:
    """Classic BibTeX's year, month and day: a date, a range of whole years, or a range of
    months and days within a year (in `month`, as proceedings write it)."""
    if date.literal:
        return [("year", "{" + encode(date.literal) + "}")]
    if date.circa:
        notes.append("classic BibTeX cannot say 'circa': the date is written as exact; "
                     "biblatex can say it")
    first = date.parts[0]
    if len(date.parts) > 1 and len(first) == len(date.parts[1]) == 1:
        return [("year", f"{{{first[0]}--{date.parts[1][0]}}}")]
    span = _month_span_expression(date.parts) if len(date.parts) > 1 else None
    if span:
        return [("year", "{" + str(first[0]) + "}"), ("month", span)]
    if len(date.parts) > 1:
        notes.append("classic BibTeX cannot hold a range of dates: only its start is written; "
                     "biblatex can hold it")
    fields = [("year", "{" + str(first[0]) + "}")]
    if len(first) > 1:
        fields.append(("month", month_macro(first[1])))
    elif date.season:  # BibTeX users write the season in `month`; it reads back as one
        fields.append(("month", "{" + SEASON_NAMES.get(date.season, date.season) + "}"))
    if len(first) > 2:
        fields.append(("day", "{" + str(first[2]) + "}"))
    return fields


def _month_span_expression(parts: tuple[tuple[int, ...], ...]) -> str | None:
    """`aug # "~26--30"`, `oct # "~31--" # nov # "~4"` or `oct # "--" # nov` for a range
    within a year's months (or running into January), as the reader reads it back; None
    for a range that classic BibTeX's year and month cannot hold."""
    first, last = parts
    if len(first) != len(last) or len(first) == 1 or last[0] != first[0] + (last[1:] < first[1:]):
        return None
    if len(first) == 2:
        return f'{month_macro(first[1])} # "--" # {month_macro(last[1])}'
    if first[1] == last[1]:
        return f'{month_macro(first[1])} # "~{first[2]}--{last[2]}"'
    return f'{month_macro(first[1])} # "~{first[2]}--" # {month_macro(last[1])} # "~{last[2]}"'
