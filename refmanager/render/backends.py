"""Backends: an event stream (see `output`) written as HTML, text, Markdown,
LaTeX or terminal markup.

HTML follows citeproc-js's conventions (`<i>`, `<b>`, `<sup>`, `<sub>`,
small caps and the rest as `<span style=...>`, display as `<div class=...>`).
"""

from __future__ import annotations

import re

import unicodedata

_HTML_TAGS = {
    ("font-style", "italic"): ("<i>", "</i>"),
    ("font-weight", "bold"): ("<b>", "</b>"),
    ("vertical-align", "sup"): ("<sup>", "</sup>"),
    ("vertical-align", "sub"): ("<sub>", "</sub>"),
    ("vertical-align", "baseline"): ('<span style="baseline">', "</span>"),
}


def _html_open(attribute: str, value: str) -> tuple[str, str]:
    if attribute == "display":
        return f'<div class="csl-{value}">', "</div>"
    tags = _HTML_TAGS.get((attribute, value))
    if tags:
        return tags
    return f'<span style="{attribute}:{value};">', "</span>"


def escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _superscript_map() -> dict[str, str]:
    """Unicode superscript characters and the letters they raise ("ª" -> "a")."""
    found = {}
    for code in list(range(0x00A0, 0x0400)) + list(range(0x1D00, 0x2200)) + \
            list(range(0x2C7C, 0x2C7E)) + list(range(0x3190, 0x31A0)) + \
            list(range(0xA69C, 0xA69E)) + list(range(0xA770, 0xA771)):
        char = chr(code)
        decomposition = unicodedata.decomposition(char)
        if decomposition.startswith("<super> "):
            found[char] = "".join(chr(int(code, 16)) for code in decomposition.split()[1:])
    # Modifier letters without a decomposition that citeproc-js raises too.
    found.update({"ª": "a", "º": "o", "ˀ": "ʔ", "ˁ": "ʕ", "ۥ": "و", "ۦ": "ي"})
    return found


_SUPERSCRIPTS = _superscript_map()


def _raise_superscripts(text: str) -> str:
    """citeproc-js writes superscript characters (French "1ʳᵉ") as <sup> runs."""
    if not any(char in _SUPERSCRIPTS for char in text):
        return escape_html(text)
    return "".join(f"<sup>{escape_html(_SUPERSCRIPTS[char])}</sup>" if char in _SUPERSCRIPTS
                   else escape_html(char) for char in text)


def write_html(events: list) -> str:
    out = []
    for kind, value in events:
        if kind == "text":
            out.append(_raise_superscripts(value))
        elif kind == "open":
            out.append(_html_open(*value)[0])
        elif kind == "close":
            out.append(_html_open(*value)[1])
        else:
            out.append(value)
    return "".join(out)


def write_text(events: list) -> str:
    # A left margin (a citation number) is set off from the entry by a space, as
    # citeproc-js's text output does where HTML has two blocks side by side.
    out = []
    for kind, value in events:
        if kind == "text" or kind == "quote-open" or kind == "quote-close":
            out.append(value)
        elif kind == "close" and value == ("display", "left-margin"):
            out.append(" ")
    return "".join(out)


_MARKDOWN = {("font-style", "italic"): "*", ("font-weight", "bold"): "**"}


_MARKDOWN_SPECIAL = re.compile(r"([\\*_`\[\]<>])")


def _markdown_escape(text: str) -> str:
    """Backslash before what Markdown would read as markup: emphasis, code, links, and
    `<` `>`, which would open raw HTML (a title's `<script>` stays text)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def write_markdown(events: list) -> str:
    out = []
    for kind, value in events:
        if kind == "text":
            out.append(_markdown_escape(value))
        elif kind in ("open", "close"):
            if value == ("vertical-align", "sup"):
                out.append("<sup>" if kind == "open" else "</sup>")
            elif value == ("vertical-align", "sub"):
                out.append("<sub>" if kind == "open" else "</sub>")
            else:
                out.append(_MARKDOWN.get(value, ""))
        else:
            out.append(value)
    return "".join(out)


_LATEX_SPECIALS = {"&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{",
                   "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
                   "\\": r"\textbackslash{}",
                   "`": r"\textasciigrave{}",  # a lone ` is typeset as an opening quote
                   # in LaTeX's default (OT1) font encoding, < and > print as ¡ and ¿
                   "<": r"\textless{}", ">": r"\textgreater{}"}
_LATEX_COMMANDS = {("font-style", "italic"): r"\textit{", ("font-style", "oblique"): r"\textsl{",
                   ("font-weight", "bold"): r"\textbf{",
                   ("font-variant", "small-caps"): r"\textsc{",
                   ("vertical-align", "sup"): r"\textsuperscript{",
                   ("vertical-align", "sub"): r"\textsubscript{",
                   ("text-decoration", "underline"): r"\underline{",
                   ("font-style", "normal"): r"\textup{", ("font-weight", "normal"): r"\textmd{",
                   ("font-variant", "normal"): r"\textup{"}


def escape_latex(text: str) -> str:
    escaped = "".join(_LATEX_SPECIALS.get(char, char) for char in text)
    return escaped.replace("--", "-{}-")  # `--` would be typeset as a dash


def write_latex(events: list) -> str:
    out = []
    for kind, value in events:
        if kind == "text":
            out.append(escape_latex(value))
        elif kind == "open":
            out.append(_LATEX_COMMANDS.get(value, "{"))
        elif kind == "close":
            out.append("}")
        else:
            out.append(value)
    return "".join(out)


_TERMINAL = {("font-style", "italic"): "italic", ("font-weight", "bold"): "bold",
             ("text-decoration", "underline"): "underline"}


def write_terminal(events: list) -> str:
    """Rich console markup: italics and bold shown, brackets escaped."""
    out = []
    for kind, value in events:
        if kind == "text":
            out.append(value.replace("[", r"\["))
        elif kind == "open" and value in _TERMINAL:
            out.append(f"[{_TERMINAL[value]}]")
        elif kind == "close" and value in _TERMINAL:
            out.append(f"[/{_TERMINAL[value]}]")
        elif kind in ("quote-open", "quote-close"):
            out.append(value)
    return "".join(out)


BACKENDS = {"html": write_html, "text": write_text, "markdown": write_markdown,
            "latex": write_latex, "terminal": write_terminal}
