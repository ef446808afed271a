"""Tests for refmanager/normalize/pipeline.py and the front door in
refmanager/normalize/__init__.py: steps return changes and never edit, later
steps see earlier fixes, suggestions are not built on, rules switch off by name,
and a step's `candidates` never leave out a record its `check` would touch."""

from __future__ import annotations

import pytest

from refmanager import api
from refmanager.changes import apply_changes
from refmanager.model import DateValue, Document, Record, RecordId
from refmanager.normalize import NormalizeConfig, default_pipeline, normalize
from refmanager.normalize.pipeline import DocumentStep, Pipeline, RecordStep, prepare_record_steps, run_pipeline


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


class Noting(DocumentStep):
    """Notes what the document steps before it shared, shares its own name, and doubles
    the volume of the first record."""

    def __init__(self, name, confidence):
        self.label, self.confidence, self.saw = name, confidence, None

    def check_sharing(self, identified, shared):
        self.saw = sorted(shared)
        shared[self.label] = True
        record_id, record = identified[0]
        yield self.change(record_id, record, "volume", record.volume * 2, confidence=self.confidence)


@pytest.mark.parametrize("confidence, shared", [(0.5, ["first"]), (1.0, [])],
                         ids=["a suggestion leaves what an earlier document step shared",
                              "a change made empties it, as the records may no longer say the same"])
def test_document_steps_share_what_they_work_out_until_a_change_is_made(confidence, shared):
    later = Noting("later", 1.0)
    run_pipeline(Pipeline([Noting("first", confidence), later]), document(Record("a", volume="1")),
                 NormalizeConfig())
    assert later.saw == shared


def test_a_document_step_that_shares_nothing_is_asked_by_check_all():
    class Volumes(DocumentStep):
        def check_all(self, identified):
            return [self.change(record_id, record, "volume", "2") for record_id, record in identified]

    findings = run_pipeline(Pipeline([Volumes()]), document(Record("a", volume="1")), NormalizeConfig())
    assert [change.new for change in findings.changes] == ["2"]


def test_a_rule_switched_off_by_name_does_not_run():
    pipeline = default_pipeline(NormalizeConfig(disabled=frozenset({"ExpandPageRange"})))
    assert "ExpandPageRange" not in pipeline.names() and "NormalizeDOI" in pipeline.names()
    doc = document(Record("a", page="201-19"))
    assert normalize(doc, NormalizeConfig(disabled=frozenset({"ExpandPageRange"}))) == []


class Counting(RecordStep):
    """Doubles the volume, and says it can touch only the records at `positions`."""

    def __init__(self, positions):
        self.positions, self.checked = positions, []

    def candidates(self, records):
        return self.positions

    def check(self, record_id, record):
        self.checked.append(record_id.position)
        yield self.change(record_id, record, "volume", record.volume * 2)


def test_a_step_is_not_asked_about_records_it_says_it_cannot_touch():
    step = Counting({1})
    findings = run_pipeline(Pipeline([step]), document(Record("a", volume="1"), Record("b", volume="2")),
                            NormalizeConfig())
    assert step.checked == [1] and [change.record.key for change in findings.changes] == ["b"]


def test_a_record_an_earlier_step_changed_is_checked_whatever_the_later_step_said():
    first, second = Counting(None), Counting(set())
    run_pipeline(Pipeline([first, second]), document(Record("a", volume="1")), NormalizeConfig())
    assert second.checked == [0]


# Entries with something for each rule to do (from the step tests' tables), and
# entries that need nothing: what `candidates` must tell apart without a miss.
_MESSY = r"""
@article{messy, Author = {SMITH, JOHN and Vlist, Eric von and King, Martin Luther Jr and A.G. Jones},
  title = {The structure of {DNA} in  Europe ,and America}, journal = {J. Am. Chem. Soc.},
  pages = {201-19}, doi = {https://doi.org/10.1000/XYZ}, isbn = {0306406152}, issn = {14678705},
  url = { <http://example.org/a b> }, language = {english}, year = {2001}, month = {jun}}
@misc{eprint, author = {World Health Organization}, title = {A study of Paris and the Americans},
  url = {https://arxiv.org/abs/2101.00001}, note = {x}, date = {Spring of the year 2001}}
@inproceedings{clean, author = {Ada Lovelace}, title = {Notes on the {Analytical} Engine},
  booktitle = {Proceedings of the Royal Society}, pages = {1--10}, year = {1843}}
@book{capitals, author = {mahmood, ali}, title = {A HISTORY OF LONDON, PARIS AND BERLIN}, publisher = {X},
  number = {arXiv:2101.00002}, year = {1999}}
"""


def _every_step():
    return default_pipeline(NormalizeConfig(enabled=frozenset({"ProtectTitleWords"}))).steps


def _steps_miss(records):
    """(step, position) for each record a step changes or reports on, but said it could not touch."""
    doc = Document("t.bib", "bibtex", records)
    missed = []
    for step in _every_step():
        if not isinstance(step, RecordStep):
            continue
        step.prepare(records, NormalizeConfig(enabled=frozenset({"ProtectTitleWords"})))
        candidates = step.candidates(records)
        for position, record in enumerate(records):
            found = list(step.check(RecordId(doc.path, position, record.key), record))
            if found and candidates is not None and position not in candidates:
                missed.append((step.name, position))
    return missed


def test_every_step_says_it_may_touch_each_messy_record_it_changes():
    records = api.loads(_MESSY * 3, "bibtex").records  # three of each, for the learned words
    records.append(Record("dated", dates={"issued": DateValue(literal="June 2001")}))  # as RIS gives it
    assert _steps_miss(records) == []


def test_the_steps_pass_over_records_they_cannot_touch():
    records = api.loads(_MESSY, "bibtex").records
    config = NormalizeConfig(enabled=frozenset({"ProtectTitleWords"}))
    plan = prepare_record_steps(default_pipeline(config), records, config)
    passed_over = {step.name for step, candidates in plan if candidates is not None and 2 not in candidates}
    assert {"NormalizeISBN", "FixNameCase", "FixTitleCase", "NormalizeURL"} <= passed_over


def test_every_step_says_it_may_touch_each_acl_record_it_changes(shared):
    text = (shared / "bench/bigbib/acl-anthology-88k.bib").read_text(encoding="utf-8")
    head = text[:text.index("\n@", 3_000_000)]  # some 5,000 entries
    assert _steps_miss(api.loads(head, "bibtex").records) == []
