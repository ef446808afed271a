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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from itertools import chain

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


@lru_cache(maxsize=100_000)
def _folded_words(text: str) -> tuple[str, ...]:
    return tuple(fold(text).split())


@dataclass(slots=True)
class Variant:
    """One spelling of a name, and where it occurs."""

    name: Name
    tokens: tuple[str, ...]
    places: list[tuple[RecordId, str]] = field(default_factory=list)  # (record, role)

    def fullness(self) -> tuple:
        full_words = sum(len(token) > 1 for token in self.tokens)
        accented = sum(not char.isascii() for char in self.name.display())
        return (full_words, len(self.tokens), accented, len(self.places))


class ClusterPersonVariants(DocumentStep):
    """The spellings of one person in a file (`Smith, J.`, `John Smith`, `Smith, John A.`)
    given the fullest one, as suggestions with the records that spell it so."""

    def check_all(self, identified: list[tuple[RecordId, Record]]) -> Iterable[Change]:
        blocks = _variants_by_block(identified)
        replacements: dict[tuple[RecordId, str], dict[Name, tuple[Name, str]]] = defaultdict(dict)
        for variants in blocks.values():
            if len(variants) < 2:
                continue
            canonical = max(variants, key=Variant.fullness)
            if not all(compatible(variant.tokens, canonical.tokens) for variant in variants):
                continue  # two different people share the initial: leave them
            evidence = _evidence(canonical)
            for variant in variants:
                if variant is canonical:
                    continue
                for place in variant.places:
                    replacements[place][variant.name] = (replace(canonical.name, suffix=variant.name.suffix
                                                                 or canonical.name.suffix), evidence)
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


_CREATORS, _RECORD = operator.attrgetter("creators"), operator.itemgetter(1)


def _by_name_object(identified, value_of: Callable[[Name], object]) -> dict[int, object]:
    """`value_of(name)` for each Name object of the records' roles, by its id, made in
    reading order, as at its first occurrence. Most occurrences of a spelling are one
    object (the reader shares them): found by identity, which spares hashing the
    name's parts; the records hold their names, so each id stays its own."""
    every = list(chain.from_iterable(chain.from_iterable(map(dict.values, map(_CREATORS, map(_RECORD, identified))))))
    distinct = dict(zip(map(id, every), every))  # in C
    return dict(zip(distinct, map(value_of, distinct.values())))


def _variants_by_block(identified) -> dict[tuple[str, str], list[Variant]]:
    by_spelling: dict[tuple, Variant | None] = {}  # by _SPELLING
    blocks: dict[tuple[str, str], list[Variant]] = defaultdict(list)
    variant_of = _by_name_object(identified, lambda name: _variant_of(name, by_spelling, blocks)).__getitem__
    for record_id, record in identified:
        for role, names in record.creators.items():
            place = (record_id, role)
            for variant in map(variant_of, map(id, names)):
                # once for each record and role that spell it (a role may name one twice)
                if variant is not None and (not variant.places or variant.places[-1] is not place):
                    variant.places.append(place)
    return blocks


# A name's parts as one tuple, made and hashed in C: what `Name.__eq__` compares, for a
# fraction of the cost of `Name.__hash__` (a Python function).
_SPELLING = operator.attrgetter(*(part.name for part in fields(Name)))


def _variant_of(name: Name, by_spelling: dict, blocks: dict) -> Variant | None:
    """The variant a spelling belongs to, made at its first occurrence; None for a name
    that cannot be compared (an organisation, a name without a given part)."""
    spelling = _SPELLING(name)
    if spelling in by_spelling:
        return by_spelling[spelling]
    variant = None
    if not name.literal and name.family and name.given:
        tokens = given_tokens(name.given)
        if tokens:
            variant = Variant(name, tokens)
            blocks[family_key(name), tokens[0][0]].append(variant)
    by_spelling[spelling] = variant
    return variant


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
        splits: dict[tuple[str, ...], dict[tuple, tuple[Name, list[tuple[RecordId, str]]]]] = defaultdict(dict)
        # The places of each spelling, by the identity of its Name (see _by_name_object).
        places_of = _by_name_object(identified, lambda name: _places_list(name, splits)).__getitem__
        for record_id, record in identified:
            for role, names in record.creators.items():
                place = (record_id, role)
                for places in map(places_of, map(id, names)):
                    if places is not None:
                        places.append(place)
        replacements: Replacements = defaultdict(dict)
        for group in splits.values():
            if len(group) < 2:
                continue
            spellings = dict(group.values())  # name -> places
            best = max(spellings, key=lambda name: (_family_words(name), len(spellings[name])))
            if len({_family_words(name) for name in spellings}) < 2:
                continue  # only accents, case or particles differ: not a different split
            evidence = (f"{_places(spellings[best])} split it as family {best.family!r}, "
                        f"given {best.given!r}")
            for name, places in spellings.items():
                if name is best or _family_words(name) == _family_words(best):
                    continue
                for place in places:
                    replacements[place][name] = (best, evidence)
        yield from _replacing(self, identified, replacements)


def _places_list(name: Name, splits: dict) -> list | None:
    """Where the places of a spelling are gathered, by the words of the whole name;
    None for a name no split can differ in (an organisation, a name with a suffix)."""
    if name.literal or not name.family or not name.given or name.suffix:
        return None
    # by its parts as one tuple (hashed in C, unlike a Name): the name met first, and the places
    spellings = splits[_folded_words(name.display())]
    spelling = _SPELLING(name)
    if spelling not in spellings:
        spellings[spelling] = (name, [])
    return spellings[spelling][1]


def _family_words(name: Name) -> int:
    return len(family_key(name).split())


def _places(places: list[tuple[RecordId, str]]) -> str:
    keys = sorted({record_id.key for record_id, _ in places})
    return f"{len(keys)} record(s) ({', '.join(keys[:EVIDENCE_KEYS])})"
