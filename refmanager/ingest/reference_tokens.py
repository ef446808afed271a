"""A reference string as tokens, and each token's features for the sequence labeller.

Tokens are words, numbers and single punctuation marks (a URL or DOI stays one
token), each with its offsets in the string, so a run of labelled tokens maps back to
the exact text it covers. The features are what the CRF sees: the word, its shape
and case, digits, punctuation, where it sits in the string, and a few small
lexicons. Training (`scripts/train_refparse.py`) and parsing share this module, so
the two can never disagree on what a token or a feature is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"(?:https?://|www\.)[^\s<>\"]+"  # URLs
    r"|(?:doi:\s*)?10\.\d{4,9}/[^\s<>\"]+"  # DOIs
    r"|['’‘]\d\d\b"  # a year in two digits: Supercomputing '95
    r"|[´¨˜ˆ`]?[^\W_]+(?:(?:['’‐-]|[´¨˜ˆ`]\s?)[^\W_]+)*[´¨]?"  # words and numbers; O'Hare,
    # l’État, Real-Time, 153-60 whole, and PDF-extracted accents such as Calder´on, Andr´ e
    r"|\S",  # any other mark on its own
    re.UNICODE,
)
_TRAILING_PUNCTUATION = ".,;:)]}>'\"”’"

MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec spring summer autumn fall winter".split())
# Words that say "this is a venue" (journal, proceedings), "this is a publisher", an
# editor, a page or volume marker, in the languages of the bench sets.
VENUE_WORDS = frozenset(
    "journal journals proceedings proc conference conf symposium workshop review reviews "
    "transactions trans letters lett bulletin annals annual magazine quarterly studies "
    "international int'l international national acta revue zeitschrift rivista revista "
    "jahrbuch archiv archives science research phys physical rev j".split())
PUBLISHER_WORDS = frozenset(
    "press university publishers publishing verlag books editions edizioni wiley springer "
    "elsevier routledge sage academic inc ltd co company institute".split())
EDITOR_WORDS = frozenset("ed eds editor editors edited hrsg hg hgg dir coord trans translated".split())
MARKER_WORDS = frozenset("pp p pages page vol vols volume no nos number nr issue art article".split())
CONNECTIVES = frozenset("and & und et y e in of the".split())


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """The tokens of a reference string, with their offsets."""
    tokens = []
    for match in _TOKEN.finditer(text):
        word, start = match.group(), match.start()
        if len(word) > 1 and (word[0] in "hw1d") and ("/" in word or word.startswith("www.")):
            kept = word.rstrip(_TRAILING_PUNCTUATION)  # "https://x.org/a." ends the sentence
            tokens.append(Token(kept, start, start + len(kept)))
            tokens.extend(Token(mark, start + len(kept) + i, start + len(kept) + i + 1)
                          for i, mark in enumerate(word[len(kept):]))
        else:
            tokens.append(Token(word, start, match.end()))
    return tokens


def shape(word: str) -> str:
    """The word's shape with runs collapsed: `Smith` -> `Xx`, `1999` -> `d`, `J` -> `X`."""
    mapped = re.sub(r"[A-ZÀ-ÞĀ-Ž]", "X", word)
    mapped = re.sub(r"[^\WX\d_]", "x", mapped)
    mapped = re.sub(r"\d", "d", mapped)
    return re.sub(r"(.)\1+", r"\1", mapped)


def _word_features(token: Token) -> dict[str, float | str]:
    word = token.text
    lower = word.lower()
    features: dict[str, float | str] = {
        "w": lower, "shape": shape(word), "p3": lower[:3], "s3": lower[-3:],
        "len": str(min(len(word), 8)),
    }
    if word[:1].isupper():
        features["cap"] = 1.0
    elif word.isalpha() and word.islower():
        features["lower"] = 1.0
    if word.isupper() and len(word) > 1:
        features["caps"] = 1.0
    if word.isdigit():
        features["digits"] = str(min(len(word), 5))
        if len(word) == 4 and 1500 <= int(word) <= 2099:
            features["year"] = 1.0
    if re.fullmatch(r"['’‘]\d\d", word):
        features["short_year"] = 1.0
    if re.fullmatch(r"(?:1[5-9]|20)\d\d[a-z]", word):
        features["year_letter"] = 1.0
    if word.startswith(("http", "www.")):
        features["url"] = 1.0
    if "10." in word and "/" in word:
        features["doi"] = 1.0
    for name, lexicon in (("month", MONTHS), ("venue", VENUE_WORDS), ("publisher", PUBLISHER_WORDS),
                          ("editor", EDITOR_WORDS), ("marker", MARKER_WORDS)):
        if lower in lexicon:
            features[name] = 1.0
    return features


def _context_flags(tokens: list[Token], text: str) -> list[dict[str, float | str]]:
    """Features that need the tokens before: spacing, quotes and brackets open, year seen."""
    flags = []
    in_quotes = in_brackets = False
    year_seen = False
    since_mark, last_mark = 0, "^"  # words since the last punctuation mark, and that mark
    sentences = 0  # full stops so far that are not after an initial: author, title, venue...
    for index, token in enumerate(tokens):
        features: dict[str, float | str] = {"pos": str(10 * index // max(len(tokens), 1))}
        if index == 0:
            features["first"] = 1.0
        if index == len(tokens) - 1:
            features["last"] = 1.0
        if token.start > 0 and not text[token.start - 1].isspace():
            features["glued"] = 1.0  # no space before: "J." or "12(3)"
        if in_quotes:
            features["in_quotes"] = 1.0
        if in_brackets:
            features["in_brackets"] = 1.0
        if year_seen:
            features["after_year"] = 1.0
        features["sentence"] = str(min(sentences, 6))
        features["since_mark"] = str(min(since_mark, 4))
        features["last_mark"] = last_mark
        flags.append(features)
        word = token.text
        if any(character.isalnum() for character in word):
            since_mark += 1
        else:
            since_mark, last_mark = 0, word
        if word in ".?!" and index > 0 and len(tokens[index - 1].text) > 1:
            sentences += 1
        if word in "“\"«" or (word == "‘" and not in_quotes):
            in_quotes = not in_quotes if word == "\"" else True
        elif word in "”»’":
            in_quotes = False
        elif word in "([":
            in_brackets = True
        elif word in ")]":
            in_brackets = False
        elif re.fullmatch(r"(?:1[5-9]|20)\d\d[a-z]?", word):
            year_seen = True
    return flags


def features(tokens: list[Token], text: str) -> list[dict[str, float | str]]:
    """One feature dict per token: its own features, its neighbours', its context."""
    own = [_word_features(token) for token in tokens]
    result = _context_flags(tokens, text)
    for index, features_here in enumerate(result):
        features_here.update(own[index])
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if following is not None and following.text == "." and following.start == tokens[index].end:
            word = tokens[index].text
            if len(word) == 1 and word.isupper():
                features_here["initial"] = 1.0  # "J."
            elif word[:1].isupper() and len(word) <= 6:
                features_here["abbreviation"] = 1.0  # "Phys." "Rev."
        for offset in (-3, -2, -1, 1, 2, 3):
            neighbour = index + offset
            if 0 <= neighbour < len(tokens):
                features_here[f"{offset}:w"] = own[neighbour]["w"]
                features_here[f"{offset}:shape"] = own[neighbour]["shape"]
        if index >= 1:
            features_here["-1:0"] = f"{own[index - 1]['w']}|{own[index]['w']}"
        if index >= 1 and index + 1 < len(tokens):
            features_here["-1:+1"] = f"{own[index - 1]['w']}|{own[index + 1]['w']}"
    return result
