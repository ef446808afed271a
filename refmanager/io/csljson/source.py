"""A changed CSL-JSON item written as its source text with only its changed members
replaced, so that a cleaned file's diff shows the values that changed and nothing else.

The reader keeps each item's text (`Origin.raw`, from the start of its line) when it
reads back the same anywhere (no id made up, no value left out: `read.py`). For an
item changed since, `spliced_item` finds its top-level members in that text and
writes the item the writer generated (`write.item_of`) in the source's order and
layout: a member whose decoded source value is the generated one, or whose value
the record did not change, keeps its text; a changed one is re-encoded in the
layout the old value had (`encode_like`); a new one goes after the member the
writer puts before it, a removed one loses its text. The result must read as the
generated item does, else the item is generated whole (None).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Callable

from refmanager.model import Record

_SPACE = re.compile(r"[ \t\n\r]*")
_decode = json.JSONDecoder().raw_decode


@dataclass(slots=True)
class _Member:
    key: str
    start: int  # where the key's string starts
    value_start: int
    value_end: int
    separator: str  # the text between the previous member's value (or `{`) and the key


@dataclass(slots=True)
class _Item:
    """An item's text cut at its members: `text[:opened]` is up to and including `{`."""

    text: str
    opened: int
    members: list[_Member]
    closing: str  # from the last value's end: space and `}`


def _parse(text: str) -> _Item | None:
    """The item's members and where they lie; None for text that is not one object
    with distinct keys (a duplicate key would make the splice ambiguous)."""
    position = _SPACE.match(text).end()
    if not text.startswith("{", position):
        return None
    opened = position + 1
    members: list[_Member] = []
    end = opened
    try:
        while True:
            gap_end = _SPACE.match(text, end).end()
            if text.startswith("}", gap_end):
                break
            if members:
                if not text.startswith(",", gap_end):
                    return None
                gap_end = _SPACE.match(text, gap_end + 1).end()
            key, key_end = _decode(text, gap_end)
            colon = _SPACE.match(text, key_end).end()
            if not isinstance(key, str) or not text.startswith(":", colon):
                return None
            value_start = _SPACE.match(text, colon + 1).end()
            _value, value_end = _decode(text, value_start)
            members.append(_Member(key, gap_end, value_start, value_end, text[end:gap_end]))
            end = value_end
    except (ValueError, RecursionError):
        return None
    if len({member.key for member in members}) != len(members):
        return None
    return _Item(text, opened, members, text[end:])


def spliced_item(record: Record, generated: dict, read_back: Callable[[str], Record | None]) -> str | None:
    """The generated item in its source's layout (see the module docstring); None when
    its source text cannot be reused. `read_back` reads one item's text (for the
    record as read, and for the check that the splice reads as the generated item)."""
    raw = record.origin.raw
    item = _parse(raw)
    if item is None or not item.members:
        return None
    source = {member.key: json.loads(raw[member.value_start:member.value_end]) for member in item.members}
    as_read = None
    kept: dict[str, bool] = {}
    for key in source:
        if key in generated and source[key] == generated[key]:
            kept[key] = True
            continue
        if as_read is None:
            from refmanager.io.csljson.write import item_of  # the writer imports this module

            before = read_back(raw)
            if before is None:
                return None
            as_read = item_of(before, "", [])
        # A value written otherwise (a number for a string) the record did not change,
        # or a member the writer puts elsewhere (an unknown one, into custom).
        kept[key] = (key in generated and as_read.get(key) == generated[key]) or \
            (key not in generated and key not in as_read)
    text = _joined(item, generated, kept, as_read or {})
    if any(kept[key] and source[key] != generated.get(key) for key in kept):
        # Kept for what it means, not as the same JSON: the item must still read the same.
        written = read_back(text)
        expected = read_back(json.dumps(generated, ensure_ascii=False))
        if written is None or expected is None or written.state() != expected.state():
            return None
    return text


def _joined(item: _Item, generated: dict, kept: dict[str, bool], as_read: dict) -> str:
    style = _Style.of(item)
    pieces: list[tuple[str, str]] = []  # (key, text from key to value end)
    separators: dict[str, str] = {}
    for member in item.members:
        key = member.key
        if kept[key]:
            pieces.append((key, item.text[member.start:member.value_end]))
        elif key in generated:
            old = item.text[member.value_start:member.value_end]
            value = encode_like(generated[key], old, style)
            pieces.append((key, item.text[member.start:member.value_start] + value))
        else:
            continue
        separators[key] = member.separator
    present = {key for key, _ in pieces}
    order = list(generated)
    for index, key in enumerate(order):
        # A new member (or one the writer moved here): after the one the writer puts before it.
        if key in present or (key in as_read and as_read[key] == generated[key]):
            continue
        previous = next((other for other in reversed(order[:index]) if other in present), None)
        at = 0 if previous is None else [name for name, _ in pieces].index(previous) + 1
        pieces.insert(at, (key, json.dumps(key) + style.colon + encode_like(generated[key], "", style)))
        present.add(key)
    return _assembled(item, pieces, separators, style)


def _assembled(item: _Item, pieces: list[tuple[str, str]], separators: dict[str, str],
               style: "_Style") -> str:
    """The member texts with their source separators where a member still follows the
    member it followed, else the item's usual one."""
    source_order = [member.key for member in item.members]
    out = [item.text[:item.opened]]
    for index, (key, text) in enumerate(pieces):
        if index == 0:
            out.append(item.members[0].separator)
        else:
            previous = pieces[index - 1][0]
            follows = key in separators and previous in source_order and key in source_order \
                and source_order.index(key) == source_order.index(previous) + 1
            out.append(separators[key] if follows else "," + style.gap)
        out.append(text)
    out.append(item.closing)
    return "".join(out)


@dataclass(slots=True)
class _Style:
    """How the item writes its members: the space after a comma (a new line and the
    members' indentation, or a space), after a colon, its indentation unit, and
    whether it escapes non-ASCII text."""

    gap: str
    colon: str
    unit: str
    ascii: bool

    @classmethod
    def of(cls, item: _Item) -> "_Style":
        text, members = item.text, item.members
        later = [member.separator for member in members[1:]]
        gap = later[0].split(",", 1)[1] if later else members[0].separator
        first = members[0]
        colon = ": " if " " in text[first.start:first.value_start].rsplit(":", 1)[1] else ":"
        item_indent = text[:len(text) - len(text.lstrip(" \t"))]
        member_indent = gap.rsplit("\n", 1)[-1] if "\n" in gap else ""
        unit = member_indent[len(item_indent):] if member_indent.startswith(item_indent) else ""
        # Escaped only where the item already escapes: an ASCII item with no \u escape
        # may still take an en dash as it is, as the writer writes one.
        return cls(gap, colon, unit or "  ", text.isascii() and "\\u" in text)


def encode_like(value: Any, old: str, style: _Style) -> str:
    """`value` as JSON, each container on several lines where the old value's container
    at that depth was (`"author": [` then a name a line), else on one line."""
    expanded = _expanded_depths(old)
    indent = style.gap.rsplit("\n", 1)[-1] if "\n" in style.gap else ""
    return _encoded(value, 0, expanded, indent, style)


def _encoded(value: Any, depth: int, expanded: dict[int, bool], indent: str, style: _Style) -> str:
    if not isinstance(value, (list, dict)) or not value or not expanded.get(depth):
        return json.dumps(value, ensure_ascii=style.ascii, separators=(", ", style.colon))
    inner = indent + style.unit
    if isinstance(value, dict):
        parts = [json.dumps(key, ensure_ascii=style.ascii) + style.colon
                 + _encoded(item, depth + 1, expanded, inner, style) for key, item in value.items()]
        opening, closing = "{", "}"
    else:
        parts = [_encoded(item, depth + 1, expanded, inner, style) for item in value]
        opening, closing = "[", "]"
    return opening + "\n" + inner + (",\n" + inner).join(parts) + "\n" + indent + closing


def _expanded_depths(text: str) -> dict[int, bool]:
    """For each depth of nesting in a JSON value's text, whether its first container there
    breaks its line after opening."""
    found: dict[int, bool] = {}
    depth, in_string, escaped = 0, False, False
    for index, char in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            if depth not in found:
                rest = text[index + 1:]
                found[depth] = rest[:len(rest) - len(rest.lstrip())].count("\n") > 0
            depth += 1
        elif char in "]}":
            depth -= 1
    return found
