"""The CSL conformance suite (../shared/bench/csl-test-suite/humans) as tests.

Every fixture is one test: our processor's HTML must equal citeproc-js's
output. `csl_suite_known_failures.txt` lists the fixtures that still fail,
each with a reason; a listed fixture that passes fails the test, so the list
only shrinks.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from shared_data import SHARED, shared_path

_HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("csl_suite", _HERE / "csl_suite.py")
csl_suite = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(csl_suite)

FIXTURES = SHARED / "bench" / "csl-test-suite" / "humans"
KNOWN_FAILURES_FILE = _HERE / "csl_suite_known_failures.txt"


def _known_failures() -> dict[str, str]:
    listed = {}
    for line in KNOWN_FAILURES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, reason = line.partition(" # ")
        listed[name.strip()] = reason.strip()
    return listed


def _fixture_names() -> list[str]:
    if not FIXTURES.is_dir():
        return ["suite-missing"]
    return sorted(path.stem for path in FIXTURES.glob("*.txt"))


KNOWN = _known_failures()


@pytest.mark.parametrize("name", _fixture_names())
def test_fixture_renders_as_citeproc_js_does(name: str, shared: Path) -> None:
    path = shared_path("bench", "csl-test-suite", "humans", f"{name}.txt")
    fixture = csl_suite.read_fixture(path)
    expected = csl_suite.normalize_expected(fixture["RESULT"])
    try:
        got = csl_suite.run_fixture(fixture).strip()
    except Exception as error:  # a crash is a failure like a wrong answer
        got = f"{type(error).__name__}: {error}"
    if name in KNOWN:
        assert got != expected, f"{name} passes now: remove it from {KNOWN_FAILURES_FILE.name}"
    else:
        assert got == expected


def test_known_failures_name_real_fixtures(shared: Path) -> None:
    shared_path("bench", "csl-test-suite", "humans")
    names = set(_fixture_names())
    assert sorted(set(KNOWN) - names) == []
    assert all(KNOWN.values()), "every known failure needs a reason"
