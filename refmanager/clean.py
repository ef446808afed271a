"""Batch cleaning of whole files: plan, apply, report and revert normalization.

This is the library behind `refman clean` and `refman revert`; it joins the
file layer (`refmanager.api`: load and save) to the normalization stage
(`refmanager.normalize`: which knows nothing of files). Nothing here prints.

    >>> report = clean(["refs.bib"])                       # a plan: nothing written
    >>> report = clean(["refs.bib"], apply=True, in_place=True)
    >>> write_report(report, "report.json"); revert("report.json")

Suggestions (fixes below the confidence threshold) are reported, not made. A
review file (`review=`, or `review` in the configuration; see
`refmanager.normalize.review`) lets a person accept or decline each one: an
accepted suggestion is made by the next run, a declined one is not offered
again, so that cleaning a cleaned file reports nothing.
"""

from __future__ import annotations

import difflib
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath

from refmanager import api, parallel
from refmanager.changes import Change, apply_changes, undo_changes
from refmanager.errors import InputError, Problem
from refmanager.io import formats
from refmanager.io.files import write_bytes
from refmanager.jsontext import Encoded, json_text
from refmanager.model import Document
from refmanager.normalize import NormalizeConfig, normalize_document
from refmanager.normalize.pipeline import Findings, Progress
from refmanager.normalize.review import Decisions, read_review, review_text

REPORT_VERSION = 1
BIBTEX = "bibtex"
RIS = "ris"
#: `progress_for(path, records)`: a callback that is told how many records were done.
ProgressFactory = Callable[[str, int], Progress]


@dataclass(slots=True)
class FileReport:
    """What cleaning one file found and did."""

    source: str
    format: str
    records: int
    applied: list[Change] = field(default_factory=list)  # made (or, in a plan, to be made)
    suggested: list[Change] = field(default_factory=list)  # below the threshold: only proposed
    problems: list[Problem] = field(default_factory=list)  # read problems, and what no rule can fix
    written: str = ""  # where the result was written; "" in a plan
    diff: str = ""
    declined: int = 0  # suggestions the review file declines: not offered again
    # BibTeX: the text each changed entry had, by position, for `revert` to give back
    sources: dict[int, str] = field(default_factory=dict)
    # The report line of changes another process encoded (`clean_parts`), by id(change)
    encoded: dict[int, Encoded] = field(default_factory=dict)

    def to_json(self, encoded: bool = False) -> dict:
        """The report's value; with `encoded`, for `write_json`, holding the lines of
        the changes already `encoded`."""
        return {"source": self.source, "format": self.format, "records": self.records,
                "written": self.written or None,
                "applied": self._changes_json(self.applied, encoded),
                "suggested": self._changes_json(self.suggested, encoded),
                "declined": self.declined,
                "problems": [problem.as_dict() for problem in self.problems],
                "sources": [{"position": position, "text": text} for position, text in self.sources.items()]}

    def _changes_json(self, changes: list[Change], encoded: bool) -> list:
        lines = self.encoded if encoded else None
        if not lines:
            return [change.to_json() for change in changes]
        return [lines.get(id(change)) or change.to_json() for change in changes]


@dataclass(slots=True)
class CleanReport:
    """What a `clean` run found and did, file by file."""

    files: list[FileReport]
    applied: bool  # False: a plan only
    threshold: float
    review: str = ""  # the review file read and written again, if any

    @property
    def has_errors(self) -> bool:
        return any(problem.severity == "error" for report in self.files for problem in report.problems)

    def counts(self) -> Counter:
        """(rule, "fix" or "suggestion") -> how many, over every file."""
        found: Counter = Counter()
        for report in self.files:
            found.update((change.rule, "fix") for change in report.applied)
            found.update((change.rule, "suggestion") for change in report.suggested)
        return found

    @property
    def declined(self) -> int:
        return sum(report.declined for report in self.files)

    def to_json(self, encoded: bool = False) -> dict:
        return {"version": REPORT_VERSION, "applied": self.applied, "threshold": self.threshold,
                "review": self.review or None, "files": [report.to_json(encoded) for report in self.files]}


def clean(paths: list[str], config: NormalizeConfig | None = None, apply: bool = False,
          output: str | None = None, in_place: bool = False, diff: bool = False,
          progress_for: ProgressFactory | None = None, decline_undecided: bool = False,
          jobs: int | None = None) -> CleanReport:
    """Normalize each file; with `apply`, write the result to `output` or over the input.

    Without `apply` nothing is written but the review file: the report says what
    would change. With `in_place` the input is first copied to `FILE.bak`. With a
    review file (`config.review`), its decisions are honoured and it is written
    again with this run's undecided suggestions (declined, with `decline_undecided`).
    A large BibTeX file is normalized and written by `jobs` processes (None: two, where
    there are two cores; 0: one a usable core; `refmanager.clean_parts`), with the same
    result as by one.
    """
    config = config or NormalizeConfig()
    paths = api.bibliography_files(paths)
    if apply and not (output or in_place):
        raise InputError("--apply needs somewhere to write: -o OUT or --in-place")
    if output and len(paths) > 1:
        raise InputError(f"-o names one file, but {len(paths)} files are cleaned; use --in-place")
    if decline_undecided and not config.review:
        raise InputError("--decline-undecided records its decisions in a review file: name one with --review")
    decisions = read_review(config.review) if config.review else Decisions()
    reports = [_clean_file(path, config, apply, output or path, in_place, diff, progress_for, decisions, jobs)
               for path in paths]
    if config.review:
        suggestions = [(report.source, change) for report in reports for change in report.suggested]
        write_bytes(config.review, review_text(decisions, suggestions, decline_undecided).encode("utf-8"))
    return CleanReport(reports, apply, config.threshold, config.review)


def _clean_file(path: str, config: NormalizeConfig, apply: bool, target: str, in_place: bool,
                diff: bool, progress_for: ProgressFactory | None, decisions: Decisions,
                jobs: int | None) -> FileReport:
    decoded, source_format = api.read_source(path)
    starts = _part_starts(decoded, source_format, target if apply else None, diff, jobs)
    if starts:
        return _clean_in_parts(path, decoded, config, apply, target, in_place, starts, progress_for, decisions)
    document = api.document_from(decoded, source_format, path)
    if apply and in_place and document.format not in formats.known_writers():
        apply = False  # an article's front matter is read, never rewritten: plan it only
        document.problems.append(Problem(path, 1, f"not rewritten in place: {document.format} is read, not "
                                         "written; its fixes are only reported (write them with -o OUT.bib)",
                                         "warning"))
    format = api.target_format(target, None, document) if apply else document.format
    if format == RIS:
        config = replace(config, range_dash="-")  # the writer makes it SP and EP
    progress = progress_for(path, len(document.records)) if progress_for else None
    before = api.dumps(document, format).text if diff else ""
    findings = normalize_document(document, config, progress=progress, decisions=decisions)
    report = _file_report(path, document.format, len(document.records), findings, document.all_problems(), config)
    fixes = report.applied
    if apply and document.format == BIBTEX:
        report.sources = _source_texts(document, fixes)
    report.problems += apply_changes(document, fixes)
    if diff:
        after = api.dumps(document, format).text
        report.diff = "".join(difflib.unified_diff(
            before.splitlines(keepends=True), after.splitlines(keepends=True), path, target))
    if apply and (fixes or not in_place):  # a file named with -o is written even if unchanged
        report.problems += api.save(document, target, format, backup=in_place)
        report.written = target
    return report


def _file_report(path: str, format: str, records: int, findings: Findings, read_problems: list[Problem],
                 config: NormalizeConfig) -> FileReport:
    """What the steps found in a file, split by the confidence threshold, before any
    fix is made: the fixes are `applied`, the rest `suggested`."""
    return FileReport(path, format, records, findings.fixes(config.threshold),
                      findings.suggestions(config.threshold), read_problems + findings.problems,
                      declined=len(findings.declined))


def _part_starts(decoded, source_format: str, target: str | None, diff: bool, jobs: int | None) -> list[int]:
    """Where the parts of a file cleaned by `jobs` processes start, after the first
    (`refmanager.clean_parts`); none for a file cleaned by one. Only a large BibTeX file
    written as BibTeX is cleaned in parts; a diff needs the whole text before."""
    text = decoded.text
    if source_format != BIBTEX or diff or text.startswith("\ufeff"):
        return []
    if target is not None and formats.EXTENSIONS.get(PurePath(target).suffix.lower()) not in (BIBTEX, "biblatex"):
        return []
    parts = parallel.parallel_jobs(jobs, text.count("\n@"))  # about one a block
    if parts == 1:
        return []
    from refmanager.clean_parts import split_points

    return split_points(text, parts)


def _clean_in_parts(path: str, decoded, config: NormalizeConfig, apply: bool, target: str, in_place: bool,
                    starts: list[int], progress_for: ProgressFactory | None, decisions: Decisions) -> FileReport:
    """`_clean_file` with a process a part of the file: the same report and file."""
    from refmanager.clean_parts import clean_in_parts

    format = formats.EXTENSIONS[PurePath(target).suffix.lower()] if apply else BIBTEX
    cleaned = clean_in_parts(decoded.text, path, config, decisions, starts, apply, write_unchanged=not in_place,
                             format=format, problems=decoded.problems, progress_for=progress_for)
    report = _file_report(path, BIBTEX, cleaned.records, cleaned.findings, cleaned.problems, config)
    report.sources, report.encoded = cleaned.sources, cleaned.encoded
    report.problems += cleaned.unmade
    if cleaned.written is not None:
        document = Document(path=path, format=BIBTEX, encoding=decoded.encoding,
                            byte_order_mark=decoded.byte_order_mark)
        report.problems += api.save_written(document, target, cleaned.format, cleaned.written, backup=in_place)
        report.written = target
    return report


def _source_texts(document, changes: list[Change]) -> dict[int, str]:
    """The source text of each entry the changes touch, by position."""
    records, texts = document.records, {}
    for change in changes:
        position = change.record.position
        if position not in texts and 0 <= position < len(records):
            raw = getattr(records[position].origin, "raw", None)
            if raw is not None:
                texts[position] = raw
    return texts


def write_report(report: CleanReport, path: str) -> None:
    """The report as JSON: every change with its record, field, values, rule and evidence."""
    # files -> file -> applied/suggested -> one change a line
    text = json_text(report.to_json(encoded=True), lines_from=4)
    write_bytes(path, text.encode("utf-8"))


@dataclass(slots=True)
class RevertReport:
    """What `revert` undid, file by file, and what it had to leave."""

    reverted: dict[str, int] = field(default_factory=dict)  # file -> changes undone
    problems: list[Problem] = field(default_factory=list)
    already_undone: dict[str, int] = field(default_factory=dict)  # file -> changes found undone


def revert(report_path: str) -> RevertReport:
    """Undo exactly the changes a `clean --apply` report records, in the files it wrote.

    A field edited since is left as it is and reported. A BibTeX entry that says
    again all it said before the clean gets its text back as it was (layout and
    LaTeX), so that reverting a whole clean gives back the file byte for byte. A
    change undone already (by an earlier revert) is left, and a file with nothing
    left to undo is not written again.
    """
    try:
        data = json.loads(Path(report_path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(f"{report_path}: cannot read the report ({error})") from None
    if data.get("version") != REPORT_VERSION or "files" not in data:
        raise InputError(f"{report_path}: not a report written by refman clean --report")
    result = RevertReport()
    for entry in data["files"]:
        if not entry.get("written"):
            continue  # a plan, or nothing was changed: nothing to undo
        document = api.load(entry["written"])
        changes = [Change.from_json(change) for change in entry["applied"]]
        undoing = undo_changes(document, changes)
        if undoing.undone:
            _restore_sources(document, entry.get("sources") or (), undoing.positions)
            api.save(document, entry["written"], api.target_format(entry["written"], None, document))
        result.reverted[entry["written"]] = undoing.undone
        result.already_undone[entry["written"]] = undoing.already_undone
        result.problems += undoing.problems
    return result


def _restore_sources(document, sources, positions: set[int]) -> None:
    """Give the entries at `positions` (those a revert changed) their text from before
    the clean, where they say again what it says."""
    if document.format != BIBTEX:
        return
    from refmanager.io.bibtex.write import restore_source

    records = document.records
    for source in sources:
        position = source.get("position")
        if position in positions and 0 <= position < len(records) and isinstance(source.get("text"), str):
            restore_source(records[position], source["text"], document.strings)
