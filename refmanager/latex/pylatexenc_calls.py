"""pylatexenc's LaTeX-to-text conversion, called so that it keeps none of its callers alive.

pylatexenc ends a parse by raising an end-of-stream exception and keeping it in
a local of the frame that caught it: a reference cycle through that frame. A
frame that outlives its call holds its caller's frame, and that one its
caller's, up the stack; so each conversion kept the locals of every function
above it alive (the records a reader was building, a whole part of a file in
`refmanager.clean_parts`) until the cycle collector ran, which refmanager
pauses while it reads: 300 MB of the 88k-entry file. Called from a
generator's frame, the chain ends there.
"""

from __future__ import annotations

from collections.abc import Iterator


def converted_apart(converter, latex: str) -> str:
    """`converter.latex_to_text(latex)` (a pylatexenc `LatexNodes2Text`), in a generator's
    frame; its exceptions are raised here."""
    return next(_converting(converter, latex))


def _converting(converter, latex: str) -> Iterator[str]:
    yield converter.latex_to_text(latex)
