"""The element interpreter: each CSL rendering element turns into a tree.

`render(element, ctx)` dispatches on the element's name. Names and dates have
modules of their own; this module holds layout, text, group, choose, label
and number, and the group rule: a group that calls variables and finds none
of them is suppressed.
"""

from __future__ import annotations

import re

from refmanager.render import dates, names
from refmanager.render.conditions import compile_predicate
from refmanager.render.known_empty import reusing_known_outputs
from refmanager.render.markup import parse_markup
from refmanager.render.formatting import decorate, decoration_of
from refmanager.render.numbers import (format_labelled_numbers, format_number_value, format_page,
                                       is_numeric, is_plural)
from refmanager.render.richtext import Rich, is_empty, join
from refmanager.render.textcase import apply_text_case


# Number variables other than page: their ranges take an en dash when written as text.
_NUMBER_VARIABLES = frozenset({"issue", "volume", "number", "chapter-number", "collection-number",
                               "number-of-volumes", "part-number", "supplement-number"})
# The words that join the parts of a number variable ("1 and 2", "Revised and expanded").
_NUMBER_JOINERS = re.compile(r"( and | & )")
# The variables `_text_variable` formats or counts itself; the others are their text.
_SPECIAL_TEXT_VARIABLES = _NUMBER_VARIABLES | {"page", "locator", "year-suffix", "citation-label"}


def render(element, ctx):
    plan = element.plan
    if plan is None:
        plan = plan_of(element, ctx.engine.style)
    return plan(ctx)


def plan_of(element, style):
    """The function that renders `element` for a context, built once per element.

    Text, group and choose, which make up most of a style, read their attributes
    here once rather than for every cite; the other elements keep their renderer."""
    planner = PLANNERS.get(element.name)
    if planner is not None:
        plan = planner(element, style)
    else:
        renderer = RENDERERS[element.name]

        def plan(ctx):
            return renderer(element, ctx)
    element.plan = plan
    return plan


class Branch(list):
    """The outputs of a chosen branch: they join their parent's delimiter one by one."""


def render_children(children, ctx, delimiter: str = ""):
    parts = _render_each(children, ctx, [])
    return join(parts, delimiter) if parts else None


def _render_each(children, ctx, parts: list) -> list:
    """Each child's output into `parts`, a chosen branch's outputs spliced in one by one."""
    for child in children:
        plan = child.plan
        if plan is None:
            plan = plan_of(child, ctx.engine.style)
        node = plan(ctx)
        if node is None:
            continue
        if node.__class__ is Branch:
            parts.extend(node)
        else:
            parts.append(node)
    return parts


def render_layout(layout, ctx, affixes: bool = False):
    node = render_children(layout.children, ctx)
    return decorate(layout, node, ctx.title_case, affixes=affixes)


def _is_docket_number(variable: str, ctx) -> bool:
    """A legal case's number, which citeproc-js keeps as typed: one number, no range
    ("No. 21-1449" in APA)."""
    return variable == "number" and ctx.item.get("type") == "legal_case"


def render_macro(name: str, ctx):
    return render_children(ctx.engine.style.macros[name].children, ctx)


def _text_variable(element, ctx, name: str):
    form = element.get("form", "long")
    if name == "page":
        value = ctx.variable("page")
        if value is None:
            return None
        return format_page(value, ctx.engine.style.page_range_format,
                           ctx.locale.term("page-range-delimiter") or "–")
    if name == "locator":
        value = ctx.variable("locator")
        if value is None:
            return None
        label = ctx.cite.label or "page"
        delimiter = ctx.locale.term("page-range-delimiter") or "–"
        if label == "page":
            return format_page(value, ctx.engine.style.page_range_format, delimiter)
        return parse_markup(format_page(str(value), None, delimiter))
    if name in _NUMBER_VARIABLES:
        value = ctx.variable(name)
        if value is None:
            return None
        if is_numeric(value) and not _is_docket_number(name, ctx):  # "3-4": an en dash
            return format_page(str(value), None, ctx.locale.term("page-range-delimiter") or "–")
        return parse_markup(str(value))
    if name == "year-suffix":
        ctx.year_suffix_rendered = True
    if name == "citation-label":
        value = ctx.variable(name)
        return str(value) if value else None
    if name == "edition" and element.get("text-case"):
        value = ctx.variable(name)
        return None if value is None else _number_text_cased(str(value), element.get("text-case"))
    return ctx.text_variable(name, form)


def _number_text_cased(value: str, text_case: str):
    """A number variable's text with its text-case applied part by part: citeproc-js
    reads "Revised and expanded" as the parts "Revised" and "expanded", so that
    capitalize-first gives "Revised and Expanded" (Chicago, MLA and IEEE goldens)."""
    if is_numeric(value) or not _NUMBER_JOINERS.search(value):
        return parse_markup(value)
    parts = _NUMBER_JOINERS.split(value)
    return Rich([part if index % 2 else apply_text_case(parse_markup(part), text_case)
                 for index, part in enumerate(parts)])


def _text_kind(element) -> tuple[str, str]:
    attrs = element.attrs
    for kind in ("variable", "macro", "term", "value"):
        if kind in attrs:
            return kind, attrs[kind]
    return "", ""


def _plan_text(element, style):
    kind, name = _text_kind(element)
    if kind == "variable":
        content = _variable_content(element, name)
    elif kind == "macro":
        content = _macro_content(style.macros[name], style)
    elif kind == "term":
        form, plural = element.get("form", "long"), element.get("plural") == "true"

        def content(ctx):
            text = ctx.locale.term(name, form, plural)
            return Rich([text], term=True) if text else None
    elif kind == "value":
        def content(ctx):
            return parse_markup(name)
    else:
        return _render_nothing
    return _decorated(element, content, kind)


def _variable_content(element, name: str):
    if name in _SPECIAL_TEXT_VARIABLES or (name == "edition" and element.get("text-case")):
        def content(ctx):
            return _text_variable(element, ctx, name)
        return content
    form = element.get("form", "long")

    def plain_content(ctx):
        return ctx.text_variable(name, form)
    return plain_content


def _macro_content(macro, style):
    # citeproc-js treats a macro call as a group: a term in a macro whose
    # variables are all empty does not show.
    children = macro.children

    def content(ctx):
        return _counted_join(children, ctx, "")
    return reusing_known_outputs(macro, style.macros, content)


def _decorated(element, content, kind: str):
    """`content`'s output with the element's decorations (none to apply: as it is)."""
    decoration = decoration_of(element)
    if decoration.empty:
        def undecorated(ctx):
            node = content(ctx)
            if node is None or is_empty(node):
                return None
            return node
        return undecorated
    if kind == "variable":
        def decorated_variable(ctx):
            node = content(ctx)
            if node is None:
                return None
            language = str(ctx.item.get("language") or "") if decoration.text_case else ""
            return decorate(element, node, ctx.title_case, language=language)
        return decorated_variable
    always_title_case = kind == "term"

    def decorated(ctx):
        node = content(ctx)
        if node is None:
            return None
        return decorate(element, node, always_title_case or ctx.title_case)
    return decorated


def _plan_group(element, style):
    """A group; nothing when it called variables and all of them were empty."""
    children, delimiter = element.children, element.attrs.get("delimiter", "")
    plain = decoration_of(element).empty

    def group(ctx):
        node = _counted_join(children, ctx, delimiter)
        if node is None:
            return None
        if plain:
            return None if is_empty(node) else node
        return decorate(element, node, ctx.title_case)
    return reusing_known_outputs(element, style.macros, group)


def _counted_join(children, ctx, delimiter: str):
    """The children's outputs joined, with the group rule: nothing when they called
    variables and found none.

    The variables called and found add to the enclosing group's; output that
    stands counts as found there too, as in citeproc-js: a nested group that
    renders a term keeps its parent alive."""
    counts = ctx.counts
    counter = [0, 0]
    counts.append(counter)
    parts = _render_each(children, ctx, [])
    counts.pop()
    called, found = counter
    parent = counts[-1]
    parent[0] += called
    parent[1] += found
    if not parts or (called and not found):
        return None
    node = parts[0] if len(parts) == 1 and parts[0].__class__ is Rich else join(parts, delimiter)
    if node is not None and not found:
        parent[0] += 1
        parent[1] += 1
    return node


def _plan_choose(element, style):
    # (condition as a function of the context, or None for `cs:else`; children) per branch
    branches = tuple((None if branch.name == "else" else compile_predicate(branch),
                      branch.children) for branch in element.children)

    def choose(ctx):
        for holds, children in branches:
            if holds is None or holds(ctx):
                return _render_each(children, ctx, Branch()) or None
        return None
    return reusing_known_outputs(element, style.macros, choose)


def _render_nothing(ctx):
    return None


def _label_term(variable: str, ctx):
    if variable == "locator":
        if not ctx.cite or not ctx.cite.locator:
            return None, None
        label = ctx.cite.label or "page"
        if ctx.cite.locator.split(" ", 1)[0].endswith(".") and not ctx.cite.label:
            return None, None  # "vol. 1, fol. 186" names its own parts
        if label == "sub verbo" and not ctx.locale.has_term(label):
            label = "sub-verbo"  # the term's name since CSL 1.0.2
        return label, ctx.cite.locator
    value = ctx.raw(variable)
    if value is None and ctx.substituting and variable in ctx.used:
        # The number this label goes with rendered in the same substitute (APA's
        # "Title (17th ed.)" for a book without author), which suppressed it.
        value = ctx.item.get(variable)
    if value is None:
        return None, None
    return variable, value


def _plural_for(variable: str, value, rule: str, and_term: str | None = None) -> bool:
    if rule == "always":
        return True
    if rule == "never":
        return False
    if variable in ("number-of-pages", "number-of-volumes"):
        try:
            return int(str(value).strip()) > 1
        except ValueError:
            return is_plural(value, and_term)
    return is_plural(value, and_term)


def render_label(element, ctx):
    variable = element.get("variable", "")
    term, value = _label_term(variable, ctx)
    if term is None:
        return None
    rule = element.get("plural", "contextual")
    if rule == "contextual" and _is_docket_number(variable, ctx):
        rule = "never"
    plural = _plural_for(variable, value, rule, ctx.locale.term("and"))
    text = ctx.locale.term(term, element.get("form", "long"), plural)
    # A term is in the style's language, not the item's: title case applies.
    return decorate(element, text or None)


def render_number(element, ctx):
    variable = element.get("variable", "")
    value = ctx.variable(variable)
    if value is None:
        return None
    if _is_docket_number(variable, ctx):
        return decorate(element, str(value), ctx.title_case)
    gender = ctx.locale.gender(variable)
    form = element.get("form", "numeric")
    if not is_numeric(value):
        text = format_labelled_numbers(value, form, ctx.locale, gender) or str(value)
        return decorate(element, text, ctx.title_case)
    text = format_number_value(value, form, ctx.locale, gender)
    return decorate(element, text, ctx.title_case)


def render_nothing(element, ctx):
    return None


PLANNERS = {"text": _plan_text, "group": _plan_group, "choose": _plan_choose}
RENDERERS = {
    "label": render_label,
    "number": render_number,
    "names": names.render_names,
    "date": dates.render_date,
    "layout": render_layout,
    "sort": render_nothing,
}

names.RENDER_CHILDREN = render_children
