"""Misspelt month names in BibTeX's `month` field (`septempber`, `septemer`, as the
ACL Anthology's file has them) read as the month they misspell.

The reader keeps a month it cannot read verbatim, and says so; this step reads
one that misspells exactly one English month name (`refmanager.io.bibtex.verbatim`
then puts it into the date, written back as the macro `sep`). A name is taken
only when no other month is near it: `ju` and `ma` start two months, `jule` is
one letter from both June and July, and a season, or text that is no month
(`TBA`, `aug 28th and 29th`), stays as written and reported.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from refmanager.changes import Change, verbatim_field
from refmanager.dates import parse_month
from refmanager.io.bibtex.tables import FOREIGN
from refmanager.io.bibtex.values import evaluate
from refmanager.io.bibtex.verbatim import MONTH
from refmanager.io.bibtex.year_month import month_macro
from refmanager.latex.decode import decode
from refmanager.model import Record, RecordId
from refmanager.normalize.pipeline import RecordStep

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")
_SEASON_NAMES = ("spring", "summer", "autumn", "fall", "winter")
# Shorter words are too ambiguous (`ma`, `ju`), and three letters are BibTeX's own macros.
_SHORTEST = 4
SURE = 0.95  # one letter off, or the start of one name: a fix
UNSURE = 0.75  # two letters off, one off but two from another, or four letters: suggested


# Letters inserted, deleted, replaced or swapped with a neighbour to make one word
# the other (the optimal string alignment distance).
_letters_apart = OSA.distance


@dataclass(frozen=True, slots=True)
class MonthGuess:
    """The month a misspelling stands for, how sure that is, and why."""

    number: int
    confidence: float
    reason: str


def month_of_misspelling(text: str) -> MonthGuess | None:
    """The month that `text` misspells or cuts short (`Septempber`, `Janu.`), if it
    can be only that one; None for a month BibTeX reads already, a season, or text
    that is no month or near more than one."""
    word = text.strip().rstrip(".").lower()
    if len(word) < _SHORTEST or not (word.isascii() and word.isalpha()) or parse_month(word):
        return None
    if any(_letters_apart(word, season) <= 1 for season in _SEASON_NAMES):
        return None
    long_enough = len(word) > _SHORTEST  # `marc` may be a name as well as a cut March
    starting = [number for number, name in enumerate(MONTH_NAMES, 1) if name.startswith(word)]
    if len(starting) == 1:
        return MonthGuess(starting[0], SURE if long_enough else UNSURE,
                          f"the start of {MONTH_NAMES[starting[0] - 1]}")
    (best, number), (runner_up, _) = sorted((_letters_apart(word, name), number)
                                            for number, name in enumerate(MONTH_NAMES, 1))[:2]
    if best > (1 if len(word) < 7 else 2) or runner_up == best:  # too far from any month, or as near two
        return None
    # `setember` is one letter from September but two from December: only suggested
    sure = best == 1 and runner_up > 2 and long_enough
    letters = "one letter" if best == 1 else f"{best} letters"
    return MonthGuess(number, SURE if sure else UNSURE, f"{letters} from {MONTH_NAMES[number - 1]}")


class FixMonthSpelling(RecordStep):
    """A misspelt month (`month = {septempber}`) read as the month it misspells."""

    def candidates(self, records: list[Record]) -> set[int]:
        return {position for position, record in enumerate(records)
                if MONTH in record.foreign.get(FOREIGN, ())}

    def check(self, record_id: RecordId, record: Record) -> Iterable[Change]:
        fields = record.foreign.get(FOREIGN, {})
        written = fields.get(MONTH)
        if written is None or "day" in fields or not _holds_a_year_alone(record):
            return  # no month kept verbatim, or a date it cannot simply join
        text = decode(evaluate(written, {}).text)
        guess = month_of_misspelling(text)
        if guess is not None:
            yield self.change(record_id, record, verbatim_field(MONTH), month_macro(guess.number),
                              f"month as written: {text!r}, {guess.reason}", guess.confidence)


def _holds_a_year_alone(record: Record) -> bool:
    date = record.dates.get("issued")
    return (date is not None and not (date.literal or date.season) and len(date.parts) == 1
            and len(date.parts[0]) == 1)
