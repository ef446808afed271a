"""How `refman clean` is configured: which rules run, which words keep their case,
which authority files to trust, and how sure a fix must be to be made unasked.

The settings live in `refman.toml` (top level) or in `pyproject.toml` under
`[tool.refman]`, found in the given folder or the nearest one above it:

    [tool.refman]
    disable = ["ExpandJournalAbbreviation"]   # rule names, as in the report
    threshold = 0.9                           # below this a fix is only suggested
    protected-words = ["Caucasus", "NATO"]    # case kept by title casing
    journal-abbrev = "none"                   # or "iso4": write ISO 4 abbreviations
    venue-authority = "venues.tsv"            # full title <TAB> abbreviation, one a line
    name-authority = "people.toml"            # [[person]] family/given/variants
    review = "refman-review.json"             # suggestions and your decisions on them
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from refmanager.errors import InputError

DEFAULT_THRESHOLD = 0.9
JOURNAL_ABBREVIATION_POLICIES = ("none", "iso4")
_KEYS = {"disable", "enable", "threshold", "protected-words", "journal-abbrev",
         "venue-authority", "name-authority", "leading-the", "review"}


@dataclass(frozen=True, slots=True)
class NormalizeConfig:
    """The settings of one normalization run."""

    disabled: frozenset[str] = frozenset()
    enabled: frozenset[str] = frozenset()  # rules that are off unless asked for
    threshold: float = DEFAULT_THRESHOLD
    protected_words: tuple[str, ...] = ()
    journal_abbrev: str = "none"  # "none": full titles; "iso4": ISO 4 abbreviations
    leading_the: str = "keep"  # "keep" or "drop" a leading "The" of a journal title
    venue_authority: str = ""
    name_authority: str = ""
    review: str = ""  # the review file: suggestions, and the decisions taken on them
    source: str = ""  # the file the settings came from, for messages
    # Not a setting: the mark between a page range's ends in the format written ("-" for
    # RIS, whose writer makes a hyphen's range its start and end pages).
    range_dash: str = "\u2013"
    # Not a setting: the protected words learned from the titles of the whole file, for
    # steps prepared on a part of it (`refmanager.clean_parts`); None: learned from the
    # records they are prepared on.
    learned_words: frozenset[str] | None = None

    def with_options(self, **options) -> "NormalizeConfig":
        """The same settings with the given ones replaced (command-line options win)."""
        return replace(self, **{key: value for key, value in options.items() if value is not None})


def find_config(start: Path) -> Path | None:
    """The nearest `refman.toml`, or `pyproject.toml` with a `[tool.refman]` table."""
    for folder in [start, *start.parents]:
        candidate = folder / "refman.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and "[tool.refman" in candidate.read_text(encoding="utf-8"):
            return candidate
    return None


def load_config(path: Path | None) -> NormalizeConfig:
    """The settings in a configuration file; the defaults when there is none."""
    if path is None:
        return NormalizeConfig()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise InputError(f"{path}: cannot read the configuration: {error}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("refman", {})
    return config_from_table(data, str(path))


def config_from_table(data: dict, source: str = "") -> NormalizeConfig:
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise InputError(f"{source}: unknown setting {unknown[0]!r}; known: {', '.join(sorted(_KEYS))}")
    policy = data.get("journal-abbrev", "none")
    if policy not in JOURNAL_ABBREVIATION_POLICIES:
        raise InputError(f"{source}: journal-abbrev must be one of "
                         f"{', '.join(JOURNAL_ABBREVIATION_POLICIES)}, not {policy!r}")
    folder = Path(source).parent if source else Path(".")
    return NormalizeConfig(
        disabled=frozenset(data.get("disable", ())), enabled=frozenset(data.get("enable", ())),
        threshold=float(data.get("threshold", DEFAULT_THRESHOLD)),
        protected_words=tuple(data.get("protected-words", ())), journal_abbrev=policy,
        leading_the=data.get("leading-the", "keep"),
        venue_authority=_relative(folder, data.get("venue-authority", "")),
        name_authority=_relative(folder, data.get("name-authority", "")),
        review=_relative(folder, data.get("review", "")), source=source)


def _relative(folder: Path, name: str) -> str:
    return str(folder / name) if name else ""
