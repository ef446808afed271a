"""The lines of an article's front matter, with the Markdown taken off.

Front matter arrives as Markdown (a PDF converted by a tool such as marker or
pandoc) or as plain text copied out of a PDF. Every reader in `ingest/` works
on `SourceLine`s: the line as written (markers such as `<sup>1</sup>` live
there) and the same line as plain text (headings, bold, italics and escapes
removed), with its line number for messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\\\w*])\*(?!\s)(.+?)(?<![\s\\])\*(?!\w)|(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~^])")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_SUPERSCRIPT = re.compile(r"<sup>(.*?)</sup>|\^([^^\s][^^]*?)\^")
_SPACED_CAPITALS = re.compile(r"\b(?:[A-Z] ){3,}[A-Z]\b")  # Elsevier's "A B S T R A C T"
_LABEL = re.compile(r"^\s*([^:：]{1,60}?)\s*[:：]\s*(.*)$")


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One line of the document: as written, as plain text, and where."""

    number: int  # 1-based
    raw: str
    text: str  # without Markdown or HTML markup
    heading: int = 0  # the Markdown heading level, 0 for a line that is no heading

    @property
    def blank(self) -> bool:
        return not self.text


def source_lines(text: str) -> list[SourceLine]:
    """The document's lines, each with its plain-text form."""
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        heading = _HEADING.match(raw)
        lines.append(SourceLine(number, raw, plain_text(raw), len(heading.group(1)) if heading else 0))
    return lines


def plain_text(raw: str) -> str:
    """A line without heading marks, emphasis, escapes or HTML tags; superscripts dropped."""
    text = _HEADING.sub("", raw)
    text = _SUPERSCRIPT.sub("", text)
    text = _HTML_TAG.sub("", text)
    text = strip_emphasis(text)
    text = _ESCAPE.sub(r"\1", text)
    text = _SPACED_CAPITALS.sub(lambda match: match.group(0).replace(" ", ""), text)
    return " ".join(text.split())


def strip_emphasis(text: str) -> str:
    """Text without Markdown bold and italics (`**x**`, `*x*`, `_x_`)."""
    previous = None
    while previous != text:  # nested emphasis: ***x*** or **a *b* c**
        previous = text
        text = _EMPHASIS.sub(lambda match: next(group for group in match.groups()[1:] if group is not None), text)
    return text.replace("**", "")


def italic_spans(raw: str) -> list[str]:
    """The texts in italics (`*x*`, `_x_`, `<i>x</i>`), which in a citation mark the journal."""
    spans = re.findall(r"(?<![\\*\w])\*(?!\*|\s)(.+?)(?<![\s\\*])\*(?![*\w])", raw)
    spans += re.findall(r"(?<!\w)_(?!_|\s)(.+?)(?<!\s)_(?!\w)", raw)
    spans += re.findall(r"<i>(.*?)</i>", raw)
    return [" ".join(span.split()) for span in spans]


def superscripts(raw: str) -> list[str]:
    """The contents of each superscript (`<sup>1,2</sup>`, `^a^`) in a line."""
    return [first or second for first, second in _SUPERSCRIPT.findall(raw)]


def labelled(text: str, max_words: int = 6) -> tuple[str, str] | None:
    """`("Received", "19/11/2023")` for a line `Received: 19/11/2023`; None when the line
    has no short label before a colon."""
    match = _LABEL.match(text)
    if not match or len(match.group(1).split()) > max_words or "://" in text[:match.end(1) + 3]:
        return None
    return match.group(1).strip(" *_#"), match.group(2).strip()


def join_lines(texts: list[str]) -> str:
    """Lines of one paragraph as one text; a word hyphenated at a line's end (`Is-` /
    `lamic`, as PDF text has it) is made whole again."""
    joined = ""
    for text in texts:
        text = text.strip()
        if re.search(r"[^\W\d]-$", joined) and text[:1].islower():
            joined = joined[:-1] + text
        else:
            joined = f"{joined} {text}" if joined else text
    return joined


def paragraphs(lines: list[SourceLine]) -> list[list[SourceLine]]:
    """Runs of non-blank lines."""
    runs: list[list[SourceLine]] = [[]]
    for line in lines:
        if line.blank:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(line)
    return [run for run in runs if run]
