"""Clustering: pairs judged the same work, joined into groups (union-find).

Only the matching pairs reach this step, one at a time, so memory grows with
the number of records, not of pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable


class Clusters:
    """Disjoint sets of record positions, grown one matching pair at a time."""

    def __init__(self, size: int):
        self._parent = list(range(size))

    def join(self, first: int, second: int) -> None:
        root_first, root_second = self._root(first), self._root(second)
        if root_first != root_second:
            self._parent[max(root_first, root_second)] = min(root_first, root_second)

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


def cluster(size: int, matches: Iterable[tuple[int, int]]) -> list[list[int]]:
    clusters = Clusters(size)
    for first, second in matches:
        clusters.join(first, second)
    return clusters.groups()
