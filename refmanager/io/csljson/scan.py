"""Splitting CSL-JSON text into its top-level JSON values, each with its start line.

The CSL-JSON reader maps each value to an item; this module finds them, and
recovers after broken JSON, so that one bad item does not lose the rest of the file.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left
from collections.abc import Generator
from typing import Any

from refmanager.errors import Problem
from refmanager.io.csljson.schema import shorten
from refmanager.model import Document, Verbatim

_JSON_SPACE = re.compile(r"[ \t\n\r]*")
_NEWLINE = re.compile("\n")
#: Longest integer read as a number; a longer one is kept as its text (Python
#: will not convert more than 4,300 digits, and no bibliography needs them).
LONGEST_INTEGER = 1000
#: Longest indentation taken as the items' layout, to find the next item after a broken one.
LONGEST_INDENT = 64
#: Deepest nesting of a value inside an item (CSL needs four); anything deeper is left out.
DEEPEST_FIELD = 32
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# Only a \u escape can make a surrogate in text decoded from UTF-8.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")

# The scanner's values: (start line, decoded value, raw text, the raw text from the start of
# its line or None: `_source`); it returns where it stopped.
_Values = Generator[tuple[int, Any, str], None, "int | None"]


class Scanner:
    """Splits the text into top-level JSON values, each with its start line.

    Broken JSON inside an array is reported, kept as a "failed" block, and
    skipped up to the next line that opens an item at the same indentation as
    the first item did, so that the items after it are still read.
    """

    def __init__(self, text: str, document: Document) -> None:
        self.text = _LineIndexedText(text)
        self.document = document
        self._odd_numbers: list[str] = []  # numbers kept as text while decoding one value
        self.decoder = json.JSONDecoder(parse_int=self._integer, parse_float=self._float,
                                        parse_constant=self._constant)
        self._offset, self._line = 0, 1  # counted forward once, not from the start each time
        self._item_indent: str | None = None  # how the first item's line starts

    def values(self) -> _Values:
        start = self._skip_space(0)
        if start == len(self.text):
            return
        if self.text[start] == "[":
            end = yield from self._array_items(start + 1)
        else:
            end = yield from self._one_value(start)
        if end is not None:
            self._check_rest(end)

    def _array_items(self, position: int) -> _Values:
        position = self._skip_space(position)
        if self.text.startswith("]", position):
            return position + 1
        while True:
            try:
                value, end = self._decode(position)
            except json.JSONDecodeError as error:
                self._remember_indent(position)  # a broken first item shows it as well as any
                position = self._recover(error, position, search_from=position + 1)
                if position is None:
                    return None
                continue
            self._remember_indent(position)
            yield self._line_at(position), value, self.text[position:end], self._source(position, end)
            position = self._skip_space(end)
            if self.text.startswith("]", position):
                return position + 1
            if not self.text.startswith(",", position):
                error = json.JSONDecodeError("Expecting ',' or ']'", self.text, position)
                position = self._recover(error, position, search_from=position)
                if position is None:
                    return None
                continue
            position = self._skip_space(position + 1)

    def _one_value(self, position: int) -> _Values:
        try:
            value, end = self._decode(position)
        except json.JSONDecodeError as error:
            return self._recover(error, position, search_from=None)
        yield self._line_at(position), value, self.text[position:end], self._source(position, end)
        return end

    def _decode(self, position: int) -> tuple[Any, int]:
        """One JSON value; what Python's decoder cannot take is a JSONDecodeError too."""
        self._odd_numbers.clear()
        try:
            value, end = self.decoder.raw_decode(self.text, position)
        except RecursionError:
            raise json.JSONDecodeError("nested too deeply to read", self.text, position) from None
        line = self._line_at(position)
        for number in self._odd_numbers:
            shown = f"a number of {len(number):,} characters" if len(number) > 40 else number
            self.document.problems.append(Problem(
                self.document.path, line, f"{shown} cannot be read as a number; kept as text",
                "warning"))
        return value, end

    def _source(self, position: int, end: int) -> str | None:
        """The value's text from the start of its line, for a writer to reuse; None when
        it holds a number kept as text (its text is no JSON to write back) or does not
        start its line."""
        if self._odd_numbers:
            return None
        line_start = self.text.rfind("\n", 0, position) + 1
        indent = self.text[line_start:position]
        return self.text[line_start:end] if not indent.strip(" \t") else None

    def _integer(self, digits: str) -> int | str:
        if len(digits) > LONGEST_INTEGER:
            self._odd_numbers.append(digits)
            return digits
        return int(digits)

    def _float(self, digits: str) -> float | str:
        number = float(digits)
        if math.isfinite(number):
            return number
        self._odd_numbers.append(digits)  # 1e999: JSON cannot write infinity back
        return digits

    def _constant(self, name: str) -> str:
        self._odd_numbers.append(name)  # NaN, Infinity: Python's extensions, not JSON
        return name

    def _remember_indent(self, position: int) -> None:
        if self._item_indent is None:
            line_start = self.text.rfind("\n", 0, position) + 1
            indent = self.text[line_start:position]
            # More space than any layout uses is no layout: it would make a pattern as long.
            usable = not indent.strip() and len(indent) <= LONGEST_INDENT
            self._item_indent = indent if usable else ""

    def _recover(self, error: json.JSONDecodeError, position: int, search_from: int | None) -> int | None:
        """Report broken JSON; where reading goes on, or None if it cannot."""
        resume = self._next_item_start(search_from) if search_from is not None else None
        end = resume if resume is not None else len(self.text)
        where = f"reading goes on at line {self._line_at(resume)}" if resume is not None \
            else "the rest of the file was not read"
        message = f"invalid JSON: {error.msg} (column {error.colno}); {where}"
        self.document.problems.append(Problem(self.document.path, error.lineno, message))
        if end > position:
            self.document.blocks.append(Verbatim("failed", self.text[position:end],
                                                 error.lineno))
        return resume

    def _next_item_start(self, position: int) -> int | None:
        if self._item_indent is None:
            return None  # no item was read: nothing says what an item's line looks like
        line_start = self.text.rfind("\n", 0, position) + 1
        pattern = re.compile("^" + re.escape(self._item_indent) + r"\{", re.MULTILINE)
        match = pattern.search(self.text, line_start)
        while match is not None and match.end() - 1 < position:
            match = pattern.search(self.text, match.end())
        return match.end() - 1 if match else None

    def _check_rest(self, position: int) -> None:
        position = self._skip_space(position)
        if position < len(self.text):
            line = self._line_at(position)
            message = "text after the end of the JSON data; left out"
            self.document.problems.append(Problem(self.document.path, line, message))
            self.document.blocks.append(Verbatim("text", self.text[position:], line))

    def _skip_space(self, position: int) -> int:
        return _JSON_SPACE.match(self.text, position).end()

    def _line_at(self, offset: int) -> int:
        self._line += self.text.count("\n", self._offset, offset)
        self._offset = offset
        return self._line


class _LineIndexedText(str):
    """The text, counting lines by bisection in an index of its line breaks.

    Python's JSONDecodeError counts the lines from the start of the text each
    time one is made, which made a file of many broken items take square time.
    """

    _breaks: list[int] | None = None

    def count(self, sub, start=None, end=None) -> int:  # type: ignore[override]
        if sub != "\n" or start != 0 or end is None:
            return super().count(sub, start, end)
        return bisect_left(self._line_breaks(), end)

    def rfind(self, sub, start=None, end=None) -> int:  # type: ignore[override]
        if sub != "\n" or start != 0 or end is None:
            return super().rfind(sub, start, end)
        before = bisect_left(self._line_breaks(), end)
        return self._breaks[before - 1] if before else -1

    def _line_breaks(self) -> list[int]:
        if self._breaks is None:
            self._breaks = [match.start() for match in _NEWLINE.finditer(self)]
        return self._breaks


def safe_item(item: dict, raw: str, notes: list[str]) -> dict:
    """The item without what no later stage could hold: members nested deeper than
    DEEPEST_FIELD are left out, lone surrogates (no file can hold them) become U+FFFD."""
    if raw.count("[") + raw.count("{") > DEEPEST_FIELD:  # else nothing can be that deep
        for name in [name for name, value in item.items() if _depth(value) >= DEEPEST_FIELD]:
            notes.append(f"{shorten(repr(name), 40)} is nested more than {DEEPEST_FIELD} "
                         "deep; left out")
            del item[name]
    if _SURROGATE_ESCAPE.search(raw) and _has_lone_surrogate(item):
        notes.append("a lone surrogate (\\ud800 to \\udfff), which no file can hold, "
                     "is replaced by U+FFFD")
        return _without_surrogates(item)
    return item


def _depth(value: Any) -> int:
    deepest, pending = 0, [(value, 1)]
    while pending:  # by hand, not recursion: the value may be nested ~1,000 deep
        item, depth = pending.pop()
        if isinstance(item, (list, dict)):
            deepest = max(deepest, depth)
            if deepest > DEEPEST_FIELD:
                return deepest
            children = item.values() if isinstance(item, dict) else item
            pending.extend((child, depth + 1) for child in children)
    return deepest


def _has_lone_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        return _LONE_SURROGATE.search(value) is not None
    if isinstance(value, dict):
        return any(_has_lone_surrogate(key) or _has_lone_surrogate(item)
                   for key, item in value.items())
    if isinstance(value, list):
        return any(_has_lone_surrogate(item) for item in value)
    return False


def _without_surrogates(value: Any) -> Any:
    # Recursion is safe here: safe_value has checked the depth first.
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_without_surrogates(key): _without_surrogates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_surrogates(item) for item in value]
    return value
