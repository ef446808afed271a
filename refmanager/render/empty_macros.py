"""Macro calls known to render nothing, so that they are skipped the next time.

A style calls most of its macros for every entry, and for a given item most
of them render nothing: APA asks every journal article for its publication
history, its identifiers, its archive. When none of the variables a macro can
print is present in the item, what the macro renders depends on nothing but
what its conditions test: the item's type and which of the tested variables
are present. So once such a call has rendered nothing, every call for an item
of the same type, with the same tested variables present, in the same mode,
renders nothing too, and only the variables it counted (for the group rule)
need to be added to the enclosing group.

Macros whose output can depend on anything else (the cite's position or
locator, the disambiguate condition, a computed variable such as year-suffix)
are never skipped; neither is a call made inside a substitute, whose
bookkeeping a macro's own substitutes would change.
"""

from __future__ import annotations

from refmanager.render.context import COMPUTED_VARIABLES, OLD_NAMES, SHORT_FORMS

# Elements that print a variable (or several, for names).
_PRINTING = frozenset({"text", "number", "date", "names", "label"})
# Conditions that read more than the type and the presence of variables.
_UNPREDICTABLE_CONDITIONS = ("position", "locator", "disambiguate")


class MacroFootprint:
    """What a macro (with the macros it calls) prints and tests."""

    __slots__ = ("printed", "tested")

    def __init__(self, printed: frozenset[str], tested: frozenset[str]) -> None:
        self.printed = printed  # every spelling of every variable it can print
        self.tested = tested  # every spelling of the variables its conditions test


def footprint_of(macro, macros: dict) -> MacroFootprint | None:
    """The macro's footprint; None when its output may depend on more than it shows.
    Kept on the macro element, which no renderer compiles otherwise."""
    if macro.compiled is None:
        macro.compiled = _footprint(macro, macros) or False
    return macro.compiled or None


def _footprint(macro, macros: dict) -> MacroFootprint | None:
    printed: set[str] = set()
    tested: set[str] = set()
    if not _collect(macro, macros, printed, tested, set()):
        return None
    if printed & COMPUTED_VARIABLES or tested & COMPUTED_VARIABLES:
        return None
    spellings = set(printed)
    for name in printed:
        spellings.update(SHORT_FORMS.get(name, ()))
    return MacroFootprint(_with_old_names(spellings), _with_old_names(tested))


def _with_old_names(names: set[str]) -> frozenset[str]:
    return frozenset(names | {OLD_NAMES[name] for name in names if name in OLD_NAMES})


def _collect(element, macros: dict, printed: set, tested: set, visiting: set) -> bool:
    attrs = element.attrs
    if element.name in _PRINTING and "variable" in attrs:
        printed.update(attrs["variable"].split())
    if element.name in ("if", "else-if"):
        if any(condition in attrs for condition in _UNPREDICTABLE_CONDITIONS):
            return False
        tested.update(attrs.get("variable", "").split())
        # These read the value itself: the variable must be missing for the output to be known.
        printed.update(attrs.get("is-numeric", "").split())
        printed.update(attrs.get("is-uncertain-date", "").split())
    if element.name == "text" and "macro" in attrs:
        called = macros.get(attrs["macro"])
        if called is None or attrs["macro"] in visiting:
            return False
        visiting.add(attrs["macro"])
        if not _collect(called, macros, printed, tested, visiting):
            return False
        visiting.discard(attrs["macro"])
    return all(_collect(child, macros, printed, tested, visiting) for child in element.children)


def present_variables(item: dict) -> frozenset[str]:
    """The names of the item's variables that have a value (as `RenderContext.raw` reads them)."""
    return frozenset(name for name, value in item.items()
                     if value is not None and value != "" and value != [])


def known_empty_key(footprint: MacroFootprint, ctx):
    """The key under which this call's output is known, or None when the item has a
    variable the macro can print (or the call is inside a substitute).

    Which tested variables are present decides every condition: two items with
    the same ones present (under the same spellings) take the same branches."""
    if ctx.substituting:
        return None
    present = ctx.engine.present_variables(ctx.item)
    if not footprint.printed.isdisjoint(present):
        return None
    return (id(footprint), ctx.mode, ctx.item.get("type"), ctx.suppress_names,
            footprint.tested & present)
