"""LaTeX accent commands with no letter to accent, and `\\"` as an escaped quote mark.

`\\"u` is ü, but an accent command may stand alone. LaTeX's own idiom for the
accent as a character is an empty group (`\\^{}` for a caret, `\\~{}` for a tilde
in a web address), and a command at the end of a value or group has nothing to
accent either: each is the accent's spacing character (`\\"{}` is ¨), not a
combining mark on nothing or on the next space.

Web exports write a double quote mark as `\\"`, as in a C string: `On \\"Somali
Rocket Docket\\"`. Read as TeX that is `S̈omali` and a dangling diaeresis. An accent
is written against its letter, so a `\\"` not followed by a letter (or the `{` or
`\\` of a letter) is a quote mark; and one followed by a letter opens a quotation
when it starts a word and a closing one (after a word, before no letter) comes
next. `M\\"uller`, `\\"Ozg\\"ur` and `\\"Uber \\"Osterreich` keep their umlauts.
"""

from __future__ import annotations

#: Each accent command's spacing character; `\\d`, `\\b` and `\\t` have none.
SPACING_ACCENTS = {
    '"': "\u00a8", "'": "\u00b4", "`": "`", "^": "^", "~": "~", "=": "\u00af", ".": "\u02d9",
    "u": "\u02d8", "v": "\u02c7", "H": "\u02dd", "c": "\u00b8", "k": "\u02db", "r": "\u02da",
}
ACCENT_COMMANDS = frozenset(SPACING_ACCENTS) | {"d", "b", "t"}


def bare_accent(text: str, pos: int, name: str) -> tuple[str, int] | None:
    """What the accent command `\\name`, ending at `pos` of `text`, stands for when it
    accents no letter, and where reading goes on; None when it accents one."""
    if name == '"' and _is_quote_mark(text, pos):
        return '"', pos
    after = _after_spaces(text, pos)
    if after == len(text) or text[after] == "}":
        end = after
    elif text.startswith("{", after) and text[_after_spaces(text, after + 1):][:1] == "}":
        end = _after_spaces(text, after + 1) + 1  # an empty group: `\\^{}`
    else:
        return None
    spacing = SPACING_ACCENTS.get(name)
    return (spacing, end) if spacing is not None else ("\\" + name + "{}", end)


def _is_quote_mark(text: str, pos: int) -> bool:
    """Whether the `\\"` ending at `pos` is a quote mark (see the module docstring)."""
    if not text[pos:pos + 1].isalpha():
        return _accents_nothing(text, pos)
    before = text[pos - 3:pos - 2] if pos >= 3 else ""
    if before.isalnum() or before == "\\":
        return False  # inside a word: `M\\"uller`
    closing = text.find('\\"', pos)
    return closing > pos and not text[closing - 1].isspace() and _accents_nothing(text, closing + 2)


def _accents_nothing(text: str, pos: int) -> bool:
    """Whether what follows a `\\"` at `pos` is no letter, nor the `{` or `\\` of one."""
    following = text[pos:pos + 1]
    return not following.isalpha() and following not in ("{", "\\")


def _after_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos
