"""Tests for the review file (refmanager/dedupe/review.py) through refmanager.deduplicate."""

from __future__ import annotations

import json

import refmanager

# No authors, a year apart: too uncertain to merge, too close to ignore.
GREY = """@article{a, title = {Soft power and the South Caucasus}, year = 2010}
@article{b, title = {Soft power and the South Caucasus}, year = 2011}
"""


def test_grey_pairs_are_written_for_review_and_a_decision_is_honoured(tmp_path):
    source, review = tmp_path / "refs.bib", tmp_path / "review.json"
    source.write_text(GREY, encoding="utf-8")
    first = refmanager.deduplicate([str(source)], review=str(review))
    assert first.clusters() == []
    (pair,) = json.loads(review.read_text(encoding="utf-8"))["pairs"]
    assert pair["decision"] is None and len(pair["records"]) == 2 and "title" in pair["agreed"]

    pair["decision"] = "same"
    review.write_text(json.dumps({"pairs": [pair]}), encoding="utf-8")
    second = refmanager.deduplicate([str(source)], review=str(review))
    assert second.clusters() == [["a", "b"]]
    kept = json.loads(review.read_text(encoding="utf-8"))["pairs"]
    assert [p["decision"] for p in kept] == ["same"]  # the decision stays; nothing left to ask

    kept[0]["decision"] = "different"
    review.write_text(json.dumps({"pairs": kept}), encoding="utf-8")
    assert refmanager.deduplicate([str(source)], review=str(review)).clusters() == []
