"""Where ../shared (the benchmark data beside the checkout) is, and the one way a test
skips when data it needs there is absent: `shared_path(...)`, with one wording.
`REFMAN_SHARED` names the folder instead, for a checkout elsewhere (a git worktree)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("REFMAN_SHARED") or REPOSITORY.parent / "shared")


def missing_reason(*parts: str) -> str:
    return f"needs ../shared/{'/'.join(parts)}, which is not beside this checkout"


def shared_path(*parts: str) -> Path:
    """A path below ../shared; the calling test (or fixture) skips when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(missing_reason(*parts))
    return path
