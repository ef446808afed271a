"""Merging: one record per cluster, keeping every field and every key.

The most complete record of a cluster is the base; each field it lacks is taken
from the first other record that has it; a field the others give differently is
kept from the base and reported as a conflict. The keys of the merged records are
kept in the biblatex `ids` field, so `\\cite` commands written against any of
them keep working, and the report says enough to undo the merge.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from refmanager.dedupe.find import DedupeResult
from refmanager.model import Document, Record


@dataclass(slots=True)
class Merge:
    """One cluster merged: the record kept, the keys folded into it, what disagreed."""

    kept: str
    merged: list[str]
    filled: list[str] = field(default_factory=list)  # fields taken from the others
    conflicts: list[str] = field(default_factory=list)  # fields the others gave differently

    def to_json(self) -> dict:
        return {"kept": self.kept, "merged": self.merged, "filled": self.filled,
                "conflicts": self.conflicts}


def merge_clusters(records: list[Record], result: DedupeResult, path: str, format: str
                   ) -> tuple[Document, list[Merge]]:
    """A document holding each work once: merged records where clusters were found."""
    kept_at: dict[int, Record] = {}
    dropped: set[int] = set()
    merges = []
    for group in result.clusters:
        base_index = max(group, key=lambda index: (_completeness(records[index]), -index))
        merged, merge = merge_records(records[base_index], [records[i] for i in group if i != base_index])
        kept_at[min(group)] = merged
        dropped.update(group)
        merges.append(merge)
    blocks = [kept_at.get(index, record) for index, record in enumerate(records)
              if index in kept_at or index not in dropped]
    return Document(path, format, blocks), merges


def merge_records(base: Record, others: list[Record]) -> tuple[Record, Merge]:
    merged = copy.deepcopy(base)
    merge = Merge(base.key, [other.key for other in others])
    for other in others:
        for name in other.fields():
            value, mine = other.get(name), merged.get(name)
            if not mine:
                merged.set(name, value)
                merge.filled.append(name)
            elif mine != value and name not in merge.conflicts:
                merge.conflicts.append(name)
    _keep_keys(merged, merge.merged)
    return merged, merge


def _keep_keys(record: Record, keys: list[str]) -> None:
    bibtex = record.foreign.setdefault("bibtex", {})
    earlier = [key.strip() for key in bibtex.get("ids", "").strip("{}").split(",") if key.strip()]
    every = list(dict.fromkeys(earlier + [key for key in keys if key != record.key]))
    if every:
        bibtex["ids"] = "{" + ",".join(every) + "}"
    elif not bibtex:
        del record.foreign["bibtex"]


def _completeness(record: Record) -> int:
    return len(record.fields()) + sum(len(names) for names in record.creators.values())
