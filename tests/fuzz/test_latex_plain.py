"""The fast path of `decode` (`is_plain`, a few substring tests) agrees with the
pattern it stands in for on any text: a value it wrongly called plain would be
written back undecoded."""

from __future__ import annotations

import importlib

from hypothesis import given, strategies as st

from .strategies import TOKENS, VALUE_ALPHABET

decoding = importlib.import_module("refmanager.latex.decode")  # the module, not its function
# Pieces that reach every branch of the pattern, and every kind of whitespace.
_PIECES = st.one_of(st.sampled_from(TOKENS["bibtex"] + ["'", "''", "`", " ", "\u00a0", "\u2028", "\x1c"]),
                    st.text(VALUE_ALPHABET, max_size=4))


@given(st.lists(_PIECES, max_size=30).map("".join))
def test_the_fast_path_agrees_with_the_pattern(value):
    assert decoding.is_plain(value) is (decoding._NEEDS_WORK.search(value) is None)
