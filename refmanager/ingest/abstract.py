"""An article's abstract, with its structured sections ("Introduction:", "Methods:") kept.

Exported front matter interleaves the abstract with side boxes (the
corresponding author's address, the citation statement), sometimes in the
middle of a sentence; those lines are left out, and a paragraph that goes on
in lower case is joined to the one it continues.
"""

from __future__ import annotations

import re

from refmanager.ingest.article_dates import DATE_LINE
from refmanager.ingest.markdown import SourceLine, join_lines, labelled, paragraphs

_ABSTRACT_HEADING = re.compile(r"\W*(?:abstract|summary|resumen|résumé|özet|tóm tắt)\W*", re.I)
_END = re.compile(r"\W*(?:key\s?-?\s?words?|index\s+terms|keyphrases|palabras\s+clave|anahtar\s+kelimeler"
                  r"|jel\s+classification|highlights|references)\b", re.I)
_BODY_STARTS = re.compile(r"\W*(?:\d\.?\s*)?(?:introduction|background)\W*", re.I)  # a heading alone
_SIDE_BOX_LABELS = re.compile(r"address|e-?\s?mail|corresponding.*|correspondence|orcid|tel(?:ephone)?|phone|fax"
                              r"|received|revised|accepted|published.*|available.*|doi|issn.*", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SECTION_LABEL = re.compile(r"[A-Z][\w()'’,\-/& ]{1,80}")


def find(lines: list[SourceLine], taken: set[int]) -> set[int]:
    """The numbers of the lines that belong to the abstract (its heading aside)."""
    start = next((index for index, line in enumerate(lines) if _starts_abstract(line)), None)
    if start is None:
        return set()
    inside = set()
    if labelled(lines[start].text):  # "Abstract: The collapse of ..." on one line
        inside.add(lines[start].number)
    for line in lines[start + 1:]:
        if line.number in taken:
            continue
        if _END.match(line.text) or _BODY_STARTS.fullmatch(line.text) or (line.heading and not labelled(line.text)):
            break
        inside.add(line.number)
    return inside


def _starts_abstract(line: SourceLine) -> bool:
    pair = labelled(line.text)
    return bool(_ABSTRACT_HEADING.fullmatch(line.text) or (pair and _ABSTRACT_HEADING.fullmatch(pair[0])))


def sections(lines: list[SourceLine], inside: set[int], taken: set[int], authors: list[str]) -> list[tuple[str, str]]:
    """The abstract as (section label, text) pairs; one pair with label "" if unstructured."""
    kept = [line for line in lines if line.number in inside and line.number not in taken
            and not _side_box(line, authors)]
    found: list[tuple[str, str]] = []
    for run in paragraphs(_with_blanks(lines, kept)):
        text = join_lines([line.text for line in run])
        pair = labelled(text, max_words=8)
        if pair and _ABSTRACT_HEADING.fullmatch(pair[0]):  # "Abstract: The collapse ..."
            text, pair = pair[1], labelled(pair[1], max_words=8)
        if pair and _SECTION_LABEL.fullmatch(pair[0]) and pair[1]:
            found.append(pair)
        elif found and text[:1].islower():  # a sentence cut by a side box or a page break
            label, before = found[-1]
            found[-1] = (label, f"{before} {text}")
        elif found:
            label, before = found[-1]
            found[-1] = (label, f"{before}\n{text}")
        else:
            found.append(("", text))
    return found


def _with_blanks(lines: list[SourceLine], kept: list[SourceLine]) -> list[SourceLine]:
    """The kept lines with the blank lines between them, so that paragraphs stay apart."""
    numbers = {line.number for line in kept}
    return [line for line in lines if line.number in numbers or line.blank]


def _side_box(line: SourceLine, authors: list[str]) -> bool:
    """A line of a box or footnote beside the abstract: a labelled contact line, a line
    with an e-mail address or a date label at its start, or an author's name in bold."""
    pair = labelled(line.text)
    if (pair and _SIDE_BOX_LABELS.fullmatch(pair[0])) or _EMAIL.search(line.text) or DATE_LINE.match(line.text):
        return True
    bold_alone = re.fullmatch(r"\s*(\*\*|__).+\1\s*", line.raw)
    return bool(bold_alone and any(line.text.startswith(name) for name in authors))


def as_text(found: list[tuple[str, str]]) -> str:
    """The abstract as one text, each section on its own paragraph after its label."""
    # One line a section: RIS and BibTeX read a blank line as the end of something.
    return "\n".join(f"{label}: {text}" if label else text for label, text in found)
