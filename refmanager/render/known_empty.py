"""Macro calls, groups and chooses known to render nothing, skipped the next time.

A style calls most of its macros for every entry, and for a given item most
of them render nothing: APA asks every journal article for its publication
history, its identifiers, its archive. When none of the variables an element
can print (through the macros it calls, too) is present in the item, what it
renders depends on nothing but what its conditions test: the item's type and
which of the tested variables are present. So once such an element has
rendered nothing, it renders nothing for every item of the same type, with
the same tested variables present, in the same mode; only the variables it
counted (for the group rule) need to be added to the enclosing group.

Elements whose output can depend on anything else (the cite's position or
locator, the disambiguate condition, a computed variable such as year-suffix)
are never skipped; neither is one rendered inside a substitute, whose
bookkeeping the element's own substitutes would change.
"""

from __future__ import annotations

from refmanager.render.context import COMPUTED_VARIABLES, OLD_NAMES, SHORT_FORMS

# Elements that print a variable (or several, for names).
_PRINTING = frozenset({"text", "number", "date", "names", "label"})
# After this many look-ups, an element skipped less than once in this many renderings
# is rendered without looking: the look-up would cost more than it saves.
_TRIAL, _WORTH = 500, 20
# The elements whose footprints are kept (and whose renderings are skipped).
_REMEMBERED = frozenset({"group", "choose"})
# Conditions that read more than the type and the presence of variables.
_UNPREDICTABLE_CONDITIONS = ("position", "locator", "disambiguate")


class Footprint:
    """What an element (with the macros it calls) prints and tests."""

    __slots__ = ("printed", "tested")

    def __init__(self, printed: frozenset[str], tested: frozenset[str]) -> None:
        self.printed = printed  # every spelling of every variable it can print
        self.tested = tested  # every spelling of the variables its conditions test


def footprint_of(element, macros: dict) -> Footprint | None:
    """The element's footprint; None when its output may depend on more than it shows.
    Kept on a macro, group or choose element, which no renderer compiles otherwise, so
    that an enclosing element takes it over instead of walking the element again."""
    if element.compiled is None:
        element.compiled = False  # while it is computed: a macro calling itself has none
        element.compiled = _footprint(element, macros) or False
    return element.compiled or None


def skipping_known_empty(element, macros: dict, render):
    """`render` (a function of the context), skipped where `element` is known to render
    nothing; the engine's `known_empty` remembers those cases."""
    footprint = footprint_of(element, macros)
    if footprint is None:
        return render
    tally = [0, 0]  # renderings looked up, renderings skipped

    def render_unless_known_empty(ctx):
        if tally[0] > _TRIAL and tally[1] * _WORTH < tally[0]:
            return render(ctx)  # seldom skipped (it prints the title, say): not worth a look
        tally[0] += 1
        key = known_empty_key(footprint, ctx)
        if key is None:
            return render(ctx)
        parent = ctx.counts[-1]
        counted = ctx.engine.known_empty.get(key)
        if counted is not None:
            tally[1] += 1
            parent[0] += counted[0]
            parent[1] += counted[1]
            return None
        called, found = parent
        node = render(ctx)
        if node is None:
            ctx.engine.known_empty[key] = (parent[0] - called, parent[1] - found)
        return node
    return render_unless_known_empty


def _footprint(element, macros: dict) -> Footprint | None:
    printed: set[str] = set()
    tested: set[str] = set()
    if not _collect(element, macros, printed, tested):
        return None
    if printed & COMPUTED_VARIABLES or tested & COMPUTED_VARIABLES:
        return None
    for name in list(printed):
        printed.update(SHORT_FORMS.get(name, ()))
    return Footprint(_with_old_names(printed), _with_old_names(tested))


def _with_old_names(names: set[str]) -> frozenset[str]:
    return frozenset(names | {OLD_NAMES[name] for name in names if name in OLD_NAMES})


def _collect(element, macros: dict, printed: set, tested: set) -> bool:
    """Add what the element and its children print and test; False when one of them
    reads more than that."""
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
        return called is not None and _take_over(footprint_of(called, macros), printed, tested)
    for child in element.children:
        if child.name in _REMEMBERED:
            if not _take_over(footprint_of(child, macros), printed, tested):
                return False
        elif not _collect(child, macros, printed, tested):
            return False
    return True


def _take_over(footprint: Footprint | None, printed: set, tested: set) -> bool:
    if footprint is None:
        return False
    printed.update(footprint.printed)  # already spelled every way, which does no harm
    tested.update(footprint.tested)
    return True


def present_variables(item: dict) -> frozenset[str]:
    """The names of the item's variables that have a value (as `RenderContext.raw` reads them)."""
    return frozenset(name for name, value in item.items()
                     if value is not None and value != "" and value != [])


def known_empty_key(footprint: Footprint, ctx):
    """The key under which this rendering's output is known, or None when the item
    has a variable the element can print (or the rendering is inside a substitute).

    Which tested variables are present decides every condition: two items with
    the same ones present (under the same spellings) take the same branches."""
    if ctx.substituting:
        return None
    present = ctx.present
    if present is None:
        present = ctx.present = ctx.engine.present_variables(ctx.item)
    if not footprint.printed.isdisjoint(present):
        return None
    return (id(footprint), ctx.mode, ctx.item.get("type"), ctx.suppress_names,
            footprint.tested & present)
