"""Rich text to BibTeX values: the way back from `latex.decode`.

`encode(text)` escapes LaTeX's special characters and turns CSL's rich-text
tags into commands (`<i>x</i>` is `\\textit{x}`, a nocase span is a brace
group); with `ascii=True` it also spells every non-ASCII character in LaTeX.
What `decode` kept verbatim (math, commands pylatexenc does not know) passes
through, so `decode(encode(x)) == x` for any text `decode` produced, up to
Unicode normalization (a LaTeX accent always reads back as one composed
character).

The spelling of a character comes from pylatexenc, and is accepted only if it
decodes back to the same character; stacked accents pylatexenc has no entry for
(ễ) are built from the accent of each combining mark.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import lru_cache

from refmanager import richtext
from refmanager.latex.decode import decode
from refmanager.latex.quotes import encode_quotes
from refmanager.richtext import NOCASE_OPEN, SMALL_CAPS_OPEN

# Split points: rich-text tags, math, and commands kept verbatim (`\foo{}`, `\href{u}{t}`).
_SPLIT = re.compile(
    "(" + "|".join(re.escape(tag) for tag in richtext.TAGS)
    + r"|\$[^$]+\$|\\[A-Za-z]+(?:\{[^{}\\]*\})+)"
)
_TAG_TO_LATEX = {
    "<i>": "\\textit{", "<b>": "\\textbf{", "<sup>": "\\textsuperscript{",
    "<sub>": "\\textsubscript{", NOCASE_OPEN: "{", SMALL_CAPS_OPEN: "\\textsc{",
    "</i>": "}", "</b>": "}", "</sup>": "}", "</sub>": "}", "</span>": "}",
}
_SPECIALS = {
    "\\": "\\textbackslash{}", "{": "\\{", "}": "\\}", "&": "\\&", "%": "\\%",
    "#": "\\#", "_": "\\_", "$": "\\$", "~": "\\textasciitilde{}",
    "^": "\\textasciicircum{}", "\u00a0": "~",
    # in LaTeX's default (OT1) font encoding, < and > print as ¡ and ¿
    "<": "\\textless{}", ">": "\\textgreater{}",
}
_SPECIAL_CHARACTER = re.compile(r"[\\{}&%#_$~^\u00a0<>]")
# `--`, ``` `` ``` and `''` are ligatures in LaTeX: a literal pair is kept apart.
_LIGATURE_PAIR = re.compile(r"-(?=-)|`(?=`)|'(?=')")
_NEEDS_WORK = re.compile(r"[\\{}&%#_$~^\u00a0<>\n`\u2018\u2019]|--|''|(?<![^\W_])'|'(?![^\W_])")
_COMMAND = re.compile(r"\\[A-Za-z]+")
_TWO_WORDS = re.compile(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}")
_QUOTE = re.compile("['`\u2018\u2019\u201c\u201d]")
_UNICODE_QUOTES = ("\u2018", "\u2019", "\u201c", "\u201d")
_LINE_BREAK = re.compile(r"(?<!\n)\n(?!\n)")
_TYPOGRAPHY = {"\u2013": "--", "\u2014": "---", "\u201c": "``", "\u201d": "''"}
# LaTeX's accent commands (a fixed part of the language); which combining mark
# each one makes is read from pylatexenc's decoding.
_ACCENT_COMMANDS = ("`", "'", "^", '"', "~", "=", ".", "u", "v", "H", "c", "k", "d", "b", "r", "t")
_CLUSTER = re.compile(r".[\u0300-\u036f]*", re.S)


def encode(text: str, ascii: bool = False) -> str:
    """The BibTeX value (without outer braces) for a piece of rich text."""
    if not _NEEDS_WORK.search(text) and (not ascii or text.isascii()):
        return text
    return _encode_cached(text, ascii)


@lru_cache(maxsize=100_000)
def _encode_cached(text: str, ascii: bool) -> str:
    pieces = _SPLIT.split(text)  # odd indexes hold the split points
    paired = _paired_tags(pieces)
    out, text_ranges, length = [], [], 0
    for index, piece in enumerate(pieces):
        if index % 2 == 0 or (piece in _TAG_TO_LATEX and index not in paired) or _is_prose(piece):
            out.append(_encode_text(piece, ascii))  # text, or a lone tag that is just text
            text_ranges.append((length, length + len(out[-1])))
        else:
            out.append(_TAG_TO_LATEX.get(piece, piece))
        length += len(out[-1])
    latex = "".join(out)
    # Quotes last: whether a quote is an apostrophe depends on what is around it.
    return encode_quotes(latex, ascii, text_ranges) if _QUOTE.search(text) else latex


def _is_prose(piece: str) -> bool:
    """Whether text between two dollar signs is prose, not math: "$1 million and $45"
    (two words in a row, or a sum of money before a space), so its dollars are escaped."""
    if not piece.startswith("$"):
        return False
    body = _COMMAND.sub("", piece[1:-1])
    return bool(_TWO_WORDS.search(body)) or (body[:1].isdigit() and body[-1:].isspace())


def _paired_tags(pieces: list[str]) -> set[int]:
    """The indexes of tags that open and close properly; a lone `<i>` is just text."""
    paired, open_tags = set(), []
    for index in range(1, len(pieces), 2):
        piece = pieces[index]
        if piece in _TAG_TO_LATEX and not piece.startswith("</"):
            open_tags.append(index)
        elif piece in _TAG_TO_LATEX and open_tags and richtext.closes(pieces[open_tags[-1]], piece):
            paired.update((open_tags.pop(), index))
    return paired


def _encode_text(text: str, ascii: bool) -> str:
    escaped = _SPECIAL_CHARACTER.sub(lambda match: _SPECIALS[match.group()], text)
    escaped = _LIGATURE_PAIR.sub(lambda match: match.group() + "{}", escaped)
    # A line break is LaTeX's \\ (a blank line, a paragraph break, stays as it is).
    escaped = _LINE_BREAK.sub(lambda match: "\\\\\n", escaped)
    if ascii and not escaped.isascii():  # quotes are left to `encode_quotes`
        escaped = "".join(_encode_cluster(cluster) if not cluster.isascii() and cluster not in _UNICODE_QUOTES
                          else cluster for cluster in _CLUSTER.findall(escaped))
    return escaped


@lru_cache(maxsize=None)
def _encode_cluster(cluster: str) -> str:
    """A character with its combining marks, in LaTeX; as it is if LaTeX has no spelling (CJK)."""
    composed = unicodedata.normalize("NFC", cluster)
    latex = _TYPOGRAPHY.get(composed) or _checked_pylatexenc(composed) or _stacked_accents(cluster)
    if latex is None:
        return cluster
    # Brace a command so that it neither swallows a following letter nor is
    # taken for a case-protected group: {\"u}, {\ss}.
    return "{" + latex + "}" if latex.startswith("\\") else latex


def _checked_pylatexenc(char: str) -> str | None:
    from pylatexenc.latexencode import unicode_to_latex

    if len(char) != 1:
        return None
    logging.getLogger("pylatexenc").setLevel(logging.ERROR)  # a miss is handled here
    latex = unicode_to_latex(char, non_ascii_only=True).strip()
    # pylatexenc's table has a few wrong entries (ű as \'u): trust only a round trip.
    return latex if latex.isascii() and decode(latex) == char else None


def _stacked_accents(cluster: str) -> str | None:
    r"""ễ is \~{\^{e}}: the base letter, then each combining mark as an accent."""
    base, *marks = unicodedata.normalize("NFD", cluster)
    latex = base if base.isascii() else _checked_pylatexenc(base)
    if latex is None or not marks:
        return None
    for mark in marks:
        command = _accent_command(mark)
        if command is None:
            return None
        latex = f"{command}{{{latex}}}"
    return latex


@lru_cache(maxsize=None)
def _accent_command(mark: str) -> str | None:
    for name in _ACCENT_COMMANDS:
        if unicodedata.normalize("NFD", decode(f"\\{name}{{o}}")) == "o" + mark:
            return "\\" + name
    return None
