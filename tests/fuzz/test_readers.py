"""Fuzz tests for every reader (refmanager/io/*/read.py): generated and mutated
input never raises, whatever was read can be written in every format, and the
well-formed records around a broken one are still read (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from refmanager.io import formats
from refmanager.model import Document, Record

from .strategies import FORMATS, format_text, mutated, plain_records

LIBRARY = Path(__file__).resolve().parents[2] / "library"
SAMPLES = {"bibtex": "soft-power.bib", "ris": "soft-power.ris", "csljson": "soft-power.json"}
WRITERS = ["bibtex", "biblatex", "ris", "csljson"]


def read(format: str, text: str) -> Document:
    document = formats.reader(format)(text, "fuzz")
    assert isinstance(document, Document)
    return document


def write_everywhere(document: Document) -> None:
    for name in WRITERS:
        formats.writer(name)(document).text.encode("utf-8")  # no lone surrogate left either


@pytest.mark.parametrize("format", FORMATS)
@given(data=st.data())
def test_generated_text_is_read_and_written_without_raising(format, data):
    write_everywhere(read(format, data.draw(format_text(format))))


@pytest.mark.parametrize("format", FORMATS)
@given(data=st.data())
def test_a_mutated_sample_file_is_read_and_written_without_raising(format, data):
    sample = (LIBRARY / SAMPLES[format]).read_text(encoding="utf-8")
    write_everywhere(read(format, data.draw(mutated(sample, format))))


# A broken record each format's reader must get past, as damaged exports have them:
# text after which the next record's own start still shows.
BROKEN = {
    "bibtex": st.sampled_from(["@article{broken, title = {never closed\n",
                               "@article{broken,\n  title = \"never closed,\n",
                               "@article{\n", "@{X,}\n", "@misc{broken, title = {a}} }}}\n",
                               "@article{broken, author = {A and and}, title = {x} # \n"]),
    "ris": format_text("ris").map(lambda text: "TY  - JOUR\n" + text + "\n"),
    "csljson": format_text("csljson").map(lambda text: "{" + text.replace("\n", " ").replace("\r", " ") + ",\n"),
}


def file_of(format: str, records: list[Record], broken: str, position: int) -> str:
    """The records written in `format`, with `broken` between two of them."""
    writer = formats.writer(format)
    if format == "csljson":
        items = [writer(Document("x", "bibtex", [record])).text.strip()[1:-1].strip() for record in records]
        lines = [f"  {item}," for item in items]
        lines.insert(position, "  " + broken.rstrip("\n"))
        return "[\n" + "\n".join(lines).rstrip(",") + "\n]\n"
    texts = [writer(Document("x", "bibtex", [record])).text for record in records]
    texts.insert(position, broken)
    return "\n".join(texts)


@pytest.mark.parametrize("format", FORMATS)
@given(data=st.data())
def test_the_well_formed_records_around_a_broken_one_are_still_read(format, data):
    keys = data.draw(st.lists(st.from_regex(r"k[a-z0-9]{1,6}", fullmatch=True), min_size=2,
                              max_size=5, unique=True))
    records = [data.draw(plain_records(key=key)) for key in keys]
    broken = data.draw(BROKEN[format])
    text = file_of(format, records, broken, data.draw(st.integers(0, len(records))))
    document = read(format, text)
    read_titles = {record.key: record.title for record in document.records}
    assert {key: read_titles.get(key) for key in keys} == {record.key: record.title for record in records}, text
