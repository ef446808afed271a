"""Short titles: a work's main title, for styles that cite it short after the first time.

Chicago's later notes name a work by a short title (CMOS 18th ed. 14.30, 17th
ed. 14.32): "Nye, *Bound to Lead*" after a first note that gave "*Bound to
Lead: The Changing Nature of American Power*". A CSL style asks for it with
`<text variable="title" form="short"/>`, which prints the record's
`title-short` or, lacking one, the whole title, and BibTeX files rarely carry a
`shorttitle`. So a named style may ask for short titles to be derived:

    >>> main_title("Bound to Lead: The Changing Nature of American Power")
    'Bound to Lead'
    >>> main_title('“Forced to Friendship”? Russian (Mis-)Understandings of Soft Power')
    '“Forced to Friendship”?'
    >>> main_title("The Future of Power") is None
    True

Only the subtitle is dropped. Cutting a main title to its four key words, as
Chicago also suggests, takes an editor's judgement, so a long main title stays
whole; a record's own short title always wins.
"""

from __future__ import annotations

import re

from refmanager import richtext

# A subtitle follows a colon and a space, or a question or exclamation mark that
# ends the main title. It starts like a title (a letter, a digit, an opening quote
# or bracket), and after ? or ! with a capital, since "Is it? yes" is one sentence.
_SUBTITLE = re.compile(r"(\s*:)?(?:(?<=:)|(?<=[?!])|(?<=[?!][”’\"']))\s+")
_STARTS_LIKE_A_TITLE = re.compile(r"[\"“‘'(\[\d]|[^\W\d_]")


def main_title(title: str) -> str | None:
    """The title without its subtitle, or None when it has no subtitle.
    A separator inside markup (an italic title within the title) is not one."""
    depth, parts = 0, richtext.split(title)
    for index, part in enumerate(parts):
        if index % 2:
            depth += -1 if part.startswith("</") else 1
            continue
        found = _SUBTITLE.search(part) if depth == 0 else None
        if found is None:
            continue
        rest = richtext.plain(part[found.end():] + "".join(parts[index + 1:]))
        main = "".join(parts[:index]) + part[:found.start()]
        if _starts_like_a_title(rest, after_colon=bool(found.group(1))) and richtext.plain(main).strip():
            return main
        return None
    return None


def _starts_like_a_title(rest: str, after_colon: bool) -> bool:
    first = rest[:1]
    return bool(_STARTS_LIKE_A_TITLE.match(first)) and (after_colon or not first.isalpha()
                                                       or first.isupper())


def add_short_titles(items: list[dict], derive: list[bool]) -> None:
    """Give each item with `derive` set, and no short title, its title's main part as
    one (in place), unless that would cite two works of one author alike (Chicago
    asks short titles to tell works apart): those keep their whole title."""
    derived = {index: main for index, item in enumerate(items)
               if derive[index] and (main := _derivable(item)) is not None}
    if not derived:
        return
    counts: dict[tuple[str, str], int] = {}
    for index, item in enumerate(items):
        key = _short_key(item, derived.get(index))
        counts[key] = counts.get(key, 0) + 1
    for index, main in derived.items():
        if counts[_short_key(items[index], main)] == 1:
            items[index]["title-short"] = main


def _derivable(item: dict) -> str | None:
    title = item.get("title")
    if item.get("title-short") or not isinstance(title, str):
        return None
    return main_title(title)


def _short_key(item: dict, derived: str | None) -> tuple[str, str]:
    """What a short note tells a work by: its first creator's family name and short title."""
    short = derived or item.get("title-short") or item.get("title") or ""
    creators = item.get("author") or item.get("editor") or [{}]
    first = creators[0] if isinstance(creators[0], dict) else {}
    family = first.get("family") or first.get("literal") or ""
    return family.casefold(), richtext.plain(str(short)).casefold().strip(" .")
