"""From labelled spans of a reference string to a Record.

The labeller (CRF or rules) says which stretch of the string is the author list,
the title, the volume...; this module cleans each stretch (quotes, `pp.`, `vol.`,
`In:`, trailing punctuation), splits the names, normalises page ranges to an en
dash, extracts the DOI, reads the year (keeping a letter such as the `a` of `2020a`
as `year-suffix`), and picks the CSL item type from what was found.
"""

from __future__ import annotations

import re

from refmanager.dates import parse_month
from refmanager.ingest.reference_names import split_names
from refmanager.model import DateValue, Record

#: The labels the labellers use, besides the Record fields they fill.
LABELS = ("author", "editor", "translator", "title", "container", "date", "volume", "issue",
          "pages", "publisher", "location", "doi", "url", "edition", "genre", "institution",
          "series", "note", "citation_number", "identifier", "other")

_EDGE = " \t.,;:()[]{}<>\"'“”‘’«»"
_DOI = re.compile(r"10\.\d{4,9}/[^\s\"<>]+")
_YEAR = re.compile(r"(?<!\d)((?:1[5-9]|20)\d\d)([a-z])?(?![\d])")
_PAGE_RANGE = re.compile(r"^([A-Za-z]?\d+)\s*(?:-+|–|—|‐|‑|\s+to\s+)\s*([A-Za-z]?\d+)$")
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th|e|er|ème|\.)?$", re.I)
_LEADING_MARKERS = {
    "container": r"^(?:in\s*:|in\b)\s*",
    "pages": r"^(?:pages?|pp?\.?|s\.|art(?:icle)?\.?\s*(?:no\.?)?)\s*",
    "volume": r"^(?:volumes?\b|vols?\b\.?|bd\.|t\.|jg\.)\s*",
    "issue": r"^(?:numbers?\b|nos?\b\.?|nr\b\.?|issues?\b|heft\b|h\.)\s*",
    "doi": r"^(?:doi\s*:?\s*|https?://(?:dx\.)?doi\.org/)",
    "url": r"^(?:url\s*:?\s*|retrieved\s+from\s*|available\s+(?:at|from)\s*:?\s*)",
    "edition": r"^(?:ed\.|edition)\s*",
}
_TRAILING_WORDS = {
    "edition": r"\s*\b(?:ed|edn|edition|aufl|éd)\b\.?$",
    "pages": r"\s*\bpp?\b\.?$",
}


def clean(label: str, text: str) -> str:
    """A span's text without its markers (`pp.`, `vol.`, `In:`) and edge punctuation."""
    text = re.sub(r"\s+", " ", text).strip(_EDGE)
    if label in _LEADING_MARKERS:
        text = re.sub(_LEADING_MARKERS[label], "", text, flags=re.I).strip(_EDGE)
    if label in _TRAILING_WORDS:
        text = re.sub(_TRAILING_WORDS[label], "", text, flags=re.I).strip(_EDGE)
    return text


def record_from_spans(spans: list[tuple[str, str]], text: str, key: str = "") -> Record:
    """A Record from (label, text) spans in string order; the longest span of a label wins
    (a labeller may cut a title in two), except for names, where every span adds its names."""
    record = Record(key=key)
    seen: dict[str, str] = {}
    for label, span_text in _volume_read_as_pages(spans):
        if label in ("author", "editor", "translator"):
            record.creators.setdefault(label, []).extend(split_names(span_text))
        elif len(span_text) > len(seen.get(label, "")):
            seen[label] = span_text
    record.creators = {role: names for role, names in record.creators.items() if names}
    _settle_numbers(seen, spans)
    _fill_scalars(record, seen)
    _fill_date(record, seen.get("date", ""))
    _fill_identifiers(record, seen, text)
    record.type = item_type(record, seen)
    return record


_BARE_NUMBER = re.compile(r"[A-Z]?\d+[A-Z]?|[IVXLC]+", re.I)


def _volume_read_as_pages(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """`Math. Ann., 261 (1982), 43-46`: the labeller may read both numbers as pages; with
    no volume found, a bare number before a second pages span is the volume."""
    labels = [label for label, _ in spans]
    if "volume" in labels or labels.count("pages") < 2:
        return spans
    first = labels.index("pages")
    if not _BARE_NUMBER.fullmatch(clean("pages", spans[first][1])):
        return spans
    return spans[:first] + [("volume", spans[first][1])] + spans[first + 1:]


_VOLUME_AND_ISSUE = re.compile(
    r"^(?:vols?\b\.?\s*)?([\w.]+?)\s*(?:\(\s*([\w/–-]+)\s*\)?|[,:]?\s*(?:nos?\.?|n°|nr\.?|issue|#)\s*([\w/–-]+))$",
    re.I)
_TWO_NUMBERS = re.compile(r"^([A-Z]?\d+[A-Z]?)[,:]?\s+(\d+(?:\s*[-–]+\s*\d+)?)$")
_VOLUME_AT_END = re.compile(r"^(.*\D)\s+([A-Z]\d+|\d+[A-Z])$")


def _settle_numbers(seen: dict[str, str], spans: list[tuple[str, str]]) -> None:
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
        seen.setdefault("pages", two.group(2))
    volume_and_pages = _TWO_NUMBERS.match(clean("pages", seen.get("pages", "")))
    if volume_and_pages and "volume" not in seen and re.search(r"[-–]", volume_and_pages.group(2)):
        seen["volume"], seen["pages"] = volume_and_pages.group(1), volume_and_pages.group(2)
    glued = _VOLUME_AT_END.match(clean("container", seen.get("container", "")))
    if glued and "volume" not in seen:
        seen["container"], seen["volume"] = glued.group(1), glued.group(2)
    if "issue" in seen and "volume" not in seen:
        issue = seen.pop("issue")
        if spans and spans[-1] != ("issue", issue):
            seen["volume"] = issue


def _fill_scalars(record: Record, seen: dict[str, str]) -> None:
    record.title = clean("title", seen.get("title", ""))
    record.container_title = _with_final_abbreviation(clean("container", seen.get("container", "")),
                                                      seen.get("container", ""))
    record.volume = clean("volume", seen.get("volume", ""))
    record.issue = clean("issue", seen.get("issue", ""))
    record.publisher = clean("publisher", seen.get("publisher", "") or seen.get("institution", ""))
    record.publisher_place = clean("location", seen.get("location", ""))
    record.edition = edition(seen.get("edition", ""))
    pages = clean("pages", seen.get("pages", ""))
    if re.fullmatch(r"e?\d+|[A-Z]\d+", pages) and re.search(r"art|^e", seen.get("pages", ""), re.I):
        record.number = pages  # an article number (`e0123`, `Article 12`), not a page
    else:
        record.page = page_range(pages)
    for label, variable in (("series", "collection-title"), ("genre", "genre"),
                            ("citation_number", "citation-number"), ("note", "note")):
        value = clean(label, seen.get(label, ""))
        if value:
            record.set(variable, value)


def _with_final_abbreviation(cleaned: str, written: str) -> str:
    """`ACM Trans. Program. Lang. Syst.` keeps its last dot: it abbreviates, it does not end."""
    abbreviated = re.search(r"\b\w{1,6}\.\s", cleaned)
    if abbreviated and written.rstrip(" ,;:").endswith(cleaned + ".") and re.search(r"\b[A-Z]\w{0,5}$", cleaned):
        return cleaned + "."
    return cleaned


def page_range(pages: str) -> str:
    """`123-45` and `123--145` as `123–45` and `123–145`: an en dash, the digits as written."""
    match = _PAGE_RANGE.match(pages)
    return f"{match.group(1)}–{match.group(2)}" if match else pages


def edition(text: str) -> str:
    """`2nd ed.` -> `2`; a wording such as `Rev. ed.` is kept as written."""
    cleaned = clean("edition", text)
    match = _ORDINAL.match(cleaned)
    if match:
        return match.group(1)
    # "Rev." keeps the dot of its abbreviation
    return re.sub(_TRAILING_WORDS["edition"], "", text.strip(" ,;:()"), flags=re.I).strip(" ,;:")


def _fill_date(record: Record, date_text: str) -> None:
    match = _YEAR.search(date_text)
    if not match:
        return
    parts: tuple[int, ...] = (int(match.group(1)),)
    for word in re.findall(r"[A-Za-zé]+\.?", date_text):
        month = parse_month(word) if len(word.rstrip(".")) >= 3 else None
        if month:
            parts += (month,)
            break
    record.dates["issued"] = DateValue(parts=(parts,))
    if match.group(2):
        record.variables["year-suffix"] = match.group(2)


def _fill_identifiers(record: Record, seen: dict[str, str], text: str) -> None:
    doi = _DOI.search(seen.get("doi", "")) or _DOI.search(seen.get("url", "")) or _DOI.search(text)
    if doi:
        record.doi = doi.group().rstrip(".,;)]")
    url = clean("url", seen.get("url", ""))
    if url and not re.match(r"https?://(?:dx\.)?doi\.org/", url, re.I):
        record.url = url


def item_type(record: Record, seen: dict[str, str]) -> str:
    """The CSL item type that fits the fields found."""
    container = record.container_title.lower()
    genre = seen.get("genre", "").lower()
    if re.search(r"thesis|dissertation|diss\.|ph\.?\s*d", genre):
        return "thesis"
    if re.search(r"report|memo|tech", genre) or "institution" in seen and not container:
        return "report"
    if container:
        if re.search(r"\bproc|conference|conf\b|symposium|workshop|congress|meeting", container):
            return "paper-conference"
        if record.volume or record.issue or not (record.publisher or "editor" in record.creators):
            return "article-journal"
        return "chapter"
    if record.publisher or record.edition:
        return "book"
    if record.url:
        return "webpage"
    return "article-journal" if record.volume else "document"
