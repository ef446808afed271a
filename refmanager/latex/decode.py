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
is kept verbatim, so nothing is lost. Math that is only a symbol (`$<$`,
`$\\alpha$`, `10$^{th}$`) is its Unicode text (`latex/math.py`); a formula is kept
verbatim: it is better left to LaTeX than flattened to text.

Speed matters (a 100,000-entry file has a million values): values without any
LaTeX take a fast path, and every command and whole value is cached.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache

from refmanager import richtext
from refmanager.latex.accents import ACCENT_COMMANDS, bare_accent
from refmanager.latex.braces import group_end
from refmanager.latex.math import math_as_text
from refmanager.latex.pylatexenc_calls import converted_apart
from refmanager.latex.quotes import decode_quote
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
                 "textless": "<", "textgreater": ">",
                 "textperiodcentered": "\u00b7"}
# Commands that are not text (a link, a citation): kept as written, not flattened.
_KEPT_AS_WRITTEN = {"url", "href", "cite", "citep", "citet", "ref", "eqref", "label", "footnote"}
_ESCAPED = set("&%$#_{} ,;:!/")  # `\&` is a literal "&"; `\,` and friends are spaces
_ESCAPED_TEXT = {name: " " if name in " ,;:!/" else name for name in _ESCAPED}
_LIGATURES = {"--": "\u2013", "---": "\u2014", "``": "\u201c", "''": "\u201d", "~": "\u00a0"}

_STRUCTURE = set("{}$\\'`")  # the first characters of tokens that are not text or space
_TOKEN = re.compile(r"\\(?:[A-Za-z]+|.)|---?|``|''|[{}$~]|\s+|[^\\{}$~`'\-\s]+|.", re.S)
# The reader's main loop takes a run of words, single spaces and lone hyphens as one
# token: the same text in fewer steps. (A one-token argument, `\\textit x`, is still
# one word: `next_token` reads by `_TOKEN`.)
_WORD_CHARACTER = r"(?:[^\\{}$~`'\-\s]|-(?!-))"
_TEXT_RUN = _WORD_CHARACTER + r"(?:" + _WORD_CHARACTER + r"| (?=" + _WORD_CHARACTER + r"))*"
_MAIN_TOKEN = re.compile(r"\\(?:[A-Za-z]+|.)|---?|``|''|[{}$~]|\s+|" + _TEXT_RUN + r"|.", re.S)
# After reading, runs of spaces become one.
_SPACE_RUN = re.compile(r"[ \t]{2,}")
_NEEDS_WORK = re.compile(r"[\\{}$~`]|--|''|\s\s|[\t\n\r]|(?<![^\W_])'|'(?![^\W_])")
# What the pattern looks for, as substrings: a value without them, without a quote and
# with no whitespace but single spaces (`isprintable`: any other whitespace is not) needs no
# work. `in` runs in C, five times faster than the pattern over a file's values.
_SPOILERS = ("\\", "{", "}", "$", "~", "`", "--", "  ")


# An HTML character reference (`&#252;`, `&#xFC;`, `&uuml;`, `&amp;`) in a BibTeX value
# leaked from a web export: a bare `&` means nothing in LaTeX, so it stands for its character.
_HTML_REFERENCE = re.compile(r"(?<!\\)&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


# Values decoded before, by their text, for each `protect`: a file repeats its venues,
# publishers, places and page ranges (245,000 of the ACL file's 412,000 decoded field
# values), and a lookup costs less than the tests of `_decoded` (a dozen scans of the
# value) alone. Emptied when full, which only costs decoding again.
_DECODED_TEXT: dict[str, str] = {}
_DECODED_PROTECTED: dict[str, str] = {}  # with `protect`
_DECODED_SPACED: dict[str, str] = {}  # with `keep_spaces`
_DECODED_LIMIT = 300_000


def decode(value: str, protect: bool = False, keep_spaces: bool = False) -> str:
    """The rich text a BibTeX value (without its outer delimiters) stands for.

    `protect` turns top-level brace groups into case-protected spans; it is
    wanted for titles, where BibTeX styles change case, and nowhere else.
    `keep_spaces` keeps a run of spaces within a line as written, where TeX
    would print one: a note or an abstract is the user's own prose, and two
    spaces after a full stop are theirs to keep (a line break is still a space).
    """
    if protect and keep_spaces:  # wanted by no field the reader knows: not cached
        return _decoded(value, protect, keep_spaces)
    decoded = _DECODED_SPACED if keep_spaces else _DECODED_PROTECTED if protect else _DECODED_TEXT
    text = decoded.get(value)
    if text is None:
        if len(decoded) >= _DECODED_LIMIT:
            decoded.clear()
        text = decoded[value] = _decoded(value, protect, keep_spaces)
    return text


def _decoded(value: str, protect: bool, keep_spaces: bool = False) -> str:
    if "&" in value:
        value = _HTML_REFERENCE.sub(_html_character, value)
    if is_plain(value):
        return value.strip()
    if "--" in value or "dash}" in value:
        dashed = _DASH.sub(_dash, value)
        if is_plain(dashed):  # dashes were its only LaTeX (most page ranges)
            return dashed.strip()
    return _LatexReader(value, protect, keep_spaces).read_all()


def is_plain(value: str) -> bool:
    """Whether a value is text with no LaTeX in it (`not _NEEDS_WORK.search(value)`, sooner)."""
    if "'" in value or not value.isprintable():
        return _NEEDS_WORK.search(value) is None
    for spoiler in _SPOILERS:
        if spoiler in value:
            return False
    return True


# A page range's dashes, `1--10` or the ACL Anthology's `1{\\textendash}10`, read as the reader
# reads them: a value with no other LaTeX is its text with the dashes as characters, without
# the reader (and its cache: a file has as many ranges as records).
_DASH = re.compile(r"---?|\{\\text(?:en|em)dash\}")


def _dash(dash: re.Match) -> str:
    text = dash.group()
    return "\u2013" if text in ("--", "{\\textendash}") else "\u2014"


def _html_character(reference: re.Match) -> str:
    character = html.unescape(reference.group())
    if character == reference.group() or character in "<>\ufffd" or not character.isprintable():
        return reference.group()  # unknown, markup-like or a control character: kept as written
    return character


@dataclass(slots=True)
class _Frame:
    """A part of the value being read: the whole value, a brace group, a formatting
    command's argument, or an old-style declaration's rest of group."""

    kind: str  # "value", "group", "argument" (`\\textit{..}`), "single" (`\\textit x`), "declaration"
    depth: int  # brace depth inside it
    opening: str = ""  # rich-text tags around what it holds
    closing: str = ""
    starts_with_command: bool = False  # `{\\"u}`: a special character, not protected
    out: list[str] = field(default_factory=list)


class _LatexReader:
    """Walks one value's tokens, building rich text.

    Groups are kept on an explicit stack, not Python's: a value nested 100,000
    deep reads like any other.
    """

    def __init__(self, text: str, protect: bool, keep_spaces: bool = False):
        self.text = text
        self.protect = protect
        self.keep_spaces = keep_spaces
        self.pos = 0
        self.stack = [_Frame("value", 0)]

    def read_all(self) -> str:
        text, stack, match_token = self.text, self.stack, _MAIN_TOKEN.match
        while self.pos < len(text):
            token = match_token(text, self.pos)
            self.pos = token.end()
            token = token.group()
            # Text, spaces and escaped characters (`\\{`), the common tokens, are taken
            # here (the innermost frame is never a one-token argument between tokens).
            if len(token) == 2 and token[0] == "\\" and token[1] in _ESCAPED_TEXT:
                stack[-1].out.append(_ESCAPED_TEXT[token[1]])
            elif token[0] in _STRUCTURE:
                self.read_token(token)
            elif token[0].isspace():
                stack[-1].out.append(self.space(token))
            else:
                stack[-1].out.append(_LIGATURES.get(token, token))
        while len(self.stack) > 1:
            self.close_frame()
        text = "".join(self.stack[0].out)
        if "\n" in text:  # spaces around a line or paragraph break go
            lines = text.split("\n")
            lines[0], lines[-1] = lines[0].rstrip(" \t"), lines[-1].lstrip(" \t")
            text = "\n".join([lines[0]] + [line.strip(" \t") for line in lines[1:-1]] + [lines[-1]])
        return (text if self.keep_spaces else _SPACE_RUN.sub(" ", text)).strip(" \n")

    def space(self, token: str) -> str:
        """As in TeX, a blank line is a paragraph break and other white space a space;
        with `keep_spaces`, white space within a line is kept as written."""
        if "\n" not in token:
            return token if self.keep_spaces else " "
        return "\n\n" if token.count("\n") > 1 else " "

    def next_token(self) -> str:
        match = _TOKEN.match(self.text, self.pos)
        self.pos = match.end()
        return match.group()

    def read_token(self, token: str) -> None:
        depth = self.stack[-1].depth
        if token == "}":
            self.close_group() if depth > 0 else self.emit("}")  # a stray brace is kept
        elif token == "{":
            starts_with_command = self.text.startswith("\\", self.pos)
            self.stack.append(_Frame("group", depth + 1, starts_with_command=starts_with_command))
        elif token == "$":
            self.emit(self.read_math())
        elif token == "'" or token == "`":
            self.emit(decode_quote(self.text, self.pos - 1))
        elif token[0] == "\\" and token[1:] in _DECLARATIONS and depth > 0:
            opening, closing = _FORMATTING[_DECLARATIONS[token[1:]]]
            self.stack.append(_Frame("declaration", depth, opening, closing))
        elif token[0] == "\\":
            self.read_command(token)
        elif token[0].isspace():
            self.emit(self.space(token))
        else:
            self.emit(_LIGATURES.get(token, token))

    def emit(self, text: str) -> None:
        """Add text to the innermost frame; a one-token argument is then complete."""
        self.stack[-1].out.append(text)
        while self.stack[-1].kind == "single":
            self.close_frame()

    def close_group(self) -> None:
        """A `}`: it ends the declarations open in its group, then the group."""
        while self.stack[-1].kind in ("declaration", "single"):
            self.close_frame()
        self.close_frame()

    def close_frame(self) -> None:
        """End the innermost frame, and the one-token arguments it completes (a loop,
        not recursion: `\\textit\\textit...x` may chain 100,000 of them)."""
        while True:
            frame = self.stack.pop()
            self.stack[-1].out.append(self.finished(frame))
            if self.stack[-1].kind != "single":
                return

    def finished(self, frame: _Frame) -> str:
        inner = "".join(frame.out)
        if frame.kind == "group":
            # BibTeX: a top-level group that starts with a command is a "special
            # character" such as {\\"u}; any other top-level group locks its case.
            protected = self.protect and frame.depth == 1 and not frame.starts_with_command
            return richtext.protect(inner) if protected and inner.strip() else inner
        inner = inner.strip() if frame.kind == "declaration" else inner
        return frame.opening + inner + frame.closing

    def read_math(self) -> str:
        end = self.text.find("$", self.pos)
        end = len(self.text) if end < 0 else end + 1
        math = "$" + self.text[self.pos:end]
        self.pos = end
        text = math_as_text(math)
        return math if text is None else text

    def read_command(self, token: str) -> None:
        name = token[1:]
        if name in _FORMATTING:
            self.open_argument(*_FORMATTING[name])
        else:
            self.emit(self.command_text(token))

    def command_text(self, token: str) -> str:
        """The text of a command that is not a formatting one."""
        name = token[1:]
        if len(name) == 1 and name in _ESCAPED:
            return name if name not in " ,;:!/" else " "
        if name == "@":
            # LaTeX's spacing command before a full stop ("NASA\\@."), but exports
            # write it for an at sign too ("COIN\\@AAMAS", "{\\@user.bsky.social}")
            return "@" if self.text[self.pos:self.pos + 1].isalnum() else ""
        if name == "\\":  # a line break
            self.skip_spaces()
            return "\n"
        if name in _TEXT_SYMBOLS:
            self.skip_spaces()
            return _TEXT_SYMBOLS[name]
        if name in ACCENT_COMMANDS and (bare := bare_accent(self.text, self.pos, name)) is not None:
            text, self.pos = bare
            return text
        if not _converts(name):
            return self.keep_command(token)
        arguments = "".join(self.raw_arguments(_argument_spec(name)))
        if name.isalpha() and not arguments:
            self.skip_spaces()  # TeX eats the spaces after a control word
        return _command_to_text(token + arguments, name)

    def open_argument(self, opening: str, closing: str) -> None:
        """A formatting command's argument: a group, or else the one token after it
        (which may be another formatting command: `\\textbf\\textit{x}`)."""
        while True:
            self.skip_spaces()
            if self.text.startswith("{", self.pos):
                self.pos += 1
                self.stack.append(_Frame("argument", self.stack[-1].depth + 1, opening, closing))
                return
            token = self.next_token() if self.pos < len(self.text) else ""
            if not token.startswith("\\"):
                self.emit(opening + token + closing)
                return
            self.stack.append(_Frame("single", self.stack[-1].depth, opening, closing))
            if token[1:] not in _FORMATTING:
                self.emit(self.command_text(token))
                return
            opening, closing = _FORMATTING[token[1:]]

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
        start = self.pos
        end = group_end(self.text, start)
        self.pos = len(self.text) if end is None else end
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
        return converted_apart(_converter(), unit)
    except Exception:  # pylatexenc can fail on odd arguments; keep the source then
        return unit


@lru_cache(maxsize=1)
def _converter():
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text(math_mode="verbatim", strict_latex_spaces=True)
