"""JSON as refmanager writes reports: containers indented, written piece by piece.

`json.dumps(..., indent=...)` falls back to the pure-Python encoder, which took
4 s for a clean report of 37,000 changes; writing each leaf container on one
line with the C encoder, and only the outer levels indented, keeps a report
readable (one change, one problem a line) and fast.
"""

from __future__ import annotations

import json
from typing import Callable

# One encoder for every leaf: `json.dumps(value, ensure_ascii=False)` makes one a call.
_one_line = json.JSONEncoder(ensure_ascii=False).encode


class Encoded(str):
    """A list item's JSON text, made beforehand (`encoded`): written as it is. (Another
    process can so write part of a report, as `refmanager.clean_parts`'s workers do.)"""

    __slots__ = ()


def encoded(value) -> Encoded:
    """`value` as `write_json` would write it on one line."""
    return Encoded(_one_line(value))


def _line(value) -> str:
    return value if type(value) is Encoded else _one_line(value)


def write_json(value, write: Callable[[str], object], depth: int = 0,
               lines_from: int | None = None) -> None:
    """Write `value` as JSON through `write`, indenting nested containers; a container
    at depth `lines_from` or deeper, or holding no container, goes on one line."""
    inner, outer = "\n" + "  " * (depth + 1), "\n" + "  " * depth
    opened = lines_from is None or depth < lines_from
    if opened and isinstance(value, dict) and any(isinstance(item, (list, dict)) for item in value.values()):
        write("{")
        for index, (key, item) in enumerate(value.items()):
            write(("," if index else "") + inner + json.dumps(key) + ": ")
            write_json(item, write, depth + 1, lines_from)
        write(outer + "}")
    elif opened and isinstance(value, list) and value and isinstance(value[0], (list, dict, Encoded)):
        write("[" + inner)
        if lines_from is not None and depth + 1 >= lines_from:  # one a line, all at once (a report's changes)
            write(("," + inner).join(map(_line, value)))
        else:
            for index, item in enumerate(value):
                if index:
                    write("," + inner)
                write_json(item, write, depth + 1, lines_from)
        write(outer + "]")
    else:
        write(_line(value))
    if depth == 0:
        write("\n")


def json_text(value, lines_from: int | None = None) -> str:
    """`write_json` into a string."""
    parts: list[str] = []
    write_json(value, parts.append, lines_from=lines_from)
    return "".join(parts)
