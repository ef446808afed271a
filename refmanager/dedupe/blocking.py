"""Blocking: which pairs of records are worth comparing at all.

Each record gets a few blocking keys (its DOI; its rarest title words; its first
author's family name with the year). Records sharing a key form a block, and only
pairs inside a block are compared, so the cost grows with the block sizes, not
with the square of the input. A pair that shares several keys is compared once:
in the block of the smallest key the two share. So no step holds the set of all
pairs; each block is enumerated on its own (the same rule runs as a self-join on
the key column in SQL).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from refmanager.dedupe.columns import WorkKey

# Words too common to tell works apart, in the folded form titles are compared in.
STOPWORDS = frozenset(
    "a an the of in on for and or to with by from at as is are be its via using towards toward "
    "into over under about between new study analysis approach based de la le les der die das und "
    "el en des du et".split())


@dataclass(frozen=True, slots=True)
class BlockingOptions:
    title_words: int = 2  # the rarest words of a title that each make a key
    largest_block: int = 400  # a bigger block (a common word) is not enumerated


def blocking_keys(key: WorkKey, word_counts: Counter, title_words: int = 2) -> list[str]:
    keys = [f"doi:{key.doi}"] if key.doi else []
    words = sorted({w for w in key.title.split() if len(w) > 2 and w not in STOPWORDS},
                   key=lambda word: (word_counts[word], word))
    keys += [f"word:{word}" for word in words[:title_words]]
    if key.families and key.year:
        keys.append(f"author-year:{key.families[0].split()[-1]}:{key.year}")
    if len(key.title) >= 12:
        keys.append(f"title-start:{key.title[:12]}")
    return sorted(keys)


def title_word_counts(keys: Sequence[WorkKey]) -> Counter:
    counts: Counter = Counter()
    for key in keys:
        counts.update(set(key.title.split()))
    return counts


def candidate_pairs(keys: Sequence[WorkKey], options: BlockingOptions = BlockingOptions()
                    ) -> Iterator[tuple[int, int]]:
    """Every pair of records that share a blocking key, once each."""
    counts = title_word_counts(keys)
    record_keys = [blocking_keys(key, counts, options.title_words) for key in keys]
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, own in enumerate(record_keys):
        for block_key in own:
            blocks[block_key].append(index)
    enumerated = {block_key for block_key, members in blocks.items()
                  if 2 <= len(members) and (len(members) <= options.largest_block
                                            or block_key.startswith("doi:"))}
    # A pair is compared in the smallest key it shares among the blocks enumerated.
    record_keys = [[k for k in own if k in enumerated] for own in record_keys]
    for block_key in sorted(enumerated):
        yield from _pairs_first_shared_in(block_key, blocks[block_key], record_keys)


def _pairs_first_shared_in(block_key: str, members: list[int], record_keys: list[list[str]]
                           ) -> Iterator[tuple[int, int]]:
    for position, first in enumerate(members):
        first_keys = record_keys[first]
        for second in members[position + 1:]:
            shared = next(k for k in first_keys if k in record_keys[second])
            if shared == block_key:  # keys are sorted: the first shared is the smallest
                yield first, second
