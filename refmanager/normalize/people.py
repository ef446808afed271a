"""People across records: the spellings of one person in a file, brought together.

`Smith, J.`, `John Smith` and `Smith, John A.` in three records are likely one
person; so are `Müller` and `M{\\"u}ller` (one spelling once LaTeX is decoded)
and `Muller`. These steps propose one canonical form for each such group, with
the records that show it as evidence. They are suggestions (low confidence):
two people may share a family name and an initial, and only the user knows.
"""

from __future__ import annotations

import operator
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from itertools import chain, compress, repeat

from refmanager.changes import Change
from refmanager.model import Name, Record, RecordId
from refmanager.normalize.name_parts import fold
from refmanager.normalize.pipeline import DocumentStep

SUGGESTION = 0.5
EVIDENCE_KEYS = 3  # records named in the evidence
_GIVEN_SEPARATORS = re.compile(r"[\s.\-]+")


@lru_cache(maxsize=100_000)
def given_tokens(given: str) -> tuple[str, ...]:
    """The folded words and initials of a given name: `John A.` (john, a), `J.-P.` (j, p);
    cached, as many people share a given name or initials."""
    return tuple(filter(None, (fold(token) for token in _GIVEN_SEPARATORS.split(given))))


def compatible(shorter: tuple[str, ...], fuller: tuple[str, ...]) -> bool:
    """Whether a given name can be an abbreviation of another: (j,) of (john, a)."""
    if len(shorter) > len(fuller):
        return False
    return all(short == full or (len(short) == 1 and full.startswith(short))
               for short, full in zip(shorter, fuller))


def family_key(name: Name) -> str:
    """The family name with its particles, folded: what the spellings of one person share."""
    if not name.non_dropping_particle:
        return fold(name.family)
    return fold(" ".join(filter(None, (name.non_dropping_particle, name.family))))


def _folded_words(text: str) -> tuple[str, ...]:
    # Asked once for each spelling of a whole name: past fold's cache, which it would
    # fill with those (79,000 in the ACL file) and empty of the names' parts.
    return tuple(fold.__wrapped__(text).split())


@dataclass(slots=True)
class Variant:
    """One spelling of a name, and where it occurs."""

    name: Name
    tokens: tuple[str, ...]
    places: list[tuple[RecordId, str]] = field(default_factory=list)  # (record, role)

    def fullness(self) -> tuple:
        full_words = sum(len(token) > 1 for token in self.tokens)
        display = self.name.display()
        accented = 0 if display.isascii() else sum(not char.isascii() for char in display)
        return (full_words, len(self.tokens), accented, len(self.places))


class ClusterPersonVariants(DocumentStep):
    """The spellings of one person in a file (`Smith, J.`, `John Smith`, `Smith, John A.`)
    given the fullest one, as suggestions with the records that spell it so."""

    def check_all(self, identified: list[tuple[RecordId, Record]]) -> Iterable[Change]:
        return self.check_sharing(identified, {})

    def check_sharing(self, identified: list[tuple[RecordId, Record]], shared: dict) -> Iterable[Change]:
        replacements: Replacements = defaultdict(dict)
        for variants in _variants_by_block(_NameTable.of(identified, shared)):
            canonical = max(variants, key=Variant.fullness)
            if not all(compatible(variant.tokens, canonical.tokens) for variant in variants):
                continue  # two different people share the initial: leave them
            evidence = _evidence(canonical)
            for variant in variants:
                if variant is canonical:
                    continue
                replacement = (replace(canonical.name, suffix=variant.name.suffix or canonical.name.suffix), evidence)
                for place in variant.places:
                    replacements[place][variant.name] = replacement
        yield from _replacing(self, identified, replacements)


Replacements = dict  # (record id, role) -> {name: (replacement, evidence)}


def _replacing(step: DocumentStep, identified, replacements: Replacements) -> Iterable[Change]:
    """One change per record and role, replacing every name that has a replacement."""
    by_id = None
    for (record_id, role), names in replacements.items():
        position = record_id.position  # the pipeline lists each record at its position
        if 0 <= position < len(identified) and identified[position][0] is record_id:
            record = identified[position][1]
        else:  # a list in another order: found by id (which hashes each id, in Python)
            by_id = by_id or dict(identified)
            record = by_id[record_id]
        old = record.creators[role]
        new = [names.get(name, (name, ""))[0] for name in old]
        reasons = sorted({names[name][1] for name in old if name in names})
        yield step.change(record_id, record, role, new, "; ".join(reasons), SUGGESTION)


_CREATORS, _RECORD_ID, _RECORD = operator.attrgetter("creators"), operator.itemgetter(0), operator.itemgetter(1)


class _NameTable:
    """Every name of the records' roles in reading order, beside its place (record id,
    role), and each spelling once: made in C, and shared by the person steps (see
    `DocumentStep.check_sharing`), which walk it instead of records, roles and names
    in Python. Most occurrences of a spelling are one Name object (the reader shares
    them), found by its id; the records hold their names, so each id stays its own.
    A spelling is its parts' tuple (`_SPELLING`), made and hashed in C, where a
    Name's hash is a Python function."""

    def __init__(self, identified):
        creators = list(map(_CREATORS, map(_RECORD, identified)))
        role_lists = list(chain.from_iterable(map(dict.values, creators)))
        # one (record id, role) tuple for each role, shared by its names
        role_places = chain.from_iterable(map(zip, map(repeat, map(_RECORD_ID, identified)), map(dict.keys, creators)))
        names = list(chain.from_iterable(role_lists))
        self.ids = list(map(id, names))
        self.places = list(chain.from_iterable(map(repeat, role_places, map(len, role_lists))))
        distinct = dict(zip(self.ids, names))  # each Name object once
        spellings = list(map(_SPELLING, distinct.values()))
        # Each spelling in reading order, with one of its names (the last: they are equal),
        # and the ids of the Name objects that spell it.
        self.spellings: dict[tuple, Name] = dict(zip(spellings, distinct.values()))
        self.objects: dict[tuple, list[int]] = defaultdict(list)
        for key, spelling in zip(distinct, spellings):
            self.objects[spelling].append(key)

    @classmethod
    def of(cls, identified, shared: dict) -> _NameTable:
        """The table of the records, as an earlier step made it (in `shared`), or made now."""
        table = shared.get(cls)
        if table is None:
            table = shared[cls] = cls(identified)
        return table

    def gather(self, places_of: dict[tuple, list], once_a_role: bool) -> None:
        """Append each place that names one of the spellings of `places_of` to that
        spelling's list, in reading order: once for each name there, or with
        `once_a_role`, once for the role. The other names are passed over in C."""
        by_object = {key: places for spelling, places in places_of.items() for key in self.objects[spelling]}
        named = map(by_object.__contains__, self.ids)
        for key, place in compress(zip(self.ids, self.places), named):
            places = by_object[key]
            if not (once_a_role and places and places[-1] is place):
                places.append(place)


def _variants_by_block(table: _NameTable) -> list[list[Variant]]:
    """The variants of each block (a family name and the first initial) that has two or
    more, in reading order, each with its places: where a variant could be changed."""
    blocks: dict[tuple[str, str], list[Variant]] = defaultdict(list)
    for variant in filter(None, map(_variant_of, table.spellings.values())):
        blocks[family_key(variant.name), variant.tokens[0][0]].append(variant)
    shared = [variants for variants in blocks.values() if len(variants) > 1]
    table.gather({_SPELLING(variant.name): variant.places for variants in shared for variant in variants},
                 once_a_role=True)
    return shared


# A name's parts as one tuple, made and hashed in C: what `Name.__eq__` compares, for a
# fraction of the cost of `Name.__hash__` (a Python function).
_SPELLING = operator.attrgetter(*(part.name for part in fields(Name)))


def _variant_of(name: Name) -> Variant | None:
    """The variant of a spelling; None for a name that cannot be compared (an
    organisation, a name without a given part)."""
    if name.literal or not name.family or not name.given:
        return None
    tokens = given_tokens(name.given)
    return Variant(name, tokens) if tokens else None


def _evidence(canonical: Variant) -> str:
    keys = ", ".join(sorted({record_id.key for record_id, _ in canonical.places})[:EVIDENCE_KEYS])
    count = len({record_id for record_id, _ in canonical.places})
    return f"{count} record(s) write {canonical.name.display()!r} ({keys})"


class AlignNameSplits(DocumentStep):
    """One person's name split the same way in every record: where one record says
    `Alipour Gorji, Mahmood` and another `Mahmood Alipour Gorji` (read as given
    `Mahmood Alipour`), the longer family name, which only an explicit split
    gives, is suggested for both."""

    def check_all(self, identified: list[tuple[RecordId, Record]]) -> Iterable[Change]:
        return self.check_sharing(identified, {})

    def check_sharing(self, identified: list[tuple[RecordId, Record]], shared: dict) -> Iterable[Change]:
        replacements: Replacements = defaultdict(dict)
        for spellings in _splits_that_differ(_NameTable.of(identified, shared)):
            best = max(spellings, key=lambda name: (_family_words(name), len(spellings[name])))
            evidence = (f"{_places(spellings[best])} split it as family {best.family!r}, "
                        f"given {best.given!r}")
            for name, places in spellings.items():
                if name is best or _family_words(name) == _family_words(best):
                    continue
                for place in places:
                    replacements[place][name] = (best, evidence)
        yield from _replacing(self, identified, replacements)


def _splits_that_differ(table: _NameTable) -> list[dict[Name, list[tuple[RecordId, str]]]]:
    """For each set of spellings of one whole name (the same words) that split it into
    family and given names in more than one way: each spelling, in reading order,
    with its places (once for each time a role names it)."""
    splits: dict[tuple[str, ...], list[tuple[Name, list]]] = defaultdict(list)
    for name in filter(_may_split_otherwise, table.spellings.values()):
        splits[_folded_words(name.display())].append((name, []))
    differing = [dict(group) for group in splits.values()
                 if len(group) > 1 and len({_family_words(name) for name, _ in group}) > 1]
    table.gather({_SPELLING(name): places for spellings in differing for name, places in spellings.items()},
                 once_a_role=False)
    return differing


def _may_split_otherwise(name: Name) -> bool:
    """False for a name no other split can differ from (an organisation, a name with a suffix)."""
    return not name.literal and bool(name.family) and bool(name.given) and not name.suffix


def _family_words(name: Name) -> int:
    return len(family_key(name).split())


def _places(places: list[tuple[RecordId, str]]) -> str:
    keys = sorted({record_id.key for record_id, _ in places})
    return f"{len(keys)} record(s) ({', '.join(keys[:EVIDENCE_KEYS])})"
