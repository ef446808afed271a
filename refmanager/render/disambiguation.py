"""Disambiguation of cites that would read the same (CSL 1.0.2 "Disambiguation").

Every registered item's cite is rendered as plain text in its subsequent form
(as citeproc-js compares cites, so a note style's short notes are told apart
too) and items are grouped by that text with a dict, so the work grows with
the number of items, not with its square. Each ambiguous group goes through
the steps the style allows, in the spec's order: add names, add given names
(per the givenname-disambiguation-rule), the `disambiguate="true"` condition
(one more test holding at a time), and finally year suffixes in bibliography
order. What the steps set is the item's state, which its first cite shows too.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from refmanager.render.context import Cite
from refmanager.render.names import names_of
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
        self._keys: dict[str, tuple] = {}

    def key(self, item_id: str) -> str:
        """The plain text of the item's cite in its current state (cached per state).

        The cite is rendered as a subsequent one, as citeproc-js compares cites:
        a note style's short note ("Doe, Same.") is then told apart even where
        the full first notes differ ("John Doe, Same (P, 2000)." and "Anne Doe,
        Same (P, 2001)." give "J. Doe, Same." and "A. Doe, Same."), and the
        state found (names, given names, disambiguate) serves both forms."""
        state = self.engine.states[item_id]
        signature = (state.et_al_extra, tuple(sorted(state.given_levels.items())),
                     state.given_all, state.disambiguate)
        cached = self._keys.get(item_id)
        if cached is not None and cached[0] == signature:
            return cached[1]
        ctx = self.engine.context(item_id, "citation", Cite(item_id, position="subsequent"))
        ctx.ambiguity_key = True
        node = self.engine.render_item(item_id, "citation", ctx=ctx)
        self.engine.last_first_names[item_id] = ctx.first_names
        text = write_text(flatten(node, self.engine.locale)) if node is not None else ""
        self._keys[item_id] = (signature, text, ctx.disambiguate_tests)
        return text

    def _tests_met(self, item_id: str) -> int:
        """How many disambiguate="true" tests the item's cite met, as last rendered."""
        self.key(item_id)
        return self._keys[item_id][2]

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
        position = {item_id: index for index, item_id in enumerate(bibliography_order)}
        for group in groups:
            remaining = self._resolve(group)
            if remaining and self.add_year_suffix:
                self._year_suffixes(remaining, position)
            if self.add_names and self.add_givenname:
                self._names_for_bibliography(group)

    def _names_for_bibliography(self, group: list[str]) -> None:
        """The entry shows at least the names that add-names gave its cite.

        Not in the spec: citeproc-js does so when a style adds both names and
        given names (MLA: cite "(Yilmaz, Okafor, et al.)", entry "Yilmaz, Priya,
        Ximena Okafor, et al." where the bibliography's et-al-use-first is 1)."""
        for item_id in group:
            state = self.engine.states[item_id]
            if state.et_al_extra:
                state.bibliography_names = self._shown(item_id)[1]

    def _resolve(self, group: list[str]) -> list[list[str]]:
        """Apply the steps to one group; the subgroups still ambiguous after them."""
        pending = [group]
        if self.add_names:
            pending = self._step(pending, self._try_names)
        if self.add_givenname and self.rule in ("by-cite", "all-names", "primary-name"):
            pending = self._step(pending, self._try_givennames)
            pending = self._step(pending, self._full_givennames)
        if self.uses_condition and pending:
            pending = self._step(pending, self._raise_condition_levels)
        return pending

    def _raise_condition_levels(self, group: list[str]) -> None:
        """Let one more disambiguate="true" test hold at a time, for the cites still
        alike, until none is or every test they meet holds (citeproc-js's order:
        Chicago's short notes gain their year before their publisher)."""
        waiting = [group]
        while waiting:
            for subgroup in waiting:
                for item_id in subgroup:
                    self.engine.states[item_id].disambiguate += 1
            waiting = [alike for subgroup in waiting for alike in self.ambiguous_groups(subgroup)
                       if any(self.engine.states[item_id].disambiguate < self._tests_met(item_id)
                              for item_id in alike)]

    def _step(self, pending, attempt):
        out = []
        for subgroup in pending:
            attempt(subgroup)
            out.extend(self.ambiguous_groups(subgroup))
        return out

    def _shown(self, item_id: str) -> tuple[list, int]:
        """The first name list a cite of the item renders, and how many it shows."""
        self.key(item_id)
        first = self.engine.last_first_names.get(item_id)
        return (first[0], first[1]) if first else ([], 0)

    def _try_names(self, group: list[str]) -> None:
        """Show more names on each item, as few as leave it the fewest look-alikes.

        Look-alikes are counted with one Counter per number of added names, so a
        large group costs its size times its longest name list, not its square."""
        level = 2 if self.add_givenname else 0
        lists = {}  # item id: (its people, as many as its cite shows)
        for item_id in group:
            names, shown = self._shown(item_id)
            lists[item_id] = ([_person(name, level) for name in names], shown)
        longest = max((len(people) - shown for people, shown in lists.values()), default=0)
        counters = [Counter(_identity(people, shown + extra)
                            for people, shown in lists.values()) for extra in range(longest + 1)]
        for item_id, (people, shown) in lists.items():
            best_extra, best_clashes = 0, None
            for extra in range(0, len(people) - shown + 1):
                clashes = counters[extra][_identity(people, shown + extra)] - 1
                if best_clashes is None or clashes < best_clashes:
                    best_extra, best_clashes = extra, clashes
                if clashes == 0:
                    break
            self.engine.states[item_id].et_al_extra = best_extra

    def _try_givennames(self, group: list[str]) -> None:
        """Expand the given names that share a family name with a different person's."""
        lists = {item_id: self._shown(item_id) for item_id in group}
        limit = 1 if self.rule.startswith("primary-name") else None
        # By cite, an expanded name prints its suffix and dropping particle too, so
        # "P. Yilmaz III" and "Q. von Nakamura" tell those people apart (citeproc-js).
        people = PeopleIndex(with_affixes=self.rule == "by-cite")  # by name position
        for names, shown in lists.values():
            for index, name in enumerate(names[:shown][:limit]):
                people.add(index, name)
        for item_id, (names, shown) in lists.items():
            state = self.engine.states[item_id]
            for index, name in enumerate(names[:shown][:limit]):
                needed = people.level_for(index, name)
                if needed:
                    state.given_levels[index] = max(state.given_levels.get(index, 0), needed)

    def _full_givennames(self, group: list[str]) -> None:
        """Initials did not tell the cites apart: write those given names out."""
        before = sum(len(g) for g in self.ambiguous_groups(group))
        saved = {item_id: dict(self.engine.states[item_id].given_levels) for item_id in group}
        for item_id in group:
            levels = self.engine.states[item_id].given_levels
            for index, level in levels.items():
                if level == 1:
                    levels[index] = 2
        if sum(len(g) for g in self.ambiguous_groups(group)) >= before:
            for item_id in group:  # no help: keep the initials
                self.engine.states[item_id].given_levels = saved[item_id]

    def _global_givennames(self, item_ids: list[str]) -> None:
        """all-names / primary-name rules: expand every name whose family is shared."""
        primary = self.rule.startswith("primary-name")
        people = PeopleIndex()
        # Each item's names looked up once for both passes (a context per look-up).
        considered = [(item_id, item_names_first(self.engine, item_id)[:1 if primary else None])
                      for item_id in item_ids]
        for _item_id, names in considered:
            for name in names:
                people.add(None, name)
        initials_only = self.rule.endswith("with-initials")
        for item_id, names in considered:
            state = self.engine.states[item_id]
            for index, name in enumerate(names):
                needed = people.level_for(None, name)
                if initials_only:
                    needed = 1 if needed == 1 else 0
                if needed:
                    state.given_levels[index] = needed

    def _year_suffixes(self, groups: list[list[str]], position: dict[str, int]) -> None:
        """a, b, c... in bibliography order within each group still ambiguous."""
        for group in groups:
            for number, item_id in enumerate(sorted(group, key=position.get)):
                self.engine.states[item_id].year_suffix = suffix_letters(number)


def _person(name: dict, level: int, with_affixes: bool = False) -> tuple:
    """The name as a cite shows it at a given-name level (0 family, 1 initials, 2 given).

    With `with_affixes` the suffix and dropping particle that an expanded name
    prints count too. The all-names and primary-name rules leave them out:
    there "Priya Yilmaz" and "Priya Yilmaz III" (or "Quentin von Nakamura")
    share a given name, so both keep their short form (citeproc-js does the same),
    while by-cite expansion compares the cites as printed."""
    if "literal" in name:
        return (name["literal"],)
    family = (name.get("non-dropping-particle", ""), name.get("family", ""))
    if level == 0:
        return family
    given = name.get("given", "")
    affixes = (name.get("dropping-particle", ""), name.get("suffix", "")) if with_affixes else ()
    if level == 1:
        return family + (tuple(word[:1] for word in given.replace("-", " ").split()),) + affixes
    return family + (given.replace(".", "").replace(" ", ""),) + affixes  # "J. J." is "J.J."


def _identity(people: list, count: int) -> tuple:
    """The first `count` people of a cite, and whether more are left out (et al.)."""
    return tuple(people[:count]) + (count < len(people),)


class PeopleIndex:
    """Distinct people by family name, to tell how much given name tells one apart."""

    def __init__(self, with_affixes: bool = False) -> None:
        self.with_affixes = with_affixes
        self.people: dict[tuple, set] = defaultdict(set)
        self.initials: dict[tuple, Counter] = defaultdict(Counter)
        self._forms: dict[int, tuple] = {}  # id of a name: (name, its three forms)

    def _forms_of(self, name: dict) -> tuple:
        """The name by family, with initials and with its given name (each name is
        asked for several times; the name is kept so that its id is not reused)."""
        known = self._forms.get(id(name))
        if known is None or known[0] is not name:
            affixes = self.with_affixes
            known = self._forms[id(name)] = (name, _person(name, 0), _person(name, 1, affixes),
                                             _person(name, 2, affixes))
        return known

    def add(self, key, name: dict) -> None:
        _name, by_family, with_initials, person = self._forms_of(name)
        family = (key, by_family)
        if person not in self.people[family]:
            self.people[family].add(person)
            self.initials[family][with_initials] += 1

    def level_for(self, key, name: dict) -> int:
        """0: no other person shares the family; 1: initials suffice; 2: full given name."""
        _name, by_family, with_initials, _person_form = self._forms_of(name)
        family = (key, by_family)
        if len(self.people[family]) < 2:
            return 0
        return 1 if self.initials[family][with_initials] == 1 else 2


def item_names_first(engine, item_id: str) -> list:
    item = engine.items[item_id]
    for variable in ("author", "editor", "translator", "composer", "director"):
        names = names_of(engine, item, variable)
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
