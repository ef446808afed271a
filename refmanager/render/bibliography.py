"""The bibliography: entries in order, subsequent-author-substitute, and
second-field-align.

Each entry is the layout rendered for one item, with the layout's affixes
and formatting. An entry whose names equal the previous entry's can have them
replaced (`subsequent-author-substitute`, with its rules), and with
`second-field-align` the first rendered field goes into a margin block.
"""

from __future__ import annotations

from refmanager.render.formatting import decorate
from refmanager.render.richtext import Rich, is_empty, to_plain


def _replace_node(tree, target, replacement):
    """A copy of `tree` with the node `target` (by identity) replaced."""
    if tree is target:
        return replacement
    if isinstance(tree, str):
        return tree
    return Rich([_replace_node(child, target, replacement) for child in tree.children],
                tree.style, tree.quotes, tree.nocase, tree.display)


def _render_entry(engine, item_id: str):
    ctx = engine.context(item_id, "bibliography")
    layout = engine.style.bibliography.find("layout")
    from refmanager.render.interpreter import render_children
    parts = []
    for child in layout.children:
        node = render_children([child], ctx)
        if node is not None:
            parts.append(node)
    return parts, ctx


def _second_field_align(parts: list, layout, mode: str):
    """The first field in a left-margin block, the rest in a right-inline block."""
    first = decorate(layout, parts[0], True, affixes=False)
    rest = Rich(parts[1:] + ([layout.get("suffix")] if layout.get("suffix") else []))
    prefix = layout.get("prefix", "")
    return Rich([Rich([prefix, first] if prefix else [first], display="left-margin"),
                 Rich([rest], display="right-inline")])


def render_bibliography(engine, order: list[str]) -> list[tuple[str, object]]:
    bibliography = engine.style.bibliography
    layout = bibliography.find("layout")
    substitute = bibliography.get("subsequent-author-substitute")
    rule = bibliography.get("subsequent-author-substitute-rule", "complete-all")
    align = bibliography.get("second-field-align")
    entries, previous_names = [], None
    for item_id in order:
        parts, ctx = _render_entry(engine, item_id)
        if not parts:
            continue
        names_node = ctx.first_names_node
        names_text = to_plain(names_node) if names_node is not None else None
        if substitute is not None and names_text and names_text == previous_names:
            parts = [_replace_node(part, names_node, substitute or None) for part in parts]
            parts = [part for part in parts if not is_empty(part)]
        previous_names = names_text
        if align and len(parts) > 1:
            node = _second_field_align(parts, layout, align)
        else:
            node = decorate(layout, Rich(parts), True)
        if not is_empty(node):
            entries.append((item_id, node))
    return entries
