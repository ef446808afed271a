"""Date values from CSL-JSON: date-parts, seasons, circa, literals and raw strings.

A `DateValue` holds one or two (year, month, day) triples (month 13-16 are
the seasons), plus a literal or a season. Legacy inputs (a plain string, a
`raw` field, string numbers in date-parts) are read the way processors
traditionally accept them.
"""

from __future__ import annotations

import re

MONTHS = {name: number for number, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for name in names}
SEASONS = {"spring": 13, "summer": 14, "autumn": 15, "fall": 15, "winter": 16}


class DateValue:
    __slots__ = ("parts", "literal", "season", "circa", "open_range")

    def __init__(self, parts=(), literal="", season=None, circa=False) -> None:
        self.parts: list[tuple[int, int, int]] = list(parts)
        self.literal = literal
        self.season = season
        self.circa = circa
        self.open_range = False  # "1987–": a range whose end is not known yet

    @property
    def is_range(self) -> bool:
        return len(self.parts) > 1 and self.parts[1][0] != 0 and self.parts[1] != self.parts[0]

    def sort_key(self, shown=("year", "month", "day")) -> str:
        if not self.parts:
            return ""
        keys = []
        for year, month, day in self.parts[:2]:
            month = month if "month" in shown else 0
            day = day if "day" in shown else 0
            keys.append(f"{year + 50000:06d}{month % 100:02d}{day:02d}")
        return "".join(keys)


def _number(value) -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        return 0


def _triple(parts) -> tuple[int, int, int]:
    values = [_number(value) for value in list(parts)[:3]]
    values += [0] * (3 - len(values))
    return values[0], values[1], values[2]


def _parse_one(text: str) -> tuple[int, int, int] | None:
    text = text.strip()
    match = re.match(r"^(-?\d{1,4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$", text)
    if match:
        return int(match.group(1)), int(match.group(2) or 0), int(match.group(3) or 0)
    words = re.findall(r"[A-Za-z]+|\d+", text)
    year = month = day = 0
    for word in words:
        lower = word.lower()
        if word.isdigit():
            if len(word) >= 3 or year == 0 and int(word) > 31:
                year = int(word)
            elif day == 0:
                day = int(word)
            else:
                year = int(word)
        elif lower[:3] in MONTHS or lower in MONTHS:
            month = MONTHS.get(lower, MONTHS.get(lower[:3], 0))
        elif lower in SEASONS:
            month = SEASONS[lower]
    if year == 0:
        return None
    return year, month, day


def parse_raw(text: str) -> DateValue:
    """A date from a string such as "2000-05-01", "May 1, 2000" or "2000/2001"."""
    for separator in ("/", " - ", "–"):
        if separator in text and not re.match(r"^\d{1,4}/\d{1,2}(/\d{1,2})?$", text):
            pieces = [_parse_one(piece) for piece in text.split(separator, 1)]
            if all(pieces):
                return DateValue(pieces)
    single = _parse_one(text)
    if single is None:
        return DateValue(literal=text)
    return DateValue([single])


def read_date(value) -> DateValue | None:
    """The `DateValue` of a CSL-JSON date variable, or None when it is empty."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return parse_raw(value)
    if not isinstance(value, dict):
        return None
    circa = bool(value.get("circa"))
    season = value.get("season")
    if value.get("date-parts"):
        raw_parts = value["date-parts"]
        parts = [_triple(parts) for parts in raw_parts if parts]
        parts = [part for part in parts if part[0] != 0 or part[1] != 0]
        if parts and parts[0][0] != 0:
            date = DateValue(parts, season=season, circa=circa)
            date.open_range = len(raw_parts) == 2 and len(parts) == 1 and \
                not any(_number(v) for v in (raw_parts[1] or []))
            return date
    if value.get("literal"):
        return DateValue(literal=str(value["literal"]), circa=circa)
    if value.get("raw"):
        parsed = parse_raw(str(value["raw"]))
        parsed.circa, parsed.season = circa, season
        return parsed
    return None
