"""Zotero's types and fields in CSL terms (refmanager/zotero/schema.py)."""

from __future__ import annotations

import pytest

from refmanager.io.csljson.schema import item_types
from refmanager.zotero.schema import NEAREST, ZOTERO_TYPES, holds, zotero_type


@pytest.mark.parametrize("csl_type, zotero", [
    ("article-journal", "article-journal"), ("pamphlet", "book"), ("standard", "report"),
    ("figure", "graphic"), ("article", "document"), ("no-such-type", "document"),
], ids=lambda value: value)
def test_each_csl_type_becomes_a_zotero_type(csl_type, zotero):
    assert zotero_type(csl_type) == zotero


def test_every_type_named_is_a_csl_type():
    assert set(ZOTERO_TYPES) | set(NEAREST) <= item_types()
    assert set(NEAREST.values()) <= set(ZOTERO_TYPES) and not set(NEAREST) & set(ZOTERO_TYPES)


@pytest.mark.parametrize("zotero, name, kind, held", [
    ("article-journal", "ISSN", "text", True), ("article-journal", "ISBN", "text", False),
    ("article-journal", "number", "text", False), ("chapter", "container-author", "names", True),
    ("book", "collection-editor", "names", True), ("thesis", "editor", "names", False),
    ("paper-conference", "event-title", "text", True), ("paper-conference", "event-place", "text", False),
    ("report", "number", "text", True), ("webpage", "keyword", "keywords", True),
], ids=lambda value: str(value))
def test_holds_says_whether_a_zotero_type_has_the_field(zotero, name, kind, held):
    assert holds(zotero, name, kind) is held
