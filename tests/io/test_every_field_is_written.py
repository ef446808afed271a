"""Every field the model can hold reaches every writer: written, or reported as not held.

The fields are found by looking at the model (its dataclass, SCALAR_VARIABLES,
NAME_VARIABLES, DATE_VARIABLES) and at the CSL schema (the variables a record keeps
in `variables`), not listed by hand: a field added to the model that a writer does
not handle makes these tests fail instead of being dropped without a word.
"""

from __future__ import annotations

import dataclasses

import pytest

import refmanager
from refmanager.io.bibtex.tables import CSL_ALIASES
from refmanager.io.csljson.schema import property_kinds
from refmanager.model import (
    DATE_VARIABLES, NAME_VARIABLES, SCALAR_VARIABLES, DateValue, Document, Name, Record,
)

WRITERS = {"bibtex": "bibtex", "biblatex": "bibtex", "ris": "ris", "csljson": "csljson"}  # -> reader

# Record attributes that are not one CSL variable each (the containers and the bookkeeping).
NOT_VARIABLES = {"key", "type", "creators", "dates", "keywords", "variables", "foreign", "origin",
                 "problems"}

# Values of the shape each variable has in real records, so that a writer that
# tells values apart by shape (RIS's SN) is tried on what it will meet.
SAMPLE_TEXT = {"page": "153-171", "DOI": "10.2307/1148580", "ISSN": "0015-7228",
               "ISBN": "978-0-14-044913-6", "URL": "https://www.jstor.org/stable/1148580",
               "language": "en", "volume": "80", "issue": "3", "number": "12"}


def held_variables() -> list[str]:
    """CSL text variables a record keeps in `variables`, and one CSL does not know."""
    other = [name for name, kind in property_kinds().items() if kind == "text"
             and name not in SCALAR_VARIABLES.values() and name not in ("id", "type")]
    return sorted(other) + ["x-made-up-variable"]


def model_fields() -> list:
    """(CSL name, a value) for every field the model can hold."""
    fields = [(name, SAMPLE_TEXT.get(name, "Sample text")) for name in SCALAR_VARIABLES.values()]
    fields += [(role, [Name(family="Nye", given="Joseph")]) for role in sorted(NAME_VARIABLES)]
    fields += [(date, DateValue(((1990, 9, 15),))) for date in sorted(DATE_VARIABLES)]
    fields += [("keyword", ["soft power", "diplomacy"])]
    fields += [(name, "Sample text") for name in held_variables()]
    return [pytest.param(name, value, id=f"{name} ({Record('k').kind(name)})") for name, value in fields]


def test_every_attribute_of_a_record_is_a_csl_variable_the_accessor_knows():
    # A new attribute must be named in SCALAR_VARIABLES, or Record.get, fields() and
    # so every writer would pass it by.
    attributes = {field.name for field in dataclasses.fields(Record)} - NOT_VARIABLES
    assert attributes == set(SCALAR_VARIABLES)


@pytest.mark.parametrize("name, value", model_fields())
@pytest.mark.parametrize("target", list(WRITERS), ids=lambda target: f"the {target} writer")
def test_a_field_is_written_or_reported_as_not_held(target, name, value):
    record = Record("nye1990", "article-journal", title="Soft power")
    record.set(name, value)
    assert record.get(name) == value and name in record.fields()
    written = refmanager.dumps(Document("made.json", "csljson", [record]), target)
    [back] = refmanager.loads(written.text, WRITERS[target]).records
    reported = [problem.message for problem in written.problems if f"'{name}'" in problem.message]
    # An old CSL name (`shortTitle`) may come back under its new one (`title-short`).
    assert back.get(name) == value or back.get(CSL_ALIASES.get(name, name)) == value or reported, \
        f"{name} was dropped without a word"
