"""Finding an article's own citation statement ("How to cite this article: …").

Journals label it in many ways, and misspell it too (the seed says "How to
Site"); the label may end the line (the statement follows on the next lines),
start it (`Citation: Smith J, …`), be bold or a heading. Labels are matched
fuzzily (rapidfuzz) against the common ones, so a misspelling still counts
while words that only look alike ("Situation:") do not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from refmanager.ingest.markdown import SourceLine, join_lines, labelled, plain_text

#: The labels journals put before their citation statement, as plain lower-case words.
KNOWN_LABELS = (
    "how to cite", "how to cite this article", "how to cite this paper", "how to cite this article as",
    "cite this article", "cite this article as", "cite this paper as", "to cite this article",
    "to cite this paper", "recommended citation", "suggested citation", "please cite as",
    "please cite this article as", "please cite this article in press as", "citation", "cite as",
    "for citation", "reference this article as", "citation for this article",
)
_BOLD_LABEL = re.compile(r"\s*(\*\*|__)([^*_]{3,60}?)\1\s*[:：]?\s*(\S.*)$")
INLINE_SCORE = 95
MINIMUM_SCORE = 86  # "how to site" scores 91 against "how to cite"; "situation" 82 against "citation"


@dataclass(frozen=True, slots=True)
class CitationStatement:
    """The statement as written: its label, its text (raw Markdown and plain), and lines."""

    label: str  # as the document writes it: "How to Site"
    matched: str  # the known label it was taken for: "how to cite"
    raw: str  # with the Markdown (italics mark the journal)
    text: str  # plain text, for the reference parser
    first_line: int
    last_line: int
    score: float

    @property
    def lines(self) -> range:
        return range(self.first_line, self.last_line + 1)


def label_score(label: str) -> tuple[str, float]:
    """The known label nearest to a candidate, and how near (0..100)."""
    words = " ".join(re.sub(r"[^\w\s]", " ", label.lower()).split())
    best = max(KNOWN_LABELS, key=lambda known: fuzz.ratio(words, known))
    return best, fuzz.ratio(words, best)


def find_statement(lines: list[SourceLine]) -> CitationStatement | None:
    """The document's citation statement, or None when it has none."""
    for index, line in enumerate(lines):
        found = _label_of(line)
        if found is None:
            continue
        label, matched, score, rest_raw = found
        body = [rest_raw] if rest_raw.strip() else []
        taken = _following_lines(lines, index + 1, started=bool(body))
        body += [taken_line.raw for taken_line in taken]
        if not body:
            continue
        raw = join_lines(body)
        last = taken[-1].number if taken else line.number
        return CitationStatement(label, matched, raw, plain_text(raw), line.number, last, score)
    return None


def _label_of(line: SourceLine) -> tuple[str, str, float, str] | None:
    """(label as written, known label, score, the raw text after the label) for a label line."""
    if line.blank:
        return None
    bold = _BOLD_LABEL.match(line.raw)  # "**How to cite this article** Smith, J. ...": bold marks the label
    pair = (plain_text(bold.group(2)).rstrip(" :："), plain_text(bold.group(3))) if bold else labelled(line.text)
    candidates = [(pair[0], pair[1])] if pair else []
    if not pair:
        candidates.append((line.text, ""))  # a heading or bold line that is the label alone
        words = line.text.split()  # "Cite this article as Smith J, ..." without a colon
        candidates += [(" ".join(words[:count]), " ".join(words[count:])) for count in range(3, 7)]
    scored = [(label_score(label), label, rest) for label, rest in candidates]
    (matched, score), label, rest = max(scored, key=lambda candidate: (candidate[0][1], len(candidate[1])))
    # Without a colon, only "... as" labels run into the statement ("Please cite this
    # article as Smith J, ..."), and then they must be spelled right.
    inline = bool(rest) and not pair
    if score < (INLINE_SCORE if inline else MINIMUM_SCORE) or (inline and not matched.endswith(" as")):
        return None
    return label, matched, score, _raw_after_label(line.raw, label, rest)


def _raw_after_label(raw: str, label: str, rest_plain: str) -> str:
    """The raw (Markdown) text after the label, so that the statement keeps its italics."""
    if not rest_plain:
        return ""
    label_written = re.search(r"[\W_]*".join(map(re.escape, label.split())) + r"\W*?[:：]?", raw)
    after = raw[label_written.end():] if label_written else raw
    after = re.sub(r"^\s*(\*\*|__)\s*", "", after)  # the bold label's closing marks
    return after if plain_text(after).strip() else rest_plain


def _following_lines(lines: list[SourceLine], start: int, started: bool) -> list[SourceLine]:
    """The statement's lines after its label: up to the next blank line (blank lines
    before it are skipped when the label stood alone)."""
    taken: list[SourceLine] = []
    for line in lines[start:]:
        if line.blank:
            if taken or started:
                break
            continue
        if line.heading or (labelled(line.text) and not _continues(taken, line)):
            break
        taken.append(line)
    return taken


def _continues(taken: list[SourceLine], line: SourceLine) -> bool:
    # "(2024). Title: subtitle" holds a colon too; a new label starts a line with a short word run.
    return bool(taken) or bool(re.search(r"\(\d{4}[a-z]?\)|\d{4}[;.]", line.text))
