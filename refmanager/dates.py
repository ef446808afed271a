"""Dates as bibliography formats write them, to and from the model's DateValue.

ISO 8601 / EDTF (`2004`, `2008-03`, `2013-04-29`, ranges `2004-03/2004-05`,
`~` for circa, `-21`..`-24` for seasons) is shared by biblatex's date fields and
CSL-JSON's date strings; month and season names by BibTeX's `month` and RIS.
"""

from __future__ import annotations

import re

from refmanager.model import DateValue

MONTH_ABBREVIATIONS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_MONTH_NAMES = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12, "sept": 9,
}
_SEASONS = {"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4}
_ISO_DATE = re.compile(r"(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def parse_month(text: str) -> int | None:
    """A month number from `3`, `03`, `mar`, `March`, `Mar.`; None if it is not one."""
    text = text.strip().rstrip(".").lower()
    if text.isdigit() and len(text) <= 2 and 1 <= int(text) <= 12:  # no int() of 5,000 digits
        return int(text)
    return MONTH_ABBREVIATIONS.get(text) or _MONTH_NAMES.get(text)


def parse_iso_date(text: str) -> DateValue | None:
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
            return DateValue(parts=((numbers[0],),), season=str(season), circa=circa)
        if len(numbers) > 2 and not 1 <= numbers[2] <= 31:
            return None
        parts.append(numbers)
    return DateValue(parts=tuple(parts), circa=circa)


def format_iso_date(date: DateValue) -> str | None:
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
