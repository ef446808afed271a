"""Name authority: the user's own list of how people are to be named.

A TOML file (`name-authority = "people.toml"` in the settings) lists people and
the spellings that stand for them; a name written in one of those spellings is
replaced by the person's parts, surely, since the user said so:

    [[person]]
    family = "Alipour Gorji"
    given = "Mahmood"
    variants = ["Mahmood Alipour Gorji", "Gorji, Mahmood Alipour", "mahmood, A. G."]

Spellings compare folded (case, accents and punctuation aside), in reading order.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from refmanager.changes import Change
from refmanager.errors import InputError
from refmanager.model import Name, Record, RecordId
from refmanager.normalize.config import NormalizeConfig
from refmanager.normalize.name_parts import fold
from refmanager.normalize.names import NameStep

_PARTS = ("family", "given", "non-dropping-particle", "dropping-particle", "suffix", "literal")


def spelling_key(text: str) -> str:
    """A spelling as the authority compares it: folded, `Last, First` turned round."""
    if "," in text:
        family, _, given = text.partition(",")
        text = f"{given} {family}"
    return " ".join(fold(text).split())


def load_name_authority(path: str) -> dict[str, Name]:
    """Spelling key -> the person's name, from an authority file."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise InputError(f"{path}: cannot read the name authority: {error}") from None
    people: dict[str, Name] = {}
    for number, person in enumerate(data.get("person", []), start=1):
        parts = {part.replace("-", "_"): person[part] for part in _PARTS if person.get(part)}
        if not parts:
            raise InputError(f"{path}: person {number} has no name parts (family, given, literal...)")
        name = Name(**parts)
        for spelling in [name.display(), *person.get("variants", [])]:
            people[spelling_key(spelling)] = name
    return people


class ApplyNameAuthority(NameStep):
    """Names written as a spelling the name authority file lists, given the person's parts."""

    def __init__(self) -> None:
        super().__init__()
        self.people: dict[str, Name] = {}

    def prepare(self, records: list[Record], config: NormalizeConfig) -> None:
        self.people = load_name_authority(config.name_authority) if config.name_authority else {}
        if self.people:
            super().prepare(records, config)

    def candidates(self, records: list[Record]) -> set[int] | None:
        return super().candidates(records) if self.people else set()

    def check(self, record_id: RecordId, record: Record) -> Iterable[Change]:
        if self.people:
            yield from super().check(record_id, record)

    def fix(self, name: Name):
        person = self.people.get(spelling_key(name.display()))
        if person is None or person == name:
            return None
        return person, f"name authority: {name.display()!r} is {person.display()!r}", 1.0
