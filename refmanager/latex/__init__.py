"""LaTeX <-> Unicode and CSL rich text: `decode` reads LaTeX (BibTeX values), `encode`
writes it (the BibTeX writer, and LaTeX output of rendered bibliographies). Both
find brace groups by the one rule in `braces` and read quotes by `quotes`."""

from refmanager.latex.decode import decode
from refmanager.latex.encode import encode

__all__ = ["decode", "encode"]
