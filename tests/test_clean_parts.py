"""Tests for refmanager/clean_parts.py and refmanager/parallel.py: a file cleaned in
parts by forked processes gives the serial path's file and report byte for byte
(real entries: a slice of ../shared/bench/bigbib/acl-anthology-88k.bib; and a
file made to be awkward: @string, comments, malformed blocks, CRLF), `revert`
undoes a parallel clean, and how many processes are used is chosen as documented."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from refmanager import clean as cleaning
from refmanager import clean_parts, parallel
from refmanager.cli import app
from refmanager.normalize import DocumentStep, NormalizeConfig, default_pipeline

pytestmark = pytest.mark.skipif(not parallel.can_fork(), reason="cleaning in parts forks, on Linux only")

# Made to cross part boundaries: an @string defined at the top and used at the end, a
# malformed block and a comment in the middle, a duplicate key, names spelled two ways
# in different parts (document steps), CRLF line ends, LaTeX accents, biblatex fields (a
# subtitle to clean), a misspelt month.
_AWKWARD_ENTRY = (
    "@inproceedings{{key{n},\r\n  author = {{SMITH, John and Sm{{\\'\\i}}th, J. and Alipour Gorji, Mahmood}},\r\n"
    "  title = {{A STUDY OF BERT AND {{LSTM}} MODELS NUMBER {n}}},\r\n  booktitle = acl,\r\n"
    "  pages = {{{n}1-{n}9}},\r\n  year = {{2020}},\r\n  doi = {{https://doi.org/10.1000/{n}}},\r\n}}\r\n\r\n"
)
_OTHER_SPELLING = (
    "@article{{late{n},\r\n  author = {{John Smith and Mahmood Alipour Gorji}},\r\n  title = {{Models {n}}},\r\n"
    "  journal = {{J. Am. Chem. Soc.}},\r\n  journaltitle = {{Computational linguistics}},\r\n"
    "  subtitle = {{Privacy , anonymity}},\r\n  month = {{septempber}},\r\n  year = 2021,\r\n}}\r\n"
)


def _awkward_file(path: Path, entries: int = 400) -> Path:
    parts = ['@string{acl = "Proceedings of the {ACL}"}\r\n\r\n% a comment at the top\r\n\r\n']
    for n in range(entries):
        parts.append(_AWKWARD_ENTRY.format(n=n))
        if n == entries // 2:
            parts.append("@article{broken,\r\n  title = {no closing brace\r\n\r\n@comment{in the middle}\r\n\r\n")
        if n == entries // 3:
            parts.append(_AWKWARD_ENTRY.format(n=0))  # key0 again: a duplicate key
    parts += [_OTHER_SPELLING.format(n=n) for n in range(entries // 4)]
    path.write_bytes("".join(parts).encode("utf-8"))
    return path


def _acl_slice(bigbib: Path, path: Path, entries: int = 3000) -> Path:
    text = (bigbib / "acl-anthology-88k.bib").read_text(encoding="utf-8")
    end = 0
    for _ in range(entries):
        end = text.find("\n@", end + 1)
    path.write_text(text[:end + 1], encoding="utf-8")
    return path


@pytest.fixture
def any_size_in_parts(monkeypatch):
    """Clean small files in parts too (at least 10 blocks a process)."""
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 10)


def _clean_in(folder: Path, source: Path, jobs: int, config: NormalizeConfig, apply: bool = True,
              monkeypatch=None) -> tuple[bytes, bytes]:
    """The file and the report written by cleaning `source` with `jobs` processes, from
    `folder` (relative names, so that the report names the same file either way)."""
    folder.mkdir(exist_ok=True)
    monkeypatch.chdir(folder)
    workers = len(parallel.worker_private_kb)
    report = cleaning.clean([str(source)], config, apply=apply, output="out.bib" if apply else None, jobs=jobs)
    assert len(parallel.worker_private_kb) - workers == jobs - 1  # it was cleaned in `jobs` parts
    cleaning.write_report(report, "r.json")
    written = Path("out.bib").read_bytes() if apply else b""
    return written, Path("r.json").read_bytes()


CONFIGS = [
    pytest.param(NormalizeConfig(enabled={"ProtectTitleWords"}), id="every rule, as bench_clean runs them"),
    # threshold 0: the document steps' suggestions are made too, in every part
    pytest.param(NormalizeConfig(enabled={"ProtectTitleWords"}, threshold=0.0), id="with every suggestion made"),
]


@pytest.mark.parametrize("config", CONFIGS)
@pytest.mark.parametrize("jobs", [2, 3])
def test_a_slice_of_the_acl_anthology_cleaned_in_parts_is_cleaned_as_by_one_process(
        bigbib, tmp_path, monkeypatch, any_size_in_parts, config, jobs):
    source = _acl_slice(bigbib, tmp_path / "acl.bib")
    serial = _clean_in(tmp_path / "serial", source, 1, config, monkeypatch=monkeypatch)
    in_parts = _clean_in(tmp_path / "parts", source, jobs, config, monkeypatch=monkeypatch)
    assert serial[0] != source.read_bytes()  # something was fixed
    assert in_parts == serial


@pytest.mark.parametrize("config", CONFIGS)
@pytest.mark.parametrize("apply", [True, False], ids=["apply", "plan"])
def test_a_file_with_strings_comments_bad_blocks_and_crlf_is_cleaned_in_parts_as_by_one(
        tmp_path, monkeypatch, any_size_in_parts, config, apply):
    source = _awkward_file(tmp_path / "awkward.bib")
    serial = _clean_in(tmp_path / "serial", source, 1, config, apply, monkeypatch)
    in_parts = _clean_in(tmp_path / "parts", source, 3, config, apply, monkeypatch)
    assert in_parts == serial
    report = serial[1].decode()
    assert "awkward.bib" in report and '"severity": "error"' in report  # the broken entry, located
    assert "ClusterPersonVariants" in report and "AlignNameSplits" in report
    assert "FixMonthSpelling" in report and '"bibtex:subtitle"' in report


def _keys_across_parts_file(path: Path, entries: int = 300) -> Path:
    """Entries whose keys and crossrefs reach across parts: a key of the first part used
    again in the last, a child at the end whose parent is at the start, and one whose
    parent is nowhere; no @string, so that every part is read at once."""
    parts = ["@book{parent,\n  title = {The Parent Volume},\n  year = {2001},\n}\n\n"]
    parts += [_AWKWARD_ENTRY.format(n=n).replace("\r\n", "\n").replace("booktitle = acl", "booktitle = {ACL}")
              for n in range(entries)]
    parts.append("@inproceedings{key3,\n  title = {Again}, year = {2002},\n}\n\n")
    parts.append("@inproceedings{child,\n  title = {A Chapter}, crossref = {parent},\n}\n\n")
    parts.append("@inproceedings{orphan,\n  title = {Alone}, crossref = {nowhere},\n}\n")
    path.write_text("".join(parts), encoding="utf-8")
    return path


@pytest.mark.parametrize("jobs", [2, 3])
def test_duplicate_keys_and_crossrefs_across_parts_are_reported_as_by_one_process(
        tmp_path, monkeypatch, any_size_in_parts, jobs):
    source = _keys_across_parts_file(tmp_path / "keys.bib")
    serial = cleaning.clean([str(source)], jobs=1).files[0].problems
    in_parts = cleaning.clean([str(source)], jobs=jobs).files[0].problems
    assert in_parts == serial
    messages = [problem.message for problem in serial]
    assert any(message.startswith("duplicate key 'key3' (first used at line") for message in messages)
    assert any("crossref 'nowhere' names no entry" in message for message in messages)
    assert not any("crossref 'parent'" in message for message in messages)
    assert _clean_in(tmp_path / "parts", source, jobs, CONFIGS[0].values[0], monkeypatch=monkeypatch) == \
        _clean_in(tmp_path / "serial", source, 1, CONFIGS[0].values[0], monkeypatch=monkeypatch)


def test_the_parts_start_at_plain_entries_that_begin_a_line():
    text = "@comment{x}\n" + "".join(f"@misc{{k{n},\n  title = {{T{n}}},\n}}\n" for n in range(40))
    text = text.replace("@misc{k20,", "  @misc{k20,")  # not at a line start: passed over
    points = clean_parts.split_points(text, 4)
    assert len(points) == 3 and points == sorted(set(points))
    for point in points:
        assert text[point - 1] == "\n" and text.startswith("@misc{k", point)
    assert clean_parts.split_points("@comment{only this}\n", 2) == []


def test_a_part_whose_cut_falls_inside_an_entry_is_read_again_from_where_the_one_before_ended(
        bigbib, tmp_path, monkeypatch, any_size_in_parts):
    # Cuts are made where a plain entry begins a line, so that they fall between blocks;
    # were one to fall inside a block, the part is read again from the block's end.
    source = _acl_slice(bigbib, tmp_path / "acl.bib", 1500)
    text = source.read_text(encoding="utf-8")
    inside = text.find("\n title", len(text) // 2) + 4  # within a field of an entry
    monkeypatch.setattr(clean_parts, "split_points", lambda text, parts: [inside])
    starts = tmp_path / "starts"  # where each process began reading (a file: the worker is forked)
    read_part = clean_parts.read_bibtex_part

    def read_and_note(text, path, start, stop, macros=None):
        with starts.open("a") as notes:
            notes.write(f"{start}\n")
        return read_part(text, path, start, stop, macros)

    monkeypatch.setattr(clean_parts, "read_bibtex_part", read_and_note)
    config = CONFIGS[0].values[0]
    in_parts = _clean_in(tmp_path / "parts", source, 2, config, monkeypatch=monkeypatch)
    monkeypatch.undo()
    assert _clean_in(tmp_path / "serial", source, 1, config, monkeypatch=monkeypatch) == in_parts
    read_from = sorted(map(int, starts.read_text().split()))
    assert len(read_from) == 3 and read_from[:2] == [0, inside] and read_from[2] > inside  # the worker read twice


@pytest.mark.parametrize("with_strings", [True, False], ids=["@string read part after part", "read at once"])
@pytest.mark.parametrize("cuts", [(0.13,), (0.5,), (0.77,), (0.21, 0.52), (0.52, 0.53)],
                         ids=lambda cuts: "cut at " + " and ".join(f"{cut:.0%}" for cut in cuts))
def test_wherever_the_parts_are_cut_the_file_is_cleaned_as_by_one_process(
        tmp_path, monkeypatch, any_size_in_parts, with_strings, cuts):
    # Cuts anywhere (in an entry, a comment, the broken block, between CR and LF): a part
    # that starts amiss is read again from where the one before ended.
    source = _awkward_file(tmp_path / "awkward.bib", 120)
    if not with_strings:
        source.write_bytes(source.read_bytes().replace(b"booktitle = acl", b"booktitle = {ACL}")
                           .replace(b'@string{acl = "Proceedings of the {ACL}"}', b""))
    size = len(source.read_text(encoding="utf-8"))
    monkeypatch.setattr(clean_parts, "split_points", lambda text, parts: [int(size * cut) for cut in cuts])
    config = CONFIGS[1].values[0]  # every suggestion made: the document steps fix records in every part
    in_parts = _clean_in(tmp_path / "parts", source, len(cuts) + 1, config, monkeypatch=monkeypatch)
    monkeypatch.undo()
    assert _clean_in(tmp_path / "serial", source, 1, config, monkeypatch=monkeypatch) == in_parts


def test_a_review_files_decisions_are_honoured_in_parts_as_by_one_process(tmp_path, monkeypatch, any_size_in_parts):
    import json

    source = _awkward_file(tmp_path / "awkward.bib")
    review = tmp_path / "review.json"
    cleaning.clean([str(source)], NormalizeConfig(review=str(review)), jobs=1)
    decided = json.loads(review.read_text())
    for number, entry in enumerate(decided["suggestions"]):  # every rule's suggestions, in every part
        entry["decision"] = ("accept", "decline", None)[number % 3]
    review.write_text(json.dumps(decided))
    results = []
    for jobs in (1, 2):
        folder = tmp_path / f"jobs-{jobs}"
        folder.mkdir()
        (folder / "review.json").write_text(json.dumps(decided))  # named alike: the report names it
        config = NormalizeConfig(review="review.json")
        results.append(_clean_in(folder, source, jobs, config, monkeypatch=monkeypatch)
                       + ((folder / "review.json").read_bytes(),))
    assert results[0] == results[1]
    assert b'"declined": 0' not in results[0][1]


def test_the_problems_of_a_parallel_clean_name_the_file_and_line(tmp_path, monkeypatch, any_size_in_parts):
    source = _awkward_file(tmp_path / "awkward.bib")
    serial = cleaning.clean([str(source)], jobs=1).files[0].problems
    in_parts = cleaning.clean([str(source)], jobs=2).files[0].problems
    assert in_parts == serial
    text = source.read_bytes().decode()
    broken_line = text[:text.find("@article{broken")].count("\n") + 1
    duplicate_line = text[:text.find("@inproceedings{key0,", 10_000)].count("\n") + 1
    errors = [(problem.line, problem.message.split(";")[0]) for problem in in_parts if problem.severity == "error"]
    assert errors == [(duplicate_line, "duplicate key 'key0' (first used at line 5)"),
                      (broken_line, "block is not closed (a brace or quote is missing)")]


def test_revert_after_a_parallel_clean_gives_back_the_file_byte_for_byte(bigbib, tmp_path, any_size_in_parts):
    source = _acl_slice(bigbib, tmp_path / "acl.bib", 2000)
    original = source.read_bytes()
    report = cleaning.clean([str(source)], apply=True, in_place=True, jobs=2)
    cleaning.write_report(report, str(tmp_path / "r.json"))
    assert source.read_bytes() != original and len(report.files[0].sources) > 20
    assert cleaning.revert(str(tmp_path / "r.json")).problems == []
    assert source.read_bytes() == original


def test_the_progress_of_a_parallel_clean_counts_every_record_once(tmp_path, any_size_in_parts):
    source = _awkward_file(tmp_path / "awkward.bib")
    told: list[tuple[str, int]] = []
    done: list[int] = []
    report = cleaning.clean([str(source)], jobs=2,
                            progress_for=lambda path, records: told.append((path, records)) or done.append)
    assert told == [(str(source), report.files[0].records)]
    assert sum(done) == report.files[0].records and min(done) >= 0


def test_a_terminal_gets_its_progress_bar_from_a_parallel_clean(tmp_path, monkeypatch, any_size_in_parts):
    # The bar's refresh thread runs while the workers are forked: they must not need it.
    from rich.console import Console
    from rich.progress import Progress

    from refmanager.cli import shell

    monkeypatch.setattr(shell, "PROGRESS_FROM_RECORDS", 1)
    monkeypatch.setattr(shell, "errors", Console(stderr=True, force_terminal=True, width=80))
    advanced = []
    advance = Progress.advance
    monkeypatch.setattr(Progress, "advance",
                        lambda self, task, done: advanced.append(done) or advance(self, task, done))
    source = _awkward_file(tmp_path / "awkward.bib")
    arguments = ["clean", str(source), "--jobs", "2", "--apply", "-o", str(tmp_path / "o.bib")]
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 1, result.output  # the broken entry is an error
    assert sum(advanced) == len(cleaning.api.load(str(source)).records)
    assert "block is not closed" in result.output


# ---------------------------------------------------------------- how many processes


def test_jobs_default_to_two_zero_means_the_usable_cores_and_small_files_stay_serial(monkeypatch):
    monkeypatch.setattr(parallel, "usable_cores", lambda: 4)
    assert parallel.parallel_jobs(None, 10 * parallel.PARALLEL_FROM) == parallel.DEFAULT_JOBS == 2
    assert parallel.parallel_jobs(None, parallel.PARALLEL_FROM - 1) == 1
    assert parallel.parallel_jobs(0, parallel.PARALLEL_FROM) == 4
    assert parallel.parallel_jobs(3, parallel.PARALLEL_FROM) == 3
    assert parallel.parallel_jobs(1, 10 * parallel.PARALLEL_FROM) == 1
    assert parallel.parallel_jobs(0, parallel.PARALLEL_FROM - 1) == 1
    monkeypatch.setattr(parallel, "usable_cores", lambda: 1)
    assert parallel.parallel_jobs(None, 10 * parallel.PARALLEL_FROM) == 1  # no second core to use
    monkeypatch.undo()
    assert parallel.usable_cores.__module__ != "os"  # the real one reads the affinity:
    assert 1 <= len(os.sched_getaffinity(0)) <= (os.cpu_count() or 1)


def test_without_fork_or_off_linux_everything_is_serial(monkeypatch):
    assert parallel.parallel_jobs(8, 10 * parallel.PARALLEL_FROM) == 8
    monkeypatch.setattr(parallel.sys, "platform", "darwin")
    assert parallel.parallel_jobs(8, 10 * parallel.PARALLEL_FROM) == 1
    monkeypatch.undo()
    monkeypatch.delattr(os, "fork")
    assert parallel.parallel_jobs(8, 10 * parallel.PARALLEL_FROM) == 1


def test_a_diff_or_another_format_is_cleaned_in_one_process(tmp_path, any_size_in_parts):
    source = _awkward_file(tmp_path / "awkward.bib")
    decoded, format = cleaning.api.read_source(str(source))
    assert len(cleaning._part_starts(decoded, format, "out.bib", diff=False, jobs=2)) == 1
    assert len(cleaning._part_starts(decoded, format, None, diff=False, jobs=3)) == 2  # a plan
    assert cleaning._part_starts(decoded, format, "out.bib", diff=True, jobs=2) == []  # the diff needs the text before
    assert cleaning._part_starts(decoded, format, "out.json", diff=False, jobs=2) == []
    assert cleaning._part_starts(decoded, format, "out.bib", diff=False, jobs=1) == []


def test_the_jobs_option_is_passed_on_and_must_not_be_negative(tmp_path, monkeypatch):
    seen = []
    monkeypatch.setattr(cleaning, "clean", lambda *arguments, **options: seen.append(options["jobs"]) or
                        cleaning.CleanReport([], False, 0.9))
    source = str(_awkward_file(tmp_path / "awkward.bib", 3))
    assert CliRunner().invoke(app, ["clean", source, "--jobs", "3"]).exit_code == 0
    assert CliRunner().invoke(app, ["clean", source]).exit_code == 0
    assert CliRunner().invoke(app, ["clean", source, "--jobs", "0"]).exit_code == 0
    assert seen == [3, None, 0]
    assert CliRunner().invoke(app, ["clean", source, "--jobs", "-1"]).exit_code == 2


def test_the_document_steps_read_only_what_the_parts_send_them():
    # A new document step may read more of a record than names and container titles:
    # then clean_parts.COMPARED must send it too.
    steps = {step.name for step in default_pipeline(NormalizeConfig(enabled={"ProtectTitleWords"})).steps
             if isinstance(step, DocumentStep)}
    assert steps == clean_parts.DOCUMENT_STEPS


# ---------------------------------------------------------------- the plumbing


def _echo_twice(part: int, channel: parallel.Channel) -> tuple[int, str]:
    channel.send(part * 10)
    return part, channel.receive()


def _fails(part: int, channel: parallel.Channel) -> None:
    raise ValueError(f"part {part} cannot be done")


def test_workers_exchange_messages_and_report_their_own_memory():
    before = len(parallel.worker_private_kb)
    with parallel.forked_workers(_echo_twice, [1, 2]) as workers:
        assert [worker.channel.receive() for worker in workers] == [10, 20]
        for worker in workers:
            worker.channel.send("back")
        assert [worker.result() for worker in workers] == [(1, "back"), (2, "back")]
    private = parallel.worker_private_kb[before:]
    assert len(private) == 2 and all(0 < kb < 500_000 for kb in private)


def test_a_workers_exception_is_raised_in_the_parent():
    with pytest.raises(ValueError, match="part 1 cannot be done"):
        with parallel.forked_workers(_fails, [1]) as workers:
            workers[0].result()


def _sends_much(part: int, channel: parallel.Channel) -> float:
    channel.send("x" * 5_000_000)
    return time.monotonic()  # when its send was over (the clock is the system's)


def test_a_message_taken_in_later_lets_the_worker_go_on_before_the_parent_asks_for_it():
    with parallel.forked_workers(_sends_much, [1]) as workers:
        message = workers[0].channel.receive_later()
        time.sleep(0.5)  # the parent busy elsewhere: a pipe alone would hold the worker
        asked = time.monotonic()
        assert message() == "x" * 5_000_000
        assert workers[0].result() < asked


def _sends_whole_and_streamed(part: int, channel: parallel.Channel) -> str:
    channel.send(["whole", "y" * 3_000_000])
    channel.send(["streamed", "z" * 3_000_000], streamed=True)
    channel.send("streamed, taken in later", streamed=True)
    return "end"


def test_messages_sent_whole_or_streamed_arrive_as_sent_in_order():
    with parallel.forked_workers(_sends_whole_and_streamed, [1]) as workers:
        channel = workers[0].channel
        assert channel.receive() == ["whole", "y" * 3_000_000]
        assert channel.receive() == ["streamed", "z" * 3_000_000]
        assert channel.receive_later()() == "streamed, taken in later"
        assert workers[0].result() == "end"  # a worker's result is streamed too


def test_a_workers_exception_is_raised_when_its_message_taken_in_later_is_asked_for():
    with pytest.raises(ValueError, match="part 2 cannot be done"):
        with parallel.forked_workers(_fails, [2]) as workers:
            workers[0].channel.receive_later()()


def test_split_range_covers_every_position_once_in_order():
    parts = parallel.split_range(10, 3)
    assert [list(part) for part in parts] == [[0, 1, 2], [3, 4, 5], [6, 7, 8, 9]]
    assert parallel.split_range(2, 3)[0] == range(0, 0)
