"""Tests for refmanager/normalize/review.py: suggestions decided in a review file are
made (accepted) or no longer offered (declined), and the file keeps the decisions."""

from __future__ import annotations

import json

import pytest

from refmanager.errors import InputError
from refmanager.model import Document, Record
from refmanager.normalize import NormalizeConfig
from refmanager.normalize.pipeline import Pipeline, RecordStep, run_pipeline
from refmanager.normalize.review import Decisions, read_review, review_text


class Double(RecordStep):
    """Doubles the volume, unsure of itself: every change it proposes is a suggestion."""

    def check(self, record_id, record):
        yield self.change(record_id, record, "volume", record.volume * 2, "doubled", 0.5)


def findings_with(decision: str | None):
    document = Document("t.bib", "bibtex", [Record("a", volume="1")])
    first = run_pipeline(Pipeline([Double()]), document, NormalizeConfig())
    decisions = Decisions(json.loads(review_text(Decisions(), [("t.bib", first.changes[0])]))["suggestions"])
    decisions = Decisions([{**entry, "decision": decision} for entry in decisions.entries])
    return run_pipeline(Pipeline([Double(), Double()]), document, NormalizeConfig(), decisions=decisions)


def test_an_undecided_suggestion_is_still_offered():
    findings = findings_with(None)
    assert [(change.old, change.new) for change in findings.suggestions(0.9)] == [("1", "11"), ("1", "11")]


def test_an_accepted_suggestion_is_made_and_later_steps_build_on_it():
    findings = findings_with("accept")
    assert [(change.old, change.new) for change in findings.fixes(0.9)] == [("1", "11")]
    assert [(change.old, change.new) for change in findings.suggestions(0.9)] == [("11", "1111")]


def test_a_declined_suggestion_is_neither_made_nor_offered():
    findings = findings_with("decline")
    assert findings.fixes(0.9) == [] and findings.suggestions(0.9) == []
    assert len(findings.declined) == 2  # the second step proposes the same change: declined too


def test_the_review_file_keeps_decisions_and_adds_new_suggestions_undecided(tmp_path):
    document = Document("t.bib", "bibtex", [Record("a", volume="1"), Record("b", volume="2")])
    a, b = run_pipeline(Pipeline([Double()]), document, NormalizeConfig()).changes
    path = tmp_path / "review.json"
    path.write_text(review_text(Decisions(), [("t.bib", a)]).replace("null", '"decline"'))
    written = json.loads(review_text(read_review(str(path)), [("t.bib", a), ("t.bib", b)]))["suggestions"]
    assert [(entry["record"], entry["decision"]) for entry in written] == [("a", "decline"), ("b", None)]
    declined = json.loads(review_text(read_review(str(path)), [("t.bib", b)], decline_undecided=True))
    assert [entry["decision"] for entry in declined["suggestions"]] == ["decline", "decline"]


def test_a_review_file_that_does_not_exist_yet_decides_nothing(tmp_path):
    assert not read_review(str(tmp_path / "new.json"))


@pytest.mark.parametrize("text, message", [
    pytest.param('{"suggestions": [{"record": "a", "field": "volume", "rule": "R", "old": "1", "new": "2", '
                 '"decision": "yes"}]}', "use \"accept\", \"decline\" or null", id="an unknown decision is named"),
    pytest.param("[1, 2", "not a review file", id="broken JSON is reported with the file"),
])
def test_a_bad_review_file_is_a_one_line_error(tmp_path, text, message):
    path = tmp_path / "review.json"
    path.write_text(text)
    with pytest.raises(InputError, match=message) as raised:
        read_review(str(path))
    assert str(path) in str(raised.value)
