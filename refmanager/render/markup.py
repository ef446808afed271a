"""CSL's HTML-like markup inside field values, parsed into a rich-text tree.

CSL-JSON values may carry `<i>`, `<b>`, `<sup>`, `<sub>`, `<sc>`,
`<span class="nocase">` and `<span style="font-variant:small-caps;">`, and
quotation marks. Balanced pairs become `Rich` nodes (quotes become quoted nodes
so that they flip between outer and inner marks like the style's own quotes);
an unmatched tag stays as literal text and a lone straight apostrophe becomes
a typographic one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from refmanager.render.richtext import Rich

_TAGS = {
    "<i>": ("i", True), "</i>": ("i", False),
    "<b>": ("b", True), "</b>": ("b", False),
    "<sup>": ("sup", True), "</sup>": ("sup", False),
    "<sub>": ("sub", True), "</sub>": ("sub", False),
    "<sc>": ("sc", True), "</sc>": ("sc", False),
    '<span class="nocase">': ("nocase", True),
    '<span class="nodecor">': ("nodecor", True),
    '<span style="font-variant:small-caps;">': ("sc-span", True),
    '<span style="font-variant: small-caps;">': ("sc-span", True),
    "</span>": ("span", False),
}
TAG = re.compile("|".join(re.escape(tag) for tag in _TAGS))
_TOKEN = re.compile("(" + TAG.pattern + "|[\"'“”‘’])")
_SPECIAL = set("<\"'“”‘’")

_NODE_FOR = {
    "i": lambda: Rich(style=(("font-style", "italic"),)),
    "b": lambda: Rich(style=(("font-weight", "bold"),)),
    "sup": lambda: Rich(style=(("vertical-align", "sup"),)),
    "sub": lambda: Rich(style=(("vertical-align", "sub"),)),
    "sc": lambda: Rich(style=(("font-variant", "small-caps"),)),
    "sc-span": lambda: Rich(style=(("font-variant", "small-caps"),)),
    "nocase": lambda: Rich(nocase=True),
    "nodecor": lambda: Rich(style=(("nodecor", "true"),), nocase=True),
    "dq": lambda: Rich(quotes=True),
    "sq": lambda: Rich(quotes=True),
}
_CLOSES = {"i": "i", "b": "b", "sup": "sup", "sub": "sub", "sc": "sc",
           "span": ("nocase", "sc-span", "nodecor"), "dq": "dq", "sq": "sq"}
_WORD_BREAK = set(" \t\n([{/-–—\u00a0")


def _quote_role(mark: str, before: str, after: str) -> tuple[str, bool] | None:
    """Whether a quotation mark opens or closes, or None for an apostrophe."""
    at_start = before == "" or before in _WORD_BREAK
    at_end = after == "" or not after.isalnum()
    if mark == "“":
        return ("dq", True)
    if mark == "”":
        return ("dq", False)
    if mark == '"':
        if at_start and after != " ":
            return ("dq", True)
        # a straight mark after a space closes nothing: it stays as typed (flipflop_OrphanQuote)
        return ("dq", False) if before and before != " " else None
    if mark == "‘":
        return ("sq", True)
    if mark == "'" and at_start and after and after != " ":
        return ("sq", True)  # a ’ never opens (citeproc-js): "CHI ’09", "’biggest cut’"
    if at_end and before and before != " ":
        return ("sq", False)
    return None


def _tokens(text: str) -> list:
    pieces = _TOKEN.split(text)
    tokens = []
    for index, piece in enumerate(pieces):
        if not piece:
            continue
        if index % 2 == 0:
            tokens.append(("text", piece))
        elif piece in _TAGS:
            kind, opens = _TAGS[piece]
            tokens.append(("tag", kind, opens, piece))
        else:
            before = pieces[index - 1][-1:] if index else ""
            after = pieces[index + 1][:1] if index + 1 < len(pieces) else ""
            role = _quote_role(piece, before, after)
            if role is None:
                tokens.append(("text", "’" if piece in "'’" else piece))
            else:
                tokens.append(("tag", role[0], role[1], piece))
    return tokens


def _matching_pairs(tokens: list) -> dict[int, bool]:
    """The tag tokens that belong to a balanced pair: index -> opens."""
    stack: list[int] = []
    matched: dict[int, bool] = {}
    for index, token in enumerate(tokens):
        if token[0] != "tag":
            continue
        kind, opens = token[1], token[2]
        if kind in ("dq", "sq") and any(tokens[i][1] == kind for i in stack):
            opens = False  # a straight mark closes the quotation it is inside
        if opens:
            stack.append(index)
            continue
        wanted = _CLOSES.get(kind, kind)
        wanted = wanted if isinstance(wanted, tuple) else (wanted,)
        for position in range(len(stack) - 1, -1, -1):
            if tokens[stack[position]][1] in wanted:
                matched[stack[position]] = True
                matched[index] = False
                del stack[position:]
                break
    return matched


def _literal(token) -> str:
    if token[1] == "sq":
        return "’" if token[3] in "'’" else token[3]
    return token[3]


@lru_cache(maxsize=65536)
def parse_markup(text: str):
    """The tree for a field value: a plain `str` when it holds no markup."""
    if _SPECIAL.isdisjoint(text):
        return text
    tokens = _tokens(text)
    matched = _matching_pairs(tokens)
    root = Rich()
    stack = [root]
    for index, token in enumerate(tokens):
        if token[0] == "text":
            stack[-1].children.append(token[1])
        elif index not in matched:
            stack[-1].children.append(_literal(token))
        elif matched[index]:
            node = _NODE_FOR[token[1]]()
            if token[3] == "‘":
                node.quotes = "single"  # keeps its single marks at the top (output.py)
            stack[-1].children.append(node)
            stack.append(node)
        else:
            closed = stack.pop()
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if closed.quotes and following and following[0] == "text" and following[1]:
                # what the field itself puts after its quotation stays there, as
                # typed: '“it”? Establishing', '“When Numbers Matter!”: Detecting'
                closed.quotes = "single-kept" if closed.quotes == "single" else "kept"
    if len(root.children) == 1 and isinstance(root.children[0], str):
        return root.children[0]
    return root
