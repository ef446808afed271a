"""The built wheel holds every package and every data file of the checkout, and
works installed on its own: `refman cite` with a named style, from another folder."""

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
def wheel(tmp_path_factory, repository) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                    "--quiet", "-w", str(out), str(repository)], check=True, capture_output=True)
    return next(out.glob("refmanager-*.whl"))


@pytest.fixture(scope="module")
def wheel_names(wheel) -> set[str]:
    return set(zipfile.ZipFile(wheel).namelist())


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


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh virtual environment with the wheel installed, and nothing of the checkout.

    Offline and quick: the wheel goes in without its dependencies, which the new
    environment reads from this one's site-packages (a .pth line; that folder's own
    .pth files, among them the editable install's finder, are not run)."""
    import site

    environment = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(environment)], check=True)
    python = environment / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                             check=True, capture_output=True, text=True).stdout.strip()
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
                    "--no-index", "--quiet", str(wheel)], check=True, capture_output=True)
    # Written after the install: pip would otherwise see the refmanager installed in this
    # environment (CI installs it as a wheel too) as already satisfying the wheel.
    Path(purelib, "dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    return environment


def test_the_installed_wheel_cites_with_a_named_style_from_another_folder(installed, repository, tmp_path):
    env = {"PATH": f"{installed / 'bin'}:/usr/bin:/bin", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    sample = repository / "library" / "soft-power.bib"
    done = subprocess.run([str(installed / "bin" / "refman"), "cite", str(sample), "nye2004book",
                           "--style", "chicago-notes", "--in-text"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Joseph S. Nye Jr., Soft Power: The Means to Success in World Politics " \
                                  "(PublicAffairs, 2004)."
    where = subprocess.run([str(installed / "bin" / "python"), "-c",
                            "import refmanager.render.named_styles as n; print(n.find_named_style('apa').path)"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=True).stdout.strip()
    assert Path(where).is_relative_to(installed) and not Path(where).is_relative_to(repository)
