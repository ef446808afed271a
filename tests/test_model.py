"""Tests for refmanager/model.py and refmanager/errors.py."""

from __future__ import annotations

import pytest

from refmanager.errors import Problem
from refmanager.model import DateValue, Document, Name, Origin, Record, Verbatim


def sealed(record: Record) -> Record:
    record.seal(Origin("refs.bib", 3, "bibtex", "article", "@article{k, ...}"))
    return record


@pytest.mark.parametrize("change", [
    pytest.param(lambda r: setattr(r, "title", "Other"), id="a changed title"),
    pytest.param(lambda r: r.creators["author"].append(Name(family="Doe")), id="an added author"),
    pytest.param(lambda r: r.keywords.append("new"), id="an added keyword"),
    pytest.param(lambda r: r.dates.update(issued=DateValue(parts=((2001,),))), id="a changed date"),
    pytest.param(lambda r: r.foreign.setdefault("bibtex", {}).update(tags="{x}"),
                 id="an added foreign field"),
    pytest.param(lambda r: r.variables.update(genre="PhD thesis"), id="an added CSL variable"),
])
def test_any_change_makes_a_record_touched(change):
    record = sealed(Record(key="k", title="T", creators={"author": [Name(family="Nye")]},
                           dates={"issued": DateValue(parts=((1990,),))}))
    assert record.is_untouched()
    change(record)
    assert not record.is_untouched()


def test_problems_and_origin_do_not_count_as_changes():
    record = sealed(Record(key="k", title="T"))
    record.problems.append(Problem("refs.bib", 3, "a note"))
    assert record.is_untouched()
    assert not Record(key="k").is_untouched()  # never read: nothing to be untouched against


@pytest.mark.parametrize("name, shown", [
    pytest.param(Name(family="Nye", given="Joseph S.", suffix="Jr."), "Joseph S. Nye, Jr.", id="a suffix"),
    pytest.param(Name(family="Gogh", given="Vincent", non_dropping_particle="van"), "Vincent van Gogh",
                 id="a particle"),
    pytest.param(Name(literal="World Health Organization"), "World Health Organization",
                 id="an organisation"),
])
def test_a_name_displays_in_reading_order(name, shown):
    assert name.display() == shown


def test_a_document_gives_its_problems_and_its_records_in_line_order():
    late = Record(key="b", problems=[Problem("f", 9, "late")])
    early = Record(key="a", problems=[Problem("f", 2, "early")])
    document = Document("f", "bibtex", [early, Verbatim("comment", "% x\n", 5), late],
                        problems=[Problem("f", 5, "file")])
    assert [problem.line for problem in document.all_problems()] == [2, 5, 9]
    assert [record.key for record in document.records] == ["a", "b"]


def test_a_problem_is_always_one_line():
    problem = Problem("refs.json", 4, "property 'give\nn' is unknown")
    assert str(problem) == "refs.json:4: error: property 'give\\nn' is unknown"


# Dates another stage could build that no writer could write (issue 12): kept as text.
IMPOSSIBLE_DATES = [
    pytest.param(((1990, 1, 2, 3),), "1990-1-2-3", id="a date with four parts"),
    pytest.param(((2000, 13),), "2000-13", id="month 13"),
    pytest.param(((2000, 0),), "2000-0", id="month 0, which once was written as December"),
    pytest.param(((2000, 2, 0),), "2000-2-0", id="day 0"),
    pytest.param(((10 ** 5000,),), "<5001-digit number>", id="a year of 5,001 digits"),
    pytest.param(((2000,), (2001,), (2002,)), "2000/2001/2002", id="a range of three ends"),
    pytest.param(((),), "", id="an end with no year"),
]


@pytest.mark.parametrize("parts, literal", IMPOSSIBLE_DATES)
def test_a_date_no_calendar_has_is_kept_as_literal_text(parts, literal):
    date = DateValue(parts=parts)
    assert (date.parts, date.literal) == ((), literal)


def test_a_possible_date_keeps_its_parts():
    assert DateValue(parts=((2000, 2, 29), (2000, 3, 1))).parts == ((2000, 2, 29), (2000, 3, 1))


def test_items_say_what_get_and_kind_say_of_every_field():
    record = Record(key="k", title="Soft power", doi="10.2307/1148580", keywords=["power"],
                    creators={"author": [Name(family="Nye")]},
                    dates={"issued": DateValue(parts=((1990,),))},
                    variables={"genre": "essay", "editor": "a text under a role's name"})
    items = record.items()
    assert [name for name, _, _ in items] == record.fields() == [
        "title", "DOI", "author", "issued", "keyword", "genre", "editor"]
    for name, kind, value in items:
        assert (record.kind(name), record.get(name)) == (kind, value), name


def test_record_ids_name_every_record_in_order_as_record_id_does():
    records = [Record(key="a"), Record(key="a"), Record(key="b")]
    document = Document(path="x.bib", format="bibtex", blocks=[records[0], Verbatim(kind="comment", text="% c", line=2), *records[1:]])
    assert document.record_ids() == [document.record_id(record) for record in records]
    assert [record_id.position for record_id in document.record_ids()] == [0, 1, 2]
