"""Tests for refmanager/cli/: the `refman` command's exit codes, messages, help and examples.

The contract is the one in refmanager/cli/shell.py (exit 0 success, 1 the input had
problems, which were reported, 2 a usage error or an input that cannot be read)
and STYLE.md (one located line per problem, no traceback for an expected failure,
every command's help has a runnable example). Most cases run in-process through
typer's CliRunner; a few run the installed `refman` script and `python -m
refmanager`, which is what users do. Inputs are the sample library
(library/soft-power.*) and small broken files written here.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

import refmanager
from refmanager.cli import app, write_json
from refmanager.cli import shell
from refmanager.errors import Problem

REPOSITORY = Path(__file__).resolve().parents[1]
SAMPLE = REPOSITORY / "library" / "soft-power.bib"
SAMPLES = [SAMPLE, REPOSITORY / "library" / "soft-power.ris", REPOSITORY / "library" / "soft-power.json"]
ARTICLE = REPOSITORY / "library" / "alipour-gorji-2024.md"  # an article's front matter, ingested
SCRIPTS = Path(sys.executable).parent  # the venv's bin/, where `refman` is installed
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")

# A block whose title brace is never closed: it starts at line 6.
BROKEN = """\
@article{ok,
  title = {Fine},
  year = 2020,
}

@article{broken,
  title = {Never closed,
  year = 2021,
}
"""
# The second entry reuses the first one's key, at line 5.
DUPLICATE = """\
@article{smith2020,
  title = {First},
}

@article{smith2020,
  title = {Second},
}
"""


@dataclass
class Run:
    code: int
    stdout: bytes
    stderr: str

    @property
    def text(self) -> str:
        return self.stdout.decode("utf-8")


def in_process(*args: str, input: bytes | None = None) -> Run:
    result = CliRunner().invoke(app, list(args), input=input, env={"COLUMNS": "200"})
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        # What a user would see: an uncaught exception is a traceback.
        stderr += "".join(traceback.format_exception(result.exception))
    return Run(result.exit_code, result.stdout_bytes, stderr)


def _subprocess(command: list[str], input: bytes | None) -> Run:
    env = {**os.environ, "COLUMNS": "200", "PATH": f"{SCRIPTS}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run(command, input=input or b"", capture_output=True, env=env, timeout=120)
    return Run(done.returncode, done.stdout, done.stderr.decode("utf-8", "replace"))


def refman_script(*args: str, input: bytes | None = None) -> Run:
    return _subprocess([str(SCRIPTS / "refman"), *args], input)


def python_module(*args: str, input: bytes | None = None) -> Run:
    return _subprocess([sys.executable, "-m", "refmanager", *args], input)


ALL_RUNNERS = [
    pytest.param(in_process, id="in process"),
    pytest.param(refman_script, id="as the refman script"),
    pytest.param(python_module, id="as python -m refmanager"),
]


@pytest.fixture
def files(tmp_path) -> dict[str, Path]:
    paths = {"broken": tmp_path / "broken.bib", "duplicate": tmp_path / "duplicate.bib",
             "plain": tmp_path / "notes.txt", "folder": tmp_path / "a-folder"}
    paths["broken"].write_text(BROKEN, encoding="utf-8")
    paths["duplicate"].write_text(DUPLICATE, encoding="utf-8")
    paths["plain"].write_text("just some notes\n", encoding="utf-8")
    paths["folder"].mkdir()
    return paths


# ---------------------------------------------------------------- exit codes and messages

@pytest.mark.parametrize("run", ALL_RUNNERS)
def test_checking_clean_files_exits_0(run):
    result = run("check", *map(str, SAMPLES))
    assert result.code == 0, result.stderr
    assert "error" not in result.stderr


@pytest.mark.parametrize("run", ALL_RUNNERS)
def test_converting_the_sample_back_to_bibtex_gives_the_same_bytes(run):
    # convert's promise: "An unchanged BibTeX file written back as BibTeX is byte-identical."
    result = run("convert", str(SAMPLE), "--to", "bibtex")
    assert result.code == 0, result.stderr
    assert result.stdout == SAMPLE.read_bytes()


# (command, file, line, message): inputs with problems exit 1 and say where.
PROBLEMS = [
    pytest.param("check", "broken", 6, "not closed", id="check reports an unclosed brace at the block's line"),
    pytest.param("check", "duplicate", 5, "duplicate key", id="check reports a duplicate key at its second use"),
    pytest.param("convert", "broken", 6, "not closed", id="convert reports an unclosed brace too"),
]


@pytest.mark.parametrize("command, name, line, message", PROBLEMS)
def test_input_with_problems_exits_1_with_file_and_line(files, command, name, line, message):
    extra = ["--to", "csljson"] if command == "convert" else []
    result = in_process(command, str(files[name]), *extra)
    assert result.code == 1
    assert re.search(rf"^{re.escape(str(files[name]))}:{line}: error: .*{message}", result.stderr, re.M), \
        result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("run", ALL_RUNNERS)
def test_a_problem_is_reported_with_file_and_line_by_every_entry_point(files, run):
    result = run("check", str(files["duplicate"]))
    assert result.code == 1
    assert f"{files['duplicate']}:5: error: duplicate key" in result.stderr


# (arguments, text the message must contain): user errors exit 2 with one line, no traceback.
USER_ERRORS = [
    pytest.param(["check", "{tmp}/missing.bib"], "{tmp}/missing.bib: no such file", id="a missing file"),
    pytest.param(["convert", "{folder}", "--to", "ris"], "{folder}: is a folder", id="a folder given to convert"),
    pytest.param(["check", "{plain}"], "{plain}: cannot tell the format", id="a file of no known format"),
    pytest.param(["convert", "{sample}", "--to", "nope"], "no writer for format 'nope'", id="an unknown --to format"),
    pytest.param(["convert", "{sample}", "--from", "nope", "--to", "ris"], "no reader for format 'nope'",
                 id="an unknown --from format"),
    pytest.param(["convert", "{sample}", "-o", "{tmp}/out.xyz"], "{tmp}/out.xyz: cannot tell which format",
                 id="an output extension of no known format"),
    pytest.param(["convert", "{sample}", "-o", "{tmp}/missing/out.ris"], "{tmp}/missing/out.ris: cannot be written",
                 id="an output folder that does not exist"),
]
USAGE_ERRORS = [
    pytest.param(["convert"], "Missing argument", id="convert without a file"),
    pytest.param(["check", "--bogus", "x.bib"], "No such option", id="an unknown option"),
    pytest.param(["frobnicate"], "No such command", id="an unknown command"),
    pytest.param(["convert", "{sample}", "--json=maybe"], "does not take a value", id="a value given to a flag"),
]


def fill(template: str, tmp_path: Path, files: dict[str, Path]) -> str:
    return template.format(tmp=tmp_path, sample=SAMPLE, folder=files["folder"], plain=files["plain"])


@pytest.mark.parametrize("arguments, message", USER_ERRORS)
def test_an_unusable_input_or_output_exits_2_with_one_line(tmp_path, files, arguments, message):
    result = in_process(*(fill(argument, tmp_path, files) for argument in arguments))
    assert result.code == 2
    assert result.stderr.startswith("refman: error: ")
    assert fill(message, tmp_path, files) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("arguments, message", USAGE_ERRORS)
def test_a_usage_error_exits_2_without_a_traceback(tmp_path, files, arguments, message):
    result = in_process(*(fill(argument, tmp_path, files) for argument in arguments))
    assert result.code == 2
    assert "Error" in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("run", ALL_RUNNERS[1:])
@pytest.mark.parametrize("arguments", [
    pytest.param(["check", "missing.bib"], id="a missing file"),
    pytest.param(["convert", str(SAMPLE), "--to", "nope"], id="an unknown --to format"),
    pytest.param(["convert"], id="a missing argument"),
])
def test_user_errors_show_no_traceback_from_the_installed_command(run, arguments):
    result = run(*arguments)
    assert result.code == 2
    assert "Traceback" not in result.stderr
    assert result.stdout == b""


# ---------------------------------------------------------------- JSON, streams, files

def test_check_json_is_parseable_and_locates_problems(files):
    result = in_process("check", "--json", str(files["broken"]), str(SAMPLE))
    assert result.code == 1
    findings = json.loads(result.stdout)
    assert [(finding["path"], finding["format"]) for finding in findings] == [
        (str(files["broken"]), "bibtex"), (str(SAMPLE), "bibtex")]
    assert findings[1] == {"path": str(SAMPLE), "format": "bibtex", "records": 28, "problems": [],
                           "unreadable": False}
    [problem] = findings[0]["problems"]
    assert (problem["path"], problem["line"], problem["severity"]) == (str(files["broken"]), 6, "error")


def test_convert_json_reports_on_standard_error_beside_the_output(tmp_path):
    result = in_process("convert", "--json", str(SAMPLE), "--to", "ris")
    assert result.code == 0
    assert result.text.startswith("TY  - ")
    report = json.loads(result.stderr)
    assert (report["source_format"], report["target_format"], report["records"]) == ("bibtex", "ris", 28)
    assert report["read_problems"] == []


def test_a_dash_reads_standard_input_and_writes_standard_output():
    result = in_process("convert", "-", "--to", "csljson", input=SAMPLE.read_bytes())
    assert result.code == 0, result.stderr
    items = json.loads(result.stdout)
    assert [item["id"] for item in items] == [record.key for record in refmanager.load(str(SAMPLE)).records]


@pytest.mark.parametrize("run", [ALL_RUNNERS[0], ALL_RUNNERS[1]])
def test_bibtex_piped_through_convert_comes_out_unchanged(run):
    result = run("convert", "-", "--to", "bibtex", input=SAMPLE.read_bytes())
    assert result.code == 0, result.stderr
    assert result.stdout == SAMPLE.read_bytes()


def test_check_reads_standard_input():
    assert in_process("check", "-", input=SAMPLE.read_bytes()).code == 0


# The fields every format holds for the sample's records.
COMPARED_FIELDS = ["key", "type", "title", "creators", "container_title", "volume", "issue", "page",
                   "dates", "doi", "isbn", "publisher", "publisher_place"]


def test_bibtex_to_csljson_and_back_keeps_the_records(tmp_path):
    as_json, back = tmp_path / "soft-power.json", tmp_path / "soft-power.bib"
    assert in_process("convert", str(SAMPLE), "-o", str(as_json)).code == 0
    assert in_process("convert", str(as_json), "-o", str(back)).code == 0
    assert len(json.loads(as_json.read_text(encoding="utf-8"))) == 28
    original, converted = refmanager.load(str(SAMPLE)).records, refmanager.load(str(back)).records
    assert [[getattr(record, field) for field in COMPARED_FIELDS] for record in converted] == \
           [[getattr(record, field) for field in COMPARED_FIELDS] for record in original]


def test_formats_lists_the_built_in_formats():
    result = in_process("formats")
    assert result.code == 0
    listed = {line.split()[0] for line in result.text.splitlines()[1:] if line.strip()}
    assert {"bibtex", "biblatex", "ris", "csljson"} <= listed


# ---------------------------------------------------------------- help and its examples

COMMANDS = ["convert", "check", "formats"]


def help_text(command: str, columns: int) -> str:
    result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0
    return ANSI_ESCAPE.sub("", result.output)


def example_lines(text: str) -> list[str]:
    """The shell command lines in a help text or docstring: `refman ...` or `... | refman ...`."""
    lines = (line.strip().strip("│").strip() for line in text.splitlines())
    return [line for line in lines if line.startswith("refman ") or "| refman " in line]


def docstring(command: str) -> str:
    [info] = [info for info in app.registered_commands if (info.name or info.callback.__name__) == command]
    return info.callback.__doc__


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_help_has_an_example(command):
    text = help_text(command, 80)
    assert "Example" in text
    assert any(line.startswith(f"refman {command}") or f"| refman {command}" in line
               for line in example_lines(text))


@pytest.mark.parametrize("command", [
    "convert",
    "check",
    "formats",
])
def test_examples_show_whole_on_an_80_column_terminal(command):
    shown = example_lines(help_text(command, 80))
    assert example_lines(docstring(command)) == shown


def runnable_examples():
    for command in ["convert", "check"]:
        for line in example_lines(help_text(command, 200)):
            yield pytest.param(line, id=line)


@pytest.mark.parametrize("line", list(runnable_examples()))
def test_help_examples_run_from_the_repository_root(tmp_path, line):
    # Files the example writes go to tmp_path instead of the checkout.
    command = re.sub(r"(-o|--output)\s+(\S+)", lambda match: f"{match[1]} {tmp_path / match[2]}", line)
    env = {**os.environ, "PATH": f"{SCRIPTS}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=REPOSITORY, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    for written in re.findall(r"(?:-o|--output)\s+(\S+)", command):
        assert Path(written).stat().st_size > 0


def test_ascii_output_spells_every_character_in_latex(tmp_path):
    # laruelle2008eurasianism in the sample library: "Marlène Laruelle".
    target = tmp_path / "out.bib"
    result = CliRunner().invoke(app, ["convert", str(SAMPLES[2]), "--to", "bibtex",
                                      "--ascii", "-o", str(target)])
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert text.isascii() and "Marl{\\`e}ne" in text


def test_ascii_output_is_refused_for_a_format_other_than_bibtex(tmp_path):
    result = CliRunner().invoke(app, ["convert", str(SAMPLES[2]), "--to", "ris",
                                      "--ascii", "-o", str(tmp_path / "out.ris")])
    assert result.exit_code == 2
    assert not (tmp_path / "out.ris").exists()


def test_check_reads_every_bibliography_file_in_a_folder(tmp_path):
    result = CliRunner().invoke(app, ["check", "--json", str(REPOSITORY / "library")])
    assert result.exit_code == 0, result.output
    checked = {Path(entry["path"]).name: entry for entry in json.loads(result.stdout)}
    # The three exports of 28 works, and one article's front matter (library/README.md is no article).
    assert sorted(checked) == sorted([path.name for path in SAMPLES] + [ARTICLE.name])
    assert all(entry["records"] == 28 for name, entry in checked.items() if name != ARTICLE.name)
    assert checked[ARTICLE.name]["records"] == 1 and checked[ARTICLE.name]["format"] == "frontmatter"
    assert all(entry["problems"] == [] for entry in checked.values())


def test_check_refuses_a_folder_without_bibliography_files(tmp_path):
    (tmp_path / "notes.txt").write_text("nothing here\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert "no bibliography files" in result.output


def run_on_a_terminal(arguments: list[str]) -> str:
    """What `refman` prints when its output is a terminal (a pseudo-terminal here)."""
    controller, terminal = os.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100"}
    env.pop("NO_COLOR", None)
    process = subprocess.run([str(SCRIPTS / "refman"), *arguments], stdin=subprocess.DEVNULL,
                             stdout=terminal, stderr=terminal, env=env, timeout=60)
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal side is closed: all was read
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(controller)
    assert process.returncode == 1
    return b"".join(chunks).decode("utf-8", "replace")


def test_output_is_coloured_on_a_terminal_and_plain_when_piped(tmp_path):
    broken = tmp_path / "broken.bib"
    broken.write_text(BROKEN, encoding="utf-8")
    on_terminal = run_on_a_terminal(["check", str(broken)])
    assert ANSI_ESCAPE.search(on_terminal), on_terminal
    piped = subprocess.run([str(SCRIPTS / "refman"), "check", str(broken)], capture_output=True,
                           text=True, env={**os.environ, "TERM": "xterm-256color"}, timeout=60)
    assert piped.returncode == 1
    assert not ANSI_ESCAPE.search(piped.stdout + piped.stderr)
    assert f"{broken}:6: error:" in piped.stderr


def test_a_terminal_sees_the_first_problems_and_a_count_of_the_rest(tmp_path):
    # 45 entries whose month says no month: a terminal shows 30, piped every one
    entries = "".join(f"@book{{b{number}, title = {{T}}, year = 2019, month = {{mid-year}}}}\n"
                      for number in range(45))
    source = tmp_path / "many.bib"
    source.write_text(entries, encoding="utf-8")
    on_terminal = ANSI_ESCAPE.sub("", run_on_a_terminal(["check", str(source)]))
    assert on_terminal.count(": warning: ") == shell.PROBLEMS_SHOWN_ON_A_TERMINAL
    assert "... and 15 more problems (15 warnings); redirect standard error" in " ".join(on_terminal.split())
    piped = subprocess.run([str(SCRIPTS / "refman"), "check", str(source)], capture_output=True,
                           text=True, timeout=60)
    assert piped.stderr.count(": warning: ") == 45 and "more problem" not in piped.stderr


def test_refman_convert_round_trips_the_large_real_file(acl_anthology, tmp_path, monkeypatch):
    source, document = acl_anthology
    target = tmp_path / "acl.bib"
    # The file is read once per test session (tests/conftest.py); the command does the rest.
    monkeypatch.setattr(refmanager.api, "load", lambda path, format=None: document)
    done = in_process("convert", str(source), "--to", "bibtex", "-o", str(target))
    assert target.read_bytes() == source.read_bytes()
    # The file's 403 malformed `@{X,}` blocks are reported (and kept): exit 1, one line each.
    assert done.code == 1
    errors = [line for line in done.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 403 and all(line.startswith(f"{source}:") for line in errors)


def test_many_notes_on_what_a_format_cannot_hold_are_counted_by_kind(tmp_path):
    # Classic BibTeX holds only the start of a range of months (an `archive` now has a field).
    items = [{"id": f"item{number}", "type": "book", "title": "T",
              "issued": {"date-parts": [[2001, 3], [2003, 4]]}} for number in range(30)]
    source = tmp_path / "many.json"
    source.write_text(json.dumps(items), encoding="utf-8")
    result = CliRunner().invoke(app, ["convert", str(source), "--to", "bibtex", "-o",
                                      str(tmp_path / "many.bib")], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "30 × classic BibTeX cannot hold a range of dates: only its start is written; " \
        "biblatex can hold it" in result.output
    assert "item7:" not in result.output  # not one line per record
    detailed = CliRunner().invoke(app, ["convert", str(source), "--to", "bibtex", "--json", "-o",
                                        str(tmp_path / "many.bib")])
    assert len(json.loads(detailed.output)["write_problems"]) == 30


def test_check_goes_on_past_a_file_it_cannot_read(tmp_path):
    result = CliRunner().invoke(app, ["check", "--json", str(tmp_path / "missing.bib"), str(SAMPLE)])
    assert result.exit_code == 2
    missing, sample = json.loads(result.stdout)
    assert missing["unreadable"] and "no such file" in missing["problems"][0]["message"]
    assert sample["records"] == 28 and not sample["unreadable"]


# ---------------------------------------------------------------- rough edges (issue 5) and exit codes (issue 12)

def test_refman_version_prints_the_package_version():
    result = in_process("--version")
    assert result.code == 0
    assert result.text.strip() == f"refman {refmanager.__version__}"


def test_shell_completion_is_offered():
    assert "--install-completion" in in_process("--help").text


@pytest.mark.parametrize("command", ["convert", "check", "formats"])
def test_option_help_shows_no_python_type_labels(command):
    help_text = ANSI_ESCAPE.sub("", in_process(command, "--help").text)
    assert not re.search(r"<(bool|str|int|list\[str\])>", help_text), help_text


def test_option_help_names_what_an_option_takes():
    help_text = ANSI_ESCAPE.sub("", in_process("convert", "--help").text)
    assert re.search(r"--output\s+-o\s+FILE", help_text) and re.search(r"--to\s+-t\s+FORMAT", help_text)


@pytest.mark.parametrize("text, summary", [
    pytest.param("@book{a, title = {A}}\n", "1 record: ", id="one record, not 1 records"),
    pytest.param("@book{a, title = {A}}\n@book{b, title = {B}}\n", "2 records: ", id="two records"),
    pytest.param("@book{a, title = {A}}\n@book{a, title = {B}}\n", "1 input problem, 0 notes",
                 id="one problem (a duplicate key), not problem(s)"),
])
def test_the_summary_is_grammatical(tmp_path, text, summary):
    source = tmp_path / "refs.bib"
    source.write_text(text, encoding="utf-8")
    result = in_process("convert", str(source), "--to", "ris")
    assert summary in result.stderr
    assert "(s)" not in result.stderr


@pytest.mark.parametrize("run", ALL_RUNNERS)
def test_empty_standard_input_says_so(run):
    result = run("convert", "-", "--to", "ris", input=b"")
    assert result.code == 2
    assert result.stderr.strip() == "refman: error: standard input is empty"


def refman_with_a_bug(*arguments: str, bug: str = "raise ValueError('a bug\\nwith two lines')"):
    """The refman command with the library function `api.convert` replaced by one that fails."""
    script = ("import sys\nimport refmanager.api as api\n"
              f"def broken(*arguments, **options):\n    {bug}\n"
              "api.convert = broken\nfrom refmanager.cli import main\n"
              f"sys.argv = ['refman', *{list(arguments)!r}]\nmain()\n")
    return _subprocess([sys.executable, "-c", script], None)


def test_an_unexpected_error_exits_2_with_one_line():
    result = refman_with_a_bug("convert", str(SAMPLE), "--to", "ris")
    assert result.code == 2
    assert result.stderr.strip() == ("refman: internal error: ValueError: a bug (run with --debug for "
                                     "the traceback, and please report it)")


def test_debug_shows_the_traceback_of_an_unexpected_error():
    result = refman_with_a_bug("--debug", "convert", str(SAMPLE), "--to", "ris")
    assert result.code == 2
    assert "Traceback (most recent call last)" in result.stderr and "in broken" in result.stderr


@pytest.mark.parametrize("bug", [
    pytest.param("raise MemoryError", id="out of memory"),
    pytest.param("raise RecursionError('too deep')", id="a recursion error"),
    pytest.param("raise UnicodeEncodeError('utf-8', 'x', 0, 1, 'surrogates not allowed')", id="an encoding error"),
])
def test_no_unexpected_error_exits_1(bug):
    result = refman_with_a_bug("convert", str(SAMPLE), "--to", "ris", bug=bug)
    assert result.code == 2
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_in_place_rewrites_the_file_and_keeps_a_backup(tmp_path):
    source = tmp_path / "refs.bib"
    source.write_text("@book{a, title = {Caf\u00e9}}\n", encoding="utf-8")
    result = in_process("convert", "--in-place", "--ascii", str(source))
    assert result.code == 0, result.stderr
    assert "Caf{\\'e}" in source.read_text(encoding="utf-8")
    assert (tmp_path / "refs.bib.bak").read_text(encoding="utf-8") == "@book{a, title = {Caf\u00e9}}\n"


def test_in_place_refuses_standard_input_and_an_output_file(tmp_path):
    assert in_process("convert", "--in-place", "-").code == 2
    assert in_process("convert", "--in-place", str(SAMPLE), "-o", str(tmp_path / "x.bib")).code == 2


def test_json_reports_of_many_problems_are_written_quickly_and_parse(tmp_path):
    # 200,000 problems took 72 s and 3.9 GB through rich's print_json.
    problems = [Problem("refs.bib", line, f"problem {line}", "warning").as_dict() for line in range(200_000)]
    chunks: list[str] = []
    started = time.perf_counter()
    write_json({"records": 3, "read_problems": problems, "write_problems": []}, chunks.append)
    assert time.perf_counter() - started < 60  # 1-10 s; print_json took 72 s unloaded
    parsed = json.loads("".join(chunks))
    assert parsed["read_problems"][-1] == problems[-1] and parsed["write_problems"] == []


def test_a_json_report_of_many_problems_from_the_command_parses(tmp_path):
    source = tmp_path / "many.ris"
    source.write_text("TY  - XXXX\nER  - \n\n" * 20_000, encoding="utf-8")  # unknown type each
    result = in_process("convert", str(source), "--to", "csljson", "--json", "-o", str(tmp_path / "x.json"))
    assert result.code == 1
    assert len(json.loads(result.stderr)["read_problems"]) == 20_000


# ---------------------------------------------------------------- a corpus of broken files (issue 12)

KEPT = {"bib": ["keptA", "keptB"], "ris": ["keptA", "keptB"], "json": ["keptA", "keptB"]}


def good(extension: str, key: str) -> str:
    return {"bib": f"@book{{{key}, title = {{Kept {key}}}, year = 2001}}\n",
            "ris": f"TY  - BOOK\nID  - {key}\nTI  - Kept {key}\nPY  - 2001\nER  - \n",
            "json": f'{{"id": "{key}", "type": "book", "title": "Kept {key}"}}'}[extension]


def around(extension: str, damage: str) -> str:
    """The damage between two good records, in the file format of `extension`."""
    first, second = good(extension, "keptA"), good(extension, "keptB")
    if extension == "json":
        return f"[\n  {first},\n  {damage},\n  {second}\n]\n"
    return f"{first}\n{damage}\n{second}"


# (file name, damage): the damage found in the wild and by probing (issue 12).
CORPUS = {
    "unclosed.bib": "@article{broken, title = {Never closed,\n  year = 2021,\n",
    "duplicate.bib": "@book{keptA, title = {Same key}}\n",
    "month13.bib": "@book{m, title = {M}, year = 2000, month = 13}",
    "month-digits.bib": "@book{m, title = {M}, year = 2000, month = " + "9" * 5000 + "}",
    "quoting-ris.bib": "@book{q, title = {Q}, abstract = {\nTY  - JOUR\nER  - \n}}",
    "no-er.ris": "TY  - JOUR\nTI  - No end\nAU  - Smith, J.\n",
    "unknown-type.ris": "TY  - QQQQ\nTI  - Odd\nER  - \n",
    "stray.ris": "just some words before a record\nand more",
    "date.ris": "TY  - JOUR\nPY  - 0000\nDA  - 2004/13/45/\nER  - \n",
    "deep.json": '{"id": "d", "type": "book", "note": ' + "[" * 1000 + "]" * 1000 + "}",
    "broken-item.json": '{"id": "b", "type": "book", "title": }',
    "surrogate.json": '{"id": "s", "type": "book", "title": "a\\ud800"}',
    "bad-dates.json": '{"id": "m", "type": "book", "issued": {"date-parts": [[2000, 13]]}, '
                      '"accessed": {}, "submitted": {"date-parts": [[' + "9" * 5000 + "]]}}",
    "big-number.json": '{"id": "n", "type": "book", "volume": ' + "9" * 5000 + "}",
    "not-an-item.json": "[1, 2, 3]",
}
WHOLE_FILES = {  # damage that is the whole file, with no good records to keep
    "empty.bib": b"",
    "binary.ris": bytes(range(256)) * 4,
    "top-deep.json": b"[" * 1000 + b"]" * 1000,
    "latin1.bib": "@book{keptA, title = {Caf\u00e9}}\n@book{keptB, title = {B}}\n".encode("latin-1"),
    "utf16.ris": b"\xff\xfe" + (good("ris", "keptA") + good("ris", "keptB")).encode("utf-16-le"),
    "cr-only.ris": (good("ris", "keptA") + "\n" + good("ris", "keptB")).replace("\n", "\r").encode(),
}
PROBLEM_LINE = re.compile(r"^\S.*:\d+: (error|warning): .+$")


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, damage in CORPUS.items():
        (folder / name).write_text(around(name.rsplit(".", 1)[1], damage), encoding="utf-8")
    for name, data in WHOLE_FILES.items():
        (folder / name).write_bytes(data)
    return folder


def assert_no_traceback(result: Run) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert "internal error" not in result.stderr, result.stderr


def test_check_reads_the_whole_corpus_and_reports_each_problem_on_one_line(corpus):
    result = in_process("check", str(corpus))
    assert_no_traceback(result)
    assert result.code == 1  # problems, reported; none of the files is unreadable
    assert all(PROBLEM_LINE.match(line) for line in result.stderr.splitlines()), result.stderr
    checked = json.loads(in_process("check", "--json", str(corpus)).text)
    assert len(checked) == len(CORPUS) + len(WHOLE_FILES)


@pytest.mark.parametrize("name", sorted(CORPUS) + ["latin1.bib", "utf16.ris", "cr-only.ris"])
@pytest.mark.parametrize("target", ["bib", "ris", "json"])
def test_converting_a_broken_file_keeps_its_good_records(corpus, tmp_path, name, target):
    out = tmp_path / f"out.{target}"
    result = in_process("convert", str(corpus / name), "-o", str(out))
    assert_no_traceback(result)
    assert result.code in (0, 1)
    keys = [record.key for record in refmanager.load(str(out)).records]
    assert "keptA" in keys and "keptB" in keys, (keys, result.stderr)
    assert keys[0] == "keptA" and keys[-1] == "keptB"


@pytest.mark.parametrize("name", ["empty.bib", "binary.ris", "top-deep.json"])
def test_converting_a_file_with_nothing_good_in_it_exits_1_or_2_in_one_line_each(corpus, tmp_path, name):
    result = in_process("convert", str(corpus / name), "-o", str(tmp_path / "out.json"))
    assert_no_traceback(result)
    assert result.code in (1, 2)


def test_formats_is_not_troubled_by_the_corpus(corpus):
    result = in_process("formats")
    assert result.code == 0 and "csljson" in result.text


def test_converting_bibtex_nested_600_deep_keeps_its_good_records(tmp_path):
    source = tmp_path / "deep.bib"
    source.write_text(around("bib", "@book{d, title = {" + "{" * 600 + "x" + "}" * 600 + "}}"), encoding="utf-8")
    result = in_process("convert", str(source), "--to", "ris")
    assert_no_traceback(result)
    assert "keptB" in result.text


def test_a_command_leaves_what_it_made_out_of_the_collection_at_exit(library):
    # The interpreter's last full collection would walk every cache the command
    # filled; the objects are frozen instead, whatever the command's exit.
    script = ("import gc, sys\nfrom refmanager.cli import main\nsys.argv = ['refman', *sys.argv[1:]]\n"
              "try:\n    main()\nexcept SystemExit as done:\n    print(done.code, gc.get_freeze_count() > 1000)")
    for args, code in ((["cite", str(library), "--style", "apa"], "0"), (["cite", "nonesuch.bib"], "2")):
        done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=120)
        assert done.stdout.split()[-2:] == [code, "True"]


@pytest.mark.parametrize("arguments, stages", [
    (["convert", str(SAMPLE), "--to", "ris"], ["reading ", "writing 28 records as ris"]),
    (["dedupe", str(REPOSITORY / "library")], ["reading "] * 4 + ["finding duplicates among 85 records"]),
], ids=["convert", "dedupe"])
def test_a_terminal_gets_a_bar_for_each_stage_of_a_big_job(monkeypatch, arguments, stages):
    from rich.console import Console
    from rich.progress import Progress

    monkeypatch.setattr(shell, "PROGRESS_FROM_BYTES", 0)  # the sample library stands for a big file
    monkeypatch.setattr(shell, "errors", Console(stderr=True, force_terminal=True, width=200))
    seen = []
    add_task = Progress.add_task
    monkeypatch.setattr(Progress, "add_task", lambda self, description, total=None, **options:
                        seen.append(description) or add_task(self, description, total=total))
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 0, result.output
    assert len(seen) == len(stages) and all(map(str.startswith, seen, stages)), seen


@pytest.mark.parametrize("arguments", [["convert", str(SAMPLE), "--to", "ris"], ["dedupe", str(SAMPLE)]],
                         ids=["convert", "dedupe"])
def test_a_small_job_on_a_terminal_shows_no_bar(monkeypatch, arguments):
    from rich.console import Console
    from rich.progress import Progress

    monkeypatch.setattr(shell, "errors", Console(stderr=True, force_terminal=True, width=200))
    monkeypatch.setattr(Progress, "add_task", lambda *arguments, **options: pytest.fail("a bar was shown"))
    assert CliRunner().invoke(app, arguments).exit_code == 0
