"""The `refman` command: a thin shell over the library.

Each command parses its options, calls one library function and prints what
it returned: rich on a terminal, plain text when piped, JSON with `--json`.

Exit codes: 0 success; 1 the input had problems, which were reported;
2 a usage error or an input that cannot be read at all.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from typing import NoReturn, Optional

import typer
from rich.console import Console
from rich.table import Table

from refmanager import api
from refmanager.errors import OutputError, Problem, RefmanagerError
from refmanager.io import formats

NOTES_SHOWN_ONE_BY_ONE = 20
EXIT_PROBLEMS = 1
EXIT_UNUSABLE = 2

app = typer.Typer(
    name="refman",
    help="Read, convert and clean bibliographies: BibTeX, BibLaTeX, RIS and CSL-JSON.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)
errors = Console(stderr=True, highlight=False)
output = Console(highlight=False)


def _fail(error: RefmanagerError) -> NoReturn:
    errors.print(f"[red]refman: error:[/red] {error}", markup=True, soft_wrap=True)
    raise typer.Exit(EXIT_UNUSABLE)


def _print_problems(problems: list[Problem]) -> None:
    colours = {"error": "red", "warning": "yellow"}
    for problem in problems:
        colour = colours.get(problem.severity, "white")
        errors.print(f"{problem.path}:{problem.line}: [{colour}]{problem.severity}[/{colour}]: "
                     f"{problem.message}", markup=True, soft_wrap=True, highlight=False,
                     emoji=False)


@app.command()
def convert(
    source: str = typer.Argument(..., help="File to read; - for standard input."),
    output_path: str = typer.Option("-", "--output", "-o", help="File to write; - (the default) for standard output."),
    to: Optional[str] = typer.Option(None, "--to", "-t", help="Format to write: bibtex, biblatex, ris, csljson. Default: from the output file's extension."),
    source_format: Optional[str] = typer.Option(None, "--from", "-f", help="Format of the input, when it cannot be told from the file."),
    ascii: bool = typer.Option(False, "--ascii", help="BibTeX output in ASCII: non-ASCII characters as LaTeX commands ({\\\"u})."),
    as_json: bool = typer.Option(False, "--json", help="Print the report (counts and problems) as JSON on standard error."),
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
    try:
        options = {"ascii": True} if ascii else {}
        if ascii and api.target_format(output_path, to) not in ("bibtex", "biblatex"):
            raise typer.BadParameter("only BibTeX output (--to bibtex or biblatex) can be made ASCII", param_hint="--ascii")
        report = api.convert(source, output_path, to=to, source_format=source_format, **options)
    except RefmanagerError as error:
        _fail(error)
    if as_json:
        errors.print_json(json.dumps(report.as_dict()))
    else:
        _print_problems(report.read_problems)
        _print_write_notes(report.write_problems)
        _summarise(report)
    if report.read_problems:
        raise typer.Exit(EXIT_PROBLEMS)


def _print_write_notes(notes: list[Problem]) -> None:
    """Each note when there are few; otherwise one line per kind of note with its
    count, since a large file repeats the same few (every record's `file` field)."""
    if len(notes) <= NOTES_SHOWN_ONE_BY_ONE:
        _print_problems(notes)
        return
    kinds = Counter(re.sub(r"\d+", "N", note.message.split(": ", 1)[-1]) for note in notes)
    for kind, count in kinds.most_common(NOTES_SHOWN_ONE_BY_ONE):
        errors.print(f"{count:>8,} × {kind}", markup=False, soft_wrap=True, highlight=False)
    hidden = len(kinds) - NOTES_SHOWN_ONE_BY_ONE
    more = f" and {hidden:,} other kinds" if hidden > 0 else ""
    errors.print(f"{len(notes):,} notes{more}; --json lists each with its record and line",
                 markup=False, soft_wrap=True)


def _summarise(report: api.ConversionReport) -> None:
    read = len(report.read_problems)
    unheld = len(report.write_problems)
    target = "standard output" if report.target == "-" else report.target
    errors.print(f"{report.records} records: {report.source} ({report.source_format}) → "
                 f"{target} ({report.target_format}); {read} input problem(s), "
                 f"{unheld} note(s) on what {report.target_format} cannot hold",
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
        output.print_json(json.dumps([result.as_dict() for result in results]))
    else:
        for result in results:
            if result.unreadable:  # the message names the file already
                errors.print(f"[red]refman: error:[/red] {result.problems[0].message}",
                             markup=True, soft_wrap=True, highlight=False)
            else:
                _print_problems(result.problems)
        if not all(result.unreadable for result in results):
            output.print(_summary_table(results))
    if any(result.unreadable for result in results):
        raise typer.Exit(EXIT_UNUSABLE)
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
    output.print(table)


# ---------------------------------------------------------------- citing (refmanager.render)

@app.command()
def cite(
    arguments: list[str] = typer.Argument(..., metavar="FILE... [KEY...]", help="Bibliography files or folders, then the citation keys to cite (default: every record)."),
    style: str = typer.Option("apa", "--style", "-s", help="An official CSL style id (refman styles lists them) or a .csl file."),
    format: Optional[str] = typer.Option(None, "--format", "-f", help="text, html, markdown or latex. Default: from the -o extension; on a terminal, coloured text."),
    locale: Optional[str] = typer.Option(None, "--locale", "-l", help="A CSL locale such as en-GB or de-DE, instead of the style's own."),
    as_json: bool = typer.Option(False, "--json", help="Each record's citation and bibliography entry as JSON, in input order."),
    in_text: bool = typer.Option(False, "--in-text", help="The in-text citation (a note style: the first note) of each record, one a line."),
    output_path: Optional[str] = typer.Option(None, "--output", "-o", help="File to write (.html, .md, .tex, .txt picks the format); default standard output."),
) -> None:
    """Format a bibliography, or each record's citation, in any CSL style.

    Everything cited is registered together, so the order of the list and
    disambiguation (2020a, 2020b) hold across all the files.

    [bold]Examples[/bold]

      refman cite library/soft-power.bib --style apa

      refman cite library/soft-power.json --style chicago-notes-bibliography -o bibliography.html

      refman cite library/soft-power.bib nye2004book keohane1977power --in-text --style ieee
    """
    from refmanager.render import api as render

    try:
        paths, keys = render.split_arguments(arguments)
        # JSON on a terminal is still data: its strings are plain text, not terminal markup.
        on_terminal = output_path is None and output.is_terminal and not as_json
        chosen = render.output_format(output_path, format, on_terminal)
        records, problems = render.load_records(paths, keys)
        engine = render.formatter(records, style, locale)
        text = _cite_text(render, engine, chosen, as_json, in_text)
    except RefmanagerError as error:
        _fail(error)
    _print_problems(problems)
    if chosen == "terminal":  # the terminal backend writes rich markup: italics shown
        output.print(text, markup=True, highlight=False, emoji=False, soft_wrap=True)
    else:
        _write_output(text, output_path)
    if problems:
        raise typer.Exit(EXIT_PROBLEMS)


def _cite_text(render, engine, format: str, as_json: bool, in_text: bool) -> str:
    if as_json:
        return json.dumps(render.report_rows(engine, format), ensure_ascii=False, indent=1)
    if in_text:
        return "\n".join(row["citation"] for row in render.report_rows(engine, format))
    return "\n".join(entry for _id, entry in engine.processor.bibliography(format=format))


def _write_output(text: str, output_path: Optional[str]) -> None:
    if output_path is None or output_path == "-":
        sys.stdout.write(text + "\n" if text else "")
        return
    from pathlib import Path

    try:
        Path(output_path).write_text(text + "\n", encoding="utf-8")
    except OSError as error:
        _fail(OutputError(f"{output_path}: cannot write ({error.strerror})"))


@app.command()
def styles(
    search: Optional[str] = typer.Argument(None, help="Words that the style's id or title must contain."),
    as_json: bool = typer.Option(False, "--json", help="Print the styles as JSON."),
) -> None:
    """List the official CSL styles (independent and dependent), or those that match.

    On a terminal a table; piped, one style a line: id, title, class and
    fields, separated by tabs.

    [bold]Examples[/bold]

      refman styles chicago

      refman styles "chicago 18th" --json
    """
    from refmanager.render import repository

    found = repository.list_styles(search)
    if as_json:
        output.print_json(json.dumps([info.as_dict() for info in found]))
        return
    if not output.is_terminal:  # piped: one style a line, tab-separated, for grep and cut
        sys.stdout.write("".join(f"{info.id}\t{info.title}\t{info.style_class}\t"
                                 f"{', '.join(info.fields)}\n" for info in found))
        return
    table = Table("id", "title", "class", "fields", box=None)
    for info in found:
        table.add_row(info.id, info.title, info.style_class, ", ".join(info.fields))
    output.print(table)
    errors.print(f"{len(found):,} styles", highlight=False)


def main() -> None:
    """Entry point of the `refman` script."""
    try:
        app()
    except KeyboardInterrupt:
        errors.print("refman: interrupted")
        sys.exit(130)
