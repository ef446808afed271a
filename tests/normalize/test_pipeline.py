"""Tests for refmanager/normalize/pipeline.py and the front door in
refmanager/normalize/__init__.py: steps return changes and never edit, later
steps see earlier fixes, suggestions are not built on, rules switch off by name."""

from __future__ import annotations

from refmanager.changes import apply_changes
from refmanager.model import Document, Record
from refmanager.normalize import NormalizeConfig, default_pipeline, normalize
from refmanager.normalize.pipeline import Pipeline, RecordStep, run_pipeline


def document(*records: Record) -> Document:
    return Document("test.bib", "bibtex", list(records))


def test_normalize_does_not_edit_the_document():
    doc = document(Record("a", page="201-19", doi="doi:10.1000/x"))
    changes = normalize(doc)
    assert {change.rule for change in changes} == {"ExpandPageRange", "NormalizeDOI"}
    assert (doc.records[0].page, doc.records[0].doi) == ("201-19", "doi:10.1000/x")


def test_applying_the_changes_makes_them_and_a_second_run_finds_nothing():
    doc = document(Record("a", page="201-19", issn="14678705"))
    assert apply_changes(doc, normalize(doc)) == []
    assert (doc.records[0].page, doc.records[0].issn) == ("201–219", "1467-8705")
    assert normalize(doc) == []


class Double(RecordStep):
    def check(self, record_id, record):
        yield self.change(record_id, record, "volume", record.volume * 2, confidence=self.confidence)

    def __init__(self, confidence):
        self.confidence = confidence


def test_a_later_step_sees_an_accepted_fix():
    doc = document(Record("a", volume="1"))
    findings = run_pipeline(Pipeline([Double(1.0), Double(1.0)]), doc, NormalizeConfig())
    assert [(change.old, change.new) for change in findings.changes] == [("1", "11"), ("11", "1111")]


def test_a_later_step_does_not_build_on_a_suggestion():
    doc = document(Record("a", volume="1"))
    findings = run_pipeline(Pipeline([Double(0.5), Double(1.0)]), doc, NormalizeConfig())
    assert [(change.old, change.new) for change in findings.changes] == [("1", "11"), ("1", "11")]


def test_a_rule_switched_off_by_name_does_not_run():
    pipeline = default_pipeline(NormalizeConfig(disabled=frozenset({"ExpandPageRange"})))
    assert "ExpandPageRange" not in pipeline.names() and "NormalizeDOI" in pipeline.names()
    doc = document(Record("a", page="201-19"))
    assert normalize(doc, NormalizeConfig(disabled=frozenset({"ExpandPageRange"}))) == []
