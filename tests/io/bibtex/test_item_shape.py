"""Tests for refmanager/io/bibtex/item_shape.py: what the citation processor makes of a
BibTeX entry's verbatim fields reaches a format that cannot keep them (RIS).

The entries are from ../shared/bench/bigbib/personal-library-17k.bib (file, tags and
abstract fields left out), whose APA entries from its RIS differed from those from
its BibTeX for these.
"""

from __future__ import annotations

import pytest

import refmanager
from refmanager.io.bibtex.item_shape import shaped_record
from refmanager.render.api import format_bibliography

PREPRINT = """@misc{willerton08_hopf_,
 title        = {A diagrammatic approach to Hopf monads},
 author       = {Willerton, Simon},
 year         = {2008},
 archiveprefix = {arXiv},
 eprint       = {0807.0658v1},
 primaryclass = {math.CT},
 doi          = {10.48550/arXiv.0807.0658},
}
"""
ARXIV_JOURNAL = """@article{ord02_hyper_math.LO_,
 title        = {Hypercomputation},
 subtitle     = {Computing More Than the Turing Machine},
 author       = {Ord, Toby},
 year         = {2002},
 journal      = {arXiv},
 volume       = {math.LO},
 url          = {http://arxiv.org/abs/math/0209332v1},
}
"""
DOI_WITH_A_FULL_STOP = """@article{peters94__new_warrior_class_24_,
 title        = {The New Warrior Class},
 author       = {Peters, Ralph},
 year         = {1994},
 journal      = {Parameters},
 volume       = {24},
 doi          = {10.55540/0031-1723.1713.},
}
"""
EDITION_IN_WORDS = """@book{volti11__introd_sociol_work_occup_,
 title        = {An Introduction to the Sociology of Work and Occupations},
 author       = {Volti, Rudi R.},
 year         = {2011},
 edition      = {Second},
 publisher    = {SAGE Publications, Inc},
}
"""


@pytest.mark.parametrize("bibtex, lines", [
    pytest.param(PREPRINT, ["TY  - GEN", "M2  - type: article", "PB  - arXiv",
                            "M1  - arXiv:0807.0658v1"], id="an arXiv eprint is a preprint"),
    pytest.param(ARXIV_JOURNAL, ["M2  - type: article", "PB  - arXiv"],
                 id="a journal named arXiv is the repository of a preprint"),
    pytest.param(DOI_WITH_A_FULL_STOP, ["DO  - 10.55540/0031-1723.1713"],
                 id="a DOI without the full stop after it"),
    pytest.param(EDITION_IN_WORDS, ["ET  - 2"], id="an edition in words is its number"),
])
def test_ris_from_bibtex_renders_as_the_bibtex_does(bibtex, lines):
    document = refmanager.loads(bibtex, "bibtex")
    ris = refmanager.dumps(document, "ris").text
    assert all(line in ris.splitlines() for line in lines), ris
    from_ris = refmanager.loads(ris, "ris").records
    assert format_bibliography(from_ris, sentence_case=True) == \
        format_bibliography(document.records, sentence_case=True)


def test_a_record_with_nothing_to_shape_is_the_record_itself():
    [record] = refmanager.loads(EDITION_IN_WORDS.replace("Second", "2"), "bibtex").records
    assert shaped_record(record) is record


def test_the_callers_record_is_not_changed():
    [record] = refmanager.loads(PREPRINT, "bibtex").records
    shaped = shaped_record(record)
    assert (record.type, shaped.type) == ("document", "article")
