"""Macro calls, groups and chooses whose output is known, not rendered again.

A style calls most of its macros for every entry, and for a given item most
of them render nothing: APA asks every journal article for its publication
history, its identifiers, its archive. When none of the variables an element
can print (through the macros it calls, too) is present in the item, what it
renders depends on nothing but what its conditions test: the item's type and
which of the tested variables are present. So once such an element has
rendered nothing, it renders nothing for every item of the same type, with
the same tested variables present, in the same mode; only the variables it
counted (for the group rule) need to be added to the enclosing group.

The same holds for an element that renders something, with the values of
the variables it prints taken into the case: APA's date is "(2020)." for
every paper of 2020, its publisher part the same for every paper of one
proceedings. Such an output is kept and given again (trees are never changed
in place, so one may stand in several entries), as long as the element holds
no names (whose rendering depends on disambiguation, and whose substitutes
suppress variables for the rest of the cite) and no variable it prints was
suppressed by a substitute. A printed year-suffix (APA's date "(2020a).")
joins the case with the item's suffix.

Elements whose output can depend on anything else (the cite's position or
locator, the disambiguate condition, a computed variable other than a printed
year-suffix) are never skipped; neither is one rendered inside a substitute, whose
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
YEAR_SUFFIX = "year-suffix"
EMPTY, OUTPUT = 0, 2  # where the tallies of the two kinds of known renderings start
# Conditions that read more than the type and the presence of variables.
_UNPREDICTABLE_CONDITIONS = ("position", "locator", "disambiguate")


class Footprint:
    """What an element (with the macros it calls) prints and tests."""

    __slots__ = ("printed", "tested", "reusable", "suffixed", "printed_bits", "tested_bits")

    def __init__(self, printed: frozenset[str], tested: frozenset[str], reusable: bool) -> None:
        self.printed = printed  # every spelling of every variable it can print
        self.tested = tested  # every spelling of the variables its conditions test
        # The same as bits (see `variable_bits`): tested at every rendering, where
        # an `&` of two ints costs less than a set operation.
        self.printed_bits = variable_bits(printed)
        self.tested_bits = variable_bits(tested)
        self.reusable = reusable  # no names inside: its output can be kept by value
        # It prints the year-suffix, the one computed variable it may print: the
        # item's suffix (most have none) is part of its case.
        self.suffixed = YEAR_SUFFIX in printed


def footprint_of(element, macros: dict) -> Footprint | None:
    """The element's footprint; None when its output may depend on more than it shows.
    Kept on a macro, group or choose element, which no renderer compiles otherwise, so
    that an enclosing element takes it over instead of walking the element again."""
    if element.compiled is None:
        element.compiled = False  # while it is computed: a macro calling itself has none
        element.compiled = _footprint(element, macros) or False
    return element.compiled or None


def reusing_known_outputs(element, macros: dict, render):
    """`render` (a function of the context), skipped where `element`'s output is known:
    the engine's `known_empty` remembers the cases that render nothing, its
    `known_output` the outputs of reusable elements by the values they print."""
    footprint = footprint_of(element, macros)
    if footprint is None:
        return render
    # Look-ups and hits, of known empties (at EMPTY) and of kept outputs (at OUTPUT):
    # each kind is given up where it seldom hits (an element printing the title is
    # seldom empty, its output never the same).
    tally = [0, 0, 0, 0]
    reusable = footprint.reusable

    def render_unless_known(ctx):
        if ctx.substituting:
            return render(ctx)
        present = ctx.present
        if present is None:
            present = ctx.present = ctx.engine.presence(ctx.item)
        if not footprint.printed_bits & present[1] and not (footprint.suffixed
                                                             and ctx.state.year_suffix):
            kind, known_cases = EMPTY, ctx.engine.known_empty
        elif reusable:
            kind, known_cases = OUTPUT, ctx.engine.known_output
        else:
            return render(ctx)  # it prints names
        looked = tally[kind]
        if looked > _TRIAL and tally[kind + 1] * _WORTH < looked:
            return render(ctx)  # not worth a look
        key = _case_key(footprint, ctx, present) if kind == EMPTY else \
            known_output_key(footprint, ctx, present)
        if key is None:
            return render(ctx)
        tally[kind] = looked + 1
        parent = ctx.counts[-1]
        known = known_cases.get(key)
        if known is not None:
            tally[kind + 1] += 1
            parent[0] += known[0]
            parent[1] += known[1]
            return known[2]
        called, found = parent
        node = render(ctx)
        if node is None or kind == OUTPUT:
            known_cases[key] = (parent[0] - called, parent[1] - found, node)
        return node
    return render_unless_known


def _footprint(element, macros: dict) -> Footprint | None:
    printed: set[str] = set()
    tested: set[str] = set()
    holding = set()  # the names of the elements inside, for `reusable`
    if not _collect(element, macros, printed, tested, holding):
        return None
    if (printed - {YEAR_SUFFIX}) & COMPUTED_VARIABLES or tested & COMPUTED_VARIABLES:
        return None
    for name in list(printed):
        printed.update(SHORT_FORMS.get(name, ()))
    return Footprint(_with_old_names(printed), _with_old_names(tested), "names" not in holding)


def _with_old_names(names: set[str]) -> frozenset[str]:
    return frozenset(names | {OLD_NAMES[name] for name in names if name in OLD_NAMES})


def _collect(element, macros: dict, printed: set, tested: set, holding: set) -> bool:
    """Add what the element and its children print and test, and which elements they
    are; False when one of them reads more than that."""
    attrs = element.attrs
    holding.add(element.name)
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
        return called is not None and _take_over(footprint_of(called, macros), printed, tested,
                                                 holding)
    for child in element.children:
        if child.name in _REMEMBERED:
            if not _take_over(footprint_of(child, macros), printed, tested, holding):
                return False
        elif not _collect(child, macros, printed, tested, holding):
            return False
    return True


def _take_over(footprint: Footprint | None, printed: set, tested: set, holding: set) -> bool:
    if footprint is None:
        return False
    printed.update(footprint.printed)  # already spelled every way, which does no harm
    tested.update(footprint.tested)
    if not footprint.reusable:
        holding.add("names")
    return True


# A bit for each variable name, numbered as first seen (one numbering for every
# engine, so that footprints, kept on the style's elements, can be shared).
_VARIABLE_BITS: dict[str, int] = {}


def variable_bits(names) -> int:
    """The names as one int, a bit per name: sets of names compared with `&`."""
    bits = 0
    for name in names:
        bit = _VARIABLE_BITS.get(name)
        if bit is None:
            bit = _VARIABLE_BITS[name] = 1 << len(_VARIABLE_BITS)
        bits |= bit
    return bits


def present_variables(item: dict) -> tuple[frozenset[str], int]:
    """The names of the item's variables that have a value (as `RenderContext.raw`
    reads them), and the same as bits."""
    names = frozenset(name for name, value in item.items()
                      if value is not None and value != "" and value != [])
    return names, variable_bits(names)


def _case_key(footprint: Footprint, ctx, present: tuple[frozenset[str], int]) -> tuple:
    """Which tested variables are present decides every condition: two items with
    the same ones present (under the same spellings) take the same branches."""
    return (id(footprint), ctx.mode, ctx.item.get("type"), ctx.suppress_names,
            footprint.tested_bits & present[1])


def known_output_key(footprint: Footprint, ctx, present: tuple[frozenset[str], int]):
    """The key of a reusable element's output for this item: its case, the item's
    language (title case, language-specific casing) and the values it prints; None
    when the output may depend on more. (Whether the footprint is reusable is for the
    caller to check.)"""
    shown = footprint.printed & present[0]
    if ctx.suppressed and not shown.isdisjoint(ctx.suppressed):
        return None  # a substitute used one of them up: this cite prints it as missing
    if ctx.state.year_suffix and not ctx.engine.uses_year_suffix:
        return None  # the year then carries the suffix, once per cite
    item = ctx.item
    keys = ctx.engine.value_keys(item)
    values = frozenset([(name, keys[name] if name in keys else _value_key(keys, item, name))
                        for name in shown])  # a list: no generator to resume per value
    suffix = ctx.state.year_suffix if footprint.suffixed else ""
    return _case_key(footprint, ctx, present) + (_hashable(item.get("language")), values, suffix)


def _value_key(keys: dict, item: dict, name: str):
    """The item's value of `name` as a key, kept in `keys` (the item's, from the engine)."""
    key = keys[name] = _hashable(item[name])
    return key


def _hashable(value):
    """A value as a dictionary key: a date's parts as nested tuples."""
    if value.__class__ is str:  # most values
        return value
    if isinstance(value, dict):
        return tuple(sorted((key, _hashable(part)) for key, part in value.items()))
    if isinstance(value, list):
        return tuple(_hashable(part) for part in value)
    return value
