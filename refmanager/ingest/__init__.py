"""The ingest stage: turn documents and citation strings into records.

Modules:

* `frontmatter`: read an article's front matter (title, byline, dates, journal); its
  pieces are `markdown` (lines without markup), `byline`, `article_dates`, `header`
  (journal, volume, pages, DOI, ISSN) and `abstract`;
* `statement`: find and read its "How to cite" statement;
* `reconcile`: compare the statement with the document and correct it, as change records,
  with `author_corrections` and `name_match` (names through initials) and `proper_nouns`;
* `references`: parse a free-text reference (APA, Chicago, MLA, Harvard, Vancouver,
  IEEE...) into a Record; `reference_tokens`, `reference_labels`, `reference_fields`
  and `reference_names` are its steps, and `reference_name_labels`, `reference_containers`,
  `reference_titles`, `reference_publishers` and `reference_numbers` repair the labels
  (`reference_markers` takes off a field's `pp.`, `vol.`, `In:`).
* `article`: the whole of it for one file: `ingest(path) -> IngestResult`, and the
  reader that lets `refmanager.load` read front matter (`.md`, `.txt`).
"""

from refmanager.ingest.article import IngestResult, ingest, ingest_all, ingest_text, report_of

__all__ = ["IngestResult", "ingest", "ingest_all", "ingest_text", "report_of"]
