"""`cs:date`: localized and style-defined dates, date ranges, seasons, literals.

A localized date (`form="text"` or `"numeric"`) takes its date-parts from the
locale, with the style's date-part attributes laid over them; otherwise the
style's own date-parts and delimiter are used. A range renders the parts that
differ twice, joined by the range-delimiter of the largest part that differs.
"""

from __future__ import annotations

from refmanager.render.date_values import read_date
from refmanager.render.formatting import decorate
from refmanager.render.richtext import Rich, join

_SHOWN = {"year-month-day": ("year", "month", "day"), "year-month": ("year", "month"),
          "year": ("year",)}
_AFFIX_FREE = ("prefix", "suffix")


class PartSpec:
    """One date-part to render: its name and merged attributes, and its element."""

    __slots__ = ("name", "attrs", "element")

    def __init__(self, name, attrs, element) -> None:
        self.name = name
        self.attrs = attrs
        self.element = element


class _Merged:
    """An element stand-in carrying merged attributes, for `decorate`."""

    __slots__ = ("attrs", "decoration")

    def __init__(self, attrs) -> None:
        self.attrs = attrs
        self.decoration = None


def _part_specs(element, ctx) -> tuple[list[PartSpec], str]:
    key = (id(element), "date")
    cached = ctx.engine.option_cache.get(key)
    if cached is not None:
        return cached
    form = element.get("form")
    shown = _SHOWN.get(element.get("date-parts", "year-month-day"), _SHOWN["year-month-day"])
    overrides = {part.get("name"): part.attrs for part in element.find_all("date-part")}
    specs = []
    delimiter = element.get("delimiter", "")
    if form:
        localized = ctx.locale.date_format(form)
        parts = localized.find_all("date-part") if localized is not None else []
        delimiter = localized.get("delimiter", "") if localized is not None else ""
        for part in parts:
            name = part.get("name")
            if name not in shown:
                continue
            attrs = dict(part.attrs)
            attrs.update({k: v for k, v in overrides.get(name, {}).items()
                          if k not in _AFFIX_FREE})
            specs.append(PartSpec(name, attrs, _Merged(attrs)))
    else:
        for part in element.find_all("date-part"):
            specs.append(PartSpec(part.get("name"), part.attrs, part))
    ctx.engine.option_cache[key] = (specs, delimiter)
    return specs, delimiter


def _year_text(year: int, form: str, ctx) -> str:
    if year < 0:
        return f"{-year}{ctx.locale.term('bc') or 'BC'}"
    if form == "short":
        return f"{year % 100:02d}"
    if year < 1000:
        return f"{year}{ctx.locale.term('ad') or 'AD'}"
    return str(year)


def _month_text(month: int, form: str, ctx, season) -> str | None:
    if month == 0:
        if season:
            return _season_text(season, ctx)
        return None
    if month > 24 or month < 0:
        return None  # not a month, not a season
    if month > 12:  # 13-16 and 21-24 are the seasons
        return ctx.locale.term(f"season-{(month - 13) % 4 + 1:02d}")
    if form == "numeric":
        return str(month)
    if form == "numeric-leading-zeros":
        return f"{month:02d}"
    return ctx.locale.term(f"month-{month:02d}", "short" if form == "short" else "long")


def _season_text(season, ctx) -> str | None:
    try:
        number = int(season)
    except (TypeError, ValueError):
        return str(season)
    return ctx.locale.term(f"season-{(number - 1) % 4 + 1:02d}")


def _shown_season(season, specs):
    """The season a date shows in its month's place, if any.

    citeproc-js takes a season number (3: autumn) for a month, shown wherever the
    month is; a season named in words shows only beside the year: APA's month-and-
    day part of a "Winter" 2014 issue is empty, "(2014)", not "(2014, Winter)"."""
    if season is None or str(season).strip().isdigit():
        return season
    return season if any(spec.name == "year" for spec in specs) else None


def _day_text(day: int, month: int, form: str, ctx) -> str | None:
    if day == 0:
        return None
    if form == "numeric-leading-zeros":
        return f"{day:02d}"
    if form == "ordinal" and (day == 1 or not ctx.locale.limit_ordinals):
        gender = ctx.locale.gender(f"month-{month:02d}") if month else ""
        return ctx.locale.ordinal(day, gender)
    return str(day)


def _part_text(spec: PartSpec, triple, ctx, season):
    year, month, day = triple
    form = spec.attrs.get("form", "")
    if spec.name == "year":
        text = _year_text(year, form, ctx) if year else None
        if text and ctx.state.year_suffix and not ctx.engine.uses_year_suffix \
                and not ctx.year_suffix_rendered and ctx.mode != "sort":
            ctx.year_suffix_rendered = True
            return Rich([text, ctx.state.year_suffix])
        return text
    if spec.name == "month":
        return _month_text(month, form or "long", ctx, season)
    if spec.name == "day":
        return _day_text(day, month, form, ctx) if month and month <= 12 else None
    return None


def _render_parts(specs, triple, ctx, season, delimiter, drop_first_prefix=False,
                  drop_last_suffix=False):
    """The rendered date-parts, each with its affixes (the outer ones dropped if asked)."""
    pieces = []
    for spec in specs:
        text = _part_text(spec, triple, ctx, season)
        if text is None:
            continue
        node = decorate(spec.element, text, ctx.title_case, affixes=False)
        pieces.append([spec.attrs.get("prefix", ""), node, spec.attrs.get("suffix", "")])
    if pieces and drop_first_prefix:
        pieces[0][0] = ""
    if pieces and drop_last_suffix:
        pieces[-1][2] = ""
    return [Rich([piece for piece in triple_ if piece]) for triple_ in pieces]


def _differing(specs, start, end) -> set[str]:
    names = ("year", "month", "day")
    for index, name in enumerate(names):
        if start[index] != end[index]:
            return set(names[index:])
    return set()


def _range_delimiter(specs, name: str) -> str:
    return next((spec.attrs.get("range-delimiter", "–") for spec in specs if spec.name == name),
                "–")


def _render_range(specs, start, end, ctx, season, delimiter):
    differs = _differing(specs, start, end) & {spec.name for spec in specs}
    if not differs:
        return join(_render_parts(specs, start, ctx, season, delimiter), delimiter)
    largest = next(name for name in ("year", "month", "day") if name in differs)
    range_delimiter = next((spec.attrs.get("range-delimiter", "–") for spec in specs
                            if spec.name == largest), "–")
    if largest == "year":
        # the end first: an implicit year-suffix follows the last year (citeproc-js: 2019-2020a)
        second = _render_parts(specs, end, ctx, season, delimiter, drop_first_prefix=True)
        first = _render_parts(specs, start, ctx, season, delimiter, drop_last_suffix=True)
        if not first and not second:
            return None  # "1890/1912" through month and day parts: nothing, not a lone "–"
        return Rich([join(first, delimiter), range_delimiter, join(second, delimiter)])
    out, index = [], 0
    while index < len(specs):
        spec = specs[index]
        if spec.name not in differs:
            out.extend(_render_parts([spec], start, ctx, season, delimiter))
            index += 1
            continue
        run = []
        while index < len(specs) and specs[index].name in differs:
            run.append(specs[index])
            index += 1
        first = _render_parts(run, start, ctx, season, delimiter, drop_last_suffix=True)
        second = _render_parts(run, end, ctx, season, delimiter, drop_first_prefix=True)
        if not first and not second:
            continue  # APA's month and day of a range of years 1890-1912: nothing, not "–"
        pieces = [join(first, delimiter), range_delimiter, join(second, delimiter)]
        out.append(Rich([piece for piece in pieces if piece is not None]))
    return join(out, delimiter)


def _is_season_number(season) -> bool:
    return isinstance(season, int) or (isinstance(season, str) and season.strip().isdigit())


_PART_NAMES = ("year", "month", "day")


def render_date(element, ctx):
    variable = element.get("variable", "")
    raw = ctx.variable(variable)
    value = read_date(raw) if raw is not None else None
    if value is None:
        return None
    specs, delimiter = _part_specs(element, ctx)
    if ctx.mode == "sort":  # dates sort by value (of the parts shown), not by their text
        shown = {spec.name for spec in specs}
        if value.parts and not any(number and name in shown
                                   for name, number in zip(_PART_NAMES, value.parts[0])):
            # A year-only date through month and day parts keeps its key, but counts as
            # empty, as in the text: a group around it vanishes (citeproc-js; Chicago's
            # source macro puts such an item after one with a day).
            ctx.counts[-1][1] -= 1
        return value.sort_key(shown) or value.literal
    # A literal ("ca. 1890") or a season written as text ("Winter") stands for the
    # whole date: a date showing only month and day shows neither (citeproc-js:
    # Chicago's "Birdwatch, Winter 2014" in notes, no "Winter" after an author-date
    # year). A season number still fills the month (the suite's "(Autumn)").
    shows_year = any(spec.name == "year" for spec in specs)
    season = value.season if shows_year or _is_season_number(value.season) else None
    if value.literal and not value.parts:
        if not shows_year:
            ctx.counts[-1][1] -= 1
            return None
        return decorate(element, value.literal, ctx.title_case)
    season = _shown_season(value.season, specs)
    if value.open_range:
        start = join(_render_parts(specs, value.parts[0], ctx, season, delimiter,
                                   drop_last_suffix=True), delimiter)
        node = Rich([start, _range_delimiter(specs, "year")]) if start is not None else None
    elif value.is_range:
        node = _render_range(specs, value.parts[0], value.parts[1], ctx, season, delimiter)
    else:
        node = join(_render_parts(specs, value.parts[0], ctx, season, delimiter), delimiter)
    if node is None:
        ctx.counts[-1][1] -= 1  # a date whose shown parts are all missing counts as empty
    return decorate(element, node, ctx.title_case)
