"""Ingesting one article: front matter in, a corrected record and its changes out.

    >>> from refmanager.ingest import ingest
    >>> result = ingest("library/alipour-gorji-2024.md")
    >>> result.record.authors[0].family, [change.rule for change in result.changes][:1]
    ('Alipour Gorji', ['InvertedName'])

The document's citation statement, parsed by `references.parse_reference`, is
the starting record and `reconcile` corrects it from the document; an article
without a statement gives the document's own record and no changes.
`read_article` is the reader that `refmanager.load` uses for `.md` and `.txt`
front matter, so a folder of bibliographies may hold articles too.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from refmanager.changes import Change
from refmanager.errors import Problem
from refmanager.ingest.frontmatter import FrontMatter, read_front_matter
from refmanager.ingest.name_match import fold
from refmanager.ingest.reconcile import reconcile
from refmanager.ingest.statement import CitationStatement
from refmanager.io import files
from refmanager.model import Document, Origin, Record, RecordId

FORMAT = "frontmatter"
_SNIFFED_CHARACTERS = 30_000  # front matter is the first page or two


@dataclass(slots=True)
class IngestResult:
    """What ingesting an article gave: the corrected record and how it got there."""

    path: str
    record: Record
    changes: list[Change] = field(default_factory=list)
    statement: CitationStatement | None = None
    statement_record: Record | None = None  # the statement as the reference parser read it
    front_matter: FrontMatter | None = None
    title_variants: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def report(self) -> dict:
        """Every correction as Change JSON, in the form `refman revert` reads."""
        return report_of([self])


def ingest(path: str) -> IngestResult:
    """Read an article's front matter (Markdown or text) and correct its citation statement."""
    decoded = files.read_text(path)
    result = ingest_text(decoded.text, path)
    result.problems[:0] = decoded.problems
    return result


def ingest_all(paths: list[str]) -> list[IngestResult]:
    """`ingest` for each file, in order."""
    return [ingest(path) for path in paths]


def report_of(results: list[IngestResult]) -> dict:
    """The corrections of several articles in one report (each change names its file)."""
    return {"changes": [change.to_json() for result in results for change in result.changes]}


def ingest_text(text: str, path: str = "<string>") -> IngestResult:
    """`ingest` for text already read."""
    front = read_front_matter(text, path)
    problems = _doubts(front)
    if front.statement is None:
        record = front.record()
        record.key = record_key(record)
        problems.append(Problem(path, 1, "no citation statement found; the record is the document's own", "warning"))
        return _sealed(IngestResult(path, record, front_matter=front, problems=problems), front)
    from refmanager.ingest.references import parse_reference  # the parser loads its model: only when needed
    stated = parse_reference(front.statement.text)
    result = reconcile(stated, front, front.statement.text, RecordId(path, 0, ""))
    # The key comes from the corrected names ("alipourgorji2024", not "mahmood2024").
    key = result.record.key = record_key(result.record, front)
    result.changes = [dataclasses.replace(change, record=RecordId(path, 0, key)) for change in result.changes]
    problems += [Problem(path, front.statement.first_line, note, "warning") for note in result.notes]
    return _sealed(IngestResult(path, result.record, result.changes, front.statement, stated, front,
                                result.title_variants, problems), front)


def _sealed(result: IngestResult, front: FrontMatter) -> IngestResult:
    line = front.title_line or 1
    result.record.seal(Origin(result.path, line, FORMAT, "article"))
    return result


def record_key(record: Record, front: FrontMatter | None = None) -> str:
    """`alipourgorji2024`: the first author's family name and the year, in ASCII."""
    family = ""
    if front is not None and front.authors:
        family = front.authors[0].words[-1]
    if record.authors:
        family = record.authors[0].family or family
    year = record.issued.year if record.issued and record.issued.year else ""
    if not year and front is not None:
        stated = front.date("published") or front.date("available-online")
        year = stated.value.year if stated and stated.value else ""
    return re.sub(r"[^a-z0-9]", "", fold(family)) + str(year) or "article"


def _doubts(front: FrontMatter) -> list[Problem]:
    """What the reader could not settle for sure: dates that allow both readings."""
    doubtful = [date for date in front.dates if date.how.startswith("day/month: the dates allow both")]
    if not doubtful:
        return []
    written = ", ".join(date.written for date in doubtful)
    return [Problem(front.path, doubtful[0].line, f"dates {written} may be day/month or month/day; "
                    "read as day/month", "warning")]


def looks_like_front_matter(text: str) -> bool:
    """Whether a text is an article's front matter: it has a citation statement, or a
    byline and an abstract. A README or notes file in a bibliography folder has neither."""
    front = read_front_matter(text[:_SNIFFED_CHARACTERS])
    return front.statement is not None or bool(front.authors and front.abstract_sections)


def read_article(text: str, path: str = "<string>") -> Document:
    """The reader for front-matter files: one Document holding the article's corrected record."""
    result = ingest_text(text, path)
    return Document(path, FORMAT, [result.record], problems=result.problems)
