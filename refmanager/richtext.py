"""CSL rich text: the few HTML-like tags that CSL processors read in field values.

The model's text fields hold plain Unicode with these tags (citeproc-js, Zotero and
pandoc use the same vocabulary): `<i>`, `<b>`, `<sup>`, `<sub>`, small capitals as
`<span style="font-variant:small-caps;">`, and `<span class="nocase">` around words
whose case a style must not change (a BibTeX `{DNA}`). Every stage that needs to
see through the markup (writers without markup, normalization, comparison,
rendering) uses this module, so the vocabulary is defined once.
"""

from __future__ import annotations

import re

ITALIC_OPEN, ITALIC_CLOSE = "<i>", "</i>"
BOLD_OPEN, BOLD_CLOSE = "<b>", "</b>"
SUPERSCRIPT_OPEN, SUPERSCRIPT_CLOSE = "<sup>", "</sup>"
SUBSCRIPT_OPEN, SUBSCRIPT_CLOSE = "<sub>", "</sub>"
NOCASE_OPEN = '<span class="nocase">'
SMALL_CAPS_OPEN = '<span style="font-variant:small-caps;">'
SPAN_CLOSE = "</span>"

#: Every opening tag, with the tag that closes it.
PAIRS = {
    ITALIC_OPEN: ITALIC_CLOSE, BOLD_OPEN: BOLD_CLOSE, SUPERSCRIPT_OPEN: SUPERSCRIPT_CLOSE,
    SUBSCRIPT_OPEN: SUBSCRIPT_CLOSE, NOCASE_OPEN: SPAN_CLOSE, SMALL_CAPS_OPEN: SPAN_CLOSE,
}
TAGS = tuple(PAIRS) + (ITALIC_CLOSE, BOLD_CLOSE, SUPERSCRIPT_CLOSE, SUBSCRIPT_CLOSE, SPAN_CLOSE)
#: One tag of the vocabulary (any `<span ...>` counts: sources write other spans too).
TAG = re.compile(r"</?(?:i|b|sup|sub)>|<span\b[^>]*>|</span>")
_SPLIT = re.compile(f"({TAG.pattern})")


def split(text: str) -> list[str]:
    """Text and tags in turn: `["The ", "<i>", "Iliad", "</i>", ""]` (text at even places)."""
    return _SPLIT.split(text)


def plain(text: str) -> str:
    """The text without its markup, for formats and comparisons that have none."""
    return TAG.sub("", text) if "<" in text else text


def closes(opening: str, closing: str) -> bool:
    """Whether `closing` is the tag that ends `opening`."""
    return PAIRS.get(opening) == closing or (opening.startswith("<span") and closing == SPAN_CLOSE)


def protect(text: str) -> str:
    """The text in a nocase span: its case is kept whatever a style does."""
    return NOCASE_OPEN + text + SPAN_CLOSE
