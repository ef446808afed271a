"""A citation cluster: its cites sorted, grouped, collapsed and joined.

Each cite is rendered with its own prefix, suffix, locator and position. When
the style asks for collapsing, cites by the same names are grouped together,
and then shortened: "Doe 2000, 2001" (year), "Doe 2000a, b" (year-suffix),
"Doe 2000a–c" (year-suffix-ranged) or "[1]–[3]" (citation-number).
"""

from __future__ import annotations

from refmanager.render.formatting import bracket_nested_parentheses, decorate
from refmanager.render.markup import parse_markup
from refmanager.render.richtext import Rich, capitalize_leading_term, to_plain
from refmanager.render.sorting import sort_items


class RenderedCite:
    __slots__ = ("cite", "node", "names", "rest", "rest_bare", "suffix_letter", "number")

    def __init__(self, cite, node, names="", rest=None, rest_bare="", suffix_letter="",
                 number=0) -> None:
        self.cite = cite
        self.node = node
        self.names = names
        self.rest = rest
        self.rest_bare = rest_bare
        self.suffix_letter = suffix_letter
        self.number = number


_SENTENCE_END = (".", "!", "?")


def _starts_sentence(prefix: str) -> bool:
    """After a prefix of more than one word that ends a sentence ("Caps after.")."""
    text = prefix.strip().rstrip("”’\"'")
    return text.endswith(_SENTENCE_END) and " " in prefix.strip()


def _with_affixes(cite, node, note_style: bool = False, first: bool = False):
    if node is None:
        return None
    pieces = []
    if note_style and ((first and not cite.prefix) or _starts_sentence(cite.prefix)):
        node = capitalize_leading_term(node)
    if cite.prefix:
        pieces.append(parse_markup(cite.prefix))
    pieces.append(node)
    if cite.suffix:
        pieces.append(parse_markup(cite.suffix))
    return Rich(pieces) if len(pieces) > 1 else node


def _render(engine, cite, suppress_names=False, bare_suffix=False):
    ctx = engine.context(cite.id, "citation", cite)
    ctx.suppress_names = suppress_names or cite.suppress_author
    state = ctx.state
    saved = state.year_suffix
    if bare_suffix:
        state.year_suffix = ""
    try:
        node = bracket_nested_parentheses(engine.render_item(cite.id, "citation", ctx=ctx))
    finally:
        state.year_suffix = saved
    if cite.author_only:
        node = ctx.first_names_node
    return node, ctx


NO_PRINTED_FORM = "[CSL STYLE ERROR: reference with no printed form.]"  # citeproc-js's words


def render_cite(engine, cite, collapsing: bool, first: bool = False) -> RenderedCite:
    node, ctx = _render(engine, cite)
    if node is None and not cite.suppress_author:
        node = NO_PRINTED_FORM
    rendered = RenderedCite(cite, _with_affixes(cite, node, engine.style.is_note, first),
                            number=engine.states[cite.id].citation_number)
    if collapsing and not cite.suppress_author and not cite.author_only:
        rendered.names = to_plain(ctx.first_names_node) if ctx.first_names_node else ""
        rest, _ = _render(engine, cite, suppress_names=True)
        rendered.rest = _with_affixes(cite, rest)
        bare, _ = _render(engine, cite, suppress_names=True, bare_suffix=True)
        rendered.rest_bare = to_plain(bare)
        rendered.suffix_letter = engine.states[cite.id].year_suffix
    return rendered


def _group_by_names(rendered: list) -> list:
    order, groups = [], {}
    for entry in rendered:
        key = entry.names or id(entry)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(entry)
    return [entry for key in order for entry in groups[key]]


class Collapser:
    def __init__(self, citation, layout_delimiter: str) -> None:
        self.mode = citation.get("collapse", "")
        self.delimiter = layout_delimiter
        # As citeproc-js does: sorted citations group with ", ", others with the
        # layout delimiter, unless the style says.
        default = ", " if citation.find("sort") is not None else layout_delimiter
        self.group_delimiter = citation.get("cite-group-delimiter", default)
        self.after_collapse = citation.get("after-collapse-delimiter", layout_delimiter)
        self.suffix_delimiter = citation.get("year-suffix-delimiter",
                                             citation.get("cite-group-delimiter", layout_delimiter))

    def join(self, rendered: list):
        if self.mode == "citation-number":
            return self._numbers(rendered)
        pieces, index = [], 0
        while index < len(rendered):
            end = index + 1
            while end < len(rendered) and rendered[index].names \
                    and rendered[end].names == rendered[index].names:
                end += 1
            run = rendered[index:end]
            if pieces:
                pieces.append(self.after_collapse if pieces[-1][1] else self.delimiter)
            pieces.append((self._run(run), len(run) > 1))
            index = end
        return Rich([piece[0] if isinstance(piece, tuple) else piece for piece in pieces])

    def _run(self, run: list):
        if len(run) == 1:
            return run[0].node
        children = [run[0].node]
        if self.mode in ("year-suffix", "year-suffix-ranged"):
            return self._suffixes(run)
        for previous, entry in zip(run, run[1:]):
            shown = entry.rest if self.mode else entry.node
            if shown is not None:
                children += [self._between(previous), shown]
        return Rich(children)

    def _between(self, previous) -> str:
        """After a cite with a locator the group goes on with the after-collapse delimiter."""
        if previous.cite.locator and self.mode:
            return self.after_collapse
        return self.group_delimiter

    def _suffixes(self, run: list):
        children, index = [], 0
        while index < len(run):
            end = index + 1
            while end < len(run) and run[end].suffix_letter and run[index].suffix_letter \
                    and run[end].rest_bare == run[index].rest_bare \
                    and not run[end].cite.locator and not run[end - 1].cite.locator:
                end += 1
            first = run[index].node if index == 0 else run[index].rest
            if children:
                children.append(self._between(run[index - 1]))
            children.append(first)
            letters = [entry.suffix_letter for entry in run[index + 1:end]]
            children.extend(self._letters(run[index].suffix_letter, letters))
            index = end
        return Rich(children)

    def _letters(self, first: str, letters: list) -> list:
        """The suffixes after the first one: "b", or ranges "c–e" when ranged."""
        if not letters:
            return []
        runs = [[first]]
        for letter in letters:
            if self.mode == "year-suffix-ranged" and _consecutive([runs[-1][-1], letter]):
                runs[-1].append(letter)
            else:
                runs.append([letter])
        out = []
        for number, run in enumerate(runs):
            if len(run) >= 3:
                text = run[-1] if number == 0 else run[0] + "–" + run[-1]
                out += (["–" + text] if number == 0 else [self.suffix_delimiter, text])
            else:
                for position, letter in enumerate(run):
                    if number or position:
                        out += [self.suffix_delimiter, letter]
        return out

    def _numbers(self, rendered: list):
        pieces, index = [], 0
        while index < len(rendered):
            end = index + 1
            while end < len(rendered) and rendered[end].number == rendered[end - 1].number + 1 \
                    and _plain_cite(rendered[end]) and _plain_cite(rendered[end - 1]):
                end += 1
            if pieces:
                pieces.append(self.after_collapse if pieces[-1][1] else self.delimiter)
            if end - index >= 3:
                pieces.append((Rich([rendered[index].node, "–", rendered[end - 1].node]), True))
            else:
                end = index + 1
                pieces.append((rendered[index].node, False))
            index = end
        return Rich([piece[0] if isinstance(piece, tuple) else piece for piece in pieces])


def _plain_cite(entry) -> bool:
    cite = entry.cite
    return not (cite.locator or cite.prefix or cite.suffix)


def _consecutive(letters: list) -> bool:
    return all(len(a) == len(b) == 1 and ord(b) == ord(a) + 1 for a, b in zip(letters, letters[1:]))


def render_cluster(engine, cites: list):
    """The tree of one citation; None when nothing renders."""
    citation = engine.style.citation
    layout = citation.find("layout")
    sort = citation.find("sort")
    if sort is not None and len(cites) > 1:
        order = sort_items(engine, list(dict.fromkeys(cite.id for cite in cites)), sort,
                           "citation")
        rank = {item_id: index for index, item_id in enumerate(order)}
        cites = sorted(cites, key=lambda cite: rank[cite.id])
    collapse = citation.get("collapse", "")
    grouping = bool(collapse and collapse != "citation-number") or \
        "cite-group-delimiter" in citation.attrs
    rendered = [render_cite(engine, cite, grouping, index == 0)
                for index, cite in enumerate(cites)]
    rendered = [entry for entry in rendered if entry.node is not None]
    if not rendered:
        return None
    delimiter = layout.get("delimiter", "")
    if grouping and sort is not None:
        rendered = _group_by_names(rendered)
    if collapse or grouping:
        node = Collapser(citation, delimiter).join(rendered)
    else:
        node = _join_cites(rendered, delimiter)
    return _decorate_layout(layout, node)


def _join_cites(rendered: list, delimiter: str):
    """Cites joined by the layout delimiter, left out before a prefix that starts with
    punctuation of its own (", cited in")."""
    children = []
    previous = None
    for entry in rendered:
        if children and not entry.cite.prefix[:1] in (",", ";", "."):
            if previous.cite.suffix.rstrip()[-1:] in _PUNCTUATION and delimiter[:1] in _PUNCTUATION:
                children.append(delimiter[1:])  # the suffix's own mark stands in for it
            else:
                children.append(delimiter)
        children.append(entry.node)
        previous = entry
    return Rich(children)


_PUNCTUATION = tuple(",.;:!?")


def _decorate_layout(layout, node):
    """A citation's layout: unlike other elements, its formatting encloses its affixes."""
    prefix, suffix = layout.get("prefix", ""), layout.get("suffix", "")
    if prefix or suffix:
        node = Rich([piece for piece in (prefix, node, suffix) if piece])
    return decorate(layout, node, True, affixes=False)
