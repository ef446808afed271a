"""A fast scanner for well-formed BibTeX entries.

bibtexparser reads a file one character at a time in Python, which costs about
80 microseconds an entry. Most entries in real files are regular, and a few
regular expressions read them ten times faster. This scanner accepts only
an entry it can read completely and unambiguously; for anything else
(`@string`, `@comment`, `@preamble`, parenthesised entries, a missing comma,
an unclosed brace) it returns None and the caller hands that part of the file
to bibtexparser, so that irregular input is read exactly as bibtexparser reads
it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from refmanager.latex.braces import group_end, walk

# The start of a block, as BibTeX and bibtexparser see it: `@`, a type (or none),
# and an opening delimiter, anywhere outside an entry, even after a `%`: BibTeX
# has no comments outside entries.
BLOCK_START = re.compile(r"@[ \t]*(?:[A-Za-z][\w:.+-]*)?[ \t]*[{(]")

KEY = re.compile(r"[^\s,{}()=\"#%'\\]+")  # what a key may hold, unbraced and unquoted
KEY_UNUSABLE = re.compile(r"[\s,{}()=\"#%'\\]+")
_ENTRY_HEAD = re.compile(r"@[ \t]*([A-Za-z][\w:.+-]*)[ \t]*\{[ \t]*(" + KEY.pattern + r")[ \t]*,")
_FIELD_NAME = re.compile(r"\s*([A-Za-z_][\w:.+-]*)\s*=\s*")
_BARE_VALUE = re.compile(r"[A-Za-z0-9_:.+-]+")
_AFTER_VALUE = re.compile(r"\s*([#,}])")
_CLOSING = re.compile(r"\s*}")
# A value may not run past a line that starts a new block (bibtexparser's rule).
_BLOCK_LINE = r"\n[ \t]*@"
_BLOCK_LINE_PATTERN = re.compile(_BLOCK_LINE)
# The common field, read by one match: `name = {text}` with groups at most one deep,
# `name = "text"` without braces, or `name = 1999`. Written as unrolled loops (a run
# of plain characters, then one escape or group, ...), so that a failed match costs
# time in proportion to its length.
_FLAT = r"[^{}\\]*(?:\\.[^{}\\]*)*"
_ONE_DEEP = r"[^{}\\]*(?:(?:\\.|\{" + _FLAT + r"\})[^{}\\]*)*"
_SIMPLE_FIELD = re.compile(r"([A-Za-z_][\w:.+-]*)\s*=\s*(\{(" + _ONE_DEEP + r")\}|\"([^\"{}\\]*)\"|[0-9]+)"
                           r"\s*(?:,\s*|(?=\}))", re.S)
_SPACES = re.compile(r"\s*")
_SPECIAL_TYPES = {"string", "comment", "preamble"}


@dataclass(slots=True)
class ScannedField:
    name: str
    value: str  # the raw value expression, delimiters included
    offset: int  # where the field starts, from the start of the entry
    text: str | None = None  # the value's text, when it is one braced or quoted piece or a number
    value_offset: int = -1  # where the value starts, from the start of the entry; -1 if not known
    month: int | None = None  # set by the reader when the value is a month macro such as `mar`

    @property
    def raw(self) -> str:
        """The raw value expression: the name `mapping.SourceField` gives it."""
        return self.value


@dataclass(slots=True)
class ScannedEntry:
    entry_type: str
    key: str
    fields: list[ScannedField]
    raw: str


def scan_entry(text: str, start: int) -> ScannedEntry | None:
    """The entry whose `@` is at `start`, or None if it is not plainly well formed."""
    head = _ENTRY_HEAD.match(text, start)
    if head is None or head.group(1).lower() in _SPECIAL_TYPES:
        return None
    return _scan_simple_entry(text, start, head) or _scan_irregular_entry(text, start, head)


def _scan_simple_entry(text: str, start: int, head: re.Match) -> ScannedEntry | None:
    """The entry, if each of its fields is one simple piece (`_SIMPLE_FIELD`): read
    field by field, in one pass over the text."""
    fields, match_field = [], _SIMPLE_FIELD.match
    position = _SPACES.match(text, head.end()).end()
    while (field := match_field(text, position)) is not None:
        name, value, braced, quoted = field.groups()
        inner = braced if value[0] == "{" else quoted if value[0] == '"' else value
        fields.append(ScannedField(name, value, position - start, inner, field.start(2) - start))
        position = field.end()
    if not text.startswith("}", position) or _BLOCK_LINE_PATTERN.search(text, start, position):
        return None
    return ScannedEntry(head.group(1), head.group(2), fields, text[start:position + 1])


def _scan_irregular_entry(text: str, start: int, head: re.Match) -> ScannedEntry | None:
    """An entry with concatenations, macros or deeper groups, one field at a time."""
    fields: list[ScannedField] = []
    position = head.end()
    while True:
        closing = _CLOSING.match(text, position)
        if closing:
            return ScannedEntry(head.group(1), head.group(2), fields, text[start:closing.end()])
        name = _FIELD_NAME.match(text, position)
        if name is None:
            return None
        value_end = _value_end(text, name.end())
        if value_end is None:
            return None
        fields.append(ScannedField(name.group(1), text[name.end():value_end], name.start(1) - start,
                                   value_offset=name.end() - start))
        after = _AFTER_VALUE.match(text, value_end)
        if after is None:
            return None
        position = after.end() if after.group(1) == "," else after.start(1)


def _value_end(text: str, position: int) -> int | None:
    """The end of a value expression (pieces joined by `#`), or None if malformed."""
    while True:
        end = _piece_end(text, position)
        if end is None:
            return None
        after = _AFTER_VALUE.match(text, end)
        if after is None or after.group(1) != "#":
            return end
        position = after.end()
        while position < len(text) and text[position].isspace():
            position += 1


def _piece_end(text: str, position: int) -> int | None:
    first = text[position:position + 1]
    if first == "{":
        return _braced_end(text, position)
    if first == '"':
        return _quoted_end(text, position)
    bare = _BARE_VALUE.match(text, position)
    return bare.end() if bare else None


def _braced_end(text: str, position: int) -> int | None:
    return group_end(text, position, stop=_BLOCK_LINE)


def _quoted_end(text: str, position: int) -> int | None:
    """The end of a `"quoted"` value: its closing quote is outside every group."""
    for match, depth in walk(text, position + 1, '"|' + _BLOCK_LINE):
        token = match.group()
        if depth < 0 or token[0] == "\n":
            return None
        if token == '"' and depth == 0:
            return match.end()
    return None
