"""The library's front door: load, save, convert, clean and deduplicate bibliography files.

    >>> import refmanager
    >>> document = refmanager.load("library/soft-power.bib")
    >>> written = refmanager.dumps(document, "csljson")
    >>> report = refmanager.convert("library/soft-power.bib", "out.ris")

Normalization, on a document in memory or on files as `refman clean` does it:

    >>> findings = refmanager.normalize_document(document)      # proposes, edits nothing
    >>> refmanager.apply_changes(document, findings.fixes(0.9))  # the sure ones
    >>> report = refmanager.clean_files(["refs.bib"], apply=True, in_place=True, report="r.json")
    >>> refmanager.revert_clean("r.json")

Every function returns data (documents, texts, problems); nothing here prints.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from refmanager.errors import InputError, Problem, UnknownFormatError
from refmanager.io import files, formats
from refmanager.io.base import Written
from refmanager.model import Document, Record


def bibliography_files(paths: list[str]) -> list[str]:
    """The paths, with each folder replaced by the bibliography files below it
    (an article's front matter, `.md` or `.txt`, counts as one)."""
    found = []
    for path in paths:
        if not Path(path).is_dir():
            found.append(path)
            continue
        inside = sorted(str(file) for file in Path(path).rglob("*")
                        if file.is_file() and (file.suffix.lower() in formats.EXTENSIONS or _is_article(file)))
        if not inside:
            raise InputError(f"{path}: no bibliography files in this folder "
                             f"({', '.join(sorted(formats.EXTENSIONS))}, or an article's front matter)")
        found.extend(inside)
    return found


def _is_article(file: Path) -> bool:
    """A `.md`/`.txt` file in a folder that holds an article's front matter (not a README)."""
    if file.suffix.lower() not in formats.FRONT_MATTER_EXTENSIONS:
        return False
    return _article_format(str(file), files.read_text(str(file)).text) is not None


def _article_format(path: str, text: str) -> str | None:
    """The format `frontmatter` for a `.md`/`.txt` file holding an article's front matter; a `.txt`
    whose content shows a bibliography format (RIS exports often end in .txt) is that format."""
    suffix = PurePath(path).suffix.lower()
    if suffix not in formats.FRONT_MATTER_EXTENSIONS or (suffix == ".txt" and formats.sniff(text)):
        return None
    from refmanager.ingest.article import looks_like_front_matter  # only for such files

    return formats.FRONT_MATTER_EXTENSIONS[suffix] if looks_like_front_matter(text) else None


def loads(text: str, format: str, path: str = "<string>") -> Document:
    """A Document from text in a named format ("bibtex", "ris", "csljson").

    A leading byte-order mark is no part of any format: it is noted on the
    Document (and written back by `save`), not passed to the reader.
    """
    byte_order_mark = text.startswith("\ufeff")
    document = formats.reader(format)(text[1:] if byte_order_mark else text, path)
    document.byte_order_mark = byte_order_mark
    return document


def load(path: str, format: str | None = None) -> Document:
    """A Document from a file (`-` for standard input); the format is detected if not named."""
    decoded, format = read_source(path, format)
    return document_from(decoded, format, path)


def read_source(path: str, format: str | None = None) -> tuple[files.DecodedText, str]:
    """What `load` starts from: the file's text, decoded, and its format (detected if not
    named). `refmanager.clean_parts` reads the text of a large file in parts."""
    decoded = files.read_text(path)
    return decoded, format or _article_format(path, decoded.text) or formats.detect(path, decoded.text)


def document_from(decoded: files.DecodedText, format: str, path: str) -> Document:
    """The Document `load` makes of a file's text (`read_source`'s)."""
    document = loads(decoded.text, format, path)
    document.encoding = decoded.encoding
    document.byte_order_mark = decoded.byte_order_mark or document.byte_order_mark
    document.problems[:0] = decoded.problems
    return document


# Formats that can say "this entry inherits from that one"; the others are written
# with each child's inherited fields filled in.
_HAVE_CROSSREF = {"bibtex", "biblatex"}
# Formats that keep a BibTeX entry's verbatim fields (CSL-JSON in `custom`), from which
# the processor shapes its item (`io.bibtex.item_shape`); the others are written shaped.
_KEEP_BIBTEX_FIELDS = _HAVE_CROSSREF | {"csljson"}


def dumps(document: Document, format: str, **options) -> Written:
    """The text of a Document in a named format, and what that format could not hold.

    `options` go to the writer: `ascii=True` makes the BibTeX writers spell
    non-ASCII characters in LaTeX. For a format with no crossref, a BibTeX child
    is written with what it inherits from its parent, with a note saying so, and a
    biblatex subtitle is joined to its title; for one that cannot keep BibTeX's other
    fields (RIS), a record is written as the citation processor sees it (an arXiv
    preprint as a preprint, a DOI without its resolver).
    """
    notes: list[Problem] = []
    if format not in _HAVE_CROSSREF:
        from refmanager.io.bibtex.crossref import without_crossrefs
        from refmanager.io.bibtex.subtitles import with_subtitles_joined

        document, notes = without_crossrefs(document, format)
        if format not in _KEEP_BIBTEX_FIELDS:  # an arXiv preprint, a DOI as a resolver URL...
            from refmanager.io.bibtex.item_shape import with_records_shaped

            document = with_records_shaped(document)
        # RIS and CSL-JSON have one title field; CSL-JSON keeps the subtitle in `custom`
        # too, so that refmanager reads the title back apart
        document = with_subtitles_joined(document, keep=format == "csljson")
    written = formats.writer(format)(document, **options)
    written.problems.extend(notes)
    return written


def target_format(path: str, format: str | None, document: Document | None = None) -> str:
    """The format to write: as named, else from the output file's extension; a
    `.bib` file read as biblatex is written as biblatex."""
    if format:
        return format
    found = formats.EXTENSIONS.get(PurePath(path).suffix.lower())
    if found is None:
        raise UnknownFormatError(f"{path}: cannot tell which format to write; name it with --to")
    if found == "bibtex" and document is not None and _uses_biblatex(document):
        return "biblatex"
    return found


def _uses_biblatex(document: Document) -> bool:
    if document.format != "bibtex":
        return False
    from refmanager.io.bibtex.pending import source_dialect

    return any(source_dialect(record) == "biblatex" for record in document.records)


# Formats whose files may be in any encoding; JSON is UTF-8 by definition (RFC 8259).
_KEEPS_ITS_ENCODING = {"bibtex", "biblatex", "ris"}


def save(document: Document, path: str, format: str | None = None, backup: bool = False,
         **options) -> list[Problem]:
    """Write a Document atomically; returns what the format could not hold.

    A document written in the format it was read from keeps its encoding and
    byte-order mark, so an unchanged file is written back byte for byte.
    """
    format = target_format(path, format, document)
    return save_written(document, path, format, dumps(document, format, **options), backup)


def save_written(document: Document, path: str, format: str, written: Written,
                 backup: bool = False) -> list[Problem]:
    """Write `written`, the document's text in `format` (`dumps`'s), as `save` does."""
    same_format = document.format == format or {document.format, format} <= {"bibtex", "biblatex"}
    encoding = document.encoding if same_format and format in _KEEPS_ITS_ENCODING else "utf-8"
    data, problems = files.encode_text(written.text, encoding,
                                       document.byte_order_mark and same_format, path)
    files.write_bytes(path, data, backup=backup)
    return written.problems + problems


@dataclass(slots=True)
class CheckResult:
    """What reading one file found; `unreadable` when it could not be read at all."""

    path: str
    format: str
    records: int
    problems: list[Problem]
    unreadable: bool = False

    def as_dict(self) -> dict:
        return {"path": self.path, "format": self.format, "records": self.records,
                "unreadable": self.unreadable,
                "problems": [problem.as_dict() for problem in self.problems]}


def check(paths: list[str]) -> list[CheckResult]:
    """Read each file (a folder: the bibliography files below it) and say what was found.

    A file that cannot be read at all is reported and the others are still read;
    so is one that a reader fails on (a bug, said as one: a folder of a hundred
    files is still checked when one of them finds a bug).
    """
    results = []
    for path in bibliography_files(paths):
        try:
            document = load(path)
        except InputError as error:
            results.append(CheckResult(path, "", 0, [Problem(path, 0, str(error))], True))
            continue
        except (RecursionError, MemoryError, ValueError, TypeError, LookupError) as error:
            message = (f"{path}: refman failed reading this file ({type(error).__name__}: "
                       f"{str(error)[:100]}); please report it")
            results.append(CheckResult(path, "", 0, [Problem(path, 0, message)], True))
            continue
        results.append(CheckResult(path, document.format, len(document.records),
                                   document.all_problems()))
    return results


@dataclass(slots=True)
class ConversionReport:
    """What a conversion read, wrote, and found."""

    source: str
    target: str
    source_format: str
    target_format: str
    records: int
    read_problems: list[Problem] = field(default_factory=list)
    write_problems: list[Problem] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return any(problem.severity == "error" for problem in self.read_problems)

    def as_dict(self) -> dict:
        return {
            "source": self.source, "target": self.target, "source_format": self.source_format,
            "target_format": self.target_format, "records": self.records,
            "read_problems": [problem.as_dict() for problem in self.read_problems],
            "write_problems": [problem.as_dict() for problem in self.write_problems],
        }


def no_stage(description: str, total: int | None = None) -> None:
    """The `stage` callback that shows nothing: the library's default, and the
    command line's when nothing is shown (piped, or a small input)."""
    return None


def convert(source: str, target: str, to: str | None = None, source_format: str | None = None,
            backup: bool = False, stage=None, **options) -> ConversionReport:
    """Read `source` and write it to `target` (`-` for the standard streams);
    with `backup`, an existing target is kept as `TARGET.bak`. `stage` is told each
    stage as it starts ("reading FILE"), for a progress display.

    `options` go to the writer, as for `dumps`.
    """
    stage = stage or no_stage
    stage(f"reading {source}")
    document = load(source, source_format)
    to = target_format(target, to, document)
    stage(f"writing {len(document.records):,} records as {to}")
    write_problems = save(document, target, to, backup=backup, **options)
    return ConversionReport(source, target, document.format, to, len(document.records),
                            document.all_problems(), write_problems)


def clean_files(paths: list[str], config: "NormalizeConfig | None" = None, apply: bool = False,
                output: str | None = None, in_place: bool = False, report: str | None = None,
                review: str | None = None, jobs: int | None = None) -> "CleanReport":
    """Normalize the files (folders: the bibliography files below them) as `refman clean`
    does: without `apply` a plan, with it the result written to `output` or over each
    input (`in_place`, keeping FILE.bak). `report`: where to write every change as JSON,
    for `revert_clean`; `review`: a review file whose decisions on suggestions are
    honoured (see `refmanager.normalize.review`). `config` defaults to the built-in
    settings; `refman clean` reads the nearest refman.toml (`normalize.find_config`).
    `jobs`: how many processes share a large file (None: one; 0: one a usable core).
    """
    from refmanager import clean as cleaning
    from refmanager.normalize import NormalizeConfig

    config = (config or NormalizeConfig()).with_options(review=review)
    result = cleaning.clean(paths, config, apply=apply, output=output, in_place=in_place, jobs=jobs)
    if report:
        cleaning.write_report(result, report)
    return result


def revert_clean(report: str) -> "RevertReport":
    """Undo exactly the changes that a `clean_files(..., apply=True, report=...)` report
    (or `refman clean --apply --report`) records, in the files it wrote."""
    from refmanager import clean as cleaning

    return cleaning.revert(report)


def export_for_zotero(source: str, target: str | None = None, format: str = "ris",
                      source_format: str | None = None,
                      progress_for: "Callable[[int], Callable[[int], None] | None] | None" = None,
                      ) -> "ZoteroExport":
    """Read `source` and write it for Zotero's import in `format` ("ris", the default
    and the one Zotero imports with nothing lost; "bibtex"; "csljson"), atomically to
    `target` (`-` for standard output; None writes nothing, for a check first).

    The result holds the text, the losses (per record, each field the format
    cannot carry into Zotero, and what becomes of it) and the problems found.
    `progress_for(records)`, if given, returns a callback told how many records
    were done since its last call (or None for no progress).
    """
    from refmanager.zotero import export

    document = load(source, source_format)
    progress = progress_for(len(document.records)) if progress_for else None
    result = export(document, format, progress)
    result.problems[:0] = document.all_problems()
    if target is not None:
        files.write_bytes(target, result.text.encode("utf-8"))
    return result


@dataclass
class DedupeReport:
    """What `deduplicate` found across its input files."""

    records: list  # every record read, in input order (file by file)
    result: "DedupeResult"
    problems: list[Problem] = field(default_factory=list)

    def clusters(self) -> list[list[str]]:
        """Each group of duplicates as citation keys, in input order."""
        return [[self.records[index].key for index in group] for group in self.result.clusters]


def deduplicate(paths: list[str], options: "DedupeOptions | None" = None,
                review: str | None = None, stage=None) -> DedupeReport:
    """Find the records, across every file given (folders included), that describe one work.

    `review`: a review file; its decisions are honoured, and it is written anew
    with the grey-zone pairs still to decide. `stage` is told each stage as it
    starts ("reading FILE"), for a progress display.
    """
    import dataclasses

    from refmanager.dedupe import DedupeOptions, find_duplicates
    from refmanager.dedupe.review import read_decisions, review_text

    stage = stage or no_stage
    records, problems, identities = [], [], []
    for path in bibliography_files(paths):
        stage(f"reading {path}")
        document = load(path)
        records.extend(document.records)
        identities.extend(str(record_id) for record_id in document.record_ids())  # one pass: a search per record was quadratic
        problems.extend(document.all_problems())
    options = options or DedupeOptions()
    decided = read_decisions(files.read_text(review).text) if review and Path(review).exists() else {}
    if decided:
        place = {identity: index for index, identity in enumerate(identities)}
        by_index = {frozenset(place[i] for i in pair): same for pair, same in decided.items()
                    if all(i in place for i in pair)}
        options = dataclasses.replace(options, decisions=by_index)
    stage(f"finding duplicates among {len(records):,} records")
    report = DedupeReport(records, find_duplicates(records, options), problems)
    if review:
        text = review_text(report.result.review, identities, decided)
        files.write_bytes(review, text.encode("utf-8"))
    return report


def works_once(records: list) -> tuple[list, int]:
    """Each work once: duplicates across the records merged into one record that keeps
    their keys (biblatex `ids`). Returns the records and how many were merged away."""
    from refmanager.dedupe import find_duplicates
    from refmanager.dedupe.merge import merge_clusters

    document, merges = merge_clusters(records, find_duplicates(records), "<merged>", "merged")
    return document.records, sum(len(merge.merged) for merge in merges)


def merge_duplicates(report: DedupeReport, output: str, format: str | None = None,
                     report_path: str | None = None) -> tuple[list, list[Problem]]:
    """Write each work once (`output`, `-` for standard output), duplicates merged into
    one record that keeps their keys in biblatex `ids`. `report_path` gets every merge
    with the records as they were (CSL-JSON, which holds every field), for `unmerge`."""
    from refmanager.dedupe.merge import merge_clusters

    target = target_format(output, format) if output != "-" or format else "bibtex"
    document, merges = merge_clusters(report.records, report.result, output, "merged")
    problems = save(document, output, target)
    if report_path:
        entries = []
        for merge, group in zip(merges, report.result.clusters):
            originals = Document("originals", "merged", [report.records[i] for i in group])
            entries.append({**merge.to_json(), "originals": json.loads(dumps(originals, "csljson").text)})
        text = json.dumps({"output": output, "format": target, "merges": entries}, indent=2,
                          ensure_ascii=False)
        files.write_bytes(report_path, (text + "\n").encode("utf-8"))
    return merges, problems


def is_merge_report(report_path: str) -> bool:
    """Whether a report file is one that `merge_duplicates` wrote."""
    try:
        return "merges" in json.loads(files.read_text(report_path).text)
    except ValueError as error:
        raise InputError(f"{report_path}: not a report (broken JSON: {error})") from None


def unmerge(report_path: str) -> tuple[str, int]:
    """Undo a `merge_duplicates` report: each merged record in its output file is
    replaced by the records it was made from. Returns the file and how many merges.

    A merge undone already (its records are there, in their order, where the merged
    one was: the report was reverted before) is left as it is; a file with no merge
    left to undo is not written again."""
    report = json.loads(files.read_text(report_path).text)
    if "merges" not in report or "output" not in report:
        raise InputError(f"{report_path}: not a merge report (it has no 'merges' and 'output')")
    document = load(report["output"])
    merged_keys = {entry["kept"]: entry for entry in report["merges"]}
    blocks, undone, passing = [], 0, 0  # passing: records of a merge undone already, still to pass
    for index, block in enumerate(document.blocks):
        is_record = isinstance(block, Record)
        entry = merged_keys.pop(block.key, None) if is_record and not passing else None
        originals = [original.get("id") for original in entry["originals"]] if entry else []
        if entry is not None and _keys_from(document.blocks, index, len(originals)) != originals:
            blocks.extend(loads(json.dumps(entry["originals"]), "csljson").records)
            undone += 1
            continue
        blocks.append(block)  # no merged record, or the first record of a merge undone already
        passing = len(originals) - 1 if entry is not None else max(passing - is_record, 0)
    if undone:
        document.blocks = blocks
        save(document, report["output"], report["format"])
    return report["output"], undone


def _keys_from(blocks: list, start: int, count: int) -> list[str | None]:
    """The keys of the `count` records from `blocks[start]` on (other blocks skipped)."""
    keys, index = [], start
    while len(keys) < count and index < len(blocks):
        if isinstance(blocks[index], Record):
            keys.append(blocks[index].key)
        index += 1
    return keys
