"""Shared test fixtures: where the repository and ../shared are."""

from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[1]
SHARED = REPOSITORY.parent / "shared"
LIBRARY = REPOSITORY / "library"


@pytest.fixture
def shared() -> Path:
    """The shared data folder beside the checkout; tests that need it skip without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


@pytest.fixture
def library() -> Path:
    """The sample library shipped in the repository."""
    return LIBRARY


@pytest.fixture
def bigbib(shared: Path) -> Path:
    folder = shared / "bench" / "bigbib"
    if not folder.is_dir():
        pytest.skip("../shared/bench/bigbib is missing")
    return folder
