"""Exports that Zotero imports with as little lost as each format allows.

Zotero's own import translators decide what survives, and the format matters
(`shared/research/zotero-import.md`): RIS written to Zotero's tag mapping kept
every field of a varied test set, classic BibTeX about 94%, CSL-JSON about 89%.
One module per format (`ris`, `bibtex`, `csljson`), each reusing refmanager's
writers; `prepare` does what all three need first; `schema` says which fields
each Zotero type has; `fidelity` holds what an export reports: per record, each
field the format cannot carry into Zotero.

    >>> from refmanager.zotero import export
    >>> result = export(refmanager.load("library/soft-power.bib"), "ris")
    >>> result.text, result.losses
"""

from __future__ import annotations

from typing import Callable

from refmanager.errors import UnknownFormatError
from refmanager.model import Document
from refmanager.zotero.fidelity import FATES, Loss, ZoteroExport
from refmanager.zotero.prepare import Progress

#: The formats, the first the default: RIS is the one Zotero imports with nothing lost.
FORMATS = ("ris", "bibtex", "csljson")


def export(document: Document, format: str = "ris", progress: Progress | None = None) -> ZoteroExport:
    """The document written for Zotero's import in `format`, and what will not survive it;
    `progress`, if given, is told how many records were done since its last call."""
    return _exporter(format)(document, progress)


def _exporter(format: str) -> Callable[..., ZoteroExport]:
    if format == "ris":
        from refmanager.zotero.ris import export_ris

        return export_ris
    if format == "bibtex":
        from refmanager.zotero.bibtex import export_bibtex

        return export_bibtex
    if format == "csljson":
        from refmanager.zotero.csljson import export_csljson

        return export_csljson
    raise UnknownFormatError(f"no Zotero export in {format!r}; choose one of {', '.join(FORMATS)}")


__all__ = ["FATES", "FORMATS", "Loss", "ZoteroExport", "export"]
