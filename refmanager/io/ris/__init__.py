"""RIS, to Zotero's tag mapping: the tag tables, the reader and the writer."""

from refmanager.io.ris.read import read_ris
from refmanager.io.ris.write import write_ris

__all__ = ["read_ris", "write_ris"]
