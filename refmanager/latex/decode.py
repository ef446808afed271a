"""LaTeX in BibTeX field values, to and from the model's rich text.

BibTeX values mix text, brace groups and LaTeX commands. The model holds
Unicode with CSL's few HTML-like tags, so this module translates both ways:

* `decode("The {DNA} of \\"uber")` gives `'The <span class="nocase">DNA</span> of über'`:
  a top-level brace group protects case (BibTeX's rule), `\\textit{..}` becomes
  `<i>..</i>`, and each other command is turned into Unicode by pylatexenc.
* `encode(text)` goes back, escaping LaTeX's special characters, and with
  `ascii=True` also turning non-ASCII characters into LaTeX commands.

The structure (groups, formatting, protection) is walked here; the meaning of
each command comes from pylatexenc's tables. A command pylatexenc does not know
is kept verbatim, so nothing is lost. Math (`$...$`) is kept verbatim too: a
title's formula is better left to LaTeX than flattened to text.

Speed matters (a 100,000-entry file has a million values): values without any
LaTeX take a fast path, and every command and whole value is cached.
"""

from __future__ import annotations

import re
from functools import lru_cache

from refmanager import richtext
from refmanager.richtext import SMALL_CAPS_OPEN


# Commands whose argument is formatted text: kept as CSL rich-text tags.
_FORMATTING = {
    "textit": ("<i>", "</i>"), "emph": ("<i>", "</i>"), "textsl": ("<i>", "</i>"),
    "textbf": ("<b>", "</b>"),
    "textsuperscript": ("<sup>", "</sup>"), "textsubscript": ("<sub>", "</sub>"),
    "textsc": (SMALL_CAPS_OPEN, "</span>"),
    "textrm": ("", ""), "textnormal": ("", ""), "textup": ("", ""),
    "textsf": ("", ""), "texttt": ("", ""), "mbox": ("", ""),
}
# Old-style declarations (`{\em word}`), which format the rest of their group.
_DECLARATIONS = {
    "em": "emph", "it": "textit", "itshape": "textit", "sl": "textsl",
    "bf": "textbf", "bfseries": "textbf", "sc": "textsc", "scshape": "textsc",
    "rm": "textrm", "tt": "texttt", "sf": "textsf", "normalfont": "textnormal",
}
# Commands whose text pylatexenc writes differently from what they stand for.
_TEXT_SYMBOLS = {"textasciicircum": "^", "textasciitilde": "~", "textbackslash": "\\",
                 "textperiodcentered": "\u00b7"}
# Commands that are not text (a link, a citation): kept as written, not flattened.
_KEPT_AS_WRITTEN = {"url", "href", "cite", "citep", "citet", "ref", "eqref", "label", "footnote"}
_ESCAPED = set("&%$#_{} ,;:!/")  # `\&` is a literal "&"; `\,` and friends are spaces
_LIGATURES = {"--": "\u2013", "---": "\u2014", "``": "\u201c", "''": "\u201d", "~": "\u00a0"}

_TOKEN = re.compile(r"\\(?:[A-Za-z]+|.)|---?|``|''|[{}$~]|\s+|[^\\{}$~`'\-\s]+|.", re.S)
# After reading: spaces around a line or paragraph break go; other runs become one.
_AROUND_BREAK = re.compile(r"[ \t]*(\n+)[ \t]*")
_SPACE_RUN = re.compile(r"[ \t]{2,}")
_NEEDS_WORK = re.compile(r"[\\{}$~]|--|``|''|\s\s|[\t\n\r]")


def decode(value: str, protect: bool = False) -> str:
    """The rich text a BibTeX value (without its outer delimiters) stands for.

    `protect` turns top-level brace groups into case-protected spans; it is
    wanted for titles, where BibTeX styles change case, and nowhere else.
    """
    if not _NEEDS_WORK.search(value):
        return value.strip()
    return _decode_cached(value, protect)


@lru_cache(maxsize=200_000)
def _decode_cached(value: str, protect: bool) -> str:
    return _LatexReader(value, protect).read_all()


class _LatexReader:
    """Walks one value's tokens, building rich text."""

    def __init__(self, text: str, protect: bool):
        self.text = text
        self.protect = protect
        self.pos = 0

    def read_all(self) -> str:
        text = _AROUND_BREAK.sub(r"\1", self.read_sequence(0))
        return _SPACE_RUN.sub(" ", text).strip(" \n")

    def next_token(self) -> str:
        match = _TOKEN.match(self.text, self.pos)
        self.pos = match.end()
        return match.group()

    def read_sequence(self, depth: int) -> str:
        """Read up to the `}` closing this depth (consumed), or to the end."""
        out: list[str] = []
        while self.pos < len(self.text):
            token = self.next_token()
            if token == "}":
                if depth > 0:
                    break
                out.append("}")  # a stray closing brace: keep it rather than lose it
            elif token == "{":
                out.append(self.read_group(depth))
            elif token == "$":
                out.append(self.read_math())
            elif token[0] == "\\" and token[1:] in _DECLARATIONS and depth > 0:
                opening, closing = _FORMATTING[_DECLARATIONS[token[1:]]]
                out.append(opening + self.read_sequence(depth).strip() + closing)
                break  # the declaration's group is now closed
            elif token[0] == "\\":
                out.append(self.read_command(token, depth))
            elif token[0].isspace():  # as in TeX: a blank line is a paragraph break
                out.append("\n\n" if token.count("\n") > 1 else " ")
            else:
                out.append(_LIGATURES.get(token, token))
        return "".join(out)

    def read_group(self, depth: int) -> str:
        starts_with_command = self.text.startswith("\\", self.pos)
        inner = self.read_sequence(depth + 1)
        # BibTeX: a top-level group that starts with a command is a "special
        # character" such as {\"u}; any other top-level group locks its case.
        if self.protect and depth == 0 and not starts_with_command and inner.strip():
            return richtext.protect(inner)
        return inner

    def read_math(self) -> str:
        end = self.text.find("$", self.pos)
        end = len(self.text) if end < 0 else end + 1
        math = "$" + self.text[self.pos:end]
        self.pos = end
        return math

    def read_command(self, token: str, depth: int) -> str:
        name = token[1:]
        if len(name) == 1 and name in _ESCAPED:
            return name if name not in " ,;:!/" else " "
        if name == "\\":  # a line break
            self.skip_spaces()
            return "\n"
        if name in _FORMATTING:
            opening, closing = _FORMATTING[name]
            return opening + self.read_argument(depth) + closing
        if name in _TEXT_SYMBOLS:
            self.skip_spaces()
            return _TEXT_SYMBOLS[name]
        if not _converts(name):
            return self.keep_command(token)
        arguments = "".join(self.raw_arguments(_argument_spec(name)))
        if name.isalpha() and not arguments:
            self.skip_spaces()  # TeX eats the spaces after a control word
        return _command_to_text(token + arguments, name)

    def keep_command(self, token: str) -> str:
        """A command kept as written, with the brace groups right after it; a
        bare control word gets `{}` so it cannot run into the next word."""
        groups = []
        while self.text.startswith("{", self.pos):
            groups.append(self.raw_group())
        if groups or not token[1:].isalpha():
            return token + "".join(groups)
        self.skip_spaces()
        return token + "{}"

    def read_argument(self, depth: int) -> str:
        self.skip_spaces()
        if self.text.startswith("{", self.pos):
            self.pos += 1
            return self.read_sequence(depth + 1)
        token = self.next_token() if self.pos < len(self.text) else ""
        return self.read_command(token, depth) if token.startswith("\\") else token

    def raw_arguments(self, spec: str):
        """The source text of a command's arguments, as its spec asks."""
        for kind in spec:
            self.skip_spaces()
            if kind == "{" and self.pos < len(self.text):
                yield self.raw_group() if self.text[self.pos] == "{" else self.raw_single()
            elif kind == "[" and self.text.startswith("[", self.pos):
                end = self.text.find("]", self.pos)
                end = len(self.text) if end < 0 else end + 1
                yield self.text[self.pos:end]
                self.pos = end
            elif kind == "*" and self.text.startswith("*", self.pos):
                self.pos += 1
                yield "*"

    def raw_group(self) -> str:
        start, depth = self.pos, 0
        while self.pos < len(self.text):
            char = self.text[self.pos]
            self.pos += 2 if char == "\\" else 1
            depth += {"{": 1, "}": -1}.get(char, 0)
            if depth == 0:
                break
        return self.text[start:self.pos]

    def raw_single(self) -> str:
        """A one-character argument (`\\v S`, `\\"u` in `M\\"uller`, `\\"\\i`), braced."""
        if self.text.startswith("\\", self.pos):
            token = self.next_token()
            if token[1:].isalpha():
                self.skip_spaces()
            return "{" + token + "}"
        self.pos += 1
        return "{" + self.text[self.pos - 1] + "}"

    def skip_spaces(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in " \t\r\n":
            self.pos += 1


@lru_cache(maxsize=None)
def _argument_spec(name: str) -> str:
    from pylatexenc import latexwalker

    spec = latexwalker.get_default_latex_context_db().get_macro_spec(name)
    return spec.args_parser.argspec if spec is not None else ""


@lru_cache(maxsize=None)
def _converts(name: str) -> bool:
    """True when pylatexenc turns the command into text that means the same."""
    from pylatexenc import latex2text

    known = latex2text.get_default_latex_context_db().get_macro_spec(name) is not None
    return known and name not in _KEPT_AS_WRITTEN


@lru_cache(maxsize=100_000)
def _command_to_text(unit: str, name: str) -> str:
    try:
        return _converter().latex_to_text(unit)
    except Exception:  # pylatexenc can fail on odd arguments; keep the source then
        return unit


@lru_cache(maxsize=1)
def _converter():
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text(math_mode="verbatim", strict_latex_spaces=True)
