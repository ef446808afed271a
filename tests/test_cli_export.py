"""`refman export --for zotero` (refmanager/cli/export.py): what it writes, what
--check lists, the exit codes, and the examples in its help."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import refmanager
from refmanager.cli import app

REPOSITORY = Path(__file__).resolve().parents[1]
SAMPLE = REPOSITORY / "library" / "soft-power.bib"
VARIED = REPOSITORY / "tests" / "zotero" / "data" / "varied.json"
SCRIPTS = Path(sys.executable).parent
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")


def run(*args: str):
    return CliRunner().invoke(app, ["export", *args], env={"COLUMNS": "200"})


def test_ris_is_the_default_and_reads_back_whole(tmp_path):
    target = tmp_path / "out.ris"
    result = run(str(SAMPLE), "--for", "zotero", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    back = refmanager.load(str(target))
    assert back.format == "ris" and len(back.records) == len(refmanager.load(str(SAMPLE)).records)
    assert "citation keys are not kept" in result.stderr


@pytest.mark.parametrize("to, start", [("bibtex", "@article{"), ("csljson", "[\n"), ("ris", "TY  - ")],
                         ids=["--to bibtex writes BibTeX", "--to csljson writes JSON", "--to ris writes RIS"])
def test_to_chooses_the_format(to, start):
    result = run(str(VARIED), "--for", "zotero", "--to", to)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(start)


def test_check_lists_each_field_per_record_and_writes_nothing(tmp_path):
    result = run(str(VARIED), "--for", "zotero", "--to", "csljson", "--check", "-o", str(tmp_path / "x.json"))
    assert result.exit_code == 1  # something would not survive
    assert not (tmp_path / "x.json").exists()
    assert "tests/zotero/data/varied.json:2: mueller2021" in result.stdout
    assert "  keyword: lost: Zotero's CSL-JSON import drops keywords" in result.stdout
    assert "drops every keyword" in result.stderr


def test_check_with_nothing_lost_exits_0():
    result = run(str(SAMPLE), "--for", "zotero", "--check")
    assert result.exit_code == 0, result.stdout
    assert result.stdout == ""
    assert "0 fields in 0 records would not arrive" in result.stderr


def test_check_as_json_lists_losses_with_their_fate():
    result = run(str(VARIED), "--for", "zotero", "--to", "bibtex", "--check", "--json")
    report = json.loads(result.stdout)
    assert report["format"] == "bibtex" and report["records"] == 21
    found = {(loss["key"], loss["field"]): loss["fate"] for loss in report["losses"]}
    assert found[("kuhn1962", "collection-editor")] == "in a child note"
    assert found[("nguyen2019", "abstract")] == "changed"


def test_export_as_json_reports_on_standard_error():
    result = run(str(VARIED), "--for", "zotero", "--json")
    assert result.stdout.startswith("TY  - ")
    assert json.loads(result.stderr)["format"] == "ris"


@pytest.mark.parametrize("args, message", [
    (["--for", "endnote"], "the programs are zotero"),
    (["--for", "zotero", "--to", "mods"], "no Zotero export in 'mods'"),
], ids=["an unknown program is a usage error", "an unknown format is named"])
def test_bad_options_exit_2_with_one_line(args, message):
    result = run(str(SAMPLE), *args)
    assert result.exit_code == 2
    assert message in ANSI_ESCAPE.sub("", result.stderr)
    assert "Traceback" not in result.stderr


def test_a_missing_file_exits_2():
    result = run("no-such.bib", "--for", "zotero")
    assert result.exit_code == 2 and "no-such.bib: no such file" in result.stderr


def _help() -> str:
    result = CliRunner().invoke(app, ["export", "--help"], env={"COLUMNS": "200"})
    return ANSI_ESCAPE.sub("", result.output)


def _examples() -> list[str]:
    lines = (line.strip().strip("│").strip() for line in _help().splitlines())
    return [line for line in lines if line.startswith("refman export")]


def test_the_help_has_examples_on_the_sample_library():
    assert len(_examples()) == 3 and all("library/soft-power" in line for line in _examples())


@pytest.mark.parametrize("line", _examples())
def test_each_help_example_runs(tmp_path, line):
    command = re.sub(r"(-o)\s+(\S+)", lambda match: f"{match[1]} {tmp_path / match[2]}", line)
    env = {**os.environ, "PATH": f"{SCRIPTS}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run(["bash", "-c", command], cwd=REPOSITORY, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    for written in re.findall(r"-o\s+(\S+)", command):
        assert Path(written).stat().st_size > 0


def test_a_terminal_gets_a_progress_bar_for_a_big_file(tmp_path, monkeypatch):
    from rich.console import Console

    from refmanager.cli import shell

    monkeypatch.setattr(shell, "PROGRESS_FROM_RECORDS", 5)
    monkeypatch.setattr(shell, "errors", Console(stderr=True, force_terminal=True, width=80))
    from rich.progress import Progress

    seen, advanced = [], []
    add_task, advance = Progress.add_task, Progress.advance
    monkeypatch.setattr(Progress, "add_task", lambda self, description, total=None, **options:
                        seen.append((description, total)) or add_task(self, description, total=total))
    monkeypatch.setattr(Progress, "advance", lambda self, task, done:
                        advanced.append(done) or advance(self, task, done))
    result = run(str(VARIED), "--for", "zotero", "-o", str(tmp_path / "out.ris"))
    assert result.exit_code == 0, result.stderr
    assert seen == [("exporting for Zotero", 21)] and sum(advanced) == 21


def test_nothing_but_the_summary_when_piped(tmp_path):
    result = run(str(VARIED), "--for", "zotero", "-o", str(tmp_path / "out.ris"))
    assert "exporting for Zotero" not in result.stderr


def test_the_examples_show_whole_on_an_80_column_terminal():
    result = CliRunner().invoke(app, ["export", "--help"], env={"COLUMNS": "80"})
    shown = [line.strip().strip("│").strip() for line in ANSI_ESCAPE.sub("", result.output).splitlines()]
    assert [line for line in shown if line.startswith("refman export")] == _examples()
