"""BibTeX and BibLaTeX: the scanner, value expressions, names, the field mapping
to the record model, crossrefs, what a record keeps of its entry (`source`), and
the reader and writer built on them."""

from refmanager.io.bibtex.read import read_bibtex
from refmanager.io.bibtex.write import write_biblatex, write_bibtex

__all__ = ["read_bibtex", "write_bibtex", "write_biblatex"]
