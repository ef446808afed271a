"""Which BibTeX and biblatex entry types and fields mean which parts of the model
(fields by the CSL variable they hold): the tables `mapping` reads and writes by."""

from __future__ import annotations

FOREIGN = "bibtex"
# In foreign["bibtex"], besides fields by name: model.SOURCE_TYPE holds the source's
# entry type when the CSL type loses it, and "name@N" a field that appeared twice.

# Classic BibTeX's entry types (btxdoc); biblatex adds the others in ENTRY_TYPES.
CLASSIC_TYPES = {"article", "book", "booklet", "conference", "inbook", "incollection",
                 "inproceedings", "manual", "mastersthesis", "misc", "phdthesis", "proceedings",
                 "techreport", "unpublished"}
# Fields of biblatex's data model that classic BibTeX styles do not know, and that make
# an entry biblatex (`dialect_of`). Not `eventtitle` and `pagetotal`, biblatex's too: they
# mean the same to both, classic styles ignore them, and Zotero's BibTeX import reads the
# conference and the page count under no other name, so classic output uses them as well.
BIBLATEX_ONLY_FIELDS = {
    "journaltitle", "journalsubtitle", "location", "date", "urldate", "eventdate", "origdate",
    "venue", "langid", "entrysubtype", "eid", "subtitle", "titleaddon", "maintitle",
    "mainsubtitle", "booksubtitle", "booktitleaddon", "bookauthor", "editora", "editorb",
    "editorc", "editoratype", "editorbtype", "editorctype", "eprinttype", "eprintclass",
    "issuetitle", "origlanguage",
}
# biblatex fields that classic BibTeX writes under other names, which keep the file classic
# BibTeX (`dialect_of`): the access date as `lastchecked` (urlbst's field, which Zotero reads
# as it reads `urldate`), the rest under their CSL names (Zotero ignores them either way).
CLASSIC_NAMES = {"bookauthor": "container-author", "eventdate": "event-date",
                 "origdate": "original-date", "venue": "event-place", "urldate": "lastchecked"}
# Fields that classic output spells otherwise for our reader's sake only (its dialect test):
# classic styles ignore both spellings and Zotero reads both alike, so an untouched entry
# that has them is written as classic BibTeX as it is (`write._classic_alike`).
CLASSIC_RESPELLINGS = {"urldate": "lastchecked", "entrysubtype": "csl-type"}
SEASON_NAMES = {"1": "Spring", "2": "Summer", "3": "Autumn", "4": "Winter"}

ENTRY_TYPES = {
    "article": "article-journal", "book": "book", "mvbook": "book", "collection": "book",
    "mvcollection": "book", "proceedings": "book", "mvproceedings": "book", "manual": "book",
    "booklet": "pamphlet", "inbook": "chapter", "incollection": "chapter", "bookinbook": "chapter",
    "suppbook": "chapter", "inproceedings": "paper-conference", "conference": "paper-conference",
    "phdthesis": "thesis", "mastersthesis": "thesis", "thesis": "thesis",
    "techreport": "report", "report": "report", "unpublished": "manuscript", "misc": "document",
    "online": "webpage", "electronic": "webpage", "www": "webpage", "patent": "patent",
    "dataset": "dataset", "software": "software", "periodical": "periodical",
    "reference": "book", "inreference": "entry-encyclopedia", "jurisdiction": "legal_case",
    "judicial": "legal_case", "legislation": "legislation", "law": "legislation",
    "standard": "standard", "video": "motion_picture", "movie": "motion_picture",
    "audio": "song", "music": "song", "musicscore": "musical_score", "artwork": "graphic",
    "image": "graphic", "letter": "personal_communication", "blog": "post-weblog",
    "review": "review", "map": "map", "interview": "interview", "speech": "speech",
}
# CSL type -> (classic BibTeX type, biblatex type). Only types that Zotero's BibTeX import
# knows: it discards an entry of another (`@dataset`, `@review`, `@standard`, `@periodical`)
# unread (shared/research/zotero-import.md, 4.1); `TYPE_FIELDS` says the CSL type.
CSL_TYPES = {
    "article-journal": ("article", "article"), "article-magazine": ("article", "article"),
    "article-newspaper": ("article", "article"), "article": ("article", "article"),
    "review": ("article", "article"), "review-book": ("article", "article"),
    "book": ("book", "book"), "chapter": ("incollection", "incollection"),
    "paper-conference": ("inproceedings", "inproceedings"), "thesis": ("phdthesis", "thesis"),
    "report": ("techreport", "report"), "manuscript": ("unpublished", "unpublished"),
    "pamphlet": ("booklet", "booklet"), "webpage": ("misc", "online"),
    "post-weblog": ("misc", "online"), "post": ("misc", "online"), "patent": ("misc", "patent"),
    "dataset": ("misc", "misc"), "software": ("misc", "software"),
    "periodical": ("misc", "misc"), "entry-encyclopedia": ("incollection", "inreference"),
    "entry-dictionary": ("incollection", "inreference"), "legal_case": ("misc", "jurisdiction"),
    "legislation": ("misc", "legislation"), "standard": ("techreport", "report"),
    "motion_picture": ("misc", "video"), "song": ("misc", "audio"),
    "musical_score": ("misc", "misc"), "graphic": ("misc", "artwork"),
    "personal_communication": ("misc", "letter"), "bill": ("misc", "legislation"),
    "regulation": ("misc", "legislation"), "entry": ("incollection", "inreference"),
}
# Where the entry type does not say the CSL type, a field does: biblatex's own
# `entrysubtype`, and in classic BibTeX (where `entrysubtype` would make the file
# biblatex) `csl-type`. Zotero and BibTeX styles ignore both.
TYPE_FIELDS = {"bibtex": "csl-type", "biblatex": "entrysubtype"}
# CSL 1.0.2's item types (the schema's list, `tests` check it), and its text and number
# variables: one with no BibTeX field of its own is written under its CSL name
# (`authority = {...}`), as a role (`chair = {...}`) and a date (`submitted = {2020-05-01}`) are.
CSL_ITEM_TYPES = frozenset({
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
    "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
    "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing",
    "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
    "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
    "personal_communication", "post", "post-weblog", "regulation", "report", "review",
    "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
})
CSL_TEXT_VARIABLES = frozenset({
    "DOI", "ISBN", "ISSN", "PMCID", "PMID", "URL", "abstract", "annote", "archive",
    "archive-place", "archive_collection", "archive_location", "authority", "call-number",
    "chapter-number", "citation-key", "citation-label", "citation-number", "collection-number",
    "collection-title", "container-title", "container-title-short", "dimensions", "division",
    "edition", "event", "event-place", "event-title", "first-reference-note-number", "genre",
    "issue", "journalAbbreviation", "jurisdiction", "language", "locator", "medium", "note",
    "number", "number-of-pages", "number-of-volumes", "original-publisher",
    "original-publisher-place", "original-title", "page", "page-first", "part", "part-title",
    "printing", "publisher", "publisher-place", "references", "reviewed-genre", "reviewed-title",
    "scale", "section", "shortTitle", "source", "status", "supplement", "title", "title-short",
    "version", "volume", "volume-title", "volume-title-short", "year-suffix",
})
# CSL-JSON's old name `shortTitle`: BibTeX's field names ignore letter case, so it goes
# into `title-short`'s field (`shorttitle`) and reads back as `title-short`.
CSL_ALIASES = {"shortTitle": "title-short"}
THESIS_GENRES = {"mastersthesis": "Master's thesis", "phdthesis": "PhD thesis"}
# biblatex's way to say what kind of @article: `entrysubtype = {magazine}`.
ARTICLE_SUBTYPES = {"magazine": "article-magazine", "newspaper": "article-newspaper"}

NAME_FIELDS = {"author": "author", "editor": "editor", "translator": "translator",
               "bookauthor": "container-author"}
TITLE_FIELDS = {"title", "booktitle", "journal", "journaltitle", "series", "shorttitle",
                "maintitle", "eventtitle", "shortjournal"}
# BibTeX field -> the CSL variable it holds, where that does not depend on the entry
# type (`mapping` decides `number`, `eid` and `journal` by type). Writing, a variable
# goes into the first field named for it here, unless `mapping` chooses by type.
TEXT_FIELDS = {
    "title": "title", "journal": "container-title", "journaltitle": "container-title",
    "booktitle": "container-title", "volume": "volume", "issue": "issue", "pages": "page",
    "doi": "DOI", "isbn": "ISBN", "issn": "ISSN", "url": "URL", "pmid": "PMID",
    "publisher": "publisher", "institution": "publisher", "school": "publisher",
    "organization": "publisher", "address": "publisher-place", "location": "publisher-place",
    "edition": "edition", "abstract": "abstract", "language": "language", "langid": "language",
    "note": "note", "series": "collection-title", "type": "genre", "shorttitle": "title-short",
    "shortjournal": "container-title-short", "chapter": "chapter-number",
    "pagetotal": "number-of-pages", "annote": "annote", "eventtitle": "event-title",
    "venue": "event-place", "version": "version", "howpublished": "medium",
    # biblatex's fields for these; classic styles and Zotero ignore them, the reader's
    # dialect test too (they are not in BIBLATEX_ONLY_FIELDS), so both dialects use them.
    "origtitle": "original-title", "origpublisher": "original-publisher",
    "origlocation": "original-publisher-place", "pubstate": "status", "volumes": "number-of-volumes",
}
# Entry types whose `number` is the number in the series (`series`) the book is in: CSL's
# collection-number (Zotero's seriesNumber), not a report's number.
SERIES_NUMBER_TYPES = {"book", "mvbook", "inbook", "bookinbook", "suppbook", "incollection",
                       "collection", "mvcollection", "proceedings", "mvproceedings",
                       "inproceedings", "conference", "reference", "inreference"}
# Writing, a date goes into the first field named for it here (classic BibTeX: CLASSIC_NAMES).
DATE_FIELDS = {"date": "issued", "urldate": "accessed", "eventdate": "event-date",
               "origdate": "original-date", "lastchecked": "accessed"}
# The user's own prose: its runs of spaces are kept as written (`latex.decode`'s `keep_spaces`).
FREE_TEXT_FIELDS = {"note", "annote", "abstract"}
RAW_TEXT_FIELDS = {"url", "doi"}  # LaTeX is not decoded in these (biblatex reads them verbatim)
