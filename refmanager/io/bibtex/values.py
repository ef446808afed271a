"""BibTeX value expressions, and BibTeX's separate year, month and day.

A BibTeX value is an expression: `{braced}`, `"quoted"`, a bare number, a
`@string` macro name, or several of these joined by `#`. `evaluate` turns one
into its LaTeX text, resolving macros (and the standard month names, which
every BibTeX style defines). ISO dates (biblatex's `date`) are in `dates`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from refmanager.dates import MONTH_ABBREVIATIONS
from refmanager.latex.braces import group_end, top_level_matches
from refmanager.model import DateValue


@dataclass(slots=True)
class Evaluated:
    """An expression's text, and the macro names it used that nobody defined."""

    text: str
    undefined: list[str] = field(default_factory=list)
    malformed: bool = False  # not a valid expression: a missing comma or brace, most likely
    month: int | None = None  # set when the whole value is a month macro such as `mar`
    used: list[str] = field(default_factory=list)  # the macros it expanded (lowercased)
    oversized: bool = False  # the expansion would pass MAX_EXPANSION; the text is then ""


# Characters a value may expand to: far beyond any real field, far below what a
# macro bomb (`@string{s30 = s29 # s29}`) would build.
MAX_EXPANSION = 1_000_000


def evaluate(expression: str, macros: dict[str, str], limit: int = MAX_EXPANSION) -> Evaluated:
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
    if sum(map(len, pieces)) > limit:  # measured before joining: a bomb is never built
        result.oversized = True
        return result
    result.text = "".join(pieces)
    if len(pieces) == 1 and expression.lower() in MONTH_ABBREVIATIONS and expression.lower() not in macros:
        result.month = MONTH_ABBREVIATIONS[expression.lower()]
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
        result.used.append(name)
        return macros[name]
    if name in MONTH_ABBREVIATIONS:
        return piece
    result.undefined.append(piece)
    return piece  # keep the name itself rather than drop the text


def _closes_at_end(expression: str) -> bool:
    """True when the first `{` is closed by the last character (`\\{` is a literal brace)."""
    return group_end(expression, 0) == len(expression)


def _split_concatenation(expression: str) -> list[str]:
    """The pieces of `a # "b" # {c}`: a `#` inside a group or a quoted piece, or
    escaped (`\\#`), joins nothing."""
    pieces, last, quoted = [], 0, False
    for match in top_level_matches(expression, '["#]'):
        if match.group() == '"':
            quoted = not quoted
        elif not quoted:
            pieces.append(expression[last:match.start()].strip())
            last = match.end()
    pieces.append(expression[last:].strip())
    return [piece for piece in pieces if piece]


# ---------------------------------------------------------------- year, month, day

_YEAR_RANGE = re.compile(r"(\d{3,4})\s*(?:-|--|–|/)\s*(\d{3,4})")
_YEAR = re.compile(r"-?\d{1,4}")


def date_from_year_month(year: str, month: int | None, day: str = "") -> DateValue:
    """A DateValue from BibTeX's separate fields; an odd year is kept as a literal."""
    year = year.strip()
    range_match = _YEAR_RANGE.fullmatch(year)
    if range_match:
        return DateValue(parts=((int(range_match.group(1)),), (int(range_match.group(2)),)))
    if not _YEAR.fullmatch(year):
        return DateValue(literal=year)
    parts: tuple[int, ...] = (int(year),)
    if month:
        parts += (month,)
        day = day.strip()
        if day.isdigit() and len(day) <= 2 and 1 <= int(day) <= 31:
            parts += (int(day),)
    return DateValue(parts=(parts,))
