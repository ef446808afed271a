"""collector_paused: the collector off inside, on again after, and nothing leaks.

Garbage cycles made inside the block must still be collected afterwards (the
block hands what it made to the oldest generation instead of letting the young
passes walk it); a program's own frozen objects stay frozen.
"""

import gc
import weakref

import pytest

from refmanager.collector import collector_paused


class Node:
    """An object the collector tracks, to build cycles from."""

    def __init__(self) -> None:
        self.partner = None


def _cycle_with_weakref() -> weakref.ref:
    first, second = Node(), Node()
    first.partner, second.partner = second, first
    return weakref.ref(first)


@pytest.fixture
def collector_enabled():
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    if not was_enabled:
        gc.disable()


def test_the_collector_is_off_inside_and_on_after(collector_enabled):
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_disabled_before_stays_disabled():
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        if was_enabled:
            gc.enable()


def test_a_cycle_left_inside_the_block_is_collected_afterwards(collector_enabled):
    with collector_paused():
        alive = _cycle_with_weakref()
    assert alive() is not None  # the collector did not run inside (nor on leaving)
    gc.collect()
    assert alive() is None


def test_a_nested_block_leaves_the_collector_off_for_the_outer_one(collector_enabled):
    with collector_paused():
        with collector_paused():
            pass
        assert not gc.isenabled()
        alive = _cycle_with_weakref()
    gc.collect()
    assert alive() is None


def test_what_the_block_made_moves_to_the_oldest_generation(collector_enabled):
    with collector_paused():
        made = Node()
    assert any(found is made for found in gc.get_objects(generation=2))
    assert not any(found is made for found in gc.get_objects(generation=0))


def test_objects_the_program_froze_stay_frozen(collector_enabled):
    gc.freeze()
    try:
        frozen_before = gc.get_freeze_count()
        with collector_paused():
            _cycle_with_weakref()
        assert gc.get_freeze_count() == frozen_before
    finally:
        gc.unfreeze()
