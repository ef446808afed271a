"""Correcting a citation statement's authors from the article's byline.

Each statement name is matched to the byline author in its place (or, failing
that, any byline author) through `name_match`; where the byline's name differs,
one `Change` says what was wrong: an inverted name, its case, its accents, or
initials where the byline gives the given name. `et al.` is expanded to the
byline's full list. A statement name that fits no byline author is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from refmanager.changes import Change
from refmanager.ingest.byline import BylineAuthor
from refmanager.ingest.name_match import NameMatch, default_name, fold, has_accents, match_name, resplit
from refmanager.model import Name, RecordId

#: Below this confidence a name correction is only suggested (reported, not made).
APPLIED_FROM = 0.75
ET_AL = re.compile(r"\bet\.?\s+al\b\.?|\bu\.\s?a\.|\band\s+others\b", re.I)


@dataclass(frozen=True, slots=True)
class AuthorFix:
    """Why one statement name was replaced by the byline's."""

    rule: str
    detail: str
    confidence: float


def correct_authors(stated: list[Name], byline: list[BylineAuthor], statement_text: str,
                    record: RecordId) -> tuple[list[Name], list[Change], list[str]]:
    """The corrected author list, the changes that lead there, and notes on names left alone."""
    if not byline:
        return stated, [], []
    current, changes, notes = list(stated), [], []
    used: set[int] = set()
    given_first = _byline_is_given_first(stated, byline)
    for index, name in enumerate(stated):
        position, match = _best_match(name, byline, index, used, given_first)
        split_again = resplit(name) if match is None else None  # "De, Luca G" for "De Luca, G"
        if split_again is not None:
            position, match = _best_match(split_again, byline, index, used, given_first)
        if match is None:
            notes.append(f"statement author {_written(name)!r} matches no byline name; kept as written")
            continue
        used.add(position)
        fix = _why(name, match) if split_again is None else \
            AuthorFix("NameFromByline", "family and given names split in the wrong place", 0.9)
        if fix is None:
            continue
        evidence = f"byline: {byline[position].written}; statement: {_written(name)} ({fix.detail})"
        if fix.confidence < APPLIED_FROM:  # a suggestion, not a silent rewrite
            notes.append(f"suggestion, not applied ({fix.rule}, {fix.confidence:.2f}): {evidence}")
            continue
        new = current[:index] + [match.name] + current[index + 1:]
        changes.append(Change(record, "author", current, new, fix.rule, evidence, fix.confidence))
        current = new
    missing = [author for position, author in enumerate(byline) if position not in used]
    if missing and len(used) == len(stated) and max(used, default=-1) < len(stated):
        current = _add_missing(current, missing, statement_text, record, changes)
    return current, changes, notes


def _byline_is_given_first(stated: list[Name], byline: list[BylineAuthor]) -> bool:
    """Whether some statement name fits its byline name plainly, given name first: a
    byline keeps one order, so the others are read that way too (`mahmood, A. G.`
    beside `Seifi, A.` is Mahmood of the Alipour Gorji family, inverted)."""
    for name, author in zip(stated, byline):
        match = match_name(name, author)
        if match is not None and match.score == 1.0 and not match.family_first:
            return True
    return False


def _best_match(name: Name, byline: list[BylineAuthor], index: int, used: set[int],
                given_first: bool) -> tuple[int, NameMatch | None]:
    if index < len(byline) and index not in used:
        match = match_name(name, byline[index], given_first)
        if match is not None:
            return index, match
    candidates = [(position, match_name(name, author, given_first)) for position, author in enumerate(byline)
                  if position not in used]
    candidates = [(position, match) for position, match in candidates if match is not None]
    if not candidates:
        return -1, None
    return max(candidates, key=lambda candidate: candidate[1].score)


def _why(stated: Name, match: NameMatch) -> AuthorFix | None:
    """The main thing wrong with the statement's name, or None when it is the byline's."""
    byline = match.name
    if _same_name(stated, byline):
        return None
    if match.inverted:
        cased = " and lower-cased" if stated.family[:1].islower() else ""
        return AuthorFix("InvertedName", f"given and family names swapped{cased}", round(match.score, 2))
    stated_family = " ".join(part for part in (stated.non_dropping_particle, stated.family) if part)
    byline_family = " ".join(part for part in (byline.non_dropping_particle, byline.family) if part)
    if fold(stated_family) == fold(byline_family) and stated_family.lower() == byline_family.lower() \
            and stated_family != byline_family:
        return AuthorFix("FixNameCase", "family name mis-cased", 0.95)
    if fold(stated_family) == fold(byline_family) and stated_family != byline_family and has_accents(byline_family):
        return AuthorFix("RestoreDiacritics", "letters without their accents", 0.95)
    if fold(stated.given) != fold(byline.given) and match.initials_only:
        return AuthorFix("FullGivenName", "initials for the given name", 0.95)
    if has_accents(byline.given) and not has_accents(stated.given):
        return AuthorFix("RestoreDiacritics", "letters without their accents", 0.95)
    return AuthorFix("NameFromByline", "split or spelled otherwise", 0.9)


def _same_name(first: Name, second: Name) -> bool:
    return (first.family, first.given, first.non_dropping_particle, first.suffix) == \
        (second.family, second.given, second.non_dropping_particle, second.suffix)


def _add_missing(current: list[Name], missing: list[BylineAuthor], statement_text: str,
                 record: RecordId, changes: list[Change]) -> list[Name]:
    """The byline authors the statement left out, after the ones it names."""
    new = current + [default_name(author) for author in missing]
    written = ", ".join(author.written for author in missing)
    if not current:
        rule, evidence, confidence = "FillFromDocument", f"byline: {written}; the statement names no author", 1.0
    elif ET_AL.search(statement_text):
        rule, evidence, confidence = "ExpandEtAl", f"byline: the authors after 'et al.' are {written}", 0.95
    else:
        rule, evidence, confidence = "AddMissingAuthors", f"byline: the statement leaves out {written}", 0.85
    changes.append(Change(record, "author", current, new, rule, evidence, confidence))
    return new


def _written(name: Name) -> str:
    family = " ".join(part for part in (name.non_dropping_particle, name.family) if part)
    text = f"{family}, {name.given}" if name.given else family
    return f"{text}, {name.suffix}" if name.suffix else text
