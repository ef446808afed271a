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


def repair_publishers(spans: list[tuple[str, str]], text: str) -> list[tuple[str, str]]:
    """The spans with a publishing status as a note, and the publisher of a report or a
    thesis as its institution."""
    spans = [("note", span) if label == "publisher" and _STATUS.fullmatch(span.strip(" .,;:()")) else (label, span)
             for label, span in spans]
    labels = {label for label, _ in spans}
    if "publisher" not in labels or "container" in labels or not REPORT_OR_THESIS.search(text):
        return spans
    return [("institution" if label == "publisher" else label, span) for label, span in spans]
