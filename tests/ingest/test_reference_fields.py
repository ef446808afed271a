"""Tests for refmanager/ingest/reference_fields.py: labelled spans to Record fields.

Cases are small spans as a labeller returns them, written here for each rule.
"""

from __future__ import annotations

import pytest

from refmanager.ingest.reference_fields import clean, edition, page_range, record_from_spans


@pytest.mark.parametrize("written, expected", [
    ("123-45", "123–45"), ("123--145", "123–145"), ("e123", "e123"), ("S12 - S19", "S12–S19"),
], ids=["hyphen becomes an en dash", "double hyphen too", "a single page stays", "letters before digits"])
def test_a_page_range_has_an_en_dash(written, expected):
    assert page_range(written) == expected


@pytest.mark.parametrize("label, written, expected", [
    ("pages", "pp. 12-19.", "12-19"), ("volume", "vol. 4,", "4"), ("volume", "Volume I", "I"),
    ("issue", "no. 3", "3"), ("container", "In: Theorizing Documentary,", "Theorizing Documentary"),
    ("doi", "doi: 10.1000/xyz.", "10.1000/xyz"), ("title", "“Orientalism Reconsidered.”", "Orientalism Reconsidered"),
], ids=["pp. is dropped", "vol. is dropped", "the word volume is dropped whole", "no. is dropped",
        "In: is dropped", "doi: is dropped", "quotes and full stop are dropped"])
def test_a_span_loses_its_markers(label, written, expected):
    assert clean(label, written) == expected


def test_an_edition_is_its_number():
    assert (edition("2nd ed."), edition("Rev. ed.")) == ("2", "Rev.")


def test_numbers_left_together_are_split():
    record = record_from_spans([("container", "Phys. Rev. D43"), ("volume", "49 1305")], "")
    assert (record.container_title, record.volume, record.page) == ("Phys. Rev. D43", "49", "1305")
    record = record_from_spans([("volume", "95 (1")], "")
    assert (record.volume, record.issue) == ("95", "1")
    record = record_from_spans([("container", "Phys. Rev. D43"), ("pages", "1056")], "")
    assert (record.container_title, record.volume) == ("Phys. Rev.", "D43")


def test_a_bare_number_read_as_pages_before_the_pages_is_the_volume():
    # "Math. Ann., 261 (1982), 43-46" (umass-citation dev): the model labelled both numbers pages
    spans = [("container", "Math. Ann."), ("pages", "261"), ("date", "1982"), ("pages", "43-46")]
    record = record_from_spans(spans, "")
    assert (record.volume, record.page) == ("261", "43–46")
    record = record_from_spans([("pages", "pp. 12-19"), ("pages", "21-25")], "")
    assert (record.volume, record.page) == ("", "12–19")


def test_an_article_number_is_not_a_page():
    record = record_from_spans([("container", "PLoS ONE"), ("volume", "9"), ("pages", "e0123")], "")
    assert (record.number, record.page) == ("e0123", "")


def test_the_type_follows_the_fields():
    assert record_from_spans([("title", "T"), ("publisher", "P")], "").type == "book"
    assert record_from_spans([("title", "T"), ("container", "Proc. of the X Conference")], "").type == "paper-conference"
    assert record_from_spans([("title", "T"), ("genre", "PhD thesis"), ("publisher", "MIT")], "").type == "thesis"
