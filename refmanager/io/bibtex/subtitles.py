"""biblatex's subtitles joined to their titles, where there is one title field.

biblatex keeps `subtitle` (and `booksubtitle`, `journalsubtitle`) apart from the
title; CSL, RIS and Zotero have one title, so the reader keeps the subtitle
verbatim and it is joined here when the record goes where it has no field of its
own: the citation processor, a RIS or CSL-JSON file, Zotero. It is joined as
Zotero's BibTeX import joins it: after ": ", or after a space where the title
ends in its own mark ("What Is Power? A Study").

    >>> joined("Cybertext", "Perspectives on Ergodic Literature")
    'Cybertext: Perspectives on Ergodic Literature'
"""

from __future__ import annotations

import dataclasses

from refmanager.io.bibtex.tables import FOREIGN
from refmanager.io.bibtex.values import evaluate
from refmanager.latex.decode import decode
from refmanager.model import Document, Record

#: A biblatex subtitle field and the CSL variable of the title it belongs to.
SUBTITLE_OF = {"subtitle": "title", "booksubtitle": "container-title", "journalsubtitle": "container-title"}


def joined(title: str, subtitle: str) -> str:
    """The title followed by its subtitle (either may be empty); a title that ends
    with its subtitle already (`BDI Agents: From Theory to Practice` with subtitle
    `From Theory to Practice`, as some exports write both) is not given it twice."""
    if _ends_with_subtitle(title.rstrip(), subtitle.strip()):
        return title.rstrip()
    return _appended(title, subtitle)


def _appended(title: str, subtitle: str) -> str:
    """The subtitle after the title, always: what `split_subtitles` can undo exactly."""
    title, subtitle = title.rstrip(), subtitle.strip()
    if not title or not subtitle:
        return title or subtitle
    joint = " " if title[-1:] in ".:?!" else ": "
    return f"{title}{joint}{subtitle}"


def _ends_with_subtitle(title: str, subtitle: str) -> bool:
    head = title[:-len(subtitle)].rstrip()
    return (bool(subtitle) and len(title) > len(subtitle)
            and title[-len(subtitle):].casefold() == subtitle.casefold() and head[-1:] in ":.?!")


def subtitles(record: Record, strings: dict[str, str] | None = None) -> dict[str, str]:
    """The record's subtitle fields as written (by their spelling in the entry) -> their text."""
    fields = record.foreign.get(FOREIGN, {})
    found = {}
    for name, raw in fields.items():
        if name.lower() in SUBTITLE_OF:
            text = decode(evaluate(raw, strings or {}).text, protect=True).strip()
            if text:
                found[name] = text
    return found


def has_subtitle_field(record: Record) -> bool:
    """Whether the entry has a subtitle field (empty or not), without decoding it."""
    return any(name.lower() in SUBTITLE_OF for name in record.foreign.get(FOREIGN, ()))


def join_subtitles(record: Record, strings: dict[str, str] | None = None, keep: bool = False) -> None:
    """Join the record's subtitles to their titles (in place), and drop the subtitle
    fields, or with `keep` leave them for `split_subtitles` to part the title again
    (then a subtitle is appended even to a title that ends with it, so that the
    title read back is the one written)."""
    found = subtitles(record, strings)
    if not found:
        return
    join = _appended if keep else joined
    for name, text in found.items():
        variable = SUBTITLE_OF[name.lower()]
        record.set(variable, join(str(record.get(variable) or ""), text))
    if not keep:
        kept = {name: raw for name, raw in record.foreign[FOREIGN].items() if name not in found}
        record.foreign = {**record.foreign, FOREIGN: kept}


def split_subtitles(record: Record) -> None:
    """Part titles that `join_subtitles(keep=True)` joined, where the subtitle fields
    still say what was joined (in place): CSL-JSON written by refmanager reads back
    as the BibTeX entry it came from."""
    for name, text in subtitles(record).items():
        variable = SUBTITLE_OF[name.lower()]
        title = str(record.get(variable) or "")
        if not title.endswith(text):
            continue
        head = title[:-len(text)]
        for joint in (": ", " "):
            if head.endswith(joint) and _appended(head[:-len(joint)], text) == title:
                record.set(variable, head[:-len(joint)])
                break


def with_subtitles_joined(document: Document, keep: bool = False) -> Document:
    """The document, or a copy of it whose records with a subtitle have it joined to
    their titles (`keep`: see `join_subtitles`); the caller's records are not changed."""
    blocks, changed = [], False
    for block in document.blocks:
        if isinstance(block, Record) and has_subtitle_field(block):
            block = dataclasses.replace(block, variables=dict(block.variables), foreign=dict(block.foreign))
            join_subtitles(block, document.strings, keep)
            changed = True
        blocks.append(block)
    return dataclasses.replace(document, blocks=blocks) if changed else document
