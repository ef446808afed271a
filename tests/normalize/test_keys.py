"""Tests for refmanager/normalize/keys.py: the keys the dedupe stage compares on."""

from __future__ import annotations

from refmanager.model import DateValue, Name, Record
from refmanager.normalize.keys import comparison_keys, folded_title


def test_two_spellings_of_one_article_have_the_same_keys():
    first = Record("a", type="article-journal", title="Soft Power: The <i>Means</i> to Success",
                   creators={"author": [Name("Gogh", "Vincent", non_dropping_particle="van")]},
                   container_title="J. Am. Chem. Soc.", dates={"issued": DateValue(((2004, 3),))},
                   doi="https://doi.org/10.1000/ABC", isbn="0-262-03384-4", issn="03784371")
    second = Record("b", type="article-journal", title="Soft power - the means to success",
                    creators={"author": [Name("van Gogh", "V.")]},
                    container_title="Journal of the American Chemical Society", dates={"issued": DateValue(((2004,),))},
                    doi="10.1000/abc", isbn="9780262033848", issn="0378-4371")
    assert comparison_keys(first) == comparison_keys(second)
    keys = comparison_keys(first)
    assert keys.title == "soft power the means to success"
    assert keys.families == ("van gogh",) and keys.year == 2004 and keys.doi == "10.1000/abc"
    assert keys.isbns == ("9780262033848",) and keys.issns == ("03784371",)
    assert keys.venue == "journal:journal of the american chemical society"


def test_conference_papers_of_one_series_share_the_venue_key():
    full = Record("a", type="paper-conference", container_title=(
        "Proceedings of the 57th Annual Meeting of the Association for Computational Linguistics"))
    short = Record("b", type="paper-conference", container_title="Proc. of ACL")
    assert comparison_keys(full).venue == comparison_keys(short).venue == "series:acl"


def test_an_arxiv_url_gives_the_id_without_its_version():
    assert comparison_keys(Record("a", url="https://arxiv.org/abs/1706.03762v5")).arxiv == "1706.03762"


def test_an_empty_record_has_empty_keys():
    keys = comparison_keys(Record("a"))
    assert (keys.title, keys.families, keys.venue, keys.year, keys.doi, keys.isbns) == ("", (), "", None, "", ())


def test_folded_titles_ignore_accents_and_markup():
    assert folded_title("Über <i>das</i> Café!") == folded_title("uber das cafe")
