"""Where ../shared (the benchmark data beside the checkout) is, and the one way a test
skips when data it needs there is absent: `shared_path(...)`, with one wording."""

from __future__ import annotations

from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[1]
SHARED = REPOSITORY.parent / "shared"


def missing_reason(*parts: str) -> str:
    return f"needs ../shared/{'/'.join(parts)}, which is not beside this checkout"


def shared_path(*parts: str) -> Path:
    """A path below ../shared; the calling test (or fixture) skips when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(missing_reason(*parts))
    return path
