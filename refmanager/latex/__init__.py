"""LaTeX <-> Unicode and CSL rich text: `decode` reads LaTeX (BibTeX values), `encode`
writes it (the BibTeX writer, and LaTeX output of rendered bibliographies)."""

from refmanager.latex.decode import decode
from refmanager.latex.encode import encode

__all__ = ["decode", "encode"]
