"""Tests for refmanager/io/base.py: the order a writer puts a record's fields in."""

from __future__ import annotations

import pytest

from refmanager.io.base import FieldOrder
from refmanager.model import DateValue, Name, Record


def test_fields_come_in_the_order_named_and_the_rest_at_the_place_of_their_kind():
    order = FieldOrder("names", "title", "date", "keywords", "text", "note")
    record = Record(key="k", title="T", note="N", volume="8", keywords=["k"],
                    creators={"editor": [Name(family="Doe")], "author": [Name(family="Nye")]},
                    dates={"issued": DateValue(parts=((1990,),))}, variables={"genre": "essay"})
    names = [name for name, _, _ in order.items_of(record)]
    # volume has no place of its own: it goes with the other text, in the record's order
    assert names == ["editor", "author", "title", "issued", "keyword", "volume", "genre", "note"]


def test_an_order_without_a_place_for_a_kind_is_refused():
    # Without one, a writer going through the order would pass fields of that kind by.
    with pytest.raises(ValueError, match="'date'"):
        FieldOrder("names", "title", "keywords", "text")
