"""The bibliography: entries in order, subsequent-author-substitute, and
second-field-align.

Each entry is the layout rendered for one item, with the layout's affixes
and formatting. An entry whose names equal the previous entry's can have them
replaced (`subsequent-author-substitute`, with its rules), and with
`second-field-align` the first rendered field goes into a margin block.
"""

from __future__ import annotations

from collections.abc import Callable

from refmanager.render.formatting import decorate
from refmanager.render.richtext import Rich, is_empty, to_plain


def _replace_nodes(tree, targets: set[int], replacement):
    """A copy of `tree` with the nodes whose ids are in `targets` replaced."""
    if id(tree) in targets:
        return replacement
    if isinstance(tree, str):
        return tree
    return Rich([_replace_nodes(child, targets, replacement) for child in tree.children],
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


def _first_names(ctx):
    """The first names element's name list and its names; a substitute's output
    (a title standing in for the author) counts as one name."""
    if ctx.first_name_list is not None:
        return ctx.first_name_list
    return ctx.first_names_node, [ctx.first_names_node]


def _names_seen(ctx):
    """The plain text of the entry's first name list and of each of its names."""
    if ctx.first_names_node is None:
        return None, []
    node, names = _first_names(ctx)
    return to_plain(node), [to_plain(name) for name in names]


def _substitutions(rule: str, ctx, previous) -> list:
    """The nodes that subsequent-author-substitute replaces, per its rule."""
    whole, names = _names_seen(ctx)
    if not whole or previous is None:
        return []
    node, name_nodes = _first_names(ctx)
    if rule == "complete-all":
        return [node] if whole == previous[0] else []
    if rule == "complete-each":
        return list(name_nodes) if whole == previous[0] else []
    matching = 0
    while matching < min(len(names), len(previous[1])) and names[matching] == previous[1][matching]:
        matching += 1
    if rule == "partial-first":
        matching = min(matching, 1)
    return list(name_nodes[:matching])


PROGRESS_EVERY = 1000  # entries between two calls of a progress callback


def render_bibliography(engine, order: list[str], progress: Callable[[int], object] | None = None
                        ) -> list[tuple[str, object]]:
    """Each item's entry in `order`, those that print nothing left out; `progress` is
    called with the number of items done since its last call."""
    bibliography = engine.style.bibliography
    layout = bibliography.find("layout")
    substitute = bibliography.get("subsequent-author-substitute")
    rule = bibliography.get("subsequent-author-substitute-rule", "complete-all")
    align = bibliography.get("second-field-align")
    entries, previous = [], None
    for done, item_id in enumerate(order, start=1):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(PROGRESS_EVERY)
        parts, ctx = _render_entry(engine, item_id)
        if not parts:
            continue
        if substitute is not None:
            targets = {id(node) for node in _substitutions(rule, ctx, previous)}
            if targets:
                parts = [_replace_nodes(part, targets, substitute or None) for part in parts]
            parts = [part for part in parts if not is_empty(part)]
            previous = _names_seen(ctx) if ctx.first_names_node is not None else None
        if align and len(parts) > 1:
            node = _second_field_align(parts, layout, align)
        else:
            node = decorate(layout, Rich(parts), True)
        if not is_empty(node):
            entries.append((item_id, node))
    if progress is not None:
        progress(len(order) % PROGRESS_EVERY)
    return entries
