"""Cleaning a large BibTeX file in parts, one a process (`refman clean --jobs N`).

The parent reads the file as always: the scanner finds every block and its
entries wait, not decoded (`io.bibtex.pending`). It then forks a worker for each
part but the last, which it cleans itself; a part is a run of consecutive
blocks. Decoding, the record steps and writing, most of a clean's time, are
then done by each process for its own records only. Records never travel
whole between processes (pickling a decoded record costs about what decoding
it does); what does travel, through `refmanager.parallel`'s pipes, is this:

1. Each process decodes its records and sends what the steps' `prepare` learns
   from beyond one record: each record's type, title and container title (the
   protected words learned from every title, whether any record needs the
   journal list). Each gets everyone's, so that its steps learn from the whole
   file as one process would. The name steps' fixes depend on the name alone:
   each process learns them from its own records' names.
2. Each runs the record steps over its records and sends its findings and, for
   each record as the steps left it, what the document steps compare across
   the file (`COMPARED`: names and container title). The parent joins the
   parts' findings in file order and runs the document steps (people's
   spellings, venue variants) over the whole file, as one process would.
3. Each gets the fixes of its records, makes them, and sends the text of its
   blocks, the source text of each entry a fix touches (for `refman revert`),
   and the problems. The parent joins the texts, writes the file, and makes
   the report.

Every list the serial path builds in file order (changes, problems, text) is
the parts' lists joined in part order; what the serial path lists in the order
of the fixes (fixes that could not be made, source texts) is numbered by fix
and put back in that order. The file and the report are the serial path's,
byte for byte (tests/test_clean_parts.py compares them on real files).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import chain

from refmanager import parallel
from refmanager.changes import Change, replay_change
from refmanager.collector import collector_paused
from refmanager.errors import Problem
from refmanager.io.base import Written
from refmanager.io.bibtex.pending import PendingRecord
from refmanager.io.bibtex.write import write_bibtex_blocks
from refmanager.model import Document, Record, RecordId
from refmanager.normalize import NormalizeConfig, default_pipeline
from refmanager.normalize.pipeline import (
    Findings, Progress, check_records, prepare_record_steps, run_document_steps,
)
from refmanager.normalize.review import Decisions

#: What the document steps read of a record: all that goes to the parent for them.
COMPARED = ("creators", "container_title")
#: The document steps that read only those (a test checks the pipeline has no other).
DOCUMENT_STEPS = frozenset({"AlignNameSplits", "ClusterPersonVariants", "ClusterVenueVariants"})

Numbered = list[tuple[int, Change]]  # fixes with their place among all the file's fixes


@dataclass(slots=True)
class CleanedParts:
    """What cleaning the parts gave, joined as the serial path has it."""

    records: int  # how many the file has
    findings: Findings
    problems: list[Problem]  # the file's and its records', as `Document.all_problems`
    unmade: list[Problem] = field(default_factory=list)  # fixes that could not be made
    sources: dict[int, str] = field(default_factory=dict)  # as `clean._source_texts`
    written: Written | None = None  # the file's text, when it is to be written


@dataclass(slots=True)
class _PartEnd:
    """A part's last message: what making its fixes and writing its blocks gave."""

    record_problems: list[Problem]
    unmade: list[tuple[int, Problem]]
    sources: list[tuple[int, int, str]]  # number of the first fix, position, source text
    written: Written | None


def clean_in_parts(document: Document, config: NormalizeConfig, decisions: Decisions, jobs: int,
                   apply: bool, write_unchanged: bool, dialect: str,
                   progress: Progress | None = None) -> CleanedParts:
    """Normalize a BibTeX document read by `api.load` in `jobs` processes and make the
    fixes (in plans too, as `clean` does); with `apply`, also the source texts for
    `revert` and the text to write (in `dialect`), also when there are no fixes if
    `write_unchanged`."""
    job = _PartJob(document, config, decisions, jobs, apply, write_unchanged, dialect)
    with parallel.forked_workers(job.serve, list(range(jobs - 1))) as workers:
        return job.lead(workers, progress)


class _PartJob:
    """The three rounds, as the parent leads them and as every part does them."""

    def __init__(self, document: Document, config: NormalizeConfig, decisions: Decisions, jobs: int,
                 apply: bool, write_unchanged: bool, dialect: str):
        self.document, self.records = document, document.records
        self.config, self.decisions = config, decisions
        self.apply, self.write_unchanged, self.dialect = apply, write_unchanged, dialect
        self.pipeline = default_pipeline(config)
        self.blocks = parallel.split_range(len(document.blocks), jobs)
        self.positions = _record_ranges(document, self.blocks)
        # the file's pending records, which each of them holds (`PendingRecord.built`)
        self.group = next((record.pending.group for record in self.records
                           if isinstance(record, PendingRecord)), [])

    # ---------------------------------------------------------------- a worker's part

    def serve(self, part: int, channel: parallel.Channel) -> _PartEnd:
        self.release_others(part)
        positions = self.positions[part]
        channel.send(self.decode(positions))
        found, checked = self.check(positions, channel.receive(), None)
        channel.send((found, [(record_id, *map(record.__getattribute__, COMPARED))
                              for record_id, record in checked]))
        write, fixes = channel.receive()
        return self.finish(part, fixes, write)

    # ---------------------------------------------------------------- the parent's

    def lead(self, workers: list[parallel.Worker], progress: Progress | None) -> CleanedParts:
        own = len(workers)
        self.release_others(own)
        learned = self.decode(self.positions[own])
        everyone = list(chain.from_iterable([worker.channel.receive() for worker in workers] + [learned]))
        for worker in workers:
            worker.channel.send(everyone)
        found, checked = self.check(self.positions[own], everyone, progress)
        findings, identified, originals = self.join_checked([worker.channel.receive() for worker in workers])
        if progress is not None:
            progress(self.positions[-1].stop - len(self.positions[own]))
        findings.extend(found)
        identified += checked
        originals += self.records[self.positions[own].start:self.positions[own].stop]
        run_document_steps(self.pipeline, identified, originals, self.config, findings, self.decisions)
        fixes = findings.fixes(self.config.threshold)
        write = self.apply and (bool(fixes) or self.write_unchanged)
        numbered = self.fixes_by_part(fixes)
        for worker, part_fixes in zip(workers, numbered):
            worker.channel.send((write, part_fixes))
        ends = [worker.result() for worker in workers] + [self.finish(own, numbered[own], write)]
        return self.joined(findings, ends, write)

    def join_checked(self, sent: list) -> tuple[Findings, list, list]:
        """The workers' findings in file order, and their records as the document steps see them."""
        findings, identified = Findings(), []
        for part_findings, compared in sent:
            findings.extend(part_findings)
            identified += [(record_id, _stand_in(record_id.key, values)) for record_id, *values in compared]
        return findings, identified, [record for _, record in identified]

    def fixes_by_part(self, fixes: list[Change]) -> list[Numbered]:
        numbered: list[Numbered] = [[] for _ in self.positions]
        starts = [positions.start for positions in self.positions]
        for number, change in enumerate(fixes):
            numbered[_part_of(change.record.position, starts)].append((number, change))
        return numbered

    def joined(self, findings: Findings, ends: list[_PartEnd], write: bool) -> CleanedParts:
        problems = list(self.document.problems)
        for end in ends:
            problems += end.record_problems
        problems.sort(key=lambda problem: problem.line)  # as Document.all_problems
        unmade = sorted(chain.from_iterable(end.unmade for end in ends), key=lambda numbered: numbered[0])
        sources = sorted(chain.from_iterable(end.sources for end in ends))
        written = None
        if write:
            written = Written("".join(end.written.text for end in ends),
                              [problem for end in ends for problem in end.written.problems])
        return CleanedParts(self.positions[-1].stop, findings, problems, [problem for _, problem in unmade],
                            {position: text for _, position, text in sources}, written)

    # ---------------------------------------------------------------- every part's rounds

    def release_others(self, part: int) -> None:
        """Let go of the other parts' blocks, which this process will not read.

        Not for tidiness: after the fork, a page that one process writes to is copied
        for it, the other keeping the original. Reading an object writes to it (its
        reference count), so each process comes to hold its own copy of the pages it
        reads, and the other process, holding the originals, would keep them all.
        Freeing them here returns most of them (the runs of freed small objects)."""
        blocks, records = self.document.blocks, self.records
        own = self.positions[part]
        # what a pending record builds with itself (`PendingRecord.built`): its part now
        self.group[:] = [record for record in records[own.start:own.stop] if isinstance(record, PendingRecord)]
        for other in range(len(self.blocks)):
            if other != part:
                blocks[self.blocks[other].start:self.blocks[other].stop] = [None] * len(self.blocks[other])
                positions = self.positions[other]
                records[positions.start:positions.stop] = [None] * len(positions)
        _give_back_freed_memory()

    def decode(self, positions: range) -> list[tuple[str, str, str]]:
        """Build the part's records; what `prepare` learns from each of them."""
        records = self.records[positions.start:positions.stop]
        with collector_paused():
            for record in records:
                if isinstance(record, PendingRecord):
                    record.built_alone()  # not `built`, which would build the whole file
        return [(record.type, record.title, record.container_title) for record in records]

    def check(self, positions: range, everyone: list[tuple[str, str, str]],
              progress: Progress | None) -> tuple[Findings, list[tuple[RecordId, Record]]]:
        """The record steps over the part, prepared on the whole file: its own records,
        and the others' stand-ins that hold what `prepare` reads of them."""
        # (stand-ins without keys: no step's prepare reads one)
        records = [Record("", type=kind, title=title, container_title=container)
                   for kind, title, container in everyone]
        records[positions.start:positions.stop] = self.records[positions.start:positions.stop]
        plan = prepare_record_steps(self.pipeline, records, self.config)
        found = Findings()
        checked = check_records(plan, self.document.path, records, positions, self.config, found, self.decisions,
                                progress)
        return found, checked

    def finish(self, part: int, fixes: Numbered, write: bool) -> _PartEnd:
        """Make the part's fixes and write its blocks."""
        positions, records, path = self.positions[part], self.records, self.document.path
        record_problems = [problem for record in records[positions.start:positions.stop]
                           for problem in record.problems]
        sources, seen = [], set()
        for number, change in fixes if self.apply else ():  # before they are made, as `clean._source_texts`
            position = change.record.position
            if position not in seen and (raw := getattr(records[position].origin, "raw", None)) is not None:
                seen.add(position)
                sources.append((number, position, raw))
        unmade = [(number, problem) for number, change in fixes
                  if (problem := replay_change(records, path, change)) is not None]
        written = write_bibtex_blocks(self.document, self.blocks[part], self.dialect) if write else None
        return _PartEnd(record_problems, unmade, sources, written)


def _give_back_freed_memory() -> None:
    """Return the freed pages inside the C heap to the system (glibc's malloc_trim;
    elsewhere nothing): large strings freed there otherwise stay resident."""
    import ctypes

    try:
        ctypes.CDLL(None).malloc_trim(0)  # the C library is already loaded: no search for it
    except (OSError, AttributeError):
        pass


def _stand_in(key: str, values: list) -> Record:
    """A record holding only what the document steps compare."""
    return Record(key, **dict(zip(COMPARED, values)))


def _record_ranges(document: Document, blocks: list[range]) -> list[range]:
    """The positions of the records among each range of blocks."""
    counts, seen = [0], 0
    for part in blocks:
        seen += sum(isinstance(block, Record) for block in document.blocks[part.start:part.stop])
        counts.append(seen)
    return [range(counts[index], counts[index + 1]) for index in range(len(blocks))]


def _part_of(position: int, starts: list[int]) -> int:
    return bisect_right(starts, position) - 1
