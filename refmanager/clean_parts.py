"""Cleaning a large BibTeX file in parts, one a process (`refman clean --jobs N`).

The parent decodes the file's text and cuts it where plain entries start
(`split_points`); it forks a worker for each part but the first, which it
cleans itself. Each process reads, decodes, checks and writes its own part's
records only: records never travel whole between processes (pickling a decoded
record costs about what decoding it does). What does travel, through
`refmanager.parallel`'s pipes, is this:

0. Reading. A part is read as a reader of the whole file would read it on
   reaching the part's start: that needs where the part before ended and the
   `@string` macros it defined. A file without `@string` (most large exports)
   is read by every process at once, each part from its cut; each then hears
   where the part before it ended, and reads its part again from there in the
   rare case that a block ran past the cut. A file with `@string` is read part
   after part, each from where the one before ended, with its macros. Each
   part then sends its records' keys and lines, whether any may name a
   crossref and whether any is BibLaTeX; each gets back where its records stand
   among the file's, the first place of each key used more than once and, if
   needed, every key (duplicate keys and dangling crossrefs are reported as by
   one process), the dialect to write and the macros as the file ends.
1. Each process decodes its records and sends what the steps' `prepare` learns
   from beyond one record: the words of its titles, counted (`TitleWords`). The
   parent adds the counts up and sends back the protected words they give, so
   that the steps learn from the whole file as one process would. All else a
   step prepares concerns only the records it checks (the name steps' fixes
   depend on the name alone, the journal list is needed for a part's journals).
2. Each runs the record steps over its records and sends its findings and, for
   each record as the steps left it, what the document steps compare across
   the file (`COMPARED`: names and container title). The parent joins the
   parts' findings in file order and runs the document steps (people's
   spellings, venue variants) over the whole file, as one process would.
   Before that, each process makes its record steps' fixes and writes its part
   (the parent while a thread takes in the workers' findings, so that no worker
   waits for it): the document steps see the records as those fixes leave them
   either way. While the parent runs the document steps, each worker encodes the
   report's line of each change it found (`jsontext.Encoded`) and sends that with
   what its fixes gave (the text of its blocks, the source text of each entry a
   fix touches, for `refman revert`, and the problems), streamed: the parent
   takes it in once the steps are done, never holding it beside their tables.
3. Each process gets the document steps' fixes of its records (mostly none),
   makes them and writes its part again if there are any (a worker then sends
   its end again). The parent joins the texts, writes the file, and makes the
   report.

Every list the serial path builds in file order (changes, problems, text) is
the parts' lists joined in part order; what the serial path lists in the order
of the fixes (fixes that could not be made, source texts) is numbered by fix
and put back in that order. The file and the report are the serial path's,
byte for byte (tests/test_clean_parts.py compares them on real files).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, fields, replace
from itertools import chain
from operator import attrgetter

from refmanager import parallel
from refmanager.changes import Change, replay_change
from refmanager.collector import collector_paused
from refmanager.errors import Problem
from refmanager.io.base import Written
from refmanager.io.bibtex.pending import PendingRecord, source_dialect
from refmanager.io.bibtex.read import (
    PartRead, key_and_line, may_name_a_crossref, part_key_problems, read_bibtex_part,
)
from refmanager.io.bibtex.scan import scan_entry
from refmanager.io.bibtex.write import write_bibtex_blocks
from refmanager.jsontext import Encoded, encoded
from refmanager.model import Name, Record, RecordId
from refmanager.normalize import NormalizeConfig, default_pipeline
from refmanager.normalize.pipeline import (
    Findings, Progress, check_records, prepare_record_steps, run_document_steps,
)
from refmanager.normalize.review import Decisions
from refmanager.normalize.titles import TitleWords, count_title_words

#: What the document steps read of a record: all that `_compared` sends the parent for them.
COMPARED = ("creators", "container_title")
_NAME_PARTS = attrgetter(*(part.name for part in fields(Name)))
#: What the record steps are prepared on at the other parts' places: what a step
#: learns from beyond one record is sent (the titles' words), or concerns only the
#: records it will check (the names it can fix, whether the journal list is needed).
_BLANK = Record("")
#: The document steps that read only those (a test checks the pipeline has no other).
DOCUMENT_STEPS = frozenset({"AlignNameSplits", "ClusterPersonVariants", "ClusterVenueVariants"})
_STRING_BLOCK = re.compile(r"@[ \t]*string[ \t]*[{(]", re.IGNORECASE)

Numbered = list[tuple[int, Change]]  # fixes with their place among all the file's fixes


@dataclass(slots=True)
class CleanedParts:
    """What cleaning the parts gave, joined as the serial path has it."""

    records: int  # how many the file has
    format: str  # the format written ("bibtex", or "biblatex" for a file that uses it)
    findings: Findings
    problems: list[Problem]  # the file's and its records', as `Document.all_problems`
    unmade: list[Problem] = field(default_factory=list)  # fixes that could not be made
    sources: dict[int, str] = field(default_factory=dict)  # as `clean._source_texts`
    written: Written | None = None  # the file's text, when it is to be written
    encoded: dict[int, Encoded] = field(default_factory=dict)  # as `clean.FileReport.encoded`


@dataclass(slots=True)
class _PartEnd:
    """A part's last message: what making its fixes and writing its blocks gave."""

    read_problems: list[Problem]  # the part's, as its document has them
    record_problems: list[Problem]
    unmade: list[tuple[int, Problem]]
    sources: list[tuple[int, int, str]]  # number of the first fix, position, source text
    written: Written | None
    encoded: list[Encoded] = field(default_factory=list)  # a worker's: its findings' report lines


@dataclass(slots=True)
class _PartShape:
    """What a part tells of itself once read, for the file's key checks and dialect."""

    keys: list[tuple[str, int]]  # each record's key and line
    may_crossref: bool
    uses_biblatex: bool


@dataclass(slots=True)
class _FileShape:
    """What each part hears back: what it needs to know of the whole file."""

    first: int  # the place of the part's first record among the file's
    records: int  # how many the file has
    repeated: dict[str, tuple[int, int]]  # first place and line of each key used twice or more
    keys: set[str] | None  # every key, if a crossref may need them
    format: str
    strings: dict[str, str]  # the macros as the file ends: what the writer re-reads entries with


def split_points(text: str, parts: int) -> list[int]:
    """Where each part but the first starts: at the first plain entry that begins a line
    from each `parts`-th of the text on (fewer points where the text has no such entry)."""
    points: list[int] = []
    for part in range(1, parts):
        at = text.find("\n@", max(len(text) * part // parts, points[-1] if points else 0))
        while at >= 0 and scan_entry(text, at + 1) is None:
            at = text.find("\n@", at + 2)
        if at < 0:
            break
        points.append(at + 1)
    return points


def clean_in_parts(text: str, path: str, config: NormalizeConfig, decisions: Decisions, starts: list[int],
                   apply: bool, write_unchanged: bool, format: str, problems: list[Problem],
                   progress_for=None) -> CleanedParts:
    """Read, normalize and write a BibTeX file's `text` in one process a part (the parts
    begin at 0 and at each of `starts`, from `split_points`), making the fixes (in plans
    too, as `clean` does); with `apply`, also the source texts for `revert` and the
    text to write, also when there are no fixes if `write_unchanged`. `format` is the
    target's ("bibtex" is written as "biblatex" if an entry uses it), `problems` those of
    decoding the file, and `progress_for(path, records)` gives a progress callback."""
    job = _PartJob(text, path, [0, *starts], config, decisions, apply, write_unchanged, format)
    with parallel.forked_workers(job.serve, list(range(1, len(starts) + 1))) as workers:
        return job.lead(workers, problems, progress_for)


class _PartJob:
    """The rounds, as the parent leads them and as every part does them."""

    def __init__(self, text: str, path: str, starts: list[int], config: NormalizeConfig, decisions: Decisions,
                 apply: bool, write_unchanged: bool, format: str):
        self.text, self.path, self.starts = text, path, starts
        self.stops = [*starts[1:], len(text)]
        self.with_strings = _STRING_BLOCK.search(text) is not None
        self.config, self.decisions = config, decisions
        self.apply, self.write_unchanged, self.format = apply, write_unchanged, format
        self.pipeline = default_pipeline(config)
        # this process's part, once read and placed (`settle`)
        self.document = None
        self.records: list = []  # at the file's places: this part's records, None elsewhere
        self.own = range(0)

    # ---------------------------------------------------------------- a worker's part

    def serve(self, part: int, channel: parallel.Channel) -> _PartEnd | None:
        read = self.read_in_turn(part, channel)
        self.settle(read, channel.receive())
        channel.send(self.decode())
        found, checked = self.check(channel.receive(), None)
        channel.send((found, _compared(checked)))
        # While the parent runs the document steps, make the record steps' fixes and
        # write the part as if those steps fixed nothing here, as they mostly do
        # (numbered from 0: the parent adds the fixes of the parts before), encode
        # the report's lines of what the part found, and send all that.
        end = self.finish(list(enumerate(found.fixes(self.config.threshold))), self.apply)
        end.encoded = [encoded(change.to_json()) for change in found.changes]
        channel.send(end, streamed=True)  # taken in after the document steps, at once
        write, later = channel.receive()
        if not later:
            return None  # the end sent is the part's
        end.encoded = []  # the parent has them
        return self.finish_later(end, later, write)

    def read_in_turn(self, part: int, channel: parallel.Channel) -> PartRead:
        """The part, read from where the part before ended, with the macros it left."""
        start, stop = self.starts[part], self.stops[part]
        read = None if self.with_strings else read_bibtex_part(self.text, self.path, start, stop)
        begin, macros = channel.receive()
        if read is None or begin != start:
            read = read_bibtex_part(self.text, self.path, begin, stop, macros)
        channel.send((read.end, read.macros if self.with_strings else None, _shape(read)))
        return read

    # ---------------------------------------------------------------- the parent's

    def lead(self, workers: list[parallel.Worker], decoding_problems: list[Problem],
             progress_for) -> CleanedParts:
        self.read_first(workers)
        self.decoding_problems = decoding_problems
        progress = progress_for(self.path, self.total) if progress_for else None
        counted = self.decode()
        for worker in workers:
            counted.add(worker.channel.receive())
        learned = frozenset(counted.protected())
        for worker in workers:
            worker.channel.send(learned)
        findings, checked = self.check(learned, progress)  # the first part's, then the workers' in order
        own_fixes = findings.fixes(self.config.threshold)
        # The workers' findings are taken in while this part is finished, as the workers
        # do theirs: a worker waiting for its message to be read would finish later.
        sent = [worker.channel.receive_later() for worker in workers]
        own_end = self.finish(list(enumerate(own_fixes)), self.apply)
        identified = checked + self.join_checked(findings, [message() for message in sent])
        if progress is not None:
            progress(self.total - len(self.own))
        originals = self.records[self.own.start:self.own.stop] + [record for _, record in identified[len(checked):]]
        run_document_steps(self.pipeline, identified, originals, self.config, findings, self.decisions)
        fixes = findings.fixes(self.config.threshold)
        write = self.apply and (bool(fixes) or self.write_unchanged)
        numbered = self.fixes_by_part(fixes)
        # Each worker sent its end during the document steps and waits in its send: taken
        # in only now, so that this process never holds it beside the steps' tables (and
        # before its later fixes are sent, which would wait on a full pipe otherwise).
        early_ends = [worker.channel.receive() for worker in workers]
        for worker, part_fixes, early, first in zip(workers, numbered[1:], self.early_fixes, self.first_fixes):
            worker.channel.send((write, _renumbered(part_fixes[early:], -first)))
        own_end = self.finish_later(own_end, numbered[0][len(own_fixes):], write)
        ends = [_renumbered_end(_final_end(early, worker.result(), write), first)
                for worker, early, first in zip(workers, early_ends, self.first_fixes)]
        return self.joined(findings, [own_end, *ends], write)

    def read_first(self, workers: list[parallel.Worker]) -> None:
        """Read the first part, hand each worker where the part before it ended, and
        tell each part what it needs of the whole file (`_FileShape`)."""
        read = read_bibtex_part(self.text, self.path, 0, self.stops[0])
        end, macros, shapes = read.end, read.macros, [_shape(read)]
        for worker in workers:
            worker.channel.send((end, macros))
            end, part_macros, shape = worker.channel.receive()
            macros = part_macros or macros
            shapes.append(shape)
        files = _file_shapes(shapes, self.format, macros.strings)
        for worker, file in zip(workers, files[1:]):
            worker.channel.send(file)
        self.settle(read, files[0])
        self.firsts = [file.first for file in files]  # where each part's records start

    def join_checked(self, findings: Findings, sent: list) -> list[tuple[RecordId, Record]]:
        """The workers' findings added to the first part's, in file order; their records
        as the document steps see them."""
        identified = []
        self.early_fixes, self.first_fixes = [], []  # per worker: its record steps' fixes; where they start
        self.sent_changes = []  # per worker: its record steps' changes, which it encodes for the report
        fixed = len(findings.fixes(self.config.threshold))
        for part_findings, compared in sent:
            self.sent_changes.append(part_findings.changes)
            self.first_fixes.append(fixed)
            self.early_fixes.append(len(part_findings.fixes(self.config.threshold)))
            fixed += self.early_fixes[-1]
            findings.extend(part_findings)
            identified += _stand_ins(self.path, *compared)
        return identified

    def fixes_by_part(self, fixes: list[Change]) -> list[Numbered]:
        numbered: list[Numbered] = [[] for _ in self.firsts]
        for number, change in enumerate(fixes):
            numbered[bisect_right(self.firsts, change.record.position) - 1].append((number, change))
        return numbered

    def joined(self, findings: Findings, ends: list[_PartEnd], write: bool) -> CleanedParts:
        problems = list(self.decoding_problems)
        for end in ends:
            problems += end.read_problems
        if not self.total:
            problems.append(Problem(self.path, 1, "no entries found", "warning"))
        for end in ends:
            problems += end.record_problems
        problems.sort(key=lambda problem: problem.line)  # as Document.all_problems
        unmade = sorted(chain.from_iterable(end.unmade for end in ends), key=lambda numbered: numbered[0])
        sources = sorted(chain.from_iterable(end.sources for end in ends))
        written = None
        if write:
            written = Written("".join(end.written.text for end in ends),
                              [problem for end in ends for problem in end.written.problems])
        encoded = {id(change): line for changes, end in zip(self.sent_changes, ends[1:])
                   for change, line in zip(changes, end.encoded, strict=True)}
        return CleanedParts(self.total, self.format, findings, problems, [problem for _, problem in unmade],
                            {position: text for _, position, text in sources}, written, encoded)

    # ---------------------------------------------------------------- every part's rounds

    def settle(self, read: PartRead, file: _FileShape) -> None:
        """Take the part as read, at its place in the file, its keys checked."""
        document, records = read.document, read.document.records
        self.document, self.total, self.format = document, file.records, file.format
        self.own = range(file.first, file.first + len(records))
        self.records = [None] * file.records
        self.records[self.own.start:self.own.stop] = records
        document.strings = file.strings
        document.problems += part_key_problems(records, file.first, file.repeated, file.keys)

    def decode(self) -> TitleWords:
        """Build the part's records; the words of their titles, counted."""
        records = self.records[self.own.start:self.own.stop]
        with collector_paused():
            for record in records:
                if isinstance(record, PendingRecord):
                    record.built_alone()  # not `built`, which would build the whole part at once
            return count_title_words([record.title for record in records if record.title])

    def check(self, learned: frozenset[str],
              progress: Progress | None) -> tuple[Findings, list[tuple[RecordId, Record]]]:
        """The record steps over the part, prepared on its own records and the words
        learned from every title; one blank record stands at the others' places."""
        records = [_BLANK] * len(self.records)
        records[self.own.start:self.own.stop] = self.records[self.own.start:self.own.stop]
        config = replace(self.config, learned_words=learned)
        plan = prepare_record_steps(self.pipeline, records, config)
        found = Findings()
        checked = check_records(plan, self.path, records, self.own, config, found, self.decisions, progress)
        return found, checked

    def finish(self, fixes: Numbered, write: bool) -> _PartEnd:
        """Make the part's fixes and write its blocks."""
        record_problems = [problem for record in self.records[self.own.start:self.own.stop]
                           for problem in record.problems]
        unmade, sources = self.make_fixes(fixes, set())
        return _PartEnd(self.document.problems, record_problems, unmade, sources,
                        self.written() if write else None)

    def finish_later(self, end: _PartEnd, later: Numbered, write: bool) -> _PartEnd:
        """A worker's part, finished early, given the document steps' fixes of its records:
        made too, and the part written again, if there are any."""
        if later:
            unmade, sources = self.make_fixes(later, {position for _, position, _ in end.sources})
            end.unmade += unmade
            end.sources += sources
        if not write:
            end.written = None
        elif later or end.written is None:
            end.written = self.written()
        return end

    def written(self) -> Written:
        dialect = "biblatex" if self.format == "biblatex" else "bibtex"
        return write_bibtex_blocks(self.document, range(len(self.document.blocks)), dialect)

    def make_fixes(self, fixes: Numbered, seen: set[int]) -> tuple[list, list]:
        """The fixes made on the part's records: those that could not be, and the source
        text of each entry they touch that is not `seen` yet (taken before they are made,
        as `clean._source_texts`)."""
        records = self.records
        sources = []
        for number, change in fixes if self.apply else ():
            position = change.record.position
            if position not in seen and (raw := getattr(records[position].origin, "raw", None)) is not None:
                seen.add(position)
                sources.append((number, position, raw))
        unmade = [(number, problem) for number, change in fixes
                  if (problem := replay_change(records, self.path, change)) is not None]
        return unmade, sources


def _shape(read: PartRead) -> _PartShape:
    records = read.document.records
    return _PartShape([key_and_line(record) for record in records], may_name_a_crossref(records),
                      any(source_dialect(record) == "biblatex" for record in records))


def _file_shapes(shapes: list[_PartShape], format: str, strings: dict[str, str]) -> list[_FileShape]:
    """What each part needs to know of the whole file, from what each said of itself."""
    firsts, seen = [], 0
    for shape in shapes:
        firsts.append(seen)
        seen += len(shape.keys)
    every_key = [key for shape in shapes for key, _ in shape.keys]
    counts = Counter(every_key)
    repeated: dict[str, tuple[int, int]] = {}
    for position, (key, line) in enumerate(chain.from_iterable(shape.keys for shape in shapes)):
        if counts[key] > 1 and key not in repeated:
            repeated[key] = (position, line)
    keys = set(counts) if any(shape.may_crossref for shape in shapes) else None
    if format == "bibtex" and any(shape.uses_biblatex for shape in shapes):
        format = "biblatex"  # as `api.target_format` for a .bib file that uses it
    return [_FileShape(first, seen, repeated, keys, format, strings) for first in firsts]


def _compared(checked: list[tuple[RecordId, Record]]) -> tuple[list[tuple], list[tuple]]:
    """What the document steps compare of each record (`COMPARED`), in plain values that
    pickle at C speed: each name object once, as its parts, and each record's names as
    numbers in that list (pickling the name objects themselves took half a second on
    the 88k-entry file)."""
    numbers: dict[int, int] = {}  # by id: the names shared between records stay shared
    names: list[tuple] = []
    rows = []
    for record_id, record in checked:
        creators = {}
        for role, people in record.creators.items():
            numbered = creators[role] = []
            for name in people:
                number = numbers.get(id(name))
                if number is None:
                    number = numbers[id(name)] = len(names)
                    names.append(_NAME_PARTS(name))
                numbered.append(number)
        rows.append((record_id.position, record_id.key, creators, record.container_title))
    return names, rows


def _stand_ins(path: str, names: list[tuple], rows: list[tuple]) -> list[tuple[RecordId, Record]]:
    """The records `_compared` describes, holding only what the document steps compare."""
    people = [Name(*parts) for parts in names]
    return [(RecordId(path, position, key),
             Record(key, creators={role: [people[number] for number in numbers] for role, numbers in creators.items()},
                    container_title=container_title))
            for position, key, creators, container_title in rows]


def _final_end(early: _PartEnd, later: _PartEnd | None, write: bool) -> _PartEnd:
    """A worker's end: as it sent it early, or as the document steps' fixes left it."""
    if later is not None:
        later.encoded = early.encoded
        return later
    if not write:
        early.written = None
    return early


def _renumbered(fixes: Numbered, by: int) -> Numbered:
    return [(number + by, change) for number, change in fixes]


def _renumbered_end(end: _PartEnd, by: int) -> _PartEnd:
    """A worker's end, its fixes numbered among the file's (it numbers its own from 0)."""
    end.unmade = [(number + by, problem) for number, problem in end.unmade]
    end.sources = [(number + by, position, text) for number, position, text in end.sources]
    return end
