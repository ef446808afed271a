"""What a style name means: a named style first, then an official CSL id, then a
`.csl` file; and the list of all of them for `refman styles`. `csl:ID` skips the
named styles, for the official style that a named one shadows (`csl:apa`: APA
without the named style's sentence case).

    >>> choice = choose_style("chicago-notes")
    >>> choice.named.csl, choice.writes_entries
    ('chicago-notes-bibliography', False)
    >>> engine = formatter_for(records, "apa")   # APA 7 with the apa style's options

A named style that runs a CSL style is rendered by `refmanager.render.api`
with its locale and options; one that names a writer (`bibtex`, `biblatex`)
writes entries instead (`refmanager.render.bibtex_entries`).
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass

from refmanager.errors import InputError
from refmanager.render.named_styles import NamedStyle, find_named_style, named_styles


@dataclass(frozen=True, slots=True)
class StyleChoice:
    """A style as asked for: its named style, if it is one, and the CSL it runs."""

    requested: str
    named: NamedStyle | None = None

    @property
    def writes_entries(self) -> bool:
        return self.named is not None and bool(self.named.writer)

    @property
    def csl(self) -> str:
        """The official id or `.csl` path to give the processor."""
        return self.named.csl if self.named is not None else self.requested


OFFICIAL_PREFIX = "csl:"


def choose_style(spec: str) -> StyleChoice:
    """The style `spec` names; an official id or a `.csl` path is checked when rendered."""
    if spec.startswith(OFFICIAL_PREFIX):
        official = spec[len(OFFICIAL_PREFIX):]
        if not official:
            raise InputError(f"{spec!r} names no style: give an official id after csl:, as in csl:apa")
        return StyleChoice(official)
    return StyleChoice(spec, find_named_style(spec))


def formatter_for(records_or_items, spec: str = "apa", locale: str | None = None):
    """`refmanager.render.api.formatter` for a style name: a named style's CSL
    style, locale (unless `locale` is given) and options."""
    from refmanager.render import api

    choice = choose_style(spec)
    if choice.writes_entries:
        raise InputError(f"the {spec} style writes BibTeX entries, not citations "
                         f"(refman cite FILE --style {spec} prints them)")
    if choice.named is None:
        return api.formatter(records_or_items, choice.csl, locale)
    options = _options_the_engine_takes(api.formatter, choice.named.render_options)
    return api.formatter(records_or_items, choice.csl, locale or choice.named.locale or None, **options)


def _options_the_engine_takes(function, options: dict) -> dict:
    """The options `function` has a keyword for. Each option of a named style is
    a keyword of the render API, and the API gains them one at a time (the
    sentence case of BibTeX titles arrives with the records-to-CSL stage): a
    style can say what it wants before the engine does it."""
    keywords = inspect.signature(function).parameters
    return {name: value for name, value in options.items() if name in keywords}


def style_rows(search: str | None = None) -> list[dict]:
    """`refman styles`: the named styles (`named: True`, their file, what they run),
    then every official one, each a dict; with `search`, those whose id or title
    holds every word of it."""
    from refmanager.render import repository

    words = (search or "").lower().split()
    official = {info.id: info for info in repository.all_styles()}
    rows = [_named_row(style, official) for style in named_styles()
            if all(word in f"{style.name} {style.title}".lower() for word in words)]
    return rows + [info.as_dict() for info in repository.list_styles(search)]


def _named_row(style: NamedStyle, official: dict) -> dict:
    """A named style's row: the fields of the CSL style it runs, and its own."""
    from refmanager.render import repository

    if style.writer:
        runs = {"style_class": "entries", "citation_format": "", "fields": []}
    else:
        info = official.get(style.csl) or repository.resolve_style(style.csl).info
        runs = {"style_class": info.style_class, "citation_format": info.citation_format,
                "fields": list(info.fields)}
    return style.as_dict() | runs
