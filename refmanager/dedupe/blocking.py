"""Blocking: which pairs of records are worth comparing at all.

Each record gets a few blocking keys (its DOI; its rarest title words; its first
author's family name with the year). Records sharing a key form a block, and only
pairs inside a block are compared, so the cost grows with the block sizes, not
with the square of the input; a block too big to enumerate (a common word) is
sorted by title and each record meets only its next neighbours there (a sorted
neighbourhood). A pair that shares several keys is compared once: in the block
of the smallest key that brings the two together. So no step holds the set of
all pairs; each block is enumerated on its own (the same rule runs as a
self-join on the key column in SQL).
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
    largest_block: int = 30  # a bigger block (a common word) is not enumerated whole...
    largest_author_block: int = 60  # ...nor a first author's year, worth a little more
    window: int = 8  # in a bigger block, each record meets its next neighbours by title


def blocking_keys(key: WorkKey, word_counts: Counter, title_words: int = 2) -> list[str]:
    keys = [f"doi:{key.doi}"] if key.doi else []
    words = sorted({w for w in key.title.split() if len(w) > 2 and w not in STOPWORDS},
                   key=lambda word: (word_counts[word], word))
    keys += [f"word:{word}" for word in words[:title_words]]
    if key.families and key.year:
        keys.append(f"author-year:{key.families[0].split()[-1]}:{key.year}")
    if len(key.title) >= 20:
        keys.append(f"title-start:{key.title[:20]}")
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
    blocks = {block_key: members for block_key, members in blocks.items() if len(members) > 1}
    # A block too big to enumerate (a common word, a popular paper cited 200 times) is
    # sorted by title and each record compared with its next neighbours only.
    windowed = {block_key for block_key, members in blocks.items()
                if len(members) > _largest(block_key, options)}
    places: list[dict[str, int]] = [{} for _ in keys]
    for block_key in windowed:
        blocks[block_key].sort(key=lambda index: _sorting_title(keys[index].title))
        for place, index in enumerate(blocks[block_key]):
            places[index][block_key] = place
    record_keys = [[k for k in own if k in blocks] for own in record_keys]
    meeting = _Meeting(record_keys, places, options.window)
    for block_key in sorted(blocks):
        members = blocks[block_key]
        reach = options.window if block_key in windowed else len(members)
        for place, first in enumerate(members):
            for second in members[place + 1:place + 1 + reach]:
                if meeting.first_shared(first, second) == block_key:
                    yield (first, second) if first < second else (second, first)


def _sorting_title(title: str) -> str:
    """The title a sorted neighbourhood orders by: without a leading article, so that
    "an introduction to..." sorts beside "introduction to..."."""
    first, _, rest = title.partition(" ")
    return rest if first in _ARTICLES and rest else title


_ARTICLES = frozenset("a an the".split())


class _Meeting:
    """Where a pair is compared: the smallest key whose block brings the two together
    (any shared key of a block enumerated whole; a windowed block's key only when
    the two are within its window)."""

    def __init__(self, record_keys: list[list[str]], places: list[dict[str, int]], window: int):
        self.record_keys, self.places, self.window = record_keys, places, window

    def first_shared(self, first: int, second: int) -> str | None:
        second_keys = self.record_keys[second]
        first_places, second_places = self.places[first], self.places[second]
        for block_key in self.record_keys[first]:  # sorted: the first found is the smallest
            if block_key not in second_keys:
                continue
            if block_key not in first_places:
                return block_key
            if abs(first_places[block_key] - second_places[block_key]) <= self.window:
                return block_key
        return None


def _largest(block_key: str, options: BlockingOptions) -> float:
    if block_key.startswith("doi:"):
        return float("inf")  # one DOI, one work: however many copies
    if block_key.startswith("author-year:"):
        return options.largest_author_block
    return options.largest_block
