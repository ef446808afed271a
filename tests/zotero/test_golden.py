"""The exact bytes of each Zotero export of the varied set, against golden files.

A difference is either a regression or a change meant; for the latter, write the
files anew with `python tests/zotero/data/regenerate.py` and read the diff.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_SCRIPT = Path(__file__).with_name("data") / "regenerate.py"
_spec = importlib.util.spec_from_file_location("zotero_golden_regenerate", _SCRIPT)
regenerate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(regenerate)


@pytest.mark.parametrize("format", sorted(regenerate.GOLDEN), ids=lambda f: f"the {f} export is byte for byte the golden file")
def test_export_matches_its_golden_file(format):
    golden = regenerate.GOLDEN[format]
    assert regenerate.exported_bytes(format) == golden.read_bytes(), \
        f"{golden.name} differs; if the change is meant, run python tests/zotero/data/regenerate.py"


def test_every_format_has_a_golden_file():
    from refmanager.zotero import FORMATS

    assert set(regenerate.GOLDEN) == set(FORMATS)
    assert all(path.exists() for path in regenerate.GOLDEN.values())
