"""A rule-based labeller for reference strings: the baseline, and the fallback without a model.

It cuts the string into sentences (a full stop not after an initial), reads an
author-date reference (APA, Harvard: `Authors (2020). Title. Journal, 12(3), 1-9.`) or
an author-title one (Chicago, MLA, IEEE, Vancouver: authors, title, then the venue
with its numbers), and finds the numbers, the DOI and the URL by their form.
"""

from __future__ import annotations

import re

_CITATION_NUMBER = re.compile(r"^\s*(?:\[\d+\]|\(\d+\)|\d+\.(?=\s))\s*")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_DOI = re.compile(r"(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?10\.\d{4,9}/\S+", re.I)
_YEAR = re.compile(r"\(?\b(?:1[5-9]|20)\d\d[a-z]?\b\)?")
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])[.?!](?=\s+[A-Z\"“‘(]|\s*$)")
_VOLUME_ISSUE = re.compile(r"\b(?:vol\.?\s*)?(\d+)\s*(?:\(([\w/–-]+)\)|,?\s*(?:no\.?|issue)\s*(\d+))", re.I)
_VOLUME = re.compile(r"\b(?:vol\.?|volume)\s*(\d+)|(?<=[,;:]\s)(\d+)(?=\s*[,:])", re.I)
_PAGES = re.compile(r"\b(?:pp?\.\s*)?([A-Za-z]?\d+\s*(?:-+|–|—)\s*[A-Za-z]?\d+)\b|\bpp?\.\s*(\d+)")
_PLACE_PUBLISHER = re.compile(r"([A-Z][\w .]+?):\s*([A-Z][^,.:;]+)")


def label_by_rules(text: str) -> list[tuple[str, str]]:
    """(label, text) spans for a reference string, in no particular order."""
    spans: list[tuple[str, str]] = []
    number = _CITATION_NUMBER.match(text)
    if number:
        spans.append(("citation_number", number.group()))
        text = text[number.end():]
    for label, pattern in (("doi", _DOI), ("url", _URL)):
        found = pattern.search(text)
        if found:
            spans.append((label, found.group()))
            text = text[:found.start()] + text[found.end():]
    year = _YEAR.search(text)
    if year:
        spans.append(("date", year.group()))
    if year and year.start() < 0.4 * len(text) and year.start() > 0:
        spans.append(("author", text[:year.start()]))
        sentences = _sentences(text[year.end():])
    else:
        sentences = _sentences(text)
        if sentences:
            spans.append(("author", sentences.pop(0)))
    if sentences:
        spans.append(("title", sentences.pop(0)))
    if sentences:
        spans.extend(_venue_spans(" ".join(sentences)))
    return spans


def _sentences(text: str) -> list[str]:
    pieces, start = [], 0
    for end in _SENTENCE_END.finditer(text):
        pieces.append(text[start:end.start()])
        start = end.end()
    pieces.append(text[start:])
    return [piece.strip(" .,") for piece in pieces if piece.strip(" .,()")]


def _venue_spans(venue: str) -> list[tuple[str, str]]:
    spans = []
    venue = _YEAR.sub(" ", venue)
    pages = _PAGES.search(venue)
    if pages:
        spans.append(("pages", pages.group(1) or pages.group(2)))
        venue = venue[:pages.start()] + venue[pages.end():]
    numbers = _VOLUME_ISSUE.search(venue) or _VOLUME.search(venue)
    if numbers:
        groups = [group for group in numbers.groups() if group]
        spans.append(("volume", groups[0]))
        if len(groups) > 1:
            spans.append(("issue", groups[1]))
        venue = venue[:numbers.start()]
    place_publisher = _PLACE_PUBLISHER.search(venue)
    if place_publisher and not numbers:
        spans.append(("location", place_publisher.group(1)))
        spans.append(("publisher", place_publisher.group(2)))
        venue = venue[:place_publisher.start()]
    if venue.strip(" .,;:"):
        spans.append(("container", venue))
    return spans
