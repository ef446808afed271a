"""The attributes every rendering element may carry, compiled once per element.

Affixes, formatting, quotes, text-case, strip-periods and display are read
from an element the first time it renders and kept on it; `decorate` applies
them to the element's output in the order CSL implies: strip-periods and
text-case on the content, then formatting and quotes, then affixes, then display.
"""

from __future__ import annotations

import re

from refmanager.render.richtext import FORMATTING_ATTRIBUTES, Rich, is_empty, map_text, to_plain
from refmanager.render.textcase import apply_text_case


# The number variables whose text citeproc-js reads as a list of numbers ("2, 5
# and 7") even when it holds words; text-case then applies to each part. Found by
# running citeproc-js: part-number, section, version and the other CSL 1.0.2
# additions are plain text to it.
LIST_NUMBER_VARIABLES = frozenset(
    "chapter-number citation-number collection-number edition issue locator number "
    "number-of-pages number-of-volumes page volume".split())


# CJK punctuation, kana, ideographs, hangul and full-width forms, nothing else.
_CJK_ONLY = re.compile("^[\u1100-\u11FF\u3000-\u30FF\u3400-\u4DBF\u4E00-\u9FFF"
                       "\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]+$")


def _slanted(style: tuple) -> bool:
    return ("font-style", "italic") in style or ("font-style", "oblique") in style


class Decoration:
    __slots__ = ("prefix", "suffix", "style", "quotes", "text_case", "strip_periods",
                 "display", "empty")

    def __init__(self, attrs: dict) -> None:
        self.prefix = attrs.get("prefix", "")
        self.suffix = attrs.get("suffix", "")
        self.style = tuple((key, attrs[key]) for key in FORMATTING_ATTRIBUTES if key in attrs)
        self.quotes = attrs.get("quotes") == "true"
        self.text_case = attrs.get("text-case", "")
        self.strip_periods = attrs.get("strip-periods") == "true"
        self.display = attrs.get("display")
        self.empty = not (self.prefix or self.suffix or self.style or self.quotes
                          or self.text_case or self.strip_periods or self.display)


def decoration_of(element) -> Decoration:
    decoration = element.decoration
    if decoration is None:
        decoration = element.decoration = Decoration(element.attrs)
    return decoration


def strip_periods(node):
    return map_text(node, lambda text: text.replace(".", ""), protect_nocase=False)


def decorate(element, node, title_case_allowed: bool = True, affixes: bool = True,
             language: str = ""):
    """The element's output with its decorations; None when the output is empty.
    `language` is the text's own (an item's field), for language-specific casing."""
    if node is None or is_empty(node):
        return None
    decoration = element.decoration
    if decoration is None:
        decoration = element.decoration = Decoration(element.attrs)
    if decoration.empty:
        return node
    if decoration.strip_periods:
        node = strip_periods(node)
    if decoration.text_case and (title_case_allowed or decoration.text_case != "title"):
        number_parts = getattr(element, "name", "") in ("text", "number") \
            and element.attrs.get("variable") in LIST_NUMBER_VARIABLES
        node = apply_text_case(node, decoration.text_case, number_parts, language)
    style = decoration.style
    if style and getattr(element, "name", "") == "text" and "variable" in element.attrs \
            and _slanted(style) and _CJK_ONLY.match(to_plain(node)):
        # citeproc-js does not slant a variable that is all Chinese, Japanese or Korean:
        # "村上春樹. ノルウェイの森." in the golden HTML of IEEE, ACS, MLA... (APA's
        # title, slanted through a macro, stays <i>).
        style = tuple(pair for pair in style if pair[0] != "font-style")
    if style or decoration.quotes:
        node = Rich([node], style, "style" if decoration.quotes else False)
    if affixes and decoration.prefix.endswith("(") and decoration.suffix.startswith(")"):
        node = Parenthesized([decoration.prefix, node, decoration.suffix])
    elif affixes and (decoration.prefix or decoration.suffix):
        node = Rich([child for child in (decoration.prefix, node, decoration.suffix)
                     if child.__class__ is not str or child])
    if decoration.display:
        node = Rich([node], display=decoration.display)
    return node


class Parenthesized(Rich):
    """An element's output between its own "(" and ")" affixes."""

    __slots__ = ()


def bracket_nested_parentheses(node, inside: bool = False):
    """`node` with each parenthesized output inside another put in brackets.

    citeproc-js does this in citations only: Chicago's and MHRA's notes read
    "(Verso, 2015; originally published as Der Stille Wald [1998])" where their
    bibliographies keep "(1998)". Parentheses in the text itself stay."""
    if node is None or isinstance(node, str):
        return node
    nested = isinstance(node, Parenthesized)
    children = [bracket_nested_parentheses(child, inside or nested) for child in node.children]
    if nested and inside:
        first, *middle, last = children
        return Rich([first[:-1] + "[", *middle, "]" + last[1:]])
    if all(new is old for new, old in zip(children, node.children)):
        return node
    return node.__class__(children, node.style, node.quotes, node.nocase, node.display,
                          node.term)
