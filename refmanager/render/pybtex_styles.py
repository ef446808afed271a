r"""Our named styles as pybtex formatting styles, for LaTeX and Sphinx.

pybtex finds formatting styles under the entry-point group
`pybtex.style.formatting`; refmanager registers `apa`, `chicago-author-date`,
`chicago-notes`, `chicago-author-date-17` and `chicago-notes-17` there (see
pyproject.toml), so that

    pybtex -l python --style apa paper.aux        # writes paper.bbl
    bibtex_default_style = "apa"                  # in a Sphinx conf.py, with sphinxcontrib-bibtex

format with refmanager's engine. `-l python` asks pybtex for its Python styles
(by default it runs BibTeX's .bst files); pybtex 0.26 takes the style from the
.aux file's \bibstyle, i.e. the document's \bibliographystyle{apa}, even when
--style names another.

Each pybtex entry goes back to BibTeX text and through refmanager's own BibTeX
reader (LaTeX decoded, months, names: what `refman cite refs.bib` would read),
is rendered by the named style, and comes back as pybtex rich text: italics as `Tag("em")`, bold as `Tag("b")`,
super- and subscripts, links as `HRef`.

pybtex asks a style to `sort` the entries and then to `format_entry` each one
(sphinxcontrib-bibtex calls the two itself); sorting renders them all together,
so that the style's order and its disambiguation (2020a, 2020b) hold across the
bibliography, and formatting an entry takes its rendering from there.
"""

from __future__ import annotations

from html.parser import HTMLParser

from pybtex.richtext import HRef, Tag, Text
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle

# Our HTML backend's inline tags -> pybtex's tag names (which every pybtex backend knows;
# "strong" has no LaTeX command in pybtex, "b" is \textbf).
_PYBTEX_TAGS = {"i": "em", "em": "em", "b": "b", "strong": "b", "sup": "sup", "sub": "sub"}


class NamedStyle(BaseStyle):
    """A pybtex style that renders with one of refmanager's named styles."""

    named_style = ""  # the name of the refmanager style; each subclass sets it

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self.sort = self.sort_as_the_style_does
        self._rendered: dict[str, tuple[object, Text]] = {}  # key -> (entry, its text)
        self._bib_data = None  # the whole database, when pybtex gives it: crossref parents

    def format_bibliography(self, bib_data, citations=None):
        self._bib_data = bib_data
        return super().format_bibliography(bib_data, citations)

    def sort_as_the_style_does(self, entries) -> list:
        """The entries in the style's bibliography order, each rendered for `format_entry`."""
        entries = list(entries)
        ordered = []
        for entry, text in self._render(entries):
            self._rendered[entry.key] = (entry, text)
            ordered.append(entry)
        return ordered

    def format_entry(self, label, entry, bib_data=None) -> FormattedEntry:
        cached = self._rendered.get(entry.key)
        if cached is None or cached[0] is not entry:  # not sorted with the others: alone
            [(_entry, text)] = self._render([entry])
        else:
            text = cached[1]
        return FormattedEntry(entry.key, text, label)

    def _render(self, entries: list) -> list[tuple[object, Text]]:
        """(entry, rich text) for each entry, in the style's bibliography order."""
        from refmanager.render.style_choice import formatter_for

        if not entries:
            return []
        records = _records_of(entries, self._bib_data)
        engine = formatter_for(records, self.named_style)
        by_id = dict(zip(engine.ids, entries))
        return [(by_id[item_id], rich_text(html)) for item_id, html
                in engine.processor.bibliography(format="html")]


def _records_of(entries: list, bib_data=None) -> list:
    """refmanager's records of pybtex entries, read from their BibTeX text, each
    child with what it inherits from its crossref parent (looked up in `bib_data`
    when the parent is not among the entries, and then left out)."""
    from pybtex.database import BibliographyData

    from refmanager.api import loads
    from refmanager.io.bibtex.crossref import resolve_crossrefs

    wanted = {entry.key.lower(): entry for entry in entries}
    parents = {}
    for entry in entries:
        parent = entry.fields.get("crossref", "").lower()
        if bib_data is not None and parent and parent not in wanted and parent in bib_data.entries:
            parents[parent] = bib_data.entries[parent]
    text = BibliographyData(entries={entry.key: entry for entry in [*entries, *parents.values()]}
                            ).to_string("bibtex")
    records = resolve_crossrefs(loads(text, "bibtex", path="<pybtex>").records)
    return [record for record in records if record.key.lower() in wanted]


def rich_text(html: str) -> Text:
    """pybtex rich text from our HTML backend's output for one entry."""
    builder = _RichTextBuilder()
    builder.feed(html)
    builder.close()
    return Text(*builder.parts[0])


class _RichTextBuilder(HTMLParser):
    """Nested HTML elements -> nested pybtex Text, Tag and HRef."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[list] = [[]]  # the children of each open element, outermost first
        self.open: list[tuple[str, dict]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.open.append((tag, dict(attrs)))
        self.parts.append([])

    def handle_endtag(self, tag: str) -> None:
        if not self.open:
            return
        name, attributes = self.open.pop()
        children = self.parts.pop()
        self.parts[-1].append(_element(name, attributes, children))

    def handle_data(self, data: str) -> None:
        self.parts[-1].append(data)


def _element(name: str, attributes: dict, children: list):
    if name in _PYBTEX_TAGS:
        return Tag(_PYBTEX_TAGS[name], *children)
    if name == "a" and attributes.get("href"):
        return HRef(attributes["href"], *children)
    return Text(*children)  # small caps, display divs, nocase spans: the text only


class Apa(NamedStyle):
    """APA 7th edition."""
    named_style = "apa"


class ChicagoAuthorDate(NamedStyle):
    """The Chicago Manual of Style, 18th edition, author-date."""
    named_style = "chicago-author-date"


class ChicagoNotes(NamedStyle):
    """The Chicago Manual of Style, 18th edition, notes and bibliography: the bibliography entries."""
    named_style = "chicago-notes"


class ChicagoAuthorDate17(NamedStyle):
    """The Chicago Manual of Style, 17th edition, author-date."""
    named_style = "chicago-author-date-17"


class ChicagoNotes17(NamedStyle):
    """The Chicago Manual of Style, 17th edition, notes and bibliography: the bibliography entries."""
    named_style = "chicago-notes-17"
