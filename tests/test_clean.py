"""Tests for refmanager/clean.py and the `refman clean` / `refman revert` commands:
a plan writes nothing, --apply writes, the report replays, revert undoes, and a
cleaned file is clean. Real data: ../shared/bench/bigbib/personal-library-17k.bib."""

from __future__ import annotations

import difflib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from typer.testing import CliRunner

import refmanager
from refmanager import clean as cleaning
from refmanager.cli import app
from refmanager.normalize import NormalizeConfig

MESSY = """\
@article{smith2020,
  author = {Smith, John},
  title = {A Title},
  journal = {Journal of Things},
  year = {2020},
  pages = {201-19},
  issn = {14678705},
  doi = {https://doi.org/10.1000/xyz},
}
"""


def messy_file(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(MESSY, encoding="utf-8")
    return path


def test_a_plan_writes_nothing_but_says_what_it_would_do(tmp_path):
    path = messy_file(tmp_path)
    result = CliRunner().invoke(app, ["clean", str(path), "--report", str(tmp_path / "r.json")])
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == MESSY
    assert "ExpandPageRange" in result.output and "NormalizeDOI" in result.output
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["applied"] is False and report["files"][0]["written"] is None
    assert {change["rule"] for change in report["files"][0]["applied"]} >= {"ExpandPageRange", "NormalizeISSN"}


def test_diff_shows_the_changed_lines(tmp_path):
    result = CliRunner().invoke(app, ["clean", str(messy_file(tmp_path)), "--diff"])
    assert "-  pages = {201-19}," in result.output and "+  pages = {201--219}," in result.output


def test_apply_in_place_keeps_a_backup_and_revert_undoes_exactly_the_changes(tmp_path):
    path = messy_file(tmp_path)
    runner = CliRunner()
    result = runner.invoke(app, ["clean", str(path), "--apply", "--in-place", "--report", str(tmp_path / "r.json")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "refs.bib.bak").read_text(encoding="utf-8") == MESSY
    record = refmanager.load(str(path)).records[0]
    assert (record.page, record.issn, record.doi) == ("201–219", "1467-8705", "10.1000/xyz")
    result = runner.invoke(app, ["revert", str(tmp_path / "r.json")])
    assert result.exit_code == 0, result.output
    record = refmanager.load(str(path)).records[0]
    assert (record.page, record.issn, record.doi) == ("201-19", "14678705", "https://doi.org/10.1000/xyz")


def test_in_place_on_a_folder_cleans_its_bibliographies_and_only_reports_an_articles_fixes(tmp_path, library):
    import shutil

    folder = shutil.copytree(library, tmp_path / "library")
    article = folder / "alipour-gorji-2024.md"
    article_text = article.read_bytes()
    result = CliRunner().invoke(app, ["clean", str(folder), "--apply", "--in-place"])
    assert result.exit_code == 0, result.output
    assert article.read_bytes() == article_text and not (folder / "alipour-gorji-2024.md.bak").exists()
    assert f"{article}:1: warning: not rewritten in place" in result.output
    assert (folder / "soft-power.json.bak").exists()  # the bibliographies were cleaned in place (page ranges)
    # RIS states a range as its start and end pages, with no dash to mend: left as it was.
    assert (folder / "soft-power.ris").read_bytes() == (library / "soft-power.ris").read_bytes()
    assert not (folder / "soft-power.ris.bak").exists()


RIS_PAGES = """\
TY  - JOUR
ID  - a
TI  - Russia's Soft Power Discourse
AU  - Kiseleva, Yulia
PY  - 2015
SP  - 316–29
ER  - 
"""


def test_a_ris_range_is_cleaned_into_its_start_and_end_pages_and_stays_clean(tmp_path):
    path = tmp_path / "refs.ris"
    path.write_text(RIS_PAGES, encoding="utf-8")
    first = cleaning.clean([str(path)], apply=True, in_place=True)
    assert [(change.old, change.new) for change in first.files[0].applied] == [("316–29", "316-329")]
    assert "SP  - 316\nEP  - 329\n" in path.read_text(encoding="utf-8")
    again = cleaning.clean([str(path)], apply=True, in_place=True)
    assert again.files[0].applied == [] and again.files[0].suggested == []
    # The same record written as BibTeX gets the en dash BibTeX writes as `--`.
    bibtex = cleaning.clean([str(tmp_path / "refs.ris.bak")], apply=True, output=str(tmp_path / "out.bib"))
    assert [change.new for change in bibtex.files[0].applied] == ["316–329"]
    assert "316--329" in (tmp_path / "out.bib").read_text(encoding="utf-8")


def test_revert_leaves_a_field_edited_since_and_says_so(tmp_path):
    path = messy_file(tmp_path)
    report = cleaning.clean([str(path)], apply=True, in_place=True)
    cleaning.write_report(report, str(tmp_path / "r.json"))
    path.write_text(path.read_text(encoding="utf-8").replace("201--219", "1-2"), encoding="utf-8")
    result = cleaning.revert(str(tmp_path / "r.json"))
    assert any("page was changed since" in problem.message for problem in result.problems)
    assert refmanager.load(str(path)).records[0].page == "1-2"


def test_reverting_a_clean_of_real_entries_gives_back_the_file_byte_for_byte(bigbib, tmp_path):
    # The ACL anthology aligns its `=` and writes accents in LaTeX: the cleaned entries
    # keep that layout, change only their fixed lines, and come back whole.
    text = (bigbib / "acl-anthology-88k.bib").read_text(encoding="utf-8")
    source = tmp_path / "acl.bib"
    source.write_text(text[:_nth_entry_start(text, 2000)], encoding="utf-8")
    original = source.read_bytes()
    entries_before = [record.origin.raw for record in refmanager.load(str(source)).records]
    report = cleaning.clean([str(source)], apply=True, in_place=True)
    cleaning.write_report(report, str(tmp_path / "r.json"))
    cleaned = source.read_bytes()
    assert len(report.files[0].applied) > 20
    entries_after = [record.origin.raw for record in refmanager.load(str(source)).records]
    # No accent of an entry written in ASCII left LaTeX (one already mixing Unicode and
    # LaTeX, "Bhaṭṭti's R\={a}vaṇavadha", is written in Unicode when it changes).
    assert [after.isascii() for before, after in zip(entries_before, entries_after) if before.isascii()] == \
        [True] * sum(map(str.isascii, entries_before))
    fixed_lines = [line for line in difflib.ndiff(original.decode().splitlines(), cleaned.decode().splitlines())
                   if line.startswith("+ ")]
    changed_fields = {(change.record.position, change.field) for change in report.files[0].applied}
    assert len(fixed_lines) <= len(changed_fields)  # one line per changed field at most
    assert cleaning.revert(str(tmp_path / "r.json")).problems == []
    assert source.read_bytes() == original


def test_apply_without_a_destination_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["clean", str(messy_file(tmp_path)), "--apply"])
    assert result.exit_code == 2 and "-o OUT or --in-place" in result.output


def test_a_suggestion_is_only_made_when_accepted(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text("@misc{a,\n  title = {T},\n  url = {https://arxiv.org/abs/1706.03762},\n}\n")
    report = cleaning.clean([str(path)], apply=True, output=str(tmp_path / "out.bib"))
    assert [change.rule for change in report.files[0].suggested] == ["NormalizeArxivId"]
    assert refmanager.load(str(tmp_path / "out.bib")).records[0].number == ""  # written unchanged
    cleaning.clean([str(path)], NormalizeConfig(threshold=0.0), apply=True, output=str(tmp_path / "out.bib"))
    assert refmanager.load(str(tmp_path / "out.bib")).records[0].number == "1706.03762"


def test_json_output_is_the_report(tmp_path):
    result = CliRunner().invoke(app, ["clean", str(messy_file(tmp_path)), "--json"])
    assert json.loads(result.stdout)["files"][0]["records"] == 1


REAL_ENTRIES = 5000  # the first entries of the real library: enough variety, a few seconds


def test_cleaning_a_real_library_twice_changes_nothing_the_second_time(bigbib, tmp_path):
    source = tmp_path / "library.bib"
    text = (bigbib / "personal-library-17k.bib").read_text(encoding="utf-8")
    source.write_text(text[:_nth_entry_start(text, REAL_ENTRIES)], encoding="utf-8")
    config = NormalizeConfig(threshold=0.0)  # suggestions too: nothing may be left to do
    first = cleaning.clean([str(source)], config, apply=True, in_place=True)
    assert first.files[0].applied
    second = cleaning.clean([str(source)], config)
    assert second.files[0].applied == [] and second.files[0].suggested == []


def _nth_entry_start(text: str, count: int) -> int:
    position = 0
    for _ in range(count):
        position = text.find("\n@", position + 1)
    return position + 1


# ---------------------------------------------------------------- suggestions decided in a review file

def clean_json(*arguments: str) -> dict:
    result = CliRunner().invoke(app, ["clean", *arguments, "--json"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def _acl_slice(bigbib, tmp_path):
    text = (bigbib / "acl-anthology-88k.bib").read_text(encoding="utf-8")
    (tmp_path / "acl.bib").write_text(text[:_nth_entry_start(text, 3000)], encoding="utf-8")
    return [tmp_path / "acl.bib"]


def _library_copy(library, tmp_path):
    folder = tmp_path / "library"
    folder.mkdir()
    for file in library.iterdir():
        if file.suffix in (".bib", ".json", ".ris"):  # an article's front matter cannot be written back
            (folder / file.name).write_bytes(file.read_bytes())
    return [folder]


@pytest.mark.parametrize("inputs, suggests", [
    pytest.param(_acl_slice, True, id="the first 3,000 entries of the ACL anthology"),
    pytest.param(_library_copy, False, id="the sample library, one file of each bibliography format"),
])
def test_once_its_suggestions_are_declined_a_cleaned_file_reports_nothing(inputs, suggests, request, tmp_path):
    source = inputs(request.getfixturevalue("bigbib" if inputs is _acl_slice else "library"), tmp_path)
    paths = [str(path) for path in source]
    review = str(tmp_path / "review.json")
    first = clean_json(*paths, "--apply", "--in-place", "--review", review)
    offered = sum(len(file["suggested"]) for file in first["files"])
    assert (offered > 0) == suggests
    assert sum(len(file["applied"]) for file in first["files"]) > 0
    # A person declines what was suggested, in the file, as a librarian would.
    decided = json.loads(Path(review).read_text(encoding="utf-8"))
    assert len(decided["suggestions"]) <= offered and all(e["decision"] is None for e in decided["suggestions"])
    for entry in decided["suggestions"]:
        entry["decision"] = "decline"
    Path(review).write_text(json.dumps(decided), encoding="utf-8")
    second = clean_json(*paths, "--review", review)
    assert all(file["applied"] == [] and file["suggested"] == [] for file in second["files"])
    assert sum(file["declined"] for file in second["files"]) == offered


def test_an_accepted_suggestion_is_made_and_revert_undoes_it(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text("@misc{a,\n  title = {T},\n  url = {https://arxiv.org/abs/1706.03762},\n}\n"
                    "@misc{b,\n  title = {U},\n  url = {https://arxiv.org/abs/1810.04805},\n}\n")
    original, review = path.read_text(), str(tmp_path / "review.json")
    clean_json(str(path), "--review", review)
    decided = json.loads(Path(review).read_text())
    decided["suggestions"][0]["decision"] = "accept"  # record a's arXiv id
    Path(review).write_text(json.dumps(decided))
    report = clean_json(str(path), "--review", review, "--apply", "--in-place", "--report", str(tmp_path / "r.json"))
    assert [change["record"]["key"] for change in report["files"][0]["applied"]] == ["a"]
    assert [change["record"]["key"] for change in report["files"][0]["suggested"]] == ["b"]
    assert [record.number for record in refmanager.load(str(path)).records] == ["1706.03762", ""]
    assert CliRunner().invoke(app, ["revert", str(tmp_path / "r.json")]).exit_code == 0
    assert path.read_text() == original


def test_decline_undecided_quiets_the_next_run_and_the_summary_says_how_many(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text("@misc{a,\n  title = {T},\n  url = {https://arxiv.org/abs/1706.03762},\n}\n")
    review = str(tmp_path / "review.json")
    CliRunner().invoke(app, ["clean", str(path), "--review", review, "--decline-undecided"])
    result = CliRunner().invoke(app, ["clean", str(path), "--review", review], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "nothing to change" in result.output
    assert f"1 suggestion(s) declined in {review}: not shown" in result.output


def test_decline_undecided_needs_a_review_file(tmp_path):
    result = CliRunner().invoke(app, ["clean", str(messy_file(tmp_path)), "--decline-undecided"])
    assert result.exit_code != 0 and "--review" in result.output


def test_field_names_in_mixed_case_are_lowered_and_revert_restores_them_byte_for_byte(tmp_path):
    path = tmp_path / "refs.bib"
    text = "@Article{nye1990,\n  Title = {Soft Power},\n  AUTHOR = {Nye, Joseph S.},\n  Year = 1990,\n}\n"
    path.write_text(text)
    report = clean_json(str(path), "--apply", "-o", str(tmp_path / "out.bib"), "--report", str(tmp_path / "r.json"))
    change, = report["files"][0]["applied"]
    assert (change["field"], change["old"], change["new"]) == (
        "bibtex:field-names", ["Title", "AUTHOR", "Year"], ["title", "author", "year"])
    assert "  title = {Soft Power},\n  author = {Nye, Joseph S.},\n  year = 1990," in (tmp_path / "out.bib").read_text()
    assert clean_json(str(tmp_path / "out.bib"))["files"][0]["applied"] == []  # idempotent
    assert CliRunner().invoke(app, ["revert", str(tmp_path / "r.json")]).exit_code == 0
    assert (tmp_path / "out.bib").read_text() == text


# As personal-library-17k.bib writes them: one biblatex entry makes the file biblatex.
MIXED_DIALECTS = """@book{carr24, title = {Power}, subtitle = {A Reader}, author = {Carr, E.}, year = {2024},
 DATE_ADDED = {Thu Jul  4 22:10:53 2024}}

@article{perring65, title = {Oils , fats and waxes}, author = {Perring, A.}, year = {1965},
 journal = {Journal of the Science of Food and Agriculture}, DATE_ADDED = {Fri Dec 15 20:48:02 2023}}
"""


def test_a_classic_entry_cleaned_in_a_biblatex_file_keeps_its_fields_and_reverts_byte_for_byte(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(MIXED_DIALECTS)
    report = clean_json(str(path), "--apply", "-o", str(tmp_path / "out.bib"), "--report", str(tmp_path / "r.json"))
    assert {change["rule"] for change in report["files"][0]["applied"]} >= {"LowercaseFieldNames", "CleanTitleText"}
    cleaned = (tmp_path / "out.bib").read_text()
    # biblatex reads classic fields: the fixed entry is not respelt journaltitle and date
    assert "journal = {Journal of the Science" in cleaned and "year = {1965}" in cleaned
    assert "journaltitle" not in cleaned and "date =" not in cleaned
    assert "title = {Oils, fats and waxes}" in cleaned and "date_added = {Fri Dec 15" in cleaned
    result = CliRunner().invoke(app, ["revert", str(tmp_path / "r.json")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out.bib").read_text() == MIXED_DIALECTS


def test_reverting_a_clean_of_the_personal_library_gives_back_the_file_byte_for_byte(bigbib, tmp_path):
    # Its entries name fields `DATE_ADDED`, and some use biblatex's `subtitle`; the last
    # 3,000 (web pages of 2025-2026) write quote marks as `\"`: `\"Somali Rocket Docket\"`.
    text = (bigbib / "personal-library-17k.bib").read_text(encoding="utf-8")
    source = tmp_path / "library.bib"
    last = _nth_entry_start(text, text.count("\n@") + 1 - 3000)
    source.write_text(text[:_nth_entry_start(text, 3000)] + text[last:], encoding="utf-8")
    original = source.read_bytes()
    assert 'Placed On \\"Somali Rocket Docket\\"}' in original.decode()
    report = cleaning.clean([str(source)], apply=True, in_place=True)
    cleaning.write_report(report, str(tmp_path / "r.json"))
    assert len(report.files[0].applied) > 1000 and source.read_bytes() != original
    assert cleaning.revert(str(tmp_path / "r.json")).problems == []
    assert source.read_bytes() == original


def test_a_field_added_after_the_field_names_were_respelt_does_not_stop_their_revert(bigbib, tmp_path):
    # The personal library's last 3,000 entries with suggestions made too: LowercaseFieldNames
    # respells `DATE_ADDED`, then NormalizeArxivId adds a `number`; the respelling is
    # still undone, with no "changed since".
    text = (bigbib / "personal-library-17k.bib").read_text(encoding="utf-8")
    source = tmp_path / "library.bib"
    source.write_text(text[_nth_entry_start(text, text.count("\n@") + 1 - 3000):], encoding="utf-8")
    original = source.read_bytes()
    report = cleaning.clean([str(source)], NormalizeConfig(threshold=0.0), apply=True, in_place=True)
    cleaning.write_report(report, str(tmp_path / "r.json"))
    rules = {change.rule for change in report.files[0].applied}
    assert {"LowercaseFieldNames", "NormalizeArxivId"} <= rules
    assert cleaning.revert(str(tmp_path / "r.json")).problems == []
    assert source.read_bytes() == original


def test_reverting_twice_changes_nothing_and_says_so_in_one_line(tmp_path):
    path = messy_file(tmp_path)
    cleaning.write_report(cleaning.clean([str(path)], apply=True, in_place=True), str(tmp_path / "r.json"))
    assert CliRunner().invoke(app, ["revert", str(tmp_path / "r.json")]).exit_code == 0
    os.utime(path, (0, 0))  # a file written again would have a new time
    result = CliRunner().invoke(app, ["revert", str(tmp_path / "r.json")])
    assert result.exit_code == 0 and path.read_text(encoding="utf-8") == MESSY and path.stat().st_mtime == 0
    assert result.output.strip().splitlines() == [
        f"{path}: nothing to undo: its 3 change(s) are undone already; file left as it is"]


def test_a_partly_reverted_clean_of_real_entries_is_reverted_the_rest_of_the_way(bigbib, tmp_path):
    # Every other cleaned entry of the personal library put back by hand (its text from
    # before the clean): the revert undoes the others, and the file is as it was.
    text = (bigbib / "personal-library-17k.bib").read_text(encoding="utf-8")
    source = tmp_path / "library.bib"
    source.write_text(text[:_nth_entry_start(text, 600)], encoding="utf-8")
    original = source.read_text(encoding="utf-8")
    report = cleaning.clean([str(source)], apply=True, in_place=True)
    cleaning.write_report(report, str(tmp_path / "r.json"))
    cleaned = source.read_text(encoding="utf-8").split("\n@")
    entries = original.split("\n@")
    assert len(cleaned) == len(entries)
    changed = [index for index, (before, after) in enumerate(zip(entries, cleaned)) if before != after]
    for index in changed[::2]:
        cleaned[index] = entries[index]
    source.write_text("\n@".join(cleaned), encoding="utf-8")
    result = cleaning.revert(str(tmp_path / "r.json"))
    assert result.problems == [] and source.read_text(encoding="utf-8") == original
    applied = len(report.files[0].applied)
    assert 0 < result.reverted[str(source)] < applied and len(changed) > 20
    assert result.reverted[str(source)] + result.already_undone[str(source)] == applied


def test_a_file_with_read_errors_exits_1_and_says_where(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text("@article{ok,\n  title = {Fine},\n}\n\n@article{broken,\n  title = {Never closed,\n}\n")
    result = CliRunner().invoke(app, ["clean", str(path)])
    assert result.exit_code == 1 and f"{path}:5:" in result.output


# ---------------------------------------------------------------- help examples

REPOSITORY = Path(__file__).resolve().parents[1]
SCRIPTS = Path(sys.executable).parent


def example_lines(command: str, columns: int = 80) -> list[str]:
    result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": str(columns)})
    lines = (re.sub(r"\x1b\[[0-9;]*m", "", line).strip().strip("│").strip() for line in result.output.splitlines())
    return [line for line in lines if line.startswith("refman ")]


@pytest.mark.parametrize("command", ["clean", "revert"])
def test_help_has_examples_that_show_whole_on_80_columns(command):
    assert example_lines(command, 80) == example_lines(command, 200) != []


def test_the_clean_examples_run_in_order_on_the_sample_library(tmp_path):
    (tmp_path / "library").mkdir()
    (tmp_path / "library" / "soft-power.bib").write_bytes((REPOSITORY / "library" / "soft-power.bib").read_bytes())
    env = {**os.environ, "PATH": f"{SCRIPTS}{os.pathsep}{os.environ.get('PATH', '')}"}
    for line in example_lines("clean", 200):
        done = subprocess.run(["bash", "-c", line], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, (line, done.stderr)
        assert "Traceback" not in done.stderr
    assert (tmp_path / "out.bib").stat().st_size > 0
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["files"][0]["written"] == "out.bib"


def test_a_terminal_gets_a_progress_bar_for_each_big_file(tmp_path, monkeypatch):
    from rich.console import Console
    from rich.progress import Progress

    from refmanager.cli import shell

    monkeypatch.setattr(shell, "PROGRESS_FROM_RECORDS", 1)
    monkeypatch.setattr(shell, "errors", Console(stderr=True, force_terminal=True, width=80))
    seen = []
    add_task = Progress.add_task
    monkeypatch.setattr(Progress, "add_task", lambda self, description, total=None, **options:
                        seen.append((description, total)) or add_task(self, description, total=total))
    path = messy_file(tmp_path)
    result = CliRunner().invoke(app, ["clean", str(path)])
    assert result.exit_code in (0, 1), result.output
    assert seen == [(f"cleaning {path}", len(refmanager.load(str(path)).records))]


def test_no_progress_bar_when_piped(tmp_path):
    result = CliRunner().invoke(app, ["clean", str(messy_file(tmp_path))])
    assert "cleaning " not in result.output
