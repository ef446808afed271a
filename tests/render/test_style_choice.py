"""Tests for refmanager/render/style_choice.py: what a style name means (a named
style, then an official CSL id, then a .csl file) and the list `refman styles` shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from refmanager.api import loads
from refmanager.errors import InputError, UnknownStyleError
from refmanager.render import api
from refmanager.render.style_choice import choose_style, formatter_for, style_rows

# Two works of the sample library's kind, as CSL-JSON.
ITEMS = [
    {"id": "nye2004", "type": "book", "title": "Soft power: The means to success in world politics",
     "author": [{"family": "Nye", "given": "Joseph S."}], "issued": {"date-parts": [[2004]]},
     "publisher": "PublicAffairs"},
    {"id": "keohane1977", "type": "book", "title": "Power and interdependence",
     "author": [{"family": "Keohane", "given": "Robert O."}, {"family": "Nye", "given": "Joseph S."}],
     "issued": {"date-parts": [[1977]]}, "publisher": "Little, Brown"},
]


@pytest.fixture(autouse=True)
def no_user_styles(monkeypatch, tmp_path):
    monkeypatch.delenv("REFMAN_STYLES", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def test_a_named_style_is_chosen_before_an_official_id():
    choice = choose_style("chicago-notes")
    assert choice.named is not None and choice.csl == "chicago-notes-bibliography"


def test_an_official_id_is_used_as_it_is():
    choice = choose_style("ieee")
    assert (choice.named, choice.csl) == (None, "ieee")


@pytest.mark.parametrize("name, csl", [("chicago-notes", "chicago-notes-bibliography"),
                                       ("chicago-author-date-17", "chicago-author-date-17th-edition")],
                         ids=["chicago-notes renders as chicago-notes-bibliography",
                              "chicago-author-date-17 renders as its 17th edition"])
def test_a_named_style_renders_as_the_csl_style_it_runs(name, csl):
    named = formatter_for(ITEMS, name)
    official = api.formatter(ITEMS, csl)
    assert named.style.id == csl
    assert named.processor.bibliography(format="html") == official.processor.bibliography(format="html")


def test_the_named_styles_locale_is_used_unless_one_is_given(tmp_path, monkeypatch):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "german.toml").write_text('title = "G"\ncsl = "chicago-author-date"\nlocale = "de-DE"\n')
    monkeypatch.setenv("REFMAN_STYLES", str(folder))
    german = formatter_for(ITEMS, "german").processor.bibliography()
    english = formatter_for(ITEMS, "german", locale="en-US").processor.bibliography()
    assert " und Joseph" in dict(german)["keohane1977"]
    assert " and Joseph" in dict(english)["keohane1977"]


def test_a_named_styles_options_reach_the_render_api_when_it_takes_them(monkeypatch):
    # `sentence_case` is a keyword of api.formatter once records-to-CSL lands; the
    # named style passes each option the API has a keyword for.
    calls = []

    def formatter(records_or_items, style="apa", locale=None, sentence_case=None):
        calls.append((style, locale, sentence_case))

    monkeypatch.setattr(api, "formatter", formatter)
    formatter_for(ITEMS, "apa")
    formatter_for(ITEMS, "chicago-notes")
    assert calls == [("apa", "en-US", True), ("chicago-notes-bibliography", "en-US", None)]


def test_the_csl_prefix_skips_the_named_style_of_the_same_name():
    choice = choose_style("csl:apa")
    assert (choice.named, choice.csl, choice.writes_entries) == (None, "apa", False)
    assert choose_style("apa").named is not None


def test_the_csl_prefix_renders_the_official_style_without_the_named_options():
    # The named apa puts BibTeX titles in sentence case; csl:apa prints them as stored.
    records = loads("@book{nye2004, author = {Nye, Joseph S.}, year = 2004, publisher = {PublicAffairs},"
                    " title = {Soft Power: The Means to Success in World Politics}}", "bibtex").records
    official = dict(formatter_for(records, "csl:apa").processor.bibliography(format="text"))
    named = dict(formatter_for(records, "apa").processor.bibliography(format="text"))
    assert "Soft Power: The Means to Success in World Politics" in official["nye2004"]
    assert "Soft power: The means to success in world politics" in named["nye2004"]


def test_the_csl_prefix_alone_is_a_one_line_error():
    with pytest.raises(InputError, match="names no style"):
        choose_style("csl:")


def test_a_writer_style_has_no_citation_processor():
    with pytest.raises(InputError, match="writes BibTeX entries"):
        formatter_for(ITEMS, "bibtex")


def test_an_unknown_name_lists_close_official_ids():
    with pytest.raises(UnknownStyleError, match="did you mean"):
        formatter_for(ITEMS, "chicago-nots-bibliography")


def test_style_rows_put_the_named_styles_first_with_their_file_and_class():
    rows = style_rows("chicago")
    named = [row for row in rows if row.get("named")]
    assert rows[: len(named)] == named
    assert {row["id"] for row in named} == {"chicago-author-date", "chicago-notes",
                                            "chicago-author-date-17", "chicago-notes-17"}
    notes = next(row for row in named if row["id"] == "chicago-notes")
    assert notes["style_class"] == "note" and Path(notes["file"]).name == "chicago-notes.toml"
    assert any(row["id"] == "chicago-notes-bibliography" and not row.get("named") for row in rows)


def test_style_rows_call_a_writer_style_entries():
    [bibtex] = [row for row in style_rows("bibtex") if row.get("named") and row["id"] == "bibtex"]
    assert (bibtex["style_class"], bibtex["writer"]) == ("entries", "bibtex")
