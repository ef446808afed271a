"""Finding the citation statement (refmanager/ingest/statement.py).

Labels from issue 8's list and from journals' own pages; "How to Site" is the
seed's misspelling.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from refmanager.ingest.markdown import source_lines
from refmanager.ingest.statement import find_statement

STATEMENT = "Smith, J. (2020). A title. *Journal of Things*, 1(2), 3-4."
DATA = Path(__file__).with_name("data")


def found(text: str):
    return find_statement(source_lines(text))


@pytest.mark.parametrize("document", [
    pytest.param(f"How to cite: {STATEMENT}", id="How to cite, inline"),
    pytest.param(f"How to cite this article:\n\n{STATEMENT}", id="How to cite this article, on the next paragraph"),
    pytest.param(f"### How to Site:\n\n{STATEMENT}", id="the seed's misspelled heading How to Site"),
    pytest.param(f"**Cite this article as:** {STATEMENT}", id="Cite this article as, bold and inline"),
    pytest.param(f"Cite this article: {STATEMENT}", id="Cite this article"),
    pytest.param(f"To cite this article:\n{STATEMENT}", id="To cite this article, on the next line"),
    pytest.param(f"## Recommended citation\n\n{STATEMENT}", id="Recommended citation as a heading"),
    pytest.param(f"Please cite as: {STATEMENT}", id="Please cite as"),
    pytest.param(f"Citation: {STATEMENT}", id="Citation"),
    pytest.param(f"**Recomended Citation**\n{STATEMENT}", id="a misspelled bold label alone on its line"),
    pytest.param(f"Please cite this article as {STATEMENT}", id="a label without a colon"),
    pytest.param(f"**How to cite this article** {STATEMENT}", id="a bold label without a colon"),
    pytest.param(f"**Citation:** {STATEMENT}", id="a bold label with its colon inside"),
])
def test_the_statement_is_found_under_any_common_label(document):
    statement = found(f"# A title\n\nSome text.\n\n{document}\n\nAbstract\nMore text.")
    assert statement is not None
    assert statement.text == "Smith, J. (2020). A title. Journal of Things, 1(2), 3-4."
    assert statement.raw.endswith("*Journal of Things*, 1(2), 3-4.")  # italics kept for the journal


@pytest.mark.parametrize("document", [
    pytest.param("Situation: the market grew.", id="Situation is not Citation"),
    pytest.param("Location: Boroujerd, Iran.", id="Location is not Citation"),
    pytest.param("Citations of this article grew fast in 2021 and we think the reason is clear.", id="a sentence that starts with Citations"),
    pytest.param("How to cite:\n\n", id="a label with nothing after it"),
])
def test_lines_that_are_no_statement(document):
    assert found(document) is None


def test_a_statement_wrapped_over_lines_is_joined_up_to_the_blank_line():
    statement = found("How to cite this article\nRuiz A, Gil B. Title. Rev Esp.\n2019;4:1-2.\n\nAbstract")
    assert statement.text == "Ruiz A, Gil B. Title. Rev Esp. 2019;4:1-2."
    assert (statement.first_line, statement.last_line) == (1, 3)


def test_a_word_hyphenated_at_a_line_break_is_made_whole():
    statement = found("How to cite:\nRuiz, A. (2019). Ports. The Fundamental Studies of the Is-\nlamic World, 4, 1-2.\n")
    assert statement.text == "Ruiz, A. (2019). Ports. The Fundamental Studies of the Islamic World, 4, 1-2."


def test_the_seeds_statement(shared):
    text = (shared / "seed" / "article-front-matter.md").read_text(encoding="utf-8")
    statement = found(text)
    assert statement.label == "How to Site" and statement.matched == "how to cite"
    assert statement.text.endswith("The Fundamental and Applied Studies of the Islamic World, 6(2), 31-34.")


@pytest.mark.parametrize("name", sorted(path.name for path in DATA.iterdir()))
def test_every_fixture_has_its_statement_found(name):
    statement = found((DATA / name).read_text(encoding="utf-8"))
    assert statement is not None and re.search(r"\b20\d\d\b", statement.text)
