"""The rich-text tree every rendering element returns.

A node is either a plain `str` (a run of text) or a `Rich`: a list of
children with the formatting CSL puts on them (font-style, font-variant,
font-weight, text-decoration, vertical-align), whether they are quoted, whether
they are protected from text-case (`nocase`), and a display role. Backends turn
the finished tree into HTML, plain text, Markdown, LaTeX or terminal markup.
"""

from __future__ import annotations

# In the order they nest, outermost first (citeproc-js writes <b><i>...</i></b>).
FORMATTING_ATTRIBUTES = ("font-weight", "font-style", "font-variant",
                         "text-decoration", "vertical-align")


class Rich:
    """A formatted run of children (each a `str` or another `Rich`)."""

    __slots__ = ("children", "style", "quotes", "nocase", "display", "term")

    def __init__(self, children=None, style=(), quotes=False, nocase=False, display=None,
                 term=False):
        self.children: list = children if children is not None else []
        self.term = term  # a locale term: note citations capitalize one that comes first
        self.style: tuple = style  # ((attribute, value), ...)
        self.quotes = quotes
        self.nocase = nocase
        self.display = display

    def __repr__(self) -> str:
        flags = [f"{k}={v}" for k, v in self.style]
        if self.quotes:
            flags.append("quotes")
        if self.nocase:
            flags.append("nocase")
        if self.display:
            flags.append(f"display={self.display}")
        return f"Rich({self.children!r}{', ' if flags else ''}{' '.join(flags)})"

    def __eq__(self, other) -> bool:
        return (isinstance(other, Rich) and self.children == other.children
                and self.style == other.style and self.quotes == other.quotes
                and self.nocase == other.nocase and self.display == other.display)

    def plain(self) -> bool:
        """True when the node adds nothing to its children."""
        return not (self.style or self.quotes or self.nocase or self.display)


def to_plain(node) -> str:
    """The text of a tree without any formatting (quotes not added)."""
    if node is None:
        return ""
    if isinstance(node, str):
        return node
    return "".join(to_plain(child) for child in node.children)


def is_empty(node) -> bool:
    """Whether a tree holds no text (stops at the first text it finds)."""
    if node is None:
        return True
    if node.__class__ is str:
        return not node
    for child in node.children:
        if child.__class__ is str:
            if child:
                return False
        elif not is_empty(child):
            return False
    return True


def join(parts: list, delimiter: str = "") -> Rich | None:
    """The non-empty parts in one plain node, `delimiter` between them."""
    # Renderers return None rather than an empty tree, so a shallow test is enough.
    kept = [part for part in parts if part is not None and (part.__class__ is not str or part)]
    if not kept:
        return None
    if len(kept) == 1 and kept[0].__class__ is Rich:
        return kept[0]
    if delimiter:
        children: list = []
        for index, part in enumerate(kept):
            if index:
                children.append(delimiter)
            children.append(part)
    else:
        children = kept
    return Rich(children)


def wrap(node, prefix: str = "", suffix: str = "") -> Rich | None:
    """`node` with affixes outside it; nothing when the node is empty."""
    if is_empty(node):
        return None
    if not prefix and not suffix:
        return node if isinstance(node, Rich) else Rich([node])
    children = [prefix] if prefix else []
    children.append(node)
    if suffix:
        children.append(suffix)
    return Rich(children)


def first_leaf(node):
    """The container and index of the first non-empty string, or None."""
    if isinstance(node, Rich):
        for index, child in enumerate(node.children):
            if isinstance(child, str):
                if child:
                    return node, index
            else:
                found = first_leaf(child)
                if found:
                    return found
    return None


def last_leaf(node):
    """The container and index of the last non-empty string, or None."""
    if isinstance(node, Rich):
        for index in range(len(node.children) - 1, -1, -1):
            child = node.children[index]
            if isinstance(child, str):
                if child:
                    return node, index
            else:
                found = last_leaf(child)
                if found:
                    return found
    return None


def map_text(node, function, protect_nocase: bool = True):
    """A copy of `node` with `function` applied to each string (nocase kept)."""
    if isinstance(node, str):
        return function(node)
    if protect_nocase and node.nocase:
        return node
    return Rich([map_text(child, function, protect_nocase) for child in node.children],
                node.style, node.quotes, node.nocase, node.display, node.term)


def capitalize_leading_term(node, inside_term: bool = False):
    """`node` with its first letter capitalized when it belongs to a term.

    A copy along the path to that letter: renderings share subtrees (an element's
    output is reused for the next item like it, see known_empty.py), so none is
    changed in place."""
    if not isinstance(node, Rich):
        return node
    inside_term = inside_term or node.term
    index = next((i for i, child in enumerate(node.children) if not is_empty(child)), None)
    if index is None:
        return node
    child = node.children[index]
    if isinstance(child, str):
        if not (inside_term and child[:1].islower()):
            return node
        changed = child[0].upper() + child[1:]
    else:
        changed = capitalize_leading_term(child, inside_term)
        if changed is child:
            return node
    children = list(node.children)
    children[index] = changed
    return node.__class__(children, node.style, node.quotes, node.nocase, node.display,
                          node.term)
