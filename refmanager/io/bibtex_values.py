"""BibTeX value expressions and dates.

A BibTeX value is an expression: `{braced}`, `"quoted"`, a bare number, a
`@string` macro name, or several of these joined by `#`. `evaluate` turns one
into its LaTeX text, resolving macros (and the standard month names, which
every BibTeX style defines). Dates from `year`/`month`/`day` and from biblatex's
ISO 8601 `date` fields become the model's `DateValue`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from refmanager.model import DateValue

MONTH_MACROS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_MONTH_NAMES = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12, "sept": 9,
}
_SEASONS = {"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4}


@dataclass(slots=True)
class Evaluated:
    """An expression's text, and the macro names it used that nobody defined."""

    text: str
    undefined: list[str] = field(default_factory=list)
    malformed: bool = False  # not a valid expression: a missing comma or brace, most likely
    month: int | None = None  # set when the whole value is a month macro such as `mar`


def evaluate(expression: str, macros: dict[str, str]) -> Evaluated:
    """The LaTeX text of a value expression; `macros` maps lowercased names to text."""
    expression = expression.strip()
    if expression[:1] == "{" and expression[-1:] == "}":  # the common case: one braced value
        inner = expression[1:-1]
        if ("{" not in inner and "}" not in inner) or _closes_at_end(expression):
            return Evaluated(inner)
    result = Evaluated("")
    pieces = []
    for piece in _split_concatenation(expression):
        pieces.append(_evaluate_piece(piece, macros, result))
    result.text = "".join(pieces)
    if len(pieces) == 1 and expression.lower() in MONTH_MACROS and expression.lower() not in macros:
        result.month = MONTH_MACROS[expression.lower()]
    return result


_NAME = re.compile(r"[^\s\"#%'(),={}]+")


def _evaluate_piece(piece: str, macros: dict[str, str], result: Evaluated) -> str:
    if piece[:1] in "{\"" and len(piece) >= 2:
        closed = _closes_at_end(piece) if piece[0] == "{" else piece.endswith('"')
        result.malformed = result.malformed or not closed
        return piece[1:-1]
    if piece.isdigit():
        return piece
    if not _NAME.fullmatch(piece):
        result.malformed = True
        return piece
    name = piece.lower()
    if name in macros:
        return macros[name]
    if name in MONTH_MACROS:
        return piece
    result.undefined.append(piece)
    return piece  # keep the name itself rather than drop the text


_BRACE_OR_ESCAPE = re.compile(r"\\.|[{}]", re.S)


def _closes_at_end(expression: str) -> bool:
    """True when the first `{` is closed by the last character.

    `\\{` is a literal brace, as bibtexparser and LaTeX read it.
    """
    depth = 0
    for match in _BRACE_OR_ESCAPE.finditer(expression):
        char = match.group()
        if len(char) == 1:
            depth += 1 if char == "{" else -1
            if depth == 0:
                return match.end() == len(expression)
    return False


def _split_concatenation(expression: str) -> list[str]:
    pieces, current, depth, quoted = [], [], 0, False
    for char in expression:
        if char == '"' and depth == 0:
            quoted = not quoted
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        if char == "#" and depth == 0 and not quoted:
            pieces.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    pieces.append("".join(current).strip())
    return [piece for piece in pieces if piece]


# ---------------------------------------------------------------- dates

def parse_month(text: str) -> int | None:
    """A month number from `3`, `03`, `mar`, `March`, `Mar.`; None if it is not one."""
    text = text.strip().rstrip(".").lower()
    if text.isdigit() and 1 <= int(text) <= 12:
        return int(text)
    return MONTH_MACROS.get(text) or _MONTH_NAMES.get(text)


_ISO_DATE = re.compile(r"(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


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
        parts.append(numbers)
    return DateValue(parts=tuple(parts), circa=circa)


def format_iso_date(date: DateValue) -> str | None:
    """The ISO 8601 / EDTF form of a date, for biblatex; None for a literal date."""
    if not date.parts:
        return None
    ends = ["-".join(f"{number:02d}" if index else str(number) for index, number in enumerate(end))
            for end in date.parts]
    text = "/".join(ends)
    if date.season and date.season.isdigit() and len(date.parts[0]) == 1:
        text += f"-{20 + int(date.season)}"
    return text + ("~" if date.circa else "")


def date_from_year_month(year: str, month: int | None, day: str = "") -> DateValue:
    """A DateValue from BibTeX's separate fields; an odd year is kept as a literal."""
    year = year.strip()
    range_match = re.fullmatch(r"(\d{3,4})\s*(?:-|--|–|/)\s*(\d{3,4})", year)
    if range_match:
        return DateValue(parts=((int(range_match.group(1)),), (int(range_match.group(2)),)))
    if not re.fullmatch(r"-?\d{1,4}", year):
        return DateValue(literal=year)
    parts: tuple[int, ...] = (int(year),)
    if month:
        parts += (month,)
        if day.strip().isdigit() and 1 <= int(day) <= 31:
            parts += (int(day),)
    return DateValue(parts=(parts,))


def season_of(text: str) -> str:
    """The CSL season number for a season name, or ""."""
    number = _SEASONS.get(text.strip().lower())
    return str(number) if number else ""
