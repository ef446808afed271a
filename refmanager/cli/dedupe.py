"""`refman dedupe`: duplicate records across files, explained, and merged on request."""

from __future__ import annotations

import json
from typing import Optional

import typer
from rich.table import Table

from refmanager import api
from refmanager.cli import shell
from refmanager.cli.shell import _fail, app
from refmanager.errors import RefmanagerError


@app.command()
def dedupe(
    paths: list[str] = typer.Argument(..., help="Files to read (any mix of formats); a folder means the bibliography files in it."),
    as_json: bool = typer.Option(False, "--json", help='Print {"clusters": [[key, ...], ...]} as JSON.'),
    merge: bool = typer.Option(False, "--merge", help="Write each work once: duplicates merged, their keys kept in biblatex ids."),
    output_path: str = typer.Option("-", "--output", "-o", help="With --merge: the file to write (format from its extension); - for standard output."),
    to: Optional[str] = typer.Option(None, "--to", "-t", help="With --merge: the format to write (bibtex, biblatex, ris, csljson)."),
    report_path: Optional[str] = typer.Option(None, "--report", help="With --merge: write every merge (kept key, merged keys, fields filled, conflicts) as JSON here."),
    review: Optional[str] = typer.Option(None, "--review", help='Write the uncertain pairs here for a person to mark "same" or "different"; a later run with the same file honours the decisions.'),
    attach_notices: bool = typer.Option(False, "--attach-notices", help="Count an erratum, reply or comment as one record with its article (as systematic reviews count studies); by default they are related, not merged."),
    merge_preprints: bool = typer.Option(False, "--merge-preprints", help="Count a preprint and its published version as one work; by default they are related, not merged."),
) -> None:
    """Find records that describe the same work, and say why.

    [bold]Example[/bold]

      refman dedupe library/

      refman dedupe library/ --merge -o merged.bib --report merges.json

      refman dedupe library/ --review review.json

      refman dedupe medline.ris embase.ris --attach-notices --merge -o studies.ris
    """
    from refmanager.dedupe import DedupeOptions

    options = DedupeOptions(attach_notices=attach_notices, merge_preprints=merge_preprints)
    try:
        with shell.stage_bars(as_json, paths) as stage:
            report = api.deduplicate(paths, options, review=review, stage=stage)
    except RefmanagerError as error:
        _fail(error)
    if as_json:
        shell.output.print_json(json.dumps({"clusters": report.clusters()}))
    elif not merge:
        shell.output.print(_clusters_table(report))
    if merge:
        try:
            merges, _ = api.merge_duplicates(report, output_path, to, report_path)
        except RefmanagerError as error:
            _fail(error)
        merged = sum(len(m.merged) for m in merges)
        shell.errors.print(f"refman: merged {merged} duplicate{'s' if merged != 1 else ''} "
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


# --- refman ingest: an article's front matter, and the corrections to its citation statement ---
