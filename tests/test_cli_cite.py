"""Tests for `refman cite` and `refman styles` (refmanager/cli/cite.py).

Inputs are the sample library (library/soft-power.*, 28 records) and keys
from it; the contract is refmanager/cli/shell.py (exit 0, 1 input problems, 2 unusable
input or usage error, one line per error, no traceback).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rich.console import Console

from refmanager import cli
from refmanager.cli import app

REPOSITORY = Path(__file__).resolve().parents[1]
SAMPLE = str(REPOSITORY / "library" / "soft-power.bib")
RECORDS = 28
SCRIPTS = Path(sys.executable).parent
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")


def invoke(*arguments: str):
    return CliRunner().invoke(app, list(arguments), env={"COLUMNS": "200"})


def test_cite_prints_one_entry_per_record_in_apa_by_default():
    result = invoke("cite", SAMPLE)
    assert result.exit_code == 0, result.output
    entries = result.stdout.strip().splitlines()
    assert len(entries) == RECORDS
    initials = [entry[0].casefold() for entry in entries]
    assert initials == sorted(initials)  # APA sorts by the first author's family name


def test_cite_with_keys_prints_only_those_records():
    result = invoke("cite", SAMPLE, "nye2004book", "keohane1977power")
    assert result.exit_code == 0, result.output
    entries = result.stdout.strip().splitlines()
    assert len(entries) == 2 and entries[0].startswith("Keohane")


def test_in_text_prints_each_records_citation():
    result = invoke("cite", SAMPLE, "nye2004book", "keohane1977power", "--in-text")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().splitlines() == ["(Nye, 2004)", "(Keohane & Nye, 1977)"]


def test_json_gives_id_citation_and_bibliography_in_input_order():
    result = invoke("cite", SAMPLE, "--json", "--style", "chicago-notes-bibliography")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == RECORDS and rows[0]["id"] == "nye1990fp"
    assert {"id", "citation", "short_note", "bibliography"} <= set(rows[0])


@pytest.mark.parametrize("name, marker", [
    ("bibliography.html", "<i>"),
    ("bibliography.md", "*"),
    ("bibliography.tex", "\\textit{"),
    ("bibliography.txt", "Nye"),
], ids=["an .html file gets HTML", "an .md file gets Markdown", "a .tex file gets LaTeX",
        "a .txt file gets plain text"])
def test_the_output_file_extension_picks_the_format(tmp_path, name, marker):
    target = tmp_path / name
    result = invoke("cite", SAMPLE, "-o", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert marker in text and len(text.strip().splitlines()) == RECORDS


@pytest.mark.parametrize("arguments, message", [
    (["cite", SAMPLE, "--style", "apa-7"], "did you mean"),
    (["cite", SAMPLE, "nye2004bok"], "nye2004book"),
    (["cite", "missing.bib"], "no such file"),
    (["cite", SAMPLE, "--format", "rtf"], "rtf"),
    (["cite", SAMPLE, "-o", "out.docx"], "--format"),
    (["cite", SAMPLE, "--style", "mine.csl"], "no such style file"),
], ids=["an unknown style suggests close ids", "an unknown key suggests a close key",
        "a missing file is named", "an unknown format is named", "an unknown extension asks for --format",
        "a missing .csl file is named"])
def test_usage_errors_exit_2_with_one_line(arguments, message):
    result = invoke(*arguments)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in result.output


def test_the_terminal_format_is_printed_through_rich_not_as_markup():
    # Piped, rich drops the italics; what must not show is the markup itself.
    result = invoke("cite", SAMPLE, "keohane1977power", "--format", "terminal")
    assert result.exit_code == 0, result.output
    assert "Power and interdependence: World politics" in result.stdout and "[italic]" not in result.stdout


def test_json_on_a_terminal_holds_plain_text(monkeypatch):
    monkeypatch.setattr(cli.shell, "output", Console(force_terminal=True, width=200))
    result = invoke("cite", SAMPLE, "keohane1977power", "--json")
    [row] = json.loads(result.stdout)
    assert "[italic]" not in row["bibliography"] and "\x1b" not in row["bibliography"]
    assert "Power and interdependence: World politics" in row["bibliography"]


def test_locale_changes_the_terms_of_the_style():
    english = invoke("cite", SAMPLE, "keohane1977power", "--style", "chicago-author-date")
    german = invoke("cite", SAMPLE, "keohane1977power", "--style", "chicago-author-date", "--locale", "de-DE")
    assert " and Joseph" in english.stdout and " und Joseph" in german.stdout


def test_styles_piped_prints_one_tab_separated_line_per_style():
    result = invoke("styles", "chicago-notes-bibliography")
    rows = {line.split("\t")[0]: line.split("\t") for line in result.stdout.splitlines()}
    assert rows["chicago-notes-bibliography"][2] == "note"
    assert all(len(row) == 4 for row in rows.values())


def test_styles_on_a_terminal_shows_a_table(monkeypatch):
    monkeypatch.setattr(cli.shell, "output", Console(force_terminal=True, width=200))
    result = invoke("styles", "chicago-notes")
    assert result.exit_code == 0
    shown = ANSI_ESCAPE.sub("", result.stdout)
    assert re.search(r"chicago-notes-bibliography\s+Chicago Manual of Style 18th.*\s+note\s", shown)
    assert "\t" not in shown


def test_styles_json_lists_id_title_class_and_fields():
    result = invoke("styles", "ieee", "--json")
    rows = json.loads(result.stdout)
    ieee = next(row for row in rows if row["id"] == "ieee")
    assert ieee["style_class"] == "in-text" and ieee["citation_format"] == "numeric"
    assert "engineering" in ieee["fields"]


# ---------------------------------------------------------------- help and its examples

def example_lines(command: str) -> list[str]:
    result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    lines = (line.strip().strip("│").strip() for line in ANSI_ESCAPE.sub("", result.output).splitlines())
    return [line for line in lines if line.startswith(f"refman {command}")]


@pytest.mark.parametrize("command", ["cite", "styles"])
def test_each_command_help_has_an_example(command):
    assert example_lines(command)


@pytest.mark.parametrize("line", [line for command in ("cite", "styles") for line in example_lines(command)])
def test_help_examples_run_from_the_repository_root(tmp_path, line):
    command = re.sub(r"(-o)\s+(\S+)", lambda match: f"{match[1]} {tmp_path / match[2]}", line)
    env = {**os.environ, "PATH": f"{SCRIPTS}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run(["bash", "-c", command], cwd=REPOSITORY, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() or list(tmp_path.iterdir())


# ---------------------------------------------------------------- named styles

@pytest.fixture
def user_styles(tmp_path, monkeypatch):
    """A folder of the user's own named styles, and no styles from this machine's ~/.config."""
    folder = tmp_path / "styles"
    folder.mkdir()
    monkeypatch.setenv("REFMAN_STYLES", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return folder


def test_cite_with_a_named_style_renders_the_csl_style_it_runs(user_styles):
    named = invoke("cite", SAMPLE, "--json", "--style", "chicago-notes")
    official = invoke("cite", SAMPLE, "--json", "--style", "chicago-notes-bibliography")
    assert named.exit_code == 0, named.output
    rows, official_rows = json.loads(named.stdout), json.loads(official.stdout)
    assert {"citation", "short_note", "bibliography"} <= set(rows[0])
    # the same output, but for the short notes of titles with a subtitle (short-titles = true)
    without_short_notes = [{**row, "short_note": None} for row in rows]
    assert without_short_notes == [{**row, "short_note": None} for row in official_rows]
    short_notes = {row["id"]: row["short_note"] for row in rows}
    assert short_notes["nye1990bound"] == "Nye, Bound to Lead."
    assert {row["id"]: row["short_note"] for row in official_rows}["nye1990bound"] == \
        "Nye, Bound to Lead: The Changing Nature of American Power."


def test_cite_with_a_users_named_style_uses_its_locale(user_styles):
    (user_styles / "german.toml").write_text('title = "German"\ncsl = "chicago-author-date"\n'
                                             'locale = "de-DE"\n', encoding="utf-8")
    result = invoke("cite", SAMPLE, "keohane1977power", "--style", "german")
    assert result.exit_code == 0, result.output
    assert " und Joseph" in result.stdout


def test_cite_with_the_bibtex_style_prints_clean_entries(user_styles):
    result = invoke("cite", SAMPLE, "nye1990fp", "keohane1977power", "--style", "bibtex")
    assert result.exit_code == 0, result.output
    entries = result.stdout.strip().split("\n\n")
    assert [text.splitlines()[0] for text in entries] == ["@article{nye1990fp,", "@book{keohane1977power,"]
    assert "  pages = {153--171}," in entries[0]


def test_the_bibtex_style_writes_a_bib_file_named_with_o(user_styles, tmp_path):
    target = tmp_path / "clean.bib"
    result = invoke("cite", SAMPLE, "--style", "biblatex", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").count("\n@") == RECORDS - 1
    assert "journaltitle = " in target.read_text(encoding="utf-8")


def test_the_bibtex_style_has_no_in_text_citations(user_styles):
    result = invoke("cite", SAMPLE, "--style", "bibtex", "--in-text")
    assert result.exit_code == 2
    assert result.stderr.strip() == "refman: error: the bibtex style writes entries, not citations; drop --in-text"


def test_a_broken_named_style_is_one_error_line_naming_its_file_and_line(user_styles):
    path = user_styles / "broken.toml"
    path.write_text('title = "Broken"\ncsl = "apa"\nfont = "Times"\n', encoding="utf-8")
    for arguments in (("cite", SAMPLE, "--style", "broken"), ("styles",)):
        result = invoke(*arguments)
        assert result.exit_code == 2
        assert re.fullmatch(rf"refman: error: {re.escape(str(path))}:3: unknown key 'font'; .*\n",
                            result.stderr), result.stderr


def test_styles_lists_the_named_styles_first_with_their_file(user_styles):
    (user_styles / "house.toml").write_text('title = "Our house style"\ncsl = "ieee"\n', encoding="utf-8")
    result = invoke("styles")
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    named = [row for row in rows if row[3].startswith("named style: ")]
    assert rows[: len(named)] == named and all(len(row) == 4 for row in rows)
    house = next(row for row in named if row[0] == "house")
    assert house[2] == "in-text" and house[3] == f"named style: runs ieee; {user_styles / 'house.toml'}"
    assert {"apa", "chicago-notes", "bibtex"} <= {row[0] for row in named}
    assert any(row[0] == "apa" and not row[3].startswith("named") for row in rows)  # the official one too


def test_styles_json_marks_the_named_styles(user_styles):
    rows = json.loads(invoke("styles", "apa", "--json").stdout)
    named = next(row for row in rows if row.get("named"))
    assert (named["id"], named["csl"], named["sentence_case"], named["style_class"]) == \
        ("apa", "apa", True, "in-text")
    assert Path(named["file"]).name == "apa.toml"
    assert any(row["id"] == "apa" and "named" not in row for row in rows)


MESSY = """@article{smith2019,
  author = {SMITH, JOHN},
  title = {Biometrics , Surveillance and the Law},
  journal = {Law Review},
  volume = {3},
  pages = {201-19},
  year = {2019},
}
"""


def test_clean_makes_the_fixes_in_memory_and_leaves_the_file_as_it_was(tmp_path):
    messy = tmp_path / "messy.bib"
    messy.write_text(MESSY, encoding="utf-8")
    as_read = invoke("cite", str(messy))
    cleaned = invoke("cite", str(messy), "--clean")
    assert as_read.exit_code == cleaned.exit_code == 0, cleaned.output
    assert as_read.stdout.startswith("SMITH, J. (2019). Biometrics , surveillance")
    assert cleaned.stdout.strip() == "Smith, J. (2019). Biometrics, surveillance and the law. Law Review, 3, 201–219."
    assert "3 fixes made in memory" in cleaned.stderr
    assert messy.read_text(encoding="utf-8") == MESSY


def test_a_terminal_gets_a_bar_for_each_stage_of_a_big_cite(monkeypatch):
    from rich.progress import Progress

    monkeypatch.setattr(cli.shell, "PROGRESS_FROM_BYTES", 0)
    monkeypatch.setattr(cli.shell, "errors", Console(stderr=True, force_terminal=True, width=200))
    tasks, advanced = [], []
    add_task, advance = Progress.add_task, Progress.advance
    monkeypatch.setattr(Progress, "add_task", lambda self, description, total=None, **options:
                        tasks.append((description, total)) or add_task(self, description, total=total))
    monkeypatch.setattr(Progress, "advance", lambda self, task, done: advanced.append(done) or advance(self, task, done))
    library = REPOSITORY / "library"
    result = invoke("cite", str(library), "--style", "apa")
    assert result.exit_code == 0, result.output
    entries = len(result.stdout.strip().splitlines())
    files = [description for description, _total in tasks if description.startswith("reading ")]
    assert len(files) == 4 and tasks[len(files)][0].startswith("finding duplicates among ")
    assert tasks[len(files) + 1:] == [(f"sorting and disambiguating {entries} records", None),
                                      (f"formatting {entries} entries", entries)]
    assert sum(advanced) == entries


def test_a_cite_piped_prints_no_bar(monkeypatch):
    monkeypatch.setattr(cli.shell, "PROGRESS_FROM_BYTES", 0)
    result = invoke("cite", SAMPLE)
    assert result.exit_code == 0 and result.stderr == ""
