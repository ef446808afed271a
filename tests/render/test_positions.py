"""Positions (refmanager/render/positions.py), per CSL 1.0.2 "Position"."""

import pytest

from refmanager.render.context import Cite
from refmanager.render.positions import PositionTracker


def positions(clusters, distance=5):
    tracker = PositionTracker(distance)
    seen = []
    for note, cluster in enumerate(clusters, start=1):
        cites = [Cite(id=key, locator=locator) for key, locator in cluster]
        tracker.place(cites, note)
        seen.append([(cite.position, cite.near_note) for cite in cites])
    return seen


@pytest.mark.parametrize("clusters, expected", [
    ([[("a", "")], [("a", "")]], ["first", "ibid"]),
    ([[("a", "")], [("a", "5")]], ["first", "ibid-with-locator"]),
    ([[("a", "5")], [("a", "5")]], ["first", "ibid"]),
    ([[("a", "5")], [("a", "")]], ["first", "subsequent"]),
    ([[("a", "")], [("b", "")], [("a", "")]], ["first", "first", "subsequent"]),
    ([[("a", ""), ("b", "")], [("b", "")]], ["first", "first", "subsequent"]),
    ([[("a", ""), ("a", "")]], ["first", "ibid"]),
], ids=["the same item again is ibid", "ibid with a new locator",
        "the same locator again is ibid", "dropping the locator is subsequent",
        "another item in between makes it subsequent",
        "a previous citation of several items is no ibid",
        "ibid within one citation"])
def test_positions(clusters, expected):
    flat = [position for cluster in positions(clusters) for position, _ in cluster]
    assert flat == expected


def test_near_note_counts_notes():
    clusters = [[("a", "")], [("b", "")], [("c", "")], [("a", "")]]
    assert positions(clusters, distance=2)[-1] == [("subsequent", False)]
    assert positions(clusters, distance=3)[-1] == [("subsequent", True)]
