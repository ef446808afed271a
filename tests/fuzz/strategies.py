"""Hypothesis strategies for the fuzz tests: text made of each format's own
tokens (so that the readers' interesting paths are reached, not only "not a
bibliography"), mutations of the sample library, and records built by hand."""

from __future__ import annotations

from hypothesis import strategies as st

from refmanager.model import DateValue, Name, Record

# The tokens each reader's grammar turns on, and the values that once crashed one.
TOKENS = {
    "bibtex": ["@", "{", "}", "(", ")", "=", "#", ",", '"', "\\", "%", "\n", "\r\n", " ",
               "@article{", "@string{", "@comment{", "@preamble{", "@book(", "title", "author",
               "month", "year", "jan", "13", "0", " and ", "{\\'e}", "\\textit{", "$", "~", "--",
               "crossref", "9" * 50],
    "ris": ["TY  - ", "ER  - ", "AU  - ", "PY  - ", "DA  - ", "KW  - ", "SP  - ", "EP  - ", "JO  - ",
            "T2  - ", "ID  - ", "M3  - ", "SN  - ", "TY - ", "\n", "\r", "\r\n", " ", "/", ";", ",",
            "-", "JOUR", "BOOK", "XXXX", "2004", "13", "00", "10.1234/x", "0000", "Smith, J."],
    "csljson": ["[", "]", "{", "}", '"', ":", ",", "\n", " ", "\\", "\\u00e9", "\\ud800", '"id"',
                '"type"', '"book"', '"issued"', '"date-parts"', '"author"', '"family"', '"custom"',
                '"title"', "null", "true", "NaN", "1e999", "-0", "2004", "13", "9" * 5000, "[" * 40],
}
FORMATS = list(TOKENS)

# Text a value may hold: every character class that a writer must escape somewhere.
VALUE_ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cs",))


def format_text(format: str) -> st.SearchStrategy[str]:
    """Text of tokens of `format` mixed with arbitrary characters."""
    piece = st.one_of(st.sampled_from(TOKENS[format]), st.text(VALUE_ALPHABET, max_size=4))
    return st.lists(piece, max_size=80).map("".join)


@st.composite
def mutated(draw, text: str, format: str) -> str:
    """`text` after a few deletions, insertions of tokens, and duplications."""
    for _ in range(draw(st.integers(1, 6))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 200)))
        action = draw(st.sampled_from(["delete", "insert", "duplicate"]))
        if action == "delete":
            text = text[:start] + text[end:]
        elif action == "insert":
            text = text[:start] + draw(st.sampled_from(TOKENS[format])) + text[start:]
        else:
            text = text[:end] + text[start:end] + text[end:]
    return text


KEYS = st.from_regex(r"[a-z][a-z0-9]{0,8}", fullmatch=True)
# Words with single spaces and single punctuation: BibTeX rightly collapses runs of
# space, and reads "--" as an en dash and "''" as a closing quote.
_WORD = r"[A-Za-z0-9]{1,8}(?:[-'][A-Za-z0-9]{1,8})?[,.:;?!]?"
PLAIN_TEXT = st.from_regex(rf"{_WORD}(?: {_WORD}){{0,4}}", fullmatch=True)


def names() -> st.SearchStrategy[Name]:
    word = st.from_regex(r"[A-Z][a-z]{1,8}", fullmatch=True)
    person = st.builds(Name, family=word, given=word)
    return st.one_of(person, st.builds(Name, literal=st.just("World Health Organization")))


def dates() -> st.SearchStrategy[DateValue]:
    year = st.integers(1000, 2100)
    end = st.one_of(st.tuples(year), st.tuples(year, st.integers(1, 12)),
                    st.tuples(year, st.integers(1, 12), st.integers(1, 28)))
    # Literal dates as bibliographies have them; a literal of digits ("00") is read
    # back as a year by every format, which is no loss.
    literal = st.sampled_from(["in press", "forthcoming", "n.d.", "Spring term", "about 1850"])
    return st.one_of(st.builds(DateValue, parts=st.tuples(end)), st.builds(DateValue, literal=literal))


@st.composite
def plain_records(draw, key: str | None = None) -> Record:
    """A record every format can hold as it is: plain titles, names and dates."""
    record = Record(key=key or draw(KEYS), type=draw(st.sampled_from(["article-journal", "book", "chapter"])),
                    title=draw(PLAIN_TEXT))
    record.creators["author"] = draw(st.lists(names(), min_size=1, max_size=3))
    if draw(st.booleans()):
        record.dates["issued"] = draw(dates())
    if draw(st.booleans()):
        record.volume = str(draw(st.integers(1, 400)))
    return record


HOSTILE_TEXT = st.one_of(
    st.text(VALUE_ALPHABET, max_size=40),
    st.sampled_from(["}\n@misc{x,", "\nER  - \nTY  - JOUR", "{", "}", "\\", "%", "#", "\"", "\r",
                     "\u2028", "<i>", "</i>", "<span class=\"nocase\">", "\\ud800", "@string{a = {b}}",
                     "TY  - BOOK", "  ER  - ", "\x00", "\x0b", "\ufeff"]),
    st.lists(st.sampled_from(["}", "{", "\n", "ER  - ", "@", "\\", "\r"]), max_size=20).map("".join),
)


@st.composite
def hostile_records(draw) -> Record:
    """A record built by hand by another stage: any text in any field, names of any
    parts, dates of any numbers (DateValue keeps impossible ones as literal text)."""
    record = draw(plain_records())
    for attribute in ("title", "container_title", "page", "note", "abstract", "doi", "url", "volume"):
        if draw(st.booleans()):
            setattr(record, attribute, draw(HOSTILE_TEXT))
    if draw(st.booleans()):
        record.creators["editor"] = [Name(family=draw(HOSTILE_TEXT), given=draw(HOSTILE_TEXT))]
    if draw(st.booleans()):
        number = st.integers(-10 ** 12, 10 ** 12)
        parts = draw(st.lists(st.lists(number, min_size=1, max_size=4).map(tuple), min_size=1,
                              max_size=3).map(tuple))
        record.dates["issued"] = DateValue(parts=parts, season=draw(st.sampled_from(["", "1", "7", "x"])))
        if not record.dates["issued"].parts and not record.dates["issued"].literal:
            del record.dates["issued"]  # an empty date: see test_writers.py's known failure
    record.keywords = draw(st.lists(HOSTILE_TEXT, max_size=3))
    if draw(st.booleans()):
        record.variables["archive"] = draw(HOSTILE_TEXT)
    return record
