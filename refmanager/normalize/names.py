"""Person names, one record at a time: letter case, particles, initials, suffixes,
invisible characters and organisations taken for people.

Names arrive split (the BibTeX reader applies BibTeX's rules; CSL-JSON and RIS
carry parts); these steps never split a name again from its string, they only
move words between parts where the parts themselves show it (a lower-case
`van der` leading a family name is a particle) and repair case where a part is
all capitals or all lower case. Mixed case is deliberate and left alone
(`DeGette`, `McPherson`, `van der Berg`). Names of organisations (`literal`)
are never touched.
"""

from __future__ import annotations

import dataclasses
import operator
import re
from collections.abc import Iterable
from itertools import chain, compress, repeat

from refmanager.changes import Change
from refmanager.model import Name, Record, RecordId
from refmanager.normalize.name_parts import (
    JOINED_PARTICLE, PARTICLES, SUFFIXES, format_initials, is_all_capitals, is_initials, needs_case_repair,
    particle_ends_given, repair_family_case, repair_given_case,
)
from refmanager.normalize.config import DEFAULT_THRESHOLD, NormalizeConfig
from refmanager.normalize.identifiers import INVISIBLE
from refmanager.normalize.pipeline import RecordStep

# Words that make a "person" an organisation: `World Health Organization` read
# by BibTeX as given `World Health`, family `Organization`.
ORGANISATION_WORDS = frozenset({
    "agency", "association", "bureau", "center", "centre", "commission", "committee", "company",
    "consortium", "corporation", "council", "department", "foundation", "group", "inc", "inc.",
    "institute", "ltd", "ltd.", "ministry", "office", "organisation", "organization", "project",
    "society", "team", "university", "working",
})
_ACRONYM_LENGTH = 5  # a lone all-capitals "family" this short is an acronym (IEEE, NASA)
_INITIALS_LENGTH = 4  # `PVS`, `PYKL`, `KP`: no vowel, so initials, not a family name in capitals
_VOWEL = re.compile(r"[AEIOUÀ-ÆÈ-ÏÒ-ÖØ-Ü]")
_VOWEL_THEN_CONSONANT = re.compile(r"^[AEIOU][B-DF-HJ-NP-TV-Z]$")


Fix = tuple[Name, str, float]  # the fixed name, the evidence, the confidence
_UNSEEN = object()  # what NameStep's memo gives for a name it has not met


def distinct_names(records: list[Record]) -> list[Name]:
    """Each Name object of the records' roles once, in order of first appearance."""
    return _occurrences(records).distinct


@dataclasses.dataclass(slots=True)
class _NameOccurrences:
    """Every name of the records' roles in reading order, with its record's position:
    walked once for the five name steps (and what they share, the distinct names)."""

    records: list[Record]  # the very list walked (held, so that its id stays its own)
    count: int  # how many records it had
    every: list[Name]
    ids: list[int]  # of each of `every`
    positions: list[int]  # of the record of each of `every`
    distinct: list[Name]

    def holding(self, ids: set[int]) -> set[int]:
        """The positions of the records that hold a name whose id is in `ids` (in C)."""
        return set(compress(self.positions, map(ids.__contains__, self.ids)))


_last_occurrences = _NameOccurrences([], 0, [], [], [], [])


def _occurrences(records: list[Record]) -> _NameOccurrences:
    """The records' names, walked once for one list of records: the pipeline passes
    the same list to each step of a run (and `Document.records` makes a new one for
    the next), so that the five name steps share one walk of the file."""
    global _last_occurrences
    if records is not _last_occurrences.records or len(records) != _last_occurrences.count:
        every = list(chain.from_iterable(chain.from_iterable(record.creators.values() for record in records)))
        counts = [sum(map(len, record.creators.values())) for record in records]
        positions = list(chain.from_iterable(map(repeat, range(len(records)), counts)))
        ids = list(map(id, every))
        distinct = list(dict(zip(ids, every)).values())
        _last_occurrences = _NameOccurrences(records, len(records), every, ids, positions, distinct)
    return _last_occurrences


_SUFFIXES_BUT_V = frozenset(SUFFIXES) - {"v"}  # a lone `V` ending a name is an initial more often


class NameStep(RecordStep):
    """A step that rewrites names one at a time; one change per role that changed.

    `fix` depends on the name alone, so its answers are remembered by the Name
    object: the BibTeX reader gives one object for each spelling it meets. (By
    value they would cost more than they save: hashing a name hashes all its
    parts, as long as most fixes take to rule out a name.)

    `prepare` fixes every name of the file's records once, and keeps the ids of
    the few that have a fix: a list of names of one of those records (which the
    pipeline never edits) is then passed over by one test against that small set,
    in C. A working copy's lists, or a record not prepared, are looked up name by
    name (with `map`, in C, for names met before).
    """

    def __init__(self) -> None:
        self._fix_by_id: dict[int, Fix | None] = {}
        self._held: list[Name] = []  # the names _fix_by_id knows, kept alive: each id stays its own
        self._prepared: list[Record] = []  # the records `prepare` saw; all their names are known
        self._fixable: set[int] = set()  # ids of the known names that have a fix
        self._threshold = DEFAULT_THRESHOLD  # the run's, once prepared: below it a fix is suggested

    def prepare(self, records: list[Record], config: NormalizeConfig) -> None:
        self._threshold = config.threshold
        fix_by_id, distinct = self._fix_by_id, distinct_names(records)
        unseen = [name for name in distinct if id(name) not in fix_by_id] if fix_by_id else distinct
        fixes = list(map(self._fix_unless_literal, unseen))
        fix_by_id.update(zip(map(id, unseen), fixes))
        self._held += unseen
        self._fixable.update(compress(map(id, unseen), map(operator.is_not, fixes, repeat(None))))  # in C
        self._prepared = records

    def candidates(self, records: list[Record]) -> set[int] | None:
        if records is not self._prepared:
            return None
        return _occurrences(records).holding(self._fixable) if self._fixable else set()

    def fix(self, name: Name) -> Fix | None:
        """The fixed name, the evidence and the confidence; None to leave it."""
        raise NotImplementedError

    def adjust(self, confidence: float, record: Record) -> float:
        """The confidence of a fix in this record (some depend on the source format)."""
        return confidence

    def check(self, record_id: RecordId, record: Record) -> Iterable[Change]:
        fix_by_id, prepared = self._fix_by_id, self._prepared
        as_prepared = record_id.position < len(prepared) and prepared[record_id.position] is record
        for role, names in record.creators.items():
            if as_prepared and self._fixable.isdisjoint(map(id, names)):
                continue  # the usual case: nothing to fix
            fixes = list(map(fix_by_id.get, map(id, names), repeat(_UNSEEN)))
            if _UNSEEN in fixes:
                fixes = [self._remembered_fix(name) for name in names]
            if fixes.count(None) != len(fixes):
                yield from self._changes(record_id, record, role, names, fixes)

    def _remembered_fix(self, name: Name) -> Fix | None:
        if id(name) not in self._fix_by_id:
            self._held.append(name)
            self._fix_by_id[id(name)] = self._fix_unless_literal(name)
        return self._fix_by_id[id(name)]

    def _fix_unless_literal(self, name: Name) -> Fix | None:
        return None if name.literal else self.fix(name)

    def _changes(self, record_id: RecordId, record: Record, role: str, names: list[Name],
                 fixes: list[Fix | None]) -> Iterable[Change]:
        """One change for the role; where some of its fixes are sure and others only
        suggested, the sure ones are made and the rest suggested on top of them, so
        that one doubtful name (`DE LA CRUZ`) does not hold back its co-authors' fixes."""
        sure = [fix if fix is not None and self.adjust(fix[2], record) >= self._threshold else None
                for fix in fixes]
        if sure == fixes or sure.count(None) == len(sure):  # all sure, or none: one change
            yield self._change(record_id, record, role, names, fixes)
            return
        yield self._change(record_id, record, role, names, sure)
        made = [name if fix is None else fix[0] for name, fix in zip(names, sure)]
        with_sure_fixes = dataclasses.replace(record, creators={**record.creators, role: made})
        doubtful = [None if sure_fix is not None else fix for fix, sure_fix in zip(fixes, sure)]
        yield self._change(record_id, with_sure_fixes, role, made, doubtful)

    def _change(self, record_id: RecordId, record: Record, role: str, names: list[Name],
                fixes: list[Fix | None]) -> Change:
        fixed = [name if fix is None else fix[0] for name, fix in zip(names, fixes)]
        evidence = "; ".join(fix[1] for fix in fixes if fix)
        confidence = self.adjust(min(fix[2] for fix in fixes if fix), record)
        return self.change(record_id, record, role, fixed, evidence, confidence)


class FixNameCase(NameStep):
    """Names typed in capitals or lower case (`SMITH, J.`, `mahmood`) in name case,
    keeping McDonald, O'Neil, MacArthur, d'Alembert, al-, bin and lower-case particles."""

    def fix(self, name: Name) -> Fix | None:
        if not any(_one_case(part) for part in (name.family, name.given, name.non_dropping_particle,
                                                 name.dropping_particle)):
            return None  # the usual case, decided by str methods alone
        if not name.given and is_all_capitals(name.family) and len(name.family) <= _ACRONYM_LENGTH:
            return None
        if "{" in name.family + name.given or "}" in name.family + name.given:
            return None  # braces the splitter left (`{ARC A3}` cut in two): not a name to recase
        parts, confidence = _family_in_name_case(name)
        if name.given and needs_case_repair(name.given):
            parts["given"] = repair_given_case(name.given)
            if particle_ends_given(name.given):
                confidence = min(confidence, 0.8)  # `DE` may be two initials: suggested
        for particle_part in ("non_dropping_particle", "dropping_particle"):
            if getattr(name, particle_part) and is_all_capitals(getattr(name, particle_part)):
                parts.setdefault(particle_part, getattr(name, particle_part).lower())
        fixed = dataclasses.replace(name, **parts)
        if fixed == name:
            return None
        return fixed, f"{name.display()!r} is in one case", confidence


def _family_in_name_case(name: Name) -> tuple[dict[str, str], float]:
    """The repaired family name and any particle it held, and how sure the repair is."""
    if not needs_case_repair(name.family) or _initials_for_family(name) or name.family.lower() in SUFFIXES:
        return {}, 0.95  # a suffix in the family's place (`IV, Antonio Pequeño`) is SplitSuffix's
    particle, family = repair_family_case(name.family)
    if particle:  # a capitalised `Van` or `La` may be part of the family
        return {"family": family, "non_dropping_particle": " ".join(
            filter(None, (name.non_dropping_particle.lower(), particle)))}, 0.8
    if _VOWEL_THEN_CONSONANT.match(name.family) and name.given and not needs_case_repair(name.given):
        return {"family": family}, 0.6  # `Balamurali AR` is initials, `Koray AK` a family name: suggested
    return {"family": family}, 0.95


def _initials_for_family(name: Name) -> bool:
    """`Avinesh PVS`, `Rohit R.R`: initials where the family name would stand, as South
    Indian names are often written (the ACL Anthology has hundreds): kept as written."""
    family = name.family
    return bool(name.given) and (is_initials(family) or (
        len(family) <= _INITIALS_LENGTH and family.isupper() and not _VOWEL.search(family)))


def _one_case(text: str) -> bool:
    """A cheap first test for `needs_case_repair`: particles in lower case pass it too."""
    return bool(text) and (text.islower() or text.isupper()) and needs_case_repair(text) and (
        text.isupper() or text.lower() not in PARTICLES)


class SplitParticles(NameStep):
    """Lower-case particles moved out of the family name (`van der Vlist`: `van der` +
    `Vlist`) and out of the end of the given name (`Alexander von`: dropping `von`).
    A family name in double quotes is kept whole, its quotes removed (CSL's rule)."""

    def fix(self, name: Name) -> Fix | None:
        if name.family.startswith('"') and name.family.endswith('"') and len(name.family) > 1:
            return dataclasses.replace(name, family=name.family[1:-1]), "family in quotes: kept whole", 1.0
        if name.non_dropping_particle or name.dropping_particle:
            return None
        if not name.family[:1].islower() and not name.family.startswith("'") and not (
                name.given and name.given.rsplit(" ", 1)[-1][:1].islower()):
            return None  # no lower-case word where a particle could be
        particle, family = _leading_particle(name.family)
        given, dropping = _trailing_particle(name.given)
        if not particle and not dropping:
            return None
        fixed = dataclasses.replace(name, family=family, non_dropping_particle=particle,
                                    given=given, dropping_particle=dropping)
        return fixed, f"particle in {name.display()!r}", 0.9

    def adjust(self, confidence: float, record: Record) -> float:
        # In BibTeX, braces (`{van Gogh}`) are the only way to keep a particle in the
        # family, so a particle still in it there was kept on purpose.
        return 0.5 if record.origin is not None and record.origin.format == "bibtex" else confidence


def _leading_particle(family: str) -> tuple[str, str]:
    """(particle, family) for a family name that starts with lower-case particles."""
    words = family.split()
    particle = []
    while len(words) > 1 and words[0] in PARTICLES:
        particle.append(words.pop(0))
    joined = JOINED_PARTICLE.match(words[0]) if words else None
    if joined and joined.group(1).islower():
        particle.append(joined.group(1))
        words[0] = words[0][joined.end():]
    return (" ".join(particle), " ".join(words)) if particle else ("", family)


def _trailing_particle(given: str) -> tuple[str, str]:
    words = given.split()
    particle = []
    while len(words) > 1 and (words[-1] in PARTICLES or words[-1] in ("d'", "l'")):
        particle.insert(0, words.pop())
    return " ".join(words), " ".join(particle)


class NormalizeInitials(NameStep):
    """Initials in one form: `A.G.` and `A G` as `A. G.`, `J-P` as `J.-P.`, `John A` as `John A.`."""

    def fix(self, name: Name) -> Fix | None:
        given = format_initials(name.given) if name.given else ""
        if given == name.given:
            return None
        return dataclasses.replace(name, given=given), f"initials in {name.display()!r}", 0.95


class SplitSuffix(NameStep):
    """A `Jr.` or `III` written into the given or family name moved to the suffix
    (`Martin Luther King, Jr.` as BibTeX reads it: family `Martin Luther King`, given `Jr.`)."""

    def fix(self, name: Name) -> Fix | None:
        if name.suffix:
            canonical = SUFFIXES.get(name.suffix.lower(), name.suffix)
            if canonical == name.suffix:
                return None
            return dataclasses.replace(name, suffix=canonical), f"suffix written {name.suffix!r}", 1.0
        given_words, family_words = name.given.split(), name.family.split()
        if len(given_words) == 1 and given_words[0].lower() in SUFFIXES and len(family_words) > 1:
            fixed = dataclasses.replace(name, family=family_words[-1], given=" ".join(family_words[:-1]),
                                        suffix=SUFFIXES[given_words[0].lower()])
            return fixed, f"suffix read as a given name in {name.display()!r}", 0.9
        if len(family_words) == 1 and family_words[0].lower() in _SUFFIXES_BUT_V and len(given_words) > 1:
            # `IV, Antonio Pequeño`, `jr, John W. Dawson`: the name inverted after its suffix
            fixed = dataclasses.replace(name, family=given_words[-1], given=" ".join(given_words[:-1]),
                                        suffix=SUFFIXES[family_words[0].lower()])
            return fixed, f"suffix read as a family name in {name.display()!r}", 0.9
        for part, words in (("given", given_words), ("family", family_words)):
            if len(words) > 1 and words[-1].rstrip(",").lower() in _SUFFIXES_BUT_V:
                rest = " ".join(words[:-1]).rstrip(",")
                fixed = dataclasses.replace(name, suffix=SUFFIXES[words[-1].rstrip(",").lower()], **{part: rest})
                return fixed, f"suffix at the end of the {part} name in {name.display()!r}", 0.9
        return None


class CleanNameText(NameStep):
    """The invisible characters a copy from a web page brings (direction marks,
    zero-width spaces, soft hyphens) out of a name's parts: `\u202aPere-Lluís` would
    otherwise have the initial `\u202a.-L.` and sort apart from `Pere-Lluís`."""

    def fix(self, name: Name) -> Fix | None:
        parts = {part: visible for part in _TEXT_PARTS
                 if not (value := getattr(name, part)).isascii() and (visible := _INVISIBLE.sub("", value)) != value}
        if not parts:
            return None
        return dataclasses.replace(name, **parts), f"invisible characters in {name.display()!r}", 1.0


_INVISIBLE = re.compile(f"[{INVISIBLE}]")
_TEXT_PARTS = ("family", "given", "dropping_particle", "non_dropping_particle", "suffix")  # `literal`: never touched


class MarkOrganisation(NameStep):
    """A "person" whose name has a word like Organization or Committee suggested as an
    organisation, kept whole (`{World Health Organization}`)."""

    def fix(self, name: Name) -> Fix | None:
        words = {word.lower().strip(",") for word in f"{name.given} {name.family}".split()}
        if not words & ORGANISATION_WORDS or name.family.lower() in PARTICLES:
            return None
        shown = " ".join(filter(None, (name.given, name.dropping_particle, name.non_dropping_particle, name.family)))
        return Name(literal=shown), f"{shown!r} reads as an organisation", 0.6
