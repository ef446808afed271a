"""`refman ingest` and `refman parse`: article front matter and free-text references."""

from __future__ import annotations

import json
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
)
from refmanager.errors import RefmanagerError


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Articles' front matter: Markdown, or text exported from a PDF."),
    to: Optional[str] = typer.Option(None, "--to", "-t", help="Print the corrected records in this format instead (one per article): csljson, bibtex, ris."),
    report: Optional[str] = typer.Option(None, "--report", help="Write every correction to this JSON file ({\"changes\": [...]}, as refman revert reads them)."),
) -> None:
    """Read an article's front matter and correct its "How to cite" statement.

    The statement is compared with the document itself (byline, dates,
    journal header); each correction names its rule and its evidence.

    [bold]Examples[/bold]

      refman ingest library/alipour-gorji-2024.md

      refman ingest library/alipour-gorji-2024.md --to csljson

      refman ingest library/alipour-gorji-2024.md --to ris --report fixes.json
    """
    from refmanager.ingest import ingest_all, report_of
    from refmanager.io import files
    from refmanager.model import Document

    try:
        results = ingest_all(paths)
        if to:
            written = api.dumps(Document("-", "frontmatter", [result.record for result in results]), to)
        if report:
            text = json.dumps(report_of(results), ensure_ascii=False, indent=2) + "\n"
            files.write_bytes(report, text.encode("utf-8"))
    except RefmanagerError as error:
        _fail(error)
    problems = [problem for result in results for problem in result.problems]
    _print_problems(problems)
    if to:
        sys.stdout.write(written.text)
        _print_write_notes(written.problems)
    for result in results if not to else ():
        shell.output.print(_record_table(result.record))
        _print_changes(result.changes)
    if problems:
        raise typer.Exit(EXIT_PROBLEMS)




def _record_table(record) -> Table:
    table = Table("field", "value", box=None, title=f"{record.key} ({record.type})", title_justify="left")
    for name in record.fields():
        if name != "abstract":
            table.add_row(name, _shown(record.get(name)))
    if record.abstract:
        table.add_row("abstract", record.abstract[:160] + ("…" if len(record.abstract) > 160 else ""))
    return table


def _print_changes(changes) -> None:
    """Each correction on two lines: what changed, by which rule; then the evidence."""
    shell.output.print(f"[bold]{len(changes)} correction(s)[/bold]" if changes else "no corrections", markup=True)
    for number, change in enumerate(changes, start=1):
        old, new = _changed_part(change.old, change.new)
        shell.output.print(f"{number:>2}. {change.field}: {old or '(none)'} → {new}  "
                     f"[cyan]{change.rule}[/cyan] ({change.confidence:.2f})", markup=True, highlight=False)
        shell.output.print(f"    {change.evidence}", markup=False, highlight=False)


def _changed_part(old, new) -> tuple[str, str]:
    """The part of a value that changed: for a list of names, the names that differ."""
    from refmanager.model import Name

    names = isinstance(old, list) and isinstance(new, list) and all(isinstance(n, Name) for n in old + new)
    if names and len(old) == len(new):
        pairs = [(before, after) for before, after in zip(old, new) if before != after]
        return _shown([before for before, _ in pairs]), _shown([after for _, after in pairs])
    return _shown(old), _shown(new)


def _shown(value) -> str:
    """A field value as a reader would write it: names `Family, Given; ...`, dates `2024-09-05`."""
    from refmanager.model import DateValue, Name

    if isinstance(value, DateValue):
        return "/".join("-".join(f"{number:02d}" if index else str(number) for index, number in enumerate(part))
                        for part in value.parts) or value.literal
    if isinstance(value, list) and value and isinstance(value[0], Name):
        return "; ".join(", ".join(part for part in (name.family, name.given) if part) for name in value)
    if isinstance(value, list):
        return "; ".join(value)
    return str(value or "")


# ---------------------------------------------------------------- refman parse
@app.command()
def parse(
    source: str = typer.Argument(..., help="A reference in quotes, or a file with one reference a line (- for standard input)."),
    to: Optional[str] = typer.Option(None, "--to", "-t", help="Print the records in a format: csljson (a JSON array, one item per input line, in input order), bibtex, ris."),
    as_json: bool = typer.Option(False, "--json", help="Print each reference's line, text, labelled spans and CSL-JSON item as JSON."),
) -> None:
    """Parse free-text references (APA, Chicago, MLA, Harvard, Vancouver, IEEE) into records.

    SOURCE is one reference, or a file with one reference a line: `--to csljson`
    then prints one CSL-JSON item per reference, in input order.

    [bold]Examples[/bold]

      refman parse "Kim HK, Lee J. Soft power. J Peace Res. 2020;57(2):201-19."

      refman parse "Nye, J. S. (2004). Soft power. New York: PublicAffairs." --to csljson
    """
    from refmanager.ingest import references

    try:
        parsed = references.read_references(source)
        document = references.as_document([reference.record for reference in parsed])
        if to:
            written = api.dumps(document, to)
    except RefmanagerError as error:
        _fail(error)
    if to:
        sys.stdout.write(written.text)
    elif as_json:
        items = json.loads(api.dumps(document, "csljson").text)
        shell.output.print_json(json.dumps([{"line": reference.line, "text": reference.text,
                                       "spans": [list(span) for span in reference.spans], "item": item}
                                      for reference, item in zip(parsed, items)]))
    else:
        for reference in parsed:
            shell.output.print(_parsed_reference_table(reference))


def _parsed_reference_table(reference) -> Table:
    record = reference.record
    table = Table("field", "value", box=None, title=f"{reference.line}: {reference.text}",
                  title_justify="left", title_style="bold")
    table.add_row("type", record.type)
    for role, names in record.creators.items():
        table.add_row(role, "; ".join(name.display() for name in names))
    if record.issued:
        table.add_row("issued", str(record.issued.year) + record.variables.get("year-suffix", ""))
    for name in record.fields():
        value = record.get(name)
        if isinstance(value, str) and name != "year-suffix":
            table.add_row(name, value)
    return table


# ---------------------------------------------------------------- clean and revert
