"""Tests for refmanager/io/ris/tags.py: the tag tables name fields by CSL name.

The tag meanings themselves are checked by reading and writing, in test_read_write.py.
"""

from __future__ import annotations

import pytest

from refmanager.io.csljson.schema import property_kinds
from refmanager.io.ris.tags import (
    DOI_OR_FOREIGN, EXTRA, GENRE_OR_DOI, JOURNAL, KEY, KEYWORDS, PAGE_END, PAGE_START, SERIAL,
    tag_of_variable, variable_of_tag,
)
from refmanager.model import Record

FAMILIES = ["journal", "book", "chapter", "conference", "thesis", "report", "webpage", "generic"]
SPECIAL = {KEY, KEYWORDS, SERIAL, PAGE_START, PAGE_END, JOURNAL, DOI_OR_FOREIGN, GENRE_OR_DOI,
           EXTRA}
# A special target stands for these variables when the writer looks a tag up.
HELD_BY = {SERIAL: {"ISBN", "ISSN", "number"}, PAGE_START: {"page"}, GENRE_OR_DOI: {"genre"}}


@pytest.mark.parametrize("family_name", FAMILIES, ids=lambda name: f"for {name} types")
def test_every_tag_the_writer_uses_reads_back_to_the_same_field(family_name):
    reading = variable_of_tag(family_name)
    for target, tag in tag_of_variable(family_name).items():
        assert reading[tag] == target or target in HELD_BY.get(reading[tag], ()), (target, tag)


@pytest.mark.parametrize("family_name", FAMILIES, ids=lambda name: f"for {name} types")
def test_every_target_is_a_csl_name_the_accessor_knows_or_a_special_one(family_name):
    kinds = property_kinds()
    for tag, target in variable_of_tag(family_name).items():
        if target is None or target in SPECIAL:
            continue
        assert target in kinds, (tag, target)  # "var:genre" or "container_title" would fail
        expected = {"names": "names", "date": "date"}.get(kinds[target], "text")
        assert Record("k").kind(target) == expected, (tag, target)
