"""Sentence case for styles that print titles as stored (APA), from title-case input.

citeproc-js, and so our processor, prints an APA title exactly as the item holds
it, since Zotero's convention is to store titles in sentence case. BibTeX and RIS
files usually hold them in title case, so for a style that wants sentence case
the items from those formats are converted before the processor sees them
(biblatex-apa does the same). Which items is an option:

* None or False: none (the titles are printed as stored);
* True: the items read from BibTeX or RIS (`record.origin.format`), or from an
  article's front matter;
* "all": every item, CSL-JSON too.

APA 7 (6.17) puts the titles of works in sentence case (articles, books,
chapters, reports, web pages...) and keeps the names of periodicals in title
case; so `title` is converted, and `container-title` only where the container is
a book (a chapter's book, an encyclopedia). Legal items keep their names, and
an item in another language than English keeps its titles as stored.
Protected words (braces, the shipped list, the caller's, and those the input
itself teaches: see `protected_words_of`) keep their case.

Chicago's headline style (8.159) is the other way round: every word capitalised
but articles, prepositions and coordinating conjunctions inside the title. The
CSL styles ask for it with `text-case="title"`, which (in citeproc-js, and so
here) capitalises lower-case words but leaves a capitalised "To" or "With" of
title-case input alone; `headline=True` lowers those of the same titles first
(`normalize.titles.lower_function_words`: "How To Use Expressions With Numpy"
becomes "How to Use Expressions with Numpy") and leaves the rest to the style.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from refmanager import richtext
from refmanager.errors import InputError
from refmanager.io.bibtex.subtitles import SUBTITLE_OF, has_subtitle_field, joined, subtitles
from refmanager.model import Record
from refmanager.normalize.titles import MINOR_WORDS, learn_protected_words, lower_function_words, sentence_case

CHOICES = (None, False, True, "all")
#: The formats whose titles are taken to be in title case: BibTeX and RIS as a rule, and an
#: article's front matter, whose title is as the journal printed it (a title already in
#: sentence case is left as it is, so a journal that prints sentence case loses nothing).
TITLE_CASE_FORMATS = frozenset({"bibtex", "ris", "frontmatter"})
#: Types whose title is a name (a case, a statute, a journal), not a work's title.
_NAMES_NOT_TITLES = frozenset({"legal_case", "legislation", "bill", "regulation", "treaty",
                               "hearing", "periodical"})
#: Types whose container is a book, whose title APA puts in sentence case too.
_IN_A_BOOK = frozenset({"chapter", "entry", "entry-dictionary", "entry-encyclopedia"})
_ENGLISH_NAMES = frozenset({"english", "american", "british", "anglais", "englisch", "eng"})
_ONE_WORD_SPAN = re.compile(re.escape(richtext.NOCASE_OPEN) + r"([^\W\d_][\w'’-]*)"
                            + re.escape(richtext.SPAN_CLOSE))


def applies_to(choice: bool | str | None, entry: Record | dict) -> bool:
    """Whether a choice (as above) takes in this entry: True the records read from
    BibTeX or RIS, "all" every one."""
    if not choice:
        return False
    if choice == "all":
        return True
    origin = entry.origin if isinstance(entry, Record) else None
    return origin is not None and origin.format in TITLE_CASE_FORMATS


def check_choice(choice, option: str = "sentence_case") -> None:
    """A choice of `option` (sentence_case, short_titles) is one of CHOICES."""
    if choice not in CHOICES:
        raise InputError(f"{option} must be one of None, False, True or 'all', not {choice!r}")


@dataclass(frozen=True, slots=True)
class SentenceCasing:
    """Which items to convert (`choice`, as above), and the words that keep their case."""

    choice: bool | str | None
    protected: frozenset[str] = frozenset()
    headline: bool = False  # for Chicago's headline style instead (lower_function_words)

    def applies_to(self, entry: Record | dict) -> bool:
        return applies_to(self.choice, entry)

    def convert(self, item: dict) -> dict:
        """The CSL item with its work's titles in sentence case (changed in place)."""
        item_type = item.get("type", "")
        if item_type in _NAMES_NOT_TITLES or not _in_english(item):
            return item
        fields = ("title", "container-title") if item_type in _IN_A_BOOK else ("title",)
        recase = lower_function_words if self.headline else sentence_case
        for name in fields:
            if isinstance(item.get(name), str) and item[name]:
                item[name] = recase(item[name], self.protected)
        return item


def _in_english(item: dict) -> bool:
    """Whether the item's language is English or unsaid: casing rules are English
    ones (CSL applies its title case to English items only; German nouns keep
    their capitals in any case)."""
    language = str(item.get("language") or "").strip().lower()
    return not language or language.startswith("en") or language in _ENGLISH_NAMES


def protected_words_of(titles: Iterable[str]) -> set[str]:
    """The words the input itself protects: those written capitalised mid-title in
    several sentence-case titles (`learn_protected_words`), and single words a
    BibTeX file put in braces (`{Putin}`), which hold in its other titles too."""
    titles = [title for title in titles if title]
    braced = {match.group(1) for title in titles if richtext.NOCASE_OPEN in title
              for match in _ONE_WORD_SPAN.finditer(title)}
    braced = {word for word in braced if word[:1].isupper() and word.lower() not in MINOR_WORDS}
    return braced | learn_protected_words(richtext.plain(title) for title in titles)


def sentence_casing(entries: list[Record | dict], choice, protected_words: Iterable[str] = (),
                    headline: bool = False) -> SentenceCasing:
    """The casing for these entries (sentence case, or with `headline` Chicago's
    headline style): the caller's protected words with those the entries teach
    (learned only when some entry is converted)."""
    check_choice(choice, "title_case" if headline else "sentence_case")
    casing = SentenceCasing(choice, headline=headline)
    if not any(casing.applies_to(entry) for entry in entries):
        return casing
    titles = [_title_as_converted(entry) for entry in entries]
    return SentenceCasing(choice, frozenset(protected_words) | protected_words_of(titles), headline)


def _title_as_converted(entry: Record | dict) -> str:
    """The title that will be converted: a biblatex subtitle joined to it, as the item
    holds it, so that a BibTeX file teaches the words it would teach as RIS."""
    if isinstance(entry, dict):
        return str(entry.get("title") or "")
    if not has_subtitle_field(entry):
        return entry.title
    found = subtitles(entry)
    return joined(entry.title, next((text for name, text in found.items()
                                     if SUBTITLE_OF[name.lower()] == "title"), ""))
