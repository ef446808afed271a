"""The front door of the CSL engine: `CitationProcessor`.

    proc = CitationProcessor("apa.csl", items)
    proc.bibliography(format="html")          # [(id, entry), ...]
    proc.citation([Cite(id="doe2000", locator="12")], format="text")

Registering the items computes citation numbers, the bibliography order and
disambiguation over the whole set once; citations then render in call order,
their positions (first, subsequent, ibid...) tracked across calls unless the
caller gives one.
"""

from __future__ import annotations

from pathlib import Path

from refmanager.collector import collector_paused
from refmanager.errors import InputError
from refmanager.render.backends import BACKENDS
from refmanager.render.bibliography import render_bibliography
from refmanager.render.citations import render_cluster
from refmanager.render.context import Cite
from refmanager.render.disambiguation import Disambiguator
from refmanager.render.engine import Engine
from refmanager.render.output import flatten
from refmanager.render.positions import PositionTracker
from refmanager.render.sorting import sort_items
from refmanager.render.style import Style

__all__ = ["CitationProcessor", "Cite"]


def _has_citation_number_key(sort) -> bool:
    return sort is not None and any(key.get("variable") == "citation-number"
                                    for key in sort.find_all("key"))


class CitationProcessor:
    def __init__(self, style: str | Path | Style, items: list[dict],
                 locale: str | None = None) -> None:
        self.style = style if isinstance(style, Style) else Style(style)
        self.engine = Engine(self.style, items, locale)
        self.engine.last_first_names = {}
        self._ids = list(self.engine.items)
        citation = self.style.citation
        distance = citation.get("near-note-distance", "5") if citation is not None else "5"
        self.positions = PositionTracker(int(distance))
        with collector_paused():
            self._register()

    @property
    def is_note_style(self) -> bool:
        return self.style.is_note

    def _register(self) -> None:
        """Number, sort (`self.order`: item ids in bibliography order) and disambiguate."""
        engine, ids = self.engine, self._ids
        for number, item_id in enumerate(ids, start=1):
            engine.states[item_id].citation_number = number
        bibliography = self.style.bibliography
        sort = bibliography.find("sort") if bibliography is not None else None
        self.order = sort_items(engine, ids, sort, "bibliography") if sort is not None else ids
        if sort is not None and not _has_citation_number_key(sort):
            for number, item_id in enumerate(self.order, start=1):
                engine.states[item_id].citation_number = number
        Disambiguator(engine).run(self.order)

    def bibliography_tree(self, select: list[str] | None = None, progress=None) -> list[tuple[str, object]]:
        """The entries in bibliography order; with `select`, those items' only.

        A selection is a bibliography of its own (as citeproc-js's
        makeBibliography with `select`): subsequent-author-substitute looks at
        the previous selected entry, while sorting, year suffixes and given
        names still come from the whole registered set. `progress(n)` is told
        of each n entries rendered."""
        if self.style.bibliography is None:
            return []
        order = self.order
        if select is not None:
            chosen = {str(item_id) for item_id in select}
            order = [item_id for item_id in order if item_id in chosen]
        return render_bibliography(self.engine, order, progress)

    def bibliography(self, format: str = "text", select: list[str] | None = None,
                     progress=None) -> list[tuple[str, str]]:
        write = BACKENDS[format]
        with collector_paused():
            return [(item_id, write(flatten(node, self.engine.locale)))
                    for item_id, node in self.bibliography_tree(select, progress)]

    def citation_tree(self, cites: list[Cite], position: str | None = None,
                      note_number: int | None = None):
        unknown = [cite.id for cite in cites if str(cite.id) not in self.engine.items]
        if unknown:
            raise InputError(f"no item with id {unknown[0]!r} was given to the processor")
        cites = [_copy(cite) for cite in cites]
        if position is not None:
            for cite in cites:
                cite.position = position
        self.positions.place(cites, note_number)
        if self.style.citation is None:
            return None
        return render_cluster(self.engine, cites)

    def citation(self, cites: list[Cite], format: str = "text", position: str | None = None,
                 note_number: int | None = None) -> str:
        node = self.citation_tree(cites, position, note_number)
        if node is None:
            return ""
        return BACKENDS[format](flatten(node, self.engine.locale))

    def format(self, node, format: str = "text") -> str:
        """Any tree this processor made, written by a backend."""
        return BACKENDS[format](flatten(node, self.engine.locale))


def _copy(cite: Cite) -> Cite:
    return Cite(str(cite.id), cite.locator, cite.label, cite.prefix, cite.suffix,
                cite.suppress_author, cite.author_only, cite.position, cite.near_note,
                cite.first_note, cite.note_number)
