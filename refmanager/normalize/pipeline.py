"""The normalization pipeline: small named steps, run in order over a document.

A step looks at one record (a `RecordStep`) or at the whole file (a
`DocumentStep`, for what only shows across records: the spellings of one
person, the variants of one venue) and returns `Change`s; it never edits the
record itself. The pipeline makes each accepted change on a working copy of
the record, so the next step sees it, and returns every change in order, so
that `apply_changes` can replay exactly them on the document.

A change whose confidence is below the configured threshold is a suggestion:
returned, but not made on the working copy (later steps do not build on it).
A step may also find what it cannot fix (an ISBN whose check digit is wrong):
it yields a `Problem` for that, located at the record.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from refmanager.changes import Change, field_value, set_field_value
from refmanager.errors import Problem
from refmanager.model import Document, FieldValue, Record, RecordId
from refmanager.normalize.config import NormalizeConfig

if TYPE_CHECKING:
    from refmanager.normalize.review import Decisions


class Step:
    """A named normalization rule; its class name is its rule name in reports and config."""

    #: What the step does, in a few words, for `refman clean --list-rules`-like summaries.
    summary = ""

    @property
    def name(self) -> str:
        return type(self).__name__

    def problem(self, record: Record, message: str) -> Problem:
        """A finding about the record that the step cannot fix by itself."""
        line = record.origin.line if record.origin else 0
        path = record.origin.path if record.origin else ""
        return Problem(path, line, f"record {record.key!r}: {message} ({self.name})", "warning")

    def change(self, record_id: RecordId, record: Record, field_name: str, new: FieldValue,
               evidence: str = "", confidence: float = 1.0) -> Change:
        """A change of one field of `record` (a `changes.field_value` name) from its
        current value to `new`."""
        return Change(record_id, field_name, field_value(record, field_name), new, self.name,
                      evidence, confidence)


class RecordStep(Step):
    """A step that needs only the record in front of it."""

    def prepare(self, records: list[Record], config: NormalizeConfig) -> None:
        """Learn what the step needs from the whole file before the first record (optional)."""

    def candidates(self, records: list[Record]) -> Collection[int] | None:
        """The positions of the records, as read, that the step may change or report on;
        None: any. A cheap test over the whole file, asked after `prepare`, that spares
        a call of `check` for each record the step cannot touch (most records, for most
        steps). A record that an earlier step changed is checked whatever this says."""
        return None

    def check(self, record_id: RecordId, record: Record) -> Iterable[Change | Problem]:
        raise NotImplementedError


class DocumentStep(Step):
    """A step that compares records with each other; it runs after every record step."""

    def check_all(self, identified: list[tuple[RecordId, Record]]) -> Iterable[Change]:
        raise NotImplementedError

    def check_sharing(self, identified: list[tuple[RecordId, Record]], shared: dict) -> Iterable[Change]:
        """`check_all`, where `shared` holds what the document steps before worked out of
        these same records (a table of their names, say), and what this one works out
        is kept for the later ones; `run_document_steps` empties it when it makes a
        change. By default, `check_all`."""
        return self.check_all(identified)


@dataclass(slots=True)
class Pipeline:
    """Steps in the order they run."""

    steps: list[Step] = field(default_factory=list)

    def names(self) -> list[str]:
        return [step.name for step in self.steps]

    def without(self, names: Iterable[str]) -> "Pipeline":
        """The same pipeline with the named steps switched off."""
        off = set(names)
        return Pipeline([step for step in self.steps if step.name not in off])


Progress = Callable[[int], None]


@dataclass(slots=True)
class Findings:
    """What a run found: changes in the order they apply, and problems it could not fix."""

    changes: list[Change] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # Suggestions that a review file decided: accepted ones are made (and are in
    # `changes`), declined ones are neither made nor in `changes`.
    accepted_on_review: list[Change] = field(default_factory=list)
    declined: list[Change] = field(default_factory=list)

    def fixes(self, threshold: float) -> list[Change]:
        """The changes to make: sure enough, or accepted on review."""
        if not self.accepted_on_review:
            return accepted(self.changes, threshold)
        reviewed = {id(change) for change in self.accepted_on_review}
        return [change for change in self.changes if change.confidence >= threshold or id(change) in reviewed]

    def extend(self, later: "Findings") -> None:
        """Add what a later part of the file gave (`refmanager.clean_parts`)."""
        self.changes += later.changes
        self.problems += later.problems
        self.accepted_on_review += later.accepted_on_review
        self.declined += later.declined

    def suggestions(self, threshold: float) -> list[Change]:
        """The changes only proposed, for a person to decide."""
        reviewed = {id(change) for change in self.accepted_on_review}
        return [change for change in suggested(self.changes, threshold) if id(change) not in reviewed]


def run_pipeline(pipeline: Pipeline, document: Document, config: NormalizeConfig,
                 progress: Progress | None = None, decisions: Decisions | None = None) -> Findings:
    """Every change the pipeline proposes for the document, and every problem it found.

    The document is not modified; `progress`, if given, is called with the
    number of records done since its last call; `decisions` (a review file's)
    make or silence the suggestions they name.
    """
    records = document.records
    findings = Findings()
    plan = prepare_record_steps(pipeline, records, config)
    identified = run_record_steps(plan, document.path, records, config, findings, decisions, progress)
    run_document_steps(pipeline, identified, records, config, findings, decisions)
    return findings


#: Each record step with the positions it may touch (`RecordStep.candidates`; None: any).
StepPlan = list[tuple["RecordStep", "Collection[int] | None"]]


def prepare_record_steps(pipeline: Pipeline, records: list[Record], config: NormalizeConfig) -> StepPlan:
    """Let each record step learn from the file, then ask it which records it may touch."""
    record_steps = [step for step in pipeline.steps if isinstance(step, RecordStep)]
    for step in record_steps:
        step.prepare(records, config)
    return [(step, step.candidates(records)) for step in record_steps]


def run_record_steps(plan: StepPlan, path: str, records: list[Record], config: NormalizeConfig,
                     findings: Findings, decisions: Decisions | None = None,
                     progress: Progress | None = None) -> list[tuple[RecordId, Record]]:
    """Each record as the record steps leave it (the original if none changed it), by its id."""
    return check_records(plan, path, records, range(len(records)), config, findings, decisions, progress)


def check_records(plan: StepPlan, path: str, records: list[Record], positions: range, config: NormalizeConfig,
                  findings: Findings, decisions: Decisions | None = None,
                  progress: Progress | None = None) -> list[tuple[RecordId, Record]]:
    """`run_record_steps` for the records at `positions` only (a part of the file, in
    `refmanager.clean_parts`), in order."""
    identified = []
    for position in positions:
        original = records[position]
        record_id, record = RecordId(path, position, original.key), original
        for step, candidates in plan:
            if record is original and candidates is not None and position not in candidates:
                continue  # the step cannot touch the record as read
            record = _keep(step.check(record_id, record), record, original, config, findings, decisions)
        identified.append((record_id, record))
        if progress is not None and len(identified) % 1000 == 0:
            progress(1000)
    if progress is not None:
        progress(len(identified) % 1000)
    return identified


def run_document_steps(pipeline: Pipeline, identified: list[tuple[RecordId, Record]], records: list[Record],
                       config: NormalizeConfig, findings: Findings, decisions: Decisions | None = None) -> None:
    """The document steps in order, each seeing the changes made before it; `identified`
    as `run_record_steps` gives it, each record at its position (found there, not by
    hashing its id)."""
    current, shared = list(identified), {}
    for step in pipeline.steps:
        if isinstance(step, DocumentStep):
            for change in step.check_sharing(list(current), shared):
                position = change.record.position
                record_id, record = current[position]
                current[position] = record_id, _keep([change], record, records[position], config, findings,
                                                     decisions)
                if _made(change, config, findings):
                    shared.clear()  # what was worked out of the records may no longer hold


def _keep(proposed: Iterable[Change | Problem], record: Record, original: Record,
          config: NormalizeConfig, findings: Findings, decisions: Decisions | None) -> Record:
    """Keep what a step found; make its accepted changes on a copy of the record
    (copied at its first change, so that the document's record is never edited)."""
    for change in proposed:
        if isinstance(change, Problem):
            findings.problems.append(change)
            continue
        if change.old == change.new:
            continue
        made = change.confidence >= config.threshold
        if not made and decisions:
            verdict = decisions.decision(change)
            if verdict == "decline":
                findings.declined.append(change)
                continue
            if verdict == "accept":
                findings.accepted_on_review.append(change)
                made = True
        findings.changes.append(change)
        if made:
            if record is original:
                record = _working_copy(record)
            set_field_value(record, change.field, change.new)
    return record


def _made(change: Change, config: NormalizeConfig, findings: Findings) -> bool:
    """Whether `_keep` may have made the change on its record (not only listed it)."""
    accepted = findings.accepted_on_review
    return change.confidence >= config.threshold or bool(accepted) and accepted[-1] is change


def _working_copy(record: Record) -> Record:
    """A copy whose fields can be set without touching the original record."""
    duplicate = copy.copy(record)
    duplicate.creators = dict(record.creators)
    duplicate.dates = dict(record.dates)
    duplicate.variables = dict(record.variables)
    duplicate.keywords = list(record.keywords)
    return duplicate


def accepted(changes: list[Change], threshold: float) -> list[Change]:
    """The changes sure enough to make without asking."""
    return [change for change in changes if change.confidence >= threshold]


def suggested(changes: list[Change], threshold: float) -> list[Change]:
    """The changes only proposed: below the threshold."""
    return [change for change in changes if change.confidence < threshold]
