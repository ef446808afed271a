"""`refman export`: a bibliography written for another program's import (Zotero)."""

from __future__ import annotations

import sys
from typing import Optional

import typer

from refmanager import api
from refmanager.cli import shell
from refmanager.cli.shell import EXIT_PROBLEMS, _fail, _print_problems, _print_write_notes, app, plural, write_json
from refmanager.errors import RefmanagerError

_PROGRAMS = ("zotero",)


@app.command()
def export(
    source: str = typer.Argument(..., help="File to read; - for standard input."),
    program: str = typer.Option(..., "--for", metavar="PROGRAM", help="The program that will import the file: zotero."),
    to: str = typer.Option("ris", "--to", "-t", metavar="FORMAT", help="ris (the default: Zotero imports it with nothing lost), bibtex or csljson."),
    output_path: str = typer.Option("-", "--output", "-o", metavar="FILE", help="File to write; - (the default) for standard output."),
    source_format: Optional[str] = typer.Option(None, "--from", "-f", metavar="FORMAT", help="Format of the input, when it cannot be told from the file."),
    check: bool = typer.Option(False, "--check", help="Write nothing: list, per record, each field the format cannot carry into the program."),
    as_json: bool = typer.Option(False, "--json", help="The report as JSON (on standard output with --check, else on standard error)."),
) -> None:
    """Write a bibliography for Zotero's import, and say what will not survive it.

    RIS is the default: written to Zotero's tag mapping, it is the format Zotero
    imports with nothing lost. BibTeX (UTF-8, Zotero's field names) is a good
    second; CSL-JSON loses every keyword. With --check, nothing is written:
    each field that would be lost, or land in Extra or a child note, is listed.
    Exit code 1 when reading found problems, or with --check when a field does
    not survive.

    [bold]Examples[/bold]

      refman export library/soft-power.bib --for zotero -o soft-power.ris

      refman export library/soft-power.bib --for zotero --check

      refman export library/soft-power.json --for zotero --to bibtex -o zotero.bib
    """
    if program.lower() not in _PROGRAMS:
        raise typer.BadParameter(f"{program!r}: the programs are {', '.join(_PROGRAMS)}", param_hint="--for")
    try:
        with shell.progress_bars(as_json) as bar:
            progress_for = (lambda records: bar("exporting for Zotero", records)) if bar else None
            result = api.export_for_zotero(source, None if check else output_path, to.lower(),
                                           source_format, progress_for)
    except RefmanagerError as error:
        _fail(error)
    if check:
        _report_check(result, as_json)
    elif as_json:
        write_json(result.as_dict(), sys.stderr.write)
    else:
        _print_problems(result.problems)
        _print_write_notes([loss.as_problem() for loss in result.losses])
        _summarise(result, output_path)
    if any(problem.severity == "error" for problem in result.problems) or (check and result.losses):
        raise typer.Exit(EXIT_PROBLEMS)


def _report_check(result, as_json: bool) -> None:
    if as_json:
        write_json(result.as_dict(), sys.stdout.write)
        return
    _print_problems([problem for problem in result.problems if problem.severity == "error"])
    for key, losses in result.losses_by_record().items():
        shell.output.print(f"{losses[0].path}:{losses[0].line}: {key}", markup=False, highlight=False,
                           soft_wrap=True)
        for loss in losses:
            shell.output.print(f"  {loss.field or 'record'}: {loss.fate}: {loss.detail}",
                               markup=False, highlight=False, soft_wrap=True)
    for warning in result.warnings:
        shell.errors.print(f"refman: {warning}", markup=False, highlight=False, soft_wrap=True)
    affected = len(result.losses_by_record())
    shell.errors.print(f"{plural(result.records, 'record')} as {result.format} for Zotero: "
                       f"{plural(len(result.losses), 'field')} in {plural(affected, 'record')} "
                       "would not arrive as they are", soft_wrap=True)


def _summarise(result, output_path: str) -> None:
    for warning in result.warnings:
        shell.errors.print(f"refman: {warning}", markup=False, highlight=False, soft_wrap=True)
    target = "standard output" if output_path == "-" else output_path
    shell.errors.print(f"{plural(result.records, 'record')}: {result.source} → {target} "
                       f"({result.format} for Zotero); {plural(len(result.losses), 'field')} "
                       "will not arrive as they are (--check lists them)", soft_wrap=True)


