"""LaTeX's single quotes, and the apostrophe that looks like one.

In LaTeX source `` ` `` is an opening quote (‘) and `'` a closing one (’), and
typeset an apostrophe is ’ too. Bibliographies in other formats write the
apostrophe inside a word as ASCII `'` ("Putin's", "O'Neil"), so reading
`{Putin}'s` as "Putin’s" would make the .bib disagree with its .ris twin. The
rule both directions follow: a `'` between two letters or digits (braces
skipped: `{Putin}'s`) is an apostrophe and stays `'`; any other `'` is ’ and
every `` ` `` is ‘. The encoder writes what reads back the same: a `'` that is
no apostrophe as `{\\textquotesingle}`, a ’ inside a word as `{\\textquoteright}`.
"""

from __future__ import annotations

import re


def is_apostrophe(text: str, index: int) -> bool:
    """True when the quote at `index` stands between two letters or digits, braces skipped."""
    before = index - 1
    while before >= 0 and text[before] in "{}":
        before -= 1
    after = index + 1
    while after < len(text) and text[after] in "{}":
        after += 1
    return before >= 0 and after < len(text) and text[before].isalnum() and text[after].isalnum()


def decode_quote(text: str, index: int) -> str:
    """What the `` ` `` or `'` at `index` of LaTeX source stands for."""
    if text[index] == "`":
        return "\u2018"
    return "'" if is_apostrophe(text, index) else "\u2019"


def encode_quotes(latex: str, ascii: bool, text_ranges: list[tuple[int, int]]) -> str:
    """The LaTeX with each quote character spelled so that `decode_quote` reads it back.

    Only quotes within `text_ranges` are touched (not those of math or of a
    command kept as written); the context is read from the whole string.
    """
    out, last = [], 0
    for start, end in text_ranges:
        for quote in _QUOTE.finditer(latex, start, end):
            index, char = quote.start(), quote.group()
            if _escaped(latex, index):
                continue
            spelled = _spelling(char, is_apostrophe(latex, index), ascii)
            if spelled == char:
                continue
            out.append(latex[last:index])
            previous = out[-1][-1:] if out[-1] else (out[-2][-1:] if len(out) > 1 else "")
            if previous in ("'", "`") and spelled[0] == previous:
                out.append("{}")  # a pair would be a double quote: `` or ''
            out.append(spelled)
            last = index + 1
    out.append(latex[last:])
    return "".join(out)


_QUOTE = re.compile("['`\u2018\u2019\u201c\u201d]")  # double quotes matter only in ASCII output


def _spelling(char: str, apostrophe: bool, ascii: bool) -> str:
    if char == "'":
        return "'" if apostrophe else "{\\textquotesingle}"
    if char == "`":
        return "{\\textasciigrave}"
    if not ascii:
        return char  # a Unicode quote in a .bib reads back as itself
    if char == "\u2019":
        return "{\\textquoteright}" if apostrophe else "'"
    return _ASCII_SPELLING[char]


_ASCII_SPELLING = {"\u2018": "`", "\u201c": "``", "\u201d": "''"}


def _escaped(latex: str, index: int) -> bool:
    """True for the quote of an accent command such as `\\'e`: an odd run of backslashes before it."""
    run = 0
    while index - run - 1 >= 0 and latex[index - run - 1] == "\\":
        run += 1
    return run % 2 == 1
