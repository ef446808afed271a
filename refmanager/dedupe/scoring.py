"""The pairwise comparison: how sure we are that two records describe one work.

Identifiers decide where both records have them (one DOI: one work; two valid
DOIs: two works, unless one is a preprint's). Otherwise the score weighs title,
authors, year, venue, volume and pages, and guards against the false merges that
share a title: replies and errata here; in guards.py, the pairs that are two
works by construction (parts I and II, editions, report numbers, chapters, other
proceedings and pages, editorials and reviews with other volumes or pages...).
A record without a title is placed by its authors, year and first page. An erratum, reply or
comment and the article it concerns are marked related (two items, one study),
as are a manuscript cited as such and its published version (two versions), and
a pair weighed as two works says so (`distinct_score`), so that clustering
never joins them through a third record. Every comparison says what agreed and
what did not, so a match can be explained.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler

from refmanager.dedupe.columns import WorkKey
from refmanager.dedupe.guards import (
    alike_titles_apart, different_works, other_numbered_part, other_proceedings, venues_differ,
)


@dataclass(frozen=True, slots=True)
class Thresholds:
    match: float = 0.5  # at or above: the same work
    review: float = 0.15  # between review and match: a person should look
    # Below this, a pair whose titles agree is two works (versions of a paper): no
    # chain of matches through a third record may join them.
    apart: float = 0.01


@dataclass(slots=True)
class Comparison:
    """The outcome for one pair: a score in 0..1, what agreed, what did not."""

    first: int
    second: int
    score: float
    agreed: list[str] = field(default_factory=list)
    disagreed: list[str] = field(default_factory=list)
    # "preprint": the same work in another version; "notice": an erratum, reply or
    # comment and the article it concerns. Reported as related, merged on request.
    related: str = ""
    # How sure we are of one work on the evidence against alone (a recurring title
    # counted in full): low, the two are different works; 1 when not weighed at all.
    distinct_score: float = 1.0


def compare(a: WorkKey, b: WorkKey, common_title: bool = False) -> Comparison:
    """Score one pair. `common_title`: the title recurs in the input (a column such as
    "Editor's notes"), so it says little on its own."""
    outcome = Comparison(a.index, b.index, 0.0)
    if other_numbered_part(a, b):  # asked before the DOI, which a catalogue may copy onto every part
        outcome.disagreed.append("part")
        outcome.distinct_score = 0.0
        return outcome
    decided = _by_identifier(a, b, outcome)
    if decided is not None:
        outcome.score = decided
        return outcome
    if a.draft != b.draft:
        outcome.related = "preprint"  # a manuscript and its published version
    if _guarded(a, b, outcome):
        outcome.distinct_score = 0.0
        if outcome.disagreed[-1] == _NOTICE_DIFFERS:
            _judge_notice(a, b, outcome)
        return outcome
    title = _title_similarity(a.title, b.title)
    if title < _TITLE_FLOOR:  # nothing else could outweigh titles this far apart
        if a.title and b.title:
            outcome.disagreed.append("title")
        else:
            _judge_untitled(a, b, outcome)
        return outcome
    reason = alike_titles_apart(a, b)  # asked only now: it weighs titles alike enough to merge
    if reason:
        outcome.disagreed.append(reason)
        outcome.distinct_score = 0.0
        return outcome
    authors = _author_evidence(a.families, b.families, outcome)
    year = _year_evidence(a.year, b.year, outcome)
    if year < _YEAR_SLIP and _one_volume_and_page(a, b):
        year = _YEAR_SLIP  # one place in one journal holds one article: a year mistyped
    details = _detail_evidence(a, b, outcome)
    weak_title = common_title and _recurring_title_says_little(a, b, authors, year, details, outcome)
    evidence = authors + year + details + _kind_evidence(a, b, outcome) + _venue_evidence(a, b, outcome)
    outcome.score = _probability(evidence + _title_evidence(title, weak_title, outcome))
    # Alike in title, so a low score is evidence of two works; but a recurring title
    # counted low is only a lack of evidence: here it counts as a roughly alike title.
    full_title = _title_evidence(title, False)
    outcome.distinct_score = _probability(evidence + (min(full_title, 2.8) if weak_title else full_title))
    return outcome


def _recurring_title_says_little(a: WorkKey, b: WorkKey, authors: float, year: float, details: float,
                                 outcome: Comparison) -> bool:
    """A recurring title ("Chair's message") counts only beside agreeing details, none
    disagreeing (one volume's issues 1 and 4 each print "Advertisements"), or beside
    its authors and year when no detail disagrees (else: another issue's column), or
    beside its authors and venue where one record is undated: a popular paper cited
    dozens of times, once without its year, where nothing says another issue."""
    if any(detail in outcome.disagreed for detail in _DETAILS):
        return True
    if details != 0 or authors <= 1:
        return details <= 0
    if year != 0:
        return year < 0
    return not (a.venue and b.venue) or venues_differ(a, b)


def _judge_untitled(a: WorkKey, b: WorkKey, outcome: Comparison) -> None:
    """A record without a title (a citation string segmented badly, an export's empty
    field) and a titled one: one article when the authors, the year and the first
    page agree, and the volume and venue do not disagree (one place in a journal
    holds one article by those authors). A missing title is no evidence of two works."""
    outcome.disagreed.append("title (one record has none)")
    if not _one_place(a, b):
        return
    evidence = (_author_evidence(a.families, b.families, outcome) + _year_evidence(a.year, b.year, outcome)
                + _detail_evidence(a, b, outcome) + _kind_evidence(a, b, outcome))
    outcome.score = _probability(evidence + _UNTITLED_AT_ONE_PLACE)


def _one_place(a: WorkKey, b: WorkKey) -> bool:
    """The same authors, year and first page, in no other volume or venue."""
    if not (a.year and a.year == b.year and len(a.first_page) >= 2 and a.first_page == b.first_page):
        return False
    if a.volume and b.volume and a.volume != b.volume or venues_differ(a, b):
        return False
    return bool(a.families and b.families) and _author_similarity(a.families, b.families) >= 0.9


def _probability(evidence: float) -> float:
    return 1 / (1 + math.exp(-(evidence - _EVIDENCE_NEEDED)))


# Evidence is summed in log-odds (Fellegi-Sunter style weights, set on the labelled
# sets of ../shared/bench/dedupe); a pair needs this much to be a match.
_EVIDENCE_NEEDED = 4.5
# Below this title similarity the title weighs -4, more than every other agreement
# can make up for (authors 2, year 1, details 2.1): the pair is not even for review.
_TITLE_FLOOR = 0.85
# What a place (year, first page, volume) agreed by the same authors stands for in a
# record without a title: with them (2 + 1 + 0.7, and 0.7 per other detail) a match.
_UNTITLED_AT_ONE_PLACE = 1.0
# Years further apart than one weigh no more against a pair than this where the
# volume and first page agree ("Information and Computation 103, 299" cited with
# 1993 and with 1997): the year is the detail miscopied, not the place.
_YEAR_SLIP = -0.7


def _title_evidence(similarity: float, weak: bool, outcome: Comparison | None = None) -> float:
    if outcome is not None:
        _note(outcome, "title", similarity >= 0.9)
    weight = next(w for floor, w in ((0.97, 4.0), (0.92, 2.8), (0.85, 1.2), (0.0, -4.0))
                  if similarity >= floor)
    return min(weight, 1.0) if weak else weight


def _author_evidence(a: tuple[str, ...], b: tuple[str, ...], outcome: Comparison) -> float:
    if not a or not b:
        return 0.0
    similarity = _author_similarity(a, b)
    _note(outcome, "authors", similarity >= 0.7)
    return 2.0 if similarity >= 0.9 else 0.5 if similarity >= 0.5 else -2.5


def _alike(first: str, second: str) -> bool:
    return first == second or JaroWinkler.similarity(first, second, score_cutoff=0.9) >= 0.9


def _year_evidence(a: int | None, b: int | None, outcome: Comparison) -> float:
    if a is None or b is None:
        return 0.0
    _note(outcome, "year", a == b)
    return {0: 1.0, 1: -0.7}.get(abs(a - b), -3.0)


def _one_volume_and_page(a: WorkKey, b: WorkKey) -> bool:
    """The same volume and first page (two digits or more), in no other venue."""
    same_place = a.volume and a.volume == b.volume and len(a.first_page) >= 2 and a.first_page == b.first_page
    return bool(same_place) and not venues_differ(a, b)


def _kind_evidence(a: WorkKey, b: WorkKey, outcome: Comparison) -> float:
    """A journal article and a conference paper of one title are usually two
    versions of a work, the journal one later: two records, not one."""
    if {a.kind, b.kind} != {"article-journal", "paper-conference"}:
        return 0.0
    outcome.disagreed.append("kind (journal article and conference paper)")
    return -1.5 if a.year == b.year else -3.0


def _venue_evidence(a: WorkKey, b: WorkKey, outcome: Comparison) -> float:
    """Another year in another venue: a later version (a journal article after its
    conference paper), not the same record. Venues are spelt too many ways to count
    for a match; they only count against one."""
    if not (a.year and b.year and a.year != b.year and (venues_differ(a, b) or other_proceedings(a, b))):
        return 0.0
    outcome.disagreed.append("venue")
    return -2.0


_DETAILS = ("volume", "first page", "issue")


def _detail_evidence(a: WorkKey, b: WorkKey, outcome: Comparison) -> float:
    """For each detail both give: agreement adds a little, disagreement takes more."""
    if _shifted(a, b):
        outcome.agreed.append("volume, issue and page (in other fields)")
        return 0.0
    evidence = 0.0
    for name, first, second, against in zip(_DETAILS, (a.volume, a.first_page, a.issue),
                                            (b.volume, b.first_page, b.issue), (-1.5, -2.5, -0.5)):
        if first and second:
            same = first == second or name == "first page" and _run_together(first, second)
            _note(outcome, name, same)
            evidence += 0.7 if same else against
    return evidence


def _shifted(a: WorkKey, b: WorkKey) -> bool:
    """One database wrote the volume as the issue and the issue as the page (volume
    26, issue 9, page 1746 as issue 26, page 9): the numbers of the shorter are all
    the other's, each in another field. Not evidence for, but none against."""
    first = (a.volume, a.issue, a.first_page)
    second = (b.volume, b.issue, b.first_page)
    fewer, more = sorted((first, second), key=lambda numbers: sum(map(bool, numbers)))
    given = [number for number in fewer if number]
    if len(given) < 2 or first == second:
        return False
    moved = all(number != other for number, other in zip(fewer, more) if number)
    return moved and all(number in more for number in given) and len(set(given)) == len(given)


def _run_together(first: str, second: str) -> bool:
    """One first page, the other a range whose dash was lost ("382" and "382391")."""
    shorter, longer = sorted((first, second), key=len)
    return len(shorter) >= 2 and longer.startswith(shorter) and len(longer) >= 2 * len(shorter)


def _by_identifier(a: WorkKey, b: WorkKey, outcome: Comparison) -> float | None:
    if not (a.doi and b.doi):
        return None
    if a.doi == b.doi:
        outcome.agreed.append("DOI")
        # One DOI for a whole supplement of meeting abstracts: then the titles decide.
        return 1.0 if _title_similarity(a.title, b.title) >= 0.6 else None
    outcome.disagreed.append("DOI")
    if a.is_preprint != b.is_preprint:
        outcome.related = "preprint"
        return None  # a preprint and its journal version: judged on the rest
    return 0.0


def _guarded(a: WorkKey, b: WorkKey, outcome: Comparison) -> bool:
    """Pairs that share a title but are different works by construction (guards.py)."""
    if a.part != b.part:
        outcome.disagreed.append("part")
        return True
    if a.notice != b.notice and not _same_item(a, b):
        outcome.disagreed.append(_NOTICE_DIFFERS)
        return True
    reason = different_works(a, b)
    if reason:
        outcome.disagreed.append(reason)
    return bool(reason)


_NOTICE_DIFFERS = "kind of item (reply, erratum...)"
_CORRECTIONS = frozenset("erratum errata corrigendum correction retraction addendum".split())


def _judge_notice(a: WorkKey, b: WorkKey, outcome: Comparison) -> None:
    """An erratum, reply or comment and the article it concerns (its title, in the
    same venue, within a year) are two items but one study: related, merged only on
    request (a systematic reviewer counts the study once)."""
    # The notice's own words aside ("... - Reply"), the title is the article's, not a
    # longer one that contains it ("Eculizumab for atypical HUS" and "Atypical HUS").
    lengths = sorted((len(a.title), len(b.title)))
    title = _title_similarity(a.title, b.title) if lengths[0] >= 0.75 * lengths[1] else 0.0
    years_close = not (a.year and b.year) or abs(a.year - b.year) <= 1
    one_venue = (a.volume and a.volume == b.volume or not (a.venue and b.venue)
                 or fuzz.token_set_ratio(a.venue, b.venue) >= 50)
    # A correction names the article's authors; a reply or comment has its own.
    corrects = {a.notice, b.notice} & _CORRECTIONS and a.families and b.families
    same_authors = not corrects or _author_similarity(a.families, b.families) >= 0.5
    if title >= 0.9 and years_close and one_venue and same_authors:
        outcome.related = "notice"  # the score stays 0: two items, whatever is asked


def _same_item(a: WorkKey, b: WorkKey) -> bool:
    """One volume, issue and first page, and the same authors: one item, though one
    database titles it "Erratum: ..." and the other gives the bare title. (A letter
    and the reply to it may share a page, but not their authors.)"""
    same_place = (a.volume, a.issue, a.first_page) == (b.volume, b.issue, b.first_page)
    same_authors = _author_similarity(a.families, b.families) >= 0.7
    return bool(a.volume and a.first_page) and same_place and same_authors


def _title_similarity(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    best = max(fuzz.ratio(a, b, score_cutoff=80), fuzz.token_sort_ratio(a, b, score_cutoff=80)) / 100
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if best < 0.97 and len(shorter) >= 25:
        # A title run together with its authors or venue (badly segmented sources).
        best = max(best, fuzz.partial_ratio(shorter, longer, score_cutoff=80) / 100 * 0.97)
    if best < 0.93 and _words_added(shorter, longer):
        best = 0.93
    return best


def _words_added(shorter: str, longer: str) -> bool:
    """Every word of a title of five or more, and one or two words more ("plain text
    databases" for "text databases"): one title, edited, rather than another."""
    if not 4 <= shorter.count(" ") <= longer.count(" ") <= shorter.count(" ") + 2:
        return False  # cheaply: most pairs differ in far more than two words
    words, more = set(shorter.split()), set(longer.split())
    return len(words) >= 5 and words <= more and len(more - words) <= 2


def _author_similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    if not a or not b:
        return 0.5  # unknown, neither for nor against
    last_a = [family.rsplit(" ", 1)[-1] for family in a]
    last_b = [family.rsplit(" ", 1)[-1] for family in b]
    first = 1.0 if _alike(last_a[0], last_b[0]) or _alike_joined(a[0], b[0]) else 0.0
    exact = set(last_b)
    found = sum(1 for family, last in zip(a, last_a)
                if last in exact or any(_alike(last, other) for other in last_b)
                or any(_alike_joined(family, other) for other in b if " " in family or " " in other))
    shared = found / max(1, min(len(last_a), len(last_b)))
    return 0.2 * first + 0.8 * shared  # sources list co-authors in other orders


def _alike_joined(first: str, second: str) -> bool:
    """A family name hyphenated at a line break ("haus-sler", "war-muth"), compared
    whole: its last word alone is only a piece."""
    return _alike(first.replace(" ", ""), second.replace(" ", ""))


def _note(outcome: Comparison, what: str, agreed: bool) -> None:
    (outcome.agreed if agreed else outcome.disagreed).append(what)
