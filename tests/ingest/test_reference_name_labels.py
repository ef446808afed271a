"""Tests for refmanager/ingest/reference_name_labels.py: where the names end, whose they are.

Labels are written token by token as the shipped model gave them on references of the
umass-citation dev file, so the repairs are tested whatever model is shipped.
"""

from __future__ import annotations

import pytest

from refmanager.ingest.reference_name_labels import (
    et_al_with_the_names,
    family_names_after_the_initials,
    last_initial_read_as_the_journal,
    names_after_the_authors_are_editors,
)
from refmanager.ingest.reference_tokens import tokenize

from label_runs import label_runs


CASES = {
    "names after an editor span continue the editors": (
        "V. Fonseca, ed. M. M. Shapiro, R. Silberberg",
        label_runs(("author", 3), ("other", 1), ("editor", 5), ("other", 1), ("author", 1), ("other", 1),
               ("author", 3)),
        label_runs(("author", 3), ("other", 1), ("editor", 11))),
    "names after In are the editors": (
        "C. Doe. Title. In N. V. Pogorelov, editors",
        label_runs(("author", 3), ("other", 1), ("title", 1), ("other", 1), ("author", 6), ("other", 2)),
        label_runs(("author", 3), ("other", 1), ("title", 1), ("other", 1), ("editor", 6), ("other", 2))),
    "the first author list stays the authors, even after In": (
        "In A. Smith, Title",
        label_runs(("author", 4), ("other", 1), ("title", 1)),
        label_runs(("author", 4), ("other", 1), ("title", 1))),
}



@pytest.mark.parametrize("text, given, expected", list(CASES.values()), ids=list(CASES))
def test_names_the_model_reads_as_authors_after_an_editor_or_in_are_editors(text, given, expected):
    tokens = tokenize(text)
    assert len(tokens) == len(given)
    assert names_after_the_authors_are_editors(tokens, given) == expected


FAMILY_NAMES = {
    # "E. Doron and U. Smilansky Nonlinearity v.5 (1992) 1055" (umass-citation dev)
    "a family name after the last initials, before the journal, ends the names": (
        "E. Doron and U. Smilansky Nonlinearity",
        label_runs(("author", 5), ("other", 1), ("container", 2)),
        label_runs(("author", 7), ("container", 1))),
    # "B. L. van der Waerden, A history of algebra" (umass-citation dev)
    "the particles come with the family name": (
        "B. L. van der Waerden, A history",
        label_runs(("author", 3), ("other", 1), ("title", 3), ("other", 1), ("title", 2)),
        label_runs(("author", 7), ("other", 1), ("title", 2))),
    # "Kraus, L. and Watson, K. M. Phys. Fluids 1, 480 (1958)." (umass-citation dev)
    "inverted names end at their initials": (
        "Watson, K. M. Phys. Fluids",
        label_runs(("author", 5), ("other", 1), ("container", 3)),
        label_runs(("author", 5), ("other", 1), ("container", 3))),
    # "W. Li. Linearly convergent descent methods ..." (cora dev): Li is a name, not an initial
    "a two-letter family name is not taken for an initial": (
        "W. Li. Linearly convergent",
        label_runs(("author", 3), ("other", 1), ("title", 2)),
        label_runs(("author", 3), ("other", 1), ("title", 2))),
}


@pytest.mark.parametrize("text, given, expected", list(FAMILY_NAMES.values()), ids=list(FAMILY_NAMES))
def test_names_cut_after_their_initials_get_their_family_name(text, given, expected):
    tokens = tokenize(text)
    assert len(tokens) == len(given), [token.text for token in tokens]
    assert family_names_after_the_initials(tokens, given) == expected


def test_an_initial_that_opens_the_journal_after_names_is_theirs():
    # "[10] Kraus, L. and Watson, K. M. Phys. Fluids 1, 480 (1958)." (umass-citation dev)
    tokens = tokenize("Watson, K. M. Phys. Fluids 1")
    given = label_runs(("author", 3), ("other", 1), ("container", 5), ("volume", 1))
    expected = label_runs(("author", 6), ("container", 3), ("volume", 1))
    assert last_initial_read_as_the_journal(tokens, given) == expected


def test_a_journal_that_opens_with_a_capital_letter_keeps_it():
    # "E. Lee, Proc. A. M. S. 12" -like abbreviations after a title, not after names
    tokens = tokenize("Title. A. M. S. 12")
    given = label_runs(("title", 1), ("other", 1), ("container", 6), ("volume", 1))
    assert last_initial_read_as_the_journal(tokens, given) == given


def test_et_al_with_a_stray_dot_belongs_to_the_names():
    # "[15] H. L. Harney et. al Ann.Phys. v.220 (1992), 159;" (umass-citation dev)
    tokens = tokenize("H. Harney et. al Ann.Phys.")
    given = label_runs(("author", 3), ("title", 3), ("container", 4))
    expected = label_runs(("author", 6), ("container", 4))
    assert et_al_with_the_names(tokens, given) == expected
