"""The review file: grey-zone pairs for a person to decide, and their decisions.

`refman dedupe --review review.json` writes every pair scored between the review
and match thresholds, with what agreed and disagreed, and `"decision": null`.
A person sets each decision to `"same"` or `"different"`; the next run with the
same file honours them (a "same" pair is merged, a "different" one never is) and
keeps them in the file. Records are named by file, position and key, so two
entries sharing a key stay apart.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from refmanager.dedupe.scoring import Comparison

DECISIONS = {"same": True, "different": False}


def read_decisions(text: str) -> dict[frozenset, bool]:
    """The decided pairs of a review file, by the identities of their two records."""
    decided = {}
    for pair in json.loads(text).get("pairs", []):
        decision = pair.get("decision")
        if decision in DECISIONS:
            decided[frozenset(pair["records"])] = DECISIONS[decision]
    return decided


def review_text(grey: Sequence[Comparison], identities: Sequence[str],
                decided: dict[frozenset, bool]) -> str:
    """The review file: earlier decisions kept, then the pairs still to decide."""
    spelled = {value: word for word, value in DECISIONS.items()}
    pairs = [{"records": sorted(pair), "decision": spelled[same]} for pair, same in decided.items()]
    for comparison in grey:
        pairs.append({"records": [identities[comparison.first], identities[comparison.second]],
                      "score": round(comparison.score, 3), "agreed": comparison.agreed,
                      "disagreed": comparison.disagreed, "decision": None})
    return json.dumps({"pairs": pairs}, indent=2, ensure_ascii=False) + "\n"
