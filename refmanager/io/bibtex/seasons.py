"""A date's season where BibTeX's `month` or biblatex's ISO date cannot say it.

CSL's `season` is 1 to 4 or any text ("Michaelmas", or the time of day that
Zotero's CSL export puts in an access date's season, "22:56:08"). Classic
`month = {Summer}` and biblatex's `date = {2001-22}` say seasons 1 to 4 of a year
alone, and read back as the number. Any other season (a text, or one on a date
with a month, a range or a literal) goes into a field of its own, as written:
`season` for the issued date, `accessed-season` (the CSL name and `-season`) for
another, which the reader puts back into the date. BibTeX styles and Zotero
ignore these fields; nothing else holds the season.
"""

from __future__ import annotations

import dataclasses

from refmanager.dates import season_of
from refmanager.io.bibtex.tables import SEASON_NAMES
from refmanager.latex.decode import decode
from refmanager.latex.encode import encode
from refmanager.model import DATE_VARIABLES, DateValue, Record

# The field of each date's season, and the date variable of each such field.
SEASON_FIELDS = {variable: "season" if variable == "issued" else variable + "-season"
                 for variable in DATE_VARIABLES}
DATE_OF_SEASON_FIELD = {field: variable for variable, field in SEASON_FIELDS.items()}


def split_season(date: DateValue) -> tuple[DateValue, str]:
    """The date as its own fields can say it (a season 1-4 on a year alone, else none),
    and the season they cannot say exactly ("" if none)."""
    if not date.season:
        return date, ""
    said = _season_number(date)
    if said == date.season:
        return date, ""
    return dataclasses.replace(date, season=said), date.season


def _season_number(date: DateValue) -> str:
    """The season 1-4 that `month` or an ISO date says for this date ("" if none can)."""
    if date.literal or len(date.parts) != 1 or len(date.parts[0]) != 1:
        return ""
    return date.season if date.season in SEASON_NAMES else season_of(date.season)


def season_fields(variable: str, season: str, ascii: bool) -> list[tuple[str, str]]:
    """The field for a date's season that the date's own fields cannot say (none if "")."""
    return [(SEASON_FIELDS[variable], "{" + encode(season, ascii) + "}")] if season else []


def read_seasons(record: Record, dates: dict, foreign: dict[str, str]) -> None:
    """Put the season fields' texts (LaTeX) among the entry's date parts (`dates`, by
    field name) into their dates; one whose date the entry lacks is kept verbatim."""
    for name, text in dates.items():
        variable = DATE_OF_SEASON_FIELD.get(name)
        if variable is None:
            continue
        date = record.dates.get(variable)
        season = decode(text).strip()
        if date is None or not season:
            foreign[name] = "{" + text + "}"
        else:
            record.dates[variable] = dataclasses.replace(date, season=season)
