"""RIS records as the CSL items the processor is given (refmanager/io/ris/tags.py,
read through refmanager/render/records.py).

Each case is a record in Zotero's tag mapping (../shared/research/zotero-import.md,
section 4.2), with its title in title case as EndNote users keep it, and the item a
carefully kept Zotero library holds for the same work. The record must reach the
processor with those variables and print as that item does in APA (with sentence
case for RIS input) and in Chicago. Records and items are ours.
"""

from __future__ import annotations

import pytest

import refmanager
from refmanager import richtext
from refmanager.render.api import cite_report
from refmanager.render.records import items_from_records

DOE = [{"family": "Doe", "given": "Jane"}]

CASES = [
    pytest.param(
        'TY  - JOUR\nID  - a\nTI  - The Role of NATO in the Caucasus\nAU  - Doe, Jane\nT2  - Journal of Things\nJ2  - J. Things\nPY  - 2020\nDA  - 2020/01//\nVL  - 12\nIS  - 3\nSP  - 1\nEP  - 20\nDO  - 10.1000/x1\nER  - \n',
        {'type': 'article-journal', 'author': DOE, 'title': 'The role of NATO in the Caucasus', 'container-title': 'Journal of Things', 'container-title-short': 'J. Things', 'volume': '12', 'issue': '3', 'page': '1-20', 'DOI': '10.1000/x1', 'issued': {'date-parts': [[2020, 1]]}},
        id='a journal article: T2 is the journal, DA the date'),
    pytest.param(
        "TY  - CHAP\nID  - a\nTI  - Russia's Foreign Policy and Soft Power\nAU  - Doe, Jane\nA2  - Roe, Rich\nA2  - Poe, Ed\nT2  - Russia's Foreign Policy: Ideas and Relations\nPB  - Palgrave Macmillan\nCY  - London\nPY  - 2015\nSP  - 97\nEP  - 113\nET  - 2nd\nER  - \n",
        {'type': 'chapter', 'author': DOE, 'editor': [{'family': 'Roe', 'given': 'Rich'}, {'family': 'Poe', 'given': 'Ed'}], 'title': 'Russia’s foreign policy and soft power', 'container-title': 'Russia’s foreign policy: Ideas and relations', 'page': '97-113', 'publisher': 'Palgrave Macmillan', 'publisher-place': 'London', 'edition': '2nd', 'issued': {'date-parts': [[2015]]}},
        id='a chapter: T2 is the book, A2 its editors'),
    pytest.param(
        'TY  - BOOK\nID  - a\nTI  - DNA and the Caucasus: A History\nAU  - Müller, Jörg\nA4  - Smith, Ann\nT2  - Studies in History\nM1  - 4\nET  - 2\nPB  - Oxford University Press\nCY  - Oxford\nPY  - 2000\nER  - \n',
        {'type': 'book', 'author': [{'family': 'Müller', 'given': 'Jörg'}], 'translator': [{'family': 'Smith', 'given': 'Ann'}], 'title': 'DNA and the Caucasus: A history', 'edition': '2', 'collection-title': 'Studies in History', 'collection-number': '4', 'publisher': 'Oxford University Press', 'publisher-place': 'Oxford', 'issued': {'date-parts': [[2000]]}},
        id='a book: A4 is the translator, T2 the series and M1 its number'),
    pytest.param(
        "TY  - RPRT\nID  - a\nTI  - Russia's Soft Power Ambitions\nAU  - Doe, Jane\nPB  - Centre for European Policy Studies\nM3  - CEPS Policy Brief\nSN  - 115\nPY  - 2006\nDA  - 2006/10//\nER  - \n",
        {'type': 'report', 'author': DOE, 'title': 'Russia’s soft power ambitions', 'publisher': 'Centre for European Policy Studies', 'genre': 'CEPS Policy Brief', 'number': '115', 'issued': {'date-parts': [[2006, 10]]}},
        id='a report: PB the institution, M3 the kind, SN the number'),
    pytest.param(
        'TY  - THES\nID  - a\nTI  - Soft Power in Russia\nAU  - Doe, Jane\nPB  - MIT\nM3  - PhD thesis\nPY  - 2018\nER  - \n',
        {'type': 'thesis', 'author': DOE, 'title': 'Soft power in Russia', 'genre': 'PhD thesis', 'publisher': 'MIT', 'issued': {'date-parts': [[2018]]}},
        id='a thesis: PB the university, M3 the kind'),
    pytest.param(
        "TY  - ELEC\nID  - a\nTI  - What China and Russia Don't Get About Soft Power\nAU  - Doe, Jane\nT2  - Foreign Policy\nDA  - 2013/04/29/\nPY  - 2013\nY2  - 2024/03/05/\nUR  - https://example.org/soft-power\nER  - \n",
        {'type': 'webpage', 'author': DOE, 'title': 'What China and Russia don’t get about soft power', 'container-title': 'Foreign Policy', 'URL': 'https://example.org/soft-power', 'issued': {'date-parts': [[2013, 4, 29]]}, 'accessed': {'date-parts': [[2024, 3, 5]]}},
        id='a web page: T2 the site, Y2 the access date'),
    pytest.param(
        'TY  - CONF\nID  - a\nTI  - Parsing Citations with Conditional Random Fields\nAU  - Doe, Jane\nA2  - Roe, Rich\nT2  - JCDL 2020\nC3  - Proceedings of the Conference on Digital Libraries\nPB  - ACM\nCY  - New York\nPY  - 2020\nSP  - 1\nEP  - 10\nER  - \n',
        {'type': 'paper-conference', 'author': DOE, 'editor': [{'family': 'Roe', 'given': 'Rich'}], 'title': 'Parsing citations with conditional random fields', 'container-title': 'Proceedings of the Conference on Digital Libraries', 'event-title': 'JCDL 2020', 'page': '1-10', 'publisher': 'ACM', 'publisher-place': 'New York', 'issued': {'date-parts': [[2020]]}},
        id='a conference paper: C3 the proceedings, T2 the conference'),
    pytest.param(
        "TY  - MGZN\nID  - a\nTI  - Why the Ukraine Crisis Is Not Over\nAU  - Doe, Jane\nT2  - Foreign Affairs\nVL  - 93\nIS  - 5\nSP  - 77\nEP  - 89\nDA  - 2014/09//\nPY  - 2014\nER  - \n",
        {'type': 'article-magazine', 'author': DOE, 'title': 'Why the Ukraine crisis is not over', 'container-title': 'Foreign Affairs', 'volume': '93', 'issue': '5', 'page': '77-89', 'issued': {'date-parts': [[2014, 9]]}},
        id='a magazine article'),
    pytest.param(
        'TY  - JOUR\nID  - a\nTI  - Soft Power: The Origins of a Concept\nAU  - Doe, Jane\nT2  - Palgrave Communications\nVL  - 3\nC7  - 17008\nPY  - 2017\nER  - \n',
        {'type': 'article-journal', 'author': DOE, 'title': 'Soft power: The origins of a concept', 'container-title': 'Palgrave Communications', 'volume': '3', 'number': '17008', 'issued': {'date-parts': [[2017]]}},
        id='an article number in C7'),
    pytest.param(
        'TY  - DATA\nID  - a\nTI  - Survey of Soft Power Perceptions\nAU  - Doe, Jane\nPB  - Zenodo\nDO  - 10.5281/zenodo.1\nPY  - 2021\nER  - \n',
        {'type': 'dataset', 'author': DOE, 'title': 'Survey of soft power perceptions', 'publisher': 'Zenodo', 'DOI': '10.5281/zenodo.1', 'issued': {'date-parts': [[2021]]}},
        id='a dataset'),
    pytest.param(
        'TY  - COMP\nID  - a\nTI  - Refmanager\nAU  - Doe, Jane\nET  - 1.2\nPB  - Zenodo\nUR  - https://github.com/x/y\nPY  - 2022\nER  -\n',
        {'type': 'software', 'author': DOE, 'title': 'Refmanager', 'version': '1.2', 'publisher': 'Zenodo', 'URL': 'https://github.com/x/y', 'issued': {'date-parts': [[2022]]}},
        id='a program: ET is its version'),
]
STYLES = ("apa", "chicago-author-date", "chicago-notes-bibliography")


def same_text(name: str, value):
    """A value as the processor prints it: page ranges and quotes as typeset."""
    if not isinstance(value, str):
        return value
    value = richtext.plain(value).replace("'", "’")
    return value.replace("-", "–") if name == "page" else value


@pytest.mark.parametrize("record, expected", CASES)
def test_a_record_reaches_the_processor_as_zotero_keeps_the_work(record, expected):
    document = refmanager.loads(record, "ris")
    assert document.all_problems() == []
    [item] = items_from_records(document, sentence_case=True)
    for name, value in expected.items():
        assert same_text(name, item.get(name)) == same_text(name, value), name
    assert set(item) - {"id"} == set(expected)


@pytest.mark.parametrize("record, expected", CASES)
@pytest.mark.parametrize("style", STYLES)
def test_a_record_prints_as_the_zotero_item_does(record, expected, style):
    records = refmanager.loads(record, "ris").records
    assert cite_report(records, style, sentence_case=True) == cite_report([{**expected, "id": "a"}], style)
