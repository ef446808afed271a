"""The element interpreter: each CSL rendering element turns into a tree.

`render(element, ctx)` dispatches on the element's name. Names and dates have
modules of their own; this module holds layout, text, group, choose, label
and number, and the group rule: a group that calls variables and finds none
of them is suppressed.
"""

from __future__ import annotations

from refmanager.render import dates, names
from refmanager.render.conditions import condition_holds
from refmanager.render.markup import parse_markup
from refmanager.render.formatting import decorate
from refmanager.render.numbers import format_number_value, format_page, is_numeric, is_plural
from refmanager.render.richtext import Rich, is_empty, join


def render(element, ctx):
    return RENDERERS[element.name](element, ctx)


def render_children(children, ctx, delimiter: str = ""):
    parts = []
    for child in children:
        node = RENDERERS[child.name](child, ctx)
        if node is not None:
            parts.append(node)
    return join(parts, delimiter)


def render_layout(layout, ctx, affixes: bool = False):
    node = render_children(layout.children, ctx)
    return decorate(layout, node, ctx.title_case, affixes=affixes)


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
        if label == "page":
            return format_page(value, ctx.engine.style.page_range_format,
                               ctx.locale.term("page-range-delimiter") or "–")
        return str(value)
    if name == "year-suffix":
        ctx.year_suffix_rendered = True
    if name == "citation-label":
        value = ctx.variable(name)
        return str(value) if value else None
    return ctx.text_variable(name, form)


def render_text(element, ctx):
    attrs = element.attrs
    if "variable" in attrs:
        node = _text_variable(element, ctx, attrs["variable"])
    elif "macro" in attrs:
        node = render_macro(attrs["macro"], ctx)
    elif "term" in attrs:
        plural = attrs.get("plural") == "true"
        node = ctx.locale.term(attrs["term"], attrs.get("form", "long"), plural)
        if node:
            node = Rich([node], term=True)
    elif "value" in attrs:
        node = parse_markup(attrs["value"])
    else:
        node = None
    return decorate(element, node, ctx.title_case)


def render_group(element, ctx):
    ctx.counts.append([0, 0])
    node = render_children(element.children, ctx, element.get("delimiter", ""))
    called, found = ctx.counts.pop()
    parent = ctx.counts[-1]
    parent[0] += called
    parent[1] += found
    if called and not found:
        return None
    return decorate(element, node, ctx.title_case)


def render_choose(element, ctx):
    for branch in element.children:
        if branch.name == "else" or condition_holds(branch, ctx):
            return render_children(branch.children, ctx)
    return None


def _label_term(variable: str, ctx):
    if variable == "locator":
        if not ctx.cite or not ctx.cite.locator:
            return None, None
        return (ctx.cite.label or "page"), ctx.cite.locator
    value = ctx.raw(variable)
    if value is None:
        return None, None
    return variable, value


def _plural_for(variable: str, value, rule: str) -> bool:
    if rule == "always":
        return True
    if rule == "never":
        return False
    if variable in ("number-of-pages", "number-of-volumes"):
        try:
            return int(str(value).strip()) > 1
        except ValueError:
            return is_plural(value)
    return is_plural(value)


def render_label(element, ctx):
    variable = element.get("variable", "")
    term, value = _label_term(variable, ctx)
    if term is None:
        return None
    plural = _plural_for(variable, value, element.get("plural", "contextual"))
    text = ctx.locale.term(term, element.get("form", "long"), plural)
    return decorate(element, text or None, ctx.title_case)


def render_number(element, ctx):
    variable = element.get("variable", "")
    value = ctx.variable(variable)
    if value is None:
        return None
    if not is_numeric(value):
        return decorate(element, str(value), ctx.title_case)
    gender = ctx.locale.gender(variable)
    text = format_number_value(value, element.get("form", "numeric"), ctx.locale, gender)
    return decorate(element, text, ctx.title_case)


def render_nothing(element, ctx):
    return None


RENDERERS = {
    "text": render_text,
    "group": render_group,
    "choose": render_choose,
    "label": render_label,
    "number": render_number,
    "names": names.render_names,
    "date": dates.render_date,
    "layout": render_layout,
    "sort": render_nothing,
}

names.RENDER_CHILDREN = render_children
