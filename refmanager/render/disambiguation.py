"""Disambiguation of cites that would read the same (CSL 1.0.2 "Disambiguation").

Every registered item's first cite is rendered as plain text and items are
grouped by that text with a dict, so the work grows with the number of items,
not with its square. Each ambiguous group goes through the steps the style
allows, in the spec's order: add names, add given names (per the
givenname-disambiguation-rule), the `disambiguate="true"` condition, and
finally year suffixes in bibliography order.
"""

from __future__ import annotations

from collections import defaultdict

from refmanager.render.context import Cite
from refmanager.render.names import item_names
from refmanager.render.output import flatten
from refmanager.render.backends import write_text


class Disambiguator:
    def __init__(self, engine) -> None:
        self.engine = engine
        citation = engine.style.citation
        attrs = citation.attrs if citation is not None else {}
        self.add_names = attrs.get("disambiguate-add-names") == "true"
        self.add_givenname = attrs.get("disambiguate-add-givenname") == "true"
        self.add_year_suffix = attrs.get("disambiguate-add-year-suffix") == "true"
        self.rule = attrs.get("givenname-disambiguation-rule", "by-cite")
        self.uses_condition = _has_disambiguate_condition(engine.style.root)

    def key(self, item_id: str) -> str:
        ctx = self.engine.context(item_id, "citation", Cite(item_id))
        node = self.engine.render_item(item_id, "citation", ctx=ctx)
        self.engine.last_first_names[item_id] = ctx.first_names
        return write_text(flatten(node, self.engine.locale)) if node is not None else ""

    def ambiguous_groups(self, item_ids: list[str]) -> list[list[str]]:
        groups: dict[str, list[str]] = defaultdict(list)
        for item_id in item_ids:
            groups[self.key(item_id)].append(item_id)
        return [group for group in groups.values() if len(group) > 1]

    def run(self, bibliography_order: list[str]) -> None:
        if self.engine.style.citation is None:
            return
        if self.add_givenname and self.rule != "by-cite":
            self._global_givennames(bibliography_order)
        groups = self.ambiguous_groups(bibliography_order)
        for group in groups:
            remaining = self._resolve(group)
            if remaining and self.add_year_suffix:
                self._year_suffixes(remaining, bibliography_order)

    def _resolve(self, group: list[str]) -> list[list[str]]:
        """Apply the steps to one group; the subgroups still ambiguous after them."""
        pending = [group]
        if self.add_names:
            pending = self._step(pending, self._try_names)
        if self.add_givenname and self.rule in ("by-cite", "all-names", "primary-name"):
            pending = self._step(pending, self._try_givennames)
        if self.uses_condition and pending:
            for subgroup in pending:
                for item_id in subgroup:
                    self.engine.states[item_id].disambiguate = True
            pending = [self.ambiguous_groups(subgroup) for subgroup in pending]
            pending = [g for groups in pending for g in groups]
        return pending

    def _step(self, pending, attempt):
        out = []
        for subgroup in pending:
            out.extend(attempt(subgroup))
        return out

    def _split(self, group: list[str]) -> list[list[str]]:
        return self.ambiguous_groups(group)

    def _try_names(self, group: list[str]) -> list[list[str]]:
        most = max(len(item_names_first(self.engine, item_id)) for item_id in group)
        states = self.engine.states
        before = len(self._split(group))
        for extra in range(1, most + 1):
            for item_id in group:
                states[item_id].et_al_extra = extra
            remaining = self._split(group)
            if not remaining:
                return []
            if sum(len(g) for g in remaining) < len(group):
                return self._settle_names(group, remaining, extra)
        for item_id in group:
            states[item_id].et_al_extra = 0
        return self._split(group) if before else []

    def _settle_names(self, group, remaining, extra):
        still = {item_id for subgroup in remaining for item_id in subgroup}
        for item_id in group:
            if item_id in still:
                self.engine.states[item_id].et_al_extra = extra
        return [sub for g in remaining for sub in self._try_names(g)] if False else remaining

    def _try_givennames(self, group: list[str]) -> list[list[str]]:
        states = self.engine.states
        most = max(len(item_names_first(self.engine, item_id)) for item_id in group)
        for index in range(most if self.rule != "primary-name" else 1):
            for level in (1, 2):
                for item_id in group:
                    states[item_id].given_levels[index] = level
                remaining = self._split(group)
                if not remaining:
                    return []
        return self._split(group)

    def _global_givennames(self, item_ids: list[str]) -> None:
        """all-names / primary-name rules: expand every name whose family is shared."""
        by_family: dict[str, set] = defaultdict(set)
        for item_id in item_ids:
            for index, name in enumerate(item_names_first(self.engine, item_id)):
                if self.rule.startswith("primary-name") and index:
                    break
                person = (name.get("given", ""), name.get("family", ""))
                by_family[name.get("family", name.get("literal", ""))].add(person)
        level = 1 if self.rule.endswith("with-initials") else 2
        for item_id in item_ids:
            state = self.engine.states[item_id]
            for index, name in enumerate(item_names_first(self.engine, item_id)):
                if self.rule.startswith("primary-name") and index:
                    break
                people = by_family[name.get("family", name.get("literal", ""))]
                if len(people) > 1:
                    state.given_levels[index] = _needed_level(name, people, level)

    def _year_suffixes(self, groups: list[list[str]], order: list[str]) -> None:
        position = {item_id: index for index, item_id in enumerate(order)}
        for group in groups:
            for number, item_id in enumerate(sorted(group, key=position.get)):
                self.engine.states[item_id].year_suffix = suffix_letters(number)


def _needed_level(name: dict, people: set, level: int) -> int:
    if level == 1:
        return 1
    initial = (name.get("given", "")[:1])
    same_initial = [given for given, _ in people if given[:1] == initial]
    return 2 if len(same_initial) > 1 else 1


def item_names_first(engine, item_id: str) -> list:
    for variable in ("author", "editor", "translator", "composer", "director"):
        ctx = engine.context(item_id, "citation")
        names = item_names(ctx, variable)
        if names:
            return names
    return []


def suffix_letters(number: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa, as citeproc-js numbers year suffixes."""
    letters = ""
    number += 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("a") + remainder) + letters
    return letters


def _has_disambiguate_condition(element) -> bool:
    if "disambiguate" in element.attrs and element.name in ("if", "else-if"):
        return True
    return any(_has_disambiguate_condition(child) for child in element.children)
