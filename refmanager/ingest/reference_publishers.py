"""Who issued a reference: a publisher, an institution, or no one the string names.

The labeller finds `University Library of Munich` in `MPRA Paper 2734, University
Library of Munich, Germany` and `press` in `ApJ, in press (1992)`; these repairs on
its spans say what such a body or word is. The university of a thesis and the body
that issues a report, a preprint or a working paper are its institution (as GROBID's
corpus, CORA and UMass tag them; the Record still takes the institution as its
publisher, where CSL wants it), and a publishing status (`in press`, `Preprint`,
`Manuscript`) is a note, not a publisher.
"""

from __future__ import annotations

import re

#: Words that make a reference a thesis or a report, whose issuing body is an institution.
#: The training script uses it too, to label AnyStyle's publisher of such a reference so.
REPORT_OR_THESIS = re.compile(
    r"thesis|dissertation|technical report|tech\.\s*rep|working paper|report no|discussion papers?\b"
    r"|\bpreprint\b|\bMPRA paper", re.I)
_STATUS = re.compile(
    r"(?:in\s+)?press|preprint|manuscript|unpublished(?: manuscript)?|submitted|in preparation|forthcoming", re.I)


_STATUS_AT_END = re.compile(
    r"[,.]?\s+((?:in\s+)?press|submitted|in preparation|forthcoming|to appear|accepted|published online)$", re.I)


_EDITION_BEFORE = re.compile(
    r"^((?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|revised|\d+(?:st|nd|rd|th))"
    r"\s+(?:edition|ed\.|printing))[,.]?\s+(?=\S)", re.I)
_REVIEW_NUMBER_AFTER = re.compile(r"[.,]?\s+(MR\d{5,})$")


def _publisher_without_its_neighbours(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """`Second Edition, Clarendon Press`, `Wiley, Chichester. MR0961262`: the edition before
    a publisher and a review number after its place are spans of their own."""
    repaired: list[tuple[str, str]] = []
    for label, span in spans:
        edition = _EDITION_BEFORE.match(span) if label == "publisher" else None
        review = _REVIEW_NUMBER_AFTER.search(span) if label in ("publisher", "location") else None
        if edition:
            repaired.extend([("edition", edition.group(1)), (label, span[edition.end():])])
        elif review:
            repaired.extend([(label, span[:review.start()]), ("identifier", review.group(1))])
        else:
            repaired.append((label, span))
    return repaired


def _status_after_the_container(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """`ApJ submitted`, `Journal of Forecasting, forthcoming`: a publishing status that
    ends the journal is a note after it."""
    repaired: list[tuple[str, str]] = []
    for label, span in spans:
        status = _STATUS_AT_END.search(span) if label == "container" else None
        if status and status.start() > 0:
            repaired.extend([(label, span[:status.start()]), ("note", status.group(1))])
        else:
            repaired.append((label, span))
    return repaired


def repair_publishers(spans: list[tuple[str, str]], text: str) -> list[tuple[str, str]]:
    """The spans with a publisher read as a place found, a publishing status as a note,
    and the publisher of a report or a thesis as its institution."""
    spans = _status_after_the_container(_publisher_read_as_a_place(_publisher_without_its_neighbours(spans)))
    spans = [("note", span) if label == "publisher" and _STATUS.fullmatch(span.strip(" .,;:()")) else (label, span)
             for label, span in spans]
    labels = {label for label, _ in spans}
    if "publisher" not in labels or "container" in labels or not REPORT_OR_THESIS.search(text):
        return spans
    return [("institution" if label == "publisher" else label, span) for label, span in spans]


# Words of publishers' names (facts, as the lists of publishers have them).
_PUBLISHER_NAME = re.compile(
    r"\b(?:press|verlag|publishers?|publishing|publications|books|editions?|edizioni|holland|wiley|springer"
    r"|academic|inc|ltd|co|company|sons|scientific|interscience|dekker|krieger|horwood|gruyter|elsevier"
    r"|pergamon|plenum|dover|kluwer|reidel|teubner|masson|dunod|nauka|mir|benjamin|freeman|addison|wesley"
    r"|mcgraw|prentice|routledge|blackwell|clarendon|sage|pearson)\b|\b(?:birkh|universit|gauthier)\w*", re.I)


def _publisher_read_as_a_place(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """`Birkhäuser, Boston--Basel--Stuttgart`, `New York, Gordon and Breach`: with no
    publisher found, a place span whose first or last comma piece names a publisher
    holds the publisher and the place."""
    labels = [label for label, _ in spans]
    if "publisher" in labels or "institution" in labels or labels.count("location") != 1:
        return spans
    position = labels.index("location")
    pieces = [piece.strip() for piece in spans[position][1].split(",")]
    if len(pieces) < 2:
        return spans
    first, last = _PUBLISHER_NAME.search(pieces[0]), _PUBLISHER_NAME.search(pieces[-1])
    if first and not last:
        found = [("publisher", pieces[0]), ("location", ", ".join(pieces[1:]))]
    elif last and not first and len(pieces) == 2:
        found = [("location", pieces[0]), ("publisher", pieces[-1])]
    else:
        return spans
    return spans[:position] + found + spans[position + 1:]
