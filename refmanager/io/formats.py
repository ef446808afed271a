"""Finding readers and writers, and telling a file's format.

Readers and writers are found through the entry-point groups
`refmanager.readers` and `refmanager.writers`, which the built-in formats use
too: a plugin package adds a format by declaring an entry point, nothing else.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.metadata import entry_points
from pathlib import PurePath
from typing import Callable

from refmanager.errors import UnknownFormatError

READERS_GROUP = "refmanager.readers"
WRITERS_GROUP = "refmanager.writers"

EXTENSIONS = {".bib": "bibtex", ".bibtex": "bibtex", ".ris": "ris", ".json": "csljson",
              ".csljson": "csljson"}  # not .csl: that is a CSL style (XML), not data
#: An article's front matter (Markdown, or text exported from a PDF), which `refmanager.ingest`
#: reads; `refmanager.api` tells it by its content, since notes and READMEs share these extensions.
FRONT_MATTER_EXTENSIONS = {".md": "frontmatter", ".markdown": "frontmatter", ".txt": "frontmatter"}
_RIS_TYPE_LINE = re.compile(r"^\s*TY {1,2}- ", re.M)  # EndNote writes "TY - "
_BIBTEX_BLOCK = re.compile(r"^\s*@\s*[A-Za-z]*\s*[{(]", re.M)


@lru_cache(maxsize=None)
def _registry(group: str) -> dict[str, object]:
    return {point.name: point for point in entry_points(group=group)}


def _load(group: str, name: str, what: str) -> Callable:
    registry = _registry(group)
    if name not in registry:
        known = ", ".join(sorted(registry)) or "none (is refmanager installed?)"
        raise UnknownFormatError(f"no {what} for format {name!r}; known formats: {known}")
    return registry[name].load()


def reader(name: str) -> Callable:
    """The function that reads format `name`: `read(text, path) -> Document`."""
    return _load(READERS_GROUP, name, "reader")


def writer(name: str) -> Callable:
    """The function that writes format `name`: `write(document) -> Written`."""
    return _load(WRITERS_GROUP, name, "writer")


def known_readers() -> list[str]:
    return sorted(_registry(READERS_GROUP))


def known_writers() -> list[str]:
    return sorted(_registry(WRITERS_GROUP))


def sniff(text: str) -> str | None:
    """The format that a text's content shows, or None when it shows none."""
    head = text[:65536].lstrip("\ufeff \t\r\n")
    if head.startswith("[") or head.startswith("{"):
        return "csljson"
    if _RIS_TYPE_LINE.search(head):
        return "ris"
    if _BIBTEX_BLOCK.search(head) or head.startswith("%"):
        return "bibtex"
    return None


def detect(path: str, text: str) -> str:
    """A file's format: from its content where that is clear, else from its extension."""
    by_content = sniff(text)
    by_extension = EXTENSIONS.get(PurePath(path).suffix.lower())
    found = by_content or by_extension
    if found is None:
        raise UnknownFormatError(
            f"{path}: cannot tell the format; name it with --from ({', '.join(known_readers())})")
    return found
