"""Inline math that is only a symbol or two, as the text it prints.

Titles use math mode for what a keyboard lacks: `(p $<$ .05)`, `$\\alpha$-helix`,
`$\\geq$ 3`, `10$^{th}$`, `H$_2$O`, `25$^\\circ$C`. Such math means exactly its
Unicode text (`<`, `α`, `≥`, `<sup>th</sup>`, `<sub>2</sub>`, `°`), and printed
as LaTeX source it reads as garbage in a reference list. Anything more (a letter
set as a variable, `\\frac`, `\\sqrt`, an unknown command) is a formula, which
`decode` keeps verbatim for LaTeX: flattening it would lose what it says.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from refmanager.latex.pylatexenc_calls import converted_apart

# Characters that print as themselves in math mode (no letters: those are variables).
_PLAIN = set("0123456789<>=+-*/()[]|.,:;!?' ")
_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|[_^](?:\{[^{}\\]*\}|\{\\[A-Za-z]+\}|\\[A-Za-z]+|[^{}\\\s])|.", re.S)
_SCRIPT_TAGS = {"^": ("<sup>", "</sup>"), "_": ("<sub>", "</sub>")}
_DEGREE = ("^\\circ", "^{\\circ}")


@lru_cache(maxsize=10_000)
def math_as_text(math: str) -> str | None:
    """The rich text that `$...$` (given with its dollars) prints, or None for a formula."""
    body = math[1:-1] if len(math) > 2 and math[0] == math[-1] == "$" else ""
    if not body.strip():
        return None
    out = []
    for token in _TOKEN.findall(body):
        text = _token_text(token)
        if text is None:
            return None
        out.append(text)
    return "".join(out).strip()


def _token_text(token: str) -> str | None:
    if token in _DEGREE:
        return "\u00b0"
    if token[0] in _SCRIPT_TAGS and len(token) > 1:
        script = token[1:].strip("{}")
        symbol = script.startswith("\\")
        inner = _symbol(script) if symbol else script
        if not inner or not (symbol or all(char.isalnum() or char in "+-=()" for char in inner)):
            return None
        opening, closing = _SCRIPT_TAGS[token[0]]
        return opening + inner + closing
    if token.startswith("\\"):
        return _symbol(token)
    if token == "-":
        return "\u2212"  # math mode's minus sign
    return token if token in _PLAIN else None


@lru_cache(maxsize=1_000)
def _symbol(command: str) -> str | None:
    """The one character a math command prints (`\\alpha` α, `\\geq` ≥), else None."""
    if command in ("\\{", "\\}", "\\%", "\\&", "\\#", "\\$"):
        return command[1]
    from pylatexenc.latex2text import LatexNodes2Text

    logging.getLogger("pylatexenc").setLevel(logging.ERROR)  # a command it lacks is a formula here
    text = converted_apart(LatexNodes2Text(math_mode="text"), f"${command}$").strip()
    return text if len(text) == 1 and not text.isascii() else None
