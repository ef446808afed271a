"""Reading and running the CSL conformance fixtures (../shared/bench/csl-test-suite).

A fixture holds a style, CSL-JSON items, optional citation clusters and the
output citeproc-js gives. `run_fixture` renders it with our processor in
citeproc-js's HTML conventions so the two compare as strings.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from refmanager.render.processor import CitationProcessor, Cite

_SECTION = re.compile(r">>=+ ([A-Z-]+) =+>>\n?(.*?)\n?<<=+ \1 =+<<", re.S)


def read_fixture(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return {name: body for name, body in _SECTION.findall(text)}


def normalize_expected(text: str) -> str:
    """citeproc-js's numeric entities as our HTML backend writes them."""
    text = text.replace("&#38;", "&amp;").replace("&#60;", "&lt;").replace("&#62;", "&gt;")
    return re.sub(r"&#(x?[0-9a-fA-F]+);", lambda m: html.unescape(m.group(0)), text).strip()


def _cite(data: dict) -> Cite:
    return Cite(id=str(data["id"]), locator=str(data.get("locator", "") or "").strip(),
                label=data.get("label", "") or "", prefix=data.get("prefix", "") or "",
                suffix=data.get("suffix", "") or "",
                suppress_author=bool(data.get("suppress-author")),
                author_only=bool(data.get("author-only")),
                position=_position_name(data.get("position")))


def _position_name(value):
    names = {0: "first", 1: "subsequent", 2: "ibid", 3: "ibid-with-locator"}
    return names.get(value) if value is not None else None


def _ordered_items(items: list, clusters: list) -> list:
    """Items registered in the order they are first cited, then the rest."""
    by_id = {str(item["id"]): item for item in items}
    order = []
    for cluster in clusters:
        for cite in cluster:
            key = str(cite["id"])
            if key in by_id and key not in order:
                order.append(key)
    order += [key for key in by_id if key not in order]
    return [by_id[key] for key in order]


def _cited_items(items: list, clusters: list) -> list:
    """The items the clusters cite, in the order they are first cited."""
    cited = {str(cite["id"]) for cluster in clusters for cite in cluster}
    return [item for item in _ordered_items(items, clusters) if str(item["id"]) in cited]


def _bibliography_html(processor) -> str:
    entries = []
    for _, entry in processor.bibliography(format="html"):
        if entry.startswith("<div"):
            entry = "\n    " + entry
        if entry.endswith("</div>"):
            entry += "\n  "
        entries.append(f'  <div class="csl-entry">{entry}</div>\n')
    return '<div class="csl-bib-body">\n' + "".join(entries) + "</div>"


def _document_states(citations) -> list:
    """The document after each step: (citation id, note number, cites) in order.

    A step sends one citation with the citations before and after it; a
    citation left out of them is gone from the document."""
    cites_of = {}  # citation id -> its cites
    states = []
    for citation, before, after in citations:
        citation_id = citation["citationID"]
        cites_of[citation_id] = [_cite(cite) for cite in citation["citationItems"]]
        note = citation.get("properties", {}).get("noteIndex", 0)
        documents = [(entry[0], entry[1], cites_of[entry[0]]) for entry in before
                     if entry[0] in cites_of]
        documents.append((citation_id, note, cites_of[citation_id]))
        documents += [(entry[0], entry[1], cites_of[entry[0]]) for entry in after
                      if entry[0] in cites_of]
        states.append(documents)
    return states


def _clusters(documents) -> list:
    return [[{"id": cite.id} for cite in cites] for _, _, cites in documents]


def _run_citations(style, items, citations) -> str:
    outputs_before = {}
    states = _document_states(citations)
    for step, documents in enumerate(states):
        rendered = _render_documents(style, items, documents)
        if step < len(states) - 1:
            outputs_before = dict(rendered)
    lines = []
    last_id = citations[-1][0]["citationID"]
    for index, (citation_id, text) in enumerate(rendered):
        changed = citation_id == last_id or outputs_before.get(citation_id) != text
        marker = ">>" if changed else ".."
        lines.append(f"{marker}[{index}] {text}")
    return "\n".join(lines)


def _render_documents(style, items, documents) -> list:
    # Only cited items are registered (citeproc-js's runner): an item whose last
    # citation was deleted no longer asks for disambiguation (bugreports_ikeyOne).
    processor = CitationProcessor(style, _cited_items(items, _clusters(documents)))
    rendered = []
    for citation_id, note, cites in documents:
        rendered.append((citation_id, processor.citation(cites, format="html",
                                                         note_number=note or None)))
    return rendered


def run_fixture(fixture: dict) -> str:
    style = fixture["CSL"]
    items = json.loads(fixture["INPUT"])
    for number, item in enumerate(items, start=1):
        item.setdefault("id", f"ITEM-{number}")  # as citeproc-js's test runner does
    mode = fixture["MODE"].strip()
    if "CITATIONS" in fixture and mode == "citation":
        citations = json.loads(fixture["CITATIONS"])
        clusters = [c[0]["citationItems"] for c in citations]
        return _run_citations(style, _ordered_items(items, clusters), citations)
    clusters = json.loads(fixture["CITATION-ITEMS"]) if "CITATION-ITEMS" in fixture else None
    if "CITATIONS" in fixture:  # the bibliography of the document the last step leaves
        clusters = _clusters(_document_states(json.loads(fixture["CITATIONS"]))[-1])
    if mode == "bibliography":
        if clusters:
            items = _cited_items(items, clusters)
        return _bibliography_html(CitationProcessor(style, items))
    if clusters is None:
        # citeproc-js's runner cites every item in its registry's (bibliography) order
        processor = CitationProcessor(style, items)
        return processor.citation([Cite(id=item_id) for item_id in processor.order],
                                  format="html")
    processor = CitationProcessor(style, _ordered_items(items, clusters))
    lines = [processor.citation([_cite(cite) for cite in cluster], format="html")
             for cluster in clusters]
    return "\n".join(lines)
