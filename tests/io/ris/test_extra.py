"""Tests for refmanager/io/ris/extra.py: fields RIS has no tag for travel as
`name: value` lines in M2, which Zotero's RIS import reads into Extra (RIS.js
maps M2 to extra for every item type, one line each), and come back from them.

The BibTeX entries are from ../shared/bench/bigbib/personal-library-17k.bib (file,
tags and abstract fields left out); converting that library to RIS lost these fields
(APA from the RIS differed from APA from the BibTeX in 810 entries).
"""

from __future__ import annotations

import pytest

import refmanager
from refmanager.io.ris.read import read_ris
from refmanager.io.ris.write import write_ris
from refmanager.model import DateValue, Document, Name, Record

CHAPTER_NUMBER = """@inbook{weber21__types_rule_,
 title        = {Types of Rule},
 author       = {Weber, Max},
 year         = {1921},
 chapter      = {3},
}
"""
BOOK_PAGES = """@book{green07_part_think_,
 title        = {Thinking},
 author       = {Green, Alison J. K. and Glhooly, Ken and Ayton, Peter and Oaksford, Mike},
 year         = {2007},
 publisher    = {Open University Press},
 pages        = {4},
}
"""
MEDIUM = """@misc{turk95_discip_softw_engin_,
 title        = {A Discipline for Software Engineering},
 author       = {Turk, Dan},
 year         = {1997},
 howpublished = {presentation},
}
"""
BOOK_IN_A_BOOK = """@book{chomsky57_syntac_struc_,
 title        = {Syntactic Structures},
 author       = {Chomsky, Noam},
 year         = {1957},
 booktitle    = {English},
 publisher    = {Mouton de Gruyter},
 pages        = {68},
}
"""
MANUAL_NUMBER = """@manual{genesereth92__knowl_inter_format_refer_manual_,
 title        = {Knowledge Interchange Format Reference Manual},
 author       = {Genesereth, Michael R. and Fikes, Richard E.},
 year         = {1992},
 number       = {Logic-91-1},
 edition      = {3},
 institution  = {Stanford University},
}
"""
REVIEW = """@review{ostrom02__review_96_,
 title        = {Review},
 author       = {Ostrom, Elinor},
 year         = {2002},
 journal      = {American Political Science Review},
 volume       = {96},
 number       = {4},
 bookauthor   = {James G. March and Martin Schulz and Xueguang Zhou},
 pages        = {827-828},
}
"""


def through_ris(record: Record) -> tuple[list[str], Record]:
    """The RIS lines of a record, and the record read back from them."""
    text = write_ris(Document("x.json", "csljson", [record])).text
    [back] = read_ris(text).records
    return text.splitlines(), back


@pytest.mark.parametrize("bibtex, fields, line", [
    pytest.param(CHAPTER_NUMBER, ["chapter-number"], "M2  - chapter-number: 3",
                 id="a chapter number"),
    pytest.param(BOOK_PAGES, ["page"], "M2  - page: 4", id="the pages of a book"),
    pytest.param(MEDIUM, ["medium"], "M2  - medium: presentation",
                 id="a medium (howpublished)"),
    pytest.param(BOOK_IN_A_BOOK, ["container-title", "page"], "M2  - container-title: English",
                 id="the container title of a book"),
    pytest.param(MANUAL_NUMBER, ["number", "edition"], "M2  - number: Logic-91-1",
                 id="a manual's number"),
    pytest.param(REVIEW, ["type", "container-author"], "M2  - type: review",
                 id="a review's type and the reviewed book's authors"),
])
def test_a_field_without_a_tag_goes_through_m2_and_back(bibtex, fields, line):
    [record] = refmanager.loads(bibtex, "bibtex").records
    assert all(record.get(name) for name in fields)
    lines, back = through_ris(record)
    assert line in lines
    assert [back.get(name) for name in fields] == [record.get(name) for name in fields]


@pytest.mark.parametrize("record, lines", [
    pytest.param(Record("k", "dataset", title="Survey", variables={"version": "2.1"}),
                 ["ET  - 2.1"], id="a dataset's version goes in ET, as Zotero reads it"),
    pytest.param(Record("k", "report", title="R", variables={"version": "6.30"}),
                 ["M2  - version: 6.30"], id="a report's version goes in M2"),
    pytest.param(Record("k", "article-journal", title="A", creators={"container-author": [
                     Name(family="Berg", given="Anna", non_dropping_particle="van der", suffix="Jr."),
                     Name(literal="World Health Organization")]}),
                 ["M2  - container-author: van der Berg || Anna, Jr.",
                  "M2  - container-author: World Health Organization"],
                 id="names one a line, as Family || Given"),
    pytest.param(Record("k", "book", title="B", dates={"original-date": DateValue(((1850, 3),))}),
                 ["M2  - original-date: 1850-03"], id="a date as ISO 8601 text"),
    pytest.param(Record("k", "article", title="A preprint"), ["TY  - GEN", "M2  - type: article"],
                 id="a type with no RIS type of its own"),
    pytest.param(Record("k", "article-journal", title="A", issn="978-953-307-096-4"),
                 ["M2  - ISSN: 978-953-307-096-4"],
                 id="an ISSN that SN would read as an ISBN"),
])
def test_what_is_carried_reads_back_the_same(record, lines):
    written, back = through_ris(record)
    assert all(line in written for line in lines), written
    assert back.state() == record.state()


# Each record has a line that is read (`section: 2`) beside the one under test.
@pytest.mark.parametrize("text, field, value, kept", [
    pytest.param("TY  - CHAP\nTI  - A\nM2  - Some words of a note\n", "title", "A",
                 "Some words of a note", id="a line that is no name: value is kept verbatim"),
    pytest.param("TY  - JOUR\nTI  - A\nM2  - title: B\n", "title", "A", "title: B",
                 id="a line does not replace what a tag says"),
    pytest.param("TY  - JOUR\nM2  - title: B\n", "title", "B", None,
                 id="a line fills what no tag says, as Zotero's Extra does"),
    pytest.param("TY  - BOOK\nM2  - type: review\n", "type", "book", "type: review",
                 id="a type line on a RIS type that is not its nearest is kept verbatim"),
    pytest.param("TY  - JOUR\nM2  - x-made-up: 3\n", "x-made-up", "", "x-made-up: 3",
                 id="a line naming no CSL variable is kept verbatim"),
])
def test_reading_m2(text, field, value, kept):
    [record] = read_ris(text + "M2  - chapter-number: 2\nER  - \n").records
    assert (record.get(field), record.get("chapter-number")) == (value, "2")
    assert record.foreign.get("ris", {}).get("M2") == kept


def test_kept_m2_lines_are_written_back_one_tag_each():
    text = "TY  - JOUR\nTI  - A\nM2  - first words\nM2  - second words\nM2  - medium: CD\nER  - \n"
    [record] = read_ris(text).records
    record.title = "B"  # changed, so written anew rather than from its source
    written = write_ris(Document("x.ris", "ris", [record])).text.splitlines()
    assert written.count("M2  - first words") == written.count("M2  - second words") == 1
    assert record.get("medium") == "CD" and written.count("M2  - medium: CD") == 1
