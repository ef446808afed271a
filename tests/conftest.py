"""Shared test fixtures: where the repository and ../shared are."""

from pathlib import Path

import pytest

from shared_data import REPOSITORY, shared_path
LIBRARY = REPOSITORY / "library"


@pytest.fixture
def shared() -> Path:
    """The shared data folder beside the checkout; tests that need it skip without it."""
    return shared_path()


@pytest.fixture(scope="session")
def repository() -> Path:
    """The root of this checkout."""
    return REPOSITORY


@pytest.fixture
def library() -> Path:
    """The sample library shipped in the repository."""
    return LIBRARY


@pytest.fixture
def bigbib(shared: Path) -> Path:
    return shared_path("bench", "bigbib")


@pytest.fixture(scope="session")
def acl_anthology():
    """The largest real file (88,536 blocks) and its Document, read once per session:
    reading it takes seconds, and several tests check it. Tests must not change it."""
    path = shared_path("bench", "bigbib", "acl-anthology-88k.bib")
    import refmanager

    return path, refmanager.load(str(path))


KNOWN_FAILURES = Path(__file__).with_name("known_failures.txt")


def read_known_failures(section: str) -> dict[str, str]:
    """The case ids listed under `[section]` in tests/known_failures.txt, with their comments.

    The file's format: `[section]` starts a suite's list; each other line is a
    case id, then whitespace, `#` and why it fails; blank lines and lines that
    start with `#` are ignored.
    """
    listed: dict[str, str] = {}
    current = None
    for line in KNOWN_FAILURES.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("[") and stripped.endswith("]"):
            current = stripped[1:-1]
            continue
        if current == section:
            case, _, comment = line.partition(" # ")
            listed[case.strip()] = comment.strip()
    return listed


@pytest.fixture
def known_failures():
    """`known_failures(section)`: the cases of a conformance suite that are known to fail."""
    return read_known_failures
