"""Tests for refmanager/normalize/identifiers.py: DOIs, ISBNs, ISSNs, arXiv ids, URLs.

Inputs are the shapes found in ../shared/bench/bigbib/personal-library-17k.bib
(resolver URLs, unhyphenated ISSNs, `(Print)` qualifiers) and textbook numbers.
"""

from __future__ import annotations

import pytest

from refmanager.errors import Problem
from refmanager.model import Record, RecordId
from refmanager.normalize import NormalizeConfig
from refmanager.normalize.identifiers import (
    NormalizeArxivId, NormalizeDOI, NormalizeISBN, NormalizeISSN, NormalizeURL, arxiv_id, bare_doi,
    doi_key,
)

RECORD_ID = RecordId("test.bib", 0, "key")


def fixes(step, record):
    return [(found.field, found.new) for found in step.check(RECORD_ID, record) if not isinstance(found, Problem)]


def problems(step, record):
    return [found for found in step.check(RECORD_ID, record) if isinstance(found, Problem)]


@pytest.mark.parametrize("written, bare", [
    ("https://doi.org/10.1000/xyz123", "10.1000/xyz123"),
    ("http://dx.doi.org/10.1007/978-3-642-15375-4_16", "10.1007/978-3-642-15375-4_16"),
    ("doi:10.1037/amp0001006", "10.1037/amp0001006"),
    ("DOI: 10.1037/amp0001006", "10.1037/amp0001006"),
    ("doi/10.1037/amp0001006", "10.1037/amp0001006"),
    (" 10.1000/xyz123. ", "10.1000/xyz123"),
    ("10.1093/OBO/9780199766567\u00ad0087", "10.1093/OBO/9780199766567-0087"),
    ("10.1093/\u200boxfordhb/\u200b9780198854708.001.0001", "10.1093/oxfordhb/9780198854708.001.0001"),
], ids=["a doi.org URL loses its resolver", "a dx.doi.org URL loses its resolver",
        "a doi: label is dropped", "an upper-case DOI: label is dropped", "a doi/ path is dropped",
        "space and a final full stop are dropped",
        # personal-library-17k.bib: DOIs copied from web pages
        "a soft hyphen stands for the hyphen the page showed", "zero-width spaces go"])
def test_a_doi_is_stored_bare(written, bare):
    assert bare_doi(written) == bare
    assert fixes(NormalizeDOI(), Record("key", doi=written)) == [("DOI", bare)]


def test_dois_compare_without_case():
    assert doi_key("https://doi.org/10.1000/ABC") == doi_key("10.1000/abc")


def test_a_doi_that_is_not_one_is_reported_not_changed():
    record = Record("key", doi="ftp.cs.ucla.edu/pub/stat_ser/r502.pdf", url="https://example.org/")
    assert fixes(NormalizeDOI(), record) == []
    assert "is not a DOI" in problems(NormalizeDOI(), record)[0].message


# ../shared/bench/bigbib/acl-anthology-88k.bib holds 524 handles in doi fields
# (`http://hdl.handle.net/2065/585`), each beside the Anthology's own url.
def test_a_web_address_in_the_doi_field_moves_to_an_empty_url():
    record = Record("key", doi="http://hdl.handle.net/2065/585")
    assert fixes(NormalizeDOI(), record) == [("URL", "http://hdl.handle.net/2065/585"), ("DOI", None)]


def test_a_handle_beside_a_url_is_reported_as_a_handle():
    record = Record("key", doi="http://hdl.handle.net/2065/585", url="https://aclanthology.org/Y04-1032")
    assert fixes(NormalizeDOI(), record) == []
    assert "is a handle" in problems(NormalizeDOI(), record)[0].message


# The same file has seven RANLP DOIs written `0.26615/978-954-452-046-5_001`.
def test_a_doi_that_lost_its_leading_one_is_only_suggested_whole():
    [change] = NormalizeDOI().check(RECORD_ID, Record("key", doi="0.26615/978-954-452-046-5_001"))
    assert (change.field, change.new) == ("DOI", "10.26615/978-954-452-046-5_001")
    assert change.confidence < NormalizeConfig().threshold


def test_a_doi_url_gives_the_missing_doi():
    record = Record("key", url="https://doi.org/10.1000/xyz123")
    assert fixes(NormalizeDOI(), record) == [("DOI", "10.1000/xyz123")]


@pytest.mark.parametrize("written, formatted", [
    ("9780262033848", "978-0-262-03384-8"),
    ("0262033844", "0-262-03384-4"),
    ("ISBN 978-0-262-03384-8", "978-0-262-03384-8"),
    ("0262033844, 9780262033848", "0-262-03384-4, 978-0-262-03384-8"),
    ("978\u00ad0\u00ad262\u00ad03384\u00ad8", "978-0-262-03384-8"),
], ids=["an ISBN-13 is hyphenated by its ranges", "an ISBN-10 is hyphenated by its ranges",
        "an ISBN label is dropped", "each ISBN of a list is hyphenated",
        "soft hyphens copied from a web page (personal-library-17k.bib)"])
def test_isbns_are_hyphenated(written, formatted):
    assert fixes(NormalizeISBN(), Record("key", isbn=written)) == [("ISBN", formatted)]


def test_an_isbn_with_a_wrong_check_digit_is_reported_and_kept():
    record = Record("key", isbn="978-0-262-03384-9")
    assert fixes(NormalizeISBN(), record) == []
    assert "not valid" in problems(NormalizeISBN(), record)[0].message


@pytest.mark.parametrize("written, formatted", [
    ("14678705", "1467-8705"),
    ("0302-9743 (Print) 1611-3349 (Online)", "0302-9743 (Print), 1611-3349 (Online)"),
], ids=["an ISSN gets its hyphen", "print and online ISSNs keep their qualifiers"])
def test_issns_are_hyphenated(written, formatted):
    assert fixes(NormalizeISSN(), Record("key", issn=written)) == [("ISSN", formatted)]


def test_an_issn_with_a_wrong_check_digit_is_reported():
    assert problems(NormalizeISSN(), Record("key", issn="0378-4372"))


@pytest.mark.parametrize("text, identifier", [
    ("arXiv:1706.03762", "1706.03762"), ("https://arxiv.org/abs/1706.03762v5", "1706.03762v5"),
    ("https://arxiv.org/pdf/hep-th/9901001.pdf", "hep-th/9901001"), ("not an id", ""),
], ids=["a labelled id", "an abs URL", "an old-style id in a pdf URL", "no id at all"])
def test_arxiv_ids_are_found(text, identifier):
    assert arxiv_id(text) == identifier


def test_an_arxiv_url_suggests_the_number():
    changes = list(NormalizeArxivId().check(RECORD_ID, Record("key", url="https://arxiv.org/abs/1706.03762")))
    assert [(change.new, change.confidence < 0.9) for change in changes] == [("1706.03762", True)]


@pytest.mark.parametrize("written, clean", [
    ("\\url{https://example.org/a}", "https://example.org/a"),
    ("<https://example.org/a>", "https://example.org/a"),
    (" https://example.org/a b ", "https://example.org/a%20b"),
], ids=["a LaTeX url command is unwrapped", "angle brackets are unwrapped", "spaces are encoded"])
def test_urls_are_cleaned(written, clean):
    assert fixes(NormalizeURL(), Record("key", url=written)) == [("URL", clean)]


def test_two_urls_in_one_field_are_reported_not_joined():
    # personal-library-17k.bib: `url = {http://dspace.mit.edu/handle/1721.1/41202 http://18.7.29.232/...}`
    record = Record("key", url="http://dspace.mit.edu/handle/1721.1/41202 http://18.7.29.232/handle/1721.1/41202")
    assert fixes(NormalizeURL(), record) == []
    assert "holds 2 web addresses" in problems(NormalizeURL(), record)[0].message
