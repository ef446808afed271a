"""Finding duplicates: columns, blocking, scoring and clustering, in that order."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from refmanager.dedupe.blocking import BlockingOptions, candidate_pairs
from refmanager.dedupe.clustering import cluster
from refmanager.dedupe.columns import WorkKey, work_key
from refmanager.dedupe.scoring import Comparison, Thresholds, compare
from refmanager.model import Record


@dataclass(frozen=True, slots=True)
class DedupeOptions:
    thresholds: Thresholds = Thresholds()
    blocking: BlockingOptions = BlockingOptions()
    merge_preprints: bool = False  # a preprint and its published version: related, or one work
    decisions: dict[frozenset, bool] = field(default_factory=dict)  # a person's review: pair -> same?


@dataclass(slots=True)
class DedupeResult:
    """Groups of record positions that describe one work, with the evidence."""

    clusters: list[list[int]]
    matches: list[Comparison]  # the pairs that joined the clusters
    review: list[Comparison]  # grey-zone pairs, for a person to decide
    related: list[Comparison]  # preprint and published version, not merged by default
    compared: int = 0  # how many pairs were scored


def find_duplicates(records: Sequence[Record], options: DedupeOptions = DedupeOptions(),
                    progress: Callable[[int], None] | None = None) -> DedupeResult:
    keys = [work_key(record, index) for index, record in enumerate(records)]
    if progress:
        progress(len(records))
    return find_in_columns(keys, options)


def find_in_columns(keys: Sequence[WorkKey], options: DedupeOptions = DedupeOptions()) -> DedupeResult:
    result = DedupeResult([], [], [], [])
    title_counts = Counter(key.title for key in keys)
    for first, second in candidate_pairs(keys, options.blocking):
        result.compared += 1
        common = _is_recurring(keys[first].title, title_counts)
        _judge(compare(keys[first], keys[second], common), options, result)
    result.clusters = cluster(len(keys), ((c.first, c.second) for c in result.matches))
    return result


def _is_recurring(title: str, title_counts: Counter) -> bool:
    """A short title that several records carry names a column, not a work
    ("Editor's notes", "Chair's message")."""
    return title_counts[title] > 2 and title.count(" ") < 3


def _judge(comparison: Comparison, options: DedupeOptions, result: DedupeResult) -> None:
    decided = options.decisions.get(frozenset((comparison.first, comparison.second)))
    same = comparison.score >= options.thresholds.match if decided is None else decided
    if comparison.related and same and not options.merge_preprints:
        result.related.append(comparison)
    elif same:
        result.matches.append(comparison)
    elif decided is None and comparison.score >= options.thresholds.review:
        result.review.append(comparison)
