"""Tests for refmanager/io/bibtex_values.py: value expressions and year/month/day fields."""

from __future__ import annotations

import pytest

from refmanager.io.bibtex.values import date_from_year_month, evaluate
from refmanager.model import DateValue

MACROS = {"pol": "Politics", "acl": "Association for Computational Linguistics"}


@pytest.mark.parametrize("expression, text, undefined, malformed", [
    pytest.param("{Soft {Power}}", "Soft {Power}", [], False, id="a braced value keeps inner braces"),
    pytest.param('"Soft {"}Power"', 'Soft {"}Power', [], False, id="a quoted value may hold a braced quote"),
    pytest.param("1990", "1990", [], False, id="a bare number"),
    pytest.param("pol", "Politics", [], False, id="a macro"),
    pytest.param("POL", "Politics", [], False, id="macro names ignore case"),
    pytest.param('acl # " 2020"', "Association for Computational Linguistics 2020", [], False,
                 id="a concatenation"),
    pytest.param("nosuch", "nosuch", ["nosuch"], False, id="an undefined macro keeps its name"),
    pytest.param("{x} year={1}", "x} year={1", [], True, id="a missing comma makes it malformed"),
    pytest.param("{{HOMO\\}-\\{MEX\\}: x}}", "{HOMO\\}-\\{MEX\\}: x}", [], False,
                 id="escaped braces do not count (the ACL file has these)"),
    pytest.param("{a \\{} # {b}", "a \\{b", [], False,
                 id="an escaped brace does not hide a concatenation"),
    pytest.param('"C\\# code" # { and more}', "C\\# code and more", [], False,
                 id="an escaped hash is not a concatenation"),
])
def test_value_expressions(expression, text, undefined, malformed):
    value = evaluate(expression, MACROS)
    assert (value.text, value.undefined, value.malformed) == (text, undefined, malformed)


@pytest.mark.parametrize("expression, month", [("mar", 3), ("DEC", 12), ("{mar}", None)])
def test_a_bare_month_macro_gives_its_number(expression, month):
    assert evaluate(expression, MACROS).month == month


def test_a_string_named_like_a_month_wins_over_the_month():
    assert evaluate("mar", {"mar": "Marzo"}).month is None


@pytest.mark.parametrize("year, month, day, date", [
    ("1990", None, "", DateValue(parts=((1990,),))),
    ("2008", 3, "15", DateValue(parts=((2008, 3, 15),))),
    ("2008", None, "15", DateValue(parts=((2008,),))),
    ("2004--2005", None, "", DateValue(parts=((2004,), (2005,)))),
    ("forthcoming", 5, "", DateValue(literal="forthcoming")),
])
def test_year_month_and_day_fields(year, month, day, date):
    assert date_from_year_month(year, month, day) == date
