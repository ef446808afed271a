"""The README's commands work: the set-up lines and every line of the tour.

The install steps themselves are what CI runs (.ci/run runs the README's test
command word for word); here the commands after the install run against the
installed `refman`, in a scratch folder holding a copy of the sample library.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[1]
README = (REPOSITORY / "README.md").read_text(encoding="utf-8")


def shell_blocks() -> list[list[str]]:
    return [block.strip().splitlines() for block in re.findall(r"```sh\n(.*?)```", README, re.S)]


def setup_commands() -> list[str]:
    return [line for block in shell_blocks() for line in block if line.startswith("python3 -m venv")]


def tour_commands() -> list[str]:
    lines = [line for block in shell_blocks() for line in block if "refman " in line]
    return [line.split("  #")[0].strip() for line in lines if not line.startswith("python3")]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    # Only the sample library: every tour line must run as written, on files that exist.
    shutil.copytree(REPOSITORY / "library", tmp_path / "library")
    return tmp_path


def test_the_readme_gives_two_setup_commands():
    install_and_run, install_and_test = setup_commands()
    assert "pip install ." in install_and_run and "refman " in install_and_run
    assert install_and_test.endswith("&& pytest")


def test_ci_runs_the_readme_test_command_word_for_word():
    ci_script = (REPOSITORY / ".ci" / "run").read_text(encoding="utf-8")
    assert setup_commands()[1] in ci_script.splitlines()


def test_the_main_job_runs_on_the_sample_library(workspace):
    main_job = setup_commands()[0].split("pip install . && ", 1)[1]
    assert main_job == "refman cite library/ --style apa"
    result = subprocess.run(main_job, shell=True, cwd=workspace, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    entries = result.stdout.splitlines()
    # 28 works in three exports each, merged, and the seed article with its corrected statement.
    assert len(entries) == 29 and "56 duplicates merged" in result.stderr
    assert entries[0].startswith("Alipour Gorji, M., & Seifi, A. (2024). The status of soft power in Russian foreign policy toward Southern Caucasus.")
    assert "6(2), 31–34" in entries[0]


def test_the_opening_shows_what_the_main_job_prints(workspace):
    shown = re.search(r"```\n\$ refman cite library/ --style apa\n(.*?)\n\.\.\.\n```", README, re.S).group(1)
    result = subprocess.run("refman cite library/ --style apa", shell=True, cwd=workspace,
                            capture_output=True, text=True)
    stderr_line, *entries = shown.splitlines()
    assert stderr_line == result.stderr.strip()
    assert result.stdout.splitlines()[:len(entries)] == entries


@pytest.mark.parametrize("command", tour_commands())
def test_each_tour_command_runs(workspace, command):
    result = subprocess.run(command, shell=True, cwd=workspace, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_the_python_example_runs(workspace, monkeypatch, capsys):
    (example,) = re.findall(r"```python\n(.*?)```", README, re.S)
    monkeypatch.chdir(workspace)
    exec(compile(example, "README.md", "exec"), {})
    assert capsys.readouterr().out.count("\n") == 28  # one line per record
    assert (workspace / "copy.bib").read_bytes() == (workspace / "library" / "soft-power.bib").read_bytes()
