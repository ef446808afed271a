"""Clustering: pairs judged the same work, joined into groups (union-find).

Matching is transitive only up to a point: a bare record (a title and two
authors, no year, no venue) matches a paper's conference version and its
journal version alike, and would chain the two into one group, though the pair
compared directly said "two works". So the comparisons that found two records
to be different works are kept as constraints, and matches are joined strongest
first: a match that would put two such records in one group is refused (and
left for review). Only the matching pairs and these constraints reach this step,
one at a time, so memory grows with the number of records and of those pairs,
never with all the pairs compared.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable


class Clusters:
    """Disjoint sets of record positions, grown one matching pair at a time, never
    joining two records that were found to be different works."""

    def __init__(self, size: int):
        self._parent = list(range(size))
        self._apart: dict[int, set[int]] = {}  # a group's root -> records it must not take in

    def keep_apart(self, first: int, second: int) -> None:
        self._apart.setdefault(self._root(first), set()).add(second)
        self._apart.setdefault(self._root(second), set()).add(first)

    def join(self, first: int, second: int) -> bool:
        """Join the groups of the two records, unless one holds a record kept apart
        from the other's; say whether they are (now) one group."""
        root_first, root_second = self._root(first), self._root(second)
        if root_first == root_second:
            return True
        if self._conflict(root_first, root_second):
            return False
        kept, joined = min(root_first, root_second), max(root_first, root_second)
        self._parent[joined] = kept
        if joined in self._apart:
            self._apart.setdefault(kept, set()).update(self._apart.pop(joined))
        return True

    def _conflict(self, root_first: int, root_second: int) -> bool:
        apart_first = self._apart.get(root_first, ())
        apart_second = self._apart.get(root_second, ())
        if len(apart_first) > len(apart_second):  # look through the smaller set
            apart_first, root_second = apart_second, root_first
        return any(self._root(record) == root_second for record in apart_first)

    def _root(self, item: int) -> int:
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]  # halve the path as we go
            item = parent[item]
        return item

    def groups(self) -> list[list[int]]:
        """Groups of two or more, each in input order, in the order of their first member."""
        members: dict[int, list[int]] = defaultdict(list)
        for item in range(len(self._parent)):
            members[self._root(item)].append(item)
        return [group for group in members.values() if len(group) > 1]


def cluster(size: int, matches: Iterable[tuple[int, int]],
            apart: Iterable[tuple[int, int]] = ()) -> list[list[int]]:
    """Groups from matching pairs, given strongest first, never joining a pair in `apart`."""
    clusters = Clusters(size)
    for first, second in apart:
        clusters.keep_apart(first, second)
    for first, second in matches:
        clusters.join(first, second)
    return clusters.groups()
