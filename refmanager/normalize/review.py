"""The review file: the suggestions of `refman clean` for a person to decide, and
the decisions, so that a suggestion declined once is not offered again.

`refman clean FILE --review review.json` (or `review = "review.json"` in the
configuration) writes every suggestion with `"decision": null`. A person sets
each to `"accept"` or `"decline"`; the next run with the same file honours them
(an accepted suggestion is made as a fix, a declined one is no longer reported)
and keeps them in the file. A suggestion is known by its record's key, field,
rule, and old and new values, so it is recognised in the cleaned file written
with `-o` as well; if the record's value changes, the suggestion is a new one
and asked again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from refmanager.changes import Change, value_to_json
from refmanager.errors import InputError
from refmanager.jsontext import json_text

DECISIONS = ("accept", "decline")


def _identity(key: str, field: str, rule: str, old, new) -> str:
    return json.dumps([key, field, rule, old, new], ensure_ascii=False, sort_keys=True)


def identity(change: Change) -> str:
    """What a suggestion is known by from one run to the next."""
    return _identity(change.record.key, change.field, change.rule,
                     value_to_json(change.old), value_to_json(change.new))


class Decisions:
    """The decided suggestions of a review file, and the entries it holds."""

    def __init__(self, entries: list[dict] | None = None, path: str = ""):
        self.path = path
        self.entries = entries or []
        self.by_identity = {_identity(entry["record"], entry["field"], entry["rule"], entry["old"],
                                      entry["new"]): entry["decision"]
                            for entry in self.entries if entry.get("decision") in DECISIONS}

    def __bool__(self) -> bool:
        return bool(self.by_identity)

    def decision(self, change: Change) -> str | None:
        """"accept", "decline", or None when the suggestion is not decided."""
        return self.by_identity.get(identity(change)) if self.by_identity else None


def read_review(path: str) -> Decisions:
    """The decisions of a review file; none when the file does not exist yet."""
    if not Path(path).exists():
        return Decisions(path=path)
    try:
        entries = json.loads(Path(path).read_text(encoding="utf-8"))["suggestions"]
        decisions = Decisions(entries, path)
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise InputError(f"{path}: not a review file written by refman clean --review ({error})") from None
    for entry in entries:
        if entry.get("decision") not in (*DECISIONS, None):
            raise InputError(f"{path}: decision {entry['decision']!r} for {entry['record']!r}: "
                             "use \"accept\", \"decline\" or null")
    return decisions


def review_text(decisions: Decisions, suggestions: Iterable[tuple[str, Change]],
                decline_undecided: bool = False) -> str:
    """The review file: the earlier decisions kept, then this run's suggestions still to
    decide (`source`: the file each came from); `decline_undecided` declines those."""
    entries = [entry for entry in decisions.entries if entry.get("decision") in DECISIONS]
    seen = set(decisions.by_identity)
    for source, change in suggestions:
        if identity(change) in seen:
            continue
        seen.add(identity(change))
        entries.append({"record": change.record.key, "source": source, "field": change.field,
                        "rule": change.rule, "old": value_to_json(change.old),
                        "new": value_to_json(change.new), "evidence": change.evidence,
                        "confidence": change.confidence,
                        "decision": "decline" if decline_undecided else None})
    return json_text({"suggestions": entries}, lines_from=2)  # one suggestion a line
