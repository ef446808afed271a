"""Identifiers: DOIs, ISBNs, ISSNs, arXiv ids and URLs in one clean form each.

A DOI is stored bare (`10.1000/xyz`, no `https://doi.org/` or `doi:`); its case is
kept, since DOIs compare case-insensitively anyway (`doi_key` gives the form to
compare on). ISBNs and ISSNs are hyphenated by their agencies' ranges (python-stdnum
ships them) and those whose check digit is wrong are reported, not changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from stdnum import isbn as isbn_numbers
from stdnum import issn as issn_numbers

from refmanager.changes import Change
from refmanager.errors import Problem
from refmanager.model import Record, RecordId
from refmanager.normalize.pipeline import RecordStep

DOI_SYNTAX = re.compile(r"10\.\d{4,9}/\S+")
_DOI_PREFIX = re.compile(
    r"^\s*(?:doi\s*[:/]\s*|(?:https?://)?(?:dx\.)?doi\.org/|https?://(?:www\.)?doi\.org/)", re.IGNORECASE)
_DOI_URL = re.compile(r"^https?://(?:dx\.)?doi\.org/(10\.\S+)$", re.IGNORECASE)
_WEB_ADDRESS = re.compile(r"^https?://\S+$", re.IGNORECASE)
_WEB_ADDRESSES = re.compile(r"(?:^|(?<=\s))https?://", re.IGNORECASE)
_HANDLE = re.compile(r"^https?://hdl\.handle\.net/\S+$", re.IGNORECASE)
_ARXIV_ID = re.compile(r"(?:arxiv:\s*)?(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)",
                       re.IGNORECASE)
_ARXIV_URL = re.compile(r"^https?://(?:www\.)?arxiv\.org/(?:abs|pdf)/(.+?)(?:\.pdf)?$", re.IGNORECASE)
_LIST_SEPARATOR = re.compile(r"\s*[,;]\s*|(?<=\))\s+|\s+(?=(?:ISBN|ISSN))", re.IGNORECASE)
# "(Print)", "(online)", "(pbk.)": what the number is the number of, kept after it
_QUALIFIER = re.compile(r"\s*(\([^()]*\))$")
_LABEL = re.compile(r"^(?:ISBN|ISSN)(?:-1[03])?\s*:?\s*", re.IGNORECASE)


#: Characters a web page hides in copied text: soft hyphens, zero-width spaces and word
#: joiners where it allows or forbids a line break, marks of writing direction.
INVISIBLE = "\u00ad\u200b\u2060\ufeff" + "".join(map(chr, (*range(0x202A, 0x202F), *range(0x2066, 0x206A))))
# In an identifier a soft hyphen stands where the page shows a hyphen (`9780199766567\xad0087`).
_INVISIBLE = {**dict.fromkeys(map(ord, INVISIBLE)), 0xAD: "-"}


def visible(text: str) -> str:
    """The identifier without the invisible characters a copy from a web page brings."""
    return text if text.isascii() else text.translate(_INVISIBLE)


def bare_doi(text: str) -> str:
    """The DOI without a resolver URL or `doi:` label, invisible characters (`visible`)
    or surrounding space."""
    return _DOI_PREFIX.sub("", visible(text).strip()).strip().rstrip(".")


def is_web_address(text: str) -> bool:
    """Whether the text is one http(s) address."""
    return bool(_WEB_ADDRESS.match(text.strip()))


def doi_key(text: str) -> str:
    """The form two DOIs are compared on: bare and case-folded."""
    return bare_doi(text).casefold()


def arxiv_id(text: str) -> str:
    """The arXiv identifier in an id, `arXiv:` label or arxiv.org URL; "" if there is none."""
    url = _ARXIV_URL.match(text.strip())
    match = _ARXIV_ID.fullmatch(url.group(1) if url else text.strip())
    return match.group(1) if match else ""


class NormalizeDOI(RecordStep):
    """A bare DOI: resolver URLs and `doi:` labels removed; a DOI taken from a doi.org URL.
    A web address in the DOI field that is no DOI (a handle, a PDF) moves to an empty URL
    field; a DOI that lost its leading 1 (`0.26615/...`) is suggested whole."""

    def check(self, record_id: RecordId, record: Record) -> Iterable[Change | Problem]:
        doi = record.doi
        if not doi:
            found = _DOI_URL.match(record.url.strip()) if record.url else None
            if found:
                yield self.change(record_id, record, "DOI", found.group(1),
                                  f"URL: {record.url}", confidence=0.95)
            return
        bare = bare_doi(doi)
        if DOI_SYNTAX.fullmatch(bare):
            if bare != doi:
                yield self.change(record_id, record, "DOI", bare, f"DOI as written: {doi}")
        elif is_web_address(doi) and not record.url:
            yield self.change(record_id, record, "URL", doi.strip(), f"DOI field: {doi}", confidence=0.9)
            yield self.change(record_id, record, "DOI", None, f"a web address, not a DOI: {doi}",
                              confidence=0.9)
        elif DOI_SYNTAX.fullmatch("1" + bare) and bare.startswith("0."):
            yield self.change(record_id, record, "DOI", "1" + bare,
                              f"DOI {doi!r}: every DOI starts 10., its 1 looks lost", confidence=0.6)
        else:
            kind = "a handle" if _HANDLE.match(doi.strip()) else "not a DOI (10.NNNN/suffix)"
            yield self.problem(record, f"DOI {doi!r} is {kind}; kept as written")


class NormalizeISBN(RecordStep):
    """ISBNs hyphenated by the ISBN agency's ranges; a wrong check digit is reported."""

    def candidates(self, records: list[Record]) -> set[int]:
        return {position for position, record in enumerate(records) if record.isbn}

    def check(self, record_id: RecordId, record: Record) -> Iterable[Change | Problem]:
        if record.isbn:
            yield from _standard_numbers(self, record_id, record, "ISBN", record.isbn,
                                         isbn_numbers)


class NormalizeISSN(RecordStep):
    """ISSNs as NNNN-NNNC; a wrong check digit is reported."""

    def candidates(self, records: list[Record]) -> set[int]:
        return {position for position, record in enumerate(records) if record.issn}

    def check(self, record_id: RecordId, record: Record) -> Iterable[Change | Problem]:
        if record.issn:
            yield from _standard_numbers(self, record_id, record, "ISSN", record.issn,
                                         issn_numbers)


def _standard_numbers(step: RecordStep, record_id: RecordId, record: Record, field_name: str,
                      value: str, numbers) -> Iterable[Change | Problem]:
    parts = [part for part in _LIST_SEPARATOR.split(visible(value).strip()) if part]
    formatted = []
    for part in parts:
        qualifier = _QUALIFIER.search(part)
        number = _LABEL.sub("", _QUALIFIER.sub("", part))
        if _is_valid(numbers, number):
            formatted.append(_format(numbers, number) + (f" {qualifier.group(1)}" if qualifier else ""))
        else:
            if any(char.isdigit() for char in number):
                yield step.problem(record, f"{field_name} {number!r} is not valid (check digit or length)")
            formatted.append(part)
    new = ", ".join(formatted)
    if new != value:
        yield step.change(record_id, record, field_name, new, f"{field_name} as written: {value}")


# python-stdnum looks each number up in its range tables: worth remembering, since
# a library repeats the ISBNs and ISSNs of its series and journals.
@lru_cache(maxsize=50_000)
def _is_valid(numbers, number: str) -> bool:
    return numbers.is_valid(number)


@lru_cache(maxsize=50_000)
def _format(numbers, number: str) -> str:
    return numbers.format(number)


class NormalizeArxivId(RecordStep):
    """The arXiv id of an e-print held as a URL or `arXiv:` label, in the `number` field
    of a record that has no number (CSL keeps an e-print id there)."""

    def candidates(self, records: list[Record]) -> set[int]:
        return {position for position, record in enumerate(records)
                if (record.number and record.number.lower().startswith("arxiv:"))
                or (not record.number and record.url and "arxiv.org/" in record.url.lower())}

    def check(self, record_id: RecordId, record: Record) -> Iterable[Change]:
        if record.number and record.number.lower().startswith("arxiv:"):
            found = arxiv_id(record.number)
            if found:
                yield self.change(record_id, record, "number", found, f"number: {record.number}")
        elif not record.number and record.url and "arxiv.org/" in record.url.lower():
            found = arxiv_id(record.url)
            if found:
                yield self.change(record_id, record, "number", found, f"URL: {record.url}",
                                  confidence=0.6)


class NormalizeURL(RecordStep):
    """URLs without surrounding space, `<...>` wrappers or a `\\url{}` left from LaTeX."""

    _WRAPPED = re.compile(r"^\s*(?:\\url\{(.*)\}|<(.*)>)\s*$")

    def candidates(self, records: list[Record]) -> set[int]:
        # what `check` can change: space around or inside, or a wrapper at the start
        return {position for position, record in enumerate(records) if (url := record.url) and (
            " " in url or url != url.strip() or url.startswith(("\\url{", "<")))}

    def check(self, record_id: RecordId, record: Record) -> Iterable[Change | Problem]:
        url = record.url
        if not url:
            return
        wrapped = self._WRAPPED.match(url)
        new = ((wrapped.group(1) or wrapped.group(2)) if wrapped else url).strip()
        addresses = len(_WEB_ADDRESSES.findall(new))
        if addresses > 1:  # two links in one field: the space between them is no part of a URL
            yield self.problem(record, f"URL field holds {addresses} web addresses; kept as written")
        else:
            new = new.replace(" ", "%20")
        if new != url:
            yield self.change(record_id, record, "URL", new, f"URL as written: {url!r}")
