"""Tests for refmanager/latex/pylatexenc_calls.py: a conversion by pylatexenc leaves
nothing of its callers alive, so that a reader's records are freed with its file
even while the cycle collector is paused (as `refman clean` pauses it)."""

from __future__ import annotations

import gc
import weakref

import pytest
from pylatexenc.latex2text import LatexNodes2Text

from refmanager.latex.pylatexenc_calls import converted_apart


class _Held:
    """Stands for what a caller holds while it converts: a record being read."""


def _caller_converting(latex: str) -> tuple[str, weakref.ref]:
    held = _Held()
    return converted_apart(LatexNodes2Text(math_mode="verbatim"), latex), weakref.ref(held)


@pytest.mark.parametrize("latex", [r"\'{e}", r"\c{c}a", r"\unknowncommand{x}"],
                         ids=["an accent", "a cedilla", "a command pylatexenc lacks"])
def test_what_the_caller_held_is_freed_when_it_returns_though_the_collector_is_paused(latex):
    enabled = gc.isenabled()
    gc.disable()
    try:
        text, held = _caller_converting(latex)
        assert held() is None  # freed by its count: no frame of a reference cycle holds it
    finally:
        if enabled:
            gc.enable()
    assert text and "\\" not in text[:1]


def test_its_errors_reach_the_caller():
    class Failing:
        def latex_to_text(self, latex):
            raise ValueError(latex)

    with pytest.raises(ValueError, match="odd"):
        converted_apart(Failing(), "odd")
