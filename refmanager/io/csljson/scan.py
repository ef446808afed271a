"""Splitting CSL-JSON text into its top-level JSON values, each with its start line.

The CSL-JSON reader maps each value to an item; this module finds them, and
recovers after broken JSON, so that one bad item does not lose the rest of the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Generator
from typing import Any

from refmanager.errors import Problem
from refmanager.model import Document, Verbatim

_JSON_SPACE = re.compile(r"[ \t\n\r]*")

# The scanner's values: (start line, decoded value, raw text); it returns where it stopped.
_Values = Generator[tuple[int, Any, str], None, "int | None"]


class Scanner:
    """Splits the text into top-level JSON values, each with its start line.

    Broken JSON inside an array is reported, kept as a "failed" block, and
    skipped up to the next line that opens an item at the same indentation as
    the first item did, so that the items after it are still read.
    """

    def __init__(self, text: str, document: Document) -> None:
        self.text = text
        self.document = document
        self.decoder = json.JSONDecoder()
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
                value, end = self.decoder.raw_decode(self.text, position)
            except json.JSONDecodeError as error:
                position = self._recover(error, position, search_from=position + 1)
                if position is None:
                    return None
                continue
            self._remember_indent(position)
            yield self._line_at(position), value, self.text[position:end]
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
            value, end = self.decoder.raw_decode(self.text, position)
        except json.JSONDecodeError as error:
            return self._recover(error, position, search_from=None)
        yield self._line_at(position), value, self.text[position:end]
        return end

    def _remember_indent(self, position: int) -> None:
        if self._item_indent is None:
            line_start = self.text.rfind("\n", 0, position) + 1
            indent = self.text[line_start:position]
            self._item_indent = indent if not indent.strip() else ""

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
