"""Formatting from Python: bibliographies, citations, and both for every record.

    >>> from refmanager.render.api import format_bibliography, cite_report
    >>> format_bibliography(document.records, style="apa")
    ['Nye, J. S. (2004). <i>Soft power</i> ...', ...]
    >>> cite_report(document.records, style="chicago-notes-bibliography")[0]
    {'id': 'nye2004', 'citation': '...', 'short_note': '...', 'bibliography': '...'}

Input is a Document, Records, or CSL-JSON dicts. A style is an official
style id or a path to a `.csl` file (see `repository.resolve_style`); the
formats are those of the processor's backends: text, html, markdown, latex,
terminal. Everything is rendered with the whole input registered, so
sorting and disambiguation (2020a, 2020b) are computed across all of it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from refmanager.collector import collector_paused
from refmanager.errors import InputError
from refmanager.model import Document, Record
from refmanager.render.records import items_from_records
from refmanager.render.repository import ResolvedStyle, resolve_style
from refmanager.render.sentence_case import check_choice as check_sentence_case

if TYPE_CHECKING:
    from refmanager.normalize import NormalizeConfig

FORMATS = ("text", "html", "markdown", "latex", "terminal")
Input = Iterable[Record | dict] | Document


@dataclass(slots=True)
class Formatter:
    """A processor with its style and items registered, and the item ids in input order."""

    style: ResolvedStyle
    processor: object
    ids: list[str]

    @property
    def is_note_style(self) -> bool:
        return self.style.is_note_style


def formatter(records_or_items: Input, style: str = "apa", locale: str | None = None,
              sentence_case: bool | str | None = None, protected_words: Iterable[str] = (),
              genres: Mapping[str, str] | None = None,
              short_titles: bool | str | None = None, title_case: bool | str | None = None) -> Formatter:
    """Register every item with the style once, for the calls below to share.

    `sentence_case` puts titles in sentence case before the style sees them, for
    styles that print titles as stored (APA): True for the records read from
    BibTeX or RIS (title case, as a rule) or an article's front matter, "all" for
    every record, None or False for none. `protected_words` keep their case (see `render.sentence_case`).
    `genres` gives the style's words for a record's genre ({"PhD thesis": "Doctoral dissertation"}).
    `short_titles` (True or "all", chosen as for sentence case) gives a record without
    a short title its title's main part as one, for the short notes of Chicago.
    `title_case` (chosen as for sentence case) puts titles in Chicago's headline
    style first, for title-case input whose "To" and "With" the style would keep.
    """
    check_sentence_case(sentence_case)
    check_sentence_case(short_titles, "short_titles")
    check_sentence_case(title_case, "title_case")
    resolved = resolve_style(style)
    from refmanager.render.processor import CitationProcessor  # the engine, once the style is known

    with collector_paused():
        items = items_from_records(records_or_items, sentence_case, protected_words, genres,
                                   short_titles, title_case)
        processor = CitationProcessor(resolved.xml, items, locale=locale or resolved.locale or None)
    return Formatter(resolved, processor, [item["id"] for item in items])


def format_bibliography(records_or_items: Input, style: str = "apa", format: str = "text",
                        locale: str | None = None, sentence_case: bool | str | None = None
                        ) -> list[str]:
    """The bibliography's entries, in the style's order (`sentence_case`: see `formatter`)."""
    _check_format(format)
    engine = formatter(records_or_items, style, locale, sentence_case)
    return [entry for _id, entry in engine.processor.bibliography(format=format)]


def format_citation(records_or_items: Input, style: str = "apa", format: str = "text",
                    locale: str | None = None, keys: list[str] | None = None,
                    sentence_case: bool | str | None = None) -> str:
    """One citation of the given keys (default: every item), e.g. "(Nye, 2004; Sen, 1999)"."""
    from refmanager.render.processor import Cite

    _check_format(format)
    engine = formatter(records_or_items, style, locale, sentence_case)
    chosen = keys if keys is not None else engine.ids
    _check_keys(chosen, engine.ids)
    return engine.processor.citation([Cite(id=key) for key in chosen], format=format)


def cite_report(records_or_items: Input, style: str = "apa", format: str = "text",
                locale: str | None = None, sentence_case: bool | str | None = None) -> list[dict]:
    """For every item in input order: `id`, `citation` and `bibliography`.

    For a note style `citation` is the full first note and `short_note` the
    subsequent one. An item the style leaves out of the bibliography (APA's
    personal communications) has "". `sentence_case`: see `formatter`.
    """
    _check_format(format)
    return report_rows(formatter(records_or_items, style, locale, sentence_case), format)


def report_rows(engine: Formatter, format: str, progress: Callable[[int], object] | None = None) -> list[dict]:
    """The rows of `cite_report` from an engine already built (the CLI reuses one);
    `progress(n)` is told of each n bibliography entries rendered."""
    from refmanager.render.processor import Cite

    processor = engine.processor
    entries = dict(processor.bibliography(format=format, progress=progress))
    rows = []
    for item_id in engine.ids:
        cite = [Cite(id=item_id)]
        if engine.is_note_style:
            row = {"id": item_id,
                   "citation": processor.citation(cite, format=format, position="first"),
                   "short_note": processor.citation(cite, format=format, position="subsequent")}
        else:
            row = {"id": item_id, "citation": processor.citation(cite, format=format)}
        row["bibliography"] = entries.get(item_id, "")
        rows.append(row)
    return rows


def _check_format(format: str) -> None:
    if format not in FORMATS:
        raise InputError(f"no output format {format!r}; choose one of {', '.join(FORMATS)}")


def _check_keys(keys: list[str], known: list[str]) -> None:
    missing = [key for key in keys if key not in set(known)]
    if missing:
        raise InputError(f"no item with the key {missing[0]!r} in the input"
                         f"{f' (and {len(missing) - 1} more)' if len(missing) > 1 else ''}")


# ---------------------------------------------------------------- for the command line

OUTPUT_EXTENSIONS = {".html": "html", ".htm": "html", ".md": "markdown", ".tex": "latex",
                     ".txt": "text"}


def split_arguments(arguments: list[str]) -> tuple[list[str], list[str]]:
    """`refman cite`'s arguments as (files or folders, citation keys): an argument
    that names an existing path (or `-`, standard input) is a file, any other a key."""
    from pathlib import Path

    paths = [argument for argument in arguments if argument == "-" or Path(argument).exists()]
    keys = [argument for argument in arguments if argument not in paths]
    if not paths:
        raise InputError(f"{arguments[0]}: no such file or folder" if arguments
                         else "name a bibliography file or folder to cite from")
    return paths, keys


@dataclass(slots=True)
class LoadedRecords:
    """What `load_works` read: the records, the problems met, how many duplicates were
    merged and how many fixes cleaning made."""

    records: list[Record]
    problems: list
    merged: int = 0
    fixed: int = 0


def load_works(paths: list[str], keys: list[str] = (), dedupe: bool = True,
               clean: "NormalizeConfig | None" = None, stage: Callable[[str], object] | None = None
               ) -> LoadedRecords:
    """The records of the files (folders: the bibliography files below them, articles'
    front matter included) and the problems found reading them. With `clean`, each
    file's confident `refman clean` fixes are made in memory first (the files are not
    touched); with `dedupe`, each work comes once; with `keys`, only those records, in
    file order. A merged record answers to every key it was merged from. `stage` is
    told each stage as it starts ("reading FILE"), for a progress display."""
    from refmanager import api as library

    stage = stage or library.no_stage
    loaded = LoadedRecords([], [])
    for path in library.bibliography_files(paths):
        stage(f"reading {path}")
        document = library.load(path)
        loaded.problems.extend(document.all_problems())
        if clean is not None:
            stage(f"cleaning {path}")
            loaded.fixed += _clean_in_memory(document, clean, loaded.problems)
        loaded.records.extend(document.records)
    if dedupe:
        stage(f"finding duplicates among {len(loaded.records):,} records")
        loaded.records, loaded.merged = library.works_once(loaded.records)
    if keys:
        loaded.records = _records_with_keys(loaded.records, keys, paths)
    return loaded


def load_records(paths: list[str], keys: list[str] = (), dedupe: bool = True
                 ) -> tuple[list[Record], list, int]:
    """`load_works` without cleaning, as (records, problems, duplicates merged)."""
    loaded = load_works(paths, keys, dedupe)
    return loaded.records, loaded.problems, loaded.merged


def _clean_in_memory(document: Document, config: "NormalizeConfig", problems: list) -> int:
    """Make the document's confident fixes on its records; how many were made. What
    the rules only warn about (a DOI that is no DOI) is `refman clean`'s to report."""
    from refmanager.changes import apply_changes
    from refmanager.normalize import normalize_document

    fixes = normalize_document(document, config).fixes(config.threshold)
    unmade = apply_changes(document, fixes)
    problems.extend(unmade)
    return len(fixes) - len(unmade)


def _records_with_keys(records: list[Record], keys: list[str], paths: list[str]) -> list[Record]:
    known = {key for record in records for key in _keys_of(record)}
    missing = [key for key in keys if key not in known]
    if missing:
        raise InputError(_missing_key_message(missing[0], known, paths))
    wanted = set(keys)
    return [record for record in records if wanted & set(_keys_of(record))]


def _keys_of(record: Record) -> list[str]:
    """The record's key, and those of the records merged into it."""
    ids = record.foreign.get("bibtex", {}).get("ids", "").strip("{}")
    return [record.key] + [key.strip() for key in ids.split(",") if key.strip()]


def _missing_key_message(key: str, known: set[str], paths: list[str]) -> str:
    from rapidfuzz import process

    close = [match for match, _score, _index in process.extract(key, known, limit=3)]
    hint = f"; did you mean: {', '.join(close)}?" if close else ""
    return f"{', '.join(paths)}: no record with the key {key!r}{hint}"


def output_format(path: str | None, format: str | None, terminal: bool) -> str:
    """The format to render: as named, else from the output file's extension,
    else `terminal` on a terminal and `text` when piped."""
    from pathlib import PurePath

    if format:
        _check_format(format)
        return format
    if path and path != "-":
        found = OUTPUT_EXTENSIONS.get(PurePath(path).suffix.lower())
        if found is None:
            raise InputError(f"{path}: cannot tell the format from the extension "
                             f"({', '.join(OUTPUT_EXTENSIONS)}); name it with --format")
        return found
    return "terminal" if terminal else "text"
