"""The built wheel holds every package and every data file of the checkout."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

# Where each source folder lands in the wheel: styles/ ships as refmanager.styles.
SOURCE_FOLDERS = {"refmanager": "refmanager", "styles": "refmanager/styles"}


def _source_files(repository: Path) -> set[str]:
    """Every file of the package folders, by the path it must have in the wheel."""
    files = set()
    for folder, target in SOURCE_FOLDERS.items():
        for path in (repository / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                files.add(f"{target}/{path.relative_to(repository / folder).as_posix()}")
    return files


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory, repository) -> set[str]:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                    "--quiet", "-w", str(out), str(repository)], check=True, capture_output=True)
    return set(zipfile.ZipFile(next(out.glob("refmanager-*.whl"))).namelist())


def test_every_file_of_the_package_is_in_the_wheel(wheel_names, repository):
    missing = sorted(_source_files(repository) - wheel_names)
    assert not missing, f"left out of the wheel: {missing}"


def test_every_folder_with_python_code_is_a_package(repository):
    # find_packages() skips a folder without __init__.py, and the wheel with it.
    folders = {path.parent for path in (repository / "refmanager").rglob("*.py")}
    assert [f for f in folders if not (f / "__init__.py").is_file()] == []


def test_the_wheel_declares_the_entry_points(wheel_names):
    assert any(name.endswith("entry_points.txt") for name in wheel_names)
    assert "refmanager/styles/README.md" in wheel_names
    assert "refmanager/io/csljson/schemas/csl-data.json" in wheel_names
