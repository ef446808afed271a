"""Text case (refmanager/render/textcase.py): CSL 1.0.2 "Text-case" and its
title-case rules; nocase spans from field markup never change."""

import pytest

from refmanager.render.markup import parse_markup
from refmanager.render.processor import CitationProcessor, Cite
from refmanager.render.richtext import to_plain
from refmanager.render.textcase import apply_text_case


@pytest.mark.parametrize("mode, text, expected", [
    ("lowercase", "The UN Report", "the un report"),
    ("uppercase", "The UN report", "THE UN REPORT"),
    ("capitalize-first", "the book of days", "The book of days"),
    ("capitalize-all", "the book of days", "The Book Of Days"),
    ("sentence", "The Book of Days", "The book of days"),
    ("title", "the book of the days", "The Book of the Days"),
    ("title", "a history: of the world", "A History: Of the World"),
    ("title", "writings on UK people", "Writings on UK People"),
    ("title", "out-of-fashion initiatives", "Out-of-Fashion Initiatives"),
    ("title", "from the ground up", "From the Ground Up"),
    # The golden files (citeproc-js): APA's number of a preprint, a role label.
    ("capitalize-first", "arXiv:2105.01234", "arXiv:2105.01234"),
    ("capitalize-all", "new iPhone apps", "New iPhone Apps"),
    # citeproc-js 2.4.63 (tools/csl-oracle):
    ("sentence", "THE BOOK OF DAYS", "THE book of days"),
    ("sentence", "iPhone apps", "IPhone apps"),
    ("capitalize-all", "x-ray of the e-mail", "X-Ray Of The E-Mail"),
    ("capitalize-all", "e.coli and the u.s.", "E.Coli And The U.S."),
    # The golden files: titles that the Chicago, MLA, ACS, ... styles title-case.
    ("title", "glacier retreat since 1900", "Glacier Retreat since 1900"),
    ("title", "walking after hip surgery", "Walking after Hip Surgery"),
    ("title", "bird counts along the danube", "Bird Counts along the Danube"),
    ("title", "an interview about life", "An Interview about Life"),
    ("title", "soil carbon under grazing", "Soil Carbon under Grazing"),
    ("title", "brown v. board of education", "Brown v. Board of Education"),
    ("title", "donoghue v stevenson", "Donoghue v Stevenson"),
], ids=["lowercase", "uppercase", "capitalize-first", "capitalize-all",
        "sentence case lowercases the rest", "title case keeps stop words lowercase",
        "title case capitalizes after a colon", "title case keeps acronyms",
        "title case capitalizes each part of a compound", "the last word is capitalized",
        "capitalize-first leaves a mixed-case word such as arXiv",
        "capitalize-all leaves a mixed-case word such as iPhone",
        "sentence case keeps the first word but its first letter",
        "sentence case capitalizes the first letter of a mixed-case first word",
        "capitalize-all capitalizes each part of a compound",
        "capitalize-all capitalizes each part after a period",
        "title case keeps since lowercase", "title case keeps after lowercase",
        "title case keeps along lowercase", "title case keeps about lowercase",
        "title case keeps under lowercase", "title case keeps the v. of a case name",
        "title case keeps a bare v of a case name"])
def test_text_case(mode, text, expected):
    assert apply_text_case(text, mode) == expected


# What citeproc-js 2.4.63 gives for these titles (run through tools/csl-oracle).
@pytest.mark.parametrize("text, expected", [
    ("alpha b omega", "Alpha b Omega"),
    ("alpha b", "Alpha b"),
    ("b omega", "B Omega"),
    ("alpha x-ray omega", "Alpha X-Ray Omega"),
    ("alpha a-b-c omega", "Alpha A-b-c Omega"),
    ("alpha e.coli omega", "Alpha e.Coli Omega"),
    ("alpha www.example.com omega", "Alpha Www.Example.Com Omega"),
    ("alpha e.g. omega", "Alpha e.g. Omega"),
    ("alpha o’neill omega", "Alpha o’neill Omega"),
    ("alpha don’t omega", "Alpha Don’t Omega"),
    ("alpha (b) omega", "Alpha (b) Omega"),
    ("alpha et al. omega", "Alpha et al. Omega"),
    ("von neumann and van gogh", "Von Neumann and van Gogh"),
    ("alpha astride omega", "Alpha astride Omega"),
    ("iktisadi ve idari bilimler", "Iktisadi ve Idari Bilimler"),
    ("universal dependencies v2: an evergrowing treebank", "Universal Dependencies v2: An Evergrowing Treebank"),
    ("what is ’technology-enhanced learning’", "What Is ’technology-Enhanced Learning’"),
    ("better than $n^2$: coreference", "Better than $n^2$: Coreference"),
    ("interactive exploration with smart drill-down", "Interactive Exploration with Smart Drill-Down"),
    ("alpha self-of-omega", "Alpha Self-of-Omega"),
    ("drill-down: omega", "Drill-down: Omega"),
], ids=["a lone letter stays lowercase inside a title", "even as the last word",
        "but not where the title opens", "the first part of a compound is capitalized",
        "later one-letter parts of a compound stay", "a period parts words",
        "each part after a period is capitalized", "an abbreviation of lone letters stays",
        "a lone letter before an apostrophe stays", "the part after an apostrophe stays",
        "a lone letter in brackets stays", "et al. stays lowercase",
        "a name particle stays lowercase inside a title", "a rarer preposition stays lowercase",
        "the Turkish and stays lowercase", "a stop word run into a number stays lowercase",
        "a word after an apostrophe is not capitalized", "nor one after a dollar sign",
        "a stop word ending the title is capitalized in a compound too",
        "but not inside the compound", "nor before a colon"])
def test_title_case_details(text, expected):
    assert apply_text_case(text, "title") == expected


@pytest.mark.parametrize("mode, text, expected", [
    ("capitalize-all", "alpha (beta) [gamma] “delta” -epsilon /zeta", "Alpha (Beta) [Gamma] “Delta” -Epsilon /Zeta"),
    ("capitalize-all", "alpha «beta» *gamma #delta {epsilon} ¡zeta!", "Alpha «beta» *gamma #delta {epsilon} ¡zeta!"),
    ("capitalize-first", "*beta omega", "*beta omega"),
], ids=["brackets, quotes, a hyphen or a slash may come before the capital",
        "other punctuation keeps the word as it is", "in capitalize-first too"])
def test_what_may_come_before_a_capital(mode, text, expected):
    # citeproc-js 2.4.63 on "alpha PUNCTUATION-beta omega" in every text-case mode.
    assert apply_text_case(text, mode) == expected


def test_nocase_spans_are_protected():
    tree = parse_markup('a <span class="nocase">mRNA</span> study of <i>E. coli</i>')
    assert to_plain(apply_text_case(tree, "uppercase")) == "A mRNA STUDY OF E. COLI"


def test_words_across_formatting_are_one_word():
    tree = parse_markup("<i>un</i>known lands")
    assert to_plain(apply_text_case(tree, "title")) == "Unknown Lands"


def test_a_label_is_title_cased_for_an_item_in_another_language(style):
    # Golden APA, motion-picture-original-title: a French film, "Zimmermann, W. (Director)".
    # The term is English (the style's locale), the title stays as the item has it.
    xml = style('<names variable="director"><name/><label prefix=" (" suffix=")" '
                'text-case="title"/></names><text variable="title" prefix=", " text-case="title"/>')
    item = {"id": "film", "type": "motion_picture", "language": "fr-FR", "title": "le voyage",
            "director": [{"family": "Zimmermann", "given": "Wen"}]}
    assert CitationProcessor(xml, [item]).citation([Cite(id="film")]) == \
        "Wen Zimmermann (Director), le voyage"


@pytest.mark.parametrize("mode, text, expected", [
    ("capitalize-first", "revised and expanded", "Revised and Expanded"),
    ("capitalize-first", "second edition, revised", "Second edition, Revised"),
    ("uppercase", "revised and expanded", "REVISED and EXPANDED"),
    ("capitalize-first", "revised andexpanded", "Revised andexpanded"),
], ids=["each part of a number list is capitalized", "a comma separates parts too",
        "the and between parts keeps its case", "and inside a word separates nothing"])
def test_number_variables_are_cased_part_by_part(mode, text, expected):
    # Golden Chicago and MLA, book-edition-text: "Revised and Expanded"; the other
    # cases are what citeproc-js 2.4.63 gives for an edition with text-case.
    assert apply_text_case(text, mode, number_parts=True) == expected


def test_a_number_variable_in_a_style_is_cased_part_by_part(style):
    xml = style('<text variable="edition" text-case="capitalize-first"/>'
                '<text variable="genre" text-case="capitalize-first" prefix="; "/>')
    item = {"id": "e", "type": "book", "edition": "revised and expanded",
            "genre": "revised and expanded"}
    assert CitationProcessor(xml, [item]).citation([Cite(id="e")]) == \
        "Revised and Expanded; Revised and expanded"


def test_a_term_keeps_its_place_at_the_start_of_a_note(style):
    # A note that opens with a term is capitalized (the CSL note on cs:citation),
    # also when the term has a text-case of its own.
    xml = style('<text term="in" text-case="lowercase"/><text variable="title" prefix=" "/>',
                style_class="note")
    processor = CitationProcessor(xml, [{"id": "n", "type": "book", "title": "Alpha"}])
    assert processor.citation([Cite(id="n")]) == "In Alpha"


@pytest.mark.parametrize("mode, language, text, expected", [
    ("uppercase", "tr", "ic and ıd", "İC AND ID"),
    ("lowercase", "tr-TR", "IŞIK İzmir", "ışık izmir"),
    ("uppercase", "en", "ic and ıd", "IC AND ID"),
], ids=["Turkish uppercases i to İ and ı to I", "and lowercases I to ı and İ to i",
        "other languages do not"])
def test_turkish_cases_dotted_and_dotless_i_apart(mode, language, text, expected):
    # The CSL suite's textcase_LocaleUnicode.
    assert apply_text_case(text, mode, language=language) == expected
