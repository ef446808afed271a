"""Compile refmanager's bytecode before a benchmark, as `pip install` does.

The jobs run in fresh processes. An installed package starts from its compiled
bytecode; a source checkout in an environment that sets
PYTHONDONTWRITEBYTECODE (this machine does) would compile every module again
in every job, about 0.1 s each time, which no user pays. The peers (bibtexparser,
pybtex) are installed, so compiled.
"""

from __future__ import annotations

import compileall
from pathlib import Path

import refmanager

PACKAGE = Path(refmanager.__file__).resolve().parent


def compile_package() -> None:
    """Write the package's bytecode (__pycache__, ignored by git) where it is missing or old."""
    compileall.compile_dir(str(PACKAGE), quiet=1)
