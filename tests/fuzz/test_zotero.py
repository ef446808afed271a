"""Fuzz tests for the Zotero exports (refmanager/zotero/): a record built by hand with
any values is exported in every format without raising, reads back as one record
per record, and each CSL-JSON item fits the schema."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, strategies as st

import refmanager
from refmanager.io.csljson.schema import schema_errors
from refmanager.model import Document
from refmanager.zotero import FORMATS, export

from .strategies import hostile_records, plain_records


@pytest.mark.parametrize("format", FORMATS)
@given(records=st.lists(hostile_records(), min_size=1, max_size=3))
def test_any_record_is_exported_and_reads_back_as_one_record(format, records):
    exported = export(Document("by-hand", "", records), format)
    back = refmanager.loads(exported.text, format)
    assert len(back.records) == len(records)
    if format == "csljson":
        assert all(schema_errors(item) == [] for item in json.loads(exported.text))


@pytest.mark.parametrize("format", FORMATS)
@given(records=st.lists(plain_records(), min_size=1, max_size=4, unique_by=lambda record: record.key))
def test_plain_records_keep_their_titles_and_dates(format, records):
    exported = export(Document("by-hand", "", records), format)
    changed = {(loss.key, loss.field) for loss in exported.losses}
    back = refmanager.loads(exported.text, format).records
    for before, after in zip(records, back):
        if (before.key, "title") not in changed:
            assert after.title == before.title
        if (before.key, "issued") not in changed:
            assert after.issued == before.issued
