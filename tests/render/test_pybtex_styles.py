"""Tests for refmanager/render/pybtex_styles.py: our named styles as pybtex
formatting styles, run by pybtex on a LaTeX .aux and by Sphinx with
sphinxcontrib-bibtex, both found through the installed entry points."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
from pybtex.database import parse_string
from pybtex.plugin import find_plugin
from pybtex.richtext import HRef, Tag, Text

from refmanager.render import pybtex_styles
from refmanager.render.pybtex_styles import rich_text

PLUGINS = {"apa": "Apa", "chicago-author-date": "ChicagoAuthorDate", "chicago-notes": "ChicagoNotes",
           "chicago-author-date-17": "ChicagoAuthorDate17", "chicago-notes-17": "ChicagoNotes17"}

# Two works of the sample library, as a LaTeX user keeps them: title case, a month macro,
# a single-hyphen page range. APA's strings are compared ignoring letter case: whether
# APA puts BibTeX titles in sentence case is the render stage's to say, not the plugin's.
BIB = r"""@book{nye2004,
  author = {Nye, Jr., Joseph S.},
  title = {Soft Power: The Means to Success in World Politics},
  publisher = {PublicAffairs},
  address = {New York},
  year = {2004},
}
@article{keohane1987,
  author = {Keohane, Robert O. and Nye, Joseph S.},
  title = {Power and Interdependence Revisited},
  journal = {International Organization},
  volume = {41},
  number = {4},
  pages = {725-753},
  year = {1987},
  month = oct,
}
"""


@pytest.fixture(autouse=True)
def no_user_styles(monkeypatch, tmp_path):
    monkeypatch.delenv("REFMAN_STYLES", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.mark.parametrize("name, class_name", PLUGINS.items(),
                         ids=[f"{name} is a pybtex formatting style" for name in PLUGINS])
def test_each_style_is_found_by_pybtex_through_the_installed_entry_points(name, class_name):
    registered = {point.name: point.value for point in metadata.entry_points(group="pybtex.style.formatting")}
    assert registered[name] == f"refmanager.render.pybtex_styles:{class_name}"
    assert find_plugin("pybtex.style.formatting", name) is getattr(pybtex_styles, class_name)


@pytest.mark.parametrize("html, expected", [
    ("Nye, J. S. (2004). <i>Soft power</i>.", Text("Nye, J. S. (2004). ", Tag("em", "Soft power"), ".")),
    ("<b>41</b>(4)", Text(Tag("b", "41"), "(4)")),
    ("<i>The <i>Origin</i> revisited</i>", Text(Tag("em", "The ", Tag("em", "Origin"), " revisited"))),
    ("H<sub>2</sub>O", Text("H", Tag("sub", "2"), "O")),
    ('<a href="https://doi.org/10.1/x">doi</a>', Text(HRef("https://doi.org/10.1/x", "doi"))),
    ('<span style="font-variant:small-caps;">Nye</span> &amp; Keohane &#38; co',
     Text("Nye & Keohane & co")),
], ids=["italics become em", "bold becomes b", "nested italics stay nested", "subscripts stay",
        "links become hrefs", "small caps and entities become plain text"])
def test_our_html_becomes_pybtex_rich_text(html, expected):
    assert rich_text(html) == expected


def test_sorting_orders_the_entries_as_the_style_does_and_formatting_uses_that_rendering():
    entries = parse_string(BIB, "bibtex").entries
    style = find_plugin("pybtex.style.formatting", "apa")()
    ordered = style.sort(entries.values())
    assert [entry.key for entry in ordered] == ["keohane1987", "nye2004"]
    formatted = style.format_entry("1", ordered[1])
    assert formatted.key == "nye2004" and formatted.label == "1"
    assert formatted.text.render_as("html").casefold() == (
        "Nye, J. S., Jr. (2004). <em>Soft Power: The Means to Success in World Politics</em>. "
        "PublicAffairs.").casefold()


def test_an_entry_formatted_without_sorting_is_rendered_alone():
    entry = parse_string(BIB, "bibtex").entries["keohane1987"]
    formatted = find_plugin("pybtex.style.formatting", "chicago-notes")().format_entry("a", entry)
    assert formatted.text.render_as("text") == ("Keohane, Robert O., and Joseph S. Nye. “Power and "
                                                "Interdependence Revisited.” International Organization "
                                                "41, no. 4 (1987): 725–53.")


def run_pybtex(folder: Path, style: str) -> str:
    (folder / "refs.bib").write_text(BIB, encoding="utf-8")
    # What LaTeX writes for \bibliographystyle{apa} \bibliography{refs} and two \cite.
    (folder / "paper.aux").write_text("\\relax\n\\citation{nye2004}\n\\citation{keohane1987}\n"
                                      f"\\bibstyle{{{style}}}\n\\bibdata{{refs}}\n", encoding="utf-8")
    # -l python: pybtex's own styles (its default is BibTeX's .bst files).
    done = subprocess.run([sys.executable, "-m", "pybtex", "-l", "python", "--style", style, "paper.aux"],
                          cwd=folder, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return (folder / "paper.bbl").read_text(encoding="utf-8")


def test_pybtex_writes_an_apa_bbl_from_an_aux_file(tmp_path):
    bbl = run_pybtex(tmp_path, "apa")
    items = re.findall(r"\\bibitem\[(\d+)\]\{(\w+)\}\n(.*)\n", bbl)
    assert [(label, key) for label, key, _text in items] == [("1", "keohane1987"), ("2", "nye2004")]
    assert items[0][2].casefold() == (r"Keohane, R. O., \& Nye, J. S. (1987). Power and Interdependence "
                                      r"Revisited. \emph{International Organization}, \emph{41}(4), 725–753."
                                      ).casefold()
    assert items[1][2].casefold() == (r"Nye, J. S., Jr. (2004). \emph{Soft Power: The Means to Success in "
                                      r"World Politics}. PublicAffairs.").casefold()
    assert bbl.startswith("\\begin{thebibliography}") and bbl.rstrip().endswith("\\end{thebibliography}")


def test_pybtex_writes_chicago_notes_bibliography_entries(tmp_path):
    bbl = run_pybtex(tmp_path, "chicago-notes")
    assert r"Nye, Joseph S., Jr. \emph{Soft Power: The Means to Success in World Politics}. PublicAffairs, 2004." in bbl
    assert "Keohane, Robert O., and Joseph S. Nye. “Power and Interdependence Revisited.”" in bbl


def test_a_crossref_parent_that_is_not_cited_still_gives_the_child_what_it_inherits(tmp_path):
    # pybtex adds a parent to the bibliography only when two children cite it (min_crossrefs).
    (tmp_path / "refs.bib").write_text(
        "@inproceedings{doe2001, author = {Doe, Jane}, title = {Attraction in World Politics},\n"
        "  crossref = {things2001}, pages = {1-12}}\n"
        "@proceedings{things2001, title = {Proceedings of the Conference on Things},\n"
        "  editor = {Roe, Richard}, year = {2001}, publisher = {ACM}}\n", encoding="utf-8")
    (tmp_path / "paper.aux").write_text("\\citation{doe2001}\n\\bibstyle{apa}\n\\bibdata{refs}\n",
                                        encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pybtex", "-l", "python", "paper.aux"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    bbl = (tmp_path / "paper.bbl").read_text(encoding="utf-8")
    assert bbl.count("\\bibitem") == 1
    assert "Doe, J. (2001)." in bbl
    assert "In R. Roe (Ed.), \\emph{Proceedings of the Conference on Things}" in bbl


def test_sphinx_with_sphinxcontrib_bibtex_renders_the_bibliography_in_apa(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    (source / "refs.bib").write_text(BIB, encoding="utf-8")
    (source / "conf.py").write_text('extensions = ["sphinxcontrib.bibtex"]\nbibtex_bibfiles = ["refs.bib"]\n'
                                    'bibtex_default_style = "apa"\n', encoding="utf-8")
    (source / "index.rst").write_text("Soft power\n==========\n\nPower attracts :cite:p:`nye2004` and "
                                      "binds :cite:p:`keohane1987`.\n\n.. bibliography::\n", encoding="utf-8")
    # Run from the project's own folder, as a user would (not from this checkout).
    done = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", str(source), str(tmp_path / "html")],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "html" / "index.html").read_text(encoding="utf-8")
    entries = re.findall(r'<div class="citation" id="[^"]+" role="doc-biblioentry">\s*'
                         r'<span class="label">.*?</span></span>\s*<p>(.*?)</p>', page, re.S)
    assert [entry.casefold() for entry in entries] == [expected.casefold() for expected in [
        "Keohane, R. O., &amp; Nye, J. S. (1987). Power and Interdependence Revisited. "
        "<em>International Organization</em>, <em>41</em>(4), 725–753.",
        "Nye, J. S., Jr. (2004). <em>Soft Power: The Means to Success in World Politics</em>. PublicAffairs.",
    ]]
