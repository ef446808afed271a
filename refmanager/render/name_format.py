"""Formatting one name as a `cs:name` element asks: form, order, initials.

`NameOptions` is the merged view of a name element's attributes and the
inherited name options, computed once per element and context. `format_name`
builds the name from its parts in the order CSL 1.0.2 "Name-part Order" gives
(display or inverted, particles demoted or not), with `cs:name-part`
formatting on the given and family blocks.
"""

from __future__ import annotations

from refmanager.render.formatting import decorate
from refmanager.render.markup import parse_markup
from refmanager.render.name_parts import _particle_join, initialize, space_after
from refmanager.render.richtext import Rich, join


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


class NameOptions:
    __slots__ = ("and_", "delimiter", "delimiter_precedes_et_al", "delimiter_precedes_last",
                 "et_al_min", "et_al_use_first", "et_al_use_last", "et_al_subsequent_min",
                 "et_al_subsequent_use_first", "initialize", "initialize_with",
                 "sort_order", "sort_separator", "form", "demote", "hyphen", "given_part",
                 "family_part")

    def __init__(self, attrs: dict, style, name_element) -> None:
        self.and_ = attrs.get("and")
        self.delimiter = attrs.get("delimiter", ", ")
        self.delimiter_precedes_et_al = attrs.get("delimiter-precedes-et-al", "contextual")
        self.delimiter_precedes_last = attrs.get("delimiter-precedes-last", "contextual")
        self.et_al_min = _int(attrs.get("et-al-min"))
        # None when unset: et-al-use-first="0" is a real value (no names at all)
        self.et_al_use_first = None if "et-al-use-first" not in attrs else \
            _int(attrs.get("et-al-use-first"))
        self.et_al_use_last = attrs.get("et-al-use-last") == "true"
        self.et_al_subsequent_min = _int(attrs.get("et-al-subsequent-min"))
        self.et_al_subsequent_use_first = _int(attrs.get("et-al-subsequent-use-first"))
        self.initialize = attrs.get("initialize", "true") == "true"
        self.initialize_with = attrs.get("initialize-with")
        self.sort_order = attrs.get("name-as-sort-order")
        self.sort_separator = attrs.get("sort-separator", ", ")
        self.form = attrs.get("form", "long")
        self.demote = style.demote_particle
        self.hyphen = style.initialize_with_hyphen
        self.given_part = self.family_part = None
        if name_element is not None:
            for part in name_element.find_all("name-part"):
                if part.get("name") == "given":
                    self.given_part = part
                elif part.get("name") == "family":
                    self.family_part = part

    def inverts(self, index: int, ctx) -> bool:
        if ctx.sort_names:
            return True
        if self.sort_order == "all":
            return True
        return self.sort_order == "first" and index == 0


def _given_text(parts: dict, options: NameOptions, level: int) -> str:
    given = parts.get("given", "")
    if not given or options.initialize_with is None or level >= 2:
        return given
    return initialize(given, options.initialize_with, options.initialize, options.hyphen)


def sorted_given(parts: dict, options: NameOptions) -> str | None:
    """The given name as a sort key sees it: initialized when the style initializes."""
    if "literal" in parts or options.form == "short":
        return "" if options.form == "short" else None
    return _given_text(parts, options, 0)


def _part(element, text, ctx):
    if not text:
        return None
    if isinstance(text, str) and ("<" in text or "“" in text):
        text = parse_markup(text)  # a quoted nickname is a quotation: "D. “Rez.” (2021)"
    if element is None:
        return text
    return decorate(element, text, ctx.title_case)


def _literal(parts: dict, options: NameOptions, ctx):
    return _part(options.family_part, parse_markup(parts["literal"]), ctx)


def _non_roman(parts: dict, options: NameOptions, show_given: bool, ctx):
    family = _part(options.family_part, parts.get("family", ""), ctx)
    given = _part(options.given_part, parts.get("given", ""), ctx) if show_given else None
    return join([family, given])


def _block(element, pieces: list, ctx, tail: str = ""):
    """Name parts, each formatted by its own `cs:name-part`, the affixes of `element`
    around them all.

    `pieces` are (text, formatting element) pairs: CSL 1.0.2 formats the given name
    and dropping particle as "given", the family and non-dropping particle as
    "family", wherever the particles sit ("Gerard van DER MEER"). citeproc-js
    formats each part, not the run ("<i>Givenname</i> <i>al</i>"). A `tail` (the
    suffix of a displayed name) sits inside the affixes, unformatted."""
    pieces = [(text, part) for text, part in pieces if text]
    if not pieces:
        return None
    pieces[-1] = (pieces[-1][0].rstrip(), pieces[-1][1])  # a particle's own space ("de’ ")
    if element is None and all(part is None for _, part in pieces):
        text = pieces[0][0]
        for piece, _ in pieces[1:]:
            text = _particle_join(text, piece)
        return _part(None, text + tail, ctx)
    children = []
    for index, (piece, part) in enumerate(pieces):
        if index:
            children.append(space_after(pieces[index - 1][0]))
        node = _part(None, piece, ctx)
        children.append(node if part is None else
                        decorate(part, node, ctx.title_case, affixes=False))
    if tail:
        children.append(tail)
    prefix = element.get("prefix", "") if element is not None else ""
    suffix = element.get("suffix", "") if element is not None else ""
    return Rich([child for child in [prefix] + children + [suffix] if child])


def format_name(parts: dict, options: NameOptions, inverted: bool, level: int, ctx):
    """One name as a tree, `level` giving extra given-name detail (disambiguation)."""
    if "literal" in parts:
        return _literal(parts, options, ctx)
    short = options.form == "short" and level == 0
    if not parts.get("romanesque", True):
        return _non_roman(parts, options, not short, ctx)
    family, ndp = parts.get("family", ""), parts.get("non-dropping-particle", "")
    given_part, family_part = options.given_part, options.family_part
    if short:
        return _block(family_part, [(ndp, family_part), (family, family_part)], ctx)
    if options.form == "short":  # shown only for disambiguation: initials first
        level = 0 if level == 1 else 2
    given = _given_text(parts, options, level)
    dp, suffix = parts.get("dropping-particle", ""), parts.get("suffix", "")
    if suffix and options.initialize_with is not None and "." not in options.initialize_with \
            and level < 2:
        suffix = suffix.replace(".", "")  # citeproc-js: initials without periods, "Xu I Jr"
    if not inverted:
        tail = ((", " if parts.get("comma-suffix") else " ") + suffix) if suffix else ""
        given_block = _block(given_part, [(given, given_part)], ctx)
        family_block = _block(family_part, [(dp, given_part), (ndp, family_part),
                                            (family, family_part)], ctx, tail)
        return join([given_block, family_block], " ")
    if options.demote == "display-and-sort":
        family_block = _block(family_part, [(family, family_part)], ctx)
        given_block = _block(given_part, [(given, given_part), (dp, given_part),
                                          (ndp, family_part)], ctx)
    else:
        family_block = _block(family_part, [(ndp, family_part), (family, family_part)], ctx)
        given_block = _block(given_part, [(given, given_part), (dp, given_part)], ctx)
    pieces = [family_block, given_block]
    if suffix:
        pieces.append(suffix)
    return join(pieces, options.sort_separator)
