"""The plain columns that deduplication compares: one `WorkKey` per record.

Everything the later steps need is computed once per record, here, from the
record model: folded text (case, accents, LaTeX already decoded by the readers,
markup and punctuation gone), family names, year, venue, volume, issue, first
page and identifiers. The steps after this one see only these columns, never
the records, so they can run as well over a table in an analytical database.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

from refmanager import richtext
from refmanager.io.bibtex.subtitles import joined, subtitles
from refmanager.io.bibtex.tables import FOREIGN
from refmanager.model import Record
from refmanager.normalize.name_lists import OTHERS, repair_name_list

_NOT_WORD = re.compile(r"[^0-9a-z]+")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.I)
_DOI_IN_TEXT = re.compile(r"\b10\.\d{4,9}/\S+")
_FIRST_NUMBER = re.compile(r"\d+")
_NOT_DIGIT = re.compile(r"\D+")
_HTML_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+);", re.I)
# Titles that name a kind of item rather than a work: a shared title says little.
_NOTICE = re.compile(r"^(?:reply|response|erratum|errata|corrigendum|correction|retraction|"
                     r"comment|comments|discussion|rejoinder|editorial|book review|in memoriam)\b"
                     r"|\b(?:authors? reply|in reply|reply|erratum|corrigendum|retraction)$"
                     r"|\b(?:addendum|demo abstract|panel abstract|panel session)\b")
_PANEL_LABEL = re.compile(r"\bpanel (?:abstract|session)\b")
# A database's note on a record, about another item: MEDLINE's "[Erratum appears in
# N Engl J Med. 2009;360(23):2487]", "[Comment in: ...]". Not part of the title.
_ANNOTATION = re.compile(r"\s*\[(?:corrected|published erratum|erratum|comment|retraction|retracted|"
                         r"republished|update|expression of concern)\b.*$", re.I | re.S)
# A correction titled after the article it corrects, cited at the end: Web of
# Science's "(vol 360, pg 542, 2009)", Embase's "(N Engl J Med (2009) 360 (542-544))".
_CORRECTED_ARTICLE = re.compile(r"\s*\((?:vol\.?\s*\d+[^()]*\bpg?\.?\s*\d+[^()]*|"
                                r"[^()]*\((?:19|20)\d\d\)\s*\d+(?:[^()]|\([^()]*\))*)\)\s*\.?\s*$", re.I)
# Embase's form cut off by a title-length limit (200 characters in the haematology
# set): "Erratum: ... (Proceeding of the National Academy of Science ... (Januar".
_CUT_OFF_CORRECTED_ARTICLE = re.compile(r"\s*\([^()]*\([^()]*$")
# A numbered part of a larger work: "Part II", "Volume 2", "Chapter 10", "Phase 1 Report Volume 1".
_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_PART = re.compile(r"\b(part|pt|volume|vol|chapter|ch|phase)\s+([ivx]+|\d+|" + "|".join(_NUMBER_WORDS) + r")\b")
_PART_LABELS = {"pt": "part", "vol": "volume", "ch": "chapter"}
# An act of a play or an episodic game ("Kentucky Route Zero - Act III"): in Roman numerals
# only, since "Children Act 1989" names a statute, not a part.
_ACT = re.compile(r"\bact\s+([ivx]+)\b")
# A citation string split badly: the author list's tail and the year run into the
# title ("vazirani 1995 introduction to computational learning theory").
_LEADING_YEAR = re.compile(r"^(?:[a-z]+ ){0,5}((?:19|20)\d\d) (?=(?:\S+ ){2}\S)")
_DRAFT_VENUE = re.compile(r"\b(?:unpublished|manuscript|preprint|submitted|in preparation)\b")
_ARXIV_ADDRESS = re.compile(r"\barxiv\.org/(?:abs|pdf)/", re.IGNORECASE)
# A title that calls itself another version ("... (Extended Version)"), in the folded form.
_VERSION_LABEL = re.compile(r"\b(?:extended|full|long|complete) version$")
_PREPRINT_DOI = re.compile(r"^10\.(?:48550|1101|2139|31219|31234|31235|20944|21203|36227)/")


@dataclass(frozen=True, slots=True)
class WorkKey:
    """A record's comparison columns."""

    index: int  # the record's position in the input
    title: str  # folded: "the status of soft power in russian foreign policy"
    families: tuple[str, ...]  # folded family names (particles included), in order
    year: int | None
    venue: str
    volume: str
    issue: str
    first_page: str
    doi: str  # lower case, without URL or "doi:" prefix
    kind: str  # the CSL type
    notice: str  # "reply", "erratum"... when the title names such an item
    part: str  # "part 2" for "Part II", "phase 1 volume 2"
    draft: bool = False  # cited as not (yet) published: "unpublished manuscript", "preprint"
    # What names one item among its siblings: the digits of a report's own number ("44759"
    # for "R44759"; a month, "June", has none), the edition ("2"), a chapter's number, and
    # the BibTeX crossref (folded key) of the book it is in.
    number: str = ""
    edition: str = ""
    chapter: str = ""
    parent: str = ""

    @property
    def is_preprint(self) -> bool:
        return bool(_PREPRINT_DOI.match(self.doi)) or self.kind == "article" and not self.venue


def fold(text: str) -> str:
    """Lower case ASCII words separated by single spaces: the form text is compared in."""
    text = _HTML_ENTITY.sub(_entity, richtext.plain(text))
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    ascii_text = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NOT_WORD.sub(" ", ascii_text.replace("ß", "ss")).strip()


def _entity(match: re.Match) -> str:
    return html.unescape(match.group(0))


def work_key(record: Record, index: int) -> WorkKey:
    title, corrects = _title_proper(_with_subtitle(record))
    year = record.issued.year if record.issued else None
    if year is None:
        title, year = _split_leading_year(title)
    notice = "erratum" if corrects else _notice(title)
    if notice == "panel":  # the label, placed anywhere, is not the panel's title
        title = " ".join(_PANEL_LABEL.sub(" ", title).split())
    venue = fold(record.container_title or record.publisher)
    return WorkKey(
        index=index,
        title=title,
        families=_families(record),
        year=year,
        venue=venue,
        volume=_number_text(record.volume),
        issue=_number_text(record.issue),
        first_page=_number_text(record.page),
        doi=normalize_doi(record.doi),
        kind=record.type,
        notice=notice,
        part=_part(title),
        draft=record.type == "manuscript" or bool(_DRAFT_VENUE.search(venue)) or not venue and _other_copy(record, title),
        number=_NOT_DIGIT.sub("", record.number),
        edition=_number_text(record.edition),
        chapter=_number_text(record.variables.get("chapter-number", "")),
        parent=_crossref(record),
    )


def _other_copy(record: Record, title: str) -> bool:
    """A record with no venue that is another copy of a paper: on arXiv, or titled as
    another version ("In Search of an Understandable Consensus Algorithm (Extended
    Version)", a technical report beside its USENIX paper). With a venue, such a title
    is the published version's own (DBLP-ACM: a VLDB Journal article, in both sources)."""
    return bool(_VERSION_LABEL.search(title)) or _arxiv_copy(record)


def _arxiv_copy(record: Record) -> bool:
    """A record of a paper's copy on arXiv: its address there, or BibTeX's eprint fields
    naming arXiv (`archivePrefix`, `eprinttype`, `arxivid`). Asked only of records with
    no venue: a journal article may give its arXiv copy's address too."""
    if _ARXIV_ADDRESS.search(record.url):
        return True
    fields = {name.lower(): raw.strip('{}" ').lower() for name, raw in record.foreign.get(FOREIGN, {}).items()}
    return "arxivid" in fields or "eprint" in fields and "arxiv" in (fields.get("archiveprefix"),
                                                                      fields.get("eprinttype"))


def _crossref(record: Record) -> str:
    """The citation key of the book a BibTeX entry is part of, folded: "" if none."""
    fields = record.foreign.get(FOREIGN, {})
    return fold(next((raw for name, raw in fields.items() if name.lower() == "crossref"), ""))


def _with_subtitle(record: Record) -> str:
    """The title and a biblatex subtitle, which tells the volumes of a set apart
    ("Cybercultures: Volume 2"; "The Modes of Constitutional Analysis: Textualism (Part 2)")."""
    if FOREIGN not in record.foreign:
        return record.title
    found = {name.lower(): text for name, text in subtitles(record).items()}
    return joined(record.title, found["subtitle"]) if "subtitle" in found else record.title


def _title_proper(title: str) -> tuple[str, bool]:
    """The folded title without a database's notes, and whether it ends by citing
    the article it corrects (then the record is the correction, not the article)."""
    plain = _ANNOTATION.sub("", richtext.plain(title))
    without_citation = _CORRECTED_ARTICLE.sub("", plain)
    if without_citation == plain and plain.count("(") > plain.count(")"):
        without_citation = _CUT_OFF_CORRECTED_ARTICLE.sub("", plain)
    return fold(without_citation), without_citation != plain


def _split_leading_year(title: str) -> tuple[str, int | None]:
    """A record with no year whose title starts with a few words and a year: those
    belong to the byline (a badly split citation), the rest is the title."""
    found = _LEADING_YEAR.match(title)
    if not found:
        return title, None
    return title[found.end():], int(found.group(1))


def _notice(title: str) -> str:
    found = _NOTICE.search(title)
    if not found:
        return ""
    if found.group(0).startswith("panel"):
        return "panel"  # one panel: "panel abstract" in DBLP, "panel session" in the ACM library
    return re.sub(r"^(?:authors? |in )|^demo ", "", found.group(0))


def normalize_doi(doi: str) -> str:
    """The DOI in a field, lower case, whatever a database wrote around it
    ("doi 10.1016/...", "artn 106 10.1186/...", a resolver URL)."""
    found = _DOI_IN_TEXT.search(doi)
    return found.group(0).rstrip(".").lower() if found else _DOI_PREFIX.sub("", doi.strip()).lower()


def _families(record: Record) -> tuple[str, ...]:
    """Folded family names, after the author list's repair (a list written "Kautz, H.
    and Kearns, M." but split at every comma, or in lower case with the given names
    read as particles), without single letters (initials left over from a list too
    broken to repair) and without the list's "others"."""
    names = repair_name_list(record.authors or record.creators.get("editor", [])).names
    families = []
    for name in names:
        if name == OTHERS:
            continue
        family = fold(name.literal or " ".join(filter(None, (name.non_dropping_particle, name.family))))
        if not family and name.given:  # sources that give a name in one part
            family = fold(name.given)
        family = " ".join(word for word in family.split() if len(word) > 1)
        if family:
            families.append(family)
    return tuple(families)


def _number_text(text: str) -> str:
    found = _FIRST_NUMBER.search(text or "")
    return found.group(0).lstrip("0") or "0" if found else ""


def _part(title: str) -> str:
    """Which numbered part of a larger work the title names ("part 2", "phase 1 volume 2"); "" if none."""
    if "act" not in title and not _PART.search(title):
        return ""  # cheaply: most titles name no part
    parts = [f"{_PART_LABELS.get(label, label)} {_numeral_value(numeral)}"
             for label, numeral in _PART.findall(title)]
    return " ".join(parts + [f"act {_roman(numeral)}" for numeral in _ACT.findall(title)])


def _numeral_value(numeral: str) -> int:
    if numeral.isdigit():
        return int(numeral)
    if numeral in _NUMBER_WORDS:
        return _NUMBER_WORDS.index(numeral) + 1
    return _roman(numeral)


def _roman(numeral: str) -> int:
    values = {"i": 1, "v": 5, "x": 10}
    total = 0
    for position, char in enumerate(numeral):
        value = values[char]
        following = values[numeral[position + 1]] if position + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total
