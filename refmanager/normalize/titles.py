"""Titles: sentence case and title case with protected words (clean text: title_text.py).

`sentence_case` (APA) and `title_case` (Chicago's headline style) work on the
model's rich text: tags are kept, and nocase spans (a BibTeX `{DNA}`) are never
changed. A word keeps its case when it is protected (the shipped list in
data/protected_words.txt, the configuration's `protected-words`, or words learned
from the file: capitalised in the middle of sentence-case titles across records),
or when its case is deliberate: an acronym (`NATO`), inner capitals or digits
(`iPhone`, `McDonald`, `COVID-19`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from refmanager import richtext
from refmanager.changes import Change
from refmanager.model import Record, RecordId
from refmanager.normalize.config import NormalizeConfig
from refmanager.normalize.pipeline import RecordStep
from refmanager.normalize.title_neighbours import WordRun, kept_by_neighbours
from refmanager.normalize.word_trie import longest_word_pattern

#: Chicago 8.159: articles, coordinating conjunctions and prepositions stay lower case in headlines.
MINOR_WORDS = frozenset({
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
    "or", "over", "per", "so", "than", "the", "to", "up", "upon", "via", "vs", "vs.", "with", "yet",
})
LEARNED_FROM_RECORDS = 3  # a word capitalised mid-title in this many records is a proper noun
_WORD = re.compile(r"[^\W_][\w'’\-.]*", re.UNICODE)
# What may stand before the first word of a title or of a subtitle: nothing, or a colon,
# an em dash or end punctuation (APA 7, 6.17), each with the quotes and brackets that
# close or open around it ("Why “Soft Power” Isn’t...", "Friendship?” Russian...); a
# spaced hyphen, en dash or bar is a subtitle's dash typed otherwise ("Crowdwork - A Study").
_SENTENCE_START = re.compile(r"(?:^|[:?!.][”’\"')\]]*\s|—|\s[-–|]\s)\s*[“‘\"'(\[¿¡]*$")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:\w\.)+$|(?:^|\s)(?:vs|e\.g|i\.e|etc|Dr|Mr|Mrs|Ms|St|No|Vol)\.$")
_SUBTITLE_BREAK = re.compile(r"[:?!][”’\"')\]]*\s|—|\s[-–|]\s|\.\s")
_WORD_RUN = re.compile(r"\w+")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
_NOCASE_SPAN = re.compile(re.escape(richtext.NOCASE_OPEN) + r".*?" + re.escape(richtext.SPAN_CLOSE))


@lru_cache(maxsize=1)
def shipped_protected_words() -> frozenset[str]:
    text = resources.files("refmanager.normalize").joinpath("data/protected_words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _deliberate(word: str, all_capitals: bool) -> bool:
    """A word whose case says something: an acronym, inner capitals, digits."""
    # str methods first, in C, for the usual word: letters only, lower case after the first
    if not word.isalpha() and any(char.isdigit() for char in word):
        return True
    inner = word[1:]
    # NATO, iPhone, McDonald
    return not all_capitals and not inner.islower() and any(char.isupper() for char in inner)


def _starts_sentence(before: str) -> bool:
    """Whether a word after this text starts the title or a subtitle."""
    if not _SENTENCE_START.search(before):
        return False
    stem = before.rstrip("“‘\"'([¿¡ \t”’)]")
    return not (stem.endswith(".") and _ABBREVIATION.search(stem))  # "U.S. policy", "vs. them"


class _ProtectedWords:
    """Protected words found by their case-folded form; a possessive is the word's
    ("Putin’s" is Putin). An acronym (NATO, WHO) is matched in another case only in
    a title whose case says nothing (all lower case or all capitals): elsewhere
    "Who" is the pronoun."""

    def __init__(self, by_fold: dict[str, str], caseless_title: bool = True):
        self.by_fold = by_fold  # case-folded word -> the word (see `_folded_with_shipped`)
        self.spellings = getattr(by_fold, "spellings", {})  # a `_Folded`'s words spelt more ways than one
        self.caseless_title = caseless_title

    def get(self, word: str) -> str | None:
        stem = _POSSESSIVE.sub("", word)
        found = self.by_fold.get(stem.casefold())
        if found is not None and found != stem and stem in self.spellings.get(stem.casefold(), ()):
            found = stem  # one of the word's own protected spellings: kept as written
        if found is None and stem.endswith("s") and stem[:1].isupper():  # Americans, Scandinavians
            found = self.by_fold.get(stem[:-1].casefold())
            stem, found = (stem[:-1], found) if found and not found.isupper() else (stem, None)
        if found is None:
            return None
        if found.isupper() and len(found) > 1 and stem != found and not self.caseless_title:
            return None
        return found + word[len(stem):]


def _folded_with_shipped(protected_words: Iterable[str]) -> dict[str, str]:
    """The protected words and the shipped ones, by case-folded form. A frozenset
    (a corpus's learned words, passed for every title) is folded once."""
    if isinstance(protected_words, frozenset):
        return _folded_frozen(protected_words)
    return _fold(set(protected_words) | shipped_protected_words())


@lru_cache(maxsize=8)
def _folded_frozen(protected_words: frozenset[str]) -> dict[str, str]:
    return _fold(protected_words | shipped_protected_words())


class _Folded(dict):
    """Protected words by case-folded form, and the multiword names among them
    ("united states") by their first word, for `title_neighbours`. Where two
    spellings fold alike (`SYSTRAN` written in braces, `Systran` learned), each
    is kept as a title writes it, and the one with more capitals stands for both
    elsewhere: the same whatever order the set gives them in."""

    def __init__(self, words: Iterable[str]):
        super().__init__()
        self.spellings: dict[str, frozenset[str]] = {}  # only the folded forms spelt more ways than one
        for word in words:
            folded = word.casefold()
            known = self.setdefault(folded, word)
            if known != word:
                spellings = self.spellings.get(folded, frozenset((known,))) | {word}
                self.spellings[folded] = spellings
                self[folded] = min(spellings, key=_capitals_first)
        self.phrases: dict[str, set[tuple[str, ...]]] = {}
        for folded in self:
            if " " in folded:
                parts = tuple(folded.split())
                self.phrases.setdefault(parts[0], set()).add(parts)


def _capitals_first(word: str) -> tuple[int, str]:
    return -sum(map(str.isupper, word)), word


def _fold(words: Iterable[str]) -> "_Folded":
    return _Folded(words)


def _recase(title: str, by_fold: dict[str, str], word_case, whole: str | None = None) -> str:
    """The title's words recased by `word_case`, protected words kept; `whole` is the
    title this text is part of, whose capitals (or lack of them) say how it was typed."""
    plain = richtext.plain(whole or title)
    all_capitals = plain.isupper()
    words = _ProtectedWords(by_fold, all_capitals or plain.islower())
    pieces = richtext.split(title)
    depth_nocase, before, out = 0, "", []
    last_words = max((index for index in range(0, len(pieces), 2) if _WORD.search(pieces[index])), default=0)
    for index, piece in enumerate(pieces):
        if index % 2:  # a tag
            if piece.startswith("<span"):
                depth_nocase += 1 if piece == richtext.NOCASE_OPEN or depth_nocase else 0
            elif piece == richtext.SPAN_CLOSE and depth_nocase:
                depth_nocase -= 1
            out.append(piece)
            continue
        if depth_nocase:
            out.append(piece)
        else:
            out.append(_recase_text(piece, words, all_capitals, word_case, before, index == last_words))
        before = (before + piece)[-12:]  # enough to tell what the next piece's first word follows
    return "".join(out)


def _recase_text(text: str, words: _ProtectedWords, all_capitals: bool, word_case, before: str,
                 holds_last_word: bool) -> str:
    out, last = [], 0
    matches = list(_WORD.finditer(text))
    kept = kept_by_neighbours(WordRun(text, matches), words, words.by_fold.phrases) if len(matches) > 1 else ()
    for number, match in enumerate(matches):
        word = match.group()
        out.append(text[last:match.start()])
        if number in kept:
            out.append(word)
        else:
            first = _starts_sentence(before + text[:match.start()])
            is_last = holds_last_word and number == len(matches) - 1
            out.append(_recase_word(word, words, all_capitals, word_case, first, is_last))
        last = match.end()
    out.append(text[last:])
    return "".join(out)


def _recase_word(word: str, words: _ProtectedWords, all_capitals: bool, word_case, first: bool,
                 is_last: bool, in_compound: bool = False) -> str:
    kept = words.get(word)
    if kept is not None:
        return kept
    if word_case is not _title_word and "-" in word.strip("-"):
        # each part of a compound tells its own case: "Real-Time" is two words, not "iPhone";
        # "COVID-19", "E-Deficient" and "Delphinidin-3-Glucoside" keep only the parts that say so
        return "-".join(_recase_word(part, words, all_capitals, word_case, first and place == 0,
                                     is_last, True) if part else part
                        for place, part in enumerate(word.split("-")))
    if _deliberate(word, all_capitals) or (word.isupper() and (len(word) > 1 or in_compound)
                                           and not all_capitals):
        return word
    return word_case(word, first, is_last)


def _sentence_word(word: str, first: bool, last: bool) -> str:
    lower = word.lower()
    return lower[:1].upper() + lower[1:] if first else lower


def _first_word_capitalised(word: str, first: bool, last: bool) -> str:
    return word[:1].upper() + word[1:] if first else word


def _title_word(word: str, first: bool, last: bool) -> str:
    lower = word.lower()
    if lower in MINOR_WORDS and not first and not last:
        return lower
    return "-".join(part[:1].upper() + part[1:] for part in lower.split("-"))


def lower_function_words(title: str, protected_words: Iterable[str] = ()) -> str:
    """Title-case input with its capitalised articles, conjunctions and prepositions
    lowered inside the title ("How To Use ... With Numpy" → "How to Use ... with
    Numpy"), every other word as written: for CSL's title case, which capitalises
    but never lowers. A title in capitals is left whole for it to recase."""
    if richtext.plain(title).isupper():
        return title
    return _recase(title, _folded_with_shipped(protected_words), _function_word_lowered)


# Chicago 8.159's lower-case words that are hardly ever anything else ("so", "yet",
# "up" and "over" are adverbs too often: "Isn't So Soft", "Grow Up").
_FUNCTION_WORDS = frozenset({"a", "an", "the", "and", "but", "for", "nor", "or", "as", "at", "by",
                             "from", "in", "into", "of", "on", "onto", "to", "via", "with", "about"})


def _function_word_lowered(word: str, first: bool, last: bool) -> str:
    lower = word.lower()
    return lower if lower in _FUNCTION_WORDS and not first and not last else word


def sentence_case(title: str, protected_words: Iterable[str] = ()) -> str:
    """The title in sentence case: the first word (and the first after a colon, an
    em dash or end punctuation) capitalised, the rest lower case, protected and
    deliberately cased words kept.

    A title already in sentence case keeps its words as they are (its capitals
    are proper nouns: "a Western construct"); only the first words are capitalised.
    """
    by_fold = _folded_with_shipped(protected_words)
    if not _in_sentence_case(title, by_fold):
        return _recase(title, by_fold, _sentence_word)
    if split := _title_case_head(title, by_fold):
        head, rest = split
        return (_recase(head, by_fold, _sentence_word, whole=title)
                + _recase(rest, by_fold, _first_word_capitalised, whole=title))
    return _recase(title, by_fold, _first_word_capitalised)


def _title_case_head(title: str, by_fold: dict[str, str]) -> tuple[str, str] | None:
    """A main title in title case before a subtitle in sentence case, split after the
    subtitle's mark: biblatex keeps the two in fields of their own, often typed (or
    imported) each in its own case ("Research Ethics in the Facebook Era" and
    "Privacy, anonymity, and oversight"). None when the title is not so made."""
    if "<" in title or not (mark := _SUBTITLE_BREAK.search(title)):
        return None
    head = title[:mark.end()]
    content = _telling_content_words(head, by_fold)
    if len(content) < 2 or not all(word[:1].isupper() for word in content):
        return None
    # a lower-case "of" or "the" among the capitals shows title case; without one,
    # the capitals may all be a name's ("West Virginia State Police Investigation")
    if not any(word in MINOR_WORDS for word in _words_inside(head)):
        return None
    return head, title[mark.end():]


def is_sentence_case(title: str, protected_words: Iterable[str] = ()) -> bool:
    """Whether a title is written in sentence case: at most half of the words whose
    case tells (not minor, not first in a title or subtitle, not protected, not an
    acronym or a word like iPhone or COVID-19) are capitalised. Capitals are not."""
    return _in_sentence_case(title, _fold(protected_words))


def _in_sentence_case(title: str, by_fold: dict[str, str]) -> bool:
    text = richtext.plain(_NOCASE_SPAN.sub(" ", title)) if "<" in title else title
    if text.isupper():
        return False
    content = _telling_content_words(text, by_fold)
    return sum(word[:1].isupper() for word in content) <= len(content) / 2


def _telling_content_words(text: str, by_fold: dict[str, str]) -> list[str]:
    """The words of a plain title whose case tells how it is written: not first in a
    title or subtitle, not minor, protected, deliberately cased or an acronym."""
    protected = _ProtectedWords(by_fold, caseless_title=False)
    return [word for word in _words_inside(text) if protected.get(word) is None and not _deliberate(word, False)
            and not (word.isupper() and len(word) > 1) and word.lower() not in MINOR_WORDS]


def title_case(title: str, protected_words: Iterable[str] = ()) -> str:
    """The title in headline case (Chicago 8.159): every word capitalised but articles,
    conjunctions and prepositions inside the title; protected words kept."""
    return _recase(title, _folded_with_shipped(protected_words), _title_word)


def learn_protected_words(titles: Iterable[str], minimum: int = LEARNED_FROM_RECORDS) -> set[str]:
    """Words written capitalised in the middle of sentence-case titles in at least
    `minimum` titles, and never in lower case there: proper nouns and adjectives."""
    return count_title_words(titles).protected(minimum)


@dataclass(slots=True)
class TitleWords:
    """What `learn_protected_words` counts: in how many sentence-case titles each word is
    capitalised inside the title, and the words found there in lower case. The counts
    of the parts of a file add up to the file's (`refmanager.clean_parts`)."""

    capitalised: Counter = field(default_factory=Counter)
    lowered: set[str] = field(default_factory=set)

    def add(self, other: TitleWords) -> None:
        self.capitalised.update(other.capitalised)
        self.lowered |= other.lowered

    def protected(self, minimum: int = LEARNED_FROM_RECORDS) -> set[str]:
        lowered = self.lowered
        return {word for word, count in self.capitalised.items() if count >= minimum and word.lower() not in lowered}


def count_title_words(titles: Iterable[str]) -> TitleWords:
    """The words of the titles that `learn_protected_words` learns from, counted."""
    counts = TitleWords()
    capitalised, lowered = counts.capitalised, counts.lowered
    for title in titles:
        # a word that starts a title or a subtitle is capitalised whatever it is
        text = richtext.plain(title)
        words = _words_inside(text)
        if len(words) < 3:
            continue
        if "'" in text or "’" in text:  # only then can a word end in a possessive
            words = [_POSSESSIVE.sub("", word) for word in words]
        if not _is_sentence_case(words):
            continue
        for word in set(words):
            if word[:1].isupper() and not word.isupper():
                capitalised[word] += 1
            elif word.islower():
                lowered.add(word)
    return counts


# FixTitleCase and ProtectTitleWords learn from the same titles in one run: the last
# answer is kept with its titles (comparing them costs little: mostly the same strings).
_last_learned: tuple[tuple[str, ...], frozenset[str]] = ((), frozenset())


def _learned_from(records: list[Record], config: NormalizeConfig) -> frozenset[str]:
    """`learn_protected_words` over the records' titles, learned once for the same titles;
    the whole file's, where the steps are prepared on a part of it (`config.learned_words`)."""
    global _last_learned
    if config.learned_words is not None:
        return config.learned_words
    titles = tuple(record.title for record in records if record.title)
    if titles != _last_learned[0] or not titles:
        _last_learned = titles, frozenset(learn_protected_words(titles))
    return _last_learned[1]


def _words_inside(text: str) -> list[str]:
    """The words of a plain title but the first of the title and of each subtitle,
    which are capitalised whatever they are."""
    return [word for part in _SUBTITLE_BREAK.split(text) for word in _WORD.findall(part)[1:]]


def _is_sentence_case(words: list[str]) -> bool:
    content = capitalised = 0
    for word in words:  # one loop: this runs for every title of a file
        if word.lower() not in MINOR_WORDS:
            content += 1
            capitalised += word[:1].isupper()
    return content > 0 and capitalised <= content / 2


# ---------------------------------------------------------------- steps

class FixTitleCase(RecordStep):
    """A title typed in capitals suggested in title case, keeping protected words
    (the acronyms of an all-capitals title cannot be told apart, hence a suggestion)."""

    def prepare(self, records: list[Record], config: NormalizeConfig) -> None:
        self.protected = set(config.protected_words) | _learned_from(records, config)

    def candidates(self, records: list[Record]) -> set[int]:
        return {position for position, record in enumerate(records) if _in_capitals(record.title)}

    def check(self, record_id: RecordId, record: Record) -> Iterable[Change]:
        plain = richtext.plain(record.title)  # `record.plain("title")`, without its lookups
        if len(plain) > 12 and plain.isupper():
            new = title_case(record.title, self.protected)
            yield self.change(record_id, record, "title", new, "title in capitals", 0.8)


def _in_capitals(title: str) -> bool:
    """The test of FixTitleCase.check: a title of more than 12 characters, all capitals."""
    plain = richtext.plain(title) if "<" in title else title
    return len(plain) > 12 and plain.isupper()


class ProtectTitleWords(RecordStep):
    """Protected words in titles put in nocase spans (BibTeX braces), so that styles
    that lower-case titles keep them. Off unless enabled: it rewrites many titles."""

    on_by_default = False

    def prepare(self, records: list[Record], config: NormalizeConfig) -> None:
        words = set(config.protected_words) | shipped_protected_words() | _learned_from(records, config)
        # Of the words at a position, the longest that a non-word character follows.
        self.pattern = re.compile(r"(?<![\w>])(" + longest_word_pattern(words) + r")(?![\w<])") if words else None
        # A protected word can only be found where the title has a run of word characters
        # that is the word's first run: a set lookup rules out most titles without a search
        # of every protected word (None: some word starts with no word character).
        first_runs = [_WORD_RUN.match(word) for word in words]
        self.first_runs = None if not all(first_runs) else frozenset(run.group() for run in first_runs)

    def candidates(self, records: list[Record]) -> set[int] | None:
        if self.pattern is None:
            return set()
        first_runs, word_runs = self.first_runs, _WORD_RUN.findall
        if first_runs is None:
            return None
        return {position for position, record in enumerate(records)
                if record.title and not first_runs.isdisjoint(word_runs(record.title))}

    def check(self, record_id: RecordId, record: Record) -> Iterable[Change]:
        if not record.title or self.pattern is None:
            return
        if self.first_runs is not None and self.first_runs.isdisjoint(_WORD_RUN.findall(record.title)):
            return
        pieces = richtext.split(record.title)
        depth, out = 0, []
        for index, piece in enumerate(pieces):
            if index % 2:
                depth += (piece == richtext.NOCASE_OPEN or (depth and piece.startswith("<span"))) - (
                    piece == richtext.SPAN_CLOSE and depth > 0)
                out.append(piece)
            else:
                out.append(piece if depth else self.pattern.sub(lambda m: richtext.protect(m.group(1)), piece))
        new = "".join(out)
        if new != record.title:
            yield self.change(record_id, record, "title", new, "protected words", 0.9)
