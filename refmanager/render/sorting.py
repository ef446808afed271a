"""Sorting cites and bibliography entries by `cs:sort` keys.

A key is a variable or a macro, ascending or descending; items without a
value for a key go last in both directions. Names sort by their sort-order
form, dates by their numeric value, numbers by value, text by a case- and
accent-insensitive form. The sort is a sequence of stable passes, last key
first, so no comparison function is needed.
"""

from __future__ import annotations

import re
import unicodedata

from refmanager.render.date_values import read_date
from refmanager.render.interpreter import render_macro
from refmanager.render.markup import parse_markup
from refmanager.render.names import item_names
from refmanager.render.numbers import is_numeric
from refmanager.render.richtext import to_plain

NAME_VARIABLES = frozenset(
    "author editor translator container-author collection-editor composer director "
    "editorial-director illustrator interviewer original-author recipient reviewed-author "
    "chair compiler contributor curator executive-producer guest host narrator organizer "
    "performer producer script-writer series-creator".split())
DATE_VARIABLES = frozenset(
    "issued accessed event-date original-date submitted available-date".split())
_DIGITS = re.compile(r"\d+")
_SKIPPED = re.compile(r"[^\w\s\u0001]")  # punctuation does not take part in sorting


def text_key(text: str) -> str:
    text = _SKIPPED.sub("", text)
    if text.isascii():  # nothing to decompose: most keys
        stripped = text
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _DIGITS.sub(lambda match: match.group().zfill(10), stripped.casefold().strip())


def name_sort_key(name: dict, demote: str = "display-and-sort", given: str | None = None) -> str:
    """A name as it sorts: family first; a non-dropping particle joins the family
    only when the style never demotes it."""
    if "literal" in name:
        return text_key(name["literal"])
    family = name.get("family", "")
    particle = name.get("non-dropping-particle", "")
    if demote == "never" and particle:
        family, particle = particle.rstrip() + " " + family, ""
    given = name.get("given", "") if given is None else given
    pieces = [family, given, name.get("dropping-particle", ""), particle.rstrip(),
              name.get("suffix", "")]
    return text_key(" ".join(piece for piece in pieces if piece))


def _variable_key(engine, item_id: str, variable: str, key_element, ctx):
    item = engine.items[item_id]
    if variable in NAME_VARIABLES:
        names = item_names(ctx, variable)
        if not names:
            return None
        # Not in the spec: citeproc-js cuts a name variable key as the sort's own
        # bibliography (or citation) cuts its name lists, without the "et al.", so
        # six authors sort level with their first three (springer's 2021a/b).
        minimum = key_element.get("names-min") or ctx.name_options.get("et-al-min")
        first = key_element.get("names-use-first") or ctx.name_options.get("et-al-use-first")
        if minimum and first and len(names) >= int(minimum):
            names = names[:int(first)]
        return "\u0001".join(name_sort_key(name, engine.style.demote_particle)
                              for name in names)
    if variable in DATE_VARIABLES:
        value = read_date(item.get(variable))
        return value.sort_key() if value and value.parts else None
    if variable == "citation-number":
        return engine.states[item_id].citation_number
    value = ctx.raw(variable)
    if value is None:
        return None
    if isinstance(value, int) or (variable != "title" and is_numeric(value)):
        digits = _DIGITS.search(str(value))
        return digits.group().zfill(10) if digits else text_key(str(value))
    return text_key(to_plain(parse_markup(str(value))))


def _macro_key(engine, item_id: str, key_element, base_mode: str):
    ctx = engine.context(item_id, base_mode)
    ctx.mode = "sort"
    ctx.sort_names = True
    minimum, first = key_element.get("names-min"), key_element.get("names-use-first")
    use_last = key_element.get("names-use-last")
    if minimum or first or use_last:
        ctx.sort_et_al = (int(minimum or 0), int(first or 0),
                          None if use_last is None else use_last == "true")
    text = to_plain(render_macro(key_element.get("macro"), ctx))
    return text_key(text) if text else None


def sort_key_values(engine, item_ids: list[str], key_element, base_mode: str) -> dict:
    values = {}
    for item_id in item_ids:
        if key_element.get("macro"):
            values[item_id] = _macro_key(engine, item_id, key_element, base_mode)
        else:
            ctx = engine.context(item_id, base_mode)
            values[item_id] = _variable_key(engine, item_id, key_element.get("variable", ""),
                                            key_element, ctx)
    return values


def sort_items(engine, item_ids: list[str], sort_element, base_mode: str) -> list[str]:
    """`item_ids` in the order the sort element gives (stable for ties).

    Keys are computed lazily: a later key only for the items the earlier keys
    leave tied, which spares most of the macro renderings."""
    if sort_element is None:
        return list(item_ids)
    return _sort_by(engine, list(item_ids), sort_element.find_all("key"), base_mode)


def _sort_by(engine, item_ids: list[str], keys: list, base_mode: str) -> list[str]:
    if len(item_ids) < 2 or not keys:
        return item_ids
    key_element, rest = keys[0], keys[1:]
    values = sort_key_values(engine, item_ids, key_element, base_mode)
    groups: dict = {}
    for item_id in item_ids:
        groups.setdefault(values[item_id], []).append(item_id)
    present = sorted((value for value in groups if value is not None), key=_comparable,
                     reverse=key_element.get("sort") == "descending")
    ordered = []
    for value in present + ([None] if None in groups else []):
        ordered.extend(_sort_by(engine, groups[value], rest, base_mode))
    return ordered


def _comparable(value):
    if value is None:
        return ""
    if isinstance(value, int):
        return f"{value:010d}"
    return value
