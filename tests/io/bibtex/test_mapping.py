"""BibTeX and biblatex entries as the CSL items the processor is given
(refmanager/io/bibtex/mapping.py, read through refmanager/render/records.py).

Each case is an entry as BibTeX users write it, and the item a carefully kept
Zotero library holds for the same work (titles in sentence case, as Zotero keeps
them). The entry must reach the processor with those variables, and print exactly
as that item does in APA (with sentence case for BibTeX input) and in Chicago.
Entries are ours, written after btxdoc, the biblatex manual and the exports of
Google Scholar, JabRef and arXiv; the items follow Zotero's CSL export.
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
        "@article{a, author = {Doe, Jane}, title = {The Role of {NATO} in the {Caucasus}},"
        " journal = {Journal of Things}, year = {2020}, month = jan, volume = {12}, number = {3},"
        " pages = {1--20}, doi = {10.1000/x1}}",
        {"type": "article-journal", "author": DOE, "title": "The role of NATO in the Caucasus",
         "container-title": "Journal of Things", "volume": "12", "issue": "3", "page": "1-20",
         "DOI": "10.1000/x1", "issued": {"date-parts": [[2020, 1]]}},
        id="an article: number is the issue, a month macro goes into the date"),
    pytest.param(
        "@article{a, author = {Doe, Jane}, title = {Soft Power: The Origins of a Concept},"
        " journaltitle = {Palgrave Communications}, date = {2017}, volume = {3}, eid = {17008}}",
        {"type": "article-journal", "author": DOE, "title": "Soft power: The origins of a concept",
         "container-title": "Palgrave Communications", "volume": "3", "number": "17008",
         "issued": {"date-parts": [[2017]]}},
        id="a biblatex article: eid is the article number"),
    pytest.param(
        "@article{a, author = {Doe, Jane}, title = {Why the Crisis Is the {West}'s Fault},"
        " journal = {Foreign Affairs}, year = {2014}, month = sep, entrysubtype = {magazine},"
        " volume = {93}, number = {5}, pages = {77--89}}",
        {"type": "article-magazine", "author": DOE, "title": "Why the crisis is the West’s fault",
         "container-title": "Foreign Affairs", "volume": "93", "issue": "5", "page": "77-89",
         "issued": {"date-parts": [[2014, 9]]}},
        id="a magazine article is an article with entrysubtype magazine"),
    pytest.param(
        "@inproceedings{a, author = {Doe, Jane}, title = {Parsing Citations with Conditional Random Fields},"
        " booktitle = {Proceedings of the Conference on Digital Libraries}, editor = {Roe, Rich},"
        " year = {2020}, pages = {1--10}, publisher = {ACM}, address = {New York},"
        " series = {JCDL '20}, volume = {12}}",
        {"type": "paper-conference", "author": DOE, "editor": [{"family": "Roe", "given": "Rich"}],
         "title": "Parsing citations with conditional random fields",
         "container-title": "Proceedings of the Conference on Digital Libraries", "page": "1-10",
         "publisher": "ACM", "publisher-place": "New York", "collection-title": "JCDL ’20",
         "volume": "12", "issued": {"date-parts": [[2020]]}},
        id="a conference paper has its booktitle as container"),
    pytest.param(
        "@incollection{a, author = {Doe, Jane}, title = {Russia's Foreign Policy and Soft Power},"
        " booktitle = {{Russia}'s Foreign Policy: Ideas and Relations}, editor = {Roe, Rich and Poe, Ed},"
        " publisher = {Palgrave Macmillan}, address = {London}, year = {2015}, pages = {97--113},"
        " edition = {2nd}}",
        {"type": "chapter", "author": DOE,
         "editor": [{"family": "Roe", "given": "Rich"}, {"family": "Poe", "given": "Ed"}],
         "title": "Russia’s foreign policy and soft power",
         "container-title": "Russia’s foreign policy: Ideas and relations", "page": "97-113",
         "publisher": "Palgrave Macmillan", "publisher-place": "London", "edition": "2nd",
         "issued": {"date-parts": [[2015]]}},
        id="a chapter in an edited book, in its 2nd edition (printed as edition 2 is)"),
    pytest.param(
        "@phdthesis{a, author = {Doe, Jane}, title = {Soft Power in Russia}, school = {MIT}, year = {2018}}",
        {"type": "thesis", "author": DOE, "title": "Soft power in Russia", "genre": "PhD thesis",
         "publisher": "MIT", "issued": {"date-parts": [[2018]]}},
        id="a PhD thesis: the school is the publisher"),
    pytest.param(
        "@mastersthesis{a, author = {Doe, Jane}, title = {Soft Power in Russia}, school = {MIT}, year = {2018}}",
        {"type": "thesis", "author": DOE, "title": "Soft power in Russia", "genre": "Master’s thesis",
         "publisher": "MIT", "issued": {"date-parts": [[2018]]}},
        id="a master's thesis"),
    pytest.param(
        "@techreport{a, author = {Doe, Jane}, title = {Russia's Soft Power Ambitions},"
        " institution = {Centre for European Policy Studies}, type = {CEPS Policy Brief},"
        " number = {115}, year = {2006}, month = oct}",
        {"type": "report", "author": DOE, "title": "Russia’s soft power ambitions",
         "publisher": "Centre for European Policy Studies", "genre": "CEPS Policy Brief",
         "number": "115", "issued": {"date-parts": [[2006, 10]]}},
        id="a report: institution, type and number"),
    pytest.param(
        "@online{a, author = {Doe, Jane}, title = {What China and Russia Don't Get About Soft Power},"
        " organization = {Foreign Policy}, date = {2013-04-29}, urldate = {2024-03-05},"
        " url = {https://example.org/soft-power}}",
        {"type": "webpage", "author": DOE, "title": "What China and Russia don’t get about soft power",
         "publisher": "Foreign Policy", "URL": "https://example.org/soft-power",
         "issued": {"date-parts": [[2013, 4, 29]]}, "accessed": {"date-parts": [[2024, 3, 5]]}},
        id="a web page: urldate is the access date"),
    pytest.param(
        "@software{a, author = {Doe, Jane}, title = {Refmanager}, version = {1.2}, year = {2022},"
        " publisher = {Zenodo}, url = {https://github.com/x/y}}",
        {"type": "software", "author": DOE, "title": "Refmanager", "version": "1.2",
         "publisher": "Zenodo", "URL": "https://github.com/x/y", "issued": {"date-parts": [[2022]]}},
        id="software with its version"),
    pytest.param(
        "@dataset{a, author = {Doe, Jane}, title = {Survey of Soft Power Perceptions}, year = {2021},"
        " publisher = {Zenodo}, doi = {10.5281/zenodo.1}}",
        {"type": "dataset", "author": DOE, "title": "Survey of soft power perceptions",
         "publisher": "Zenodo", "DOI": "10.5281/zenodo.1", "issued": {"date-parts": [[2021]]}},
        id="a dataset"),
    pytest.param(
        "@misc{a, author = {Doe, Jane}, title = {Notes on Soft Power}, howpublished = {Lecture notes},"
        " year = {2020}, month = jun}",
        {"type": "document", "author": DOE, "title": "Notes on soft power", "medium": "Lecture notes",
         "issued": {"date-parts": [[2020, 6]]}},
        id="a misc entry: howpublished is the medium"),
    pytest.param(
        "@misc{a, author = {Doe, Jane}, title = {Notes on Soft Power},"
        " howpublished = {\\url{https://example.org/notes}}, year = {2020}}",
        {"type": "document", "author": DOE, "title": "Notes on soft power",
         "URL": "https://example.org/notes", "issued": {"date-parts": [[2020]]}},
        id="a misc entry: a howpublished web address is the URL"),
    pytest.param(
        "@misc{a, author = {Doe, Jane}, title = {Attention Is Not Enough}, year = {2021},"
        " eprint = {2101.00001}, archivePrefix = {arXiv}, primaryClass = {cs.CL}}",
        {"type": "article", "author": DOE, "title": "Attention is not enough", "publisher": "arXiv",
         "number": "arXiv:2101.00001", "issued": {"date-parts": [[2021]]}},
        id="an arXiv eprint is a preprint, numbered as Zotero numbers it"),
    pytest.param(
        "@article{a, author = {Doe, Jane}, title = {Attention Is Not Enough},"
        " journal = {arXiv preprint arXiv:2101.00001}, year = {2021}}",
        {"type": "article", "author": DOE, "title": "Attention is not enough", "publisher": "arXiv",
         "number": "arXiv:2101.00001", "issued": {"date-parts": [[2021]]}},
        id="Google Scholar's arXiv journal is a preprint too"),
    pytest.param(
        "@article{a, author = {Doe, Jane}, title = {Attention Is Not Enough}, journal = {Journal of Things},"
        " year = {2021}, eprint = {2101.00001}, eprinttype = {arxiv}}",
        {"type": "article-journal", "author": DOE, "title": "Attention is not enough",
         "container-title": "Journal of Things", "issued": {"date-parts": [[2021]]}},
        id="a published article with an arXiv copy stays in its journal"),
    pytest.param(
        "@book{a, author = {M{\\\"u}ller, J{\\\"o}rg}, translator = {Smith, Ann},"
        " title = {{DNA} and the {Caucasus}: A History}, edition = {Second}, series = {Studies in History},"
        " number = {4}, publisher = {Oxford University Press}, address = {Oxford}, year = {2000}}",
        {"type": "book", "author": [{"family": "Müller", "given": "Jörg"}],
         "translator": [{"family": "Smith", "given": "Ann"}], "title": "DNA and the Caucasus: A history",
         "edition": "2", "collection-title": "Studies in History", "collection-number": "4",
         "publisher": "Oxford University Press", "publisher-place": "Oxford",
         "issued": {"date-parts": [[2000]]}},
        id="a translated book in a series, LaTeX decoded, braces kept, edition in words"),
]
CASES += [
    pytest.param(
        "@thesis{a, author = {Doe, Jane}, title = {Soft Power in Russia}, type = {phdthesis},"
        " institution = {MIT}, date = {2018}}",
        {"type": "thesis", "author": DOE, "title": "Soft power in Russia", "genre": "PhD thesis",
         "publisher": "MIT", "issued": {"date-parts": [[2018]]}},
        id="a biblatex thesis: its type key is the words biblatex prints"),
    pytest.param(
        "@book{a, author = {{World Health Organization}}, title = {Soft Power},"
        " subtitle = {The Means to Success in {World} Politics}, date = {2004}, publisher = {PublicAffairs}}",
        {"type": "book", "author": [{"literal": "World Health Organization"}],
         "title": "Soft power: The means to success in World politics", "publisher": "PublicAffairs",
         "issued": {"date-parts": [[2004]]}},
        id="a biblatex subtitle follows the title after a colon; an organisation is one name"),
    pytest.param(
        "@incollection{a, author = {Doe, Jane}, title = {A Chapter}, booktitle = {The Book},"
        " booksubtitle = {Essays on Power}, bookauthor = {Roe, Rich}, date = {2004}, publisher = {P}}",
        {"type": "chapter", "author": DOE, "container-author": [{"family": "Roe", "given": "Rich"}],
         "title": "A chapter", "container-title": "The book: Essays on power", "publisher": "P",
         "issued": {"date-parts": [[2004]]}},
        id="a chapter's bookauthor and booksubtitle"),
]
# The DOI field as exports fill it: a resolver URL (Zotero's DOI field holds the bare
# DOI, the style prints https://doi.org/ once), and the ACL Anthology's handles.
CASES += [
    pytest.param(
        "@article{a, author = {Doe, Jane}, title = {T}, journal = {J}, year = {2020},"
        " doi = {https://doi.org/10.1000/XYZ}}",
        {"type": "article-journal", "author": DOE, "title": "T", "container-title": "J",
         "DOI": "10.1000/XYZ", "issued": {"date-parts": [[2020]]}},
        id="a DOI written as a resolver URL reaches the processor bare"),
    pytest.param(
        "@inproceedings{a, author = {Doe, Jane}, title = {T}, booktitle = {Proc}, year = {2004},"
        " doi = {http://hdl.handle.net/2065/585}}",
        {"type": "paper-conference", "author": DOE, "title": "T", "container-title": "Proc",
         "URL": "http://hdl.handle.net/2065/585", "issued": {"date-parts": [[2004]]}},
        id="a handle in the doi field is no DOI: it is the URL"),
    pytest.param(
        "@inproceedings{a, author = {Doe, Jane}, title = {T}, booktitle = {Proc}, year = {2004},"
        " url = {https://aclanthology.org/Y04-1032}, doi = {http://hdl.handle.net/2065/585}}",
        {"type": "paper-conference", "author": DOE, "title": "T", "container-title": "Proc",
         "URL": "https://aclanthology.org/Y04-1032", "issued": {"date-parts": [[2004]]}},
        id="a handle in the doi field beside a URL is not printed"),
]
PROCEEDINGS = ("@proceedings{jcdl2020, title = {Proceedings of the Conference on Digital Libraries},"
               " editor = {Roe, Rich}, publisher = {ACM}, address = {New York}, year = {2020}}\n")
CASES.append(pytest.param(
    PROCEEDINGS + "@inproceedings{a, author = {Doe, Jane}, title = {A Paper on Things},"
    " crossref = {jcdl2020}, pages = {3--4}}",
    {"type": "paper-conference", "author": DOE, "editor": [{"family": "Roe", "given": "Rich"}],
     "title": "A paper on things", "container-title": "Proceedings of the Conference on Digital Libraries",
     "page": "3-4", "publisher": "ACM", "publisher-place": "New York", "issued": {"date-parts": [[2020]]}},
    id="a crossref child takes its proceedings' title, editors, publisher and date"))

STYLES = ("apa", "chicago-author-date", "chicago-notes-bibliography")


def item_of_entry(text: str) -> dict:
    document = refmanager.loads(text, "bibtex")
    assert document.all_problems() == []
    [item] = [item for item in items_from_records(document, sentence_case=True) if item["id"] == "a"]
    return item


def same_text(name: str, value):
    """A value as the processor prints it: without nocase spans (braced words keep
    their case, which the expected value shows), with page ranges and quotes typeset."""
    if not isinstance(value, str):
        return value
    value = richtext.plain(value).replace("'", "’")
    return value.replace("-", "–") if name == "page" else value


@pytest.mark.parametrize("entry, expected", CASES)
def test_an_entry_reaches_the_processor_as_zotero_keeps_the_work(entry, expected):
    item = item_of_entry(entry)
    for name, value in expected.items():
        assert same_text(name, item.get(name)) == same_text(name, value), name
    assert set(item) - {"id"} == set(expected)


@pytest.mark.parametrize("entry, expected", CASES)
@pytest.mark.parametrize("style", STYLES)
def test_an_entry_prints_as_the_zotero_item_does(entry, expected, style):
    records = refmanager.loads(entry, "bibtex").records
    printed = {row["id"]: row for row in cite_report(records, style, sentence_case=True)}["a"]
    zotero = cite_report([{**expected, "id": "a"}], style)[0]
    assert printed == zotero
