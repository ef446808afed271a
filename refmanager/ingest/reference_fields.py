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
from refmanager.ingest.reference_markers import TRAILING_WORDS, clean
from refmanager.ingest.reference_names import split_names
from refmanager.ingest.reference_numbers import settle_numbers, sort_out_numbers
from refmanager.model import DateValue, Record

#: The labels the labellers use, besides the Record fields they fill.
LABELS = ("author", "editor", "translator", "title", "container", "date", "volume", "issue",
          "pages", "publisher", "location", "doi", "url", "edition", "genre", "institution",
          "series", "note", "citation_number", "identifier", "other")

_DOI = re.compile(r"10\.\d{4,9}/[^\s\"<>]+")
_YEAR = re.compile(r"(?<!\d)((?:1[5-9]|20)\d\d)([a-z])?(?![\d])")
_PAGE_RANGE = re.compile(r"^([A-Za-z]?\d+)\s*(?:-+|–|—|‐|‑|\s+to\s+)\s*([A-Za-z]?\d+)$")
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th|e|er|ème|\.)?$", re.I)


def record_from_spans(spans: list[tuple[str, str]], text: str, key: str = "") -> Record:
    """A Record from (label, text) spans in string order; the longest span of a label wins
    (a labeller may cut a title in two), except for names, where every span adds its names."""
    record = Record(key=key)
    seen: dict[str, str] = {}
    for label, span_text in sort_out_numbers(spans):
        if label in ("author", "editor", "translator"):
            record.creators.setdefault(label, []).extend(split_names(span_text))
        elif len(span_text) > len(seen.get(label, "")):
            seen[label] = span_text
    record.creators = {role: names for role, names in record.creators.items() if names}
    settle_numbers(seen, spans)
    _fill_scalars(record, seen)
    _fill_date(record, seen.get("date", ""))
    _fill_identifiers(record, seen, text)
    record.type = item_type(record, seen)
    return record


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
    return re.sub(TRAILING_WORDS["edition"], "", text.strip(" ,;:()"), flags=re.I).strip(" ,;:")


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
