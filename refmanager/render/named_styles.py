"""Named styles: small TOML files that say which CSL style to run, in which
locale, with which of refmanager's own options.

    >>> style = find_named_style("apa")
    >>> style.csl, style.locale, style.sentence_case
    ('apa', 'en-US', True)

A file's name is the style's name (`styles/apa.toml` is `apa`). Its keys:

    title          what the style is, for `refman styles` (required)
    csl            the CSL style it runs: an official id (`refman styles` lists
                   them) or a `.csl` file, relative to the TOML file's folder
    writer         instead of `csl`: "bibtex" or "biblatex", a style that writes
                   each record as a clean, normalized entry
    locale         a CSL locale such as "en-US" (default: the CSL style's own)
    sentence-case  true, false or "all": convert titles to sentence case (true:
                   those of records read from BibTeX or RIS; "all": every record)
    title-case     true, false or "all": convert titles to Chicago's headline
                   style first (which records: as for sentence-case)
    short-titles   true, false or "all": give a record without a short title its
                   title's main part as one, for short notes (true: records read
                   from BibTeX or RIS; "all": every record)
    genres         a table: a record's genre (compared without regard to case) ->
                   the style's words for it. BibTeX's @phdthesis is a "PhD thesis";
                   APA calls it a "Doctoral dissertation", Chicago a "PhD diss."

The built-in styles ship in the package (`styles/` of the checkout, installed as
`refmanager.styles`). A user's own come first: the folders named in the
environment variable REFMAN_STYLES (separated by the path separator, `:` on
Unix), then `~/.config/refmanager/styles/` (under $XDG_CONFIG_HOME when set). A
user style with a built-in's name replaces it. Every file is validated when it
is loaded; a mistake raises StyleError naming the file and the line.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from refmanager.errors import InputError, StyleError, UnknownStyleError

BUILT_IN_PACKAGE = "refmanager.styles"
FOLDERS_VARIABLE = "REFMAN_STYLES"
SUFFIX = ".toml"
WRITERS = ("bibtex", "biblatex")
SENTENCE_CASE_VALUES = (True, False, "all")  # also those of short-titles
# key -> (the types it may have, what the message calls them)
KEYS: dict[str, tuple[tuple[type, ...], str]] = {
    "title": ((str,), "a string"),
    "csl": ((str,), "a string"),
    "writer": ((str,), "a string"),
    "locale": ((str,), "a string"),
    "sentence-case": ((bool, str), 'true, false or "all"'),
    "short-titles": ((bool, str), 'true, false or "all"'),
    "title-case": ((bool, str), 'true, false or "all"'),
    "genres": ((dict,), 'a table of strings ("PhD thesis" = "Doctoral dissertation")'),
}
_LOCALE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
_DECODE_LINE = re.compile(r"\(at line (\d+), column \d+\)")


@dataclass(frozen=True, slots=True)
class NamedStyle:
    """One named style, as its file defines it."""

    name: str
    title: str
    path: Path  # the TOML file
    csl: str = ""  # an official CSL id, or the absolute path of a .csl file
    writer: str = ""  # "bibtex" or "biblatex" for a style that writes entries
    locale: str = ""  # empty: the CSL style's default
    sentence_case: bool | str | None = None  # None: not said, the engine's default
    genres: tuple[tuple[str, str], ...] = ()  # (a record's genre, the style's words for it)
    short_titles: bool | str | None = None  # None: not said, the engine's default (none)
    title_case: bool | str | None = None  # None: not said, the engine's default (none)
    built_in: bool = True

    @property
    def render_options(self) -> dict:
        """The keywords of `refmanager.render.api.formatter` this style sets."""
        options = {} if self.sentence_case is None else {"sentence_case": self.sentence_case}
        if self.short_titles is not None:
            options["short_titles"] = self.short_titles
        if self.title_case is not None:
            options["title_case"] = self.title_case
        return options | ({"genres": dict(self.genres)} if self.genres else {})

    def as_dict(self) -> dict:
        return {"id": self.name, "title": self.title, "named": True, "file": str(self.path),
                "built_in": self.built_in, "csl": self.csl, "writer": self.writer,
                "locale": self.locale, "sentence_case": self.sentence_case,
                "short_titles": self.short_titles, "title_case": self.title_case,
                "genres": dict(self.genres)}


def style_folders() -> list[tuple[Path, bool]]:
    """Where named styles are looked for, first wins: (folder, built in?)."""
    folders = [(Path(entry).expanduser(), False)
               for entry in os.environ.get(FOLDERS_VARIABLE, "").split(os.pathsep) if entry]
    for folder, _built_in in folders:
        if not folder.is_dir():
            raise InputError(f"{FOLDERS_VARIABLE}: no such folder {folder}")
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    folders.append((config / "refmanager" / "styles", False))
    folders.append((built_in_folder(), True))
    return folders


def built_in_folder() -> Path:
    """The folder of the styles that ship with refmanager."""
    try:
        return Path(str(resources.files(BUILT_IN_PACKAGE)))
    except ModuleNotFoundError:
        # The package imported from a source checkout (its root on sys.path, as with
        # `python -m` there): the styles are the checkout's styles/, which the wheel
        # ships as refmanager.styles.
        return Path(__file__).resolve().parents[2] / "styles"


def find_named_style(name: str) -> NamedStyle | None:
    """The named style called `name` (validated), or None when there is none."""
    if not re.fullmatch(r"[\w.-]+", name) or name.endswith(".csl"):
        return None
    for folder, built_in in style_folders():
        path = folder / f"{name}{SUFFIX}"
        if path.is_file():
            return load_named_style(path, built_in)
    return None


def named_styles() -> list[NamedStyle]:
    """Every named style, sorted by name; a user's hides a built-in of the same name."""
    found: dict[str, NamedStyle] = {}
    for folder, built_in in style_folders():
        for path in sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else ():
            if path.stem not in found:
                found[path.stem] = load_named_style(path, built_in)
    return [found[name] for name in sorted(found)]


def load_named_style(path: Path, built_in: bool = False) -> NamedStyle:
    """Read and validate one style file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise StyleError(f"cannot read the style file: {error}", str(path), 0) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = _DECODE_LINE.search(str(error))
        reason = _DECODE_LINE.sub("", str(error)).strip()
        raise StyleError(f"not valid TOML: {reason}", str(path), int(line.group(1)) if line else 0) from None
    _check_keys(data, text, path)
    return NamedStyle(
        name=path.stem, title=data["title"], path=path,
        csl=_checked_csl(data, text, path), writer=_checked_writer(data, text, path),
        locale=_checked_locale(data, text, path),
        sentence_case=data.get("sentence-case"), short_titles=data.get("short-titles"),
        title_case=data.get("title-case"),
        genres=_checked_genres(data, text, path),
        built_in=built_in)


def _check_keys(data: dict, text: str, path: Path) -> None:
    for key, value in data.items():
        if key not in KEYS:
            raise _error(f"unknown key {key!r}; a named style has {', '.join(KEYS)}", text, path, key)
        types, described = KEYS[key]
        if not isinstance(value, types) or (key in ("sentence-case", "short-titles", "title-case")
                                            and value not in SENTENCE_CASE_VALUES):
            raise _error(f"{key} must be {described}, not {value!r}", text, path, key)
    if "title" not in data:
        raise StyleError("no title: say what the style is, e.g. title = \"APA 7th edition\"",
                         str(path), 1)
    if ("csl" in data) == ("writer" in data):
        raise StyleError("name either the CSL style it runs (csl = \"apa\") or a writer "
                         "(writer = \"bibtex\"), one of the two", str(path), 1)
    if data.get("sentence-case") and data.get("title-case"):
        raise _error("sentence-case and title-case cannot both be on", text, path, "title-case")
    for key in ("locale", "sentence-case", "short-titles", "title-case", "genres"):
        if "writer" in data and key in data:
            raise _error(f"{key} is an option of CSL styles; a writer style has none",
                         text, path, key)


def _checked_csl(data: dict, text: str, path: Path) -> str:
    spec = data.get("csl", "")
    if not spec:
        return ""
    if spec.endswith(".csl"):
        file = (path.parent / Path(spec).expanduser()).resolve()
        if not file.is_file():
            raise _error(f"csl: no such style file {file}", text, path, "csl")
        return str(file)
    from refmanager.render.repository import resolve_style

    try:
        resolve_style(spec)
    except UnknownStyleError as error:
        raise _error(f"csl: {error}", text, path, "csl") from None
    return spec


def _checked_writer(data: dict, text: str, path: Path) -> str:
    writer = data.get("writer", "")
    if writer and writer not in WRITERS:
        raise _error(f"writer must be one of {', '.join(WRITERS)}, not {writer!r}", text, path, "writer")
    return writer


def _checked_genres(data: dict, text: str, path: Path) -> tuple[tuple[str, str], ...]:
    genres = data.get("genres", {})
    for genre, words in genres.items():
        if not isinstance(words, str) or not words.strip():
            raise _error(f"genres: {genre!r} must name the style's words as a string, not {words!r}",
                         text, path, "genres")
    return tuple(genres.items())


def _checked_locale(data: dict, text: str, path: Path) -> str:
    locale = data.get("locale", "")
    if not locale:
        return ""
    from refmanager.render.locale import locale_file

    if not _LOCALE.fullmatch(locale) or locale_file(locale) is None:
        raise _error(f"locale: no CSL locale {locale!r} (e.g. en-US, en-GB, de-DE)", text, path, "locale")
    return locale


def _error(message: str, text: str, path: Path, key: str) -> StyleError:
    return StyleError(message, str(path), _line_of(text, key))


def _line_of(text: str, key: str) -> int:
    """The line where `key` is set (or its table begins): tomllib gives values, not positions."""
    name = rf"""(?:{re.escape(key)}|"{re.escape(key)}"|'{re.escape(key)}')"""
    pattern = re.compile(rf"\s*(?:{name}\s*=|\[\s*{name}\s*\])")
    for number, line in enumerate(text.splitlines(), 1):
        if pattern.match(line):
            return number
    return 1
