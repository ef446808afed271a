"""An entry's own layout, kept when the writer changes some of its fields.

A librarian who cleans a file reads the result as a diff: a fixed page range
should be one changed line, not an entry re-indented. So a changed entry that
keeps its type, key and fields is written as its source text with only the
changed values replaced. One that gains or loses a field is generated, but in
the source's layout: its indentation, its alignment of `=`, its line ending
(a CRLF file stays CRLF), its header and its closing.

    @article{a,                          @article{a,
     title     = {A Study},      ->       title     = {A Study},
     pages     = {1-2}                    pages     = {1--2}
    }                                    }
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass

# What leads up to a field's value: the line break, the indentation, the name,
# and the spaces around `=`.
_FIELD_LEAD = r"[ \t]*(\r?\n)([ \t]*)([^\s=,{}()\"#]+)([ \t]*)=([ \t]*)"
_FIRST_FIELD = re.compile(_FIELD_LEAD)
_NEXT_FIELD = re.compile(r"[ \t]*," + _FIELD_LEAD)  # after the value before it
_HEADER = re.compile(r"@[ \t]*([^\s{(]+)[ \t]*([{(])[ \t]*([^,\s]*)[ \t]*,")


@dataclass(frozen=True, slots=True)
class EntryLayout:
    """How an entry's fields are laid out in its source text."""

    header: str  # "@article{key,", as written
    entry_type: str
    opener: str  # "{" or "("
    key: str
    newline: str  # before each field
    indent: str
    column: int  # where `=` stands after the indentation (0: names not aligned)
    before_equals: str
    after_equals: str
    tail: str  # after the last value: an optional comma, the line break and the closer

    def field_line(self, name: str, value: str) -> str:
        padded = name.ljust(self.column - len(self.before_equals)) if self.column else name
        return f"{self.newline}{self.indent}{padded}{self.before_equals}={self.after_equals}{value}"


def layout_of(raw: str, bounds: array, names: tuple[str, ...]) -> EntryLayout | None:
    """The entry's layout, or None when its text is not laid out one field a line
    (then the writer's own layout is used)."""
    header = _HEADER.match(raw)
    if header is None or not names:
        return None
    leads, previous_end = [], header.end()
    for index, name in enumerate(names):
        pattern = _NEXT_FIELD if index else _FIRST_FIELD
        found = pattern.fullmatch(raw, previous_end, bounds[2 * index])
        if found is None or found.group(3) != name:
            return None
        leads.append(found)
        previous_end = bounds[2 * index + 1]
    first = leads[0]
    columns = {len(found.group(3)) + len(found.group(4)) for found in leads}
    aligned = len(columns) == 1 and any(len(found.group(4)) > 1 for found in leads)
    before = " " * min(len(found.group(4)) for found in leads) if aligned else first.group(4)
    return EntryLayout(raw[:header.end()], header.group(1), header.group(2), header.group(3),
                       first.group(1), first.group(2), columns.pop() if aligned else 0, before,
                       first.group(5), raw[previous_end:])


def header_of(raw: str) -> tuple[str, str] | None:
    """The entry type and key as the source writes them."""
    header = _HEADER.match(raw)
    return (header.group(1), header.group(3)) if header else None


def spliced(raw: str, bounds: array, names: list[str] | tuple[str, ...],
            fields: list[tuple[str, str]]) -> str | None:
    """The source text with the values of `fields` that differ put in their places;
    None unless `fields` are the source's own fields, in their order and spelling."""
    if [name for name, _value in fields] != list(names):
        return None
    pieces, done = [], 0
    for index, (_name, value) in enumerate(fields):
        start, end = bounds[2 * index], bounds[2 * index + 1]
        if raw[start:end] != value:
            pieces += [raw[done:start], value]
            done = end
    return "".join(pieces) + raw[done:] if pieces else raw


def entry_in_layout(layout: EntryLayout, entry_type: str, key: str,
                    fields: list[tuple[str, str]]) -> str:
    """An entry generated in the source's layout; the header is the source's when the
    type and key are the same."""
    same_header = entry_type == layout.entry_type and key == layout.key
    header = layout.header if same_header else f"@{entry_type}{layout.opener}{key},"
    body = ",".join(layout.field_line(name, value) for name, value in fields)
    return header + body + layout.tail
