"""Tests for clustering (refmanager/dedupe/clustering.py): union-find that never joins
two records found to be different works."""

from __future__ import annotations

import pytest

from refmanager.dedupe.clustering import Clusters, cluster


def test_matches_are_joined_transitively():
    assert cluster(5, [(0, 1), (1, 2), (3, 4)]) == [[0, 1, 2], [3, 4]]


@pytest.mark.parametrize("matches, groups", [
    # A bare record (2) matches a conference paper (0) and its journal version (1) alike:
    # the pair compared directly said two works, so 2 joins the first it meets only.
    pytest.param([(0, 2), (1, 2)], [[0, 2]], id="a bare record does not chain two versions"),
    pytest.param([(1, 2), (0, 2)], [[1, 2]], id="whichever version it meets first keeps it"),
    pytest.param([(0, 3), (3, 4), (4, 1)], [[0, 3, 4]], id="nor does a longer chain"),
])
def test_records_kept_apart_never_share_a_group(matches, groups):
    assert cluster(5, matches, apart=[(0, 1)]) == groups


def test_a_refused_join_is_reported():
    clusters = Clusters(3)
    clusters.keep_apart(0, 1)
    assert clusters.join(0, 2) is True
    assert clusters.join(2, 1) is False
    assert clusters.groups() == [[0, 2]]


def test_a_constraint_follows_a_group_as_it_grows():
    clusters = Clusters(6)
    clusters.keep_apart(0, 5)
    for first, second in [(0, 1), (2, 3), (1, 2), (4, 5)]:
        clusters.join(first, second)
    assert clusters.join(3, 4) is False  # 3 is with 0 now, and 4 with 5
