"""The RIS tag tables (which RIS type is which CSL type, what each tag means) and
how RIS spells values (names, dates, ISBN/ISSN, DOIs).

The meanings follow Zotero's RIS translator (RIS.js; table 4.2 of
`shared/research/zotero-import.md`), because RIS written to Zotero's mapping is the
one export format that Zotero imports with nothing lost. Several tags mean
different things for different types (`T2` is the journal of a JOUR but the book
of a CHAP and the conference of a CONF), so the tables are kept per *family* of
types that share one meaning.

A tag's *target* is the CSL name of the field its value goes into (`Record.get`
and `Record.set`: "title", "container-title", "author", "issued", "genre"), or one
of the special targets below, which the reader and writer treat by hand.
"""

from __future__ import annotations

import re
from functools import cache

from refmanager.dates import parse_iso_date
from refmanager.model import NAME_VARIABLES, DateValue, Name

KEY = "key"  # ID: the citation key
KEYWORDS = "keywords"  # KW: one keyword per tag (a "; " list is split, as Zotero does)
SERIAL = "serial"  # SN: an ISBN, ISSN or report number, by shape and then by type
PAGE_START = "page-start"  # SP, when the family's SP means pages
PAGE_END = "page-end"  # EP
JOURNAL = "journal"  # JO: the journal, or its abbreviation when JF or T2 gives the journal
DOI_OR_FOREIGN = "doi-or-foreign"  # M3 where the type has no type field: a DOI, if it is one
GENRE_OR_DOI = "genre-or-doi"  # M3 on the catch-all types: a DOI if it is one, else the genre
EXTRA = "extra"  # M2: a `name: value` line for a field the type has no tag for (`ris_extra`)

#: RIS type -> CSL type. Zotero's choices, except where CSL has an exact type that
#: Zotero lacks (CLSWK, STAND, MUSIC, PAMP, UNBILL, FIGURE) and GEN, which is a
#: generic document rather than Zotero's journal article.
RIS_TO_CSL: dict[str, str] = {
    "JOUR": "article-journal", "EJOUR": "article-journal", "JFULL": "article-journal",
    "ABST": "article-journal", "MGZN": "article-magazine", "CTLG": "article-magazine",
    "NEWS": "article-newspaper", "BOOK": "book", "EBOOK": "book", "EDBOOK": "book",
    "SER": "book", "CLSWK": "classic", "ANCIENT": "classic", "CHAP": "chapter",
    "ECHAP": "chapter", "CONF": "paper-conference", "CPAPER": "paper-conference",
    "THES": "thesis", "RPRT": "report", "GOVDOC": "report", "STAND": "standard",
    "ELEC": "webpage", "WEB": "webpage", "BLOG": "post-weblog", "GEN": "document",
    "EQUA": "document", "GRNT": "document", "DATA": "dataset", "DBASE": "dataset",
    "AGGR": "dataset", "COMP": "software", "DICT": "entry-dictionary",
    "ENCYC": "entry-encyclopedia", "ART": "graphic", "FIGURE": "figure", "CHART": "figure",
    "MAP": "map", "PAT": "patent", "CASE": "legal_case", "LEGAL": "legal_case",
    "BILL": "bill", "UNBILL": "bill", "STAT": "legislation", "HEAR": "hearing",
    "MANSCPT": "manuscript", "UNPD": "manuscript", "INPR": "manuscript",
    "PAMP": "pamphlet", "PCOMM": "personal_communication",
    "ICOMM": "personal_communication", "SLIDE": "speech", "SOUND": "song",
    "MUSIC": "musical_score", "MPCT": "motion_picture", "VIDEO": "motion_picture",
    "ADVS": "motion_picture", "MULTI": "motion_picture",
}

#: CSL type -> the RIS type the writer uses (the one Zotero exports, where it has one).
CSL_TO_RIS: dict[str, str] = {
    "article-journal": "JOUR", "article-magazine": "MGZN", "article-newspaper": "NEWS",
    "book": "BOOK", "classic": "CLSWK", "chapter": "CHAP", "paper-conference": "CONF",
    "thesis": "THES", "report": "RPRT", "standard": "STAND", "webpage": "ELEC",
    "post-weblog": "BLOG", "document": "GEN", "dataset": "DATA", "software": "COMP",
    "entry-dictionary": "DICT", "entry-encyclopedia": "ENCYC", "graphic": "ART",
    "figure": "FIGURE", "map": "MAP", "patent": "PAT", "legal_case": "CASE", "bill": "BILL",
    "legislation": "STAT", "hearing": "HEAR", "manuscript": "MANSCPT", "pamphlet": "PAMP",
    "personal_communication": "PCOMM", "speech": "SLIDE", "song": "SOUND",
    "musical_score": "MUSIC", "motion_picture": "MPCT",
}

#: CSL types with no RIS type of their own: the nearest one (read back as another type).
NEAREST_RIS: dict[str, str] = {
    "periodical": "JFULL", "review": "JOUR", "review-book": "JOUR", "broadcast": "MPCT",
    "interview": "PCOMM", "post": "BLOG", "entry": "DICT", "regulation": "STAT",
    "treaty": "STAT",
}

_FAMILIES: dict[str, tuple[str, ...]] = {
    "journal": ("article-journal", "article-magazine", "article-newspaper", "periodical",
                "review", "review-book"),
    "book": ("book", "classic"),
    "chapter": ("chapter", "entry", "entry-dictionary", "entry-encyclopedia"),
    "conference": ("paper-conference",),
    "thesis": ("thesis",),
    "report": ("report", "standard"),
    "webpage": ("webpage", "post", "post-weblog"),
    "software": ("software", "dataset"),
}
_FAMILY_OF_TYPE = {csl: family for family, types in _FAMILIES.items() for csl in types}


def family(csl_type: str) -> str:
    """The family of types whose tags mean the same; "generic" for the rest."""
    return _FAMILY_OF_TYPE.get(csl_type, "generic")


# Tags read and written alike for every family. Order is the writer's preference
# where two tags have one target (ED is the editor tag of last resort).
_COMMON: dict[str, str] = {
    "ID": KEY, "TI": "title", "AU": "author", "ED": "editor", "A4": "translator",
    "KW": KEYWORDS, "UR": "URL", "DO": "DOI", "AB": "abstract", "LA": "language", "N1": "note",
    "PB": "publisher", "CY": "publisher-place", "ET": "edition", "VL": "volume", "IS": "issue",
    "PY": "issued", "Y2": "accessed", "ST": "title-short", "J2": "container-title-short",
    "DB": "archive", "AN": "archive_location", "CN": "call-number", "DP": "source",
    "NV": "number-of-volumes", "SE": "section", "SN": SERIAL, "M2": EXTRA,
}

# Tags only read: older or EndNote spellings that Zotero's importer also accepts.
_COMMON_READ_ONLY: dict[str, str] = {
    "T1": "title", "CT": "title", "A1": "author", "N2": "abstract", "DA": "issued",
    "Y1": "issued", "JA": "container-title-short", "JF": "container-title", "JO": JOURNAL,
}

_PAGES = {"SP": PAGE_START, "EP": PAGE_END}

# Per family: tags read and written (a None target: the tag is not understood there).
# M1 for the number of a conference paper or thesis is ours: Zotero puts it in Extra.
_FAMILY_TAGS: dict[str, dict[str, str | None]] = {
    "journal": {"T2": "container-title", "T3": "collection-title", "A2": "editor",
                "C7": "number", "M3": DOI_OR_FOREIGN, **_PAGES},
    "book": {"T2": "collection-title", "A2": "collection-editor", "A3": "editor",
             "M1": "collection-number", "SP": "number-of-pages", "M3": DOI_OR_FOREIGN},
    "chapter": {"T2": "container-title", "T3": "collection-title", "A2": "editor",
                "A3": "collection-editor", "C2": "container-author",
                "SV": "collection-number", "M3": DOI_OR_FOREIGN, **_PAGES},
    "conference": {"T2": "event-title", "C3": "container-title", "T3": "collection-title",
                   "A2": "editor", "A3": "collection-editor", "A4": "contributor",
                   "M1": "number", "M3": DOI_OR_FOREIGN, **_PAGES},
    "thesis": {"A3": "contributor", "M1": "number", "M3": "genre", "SP": "number-of-pages"},
    "report": {"T2": "collection-title", "A2": "collection-editor", "M3": "genre", **_PAGES},
    # Zotero reads VL on a web page as the access date; we keep it verbatim instead.
    "webpage": {"T2": "container-title", "M3": "genre", "VL": None},
    "generic": {"T2": "container-title", "T3": "collection-title", "A2": "editor",
                "A3": "collection-editor", "M1": "number", "M3": GENRE_OR_DOI, **_PAGES},
}
# The ET of a program or a dataset is its version (Zotero's versionNumber), not an edition.
_FAMILY_TAGS["software"] = {**_FAMILY_TAGS["generic"], "ET": "version"}

_FAMILY_READ_ONLY: dict[str, dict[str, str]] = {
    "journal": {"M1": "issue"},  # EndNote writes the issue there
    "book": {"T3": "collection-title", "BT": "title"},
    "chapter": {"BT": "container-title", "M1": "number-of-volumes"},
    "conference": {"BT": "container-title", "JO": "event-title",
                   "C1": "publisher-place"},  # Zotero's own export puts the place in C1
}

# What a special target needs the family to write, to be read back the same.
_BASE_TARGET = {JOURNAL: "container-title", PAGE_END: PAGE_START,
                DOI_OR_FOREIGN: "DOI", GENRE_OR_DOI: "genre"}


#: What SN holds when its value is neither an ISBN nor an ISSN by shape.
SERIAL_DEFAULT: dict[str, str | None] = {
    "journal": "ISSN", "book": "ISBN", "chapter": "ISBN", "conference": "ISBN",
    "thesis": "ISBN", "report": "number", "webpage": None, "generic": None, "software": None,
}

# The variables that a special target holds, for the writer.
_HELD_BY = {PAGE_START: ("page",), SERIAL: ("ISBN", "ISSN"), GENRE_OR_DOI: ("genre",)}


@cache
def tag_of_variable(family_name: str) -> dict[str, str]:
    """CSL name (or special target) -> the tag the writer uses for it in this family."""
    table: dict[str, str] = {}
    for tag, target in {**_COMMON, **_FAMILY_TAGS[family_name]}.items():
        if target is not None:
            table[target] = tag  # a family tag comes later and wins (A2 over ED)
    for special, variables in _HELD_BY.items():
        for variable in variables if special in table else ():
            table.setdefault(variable, table[special])
    if SERIAL_DEFAULT[family_name] == "number":
        table["number"] = "SN"
    return table


@cache
def variable_of_tag(family_name: str) -> dict[str, str | None]:
    """Tag -> CSL name (or special target) for this family; tags missing or None are
    kept verbatim.

    A read-only tag counts only where its target can be written back, so that
    whatever is read can be written again without loss.
    """
    writable = tag_of_variable(family_name)
    table: dict[str, str | None] = {}
    for tag, target in {**_COMMON_READ_ONLY, **_FAMILY_READ_ONLY.get(family_name, {})}.items():
        if _BASE_TARGET.get(target, target) in writable:
            table[tag] = target
    table.update(_COMMON)
    table.update(_FAMILY_TAGS[family_name])
    return table


def serial_variable(family_name: str, value: str) -> str | None:
    """What an SN value is: an ISBN or ISSN by its shape, else what the type says."""
    if is_isbn(value):
        return "ISBN"
    if is_issn(value):
        return "ISSN"
    return SERIAL_DEFAULT[family_name]


# ----------------------------------------------------------- shapes of values

_ISSN = re.compile(r"^\d{4}-?\d{3}[\dX]$")
_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)


def is_issn(value: str) -> bool:
    """An ISSN (with or without its hyphen) with a right check digit."""
    text = value.strip().upper()
    if not _ISSN.match(text):
        return False
    digits = text.replace("-", "")
    total = sum(int(digit) * weight for digit, weight in zip(digits[:7], range(8, 1, -1)))
    return "0123456789X"[(11 - total % 11) % 11] == digits[7]


def is_isbn(value: str) -> bool:
    """An ISBN-10 or ISBN-13 (hyphens and spaces allowed) with a right check digit."""
    compact = re.sub(r"[\s-]", "", value.strip().upper())
    if len(compact) == 13 and compact.isdigit():
        total = sum(int(digit) * (3 if index % 2 else 1) for index, digit in enumerate(compact))
        return total % 10 == 0
    if len(compact) == 10 and compact[:9].isdigit() and compact[9] in "0123456789X":
        values = [10 if char == "X" else int(char) for char in compact]
        return sum(value * weight for value, weight in zip(values, range(10, 0, -1))) % 11 == 0
    return False


def is_doi(value: str) -> bool:
    return bool(_DOI.match(bare_doi(value)))


def bare_doi(value: str) -> str:
    """A DOI without its `https://doi.org/` or `doi:` prefix."""
    return _DOI_PREFIX.sub("", value.strip())


# ------------------------------------------------------------------ dates

_RIS_DATE = re.compile(r"(\d{4})(?:/(\d{0,2})(?:/(\d{0,2})(?:/(.*))?)?)?")


def parse_date(text: str) -> DateValue:
    """A RIS date (`2004///`, `2008/03/15/`, `2008/03/15/Spring`) or ISO date; else a literal."""
    match = _RIS_DATE.fullmatch(text)
    if not match:
        return parse_iso_date(text) or DateValue(literal=text)
    if date_problem(text):
        return DateValue(literal=text)
    groups = [*match.groups(), None]
    year, month, day = (int(group) if group else 0 for group in groups[:3])
    parts = tuple(part for part in (year, month, day) if part)
    return DateValue(parts=(parts,), season=(groups[3] or "").strip())


def date_problem(text: str) -> str | None:
    """What makes a RIS date (`YYYY/MM/DD/other`) no date, or None; None too for
    text that is no RIS date at all (read as ISO, or kept as a literal)."""
    match = _RIS_DATE.fullmatch(text)
    if not match:
        return None
    year, month, day = (int(group) if group else 0 for group in match.groups()[:3])
    if year == 0:
        return "year 0000 is no year"
    if month > 12:
        return f"month {month} is not 1 to 12"
    if day > 31:
        return f"day {day} is not 1 to 31"
    if day and not month:
        return "a day without a month"
    return None


def format_date(date: DateValue) -> str:
    """`YYYY/MM/DD/other`, the RIS date, with the season as the "other" part."""
    if date.literal or not date.parts:
        return date.literal
    year, month, day = (*date.parts[0], 0, 0)[:3]
    return f"{year:04d}/{_two_digits(month)}/{_two_digits(day)}/{date.season}"


def _two_digits(number: int) -> str:
    return f"{number:02d}" if number else ""



# ------------------------------------------------------------------ names

@cache
def name_tags() -> frozenset[str]:
    """The tags that hold a name in some family (AU, A2, ED...)."""
    return frozenset(tag for family_name in _FAMILY_TAGS for tag, target in
                     variable_of_tag(family_name).items() if target in NAME_VARIABLES)


#: Words that make a name without a comma an organisation's (compared in lower case).
ORGANISATION_WORDS = frozenset("""
    academy administration agency alliance assembly associates association authority bank
    board bureau center centre church clinic coalition college commission committee community
    company congress consortium corporation council court department division editors
    federation forum foundation fund games government group hospital inc initiative institute
    institution international journal laboratory labs library limited llc ltd magazine media
    ministry museum national nations network news office organisation organization panel
    parliament partners party press program programme project records research review school
    secretariat senate service services society software staff studio studios systems team
    technologies times trust union university watch
    """.split())

#: Lower-case words that join the parts of an organisation's name, not a person's.
JOINING_WORDS = frozenset({"and", "&", "of", "for", "the", "on", "in", "und", "für"})

SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})


def parse_name(text: str, comma_marks_persons: bool = False) -> Name:
    """`Family, Given, Suffix` with particles in Zotero's places, or an organisation.

    With `comma_marks_persons` (the file writes persons as `Family, Given`), a name
    without a comma is an organisation's, as Zotero reads every such name; else it
    is told by its words ("World Health Organization" against "John Smith").
    """
    if "," not in text:
        return Name(literal=text) if comma_marks_persons else _name_without_comma(text)
    family_part, given_part, *rest = (part.strip() for part in text.split(","))
    particle, family_name = _leading_lowercase(family_part)
    given, dropping = _trailing_lowercase(given_part)
    return Name(family=family_name, given=given, non_dropping_particle=particle,
                dropping_particle=dropping, suffix=", ".join(rest))


def _leading_lowercase(text: str) -> tuple[str, str]:
    """Split "van der Berg" into ("van der", "Berg"), keeping at least one word."""
    words = text.split()
    size = 0
    while size < len(words) - 1 and _is_particle(words[size]):
        size += 1
    return (" ".join(words[:size]), " ".join(words[size:])) if size else ("", text)


def _trailing_lowercase(text: str) -> tuple[str, str]:
    """Split "Ludwig van" into ("Ludwig", "van"), keeping at least one word."""
    words = text.split()
    size = 0
    while size < len(words) - 1 and _is_particle(words[-1 - size]):
        size += 1
    return (" ".join(words[:-size]), " ".join(words[-size:])) if size else (text, "")


def _is_particle(word: str) -> bool:
    """"van", "de", "d'": a lower-case word; "a." is an initial, not a particle."""
    return word[:1].islower() and not word.endswith(".")


def _name_without_comma(text: str) -> Name:
    words = text.split()
    if _looks_like_organisation(words):
        return Name(literal=text)  # Zotero, too, keeps a comma-less name in one field
    suffix = words.pop() if words[-1] in SUFFIXES and len(words) > 2 else ""
    family_name, particles = words.pop(), []
    while len(words) > 1 and _is_particle(words[-1]):
        particles.insert(0, words.pop())
    return Name(family=family_name, given=" ".join(words),
                non_dropping_particle=" ".join(particles), suffix=suffix)


def _looks_like_organisation(words: list[str]) -> bool:
    if not 2 <= len(words) <= 4 or words[0] == "The":
        return True
    lowered = {word.lower().strip(",.()") for word in words}
    return bool(lowered & ORGANISATION_WORDS or set(words) & JOINING_WORDS
                or any(char.isdigit() for char in "".join(words)))


def format_name(name: Name, with_comma: bool = True) -> str:
    """`Family, Given, Suffix`, particles placed as Zotero reads them (PR #848):
    "van Gogh, Vincent", "Beethoven, Ludwig van". A comma even after a lone family
    name, so that it does not read back as an organisation. Without `with_comma`
    (for a file that names persons without one), `Given particles Family Suffix`."""
    if name.literal:
        return name.literal
    family_name = " ".join(part for part in (name.non_dropping_particle, name.family) if part)
    given = " ".join(part for part in (name.given, name.dropping_particle) if part)
    if not with_comma:
        return " ".join(part for part in (given, family_name, name.suffix) if part)
    if name.suffix:
        return f"{family_name}, {given}, {name.suffix}"
    return f"{family_name}, {given}" if given else f"{family_name},"
