"""The dates an article's front matter states: received, revised, accepted, published.

Journals write them in every common form (`19/11/2023`, `2023-11-19`,
`19 November 2023`, `Nov. 19, 2023`, `2023 Nov 19`). A numeric date such as
`05/09/2024` may be day/month or month/day; the other dates of the same
document decide: one that can only be day/month (`19/11/2023`) settles them
all, and otherwise the reading under which the dates come in their natural
order (received, revised, accepted, published) wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from refmanager.dates import parse_month
from refmanager.model import DateValue

#: The kinds of date, in the order an article goes through them, with the labels for each.
DATE_LABELS = {
    "received": r"received(?:\s+(?:on|date))?|submitted|date\s+of\s+submission|submission\s+date",
    "revised": r"revised(?:\s+form)?(?:\s+received)?|revision\s+received|received\s+in\s+revised\s+form|revised\s+version\s+received",
    "accepted": r"accepted(?:\s+for\s+publication)?|acceptance\s+date|date\s+of\s+acceptance",
    "available-online": r"available\s+online|published\s+online|online\s+publication|first\s+published(?:\s+online)?|e-?pub(?:lished)?(?:\s+ahead\s+of\s+print)?",
    "published": r"published|publication\s+date|date\s+of\s+publication|issue\s+date",
}
KIND_ORDER = tuple(DATE_LABELS)
#: A line that starts with a date label and a date: "Received: 19/11/2023", "Article history: Received 1 May ...".
DATE_LINE = re.compile(r"\W*(?:article\s+history\W*)?(?:received|submitted|revised|accepted|available\s+online"
                       r"|published(?:\s+online)?|first\s+published|e-?pub)\b\W*\s*(?:on\s+)?"
                       r"(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)", re.I)
_LABEL_PATTERN = re.compile(
    r"(?<![\w-])(?:" + "|".join(f"(?P<{kind.replace('-', '_')}>{pattern})"
                               for kind, pattern in DATE_LABELS.items()) + r")\b\s*(?:on\b)?\s*[:：.\-–]?\s*",
    re.I)

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_ORDINAL = r"(?:st|nd|rd|th)?"
_FORMS = [  # (pattern, the order of its groups)
    (re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b"), "ymd"),
    (re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})\b"), "ambiguous"),
    (re.compile(rf"\b(\d{{1,2}}){_ORDINAL}[\s\-]+(?:of\s+)?({_MONTH}),?[\s\-]+(\d{{4}})\b", re.I), "dmy"),
    (re.compile(rf"\b({_MONTH})\s+(\d{{1,2}}){_ORDINAL},?\s+(\d{{4}})\b", re.I), "mdy"),
    (re.compile(rf"\b(\d{{4}})\s+({_MONTH})\s+(\d{{1,2}})\b", re.I), "ymd"),
    (re.compile(rf"\b({_MONTH}),?\s+(\d{{4}})\b", re.I), "my"),
    (re.compile(r"\b((?:19|20)\d{2})\b"), "y"),
]


@dataclass(frozen=True, slots=True)
class StatedDate:
    """A date as the document states it, before and after reading it."""

    kind: str  # "received", "revised", "accepted", "available-online", "published"
    written: str  # "05/09/2024"
    line: int
    value: DateValue | None = None
    # For a numeric date that could be either: its two readings, day first and month first.
    readings: tuple[DateValue, DateValue] | None = None
    how: str = ""  # how an ambiguous date was settled, for the report


def find_stated_dates(text: str, line: int) -> list[StatedDate]:
    """The labelled dates in one line (`Received: 19/11/2023; Accepted: 25/07/2024`)."""
    labels = list(_LABEL_PATTERN.finditer(text))
    found = []
    for index, label in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        written = text[label.end():end].strip(" ;,|/.")
        date = read_date(written, KIND_OF[label.lastgroup], line)
        if date is not None:
            found.append(date)
    return found


KIND_OF = {kind.replace("-", "_"): kind for kind in DATE_LABELS}


def read_date(written: str, kind: str, line: int) -> StatedDate | None:
    """One date in any common form; a numeric day/month date keeps both readings."""
    for pattern, order in _FORMS:
        match = pattern.match(written) or (pattern.search(written) if order != "y" else None)
        if match is None and order == "y":
            match = pattern.fullmatch(written.strip())
        if match is None:
            continue
        if order == "ambiguous":
            return _ambiguous(match, kind, line)
        value = _date_in_order(match.groups(), order)
        if value is not None:
            return StatedDate(kind, match.group(0), line, value)
    return None


def _ambiguous(match: re.Match, kind: str, line: int) -> StatedDate | None:
    first, second, year = (int(group) for group in match.groups())
    year = year + (2000 if year < 50 else 1900) if year < 100 else year
    readings = (_valid(year, second, first), _valid(year, first, second))
    if readings[0] is None and readings[1] is None:
        return None
    if readings[0] is None or readings[1] is None or readings[0] == readings[1]:
        value = readings[0] or readings[1]
        return StatedDate(kind, match.group(0), line, value)
    return StatedDate(kind, match.group(0), line, None, readings)


def _date_in_order(groups: tuple[str, ...], order: str) -> DateValue | None:
    parts = dict(zip(order, groups))
    month = parse_month(parts["m"][:3] if not parts.get("m", "1").isdigit() else parts["m"]) if "m" in parts else None
    if "m" in parts and month is None:
        return None
    year = int(parts["y"])
    if "d" in parts:
        return _valid(year, month, int(parts["d"]))
    return DateValue(((year, month),)) if month else DateValue(((year,),))


def _valid(year: int, month: int, day: int) -> DateValue | None:
    if not (1 <= month <= 12 and 1 <= day <= _days_in(year, month)):
        return None
    return DateValue(((year, month, day),))


def _days_in(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def settle_ambiguous(dates: list[StatedDate]) -> list[StatedDate]:
    """Each day/month-or-month/day date read one way, decided by the document's other dates."""
    open_dates = [date for date in dates if date.readings]
    if not open_dates:
        return dates
    day_first, how = _reading_for(dates)
    settled = []
    for date in dates:
        if date.readings:
            value = date.readings[0] if day_first else date.readings[1]
            date = StatedDate(date.kind, date.written, date.line, value, None, how)
        settled.append(date)
    return settled


def _reading_for(dates: list[StatedDate]) -> tuple[bool, str]:
    """(day first?, why) for the numeric dates of one document."""
    for date in dates:
        numbers = re.findall(r"\d+", date.written)
        if date.readings is None and date.value and len(numbers) == 3 and len(numbers[0]) <= 2:
            first = int(numbers[0])
            if first > 12:
                return True, f"day/month, as {date.written} ({date.kind}) can only be read"
            if int(numbers[1]) > 12:
                return False, f"month/day, as {date.written} ({date.kind}) can only be read"
    in_order = {choice: _chronological(dates, choice) for choice in (True, False)}
    if in_order[True] != in_order[False]:
        choice = in_order[True]
        reading = "day/month" if choice else "month/day"
        return choice, f"{reading}: only then do the dates follow received, accepted, published"
    return True, "day/month: the dates allow both readings; day/month is the common one"


def _chronological(dates: list[StatedDate], day_first: bool) -> bool:
    values = []
    for date in sorted(dates, key=lambda date: KIND_ORDER.index(date.kind)):
        value = date.value or (date.readings[0] if day_first else date.readings[1])
        values.append(_sortable(value))
    return all(earlier <= later for earlier, later in zip(values, values[1:]))


def _sortable(value: DateValue) -> tuple[int, ...]:
    return tuple(value.parts[0]) + (0,) * (3 - len(value.parts[0]))
