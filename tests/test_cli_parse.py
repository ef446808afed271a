"""Tests for the `refman parse` block of refmanager/cli/ingest.py: free-text references.

Kept apart from tests/test_cli.py so that the command's block and its tests move
together. The help's examples run as users type them; the output formats are
checked on references written here.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from refmanager.cli import app

REPOSITORY = Path(__file__).resolve().parents[1]
SCRIPTS = Path(sys.executable).parent
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")
REFERENCES = [
    "Nye, J. S. (2004). Soft power: The means to success in world politics. New York: PublicAffairs.",
    "",
    "Sekijima Y, Dendle MA, Kelly JW. Orally bioavailable small molecules that stabilise "
    "transthyretin. Amyloid. 2006;13(2):57-66.",
    "[3] L. Lamport, R. Shostak, and M. Pease, “The Byzantine generals problem,” ACM Trans. "
    "Program. Lang. Syst., vol. 4, no. 3, pp. 382–401, Jul. 1982.",
]


def help_examples() -> list[str]:
    result = CliRunner().invoke(app, ["parse", "--help"], env={"COLUMNS": "200"})
    lines = (line.strip().strip("│").strip() for line in ANSI_ESCAPE.sub("", result.output).splitlines())
    return [line for line in lines if line.startswith("refman parse")]


def test_the_help_has_examples():
    assert len(help_examples()) >= 2


@pytest.mark.parametrize("line", help_examples())
def test_each_help_example_runs(line):
    env = {**os.environ, "PATH": f"{SCRIPTS}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run(shlex.split(line), cwd=REPOSITORY, env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and done.stdout.strip()


def test_a_file_gives_one_csljson_item_per_reference_in_input_order(tmp_path):
    source = tmp_path / "references.txt"
    source.write_text("\n".join(REFERENCES) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["parse", str(source), "--to", "csljson"])
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)
    assert [item["id"] for item in items] == ["ref1", "ref3", "ref4"]
    assert [item["type"] for item in items] == ["book", "article-journal", "article-journal"]
    assert items[1]["author"][0] == {"family": "Sekijima", "given": "Y"}
    assert items[2]["page"] == "382–401"


def test_json_shows_the_labelled_spans_beside_the_item():
    result = CliRunner().invoke(app, ["parse", REFERENCES[2], "--json"])
    assert result.exit_code == 0, result.output
    [parsed] = json.loads(result.stdout)
    assert ["container", "Amyloid"] in parsed["spans"]
    assert parsed["item"]["container-title"] == "Amyloid"


def test_the_default_view_shows_the_fields():
    result = CliRunner().invoke(app, ["parse", REFERENCES[0]], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "PublicAffairs" in result.stdout and "J. S. Nye" in result.stdout


def test_an_unknown_output_format_is_a_usage_error():
    result = CliRunner().invoke(app, ["parse", REFERENCES[0], "--to", "docx"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_a_missing_file_is_an_error_in_one_line(tmp_path):
    result = CliRunner().invoke(app, ["parse", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
    assert "missing.txt: no such file" in result.output and "Traceback" not in result.output
