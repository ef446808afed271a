"""Tests for blocking (refmanager/dedupe/blocking.py): every pair once, and few pairs."""

from __future__ import annotations

import itertools

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


def test_a_common_word_block_is_skipped_but_its_pairs_meet_in_another_block():
    same_author = [record(f"Power {word}", "Nye", 2004) for word in ("alpha", "beta")]
    crowd = [record(f"Power crowd {n}", f"X{n}", 1950) for n in range(20)]
    keys = [work_key(r, i) for i, r in enumerate(same_author + crowd)]
    pairs = set(candidate_pairs(keys, BlockingOptions(largest_block=10)))
    assert (0, 1) in pairs  # met in the author-year block
    assert not any(set(pair) <= set(range(2, 22)) for pair in itertools.islice(pairs, None))
