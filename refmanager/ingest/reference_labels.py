"""Label a reference string: the shipped CRF model, or the rules when it cannot be used.

The model (`data/refparse.crfsuite`, trained by `scripts/train_refparse.py`) labels
each token; consecutive tokens with one label become a span with the exact text
they cover. Without `python-crfsuite` or the model file, `reference_rules` labels the
string instead, less well.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from refmanager.ingest.reference_containers import repair_containers, runs
from refmanager.ingest.reference_name_labels import repair_names
from refmanager.ingest.reference_publishers import repair_publishers
from refmanager.ingest.reference_rules import label_by_rules
from refmanager.ingest.reference_titles import repair_titles
from refmanager.ingest.reference_tokens import features, tokenize

MODEL_FILE = "refparse.crfsuite"


@lru_cache(maxsize=1)
def load_model():
    """The CRF tagger, opened once; None when the model or python-crfsuite is missing."""
    try:
        import pycrfsuite
    except ImportError:
        return None
    model = resources.files("refmanager.ingest") / "data" / MODEL_FILE
    if not model.is_file():
        return None
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return tagger


# A citation label that the model has seldom seen open a reference: letters in brackets
# (`[Krauss and Small 1991]`, `[HKOTY]`) or an alphabetic key (`PPS06.`, `W3C08.`).
_LEADING_KEY = re.compile(r"^(?:\[([^\]\d]*[^\W\d][^\]]{0,40})\]|([A-Z][A-Za-z]*\d?[A-Z]*\d{2}[a-z]?)\.)\s+(?=\S)")


def label(text: str) -> list[tuple[str, str]]:
    """(label, text) spans for a whitespace-normalised reference string; a citation label
    that opens it is cut off first, so that the model reads the reference as it learnt it."""
    key = _LEADING_KEY.match(text)
    if key:
        text = text[key.end():]
    tagger = load_model()
    spans = label_by_rules(text) if tagger is None else label_with_model(tagger, text)
    spans = repair_publishers(repair_titles(spans), text)
    return [("citation_number", key.group(1) or key.group(2))] + spans if key else spans


def label_with_model(tagger, text: str) -> list[tuple[str, str]]:
    tokens = tokenize(text)
    if not tokens:
        return []
    labels = _journal_abbreviations_whole(tokens, tagger.tag(features(tokens, text)))
    labels = repair_names(tokens, labels)
    labels = _part_numbers_end_the_title(tokens, labels)
    labels = _page_ranges_whole(tokens, labels)
    labels = repair_containers(tokens, labels)
    spans: list[tuple[str, str]] = []
    start = 0
    for index in range(1, len(tokens) + 1):
        if index == len(tokens) or labels[index] != labels[start]:
            if labels[start] != "other":
                end = _end_with_its_marks(labels[start], tokens, start, index)
                spans.append((labels[start], text[tokens[start].start:tokens[end - 1].end]))
            start = index
    return _title_cut_from_the_names(_title_left_in_authors(spans))


_INITIAL = re.compile(r"(?:^|\s)[A-Z]\.")
_VANCOUVER_NAME = r"[^\W\d][\w'’-]*(?:\s[^\W\d][\w'’-]*)*\s[A-Z]{1,3}"
_TITLE_AFTER_INITIALS = re.compile(rf"^((?:{_VANCOUVER_NAME},\s*)*{_VANCOUVER_NAME})\.\s+([A-Z][^.]*)$")
_NAME_WORDS = frozenset("and et al von van der den del della de da dos das du le la y".split())


def _has_common_word(text: str) -> bool:
    """A lower-case word that no name has: `power` in `Soft power`."""
    return any(len(word) >= 3 and word.islower() and word not in _NAME_WORDS
               for word in re.findall(r"\w+", text))


def _title_left_in_authors(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """`A. Salomaa, Formal languages, Academic Press`: a book title after initialled
    authors is often read as one more author; without a title, a last comma-separated
    piece with no initial, after names with initials, is the title."""
    labels = [label for label, _ in spans]
    if "title" in labels or "author" not in labels:
        return spans
    position = labels.index("author")
    sentence = _TITLE_AFTER_INITIALS.match(spans[position][1])
    if sentence and _has_common_word(sentence.group(2)):  # Vancouver "Kim HK, Lee J. Soft power"
        return (spans[:position] + [("author", sentence.group(1)), ("title", sentence.group(2))]
                + spans[position + 1:])
    pieces = spans[position][1].split(", ")
    if len(pieces) < 2 or not any(_INITIAL.search(piece) for piece in pieces[:-1]):
        return spans
    tail = pieces[-1]
    if _INITIAL.search(tail) or re.search(r"\bet\.? al|\band\b|&", tail) or not re.search(r"[a-z]{2}", tail):
        return spans
    return (spans[:position] + [("author", ", ".join(pieces[:-1])), ("title", tail)]
            + spans[position + 1:])


_READING_ORDER_NAME = re.compile(r"^(?:[A-Z][a-z]*\.\s?-?\s?)+[A-Z]")  # "E. W. Montroll", "J. -P. Serre"
_NAME_LIST_SEPARATOR = re.compile(r",\s+(?:and\s+|&\s+)?|\s+(?:and|&)\s+")


def _title_cut_from_the_names(spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """`E. W. Montroll, B. J. West, Fluctuation Phenomena, Elsevier`, `R. Bonnet and S. Shelah,
    On HCO spaces. An uncountable ...`: in a list of names written initials first, the
    first piece that reads as no name (no initial; a lower-case word that no name has, or
    four words) starts the title; it and what follows in the span go to the title, or
    before the title found after."""
    labels = [label for label, _ in spans]
    if "author" not in labels:
        return spans
    position = labels.index("author")
    names = spans[position][1]
    separators = list(_NAME_LIST_SEPARATOR.finditer(names))
    starts = [0] + [separator.end() for separator in separators]
    ends = [separator.start() for separator in separators] + [len(names)]
    for number, (start, end) in enumerate(zip(starts, ends)):
        piece = names[start:end]
        if _READING_ORDER_NAME.match(piece):
            continue
        if (number == 0 or _INITIAL.search(piece) or re.search(r"\bet\.?\s?al\b", piece)
                or not (_has_common_word(piece) or len(piece.split()) >= 4)):
            return spans  # "Riyasat Husain": a full name, not a title
        rest = spans[position + 1:]
        title = names[start:]
        if rest and rest[0][0] == "title":  # "On HCO spaces" before "An uncountable compact T2 space"
            title, rest = f"{title}. {rest[0][1]}", rest[1:]
        return spans[:position] + [("author", names[:ends[number - 1]]), ("title", title)] + rest
    return spans


_PART_NUMBER = re.compile(r"[IVX]{1,4}")


def _part_numbers_end_the_title(tokens: list, labels: list[str]) -> list[str]:
    """`Deformations of holomorphic maps. III, Math. Ann.`: the part number of a paper in
    a series belongs to its title; the model often starts the journal with it."""
    labels = list(labels)
    for start, end in runs(labels):
        if labels[start] != "container" or start < 2 or labels[start - 2] != "title":
            continue
        numerals = start
        while (numerals + 1 < end and _PART_NUMBER.fullmatch(tokens[numerals].text)
               and tokens[numerals + 1].text in ",."):
            numerals += 2
        if numerals > start:
            labels[start - 1:numerals] = ["title"] * (numerals - start) + ["other"]
    return labels


def _page_ranges_whole(tokens: list, labels: list[str]) -> list[str]:
    """`Ann. Statist. 27 1948--1973. MR1765624`: a last page that looks like a year may be
    read as the date, cutting the range, or left out (`pages 46--57`); a number right after
    pages and a dash, above the first page, ends the range, when it is not the only date."""
    labels = list(labels)
    for start, end in runs(labels):
        if labels[start] != "pages" or not tokens[end - 1].text.isdigit():
            continue
        last = end
        while last < len(tokens) and tokens[last].text in "-–—" and last - end < 2:
            last += 1
        if (last == end or last >= len(tokens) or labels[last] not in ("date", "other")
                or not tokens[last].text.isdigit() or int(tokens[last].text) <= int(tokens[end - 1].text)):
            continue
        date_elsewhere = any(label == "date" for index, label in enumerate(labels) if index != last)
        if labels[last] == "other" or date_elsewhere and (last + 1 == len(labels) or labels[last + 1] != "date"):
            labels[end:last + 1] = ["pages"] * (last + 1 - end)
    return labels


_ABBREVIATED_WORD = re.compile(r"[A-Z][a-z]{0,4}")


def _journal_abbreviations_whole(tokens: list, labels: list[str]) -> list[str]:
    """`Ap. J.`, `Phil. Trans.`: the model often starts the journal one abbreviation late,
    leaving `Ap.` to the title or to nothing; an abbreviation glued to its dot, just
    before a journal that starts with one, belongs to the journal."""
    labels = list(labels)
    for index in range(2, len(tokens)):
        if labels[index] != "container" or labels[index - 1] == "container":
            continue
        word, dot = tokens[index - 2], tokens[index - 1]
        if (dot.text == "." and dot.start == word.end and _ABBREVIATED_WORD.fullmatch(word.text)
                and _is_abbreviation(tokens, index)):
            labels[index - 2] = labels[index - 1] = "container"
    return labels


def _is_abbreviation(tokens: list, index: int) -> bool:
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return (_ABBREVIATED_WORD.fullmatch(tokens[index].text) is not None and following is not None
            and following.text == "." and following.start == tokens[index].end)


def _end_with_its_marks(label: str, tokens: list, start: int, end: int) -> int:
    """The model leaves punctuation between fields unlabelled (see the training script);
    give back to a field the marks that belong to it: the dot of a final initial or of
    `et al.`, a title's `?` or `!`, a bracket or quote that closes one opened inside."""
    inside = "".join(token.text for token in tokens[start:end])
    while end < len(tokens):
        mark, last = tokens[end].text, tokens[end - 1].text
        if mark == "." and label in ("author", "editor", "translator") and (
                len(last) <= 2 and last[:1].isupper() or last in ("al", "Jr", "Sr")):
            end += 1
        elif mark == "." and label == "container" and "." in inside and len(last) <= 6 and last.istitle():
            end += 1  # the last word of "ACM Trans. Program. Lang. Syst." is an abbreviation too
        elif mark in "?!" and label in ("title", "container"):
            end += 1
        elif mark == ")" and inside.count("(") > inside.count(")"):
            end += 1
        elif mark in "”»" and label == "title" and any(q in inside for q in "“«"):
            end += 1
        else:
            break
        inside += mark
    return end
