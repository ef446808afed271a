"""Which number of a reference is its volume, its issue, its pages: repairs after the labeller.

The labeller (CRF or rules) finds the numbers of `Phys. Lett. 129 B, 177 (1983)` or
`Ann. Probab. 33: 445-479, 2005. MR2240701` well, but names them less well: two
volumes and no pages, a review number read as pages beside the real pages, a volume
and its issue in one span. These functions take the labelled spans, or the longest
span of each label, and settle what each number is from where it stands and how it
is written.
"""

from __future__ import annotations

import re

from refmanager.ingest.reference_markers import clean

_BARE_NUMBER = re.compile(r"[A-Z]?\d+[A-Z]?|[IVXLC]+", re.I)
# Pages are numbers (`e0123`, `L85`, `S12`), ranges of them, or a count such as `viii+389`;
# a word of two letters or more next to digits is an identifier (`MR2240701`, `hep-th/9509162`).
_IDENTIFIER = re.compile(r"[A-Za-z]{2,}[\w-]*(?:/|\d{5,})|^[A-Za-z]{2,}\d+$")


def sort_out_numbers(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The spans with the numbers the labeller misnamed renamed: each repair looks at the
    labels of the whole reference, so they run in turn on the full list."""
    for repair in (year_read_with_the_volume, volume_read_as_pages, second_volume_is_the_issue_or_the_page,
                   issue_read_as_pages,
                   identifiers_read_as_pages, page_read_as_a_second_date, words_read_as_pages):
        spans = repair(spans)
    return spans


# Vancouver (NLM) style: `J Ecol. 2019;12(3):45-67`: the year, then the volume.
_YEAR_AND_VOLUME = re.compile(r"^\s*((?:1[6-9]|20)\d\d)\s*;\s*(\w+)\s*$")


def year_read_with_the_volume(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """`2019;12` labelled the volume: the year is the date (when no date was found)
    and 12 the volume."""
    out = []
    for label, text in spans:
        found = _YEAR_AND_VOLUME.match(text) if label == "volume" else None
        if found is None:
            out.append((label, text))
            continue
        if not any(other == "date" for other, _ in spans):
            out.append(("date", found.group(1)))
        out.append(("volume", found.group(2)))
    return out


def volume_read_as_pages(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """`Math. Ann., 261 (1982), 43-46`: the labeller may read both numbers as pages; with
    no volume found, a bare number before a second pages span is the volume."""
    labels = [label for label, _ in spans]
    if "volume" in labels or labels.count("pages") < 2:
        return spans
    first = labels.index("pages")
    if not _BARE_NUMBER.fullmatch(clean("pages", spans[first][1])):
        return spans
    return spans[:first] + [("volume", spans[first][1])] + spans[first + 1:]


def second_volume_is_the_issue_or_the_page(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """`Ann. Probab. 20, 1, 504--537` and `Nature 379, 49 (1996)`: the labeller may read
    the number after the volume as one more volume. Right after the first, a bare number
    in a second volume span is the issue when pages follow, else the first page."""
    labels = [label for label, _ in spans]
    if labels.count("volume") != 2:
        return spans
    second = labels.index("volume") + 1
    if second >= len(spans) or labels[second] != "volume" or not re.fullmatch(r"\d+", clean("volume", spans[second][1])):
        return spans
    volume, number = clean("volume", spans[second - 1][1]), clean("volume", spans[second][1])
    if "pages" not in labels:
        renamed = "pages"
    elif "pages" in labels[second:] and "issue" not in labels and _is_issue_of(number, volume):
        renamed = "issue"
    else:
        return spans
    return spans[:second] + [(renamed, spans[second][1])] + spans[second + 1:]


_SMALL_ISSUE = re.compile(r"(\d{1,2})(?:\s*[-–]+\s*(\d{1,2}))?")


def _is_issue_of(text: str, volume: str) -> bool:
    """`3`, `12`, or a double issue `8--9`, below the volume or within a year's twelve;
    not a page range such as `27-39`, nor the volume after a series `Ann. of Math. (2) 57`."""
    match = _SMALL_ISSUE.fullmatch(text)
    if match is None or match.group(2) and not 0 <= int(match.group(2)) - int(match.group(1)) <= 2:
        return False
    number = int(match.group(1))
    return number <= 12 or volume.isdigit() and number < int(volume)


def issue_read_as_pages(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """`Osaka J. Math. 22: 3 (1985), 489-518`: a small number after the volume, read as
    pages before the real pages, is the issue."""
    labels = [label for label, _ in spans]
    if "issue" in labels or labels.count("pages") != 2 or labels.count("volume") != 1:
        return spans
    first, volume = labels.index("pages"), labels.index("volume")
    if volume + 1 != first or not _is_issue_of(clean("pages", spans[first][1]), clean("volume", spans[volume][1])):
        return spans
    return spans[:first] + [("issue", spans[first][1])] + spans[first + 1:]


def identifiers_read_as_pages(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """`Ann. Probab. 33: 445-479, 2005. MR2240701`: a review number or an arXiv number read
    as pages beside the real pages is an identifier (else it would win as the longer)."""
    pages = [index for index, (label, _) in enumerate(spans) if label == "pages"]
    if len(pages) < 2:
        return spans
    identifiers = {index for index in pages if _IDENTIFIER.search(clean("pages", spans[index][1]))}
    if not identifiers or len(identifiers) == len(pages):
        return spans
    return [("identifier", text) if index in identifiers else (label, text)
            for index, (label, text) in enumerate(spans)]


def page_read_as_a_second_date(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """`MNRAS, 388, 1803` after `2008`, `Physica A 387, 2025, 2008`: a page number that
    looks like a year, right after the volume, is the page when another date is there."""
    labels = [label for label, _ in spans]
    if "pages" in labels or labels.count("date") < 2:
        return spans
    for index in range(1, len(spans)):
        if labels[index] == "date" and labels[index - 1] == "volume" and re.fullmatch(r"\d+", spans[index][1].strip()):
            return spans[:index] + [("pages", spans[index][1])] + spans[index + 1:]
    return spans


def words_read_as_pages(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """`ApJ, submitted (astro-ph/9803339)`: pages that are a word, without a number (nor a
    roman numeral, nor `NP`, no pagination), are not pages but a note."""
    return [("note", text) if label == "pages" and not re.search(r"\d|\b[ivxlcIVXLC]+\b", text)
            and re.search(r"[^\W\d_]{4}", text) else (label, text) for label, text in spans]


_VOLUME_AND_ISSUE = re.compile(
    r"^(?:vols?\b\.?\s*)?([\w.]+?)\s*(?:\(\s*([\w/–-]+)\s*\)?|[,:]?\s*(?:nos?\.?|n°|nr\.?|issue|#)\s*([\w/–-]+))$",
    re.I)
_TWO_NUMBERS = re.compile(r"^([A-Z]?\d+[A-Z]?)[,:]?\s+(?:pp?\.?\s?)?(\d+(?:\s*[-–]+\s*\d+)?)$")  # "251 p305-322"
_VOLUME_AT_END = re.compile(r"^(.*\D)\s+([A-Z]\d+|\d+[A-Z])$")


def _volume_then_page(volume: str, page: str) -> bool:
    """`J. Fluid Mech. 232 469 (1991)`: a volume then a page, not two pages `427, 426`."""
    return volume.isdigit() and int(volume) < int(page) and int(page) > 99


def settle_numbers(seen: dict[str, str], spans: list[tuple[str, str]]) -> None:
    """Split what the labeller left together: `95 (1` or `36, no. 9` into volume and
    issue, `49 1305` into volume and pages, `Phys. Rev. D43` into journal and volume;
    an issue with no volume is the volume, unless it ends the string (a page reference)."""
    volume = clean("volume", seen.get("volume", ""))
    parts = _VOLUME_AND_ISSUE.match(volume)
    if parts and "issue" not in seen:
        seen["volume"], seen["issue"] = parts.group(1), parts.group(2) or parts.group(3)
    two = _TWO_NUMBERS.match(volume)
    if two:
        seen["volume"] = two.group(1)
        if "pages" not in seen:
            seen["pages"] = two.group(2)
        elif "issue" not in seen and _is_issue_of(two.group(2), two.group(1)):
            seen["issue"] = two.group(2)  # `Ann. Probab. 8, 1, 1--67`: the pages came after
    volume_and_pages = _TWO_NUMBERS.match(clean("pages", seen.get("pages", "")))
    if volume_and_pages and "volume" not in seen and (re.search(r"[-–]", volume_and_pages.group(2))
                                                       or _volume_then_page(*volume_and_pages.groups())):
        seen["volume"], seen["pages"] = volume_and_pages.group(1), volume_and_pages.group(2)
    glued = _VOLUME_AT_END.match(clean("container", seen.get("container", "")))
    if glued and "volume" not in seen:
        seen["container"], seen["volume"] = glued.group(1), glued.group(2)
    elif glued and "pages" not in seen and re.fullmatch(r"\d+", clean("volume", seen["volume"])):
        # "Phys. Lett. 243B, 41 (1990)": the number read as the volume is the page
        seen["container"], seen["volume"], seen["pages"] = glued.group(1), glued.group(2), seen["volume"]
    if "issue" in seen and "volume" not in seen:
        issue = seen.pop("issue")
        if spans and spans[-1] != ("issue", issue):
            seen["volume"] = issue
