"""The tests of `cs:if` and `cs:else-if`, with match="any", "all" or "none"."""

from __future__ import annotations

from refmanager.render.numbers import is_numeric

_CONDITION_ATTRIBUTES = ("type", "variable", "is-numeric", "is-uncertain-date", "locator",
                         "position", "disambiguate")
_POSITION_LEVELS = {"first": 0, "subsequent": 1, "ibid-with-locator": 2, "ibid": 3}


def _position_holds(wanted: str, ctx) -> bool:
    cite = ctx.cite
    if ctx.mode != "citation" or cite is None:
        return False
    position = cite.position or "first"
    if wanted == "near-note":
        return position != "first" and cite.near_note
    if wanted == "first":
        return position == "first"
    if wanted == "subsequent":
        return position != "first"
    if wanted == "ibid":
        return position in ("ibid", "ibid-with-locator")
    return position == wanted


def _date_uncertain(ctx, name: str) -> bool:
    value = ctx.raw(name)
    return isinstance(value, dict) and bool(value.get("circa"))


def _one_test(attribute: str, value: str, ctx) -> bool:
    item = ctx.item
    if attribute == "type":
        return item.get("type") == value
    if attribute == "variable":
        return ctx.raw(value) is not None
    if attribute == "is-numeric":
        return is_numeric(ctx.raw(value)) if ctx.raw(value) is not None else False
    if attribute == "is-uncertain-date":
        return _date_uncertain(ctx, value)
    if attribute == "locator":
        label = (ctx.cite.label or "page") if ctx.cite and ctx.cite.locator else None
        return label == value or (value == "sub-verbo" and label == "sub verbo")
    if attribute == "position":
        return _position_holds(value, ctx)
    if attribute == "disambiguate":
        return (value == "true") == ctx.state.disambiguate
    return False


def compile_condition(element) -> tuple[str, list[tuple[str, str]]]:
    tests = []
    for attribute in _CONDITION_ATTRIBUTES:
        if attribute in element.attrs:
            for value in element.attrs[attribute].split():
                tests.append((attribute, value))
    return element.get("match", "all" if False else "any"), tests


def condition_holds(element, ctx) -> bool:
    compiled = element.compiled
    if compiled is None:
        compiled = element.compiled = compile_condition(element)
    match, tests = compiled
    results = (_one_test(attribute, value, ctx) for attribute, value in tests)
    if match == "all":
        return all(results)
    if match == "none":
        return not any(results)
    return any(results)
