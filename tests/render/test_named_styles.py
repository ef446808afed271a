"""Tests for refmanager/render/named_styles.py: the built-in named styles, a
user's own, and the one-line errors of a style file that is wrong."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from refmanager.errors import InputError, StyleError
from refmanager.render.named_styles import find_named_style, load_named_style, named_styles

REPOSITORY = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def no_user_styles(monkeypatch, tmp_path):
    """The tests see the built-in styles only, whatever this machine's ~/.config holds."""
    monkeypatch.delenv("REFMAN_STYLES", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def write_style(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


# The list: which official CSL style each named one runs.
BUILT_IN_CSL = {
    "apa": "apa",
    "chicago-author-date": "chicago-author-date",
    "chicago-notes": "chicago-notes-bibliography",
    "chicago-author-date-17": "chicago-author-date-17th-edition",
    "chicago-notes-17": "chicago-notes-bibliography-17th-edition",
}


@pytest.mark.parametrize("name, csl", BUILT_IN_CSL.items(),
                         ids=[f"{name} runs {csl}" for name, csl in BUILT_IN_CSL.items()])
def test_each_built_in_style_runs_its_official_csl_style_in_american_english(name, csl):
    style = find_named_style(name)
    assert (style.csl, style.locale, style.writer, style.built_in) == (csl, "en-US", "", True)


def test_apa_asks_for_sentence_case():
    assert find_named_style("apa").render_options["sentence_case"] is True
    assert "sentence_case" not in find_named_style("chicago-notes").render_options


@pytest.mark.parametrize("name", ["bibtex", "biblatex"], ids=["bibtex writes bibtex", "biblatex writes biblatex"])
def test_the_writer_styles_name_their_dialect(name):
    style = find_named_style(name)
    assert (style.writer, style.csl) == (name, "")


def test_every_built_in_style_file_is_listed_and_valid():
    files = {path.stem for path in (REPOSITORY / "styles").glob("*.toml")}
    assert {style.name for style in named_styles()} == files
    assert files >= set(BUILT_IN_CSL) | {"bibtex", "biblatex"}


@pytest.mark.parametrize("name", ["ieee", "styles/apa.csl", "no such style", ""],
                         ids=["an official id is not a named style", "a .csl path is not one",
                              "a name with spaces is not one", "nothing is not one"])
def test_names_that_are_not_named_styles_give_none(name):
    assert find_named_style(name) is None


# ---------------------------------------------------------------- a user's own styles

def test_a_style_in_the_refman_styles_folder_is_found_and_listed(tmp_path, monkeypatch):
    folder = tmp_path / "mine"
    write_style(folder, "house", 'title = "Our house style"\ncsl = "ieee"\nlocale = "en-GB"\n')
    monkeypatch.setenv("REFMAN_STYLES", str(folder))
    style = find_named_style("house")
    assert (style.csl, style.locale, style.built_in) == ("ieee", "en-GB", False)
    assert "house" in {style.name for style in named_styles()}


def test_a_style_in_the_config_folder_is_found(tmp_path):
    write_style(tmp_path / "config" / "refmanager" / "styles", "lab", 'title = "Lab"\ncsl = "nature"\n')
    assert find_named_style("lab").csl == "nature"


def test_a_users_style_replaces_the_built_in_of_the_same_name(tmp_path, monkeypatch):
    write_style(tmp_path / "mine", "apa", 'title = "APA, our way"\ncsl = "apa"\nsentence-case = false\n')
    monkeypatch.setenv("REFMAN_STYLES", str(tmp_path / "mine"))
    [apa] = [style for style in named_styles() if style.name == "apa"]
    assert (apa.title, apa.sentence_case, apa.built_in) == ("APA, our way", False, False)


def test_a_users_style_may_run_its_own_csl_file_relative_to_the_toml(tmp_path, monkeypatch):
    folder = tmp_path / "mine"
    write_style(folder, "own", 'title = "Own"\ncsl = "csl/own.csl"\n')
    (folder / "csl").mkdir()
    (folder / "csl" / "own.csl").write_text("<style/>", encoding="utf-8")
    monkeypatch.setenv("REFMAN_STYLES", str(folder))
    assert find_named_style("own").csl == str((folder / "csl" / "own.csl").resolve())


def test_a_refman_styles_folder_that_does_not_exist_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv("REFMAN_STYLES", str(tmp_path / "missing"))
    with pytest.raises(InputError, match=r"^REFMAN_STYLES: no such folder .*missing$"):
        find_named_style("apa")


THESES = """@phdthesis{smith2019, author = {Smith, Jane}, title = {Soft Power in the {Caucasus}},
  school = {University of Oxford}, year = 2019}
@mastersthesis{lee2020, author = {Lee, Min}, title = {Public Diplomacy}, school = {Seoul National University},
  year = 2020}
"""


@pytest.mark.parametrize("style, words", [("apa", "[Doctoral dissertation]"), ("chicago-notes", "PhD diss."),
                                          ("chicago-author-date-17", "PhD diss."), ("csl:apa", "[PhD thesis]")],
                         ids=["APA calls a BibTeX phdthesis a doctoral dissertation",
                              "Chicago calls it a PhD diss.", "so does Chicago's 17th edition",
                              "the official style prints the genre as stored"])
def test_a_named_style_gives_its_own_words_for_a_thesis(style, words):
    from refmanager.api import loads
    from refmanager.render.style_choice import formatter_for

    records = loads(THESES, "bibtex").records
    entries = dict(formatter_for(records, style).processor.bibliography(format="text"))
    assert words in entries["smith2019"]
    assert "Master’s thesis" in entries["lee2020"]  # a genre the table does not name is left as it is


def test_genres_are_compared_without_regard_to_case(tmp_path):
    from refmanager.render import api

    item = {"id": "k", "type": "thesis", "title": "T", "genre": "phd THESIS", "publisher": "U",
            "author": [{"family": "Roe", "given": "Ann"}], "issued": {"date-parts": [[2020]]}}
    style = load_named_style(write_style(tmp_path, "house", 'title = "H"\ncsl = "apa"\n[genres]\n"PhD thesis" = "Dissertation"\n'))
    assert style.render_options["genres"] == {"PhD thesis": "Dissertation"}
    rendered = api.formatter([item], "apa", **style.render_options).processor.bibliography(format="text")
    assert "[Dissertation]" in rendered[0][1]


BOOKS = """@book{nye1990, author = {Nye, Jr., Joseph S.}, title = {Bound to Lead: The Changing Nature of American Power},
  publisher = {Basic Books}, year = 1990}
@book{nye2004, author = {Nye, Jr., Joseph S.}, title = {Soft Power: The Means to Success in World Politics},
  publisher = {PublicAffairs}, year = 2004}
@article{nye1990b, author = {Nye, Jr., Joseph S.}, title = {Soft Power}, journal = {Foreign Policy},
  number = 80, pages = {153--171}, year = 1990}
@book{laruelle2008, author = {Laruelle, Marlene}, title = {Russian Eurasianism: An Ideology of Empire},
  shorttitle = {Eurasianism}, publisher = {Woodrow Wilson Center Press}, year = 2008}
"""


@pytest.mark.parametrize("style", ["chicago-notes", "chicago-notes-17"],
                         ids=["Chicago's short notes name a BibTeX book by its main title",
                              "so do those of its 17th edition"])
def test_chicago_short_notes_use_the_main_title_unless_it_is_ambiguous_or_given(style):
    from refmanager.api import loads
    from refmanager.render.processor import Cite
    from refmanager.render.style_choice import formatter_for

    processor = formatter_for(loads(BOOKS, "bibtex").records, style).processor
    short = {key: processor.citation([Cite(key, position="subsequent")], format="text")
             for key in ("nye1990", "nye2004", "laruelle2008")}
    assert short["nye1990"] == "Nye, Bound to Lead."
    # "Soft Power" would cite two of Nye's works alike: the whole title tells them apart
    assert short["nye2004"] == "Nye, Soft Power: The Means to Success in World Politics."
    assert short["laruelle2008"] == "Laruelle, Eurasianism."  # the record's own short title
    full = processor.citation([Cite("nye1990", position="first")], format="text")
    assert "Bound to Lead: The Changing Nature of American Power" in full


# personal-library-17k.bib: `title = {How To Use Conditional Expressions With Numpy Where()}`.
# CSL's title case capitalises lower-case words only, so citeproc-js keeps "To" and "With".
HEADLINE = ("@online{eyre2024, title = {How To Use Conditional Expressions With Numpy Where()},"
            " author = {Eyre, Ian}, year = {2024}, url = {https://realpython.com/x}}\n"
            "@book{roe2001, title = {Die Entwicklung Der Stadt}, author = {Roe, R.}, year = {2001},"
            " publisher = {P}, language = {german}}\n")


@pytest.mark.parametrize("style", ["chicago-author-date", "chicago-author-date-17", "chicago-notes",
                                   "chicago-notes-17"])
def test_chicago_lowers_the_prepositions_of_a_title_case_bibtex_title(style):
    from refmanager.api import loads
    from refmanager.render.style_choice import formatter_for

    def bibliography(spec):
        processor = formatter_for(loads(HEADLINE, "bibtex").records, spec).processor
        return " ".join(entry for _id, entry in processor.bibliography(format="text"))

    named = bibliography(style)
    assert "How to Use Conditional Expressions with Numpy Where()" in named
    assert "Die Entwicklung Der Stadt" in named  # German is left as stored
    assert "How To Use Conditional Expressions With Numpy Where()" in bibliography(f"csl:{find_named_style(style).csl}")


def test_the_official_chicago_style_prints_the_whole_title_in_short_notes_as_citeproc_js_does():
    from refmanager.api import loads
    from refmanager.render.processor import Cite
    from refmanager.render.style_choice import formatter_for

    processor = formatter_for(loads(BOOKS, "bibtex").records, "csl:chicago-notes-bibliography").processor
    assert processor.citation([Cite("nye1990", position="subsequent")], format="text") == \
        "Nye, Bound to Lead: The Changing Nature of American Power."


# ---------------------------------------------------------------- validation

# Each case: the file's text, the line the error must name, and words of its message.
INVALID = {
    "an unknown key": ('title = "T"\ncsl = "apa"\nsentence_case = true\n', 3, "unknown key 'sentence_case'"),
    "a title that is not a string": ('title = 7\ncsl = "apa"\n', 1, "title must be a string"),
    "a sentence case that is not true, false or all": (
        'title = "T"\ncsl = "apa"\n\nsentence-case = "yes"\n', 4, 'sentence-case must be true, false or "all"'),
    "a CSL id that does not exist": ('# comment\ntitle = "T"\ncsl = "apa-7th"\n', 3, "csl: no style 'apa-7th'"),
    "a .csl file that does not exist": ('title = "T"\ncsl = "missing.csl"\n', 2, "csl: no such style file"),
    "short titles that are not true, false or all": (
        'title = "T"\ncsl = "apa"\nshort-titles = 1\n', 3, 'short-titles must be true, false or "all"'),
    "short titles for a writer": ('title = "T"\nwriter = "bibtex"\nshort-titles = true\n', 3,
                                  "a writer style has none"),
    "a locale that does not exist": ('title = "T"\ncsl = "apa"\nlocale = "xx-YY"\n', 3, "no CSL locale 'xx-YY'"),
    "an unknown writer": ('title = "T"\nwriter = "ris"\n', 2, "writer must be one of bibtex, biblatex"),
    "both csl and writer": ('title = "T"\ncsl = "apa"\nwriter = "bibtex"\n', 1, "one of the two"),
    "neither csl nor writer": ('title = "T"\n', 1, "one of the two"),
    "no title": ('csl = "apa"\n', 1, "no title"),
    "a locale for a writer": ('title = "T"\nwriter = "bibtex"\nlocale = "en-US"\n', 3, "a writer style has none"),
    "broken TOML": ('title = "T"\ncsl = \n', 2, "not valid TOML"),
    "genres that are not a table": ('title = "T"\ncsl = "apa"\ngenres = "PhD"\n', 3, "genres must be a table"),
    "a genre without words": ('title = "T"\ncsl = "apa"\n\n[genres]\n"PhD thesis" = 3\n', 4,
                              "'PhD thesis' must name the style's words"),
    "title case that is not true, false or all": (
        'title = "T"\ncsl = "apa"\ntitle-case = "yes"\n', 3, 'title-case must be true, false or "all"'),
    "both sentence case and title case": (
        'title = "T"\ncsl = "apa"\nsentence-case = true\ntitle-case = true\n', 4, "cannot both be on"),
    "genres for a writer": ('title = "T"\nwriter = "bibtex"\n[genres]\n"PhD thesis" = "D"\n', 3,
                            "a writer style has none"),
}


@pytest.mark.parametrize("text, line, words", INVALID.values(),
                         ids=[f"{case} is an error naming the file and line" for case in INVALID])
def test_a_wrong_style_file_raises_one_line_naming_the_file_and_line(tmp_path, text, line, words):
    path = write_style(tmp_path, "wrong", text)
    with pytest.raises(StyleError) as raised:
        load_named_style(path)
    message = str(raised.value)
    assert message.startswith(f"{path}:{line}: ") and "\n" not in message
    assert words in message


def test_an_unknown_csl_id_suggests_close_ones(tmp_path):
    path = write_style(tmp_path, "wrong", 'title = "T"\ncsl = "chicago-note-bibliography"\n')
    with pytest.raises(StyleError, match=re.escape("did you mean: ") + ".*chicago-notes-bibliography"):
        load_named_style(path)


def test_listing_reports_a_broken_user_style(tmp_path, monkeypatch):
    write_style(tmp_path / "mine", "broken", 'title = "T"\n')
    monkeypatch.setenv("REFMAN_STYLES", str(tmp_path / "mine"))
    with pytest.raises(StyleError, match=r"broken\.toml:1: "):
        named_styles()
    assert find_named_style("apa").csl == "apa"  # a style that is not asked for is not read


def test_a_source_checkout_without_the_installed_package_finds_the_styles_folder(monkeypatch):
    from refmanager.render import named_styles

    def not_installed(package):
        raise ModuleNotFoundError(package)

    monkeypatch.setattr(named_styles.resources, "files", not_installed)
    package_root = Path(named_styles.__file__).resolve().parents[1]
    assert named_styles.built_in_folder() == package_root.parent / "styles"
    if (package_root.parent / "pyproject.toml").is_file():  # imported from the checkout itself
        assert (named_styles.built_in_folder() / "apa.toml").is_file()
