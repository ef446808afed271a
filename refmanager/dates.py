"""Dates as bibliography formats write them, to and from the model's DateValue.

ISO 8601 / EDTF (`2004`, `2008-03`, `2013-04-29`, ranges `2004-03/2004-05`,
`~` for circa, `-21`..`-24` for seasons) is shared by biblatex's date fields and
CSL-JSON's date strings; month and season names by BibTeX's `month` and RIS.
"""

from __future__ import annotations

import re

# The module, not the class: refmanager.model imports this module while it loads.
from refmanager import model

MONTH_ABBREVIATIONS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_MONTH_NAMES = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12, "sept": 9,
}
_SEASONS = {"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4}
_ISO_DATE = re.compile(r"(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


#: The largest number a date part may be: any year a bibliography holds, and far
#: below Python's limit on turning an integer into text (4,300 digits).
LARGEST_DATE_NUMBER = 999_999_999


def parse_month(text: str) -> int | None:
    """A month number from `3`, `03`, `mar`, `March`, `Mar.`; None if it is not one."""
    text = text.strip().rstrip(".").lower()
    # Two ASCII digits at most: "²" is a digit to isdigit() but not to int(), and a
    # 5,000-digit number is more than int() will read.
    if text.isascii() and text.isdigit() and len(text) <= 2:
        return int(text) if 1 <= int(text) <= 12 else None
    return MONTH_ABBREVIATIONS.get(text) or _MONTH_NAMES.get(text)


# A month with days as conference proceedings write it in BibTeX's `month`:
# `aug # "~26--30"`, `oct # "~31--" # nov # "~4"`, `"7-8 " # jun`, `oct--nov`, or the
# same with the quotes and `#` escaped into the text by a converter (`''20 '' \\# aug`,
# the ACL Anthology's older exports). Quotes, `#`, braces and ties only separate.
_SPAN_SEPARATORS = re.compile(r"\\#|\\,|''|``|[\"#~{}\s\u00a0]+")
_SPAN_TOKEN = re.compile(r"([A-Za-z]+)\.?|(\d{1,2})(?:st|nd|rd|th)?|(-{1,3}|[\u2013\u2014/])")


def parse_month_span(text: str) -> tuple[tuple[int, ...], ...] | None:
    """The one or two ends, (month,) or (month, day), of a month field that names days
    or a range of months (`aug 26--30`, `31 may--2 jun`, `oct/nov`); None if it is none."""
    text = _SPAN_SEPARATORS.sub(" ", text.replace("\\textendash", "\u2013")).strip()
    sides: list[list[tuple[str, int]]] = [[]]
    for token in text.split():
        for match in _iter_span_tokens(token):
            if match is None:
                return None
            word, day, dash = match.groups()
            if dash:
                sides.append([])
            elif word:
                month = parse_month(word)
                if month is None:
                    return None
                sides[-1].append(("month", month))
            else:
                sides[-1].append(("day", int(day)))
    return _span_ends(sides)


def _iter_span_tokens(token: str):
    """The tokens of one word of a month span; None for a character that belongs to none."""
    position = 0
    while position < len(token):
        match = _SPAN_TOKEN.match(token, position)
        yield match
        if match is None:
            return
        position = match.end()


def _span_ends(sides: list[list[tuple[str, int]]]) -> tuple[tuple[int, ...], ...] | None:
    """Ends from each side's tokens: a month, a month and a day in either order, or a day
    alone that takes the month of the other side (`26--30 aug`, `aug 26--30`)."""
    if len(sides) > 2 or not all(sides):
        return None
    ends = []
    for side in sides:
        fields = dict(side)
        if len(fields) != len(side) or not 1 <= fields.get("day", 1) <= 31:
            return None  # two months or two days on one side, or no day of a month
        ends.append((fields.get("month"), fields.get("day")))
    if len(ends) == 2:
        (first_month, first_day), (last_month, last_day) = ends
        if (first_day is None) != (last_day is None):
            return None  # `aug 23--sep`: no one reading
        ends = [(first_month or last_month, first_day), (last_month or first_month, last_day)]
    if any(month is None for month, _ in ends):
        return None
    return tuple((month,) if day is None else (month, day) for month, day in ends)


def parse_iso_date(text: str) -> model.DateValue | None:
    """A DateValue from an ISO 8601 / EDTF date or range (`2004-03/2004-05`); None if not one."""
    text = text.strip()
    circa = text.endswith(("~", "?", "%"))
    text = text.rstrip("~?%")
    ends = text.split("/")
    if len(ends) > 2:
        return None
    parts = []
    for end in ends:
        match = _ISO_DATE.fullmatch(end.strip())
        if not match:
            return None
        numbers = tuple(int(group) for group in match.groups() if group is not None)
        if len(numbers) > 1 and not 1 <= numbers[1] <= 12:
            season = numbers[1] - 20 if 21 <= numbers[1] <= 24 and len(numbers) == 2 else None
            if season is None or len(ends) > 1:
                return None
            return model.DateValue(parts=((numbers[0],),), season=str(season), circa=circa)
        if len(numbers) > 2 and not 1 <= numbers[2] <= 31:
            return None
        parts.append(numbers)
    return model.DateValue(parts=tuple(parts), circa=circa)


def date_parts_problem(parts: object) -> str | None:
    """What is wrong with CSL date parts (one or two ends of year[, month[, day]]
    integers, months 1-12, days 1-31), or None if nothing is."""
    if type(parts) is not tuple or len(parts) > 2:
        return "a date has one or two ends (a range)"
    for end in parts:
        if type(end) is not tuple or not 1 <= len(end) <= 3:
            return "a date end is year, month and day (one to three numbers)"
        for number in end:  # a loop, not all(): this runs for every date of every file
            if type(number) is not int:
                return "date parts are whole numbers"
            if not -LARGEST_DATE_NUMBER <= number <= LARGEST_DATE_NUMBER:
                return f"a date part is larger than {LARGEST_DATE_NUMBER:,}"
        if len(end) > 1 and not 1 <= end[1] <= 12:
            return f"month {end[1]} is not 1 to 12"
        if len(end) > 2 and not 1 <= end[2] <= 31:
            return f"day {end[2]} is not 1 to 31"
    return None


def parts_as_text(parts: tuple) -> str:
    """Date parts as they were given, for a literal: `2004-13`, `2004/2005`.

    A number too long to print (Python will not turn more than 4,300 digits into
    text) is written as its digit count."""
    def number_text(number: object) -> str:
        if isinstance(number, int) and abs(number) > LARGEST_DATE_NUMBER ** 4:
            return f"<{number.bit_length() * 30103 // 100000 + 1}-digit number>"
        return str(number)
    ends = parts if isinstance(parts, (tuple, list)) else (parts,)
    return "/".join("-".join(map(number_text, end)) if isinstance(end, (tuple, list))
                    else number_text(end) for end in ends)


def format_iso_date(date: model.DateValue) -> str | None:
    """The ISO 8601 / EDTF form of a date, for biblatex; None for a literal date."""
    if not date.parts:
        return None
    ends = ["-".join(f"{number:02d}" if index else str(number) for index, number in enumerate(end))
            for end in date.parts]
    text = "/".join(ends)
    season = date.season if date.season.isdigit() else season_of(date.season)
    if season and len(date.parts[0]) == 1:
        text += f"-{20 + int(season)}"
    return text + ("~" if date.circa else "")


def season_of(text: str) -> str:
    """The CSL season number for a season name, or ""."""
    number = _SEASONS.get(text.strip().lower())
    return str(number) if number else ""
