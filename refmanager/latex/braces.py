"""Brace groups in LaTeX and BibTeX text, by one rule.

A backslash escapes the character after it: `\\{` and `\\}` are literal braces
at every depth (as LaTeX, BibTeX and bibtexparser read them), `\\\\` is one
unit, and every other `{` opens a group that the next unmatched `}` closes.
The BibTeX scanner, value expressions, the name splitter and the LaTeX reader
all find groups here, so they cannot disagree about where one ends.

Everything is iterative: a group nested 100,000 deep costs time in proportion
to its length and nothing else.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

_ESCAPE_OR_BRACE = r"\\.|[{}]"


@lru_cache(maxsize=None)
def _token_pattern(also: str) -> re.Pattern[str]:
    return re.compile(_ESCAPE_OR_BRACE + ("|" + also if also else ""), re.S)


def walk(text: str, start: int = 0, also: str = "", end: int | None = None) -> Iterator[tuple[re.Match, int]]:
    """Each escape, brace and match of the pattern `also` from `start`, with its depth.

    The depth of a `{` is the depth outside it (before it opens), that of a `}`
    the depth outside it (after it closes), so the two braces of a pair have the
    same depth; anything else has the depth it is at. A stray `}` makes the
    depth negative: callers that must tolerate one check for it.
    """
    depth = 0
    for match in _token_pattern(also).finditer(text, start, len(text) if end is None else end):
        token = match.group()
        if token == "{":
            yield match, depth
            depth += 1
        elif token == "}":
            depth -= 1
            yield match, depth
        else:
            yield match, depth


def group_end(text: str, start: int, stop: str = "") -> int | None:
    """The index after the `}` that closes the `{` at `start`; None when the group
    is never closed, or when a match of the pattern `stop` comes first."""
    for match, depth in walk(text, start, stop):
        token = match.group()
        if token == "}" and depth == 0:
            return match.end()
        if depth < 0:
            return None
        if stop and token != "{" and token != "}" and token[0] != "\\":
            return None
    return None


def is_one_group(text: str) -> bool:
    """True when the whole text is one brace group: `{ACL}`, not `{A}{B}`."""
    return text[:1] == "{" and group_end(text, 0) == len(text)


def split_top_level(text: str, separator: str) -> list[str]:
    """The text cut at each match of the pattern `separator` outside every group
    (a stray `}` counts as depth 0); the separators are dropped."""
    pieces, last = [], 0
    for match, depth in walk(text, 0, separator):
        token = match.group()
        if depth <= 0 and token != "{" and token != "}" and token[0] != "\\":
            pieces.append(text[last:match.start()])
            last = match.end()
    pieces.append(text[last:])
    return pieces


def top_level_matches(text: str, pattern: str) -> Iterator[re.Match]:
    """The matches of `pattern` outside every group, escapes skipped."""
    for match, depth in walk(text, 0, pattern):
        token = match.group()
        if depth <= 0 and token != "{" and token != "}" and token[0] != "\\":
            yield match
