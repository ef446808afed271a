"""Numbers: what counts as numeric, number forms, page ranges, and plurals.

Covers `cs:number` (numeric, ordinal, long-ordinal, roman), the `is-numeric`
test, the `page-range-format` option (expanded, minimal, minimal-two, chicago,
chicago-15, chicago-16) and how many numbers a value holds (for labels).
"""

from __future__ import annotations

import re

# What citeproc-js 2.4.63 reads as a number, found by running it (CSL 1.0.2 names
# only affixed numbers joined by a comma, hyphen or ampersand): lowercase roman
# numerals of i, v, x and l count ("iv", "xiv-xx"); a comma separates only before a
# space ("12,15" and "10,000" are one text); "and" separates between spaces; and
# bare numbers may be joined by slashes ("2016/679", a regulation's number).
_ONE_NUMBER = r"(?:[A-Za-z]*\d+[A-Za-z]*|[ivxl]+)"
_LIST_SEPARATOR = r"(?:\s*[-–&]\s*|\s*,\s+|\s+and\s+)"
_NUMERIC = re.compile(rf"^\s*{_ONE_NUMBER}(?:{_LIST_SEPARATOR}{_ONE_NUMBER})*\s*$"
                      r"|^\s*\d+(?:/\d+)+\s*$")
_NUMBER_TOKEN = re.compile(r"(\d+)")
_SEPARATORS = re.compile(r"\s*([-–&]|,(?=\s)|\band\b)\s*")
_RANGE = re.compile(r"([A-Za-z]*\d+[A-Za-z]*)\s*[-–]+\s*([A-Za-z]*\d+[A-Za-z]*)")


def is_numeric(value) -> bool:
    if isinstance(value, int):
        return True
    return bool(value) and bool(_NUMERIC.match(str(value)))


# More than one number, as citeproc-js 2.4.63 counts: a separator after a number
# that ends in a digit ("10-pp", "3-B") or between two affixed numbers ("1st-2nd";
# not "12a-c", "B-3" or "13:1-13:9"), or between two roman numerals ("i-ix"). A
# comma separates only before a space: "US 10,000,123 B2" is one number (golden APA).
_PLURAL_SEPARATOR = re.compile(r"\s*(?:[-–&]|,(?=\s)|\band\b)\s*")
_AFFIXED_NUMBER = re.compile(r"[A-Za-z]*\d+[A-Za-z]*")
_ROMAN_NUMBER = re.compile(r"[ivxlcdm]+", re.I)


def is_plural(value, and_term: str | None = None) -> bool:
    """Whether a value holds more than one number ("2-5", "3, 7", "1 & 2", "i-ix"),
    the locale's "and" counting as a separator too ("213 et 235")."""
    if isinstance(value, int):
        return False
    text = str(value)
    if "\\-" in text:
        return False
    if and_term and re.search(rf"\d\s+{re.escape(and_term)}\s+\d", text):
        return True
    parts = _PLURAL_SEPARATOR.split(text)
    for before, after in zip(parts, parts[1:]):
        left = before.split()[-1] if before.split() else ""
        right = after.split()[0] if after.split() else ""
        if _AFFIXED_NUMBER.fullmatch(left) and (left[-1].isdigit()
                                                or _AFFIXED_NUMBER.fullmatch(right)):
            return True
        if _ROMAN_NUMBER.fullmatch(left) and _ROMAN_NUMBER.fullmatch(right):
            return True
    return False


def roman(number: int) -> str:
    if not 0 < number < 4000:
        return str(number)
    numerals = (("m", 1000), ("cm", 900), ("d", 500), ("cd", 400), ("c", 100), ("xc", 90),
                ("l", 50), ("xl", 40), ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))
    out = []
    for numeral, amount in numerals:
        while number >= amount:
            out.append(numeral)
            number -= amount
    return "".join(out)


def format_number_value(value, form: str, locale, gender: str = "") -> str:
    """Each number in `value` in `form`; separators spaced the CSL way."""
    text = str(value).strip()
    pieces = _SEPARATORS.split(text)
    out = []
    for index, piece in enumerate(pieces):
        if index % 2 == 1:
            out.append({"-": "–", "–": "–", ",": ", ", "&": " & ", "and": " and "}[piece])
            continue
        out.append(_format_one(piece, form, locale, gender))
    return "".join(out)


# The locator terms of CSL 1.0.2 ("Locators"), whose short forms may label a number.
_LOCATOR_TERMS = ("act", "appendix", "article-locator", "book", "canon", "chapter", "column",
                  "elocation", "equation", "figure", "folio", "issue", "line", "note", "opus",
                  "page", "paragraph", "part", "rule", "scene", "section", "sub-verbo",
                  "supplement", "table", "timestamp", "title-locator", "verse", "volume")
_LABELLED = re.compile(r"^(\S+)\s+(\S.*)$")


def format_labelled_numbers(value: str, form: str, locale, gender: str = "") -> str | None:
    """A list of numbers some of which carry a locator label ("7, p. 3-8"), each
    number in `form` and each label in its number ("7th, pp. 3–8"), as citeproc-js
    writes it (the suite's number_OrdinalSpacing); None when `value` is no such list."""
    pieces = re.split(r"(\s*,\s+)", str(value).strip())
    out = []
    for index, piece in enumerate(pieces):
        if index % 2:
            out.append(", ")
        elif is_numeric(piece):
            out.append(format_number_value(piece, form, locale, gender))
        else:
            match = _LABELLED.match(piece)
            term = match and _locator_term(match.group(1), locale)
            if not term or not is_numeric(match.group(2)):
                return None
            label = locale.term(term, "short", is_plural(match.group(2)))
            out.append(label + " " + format_number_value(match.group(2), "numeric", locale))
    return "".join(out)


def _locator_term(label: str, locale) -> str | None:
    """The locator term whose short form (singular or plural) is `label`."""
    for term in _LOCATOR_TERMS:
        if label in (locale.term(term, "short"), locale.term(term, "short", True)):
            return term
    return None


def _format_one(piece: str, form: str, locale, gender: str) -> str:
    if not piece.isdigit() or piece.startswith("0"):
        return piece  # citeproc-js prints "04", "007" and "0" as given in every form
    number = int(piece)
    if form == "ordinal":
        return locale.ordinal(number, gender)
    if form == "long-ordinal":
        return locale.ordinal(number, gender, long=True)
    if form == "roman":
        return roman(number)
    return str(number)


def _expand(start: str, end: str) -> str:
    if len(end) < len(start):
        return start[:len(start) - len(end)] + end
    return end


def _minimal(start: str, end: str, keep: int = 1) -> str:
    if len(start) != len(end):
        return end
    index = 0
    while index < len(end) - keep and start[index] == end[index]:
        index += 1
    return end[index:]


def _chicago(start: str, end: str, edition: int) -> str:
    first = int(start)
    if first < 100 or first % 100 == 0:
        return end
    if first % 100 < 10:
        return _minimal(start, end)
    if edition == 15 and len(start) == 4 and len(end) == 4:
        changed = len(_minimal(start, end))
        if changed >= 3:
            return end
    return _minimal(start, end, 2)


def format_range(start: str, end: str, style: str) -> str:
    """The end of a page range written in `style` (start and end as digits)."""
    if end == start:
        return end  # citeproc-js: "74-74" stays whole in every format
    full = _expand(start, end)
    if int(full) <= int(start):
        return end  # "74-4" would expand to no range at all: written as given
    if style == "expanded":
        return full
    if style == "minimal":
        return _minimal(start, full)
    if style == "minimal-two":
        return _minimal(start, full, 2)
    if style in ("chicago", "chicago-15"):
        return _chicago(start, full, 15)
    if style == "chicago-16":
        return _chicago(start, full, 16)
    return end


# A prefix may hold digits before its letters: "8n11564-8n1568" (page_ChicagoWeird).
_PAGE_RANGE = re.compile(r"^(\s*)((?:\d*[A-Za-z]+)*)(\d+)\s*[-–]+\s*((?:\d*[A-Za-z]+)*)(\d+)(\s*)$")
_ROMAN_RANGE = re.compile(r"^(\s*)([ivxlcdm]+)\s*[-–]+\s*([ivxlcdm]+)(\s*)$", re.I)
_PIECES = re.compile(r"(\s*[,&]\s*)")
# A hyphen or en dash that joins no range is a hyphen, unspaced ("10 – pp": "10-pp").
_LOOSE_HYPHEN = re.compile(r"\s*[-–]\s*")


def _format_page_piece(piece: str, style: str | None, delimiter: str) -> str:
    match = _PAGE_RANGE.match(piece)
    if match:
        lead, prefix, start, end_prefix, end, trail = match.groups()
        if prefix != end_prefix:  # "N110-5", "110-N6": not a range CSL can shorten
            return _LOOSE_HYPHEN.sub("-", piece)
        if not style:
            return f"{lead}{prefix}{start}{delimiter}{end_prefix}{end}{trail}"
        end_text = format_range(start, end, style)
        if style == "expanded":
            end_text = end_prefix + end_text
        return f"{lead}{prefix}{start}{delimiter}{end_text}{trail}"
    roman_range = _ROMAN_RANGE.match(piece)
    if roman_range:
        lead, start, end, trail = roman_range.groups()
        return f"{lead}{start}{delimiter}{end}{trail}"
    return _LOOSE_HYPHEN.sub("-", piece)  # "10 – pp", "13:1–13:9": no range, a hyphen


def format_page(value: str, style: str | None, delimiter: str = "–") -> str:
    """A page value with its ranges in `style`; what is not a plain range stays as written.

    An escaped hyphen ("327\\-30") is a hyphen, not a range."""
    text = str(value)
    if "\\-" in text:
        return text.replace("\\-", "-")
    pieces = _PIECES.split(text)
    return "".join(piece if index % 2 else _format_page_piece(piece, style, delimiter)
                   for index, piece in enumerate(pieces))
