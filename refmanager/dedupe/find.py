"""Finding duplicates: columns, blocking, scoring and clustering, in that order."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from refmanager.dedupe.blocking import BlockingOptions, candidate_pairs
from refmanager.dedupe.clustering import Clusters
from refmanager.dedupe.columns import WorkKey, work_key
from refmanager.dedupe.scoring import Comparison, Thresholds, compare
from refmanager.model import Record


@dataclass(frozen=True, slots=True)
class DedupeOptions:
    thresholds: Thresholds = Thresholds()
    blocking: BlockingOptions = BlockingOptions()
    merge_preprints: bool = False  # a preprint and its published version: related, or one work
    # An erratum, reply or comment and its article: related, or one record (as systematic
    # reviewers count studies: the haematology set of ../shared/bench/dedupe is labelled so).
    attach_notices: bool = False
    decisions: dict[frozenset, bool] = field(default_factory=dict)  # a person's review: pair -> same?


@dataclass(slots=True)
class DedupeResult:
    """Groups of record positions that describe one work, with the evidence."""

    clusters: list[list[int]]
    matches: list[Comparison]  # the pairs that joined the clusters
    review: list[Comparison]  # grey-zone pairs, for a person to decide
    related: list[Comparison]  # preprint and published version, not merged by default
    compared: int = 0  # how many pairs were scored


def find_duplicates(records: Sequence[Record], options: DedupeOptions = DedupeOptions()) -> DedupeResult:
    keys = [work_key(record, index) for index, record in enumerate(records)]
    return find_in_columns(keys, options)


def find_in_columns(keys: Sequence[WorkKey], options: DedupeOptions = DedupeOptions()) -> DedupeResult:
    result = DedupeResult([], [], [], [])
    recurring = _recurring_titles(keys)
    clusters = Clusters(len(keys))
    for first, second in candidate_pairs(keys, options.blocking):
        result.compared += 1
        common = keys[first].title in recurring or keys[second].title in recurring
        comparison = compare(keys[first], keys[second], common)
        if _judge(comparison, options, result):
            clusters.keep_apart(first, second)
    _join_strongest_first(clusters, result, options.decisions)
    result.clusters = clusters.groups()
    return result


def _join_strongest_first(clusters: Clusters, result: DedupeResult,
                          decisions: dict[frozenset, bool]) -> None:
    """A match that would chain two works found distinct (a bare record matching a
    paper's conference and journal versions alike) is refused, and left for review.
    A person's "same" comes first, so that no stronger score takes its place."""
    result.matches.sort(key=lambda c: (frozenset((c.first, c.second)) not in decisions, -c.score,
                                       c.first, c.second))
    joined = []
    for comparison in result.matches:
        (joined if clusters.join(comparison.first, comparison.second) else result.review).append(comparison)
    result.matches = joined


def _recurring_titles(keys: Sequence[WorkKey]) -> set[str]:
    """Titles that name a column rather than a work ("Editor's notes", "Reminiscences on
    influential papers"): short, and carried by three or more records in more than one year."""
    years: dict[str, set] = {}
    for key in keys:
        years.setdefault(key.title, set()).add(key.year)
    counts = Counter(key.title for key in keys)
    return {title for title, seen in years.items()
            if counts[title] > 2 and len(seen - {None}) > 1 and title.count(" ") < 5}


def _judge(comparison: Comparison, options: DedupeOptions, result: DedupeResult) -> bool:
    """File the pair as a match, a related pair or one to review; say whether the two
    are different works (a person's decision, a guard, or evidence well below review)."""
    decided = options.decisions.get(frozenset((comparison.first, comparison.second)))
    if decided is None and comparison.related == "notice":  # two items, one study
        (result.matches if options.attach_notices else result.related).append(comparison)
        return not options.attach_notices
    same = comparison.score >= options.thresholds.match if decided is None else decided
    if comparison.related and same and not options.merge_preprints:
        result.related.append(comparison)
    elif same:
        result.matches.append(comparison)
    elif decided is None and comparison.score >= options.thresholds.review:
        result.review.append(comparison)
    if decided is not None:
        return not decided
    return comparison.distinct_score < options.thresholds.apart
