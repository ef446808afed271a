"""Zotero's item types and fields, in CSL terms: which record fields a Zotero item
can hold at all, whatever the file format that brings them in.

Zotero has its own types (journalArticle, bookSection...) and fields
(publicationTitle, bookTitle...); its schema maps each to a CSL type and CSL
variables, and that map is how the tables below are written: a Zotero type is
named by the CSL type Zotero cites it as, a field by the CSL variable it is cited
as. A CSL type Zotero has no type for is imported as the nearest one (`NEAREST`).
The tables follow Zotero's schema as its import translators use it
(`shared/research/zotero-import.md`, section 4), as a current Zotero (schema
v41, 2026) has them; Zotero 6 (schema v29, 2023) lacks the DOI of chapters and
reports, which it imports into Extra.
"""

from __future__ import annotations

#: Fields every Zotero item has (besides its creators and its tags).
COMMON_FIELDS = frozenset({
    "title", "title-short", "URL", "accessed", "issued", "language", "abstract", "note",
    "archive", "archive_location", "source", "call-number", "keyword",
})

_BOOK_LIKE = {"collection-title", "collection-number", "volume", "number-of-volumes", "edition",
              "publisher-place", "publisher", "ISBN"}
_BOOK_ROLES = {"author", "editor", "translator", "contributor", "collection-editor"}
_ARTICLE_ROLES = {"author", "translator", "contributor", "reviewed-author"}

#: Zotero type (as its CSL type) -> (the fields it has beyond COMMON_FIELDS, its creator roles).
ZOTERO_TYPES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    name: (frozenset(fields), frozenset(roles)) for name, fields, roles in [
        ("article-journal", {"container-title", "container-title-short", "volume", "issue", "page",
                             "collection-title", "DOI", "ISSN"}, _ARTICLE_ROLES | {"editor"}),
        ("article-magazine", {"container-title", "volume", "issue", "page", "ISSN"}, _ARTICLE_ROLES),
        ("article-newspaper", {"container-title", "publisher-place", "edition", "section", "page",
                               "ISSN"}, _ARTICLE_ROLES),
        ("book", _BOOK_LIKE | {"number-of-pages"}, _BOOK_ROLES),
        ("chapter", _BOOK_LIKE | {"container-title", "page", "DOI"},
         _BOOK_ROLES | {"container-author"}),
        ("entry-encyclopedia", _BOOK_LIKE | {"container-title", "page"}, _BOOK_ROLES),
        ("entry-dictionary", _BOOK_LIKE | {"container-title", "page"}, _BOOK_ROLES),
        ("paper-conference", {"container-title", "event-title", "publisher-place", "publisher",
                              "volume", "page", "collection-title", "DOI", "ISBN"}, _BOOK_ROLES),
        ("thesis", {"genre", "publisher", "publisher-place", "number-of-pages"},
         {"author", "contributor"}),
        ("report", {"number", "genre", "collection-title", "publisher-place", "publisher", "page",
                    "DOI"},
         {"author", "translator", "contributor", "collection-editor"}),
        ("webpage", {"container-title", "genre"}, {"author", "translator", "contributor"}),
        ("post-weblog", {"container-title", "genre"}, {"author", "contributor"}),
        ("post", {"container-title", "genre"}, {"author", "contributor"}),
        ("manuscript", {"genre", "publisher-place", "number-of-pages"},
         {"author", "translator", "contributor"}),
        ("document", {"publisher"}, {"author", "editor", "translator", "contributor",
                                     "reviewed-author"}),
        ("dataset", {"genre", "number", "version", "publisher", "publisher-place", "medium", "DOI"},
         {"author", "editor", "translator", "contributor"}),
        ("software", {"collection-title", "version", "publisher-place", "publisher", "ISBN"},
         {"author", "contributor"}),
        ("patent", {"number", "publisher-place", "page"}, {"author", "contributor"}),
        ("legal_case", {"authority", "container-title", "volume", "page", "number"},
         {"author", "contributor"}),
        ("bill", {"number", "container-title", "volume", "section", "page", "authority"},
         {"author", "contributor"}),
        ("legislation", {"container-title", "number", "volume", "section", "page"},
         {"author", "contributor"}),
        ("motion_picture", {"publisher", "genre", "medium"},
         {"director", "script-writer", "producer", "contributor"}),
        ("song", {"container-title", "publisher", "genre", "medium"},
         {"author", "composer", "performer", "contributor"}),
        ("broadcast", {"container-title", "number", "publisher", "publisher-place", "medium"},
         {"author", "director", "producer", "contributor", "guest"}),
        ("graphic", {"medium", "dimensions"}, {"author", "contributor"}),
        ("interview", {"medium"}, {"author", "interviewer", "translator", "contributor"}),
        ("personal_communication", {"genre"}, {"author", "recipient", "contributor"}),
        ("speech", {"genre", "publisher-place", "event-title"}, {"author", "contributor"}),
        ("map", {"genre", "collection-title", "edition", "publisher-place", "publisher", "scale",
                 "ISBN"}, {"author", "contributor", "collection-editor"}),
    ]
}

#: CSL types Zotero has no type for -> the Zotero type (as a CSL type) nearest to them.
NEAREST: dict[str, str] = {
    "classic": "book", "collection": "book", "pamphlet": "book", "periodical": "book",
    "musical_score": "book", "standard": "report", "article": "document", "review": "article-journal", "review-book": "article-journal",
    "entry": "entry-encyclopedia", "figure": "graphic", "hearing": "bill",
    "regulation": "legislation", "treaty": "legislation", "event": "speech",
    "performance": "speech",
}


def zotero_type(csl_type: str) -> str:
    """The Zotero type (as its CSL type) that a record of this CSL type becomes."""
    if csl_type in ZOTERO_TYPES:
        return csl_type
    return NEAREST.get(csl_type, "document")


def holds(zotero: str, name: str, kind: str) -> bool:
    """Whether a Zotero item of this type has a place for a field (a CSL name of `kind`,
    as `Record.kind` says it: a role is "names")."""
    fields, roles = ZOTERO_TYPES[zotero]
    if kind == "names":
        return name in roles
    return name in COMMON_FIELDS or name in fields
