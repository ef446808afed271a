"""`refman clean` and `refman revert`: batch normalisation with a change log and its undo."""

from __future__ import annotations

import json
from typing import Optional

import typer
from rich.table import Table

from refmanager import api
from refmanager.cli import shell
from refmanager.cli.shell import EXIT_PROBLEMS, _fail, _print_problems, app
from refmanager.errors import RefmanagerError



@app.command()
def clean(
    paths: list[str] = typer.Argument(..., help="Files to clean; a folder means the bibliography files in it."),
    apply: bool = typer.Option(False, "--apply", help="Make the fixes (else only plan them and write nothing but the report)."),
    output_path: Optional[str] = typer.Option(None, "--output", "-o", help="With --apply: the file to write the result to."),
    in_place: bool = typer.Option(False, "--in-place", help="With --apply: write over each input, keeping FILE.bak."),
    report_path: Optional[str] = typer.Option(None, "--report", help="Write every change (and suggestion) as JSON here, for review and `refman revert`."),
    diff: bool = typer.Option(False, "--diff", help="Print a unified diff of what would change (or did)."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON instead of a summary."),
    accept_suggestions: bool = typer.Option(False, "--accept-suggestions", help="Make the low-confidence fixes too."),
    review_path: Optional[str] = typer.Option(None, "--review", help='Suggestions file: mark each "accept" or "decline"; later runs with it make the accepted ones and stay quiet about the declined (default: review in the settings).'),
    decline_undecided: bool = typer.Option(False, "--decline-undecided", help="With a review file: record every suggestion not yet decided as declined."),
    threshold: Optional[float] = typer.Option(None, "--threshold", help="Confidence from which a fix is made unasked (default 0.9)."),
    journal_abbrev: Optional[str] = typer.Option(None, "--journal-abbrev", help="Journal titles: none (full titles, the default) or iso4 (ISO 4 abbreviations)."),
    disable: list[str] = typer.Option([], "--disable", help="Switch a rule off by name (repeatable), e.g. --disable FixNameCase."),
    config_path: Optional[str] = typer.Option(None, "--config", help="Settings file (default: the nearest refman.toml or pyproject.toml [tool.refman])."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=0, help="Processes that share a large BibTeX file (default 2, where there are 2 cores; 1: one; 0: one a usable core). The result is the same."),
) -> None:
    """Normalize names, venues, titles, identifiers, pages and dates.

    Without --apply nothing is written but the report: the summary counts each
    kind of fix. Fixes below the confidence threshold are suggestions, listed
    in the report and made only with --accept-suggestions, or one by one when
    accepted in a review file (--review), which also keeps declined ones quiet.

    [bold]Examples[/bold]

      refman clean library/soft-power.bib --diff

      refman clean library/soft-power.bib --apply -o out.bib --report r.json

      refman revert r.json

      refman clean library/soft-power.bib --review review.json
    """
    import gc
    from pathlib import Path

    from refmanager import clean as cleaning
    from refmanager.normalize import find_config, load_config

    # A large file is millions of small objects that live until the end: the cyclic
    # collector would walk them all again and again for nothing (records hold no cycles).
    gc.disable()
    try:
        config = load_config(Path(config_path) if config_path else find_config(Path.cwd()))
        config = config.with_options(
            threshold=0.0 if accept_suggestions else threshold, journal_abbrev=journal_abbrev,
            disabled=config.disabled | set(disable), review=review_path)
        if config.journal_abbrev not in ("none", "iso4"):
            raise typer.BadParameter("use none or iso4", param_hint="--journal-abbrev")
        with shell.progress_bars(as_json) as bar:
            progress_for = (lambda path, records: bar(f"cleaning {path}", records)) if bar else None
            report = cleaning.clean(paths, config, apply=apply, output=output_path, in_place=in_place,
                                    diff=diff, progress_for=progress_for, decline_undecided=decline_undecided,
                                    jobs=jobs)
        if report_path:
            cleaning.write_report(report, report_path)
    except RefmanagerError as error:
        _fail(error)
    if diff:
        for file_report in report.files:
            shell.output.out(file_report.diff, end="", highlight=False)
    if as_json:
        shell.output.print_json(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        _print_problems([problem for file_report in report.files for problem in file_report.problems])
        shell.errors.print(_clean_summary(report))
        if report.declined:
            shell.errors.print(f"{report.declined:,} suggestion(s) declined in {report.review}: not shown",
                               soft_wrap=True)
    if report.has_errors:
        raise typer.Exit(EXIT_PROBLEMS)


def _clean_summary(report) -> Table:
    counts = report.counts()
    records = sum(file_report.records for file_report in report.files)
    verb = "made" if report.applied else "to make"
    table = Table("rule", f"fixes {verb}", "suggestions", box=None,
                  title=f"{records:,} records in {len(report.files)} file(s)", title_justify="left")
    for rule in sorted({rule for rule, _ in counts}):
        table.add_row(rule, f"{counts[rule, 'fix']:,}", f"{counts[rule, 'suggestion']:,}")
    if not counts:
        table.add_row("nothing to change", "0", "0")
    return table


@app.command()
def revert(
    report_path: str = typer.Argument(..., help="A report written by `refman clean --apply --report` or `refman dedupe --merge --report`."),
) -> None:
    """Undo exactly the changes of a `refman clean --apply` or `refman dedupe --merge` report.

    A field edited since the clean is left as it is, and said so.

    [bold]Example[/bold]

      refman revert report.json
    """
    from refmanager import clean as cleaning

    try:
        if api.is_merge_report(report_path):
            written, undone = api.unmerge(report_path)
            line = f"{undone:,} merge{'s' if undone != 1 else ''} undone" if undone else \
                "nothing to undo: its merges are undone already; file left as it is"
            shell.errors.print(f"{written}: {line}", soft_wrap=True)
            return
        result = cleaning.revert(report_path)
    except RefmanagerError as error:
        _fail(error)
    _print_problems(result.problems)
    for path, count in result.reverted.items():
        shell.errors.print(_reverted_line(path, count, result.already_undone.get(path, 0)), soft_wrap=True)
    if not result.reverted:
        shell.errors.print("nothing to undo: the report records no file written by --apply")
    if result.problems:
        raise typer.Exit(EXIT_PROBLEMS)


def _reverted_line(path: str, undone: int, already_undone: int) -> str:
    if undone == 0 and already_undone:
        return f"{path}: nothing to undo: its {already_undone:,} change(s) are undone already; file left as it is"
    line = f"{path}: {undone:,} change(s) undone"
    return line + (f", {already_undone:,} undone already" if already_undone else "")


# ---------------------------------------------------------------- citing (refmanager.render)
