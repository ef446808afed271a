"""`refman cite` and `refman styles`: bibliographies and citations in any CSL style."""

from __future__ import annotations

import json
import sys
from typing import Optional

import typer
from rich.table import Table

from refmanager.cli import shell
from refmanager.cli.shell import (
    EXIT_PROBLEMS,
    _fail,
    _print_problems,
    _write_output,
    app,
)
from refmanager.errors import RefmanagerError


@app.command()
def cite(
    arguments: list[str] = typer.Argument(..., metavar="FILE... [KEY...]", help="Bibliography files or folders, then the citation keys to cite (default: every record)."),
    style: str = typer.Option("apa", "--style", "-s", help="A named style (apa, chicago-notes, bibtex...), an official CSL style id, or a .csl file; refman styles lists them."),
    format: Optional[str] = typer.Option(None, "--format", "-f", help="text, html, markdown or latex. Default: from the -o extension; on a terminal, coloured text."),
    locale: Optional[str] = typer.Option(None, "--locale", "-l", help="A CSL locale such as en-GB or de-DE, instead of the style's own."),
    as_json: bool = typer.Option(False, "--json", help="Each record's citation and bibliography entry as JSON, in input order."),
    in_text: bool = typer.Option(False, "--in-text", help="The in-text citation (a note style: the first note) of each record, one a line."),
    output_path: Optional[str] = typer.Option(None, "--output", "-o", help="File to write (.html, .md, .tex, .txt picks the format); default standard output."),
    no_dedupe: bool = typer.Option(False, "--no-dedupe", help="Render every record as read, duplicates included (by default each work comes once, merged)."),
    clean: bool = typer.Option(False, "--clean", help="Make refman clean's confident fixes first, in memory (the files are not changed; refman.toml is honoured)."),
) -> None:
    """Format a bibliography, or each record's citation, in any CSL style.

    --style takes a named style (refman styles lists them: apa, chicago-notes,
    chicago-author-date-17, bibtex...), else an official CSL id, else a .csl file;
    csl:ID is the official style even where a named one has its name (csl:apa).

    Everything cited is registered together, so the order of the list and
    disambiguation (2020a, 2020b) hold across all the files.

    [bold]Examples[/bold]

      refman cite library/soft-power.bib --style apa

      refman cite library/soft-power.json --style chicago-notes -o bibliography.html

      refman cite library/soft-power.ris --style bibtex -o clean.bib

      refman cite library/soft-power.bib nye2004book keohane1977power --in-text --style ieee

      refman cite library/soft-power.bib --clean --style chicago-notes
    """
    from refmanager.render import api as render
    from refmanager.render.style_choice import choose_style

    try:
        paths, keys = render.split_arguments(arguments)
        choice = choose_style(style)
        # JSON on a terminal is still data: its strings are plain text, not terminal markup.
        on_terminal = output_path is None and shell.output.is_terminal and not as_json
        # A writer style's entries are BibTeX whatever the file is called (refs.bib).
        chosen = "text" if choice.writes_entries else render.output_format(output_path, format, on_terminal)
        with shell.stage_bars(as_json, paths) as stage:
            loaded = render.load_works(paths, keys, dedupe=not no_dedupe,
                                       clean=_clean_config() if clean else None, stage=stage)
            text = _formatted(choice, loaded.records, style, locale, chosen, as_json, in_text, stage)
    except RefmanagerError as error:
        _fail(error)
    problems = loaded.problems
    _print_problems(problems)
    if clean:
        shell.errors.print(f"refman: {loaded.fixed:,} fix{'es' if loaded.fixed != 1 else ''} made in memory "
                           "(refman clean FILE to review them)", highlight=False)
    if loaded.merged:
        shell.errors.print(f"refman: {loaded.merged:,} duplicate{'s' if loaded.merged != 1 else ''} merged "
                           "(--no-dedupe to keep them)", highlight=False)
    if chosen == "terminal":  # the terminal backend writes rich markup: italics shown
        shell.output.print(text, markup=True, highlight=False, emoji=False, soft_wrap=True)
    else:
        _write_output(text, output_path)
    if problems:
        raise typer.Exit(EXIT_PROBLEMS)




def _formatted(choice, records, style: str, locale: str | None, format: str, as_json: bool, in_text: bool,
               stage) -> str:
    """The records in the chosen style: BibTeX entries for a writer style, else the
    bibliography, the citations or both as JSON."""
    from refmanager.render import api as render
    from refmanager.render.style_choice import formatter_for

    if choice.writes_entries:
        stage(f"writing {len(records):,} entries")
        return _entries_text(choice.named, records, as_json, in_text)
    stage(f"sorting and disambiguating {len(records):,} records")
    engine = formatter_for(records, style, locale)
    advance = stage(f"formatting {len(records):,} entries", total=len(records))
    return _cite_text(render, engine, format, as_json, in_text, advance)


def _clean_config():
    """The settings `refman clean` would use here: the nearest refman.toml, else the defaults."""
    from pathlib import Path

    from refmanager.normalize import find_config, load_config

    return load_config(find_config(Path.cwd()))


def _entries_text(named, records, as_json: bool, in_text: bool) -> str:
    from refmanager.errors import InputError
    from refmanager.render.bibtex_entries import normalized_entries

    if in_text:
        raise InputError(f"the {named.name} style writes entries, not citations; drop --in-text")
    entries = normalized_entries(records, named.writer)
    if as_json:
        return json.dumps([{"id": key, "bibliography": text} for key, text in entries],
                          ensure_ascii=False, indent=1)
    return "\n\n".join(text for _key, text in entries)


def _cite_text(render, engine, format: str, as_json: bool, in_text: bool, progress=None) -> str:
    if as_json:
        return json.dumps(render.report_rows(engine, format), ensure_ascii=False, indent=1)
    if in_text:
        return "\n".join(row["citation"] for row in render.report_rows(engine, format, progress))
    return "\n".join(entry for _id, entry in engine.processor.bibliography(format=format, progress=progress))




@app.command()
def styles(
    search: Optional[str] = typer.Argument(None, help="Words that the style's id or title must contain."),
    as_json: bool = typer.Option(False, "--json", help="Print the styles as JSON."),
) -> None:
    """List the named styles, then the official CSL styles, or those that match.

    Named styles (apa, chicago-notes, bibtex...) come first, marked with the
    file that defines them and the CSL style they run; your own are the .toml
    files in REFMAN_STYLES or ~/.config/refmanager/styles/. On a terminal a
    table; piped, one style a line: id, title, class and fields (for a named
    style, where it comes from), separated by tabs.

    [bold]Examples[/bold]

      refman styles chicago

      refman styles "chicago 18th" --json
    """
    from refmanager.render.style_choice import style_rows

    try:
        found = style_rows(search)
    except RefmanagerError as error:
        _fail(error)
    if as_json:
        shell.output.print_json(json.dumps(found))
        return
    if not shell.output.is_terminal:  # piped: one style a line, tab-separated, for grep and cut
        sys.stdout.write("".join(f"{row['id']}\t{row['title']}\t{row['style_class']}\t"
                                 f"{_fields_or_source(row)}\n" for row in found))
        return
    table = Table("id", "title", "class", "fields", box=None)
    for row in found:
        style = "bold" if row.get("named") else None
        table.add_row(row["id"], row["title"], row["style_class"], _fields_or_source(row), style=style)
    shell.output.print(table)
    named = sum(1 for row in found if row.get("named"))
    shell.errors.print(f"{len(found):,} styles ({named:,} named)", highlight=False)


def _fields_or_source(row: dict) -> str:
    """An official style's fields; a named style's file and what it runs."""
    if not row.get("named"):
        return ", ".join(row["fields"])
    runs = f"writes {row['writer']} entries" if row["writer"] else f"runs {row['csl']}"
    return f"named style: {runs}; {row['file']}"
