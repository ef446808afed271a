"""What a journal prints about where an article appeared: journal, volume, issue,
pages, year, DOI and ISSN, from labelled lines (`Volume: 6`) or a running header
(`Journal of X, Vol. 6, No. 2, 2024, pp. 31-34`, `J Foo. 2021;12(3):45-67`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+[^\s\"<>.,;:)\]])")
ISSN = re.compile(r"\b(?:(?P<kind>e-?|p-?|print\s+|online\s+|electronic\s+)?ISSN)\s*(?:\((?:print|online)\))?[:\s]*(?P<issn>\d{4}\s?[-‐–]\s?\d{3}[\dXx])", re.I)
_ISSN_NUMBER = re.compile(r"\b\d{4}-\d{3}[\dXx]\b")
_VOLUME = re.compile(r"\b(?:vol(?:ume)?|v)\.?\s*(\d+)", re.I)
_ISSUE = re.compile(r"\b(?:no|nr|n[º°o]|num(?:ber)?|iss(?:ue)?)\.?\s*(\d+(?:\s*[-–/]\s*\d+)?)", re.I)
_PAGES = re.compile(r"\b(?:pp?|pages?)\.?\s*(e?\d+(?:\s*[-–—]\s*e?\d+)?)", re.I)
_COMPACT = re.compile(r"(?:^|[\s,;.])(?:(?P<year>(?:19|20)\d{2})\s*;\s*)?(?P<volume>\d{1,4})\s*\((?P<issue>(?!(?:19|20)\d{2}\))\d{1,4}(?:\s*[-–/]\s*\d{1,4})?|S\d{1,2}|Suppl\.?\s*\d{0,2})\)(?:\s*\((?P<year_after>(?:19|20)\d{2})\))?\s*(?:[:,]?\s*(?P<pages>e?\d+(?:\s*[-–—]\s*e?\d+)?))?")
# Elsevier's "Journal of Rural Studies 79 (2020) 112–121": volume, year, pages.
_VOLUME_YEAR_PAGES = re.compile(r"(?:^|[\s,;.])(?P<volume>\d{1,4})\s*\((?P<year>(?:19|20)\d{2})\)\s*[:,]?\s*(?P<pages>e?\d+(?:\s*[-–—]\s*e?\d+)?)")
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_LABELS = {
    "container-title": r"journal(?:\s+name|\s+title)?|published\s+in|source",
    "volume": r"vol(?:ume)?\.?",
    "issue": r"issue|no\.?|number",
    "page": r"pages?|pp\.?",
    "DOI": r"doi",
}


@dataclass(slots=True)
class JournalHeader:
    """What the document says of its journal and issue (text as printed), and on which lines."""

    fields: dict[str, str] = field(default_factory=dict)  # CSL name -> value
    evidence: dict[str, str] = field(default_factory=dict)  # CSL name -> the line it came from
    issns: list[str] = field(default_factory=list)

    def take(self, name: str, value: str, line_text: str, number: int) -> None:
        if value and name not in self.fields:
            self.fields[name] = value.strip()
            self.evidence[name] = f"line {number}: {line_text}"


def read_labelled(header: JournalHeader, label: str, value: str, line_text: str, number: int) -> bool:
    """A `Journal: …`, `Volume: 6`, `DOI: …` line; True when the label was one of these."""
    for name, pattern in _LABELS.items():
        if re.fullmatch(pattern, label.strip(), re.I):
            # "Volume: 4 Issue: 2": a second label on the same line
            more = re.search(r"\s(" + "|".join(_LABELS.values()) + r")\s*:\s*", value, re.I)
            if more:
                read_labelled(header, more.group(1), value[more.end():], line_text, number)
                value = value[:more.start()]
            if name == "DOI":
                found = DOI.search(value)
                value = found.group(1) if found else ""
            header.take(name, value.rstrip("."), line_text, number)
            return True
    return False


def read_running_header(header: JournalHeader, text: str, number: int) -> bool:
    """A line such as `Journal of X, Vol. 6, No. 2, 2024, pp. 31-34`; True if it was one."""
    volume, issue, pages = _VOLUME.search(text), _ISSUE.search(text), _PAGES.search(text)
    compact, by_year = _COMPACT.search(text), _VOLUME_YEAR_PAGES.search(text)
    if by_year and not (volume and (issue or pages)):
        for name, group in (("volume", "volume"), ("page", "pages"), ("year", "year")):
            header.take(name, by_year.group(group), text, number)
        first = by_year.start()
    elif volume and (issue or pages):
        header.take("volume", volume.group(1), text, number)
        header.take("issue", issue.group(1) if issue else "", text, number)
        header.take("page", pages.group(1) if pages else "", text, number)
        first = min(match.start() for match in (volume, issue, pages) if match)
    elif compact and (_compact_pages(compact) or compact.group("year") or compact.group("year_after")
                      or _YEAR.search(text)):
        header.take("volume", compact.group("volume"), text, number)
        header.take("issue", compact.group("issue"), text, number)
        header.take("page", _compact_pages(compact), text, number)
        first = compact.start()
    else:
        return False
    year = _YEAR.search(text)
    header.take("year", year.group(1) if year else "", text, number)
    journal = text[:first].strip(" ,;.:|-–")
    journal = re.sub(r"\s*\(?(?:19|20)\d{2}\)?$", "", journal).strip(" ,;.:|")
    if len(journal.split()) >= 1 and not re.search(r"\d{3,}", journal):
        header.take("container-title", journal, text, number)
    return True


def _compact_pages(compact: re.Match) -> str:
    pages = compact.group("pages") or ""
    return "" if re.fullmatch(r"(?:19|20)\d{2}", pages) else pages  # "12(3), 2020": a year


def read_identifiers(header: JournalHeader, text: str, number: int) -> None:
    """DOI and ISSNs printed anywhere in the front matter."""
    numbers = [match.group("issn") for match in ISSN.finditer(text)]
    if numbers:  # "ISSN: 0162-9778 (Print) 1751-7877 (Online)": one label, two numbers
        numbers += _ISSN_NUMBER.findall(text)
    for number in numbers:
        issn = re.sub(r"\s|[‐–]", "", number).replace("-", "")
        issn = f"{issn[:4]}-{issn[4:].upper()}"
        if issn not in header.issns:
            header.issns.append(issn)
    found = DOI.search(text)
    if found:
        header.take("DOI", found.group(1), text, number)
