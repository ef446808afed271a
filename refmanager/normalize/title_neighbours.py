"""Capitals in a title that its neighbours say are part of a name.

Some words are common words alone and parts of a proper noun beside others:
"United" and "States", "Cold" and "War", "March" and "May" (verbs as well as
months), "Southern" before "Caucasus". Sentence casing (APA) must keep their
capitals only there: "United States, March 1, 2020" and "the Cold War", but
"a united front" and "they march". A word is kept as the source writes it when:

* it is a capitalised compass word before a protected proper noun ("Southern
  Caucasus", "Central Asia");
* it belongs to a multiword name of the protected words, written with its
  capitals in the source ("Soviet Union", "Bosnia and Herzegovina");
* it is a capitalised month beside a day or a year ("March 1", "1 May", "May 2020").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Compass words that, capitalised before a proper noun, are part of a region's name.
_REGION_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                           "western", "central", "northeast", "northwest", "southeast", "southwest"})
_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december"})
_DAY_OR_YEAR = re.compile(r"(?:[12]?\d|3[01])(?:st|nd|rd|th)?|\d{4}")
# Lower-case words that may stand inside a multiword name ("Bosnia and Herzegovina").
_JOINING_WORDS = frozenset({"and", "of", "the", "de", "del", "la", "upon", "on"})


class WordRun:
    """The words of a piece of title text and what stands between them."""

    def __init__(self, text: str, matches: Sequence[re.Match]):
        self.words = [match.group() for match in matches]
        self.gaps = [text[left.end():right.start()] for left, right in zip(matches, matches[1:])]

    def spaced(self, start: int, end: int) -> bool:
        """Whether words start..end-1 stand apart by single spaces only."""
        return all(gap == " " for gap in self.gaps[start:end - 1])


def kept_by_neighbours(run: WordRun, protected, phrases: dict[str, set[tuple[str, ...]]]) -> set[int]:
    """The positions of the words whose case the source gives and the neighbours confirm.
    `protected.get(word)` finds a protected word; `phrases` holds the multiword names
    by their first word's case-folded form."""
    kept: set[int] = set()
    for position, word in enumerate(run.words):
        if position in kept or not word[:1].isupper():
            continue
        folded = word.casefold()
        if folded in phrases:
            kept.update(_phrase_at(run, position, phrases[folded]))
        if folded in _REGION_WORDS and _before_proper_noun(run, position, protected):
            kept.add(position)
        if folded in _MONTHS and _beside_a_date_number(run, position):
            kept.add(position)
    return kept


def _phrase_at(run: WordRun, start: int, candidates: set[tuple[str, ...]]) -> range:
    for phrase in sorted(candidates, key=len, reverse=True):
        end = start + len(phrase)
        words = run.words[start:end]
        if (len(words) == len(phrase) and run.spaced(start, end)
                and tuple(word.casefold() for word in words) == phrase
                and all(word[:1].isupper() or word in _JOINING_WORDS for word in words)):
            return range(start, end)
    return range(0)


def _before_proper_noun(run: WordRun, position: int, protected) -> bool:
    following = position + 1
    return (following < len(run.words) and run.gaps[position] == " "
            and run.words[following][:1].isupper() and protected.get(run.words[following]) is not None)


def _beside_a_date_number(run: WordRun, position: int) -> bool:
    after = position + 1 < len(run.words) and run.gaps[position] in (" ", "\u00a0") \
        and _DAY_OR_YEAR.fullmatch(run.words[position + 1].rstrip(".,"))
    before = position > 0 and run.gaps[position - 1] in (" ", "\u00a0") \
        and _DAY_OR_YEAR.fullmatch(run.words[position - 1].rstrip(".,"))
    return bool(after or before)
