"""Fuzz tests for the ingest stage (issue 12): articles' front matter and free-text
references, generated and mutated, are read without raising, and what is read can be
written in every format."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from refmanager.ingest import ingest_text
from refmanager.ingest.references import parse_reference
from refmanager.io import formats
from refmanager.model import Document

from .strategies import VALUE_ALPHABET

ARTICLE = Path(__file__).resolve().parents[2] / "library" / "alipour-gorji-2024.md"
# Pieces of front matter and of references, which the generated text is made of.
TOKENS = ["# ", "**", "<sup>1</sup>", "^a^", "(1)", "*", "How to Site:", "How to cite this article:",
          "Received: 19/11/2023", "Accepted 2024-07-25", "Keywords:", "Abstract", "doi:10.1/x",
          "\n", "\n\n", ", ", ". ", "(2020a)", "pp. 201-19", "et al.", "&", "Vol. 6, No. 2",
          "mahmood, A. G.", "Alipour Gorji", "https://doi.org/", "In: ", "Eds.", "[1] "]
TEXT = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(VALUE_ALPHABET, max_size=6)),
                max_size=60).map("".join)


def write_everywhere(records) -> None:
    document = Document("fuzz", "frontmatter", list(records))
    for name in ("bibtex", "biblatex", "ris", "csljson"):
        formats.writer(name)(document).text.encode("utf-8")


@given(text=TEXT)
def test_generated_front_matter_is_ingested_without_raising(text):
    result = ingest_text(text, "fuzz.md")
    write_everywhere([result.record] if result.record is not None else [])


@given(data=st.data())
def test_the_seed_article_mutated_is_ingested_without_raising(data):
    text = ARTICLE.read_text(encoding="utf-8")
    for _ in range(data.draw(st.integers(1, 5))):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, min(len(text), start + 300)))
        text = text[:start] + data.draw(st.sampled_from(TOKENS + [""])) + text[end:]
    result = ingest_text(text, "fuzz.md")
    write_everywhere([result.record] if result.record is not None else [])


@given(text=TEXT)
def test_a_generated_reference_is_parsed_without_raising(text):
    write_everywhere([parse_reference(text)])
