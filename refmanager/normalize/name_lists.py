"""Repair author lists split between family names and initials.

Citation strings segmented by a program (the Cora set of ../shared/bench/dedupe
is made of them) reach us with their author lists broken in three ways:

- split at every comma: "Freund, Y., and Schapire, R. E." read as four names,
  "Freund", "Y.", "Schapire", "R. E."; each family name is joined again with
  the initials that follow it;
- all in lower case, so that BibTeX's "First von Last" rule reads every word
  before the family name as a particle ("y. freund": particle "y."); the words
  that are not particles (initials, given names) go back to the given name, and
  in "freund y" (family name first, no comma) the initials are the given name;
- ending in "et al.", read as a name whose family is "al."; it becomes the
  list's "others".

MEDLINE's order without a comma, "Akita K." (sr_diabetes writes 11,215 of its
12,138 names so), is read by the same rule as given "Akita", family "K.": the
family name before the initials is given back too.

Each repair fires only on a shape no real name has (a name that is initials
alone, a "particle" that is an initial or a given name, a family "al." or "K."),
so a list that is already well formed comes back unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from refmanager.io.bibtex.names import OTHERS  # the list's "and others", as the reader writes it
from refmanager.model import Name
from refmanager.normalize.name_parts import PARTICLES

# One initial, or several run together with their full stops: "y", "y.", "h.s.", "j.-p.".
# Two letters without stops are a family name as often ("ng", "li"): not initials.
_INITIAL_WORD = re.compile(r"^(?:[^\W\d_]\.?|(?:[^\W\d_]\.-?){1,3}[^\W\d_]?\.?)$")
_SINGLE_INITIAL = re.compile(r"^[^\W\d_]\.?$")
_DOTTED_INITIALS = re.compile(r"^(?:[^\W\d_]\.-?){1,3}$")  # "K.", "H.S.", "J.-P."


@dataclass(frozen=True, slots=True)
class NameListRepair:
    """An author list after repair, and which repairs it took (empty: none)."""

    names: tuple[Name, ...]
    # "initials rejoined", "given names read as particles", "family name before initials", "et al."
    rules: tuple[str, ...]


def repair_name_list(names: Sequence[Name]) -> NameListRepair:
    """The list with each family name joined to the initials split off after it,
    given names taken back from particles, family names from before initials, and
    a trailing "et al." read as such."""
    rules: list[str] = []
    repaired = _rejoin_initials(names, rules)
    repaired = _end_et_al(repaired, rules)
    repaired = [_family_from_given(_given_from_particle(name, rules), rules) for name in repaired]
    return NameListRepair(tuple(repaired), tuple(dict.fromkeys(rules)))


def is_initials_only(name: Name) -> bool:
    """A "name" that is initials alone ("Y.", "R. E"): the tail of a name split at its comma."""
    if name.literal or name.given or name.suffix:
        return False
    words = f"{name.non_dropping_particle} {name.family}".split()
    return bool(words) and all(_INITIAL_WORD.match(word) for word in words)


def _is_family_only(name: Name) -> bool:
    return bool(name.family) and not (name.given or name.literal or name.suffix) \
        and not is_initials_only(name) and _particle_is_real(name.non_dropping_particle)


def _rejoin_initials(names: Sequence[Name], rules: list[str]) -> list[Name]:
    repaired: list[Name] = []
    for name in names:
        if repaired and is_initials_only(name) and _is_family_only(repaired[-1]):
            initials = " ".join(filter(None, (name.non_dropping_particle, name.family)))
            repaired[-1] = replace(repaired[-1], given=initials)
            rules.append("initials rejoined")
        else:
            repaired.append(name)
    return repaired


def _end_et_al(names: list[Name], rules: list[str]) -> list[Name]:
    """ "m. kearns et al." read as a name with family "al." and particle "m. kearns et"."""
    if not names:
        return names
    last = names[-1]
    words = last.non_dropping_particle.split()
    if last.family.rstrip(".").lower() != "al" or not words or words[-1].lower() != "et":
        return names
    rules.append("et al.")
    before = words[:-1]
    if not before:
        return names[:-1] + [OTHERS]
    # The words before "et" are a name in reading order: the last one is its family.
    return names[:-1] + [Name(family=before[-1], given=" ".join(before[:-1])), OTHERS]


def _given_from_particle(name: Name, rules: list[str]) -> Name:
    """ "yoav freund", "m. j. kearns" in lower case: the leading words that are not
    particles are the given name ("ludwig van beethoven": "ludwig", then "van")."""
    if name.given or not name.non_dropping_particle or _particle_is_real(name.non_dropping_particle):
        return name
    words = name.non_dropping_particle.split()
    if _INITIAL_WORD.match(name.family):
        return _family_before_initials(name, words, rules)
    given = 0
    while given < len(words) and not _is_particle_word(words[given]):
        given += 1
    if not given:  # a particle first ("van ludwig"): not a given name read as one
        return name
    rules.append("given names read as particles")
    return replace(name, given=" ".join(words[:given]), non_dropping_particle=" ".join(words[given:]))


def _family_before_initials(name: Name, words: list[str], rules: list[str]) -> Name:
    """ "freund y", "seung h.s" (family name, then initials, no comma) read as a
    particle "freund" and a family "y": the words before the initials are the family
    name (with its own particles), the initials the given name."""
    family_end = len(words)
    while family_end and _INITIAL_WORD.match(words[family_end - 1]):
        family_end -= 1
    family, initials = words[:family_end], words[family_end:] + [name.family]
    particles = 0
    while particles < len(family) - 1 and _is_particle_word(family[particles]):
        particles += 1
    if not family or _is_particle_word(family[-1]):
        return name  # initials alone, or only particles: nothing to read back
    rules.append("family name before initials")
    return replace(name, family=" ".join(family[particles:]), given=" ".join(initials),
                   non_dropping_particle=" ".join(family[:particles]))


def _family_from_given(name: Name, rules: list[str]) -> Name:
    """ "Akita K.", "Quinlan J. R" (family name, then initials, no comma: MEDLINE's
    order) read by BibTeX's "First Last" rule as given "Akita", family "K.": the
    initials are the given name. Only initials with full stops or a lone letter count
    (no one's family name is "K."; "MA" may be Ma in capitals)."""
    if not name.given or name.non_dropping_particle or name.literal or name.suffix:
        return name
    if not _SINGLE_INITIAL.match(name.family) and not _DOTTED_INITIALS.match(name.family):
        return name
    words = name.given.split()
    family_end = len(words)
    while family_end and _INITIAL_WORD.match(words[family_end - 1]):
        family_end -= 1
    if family_end != 1:
        # "J. K": initials only, in either order; "Aha David W" may be Aha, David W. or
        # David W. Aha's given names first: only one word before the initials is sure.
        return name
    rules.append("family name before initials")
    return replace(name, family=" ".join(words[:family_end]), given=" ".join(words[family_end:] + [name.family]))


def _particle_is_real(particle: str) -> bool:
    return all(_is_particle_word(word) for word in particle.split())


def _is_particle_word(word: str) -> bool:
    # A lone letter is read as an initial ("a smith" is A. Smith), though "a" and "v"
    # are particles too: in a lower-case byline the initial is far the likelier.
    return word.lower() in PARTICLES and not _SINGLE_INITIAL.match(word)
