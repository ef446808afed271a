"""Guards: pairs that share a title, or nearly, but are different works by construction.

A guard looks at evidence the score weighs too lightly or not at all: another
numbered part, volume, edition, report number or chapter; a chapter and its book;
a thesis and a paper; a series' numbered items or a sequel; a book and its
solutions; a contrasting word (day and night); another population; a companion in
another serial; other proceedings and pages in one year; proceedings that name
other years. Each is a small named function that returns what differs ("" when it
does not apply). `different_works` asks those that compare fields of every pair
blocking proposes, cheapest first; `alike_titles_apart` asks the costlier ones only
of pairs whose titles are alike enough to merge. A guarded pair is two works: never merged, and never chained
into one group through a third record.

What a guard must not do is treat a citation's slips as evidence: the labelled
sets of ../shared/bench/dedupe misspell and re-segment titles (Cora) and
abbreviate venues (DBLP-ACM), so each guard needs a field that names the item
(a number, an edition, a chapter) or a difference no slip makes ("day" for
"night"), and a guard that cost a labelled set its pairs was not kept.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from refmanager.dedupe.columns import WorkKey

_HAS_DIGIT = re.compile(r"\d")
# Kinds whose volume is a work of its own: the volumes of a book set or a report.
_WORKS_IN_VOLUMES = frozenset({"book", "report"})
# Printed as a whole and reprinted as a whole: another year is another edition.
_BOOKS = frozenset({"book", "pamphlet"})


def different_works(a: WorkKey, b: WorkKey) -> str:
    """Why the two are different works, or "" when no guard applies."""
    if _named_among_siblings(a) or _named_among_siblings(b):  # cheaply: most are articles and papers
        reason = _first_reason(_ITEM_GUARDS, a, b)
        if reason:
            return reason
    return _first_reason(_TITLE_GUARDS, a, b)


def _named_among_siblings(key: WorkKey) -> bool:
    """A record that the item guards below can tell from its siblings: a book, report,
    chapter or thesis, or one that gives its number, edition, chapter or book."""
    return key.kind in _ITEM_KINDS or bool(key.number or key.edition or key.chapter or key.parent)


def alike_titles_apart(a: WorkKey, b: WorkKey) -> str:
    """Why two records whose titles are alike enough to merge are different works, or "".
    Asked only of such pairs (a few in a hundred of those blocking proposes), since
    these guards cost more than a field's comparison."""
    return _first_reason(_ALIKE_TITLE_GUARDS, a, b)


def _first_reason(guards: tuple, a: WorkKey, b: WorkKey) -> str:
    for guard in guards:
        reason = guard(a, b)
        if reason:
            return reason
    return ""


def other_numbered_part(a: WorkKey, b: WorkKey) -> bool:
    """Both titles name a numbered part, and other ones: "A Guided Tour of Artificial
    Intelligence Research Volume 2" and "Volume 3" are two books, though a catalogue gave
    both the DOI of the set. (Where only one title names a part, the DOI still decides.)"""
    return bool(a.part and b.part) and a.part != b.part


def other_edition(a: WorkKey, b: WorkKey) -> str:
    """Two editions: both name their edition and the editions differ (a 9th and a 10th
    edition codex of one year), or two books (or booklets) of one title in other years."""
    if a.edition and b.edition and a.edition != b.edition:
        return "edition"
    if a.kind in _BOOKS and b.kind in _BOOKS and a.year and b.year and a.year != b.year:
        return "year (another edition)"
    return ""


def other_volume_of_a_set(a: WorkKey, b: WorkKey) -> str:
    """A book set's or a report's volumes are works of their own."""
    if a.kind == b.kind and a.kind in _WORKS_IN_VOLUMES and a.volume and b.volume and a.volume != b.volume:
        return "volume (another volume of the set)"
    return ""


def other_report_number(a: WorkKey, b: WorkKey) -> str:
    """A report's number names it: the Congressional Research Service's "Lebanon"
    IF11617 and R44759 are two reports, by one author, in one year."""
    if a.number and b.number and a.number != b.number:
        return "report number"
    return ""


def report_of_another_institution(a: WorkKey, b: WorkKey) -> str:
    """Two reports of other institutions, titled otherwise: two reports (Fornara and
    Colombetti's 2008 "Formal specification of artificial institutions using the event
    calculus", report 5 of the Institute for Communication Technologies, and "A meta-model
    for the specification of ...", for the Hasler Foundation). Titles alike but for a slip
    ("linear ma chine decision trees", Cora's) are one report, whatever a citation wrote
    for the institution ("tech rep", "department of computer science")."""
    if a.kind == b.kind == "report" and venues_differ(a, b) \
            and fuzz.ratio(a.title, b.title, score_cutoff=_TITLES_REWORDED) < _TITLES_REWORDED:
        return "institution (another report)"
    return ""


# Below this ratio two titles differ in words, not in a slip of spelling or spacing.
_TITLES_REWORDED = 90


def other_chapter(a: WorkKey, b: WorkKey) -> str:
    """Two chapters: other chapter numbers, or parts of other books (BibTeX crossref),
    or other first pages of one book. Chapters of an edited book often share words
    of their titles, and their authors ("Intelligent computer-aided instruction",
    chapter 25, and "... for medical diagnosis", chapter 11)."""
    if a.chapter and b.chapter and a.chapter != b.chapter:
        return "chapter number"
    if a.parent and b.parent and a.parent != b.parent:
        return "book (crossref)"
    one_book = a.parent and a.parent == b.parent or a.venue and a.venue == b.venue
    if a.kind == b.kind == "chapter" and one_book and a.first_page and b.first_page \
            and a.first_page != b.first_page:
        return "first page (another chapter of the book)"
    return ""


def chapter_and_its_book(a: WorkKey, b: WorkKey) -> str:
    """A chapter that says it is one (its number, or its book's crossref) and a book:
    the part and the whole, whose titles often share their words ("Star Trek and
    American Television History", chapter 1 of "Star Trek and American Television")."""
    chapter, other = (a, b) if a.kind == "chapter" else (b, a)
    if chapter.kind == "chapter" and other.kind == "book" and (chapter.chapter or chapter.parent):
        return "kind (a chapter and a book)"
    return ""


def thesis_and_paper(a: WorkKey, b: WorkKey) -> str:
    """A thesis and a paper of the same title (a master's thesis and the conference paper
    written from it, with its supervisor) are two publications; theses are cited as such.
    (A thesis filed as a web page or a document may be the thesis itself.)"""
    if {a.kind, b.kind} & {"thesis"} and {a.kind, b.kind} & _PAPERS:
        return "kind (a thesis and a paper)"
    return ""


_PAPERS = frozenset({"paper-conference", "article-journal", "chapter"})


# Words that name one of two (or a few) contrasting things: a title that has one where
# the other has another is about the other thing ("Illustrated Catalog of Day Light Bomb
# Shells" and "... of Night Bomb Shells"), or is the project's other document
# ("Requirements analysis for ..." and "Requirements specification for ..."). No slip of
# spelling or segmentation turns one into the other, as it turns "learnability" into
# "learn ability": a guard on any replaced word costs Cora and haematology true pairs.
_CONTRASTS = tuple(frozenset(words.split()) for words in (
    "day night", "morning evening", "input output", "upper lower", "male female",
    "men women", "boys girls", "positive negative", "internal external", "online offline",
    "before after", "early late", "acute chronic", "benign malignant", "public private",
    "formal informal", "local global", "synchronous asynchronous", "linear nonlinear",
    "static dynamic", "supervised unsupervised", "minimum maximum", "north south", "east west",
    "success failure", "increase decrease", "increased decreased", "high low", "higher lower",
    "with without", "interim final", "analysis specification design implementation evaluation proposal",
))


def contrasting_title_words(a: WorkKey, b: WorkKey) -> str:
    """Where the titles differ, a word of one contrasts with a word of the other (day and
    night, analysis and specification), and they differ in little else (four words)."""
    if a.title == b.title:
        return ""
    words_a, words_b = set(a.title.split()), set(b.title.split())
    only_a, only_b = words_a - words_b, words_b - words_a
    if not only_a or not only_b or len(only_a) + len(only_b) > 4:
        return ""
    for contrast in _CONTRASTS:
        if only_a & contrast and only_b & contrast:
            return f"title ({' or '.join(sorted((only_a | only_b) & contrast))}: a contrasting word)"
    return ""


# Words that name a book's companion, not the book: its solutions, its workbook.
_COMPANIONS = frozenset("solutions solution answers workbook companion".split())
_COMPANION_WORD = re.compile(r"\b(?:" + "|".join(_COMPANIONS) + r")\b")


def companion_volume(a: WorkKey, b: WorkKey) -> str:
    """One title is the other's and a word naming a companion volume ("An Introduction
    to Category Theory" and "..., The Solutions"; a workshop's proceedings and their
    "Companion Volume for Shared Task" in the ACL Anthology): the book and its companion."""
    if not _COMPANION_WORD.search(a.title) and not _COMPANION_WORD.search(b.title):
        return ""  # cheaply: most titles name none
    words_a, words_b = set(a.title.split()), set(b.title.split())
    if not (words_a <= words_b or words_b <= words_a) or words_a == words_b:
        return ""
    if (words_a ^ words_b) & _COMPANIONS:
        return "title (a companion volume)"
    return ""


def sequel(a: WorkKey, b: WorkKey) -> str:
    """One title is the other's with a number among its words, and the years differ: a
    sequel ("Baldur's Gate" in 2012, "Baldur's Gate 2" in 2013), not a database's extra
    number, which comes with the same year."""
    if not (a.year and b.year and a.year != b.year):
        return ""
    shorter, longer = sorted((a.title.split(), b.title.split()), key=len)
    if len(longer) != len(shorter) + 1:
        return ""
    for position, word in enumerate(longer):
        if word.isdigit() and len(word) <= 2 and longer[:position] + longer[position + 1:] == shorter:
            return "title (a sequel's number)"
    return ""


def longer_paper_of_another_year(a: WorkKey, b: WorkKey) -> str:
    """Two conference papers of other years, one title the other's and two or more words
    more: the later, longer paper (Tomabechi's "Quasi-Destructive Graph Unification",
    ACL 1991, and "... with Structure-Sharing", COLING 1992), not one paper cited twice."""
    if not (a.kind == b.kind == "paper-conference" and a.year and b.year and a.year != b.year):
        return ""
    if not (a.venue and b.venue) or not _subtitle_added(a.title, b.title):
        return ""
    return "title (a longer paper of another year)"


_VENUE_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def proceedings_of_other_years(a: WorkKey, b: WorkKey) -> str:
    """Two conference papers in proceedings that each name their own year, and other
    years: a programme's yearly summary ("Robust Speech Recognition Technology Program
    Summary" in the DARPA workshops of 1989, 1990 and 1991), not one paper. A citation
    that slips on the year does not also rename the proceedings, so the year printed
    in each venue's name is evidence no slip makes."""
    if not (a.kind == b.kind == "paper-conference" and a.year and b.year and a.year != b.year):
        return ""
    years_a, years_b = set(_VENUE_YEAR.findall(a.venue)), set(_VENUE_YEAR.findall(b.venue))
    if str(a.year) in years_a and str(b.year) in years_b and not years_a & years_b:
        return "proceedings of another year (another paper)"
    return ""


def numbered_items_of_a_series(a: WorkKey, b: WorkKey) -> str:
    """A number of one title is another number in the other: "the digital antiquarian
    1980" and "... 1981", "sc00026h" and "sc00027h" (a series' parts). The words must
    differ in their digits alone, in as many: "p6ink4a" for "p16 ink4a" is a slip,
    and an added number ("trial 2" beside "trial") may be one database's extra. (Numbers
    of other lengths, "1" and "10", cost the labelled sets pairs they join.)"""
    first, second = a.title, b.title
    if first == second or not (_HAS_DIGIT.search(first) and _HAS_DIGIT.search(second)):
        return ""
    numbers_a = {word for word in first.split() if _HAS_DIGIT.search(word)}
    numbers_b = {word for word in second.split() if _HAS_DIGIT.search(word)}
    only_a, only_b = numbers_a - numbers_b, numbers_b - numbers_a
    if only_a and all(any(_digits_differ(x, y) for y in only_b) for x in only_a):
        return "a number in the title (another of a series)"
    return ""


def _digits_differ(first: str, second: str) -> bool:
    return len(first) == len(second) and all(
        x == y or (x.isdigit() and y.isdigit()) for x, y in zip(first, second))


# A trial in adults and its twin in children share every other word of their titles
# ("... Clinical Trial of Eculizumab in Adult Patients" / "... in Pediatric Patients").
_ADULTS = frozenset({"adult", "adults"})
_CHILDREN = frozenset({"pediatric", "paediatric", "child", "children", "childhood", "infant", "infants",
                       "neonatal", "neonates", "newborn", "newborns"})


def other_population(a: WorkKey, b: WorkKey) -> str:
    """One title is of adults and the other of children, and not of both."""
    if "adult" not in a.title and "adult" not in b.title:
        return ""  # cheaply: most titles name neither
    words_a, words_b = set(a.title.split()), set(b.title.split())
    adults_a, adults_b = bool(words_a & _ADULTS), bool(words_b & _ADULTS)
    children_a, children_b = bool(words_a & _CHILDREN), bool(words_b & _CHILDREN)
    if (adults_a and children_b and not (children_a or adults_b)) or \
            (adults_b and children_a and not (children_b or adults_a)):
        return "population (adults, children)"
    return ""


def other_serial_with_subtitle(a: WorkKey, b: WorkKey) -> str:
    """A Cochrane review and its journal version ("Interventions for HUS and TTP" and
    the same words plus ": a systematic review of randomized controlled trials" in Am
    J Kidney Dis), or one study in two journals: two publications, though one title
    extends the other. Only where the serials are clearly two (the Cochrane Database
    and another, or other journals whose volume and first page both disagree) and the
    longer title adds a subtitle: a database's lost subtitle alone changes no venue."""
    if a.title == b.title or not (a.venue and b.venue):
        return ""
    if ("cochrane" in a.venue) != ("cochrane" in b.venue):
        other = _subtitle_added(a.title, b.title)
    else:
        places_differ = (a.volume and b.volume and a.volume != b.volume
                         and a.first_page and b.first_page and a.first_page != b.first_page)
        other = bool(places_differ) and _subtitle_added(a.title, b.title) and venues_differ(a, b)
    return "venue and subtitle (another publication of the study)" if other else ""


def _subtitle_added(a: str, b: str) -> bool:
    """The longer title is the shorter (spelt alike: "haemolytic", "hemolytic") and two
    or more words more at its end."""
    shorter, longer = sorted((a, b), key=len)
    if longer.count(" ") < shorter.count(" ") + 2:
        return False
    start = " ".join(longer.split()[:shorter.count(" ") + 1])
    return fuzz.ratio(shorter, start, score_cutoff=90) >= 90


def other_proceedings_and_pages(a: WorkKey, b: WorkKey) -> str:
    """Two conference papers of one year on other first pages of other proceedings: two
    papers, however alike their titles (Artikis's "Dynamic protocols for open agent
    systems", AAMAS 2009 pages 97-104, and "Formalising dynamic protocols ...", ICAIL
    2009 pages 68-77). Proceedings are compared on their own words, without "proceedings
    of the international conference on", which all share, and a word abbreviated
    ("proc", "symp") or an acronym ("stoc") counts as the words it stands for."""
    if not (a.kind == b.kind == "paper-conference" and a.year and a.year == b.year):
        return ""
    if not (a.first_page and b.first_page and a.venue and b.venue):
        return ""
    if _pages_alike(a.first_page, b.first_page):
        return ""
    own_a, own_b = _own_venue_words(a.venue), _own_venue_words(b.venue)
    if not own_a or not own_b or _venue_words_shared(own_a, own_b):
        return ""
    if _acronym_of(own_a, b.venue) or _acronym_of(own_b, a.venue):
        return ""
    return "proceedings and pages (another paper)"


def _pages_alike(first: str, second: str) -> bool:
    """One page, or one page and a range whose dash was lost ("148" and "148156")."""
    shorter, longer = sorted((first, second), key=len)
    return longer.startswith(shorter)


# The words that say what kind of venue, not which: every proceedings' name has them.
_VENUE_KIND_WORDS = frozenset(
    "proceedings proc of the on in and for international intl conference conf workshop symposium symp "
    "annual joint acm ieee meeting th st nd rd first second third fourth fifth sixth seventh eighth ninth "
    "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
    "twentieth twenty thirty forty fiftieth".split())


def _own_venue_words(venue: str) -> set[str]:
    return {word for word in venue.split() if word not in _VENUE_KIND_WORDS and not _HAS_DIGIT.search(word)}


def _venue_words_shared(first: set[str], second: set[str]) -> bool:
    """A word in both, or one the start of the other ("mach", "machine")."""
    if first & second:
        return True
    return any(_abbreviates(word, other) or _abbreviates(other, word) for word in first for other in second)


def _abbreviates(short: str, word: str) -> bool:
    return 3 <= len(short) < len(word) and word.startswith(short)


def _acronym_of(words: set[str], venue: str) -> bool:
    """One of the words is made of the initials of the venue's words, in order ("icml":
    international conference on machine learning; "aamas")."""
    initials = "".join(word[0] for word in venue.split())
    return any(len(word) >= 3 and _in_order(word, initials) for word in words)


def _in_order(letters: str, initials: str) -> bool:
    remaining = iter(initials)
    return all(letter in remaining for letter in letters)


def venues_differ(a: WorkKey, b: WorkKey) -> bool:
    """Both venues given, and too unlike to be one spelt two ways."""
    return bool(a.venue and b.venue) and fuzz.token_set_ratio(a.venue, b.venue) < 50


def other_proceedings(a: WorkKey, b: WorkKey) -> bool:
    """Two conference papers in proceedings that share no word of their own (words such as
    "international conference on" aside) and neither an acronym of the other: IJCAI and
    ICAPS, which `venues_differ` finds alike for their shared "international conference"."""
    if not (a.kind == b.kind == "paper-conference" and a.venue and b.venue):
        return False
    own_a, own_b = _own_venue_words(a.venue), _own_venue_words(b.venue)
    if not own_a or not own_b or _venue_words_shared(own_a, own_b):
        return False
    return not (_acronym_of(own_a, b.venue) or _acronym_of(own_b, a.venue))


# Cheapest first. The item guards are asked where a record is of these kinds or names
# its place among its siblings; the title guards of every pair blocking proposes; the
# alike-title guards only of pairs whose titles are alike enough to merge.
_ITEM_KINDS = _BOOKS | _WORKS_IN_VOLUMES | {"chapter", "thesis"}
_ITEM_GUARDS = (other_edition, other_volume_of_a_set, other_report_number, report_of_another_institution,
                other_chapter, chapter_and_its_book, thesis_and_paper)
_TITLE_GUARDS = (numbered_items_of_a_series, other_population, other_serial_with_subtitle)
_ALIKE_TITLE_GUARDS = (other_proceedings_and_pages, proceedings_of_other_years, sequel, longer_paper_of_another_year,
                       companion_volume, contrasting_title_words)
