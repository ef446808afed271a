"""Tests for blocking (refmanager/dedupe/blocking.py): every pair once, and few pairs."""

from __future__ import annotations

from refmanager.dedupe.blocking import BlockingOptions, candidate_pairs
from refmanager.dedupe.columns import work_key
from refmanager.model import DateValue, Name, Record


def record(title: str, family: str, year: int, doi: str = "") -> Record:
    made = Record("k", type="article-journal", title=title, doi=doi)
    made.creators["author"] = [Name(family=family)]
    made.dates["issued"] = DateValue(((year,),))
    return made


def test_a_pair_that_shares_many_keys_is_compared_once():
    twins = [record("Soft power in Russian foreign policy", "Nye", 2004, "10.1/x")] * 2
    keys = [work_key(r, i) for i, r in enumerate(twins)]
    assert list(candidate_pairs(keys)) == [(0, 1)]


def test_pairs_grow_with_the_blocks_not_with_the_square_of_the_input():
    records = [record(f"Title number {n} on topic {chr(97 + n % 26)}{n}", f"Author{n}", 1990 + n % 30)
               for n in range(3000)]
    keys = [work_key(r, i) for i, r in enumerate(records)]
    pairs = list(candidate_pairs(keys))
    assert len(pairs) < 3000 * 20  # all pairs would be 4.5 million
    assert len(set(pairs)) == len(pairs)


def test_a_big_block_is_compared_by_sorted_neighbourhood_only():
    crowd = [record(f"Power crowd {n:03d}", f"X{n}", 1950 + n) for n in range(200)]
    keys = [work_key(r, i) for i, r in enumerate(crowd)]
    options = BlockingOptions(largest_block=10, window=5)
    pairs = list(candidate_pairs(keys, options))
    assert len(pairs) <= 200 * 5  # not the 19,900 pairs of the whole block
    assert (0, 1) in pairs and (0, 150) not in pairs  # neighbours by title meet; far ones do not


def test_a_pair_far_apart_in_a_big_block_still_meets_in_a_small_one():
    crowd = [record(f"Power crowd {n:03d}", "Crowd", 1950 + n) for n in range(100)]
    twins = [record("Power crowd 000 soft", "Nye", 2004), record("Power crowd 999 soft", "Nye", 2004)]
    keys = [work_key(r, i) for i, r in enumerate(twins + crowd)]
    assert (0, 1) in set(candidate_pairs(keys, BlockingOptions(largest_block=10, window=2)))
