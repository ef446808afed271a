"""`cs:names`: name lists with et-al, labels, substitution and `form="count"`.

A names element renders each of its variables as a list of names joined by
the name delimiter and "and", truncated by the et-al options; the editor and
translator lists collapse into one when they hold the same people. When every
variable is empty the `cs:substitute` children are tried in turn, and the
variables of the first one that renders are suppressed for the rest of the cite.
"""

from __future__ import annotations

from refmanager.render.formatting import decorate
from refmanager.render.name_parts import is_romanesque, normalize_name
from refmanager.render.name_format import NameOptions, format_name, sorted_given
from refmanager.render.richtext import Rich, is_empty, join

RENDER_CHILDREN = None  # set by the interpreter (which imports this module)


class NamesParts:
    """The children of a names element that shape its output."""

    __slots__ = ("name", "et_al", "label", "substitute", "label_first", "variables",
                 "inherited")

    def __init__(self, element) -> None:
        self.name = element.find("name")
        self.et_al = element.find("et-al")
        self.label = element.find("label")
        self.substitute = element.find("substitute")
        order = [child.name for child in element.children]
        self.label_first = (self.label is not None and self.name is not None
                            and order.index("label") < order.index("name"))
        self.variables = element.get("variable", "").split()
        self.inherited: dict = {}  # id of a bare names element in the substitute: its parts

    def inherited_by(self, element) -> NamesParts:
        """The parts of a bare `cs:names` inside this one's substitute: its variables,
        this one's name, et-al and label (made once per element, not per cite)."""
        parts = self.inherited.get(id(element))
        if parts is None:
            parts = self.inherited[id(element)] = NamesParts.__new__(NamesParts)
            parts.name, parts.et_al, parts.label = self.name, self.et_al, self.label
            parts.substitute, parts.label_first = None, self.label_first
            parts.variables, parts.inherited = _parts_of(element).variables, {}
        return parts


def _parts_of(element) -> NamesParts:
    if element.compiled is None:
        element.compiled = NamesParts(element)
    return element.compiled


def item_names(ctx, variable: str) -> list[dict]:
    return names_of(ctx.engine, ctx.item, variable)


def names_of(engine, item: dict, variable: str) -> list[dict]:
    """The item's names in `variable`, normalized (once per item and variable)."""
    cache = engine.name_cache
    key = (item.get("id"), variable)
    names = cache.get(key)
    if names is None:
        value = item.get(variable) or []
        known = engine.normalized_names
        names = cache[key] = [_normalized(name, known) for name in value if isinstance(name, dict)]
    return names


def _normalized(name: dict, known: dict) -> dict:
    """The name normalized once for every item it is in (a person writes many papers);
    the normalized names are never changed, so items can share one."""
    try:
        key = tuple(name.items())
        found = known.get(key)
    except TypeError:  # a value that cannot be a key: normalized on its own
        return normalize_name(name)
    if found is None:
        found = known[key] = normalize_name(name)
    return found


def _options(ctx, name_element) -> NameOptions:
    key = (id(name_element), ctx.mode)
    options = ctx.engine.option_cache.get(key)
    if options is None:
        attrs = dict(ctx.name_options)
        if "name-form" in attrs:
            attrs.setdefault("form", attrs["name-form"])
        if "name-delimiter" in attrs:
            attrs.setdefault("delimiter", attrs["name-delimiter"])
        if name_element is not None:
            attrs.update(name_element.attrs)
        options = NameOptions(attrs, ctx.engine.style, name_element)
        ctx.engine.option_cache[key] = options
    return options


def _et_al_limits(options: NameOptions, ctx) -> tuple[int, int]:
    minimum, first = options.et_al_min, options.et_al_use_first
    if ctx.sort_et_al is not None:
        minimum, first = ctx.sort_et_al[0] or minimum, ctx.sort_et_al[1] or first
    elif ctx.cite is not None and ctx.mode == "citation" \
            and (ctx.ambiguity_key or (ctx.cite.position or "first") != "first"):
        # citeproc-js tells cites apart in their subsequent et-al form, even a
        # first cite's: ASA's "(García et al. 2021)" of six authors is ambiguous
        # with the three of "(García, Hoffmann, and Ivanova 2021)".
        minimum = options.et_al_subsequent_min or minimum
        first = options.et_al_subsequent_use_first or first
    return minimum, first


def _shown_count(names: list, options: NameOptions, ctx) -> tuple[int, bool]:
    minimum, first = _et_al_limits(options, ctx)
    if minimum and first is not None and len(names) >= minimum:
        shown = first
        if ctx.mode == "citation":
            shown = _with_added_names(shown, options, ctx)
        elif ctx.mode == "bibliography" and ctx.names_seen == 0:
            shown = max(shown, ctx.state.bibliography_names)
        if shown < len(names):
            return shown, True
    return len(names), False


def _with_added_names(shown: int, options: NameOptions, ctx) -> int:
    """The names a cite shows once add-names gave it `et_al_extra` more.

    The extra names were counted on the subsequent et-al form (above), so a
    first cite shows at least as many names as that form with them."""
    extra = ctx.state.et_al_extra
    if not extra or ctx.ambiguity_key or (ctx.cite is not None
                                          and (ctx.cite.position or "first") != "first"):
        return shown + extra
    subsequent_first = options.et_al_subsequent_use_first or shown
    return max(shown, subsequent_first + extra)


def _join_names(rendered: list, names: list, options: NameOptions, ctx, truncated: bool,
                et_al_element, inverted_flags: list):
    delimiter = options.delimiter
    if truncated:
        total = len(names)
        if options.et_al_use_last and len(rendered) <= total - 2:
            last = format_name(names[-1], options, options.inverts(total - 1, ctx),
                               _level(ctx, total - 1), ctx)
            return Rich(_interleave(rendered, delimiter) + [delimiter, "… ", last])
        term = "et-al"
        if et_al_element is not None:
            term = et_al_element.get("term", "et-al")
        text = ctx.locale.term(term) or ""
        if not text:
            return Rich(_interleave(rendered, delimiter))
        et_al = decorate(et_al_element, text) if et_al_element is not None else text
        use_delimiter = _precedes(options.delimiter_precedes_et_al, len(rendered),
                                  inverted_flags[len(rendered) - 1], contextual_min=2)
        space = "" if _is_cjk(text[:1]) else " "  # "Zither等": no space before CJK
        return Rich(_interleave(rendered, delimiter) + [delimiter if use_delimiter else space,
                                                        et_al])
    if len(rendered) == 1:
        return rendered[0] if isinstance(rendered[0], Rich) else Rich([rendered[0]])
    and_text = _and_term(options, ctx)
    if and_text is None:
        return Rich(_interleave(rendered, delimiter))
    use_delimiter = _precedes(options.delimiter_precedes_last, len(rendered),
                              inverted_flags[len(rendered) - 2], contextual_min=3)
    if "literal" in names[len(rendered) - 1]:
        # citeproc-js puts a last organisation after the delimiter only from three
        # names on, whatever delimiter-precedes-last says: "Schneider, Z. & Global
        # Burden of Disease Collaborators" (golden APA), "Goble, C., & The CWL Community".
        use_delimiter = len(rendered) >= 3
    # An "and" in another script than Latin, Greek or Cyrillic brings its own spacing:
    # Hebrew's "ו\u2008" joins "תפוחו תפוז" as citeproc-js does (the suite's name_HebrewAnd).
    space = " " if is_romanesque(and_text) else ""
    head = _interleave(rendered[:-1], delimiter)
    return Rich(head + [(delimiter if use_delimiter else space) + and_text + space, rendered[-1]])


def _is_cjk(char: str) -> bool:
    code = ord(char) if char else 0
    return 0x3000 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xAC00 <= code <= 0xD7AF


def _and_term(options: NameOptions, ctx):
    if options.and_ == "text":
        return ctx.locale.term("and")
    if options.and_ == "symbol":
        return "&"
    return None


def _precedes(rule: str, count: int, previous_inverted: bool, contextual_min: int) -> bool:
    if rule == "always":
        return True
    if rule == "never":
        return False
    if rule == "after-inverted-name":
        return previous_inverted
    return count >= contextual_min


def _interleave(parts: list, delimiter: str) -> list:
    out = []
    for index, part in enumerate(parts):
        if index:
            out.append(delimiter)
        out.append(part)
    return out


def _level(ctx, index: int) -> int:
    if ctx.mode != "citation":
        return 0
    return max(ctx.state.given_levels.get(index, 0), ctx.state.given_all)


def render_name_list(names: list, name_element, et_al_element, ctx):
    """A list of names as the `cs:name` element (and et-al) ask; also its count."""
    options = _options(ctx, name_element)
    shown, truncated = _shown_count(names, options, ctx)
    if ctx.first_names is None and ctx.mode == "citation":
        ctx.first_names = (names, shown)
    if options.form == "count":
        return None, shown
    if shown == 0:
        return None, 0  # et-al-use-first="0": the list is not shown at all
    if ctx.mode == "sort":  # each name a key of its own, so "Doe" sorts before "Doe, Roe"
        keys = [_sort_key(name, options, ctx) for name in names[:shown]]
        use_last = options.et_al_use_last
        if ctx.sort_et_al is not None and ctx.sort_et_al[2] is not None:
            use_last = ctx.sort_et_al[2]
        if truncated and use_last and shown <= len(names) - 2:
            keys.append(_sort_key(names[-1], options, ctx))
        return "\u0001".join(keys), shown
    rendered, inverted_flags = [], []
    kept = ctx.engine.formatted_names if ctx.mode != "bibliography" \
        or ctx.engine.shares_name_nodes else None
    for index in range(shown):
        inverted = options.inverts(index, ctx)
        inverted_flags.append(inverted and names[index].get("romanesque", True)
                              and "literal" not in names[index])
        rendered.append(_formatted(names[index], options, inverted, _level(ctx, index), ctx, kept))
    node = _join_names(rendered, names, options, ctx, truncated, et_al_element, inverted_flags)
    if name_element is not None:
        node = decorate(name_element, node, ctx.title_case)
    if ctx.first_name_list is None and ctx.names_seen == 0:
        ctx.first_name_list = (node, rendered)
    return node, shown


def _formatted(name: dict, options: NameOptions, inverted: bool, level: int, ctx, kept):
    """One name formatted, once for all the entries it is in when `kept` (a dict) is
    given: in citations, and in a bibliography whose entries never look for their
    name nodes (subsequent-author-substitute finds them by identity)."""
    if kept is None:
        return format_name(name, options, inverted, level, ctx)
    key = (id(name), id(options), inverted, level, ctx.title_case)  # both kept by the engine
    node = kept.get(key)
    if node is None:
        node = kept[key] = format_name(name, options, inverted, level, ctx)
    return node


def _sort_key(name: dict, options: NameOptions, ctx) -> str:
    """A name's sort key, made once per name and name options."""
    kept = ctx.engine.name_sort_keys
    key = (id(name), id(options))
    found = kept.get(key)
    if found is None:
        from refmanager.render.sorting import name_sort_key  # sorting imports this module
        found = kept[key] = name_sort_key(name, ctx.engine.style.demote_particle,
                                          sorted_given(name, options))
    return found


def _label_node(label_element, variable: str, count: int, ctx):
    if label_element is None:
        return None
    plural = _PLURAL_RULES.get(label_element.get("plural", ""), count > 1)
    # The same for every item (a locale term): made once, then shared, as trees are
    # never changed in place; a label is never one of the name nodes that
    # subsequent-author-substitute looks for.
    key = (id(label_element), variable, plural)
    labels = ctx.engine.label_nodes
    if key in labels:
        return labels[key]
    text = ctx.locale.term(variable, label_element.get("form", "long"), plural)
    # A term is in the style's language, not the item's: title case applies.
    node = labels[key] = decorate(label_element, text or None)
    return node


_PLURAL_RULES = {"always": True, "never": False}


def _variable_groups(variables: list, ctx) -> list[tuple[str, list]]:
    """(label term, names) per variable; editor and translator merge when equal."""
    groups = []
    for variable in variables:
        value = ctx.variable(variable)
        if value is None or not isinstance(value, list):
            continue
        groups.append((variable, item_names(ctx, variable)))
    keys = [variable for variable, _ in groups]
    if "editor" in keys and "translator" in keys:
        editors = groups[keys.index("editor")][1]
        translators = groups[keys.index("translator")][1]
        if editors == translators and ctx.locale.term("editortranslator"):
            groups[keys.index("editor")] = ("editortranslator", editors)
            groups.pop(keys.index("translator"))
    return groups


def _render_variables(element, parts: NamesParts, ctx):
    groups = _variable_groups(parts.variables, ctx)
    if not groups:
        return None, 0
    rendered, total = [], 0
    for variable, names in groups:
        node, shown = render_name_list(names, parts.name, parts.et_al, ctx)
        total += shown
        if node is None:
            continue
        # A sort key is the names alone: "Doe, John ed." sorts level with "Doe, John"
        # (citeproc-js; the suite's sort_DropNameLabelInSort).
        label = None if ctx.mode == "sort" else _label_node(parts.label, variable,
                                                             len(names), ctx)
        pieces = [label, node] if parts.label_first else [node, label]
        rendered.append(join(pieces))
    if parts.name is not None and _options(ctx, parts.name).form == "count":
        return (str(total) if total else None), total
    delimiter = element.get("delimiter", ctx.name_options.get("names-delimiter", ""))
    return join(rendered, delimiter), total


def _substitute(parts: NamesParts, element, ctx):
    if parts.substitute is None:
        return None
    outer_parent = ctx.substitute_parent
    ctx.substitute_parent = parts
    try:
        for child in parts.substitute.children:
            ctx.counts.append([0, 0])
            ctx.substituting, ctx.used = True, []
            node = RENDER_CHILDREN([child], ctx)
            ctx.substituting = False
            called, found = ctx.counts.pop()
            if not is_empty(node):
                ctx.counts[-1][0] += called
                ctx.counts[-1][1] += found
                ctx.suppressed.update(ctx.used)
                return node
            ctx.counts[-1][0] += called
            if child.name == "text" and "term" in child.attrs:
                return None  # an empty term is still the substitute (citeproc-js)
    finally:
        ctx.substitute_parent = outer_parent
        ctx.substituting = False
    return None


def render_names(element, ctx):
    parts = _parts_of(element)
    if parts.name is None and parts.et_al is None and parts.label is None \
            and ctx.substitute_parent is not None:
        parts = ctx.substitute_parent.inherited_by(element)
    if ctx.suppress_names:
        return None
    node, _ = _render_variables(element, parts, ctx)
    if is_empty(node):
        node = _substitute(parts, element, ctx)
    if is_empty(node):
        return None
    node = decorate(element, node, ctx.title_case)
    ctx.names_seen += 1
    if ctx.names_seen == 1:
        ctx.first_names_node = node
        if ctx.suppress_names:  # suppress-author: the first names go, and only them
            return None
    return node
