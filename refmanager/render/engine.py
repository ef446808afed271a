"""The engine: a style with its locale, the registered items, and their state.

`Engine` is what every context points back to. It holds the parsed style,
the locale chain, the inherited name options for citations and for the
bibliography, the caches (normalized names, compiled options), the per-item
disambiguation state, and renders one item in one mode.
"""

from __future__ import annotations

from refmanager.render.context import Cite, ItemState, RenderContext
from refmanager.render.known_empty import present_variables
from refmanager.render.interpreter import render_children
from refmanager.render.locale import LocaleChain
from refmanager.render.note_fields import with_note_variables
from refmanager.render.output import QuoteMarks
from refmanager.render.style import Style


def _uses_variable(element, name: str) -> bool:
    if element.get("variable") and name in element.get("variable").split():
        return True
    return any(_uses_variable(child, name) for child in element.children)


class Engine:
    def __init__(self, style: Style, items: list[dict], locale: str | None = None) -> None:
        self.style = style
        language = locale or style.default_locale or "en-US"
        self.locale = LocaleChain(language, style.locales)
        self.locale.quote_marks = QuoteMarks(self.locale)
        self.name_options = {"citation": style.name_options(style.citation),
                             "bibliography": style.name_options(style.bibliography)}
        self.name_cache: dict = {}  # (item id, variable): the item's normalized names
        self.normalized_names: dict = {}  # a name's parts: the name normalized
        self.formatted_names: dict = {}  # a name as formatted, and its sort keys (names.py)
        self.name_sort_keys: dict = {}
        bibliography = style.bibliography
        # Subsequent-author-substitute finds an entry's name nodes by identity: that
        # bibliography's entries each have nodes of their own.
        self.shares_name_nodes = bibliography is None \
            or bibliography.get("subsequent-author-substitute") is None
        self.option_cache: dict = {}
        self.label_nodes: dict = {}  # (id of a names' label, variable, plural): its node
        self.known_empty: dict = {}  # renderings known to give nothing (known_empty.py)
        self.known_output: dict = {}  # and those known to give an output, by what they print
        self._present: dict[int, tuple] = {}  # id of an item: (item, its present variables)
        self._value_keys: dict[int, tuple] = {}  # id of an item: (item, {variable: value key})
        self.uses_year_suffix = _uses_variable(style.root, "year-suffix")
        self.items: dict[str, dict] = {}
        self.states: dict[str, ItemState] = {}
        for item in items:
            key = str(item.get("id"))
            self.items[key] = with_note_variables(item)
            self.states[key] = ItemState()

    def presence(self, item: dict) -> tuple[frozenset[str], int]:
        """The item's variables that have a value, as names and as bits (known_empty.py),
        computed once per item."""
        known = self._present.get(id(item))
        if known is None or known[0] is not item:  # the item is kept, so its id is not reused
            known = self._present[id(item)] = (item, present_variables(item))
        return known[1]

    def value_keys(self, item: dict) -> dict:
        """The item's own dict of its values as dictionary keys (known_empty.py fills it:
        a date is turned into nested tuples once, not at every rendering that prints it)."""
        known = self._value_keys.get(id(item))
        if known is None or known[0] is not item:  # the item is kept, so its id is not reused
            known = self._value_keys[id(item)] = (item, {})
        return known[1]

    def context(self, item_id: str, mode: str, cite: Cite | None = None) -> RenderContext:
        return RenderContext(self, self.items[item_id], mode, cite, self.states[item_id])

    def render_item(self, item_id: str, mode: str, cite: Cite | None = None, ctx=None):
        """The layout's content (without the layout's affixes) for one item."""
        section = self.style.citation if mode == "citation" else self.style.bibliography
        layout = section.find("layout")
        ctx = ctx or self.context(item_id, mode, cite)
        return render_children(layout.children, ctx)
