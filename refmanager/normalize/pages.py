"""Page ranges: an en dash between the ends, abbreviated ends written out.

`201-19`, `201--219` and `201 – 219` all become `201–219`. For RIS the mark is a
hyphen (`config.range_dash`): RIS states a range as its start and end pages (SP,
EP), which its writer splits a hyphen's range into, and its reader joins with one. A second end that is
shorter than the first is read as its last digits (`1501-09` is 1501–1509), as
the Chicago Manual's inclusive numbers are. Article numbers (`e1002345`, `105432`)
and pages with letters (`S12-S19`, `xii-xv`) are not ranges to expand: they are
kept as written apart from the dash.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from refmanager.changes import Change
from refmanager.model import Record, RecordId
from refmanager.normalize.config import NormalizeConfig
from refmanager.normalize.pipeline import RecordStep

EN_DASH = "\u2013"
_RANGE = re.compile(r"^\s*([A-Za-z]*)(\d+)\s*(?:-{1,3}|\u2010|\u2011|\u2012|\u2013|\u2014|\u2212)\s*([A-Za-z]*)(\d+)\s*$")
_OTHER_RANGE = re.compile(r"\s*(?:--?-?|\u2013|\u2014|\u2212)\s*")
_ROMAN_PAGE = re.compile(r"^[ivxlcdm]+$", re.IGNORECASE)


def normalize_page_range(page: str, dash: str = EN_DASH) -> str:
    """The page field with one `dash` between the ends of each range and short ends expanded."""
    if "," in page:
        return ", ".join(normalize_page_range(part, dash) for part in page.split(","))
    match = _RANGE.match(page)
    if match is None:
        return _dash_only(page.strip(), dash)
    first_prefix, first, second_prefix, second = match.groups()
    if len(second) < len(first) and not second_prefix:
        expanded = first[: len(first) - len(second)] + second
        if int(expanded) <= int(first):  # `95-5` is no abbreviation: keep it as written
            return f"{first_prefix}{first}{dash}{second}"
        second, second_prefix = expanded, first_prefix
    return f"{first_prefix}{first}{dash}{second_prefix}{second}"


def _dash_only(page: str, dash: str) -> str:
    ends = _OTHER_RANGE.split(page)
    if len(ends) == 2 and all(_ROMAN_PAGE.match(end) for end in ends):
        return dash.join(ends)
    return page


class ExpandPageRange(RecordStep):
    """Page ranges with an en dash (a hyphen for RIS), abbreviated second pages written
    out (201-19: 201–219)."""

    dash = EN_DASH

    def prepare(self, records: list[Record], config: NormalizeConfig) -> None:
        self.dash = config.range_dash

    def check(self, record_id: RecordId, record: Record) -> Iterable[Change]:
        page = record.page
        if not page or page.isdigit():
            return
        new = normalize_page_range(page, self.dash)
        if new != page:
            expanded = len(new.replace(self.dash, "")) > len(_OTHER_RANGE.sub("", page))
            yield self.change(record_id, record, "page", new, f"pages as written: {page}",
                              confidence=0.9 if expanded else 1.0)
