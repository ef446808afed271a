"""`refman ingest` (refmanager/cli/ingest.py) on the seed: issue 8's acceptance case, word for word.

The seed is ../shared/seed/article-front-matter.md; the expected record is the
one issue 8 states ("Alipour Gorji, Mahmood and Seifi, Abdolmajid", pages 31–34...).
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import refmanager
from refmanager.changes import Change, revert_changes
from refmanager.cli import app


@pytest.fixture
def seed(shared):
    return str(shared / "seed" / "article-front-matter.md")


def run(*arguments: str):
    return CliRunner().invoke(app, ["ingest", *arguments])


def test_the_seed_as_csljson_is_the_corrected_record(seed):
    result = run(seed, "--to", "csljson")
    assert result.exit_code == 0, result.output
    [item] = json.loads(result.stdout)
    assert item["type"] == "article-journal"
    assert item["author"] == [{"family": "Alipour Gorji", "given": "Mahmood"},
                              {"family": "Seifi", "given": "Abdolmajid"}]
    assert item["title"] == "The Status of Soft Power in Russian Foreign Policy toward Southern Caucasus"
    assert item["container-title"] == "The Fundamental and Applied Studies of the Islamic World"
    assert (item["volume"], item["issue"], item["page"]) == ("6", "2", "31–34")
    assert item["issued"] == {"date-parts": [[2024]]}
    assert item["keyword"] == "Russia, Soft Power, southern Caucasus, Covid-19 Crisis, Color Revolutions"
    assert item["submitted"] == {"date-parts": [[2023, 11, 19]]}  # received
    assert item["custom"]["accepted"] == {"date-parts": [[2024, 7, 25]]}  # CSL has no "accepted"
    assert item["available-date"] == {"date-parts": [[2024, 9, 5]]}  # available online, day first
    assert item["custom"]["statement-title"].startswith("The position of soft power")
    assert item["abstract"].startswith("Introduction: The collapse of the Soviet Union")


def test_the_seeds_report_names_each_correction(seed, tmp_path):
    report = tmp_path / "report.json"
    result = run(seed, "--to", "csljson", "--report", str(report))
    assert result.exit_code == 0, result.output
    changes = [Change.from_json(entry) for entry in json.loads(report.read_text(encoding="utf-8"))["changes"]]
    assert [(change.field, change.rule) for change in changes] == [
        ("author", "InvertedName"), ("author", "FullGivenName"), ("title", "KeepDocumentTitle"),
        ("page", "PageRangeDash")]
    inverted = changes[0]
    assert inverted.old[0].family == "mahmood" and inverted.new[0].family == "Alipour Gorji"
    assert inverted.evidence.startswith("byline: Mahmood Alipour Gorji")
    assert {change.record.key for change in changes} == {"alipourgorji2024"}


def test_the_report_reverts_the_ingested_record_to_the_statement(seed, tmp_path):
    report = tmp_path / "report.json"
    run(seed, "--report", str(report))
    changes = [Change.from_json(entry) for entry in json.loads(report.read_text(encoding="utf-8"))["changes"]]
    document = refmanager.load(seed, "frontmatter")
    assert revert_changes(document, changes) == []
    [record] = document.records
    assert record.authors[0].family == "mahmood" and record.page == "31-34"
    assert record.title.startswith("The position of soft power")


@pytest.mark.parametrize("format", ["bibtex", "ris"])
def test_the_seed_in_other_formats_reads_back_as_the_same_record(seed, format):
    result = run(seed, "--to", format)
    assert result.exit_code == 0, result.output
    [record] = refmanager.loads(result.stdout, format).records
    assert [name.family for name in record.authors] == ["Alipour Gorji", "Seifi"]
    assert (record.volume, record.issue, record.page, record.issued.year) == ("6", "2", "31–34", 2024)


def test_the_seed_shown_on_screen_lists_the_record_and_each_correction(seed):
    result = run(seed)
    assert result.exit_code == 0, result.output
    assert "Alipour Gorji, Mahmood; Seifi, Abdolmajid" in result.stdout
    assert "4 correction(s)" in result.stdout
    for rule in ("InvertedName", "FullGivenName", "KeepDocumentTitle", "PageRangeDash"):
        assert rule in result.stdout
    assert "mahmood, A. G. → Alipour Gorji, Mahmood" in result.stdout


def test_several_articles_give_one_item_each_in_order(seed, repository, tmp_path):
    other = str(repository / "tests" / "ingest" / "data" / "turkish-letters.md")
    report = tmp_path / "report.json"
    result = run(seed, other, "--to", "csljson", "--report", str(report))
    assert result.exit_code == 0, result.output
    assert [item["id"] for item in json.loads(result.stdout)] == ["alipourgorji2024", "yilmaz2021"]
    paths = {entry["record"]["path"] for entry in json.loads(report.read_text(encoding="utf-8"))["changes"]}
    assert paths == {seed, other}


def test_a_missing_file_is_one_line_and_exit_2(tmp_path):
    result = run(str(tmp_path / "nothing.md"))
    assert result.exit_code == 2
    assert result.output.strip().endswith("nothing.md: no such file")
    assert "Traceback" not in result.output


def test_doubtful_dates_are_reported_and_exit_1(repository):
    result = run(str(repository / "tests" / "ingest" / "data" / "doi-forms-title-variant.md"))
    assert result.exit_code == 1
    assert "may be day/month or month/day; read as day/month" in result.output


def _help_examples() -> list[str]:
    [info] = [info for info in app.registered_commands if info.callback.__name__ == "ingest"]
    lines = (line.strip() for line in info.callback.__doc__.splitlines())
    return [line for line in lines if line.startswith("refman ingest")]


def test_the_help_has_examples():
    assert len(_help_examples()) >= 2


@pytest.mark.parametrize("line", _help_examples())
def test_each_help_example_runs_from_the_repository_root(line, repository, tmp_path, monkeypatch):
    monkeypatch.chdir(repository)
    arguments = line.split()[2:]
    if "--report" in arguments:  # written to tmp_path, not into the checkout
        arguments[arguments.index("--report") + 1] = str(tmp_path / "report.json")
    result = run(*arguments)
    assert result.exit_code == 0, result.output
    assert "alipourgorji2024" in result.stdout or "Alipour Gorji" in result.stdout
