"""`refman convert`, `refman check` and `refman formats`: reading and writing files."""

from __future__ import annotations

import sys
from typing import Optional

import typer
from rich.table import Table

from refmanager import api
from refmanager.cli import shell
from refmanager.cli.shell import (
    EXIT_PROBLEMS,
    _fail,
    _print_problems,
    _print_write_notes,
    app,
    plural,
    write_json,
)
from refmanager.errors import RefmanagerError
from refmanager.io import formats


@app.command()
def convert(
    source: str = typer.Argument(..., help="File to read; - for standard input."),
    output_path: str = typer.Option("-", "--output", "-o", metavar="FILE", help="File to write; - (the default) for standard output."),
    to: Optional[str] = typer.Option(None, "--to", "-t", metavar="FORMAT", help="Format to write: bibtex, biblatex, ris, csljson. Default: from the output file's extension."),
    source_format: Optional[str] = typer.Option(None, "--from", "-f", metavar="FORMAT", help="Format of the input, when it cannot be told from the file."),
    ascii: bool = typer.Option(False, "--ascii", help="BibTeX output in ASCII: non-ASCII characters as LaTeX commands ({\\\"u})."),
    as_json: bool = typer.Option(False, "--json", help="Print the report (counts and problems) as JSON on standard error."),
    in_place: bool = typer.Option(False, "--in-place", "-i", help="Write over the file read, keeping the old one as FILE.bak."),
) -> None:
    """Convert a bibliography from one format to another.

    Nothing is lost without a word: what the target format cannot hold is
    listed, one line per field. An unchanged BibTeX file written back as BibTeX
    is byte-identical.

    [bold]Examples[/bold]

      refman convert library/soft-power.bib --to csljson -o soft-power.json

      refman convert library/soft-power.ris -o soft-power.bib

      cat library/soft-power.bib | refman convert - --to ris
    """
    if in_place:
        if source == "-" or output_path != "-":
            raise typer.BadParameter("give a file to read and no --output", param_hint="--in-place")
        output_path = source
    try:
        options = {"ascii": True} if ascii else {}
        if ascii and api.target_format(output_path, to) not in ("bibtex", "biblatex"):
            raise typer.BadParameter("only BibTeX output (--to bibtex or biblatex) can be made ASCII", param_hint="--ascii")
        with shell.stage_bars(as_json, [source]) as stage:
            report = api.convert(source, output_path, to=to, source_format=source_format,
                                 backup=in_place, stage=stage, **options)
    except RefmanagerError as error:
        _fail(error)
    if as_json:
        write_json(report.as_dict(), sys.stderr.write)
    else:
        _print_problems(report.read_problems)
        _print_write_notes(report.write_problems)
        _summarise(report)
    if report.read_problems:
        raise typer.Exit(EXIT_PROBLEMS)




def _summarise(report: api.ConversionReport) -> None:
    read = len(report.read_problems)
    unheld = len(report.write_problems)
    target = "standard output" if report.target == "-" else report.target
    shell.errors.print(f"{plural(report.records, 'record')}: {report.source} ({report.source_format}) → "
                 f"{target} ({report.target_format}); {plural(read, 'input problem')}, "
                 f"{plural(unheld, 'note')} on what {report.target_format} cannot hold",
                 soft_wrap=True)


@app.command()
def check(
    paths: list[str] = typer.Argument(..., help="Files to read; a folder means the bibliography files in it."),
    as_json: bool = typer.Option(False, "--json", help="Print the findings as JSON."),
) -> None:
    """Read bibliography files and report every problem, with file and line.

    [bold]Example[/bold]

      refman check library/

      refman check --json library/soft-power.json
    """
    try:
        results = api.check(paths)
    except RefmanagerError as error:
        _fail(error)
    if as_json:
        write_json([result.as_dict() for result in results], sys.stdout.write)
    else:
        for result in results:
            if result.unreadable:  # the message names the file already
                shell.errors.print(f"[red]refman: error:[/red] {result.problems[0].message}",
                             markup=True, soft_wrap=True, highlight=False)
            else:
                _print_problems(result.problems)
        if not all(result.unreadable for result in results):
            shell.output.print(_summary_table(results))
    if any(result.unreadable for result in results):
        raise typer.Exit(shell.EXIT_UNUSABLE)
    if any(result.problems for result in results):
        raise typer.Exit(EXIT_PROBLEMS)


def _summary_table(results: list[api.CheckResult]) -> Table:
    table = Table("file", "format", "records", "errors", "warnings", box=None)
    for result in results:
        severities = [problem.severity for problem in result.problems]
        table.add_row(result.path, result.format or "unreadable", str(result.records),
                      str(severities.count("error")), str(severities.count("warning")))
    return table


@app.command("formats")
def list_formats() -> None:
    """List the formats refman can read and write (plugins included).

    [bold]Example[/bold]

      refman formats
    """
    table = Table("format", "read", "write", box=None)
    readers, writers = formats.known_readers(), formats.known_writers()
    for name in sorted(set(readers) | set(writers)):
        table.add_row(name, "yes" if name in readers else "", "yes" if name in writers else "")
    shell.output.print(table)
