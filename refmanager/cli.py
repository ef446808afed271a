"""The `refman` command: a thin shell over the library.

Each command parses its options, calls one library function and prints what
it returned: rich on a terminal, plain text when piped, JSON with `--json`.

Exit codes: 0 success; 1 the input had problems, which were reported;
2 a usage error, an input that cannot be read at all, or an unexpected error
(one line; `--debug` shows the traceback); 128 + the signal's number when
interrupted (130 for Ctrl-C, 143 for SIGTERM).
"""

from __future__ import annotations

import json
import re
import signal
import sys
import traceback
from collections import Counter
from typing import Callable, NoReturn, Optional

import typer
import typer.core
from rich.console import Console
from rich.table import Table

from refmanager import __version__, api
from refmanager.errors import OutputError, Problem, RefmanagerError
from refmanager.io import formats
from refmanager.io.files import Interrupted

NOTES_SHOWN_ONE_BY_ONE = 20
EXIT_PROBLEMS = 1
EXIT_UNUSABLE = 2

app = typer.Typer(
    name="refman",
    help="Read, convert and clean bibliographies: BibTeX, BibLaTeX, RIS and CSL-JSON.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)
errors = Console(stderr=True, highlight=False)
output = Console(highlight=False)
_debug = False  # --debug: an unexpected error shows its traceback


def _without_type_labels() -> None:
    """typer labels each option with its Python type (`--json <bool>`, `-o <str>`),
    which tells a user nothing: a flag gets no label, any other parameter its
    metavar, or for an option its name in capitals (`--output OUTPUT`)."""
    def label(parameter, ctx) -> str | None:
        if parameter.metavar is not None:
            return parameter.metavar
        is_option = isinstance(parameter, typer.core.TyperOption)
        return None if not is_option or parameter.is_flag else parameter.name.upper()
    typer.core.TyperOption.display_type_rich = label
    typer.core.TyperArgument.display_type_rich = label


_without_type_labels()


def _show_version(asked: bool) -> None:
    if asked:
        output.print(f"refman {__version__}", highlight=False)
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                 help="Show the version and exit."),
    debug: bool = typer.Option(False, "--debug", help="On an unexpected error, show the traceback."),
) -> None:
    """Read, convert and clean bibliographies: BibTeX, BibLaTeX, RIS and CSL-JSON.

    [bold]Example[/bold]

      refman convert library/soft-power.bib --to csljson -o soft-power.json
    """
    global _debug
    _debug = debug


def plural(count: int, word: str, plural_form: str = "") -> str:
    """`1 record`, `2 records`, `1,024 problems`."""
    return f"{count:,} {word if count == 1 else plural_form or word + 's'}"


def _fail(error: RefmanagerError) -> NoReturn:
    errors.print(f"[red]refman: error:[/red] {error}", markup=True, soft_wrap=True)
    raise typer.Exit(EXIT_UNUSABLE)


def _print_problems(problems: list[Problem]) -> None:
    if not errors.is_terminal:  # piped or redirected: plain lines, fast for 200,000 problems
        sys.stderr.writelines(f"{problem}\n" for problem in problems)
        sys.stderr.flush()
        return
    colours = {"error": "red", "warning": "yellow"}
    for problem in problems:
        colour = colours.get(problem.severity, "white")
        errors.print(f"{problem.path}:{problem.line}: [{colour}]{problem.severity}[/{colour}]: "
                     f"{problem.message}", markup=True, soft_wrap=True, highlight=False,
                     emoji=False)


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
        report = api.convert(source, output_path, to=to, source_format=source_format,
                             backup=in_place, **options)
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


def write_json(value, write: Callable[[str], object], depth: int = 0) -> None:
    """Write JSON piece by piece, one problem a line: 200,000 problems through
    rich's print_json took 72 s and 3.9 GB."""
    inner, outer = "\n" + "  " * (depth + 1), "\n" + "  " * depth
    if isinstance(value, dict) and any(isinstance(item, (list, dict)) for item in value.values()):
        write("{")
        for index, (key, item) in enumerate(value.items()):
            write(("," if index else "") + inner + json.dumps(key) + ": ")
            write_json(item, write, depth + 1)
        write(outer + "}")
    elif isinstance(value, list) and value and isinstance(value[0], (list, dict)):
        write("[")
        for index, item in enumerate(value):
            write(("," if index else "") + inner)
            write_json(item, write, depth + 1)
        write(outer + "]")
    else:
        write(json.dumps(value, ensure_ascii=False))
    if depth == 0:
        write("\n")


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
    errors.print(f"{plural(len(notes), 'note')}{more}; --json lists each with its record and line",
                 markup=False, soft_wrap=True)


def _summarise(report: api.ConversionReport) -> None:
    read = len(report.read_problems)
    unheld = len(report.write_problems)
    target = "standard output" if report.target == "-" else report.target
    errors.print(f"{plural(report.records, 'record')}: {report.source} ({report.source_format}) → "
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


@app.command()
def dedupe(
    paths: list[str] = typer.Argument(..., help="Files to read (any mix of formats); a folder means the bibliography files in it."),
    as_json: bool = typer.Option(False, "--json", help='Print {"clusters": [[key, ...], ...]} as JSON.'),
    merge: bool = typer.Option(False, "--merge", help="Write each work once: duplicates merged, their keys kept in biblatex ids."),
    output_path: str = typer.Option("-", "--output", "-o", help="With --merge: the file to write (format from its extension); - for standard output."),
    to: Optional[str] = typer.Option(None, "--to", "-t", help="With --merge: the format to write (bibtex, biblatex, ris, csljson)."),
    report_path: Optional[str] = typer.Option(None, "--report", help="With --merge: write every merge (kept key, merged keys, fields filled, conflicts) as JSON here."),
    review: Optional[str] = typer.Option(None, "--review", help='Write the uncertain pairs here for a person to mark "same" or "different"; a later run with the same file honours the decisions.'),
) -> None:
    """Find records that describe the same work, and say why.

    [bold]Example[/bold]

      refman dedupe library/

      refman dedupe library/ --merge -o merged.bib --report merges.json

      refman dedupe library/ --review review.json
    """
    try:
        with errors.status("finding duplicates", spinner="dots") if errors.is_terminal else _nothing():
            report = api.deduplicate(paths, review=review)
    except RefmanagerError as error:
        _fail(error)
    if as_json:
        output.print_json(json.dumps({"clusters": report.clusters()}))
    elif not merge:
        output.print(_clusters_table(report))
    if merge:
        try:
            merges, _ = api.merge_duplicates(report, output_path, to, report_path)
        except RefmanagerError as error:
            _fail(error)
        merged = sum(len(m.merged) for m in merges)
        errors.print(f"refman: merged {merged} duplicate{'s' if merged != 1 else ''} "
                     f"into {len(merges)} record{'s' if len(merges) != 1 else ''}")


def _clusters_table(report: api.DedupeReport) -> Table:
    """One row per work found more than once: where each record is, and the evidence."""
    table = Table("records", "score", "agreed", "disagreed", box=None,
                  title=f"{len(report.result.clusters)} works found more than once")
    joined: dict[int, list] = {}
    for comparison in report.result.matches:
        joined.setdefault(comparison.first, []).append(comparison)
    for group in report.result.clusters:
        found = [c for index in group for c in joined.get(index, [])]
        where = "\n".join(_where(report.records[index]) for index in group)
        agreed = sorted({name for c in found for name in c.agreed})
        disagreed = sorted({name for c in found for name in c.disagreed})
        table.add_row(where, f"{min(c.score for c in found):.2f}", ", ".join(agreed),
                      ", ".join(disagreed))
    return table


def _where(record) -> str:
    origin = record.origin
    return f"{record.key} ({origin.path}:{origin.line})" if origin else record.key


def _nothing():
    import contextlib

    return contextlib.nullcontext()


# --- refman ingest: an article's front matter, and the corrections to its citation statement ---

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
        output.print(_record_table(result.record))
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
    output.print(f"[bold]{len(changes)} correction(s)[/bold]" if changes else "no corrections", markup=True)
    for number, change in enumerate(changes, start=1):
        old, new = _changed_part(change.old, change.new)
        output.print(f"{number:>2}. {change.field}: {old or '(none)'} → {new}  "
                     f"[cyan]{change.rule}[/cyan] ({change.confidence:.2f})", markup=True, highlight=False)
        output.print(f"    {change.evidence}", markup=False, highlight=False)


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
        output.print_json(json.dumps([{"line": reference.line, "text": reference.text,
                                       "spans": [list(span) for span in reference.spans], "item": item}
                                      for reference, item in zip(parsed, items)]))
    else:
        for reference in parsed:
            output.print(_parsed_reference_table(reference))


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

PROGRESS_FROM_RECORDS = 2000  # smaller files are done before a bar would be read


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
    threshold: Optional[float] = typer.Option(None, "--threshold", help="Confidence from which a fix is made unasked (default 0.9)."),
    journal_abbrev: Optional[str] = typer.Option(None, "--journal-abbrev", help="Journal titles: none (full titles, the default) or iso4 (ISO 4 abbreviations)."),
    disable: list[str] = typer.Option([], "--disable", help="Switch a rule off by name (repeatable), e.g. --disable FixNameCase."),
    config_path: Optional[str] = typer.Option(None, "--config", help="Settings file (default: the nearest refman.toml or pyproject.toml [tool.refman])."),
) -> None:
    """Normalize names, venues, titles, identifiers, pages and dates.

    Without --apply nothing is written but the report: the summary counts each
    kind of fix. Fixes below the confidence threshold are suggestions, listed
    in the report and made only with --accept-suggestions.

    [bold]Examples[/bold]

      refman clean library/soft-power.bib --diff

      refman clean library/soft-power.bib --apply -o out.bib --report r.json

      refman revert r.json
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
            disabled=config.disabled | set(disable))
        if config.journal_abbrev not in ("none", "iso4"):
            raise typer.BadParameter("use none or iso4", param_hint="--journal-abbrev")
        with _clean_progress(as_json) as progress_for:
            report = cleaning.clean(paths, config, apply=apply, output=output_path,
                                    in_place=in_place, diff=diff, progress_for=progress_for)
        if report_path:
            cleaning.write_report(report, report_path)
    except RefmanagerError as error:
        _fail(error)
    if diff:
        for file_report in report.files:
            output.out(file_report.diff, end="", highlight=False)
    if as_json:
        output.print_json(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        _print_problems([problem for file_report in report.files for problem in file_report.problems])
        errors.print(_clean_summary(report))
    if report.has_errors:
        raise typer.Exit(EXIT_PROBLEMS)


def _clean_progress(quiet: bool):
    """A context giving `progress_for(path, records)`: a rich bar on a terminal, else None."""
    from contextlib import contextmanager

    @contextmanager
    def bars():
        if quiet or not errors.is_terminal:
            yield None
            return
        from rich.progress import Progress

        with Progress(console=errors, transient=True) as progress:
            def progress_for(path: str, records: int):
                if records < PROGRESS_FROM_RECORDS:
                    return None
                task = progress.add_task(f"cleaning {path}", total=records)
                return lambda done: progress.advance(task, done)
            yield progress_for
    return bars()


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
    """Undo exactly the changes a `refman clean --apply` report lists, or the merges
    of a `refman dedupe --merge` report.

    A field edited since the clean is left as it is, and said so.

    [bold]Example[/bold]

      refman revert report.json
    """
    from refmanager import clean as cleaning

    try:
        if api.is_merge_report(report_path):
            written, undone = api.unmerge(report_path)
            errors.print(f"{written}: {undone:,} merge{'s' if undone != 1 else ''} undone", soft_wrap=True)
            return
        result = cleaning.revert(report_path)
    except RefmanagerError as error:
        _fail(error)
    _print_problems(result.problems)
    for path, count in result.reverted.items():
        errors.print(f"{path}: {count:,} change(s) undone", soft_wrap=True)
    if not result.reverted:
        errors.print("nothing to undo: the report records no file written by --apply")
    if result.problems:
        raise typer.Exit(EXIT_PROBLEMS)


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
    no_dedupe: bool = typer.Option(False, "--no-dedupe", help="Render every record as read, duplicates included (by default each work comes once, merged)."),
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
        records, problems, merged = render.load_records(paths, keys, dedupe=not no_dedupe)
        engine = render.formatter(records, style, locale)
        text = _cite_text(render, engine, chosen, as_json, in_text)
    except RefmanagerError as error:
        _fail(error)
    _print_problems(problems)
    if merged:
        errors.print(f"refman: {merged:,} duplicate{'s' if merged != 1 else ''} merged "
                     "(--no-dedupe to keep them)", highlight=False)
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
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        # Raised as Interrupted, which typer does not turn into "Aborted!" and exit 1.
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _interrupted)
    try:
        app()
    except Interrupted as interruption:
        errors.print("refman: interrupted", highlight=False)
        sys.exit(interruption.exit_code)
    except Exception as error:  # a bug: one line, not a traceback, and never exit 1
        if _debug:
            traceback.print_exc()
        message = str(error).splitlines()[0] if str(error) else ""
        errors.print(f"refman: internal error: {type(error).__name__}: {message} (run with --debug "
                     "for the traceback, and please report it)", markup=False, highlight=False,
                     soft_wrap=True)
        sys.exit(EXIT_UNUSABLE)


def _interrupted(number: int, frame) -> None:
    raise Interrupted(number)
