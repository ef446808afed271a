"""Tests for refmanager/normalize/titles.py: sentence case (APA), title case (Chicago
8.159), and protected words shipped and learned. Titles come from
the brief's examples and from ../shared/bench/bigbib/personal-library-17k.bib."""

from __future__ import annotations

import pytest

from refmanager.model import Record, RecordId
from refmanager.normalize import NormalizeConfig
from refmanager.normalize.titles import (
    FixTitleCase, ProtectTitleWords, is_sentence_case, lower_function_words,
    learn_protected_words, sentence_case, title_case,
)

NOCASE = '<span class="nocase">'


@pytest.mark.parametrize("title, expected", [
    ("The Russian Invasion of the Caucasus and NATO: A New Era", "The Russian invasion of the Caucasus and NATO: A new era"),
    ("COVID-19 and the iPhone: Lessons Learned", "COVID-19 and the iPhone: Lessons learned"),
    (f"A {NOCASE}DNA</span> Study of <i>Homo Sapiens</i>", f"A {NOCASE}DNA</span> study of <i>homo sapiens</i>"),
    ("THE WAR IN THE CAUCASUS AND THE ROLE OF NATO", "The war in the Caucasus and the role of NATO"),
    ("Working With McDonald's Data", "Working with McDonald's data"),
], ids=["proper adjectives, places and acronyms are kept", "digits and inner capitals are kept",
        "a nocase span is kept and tags survive", "an all-capitals title keeps only protected words",
        "a name with an inner capital is kept"])
def test_sentence_case(title, expected):
    assert sentence_case(title) == expected


@pytest.mark.parametrize("title, expected", [
    ("the war in the caucasus and the role of nato", "The War in the Caucasus and the Role of NATO"),
    (f"a {NOCASE}DNA</span> study of <i>homo sapiens</i>", f"A {NOCASE}DNA</span> Study of <i>Homo Sapiens</i>"),
    ("what the war was for", "What the War Was For"),
    ("multi-agent systems: an introduction", "Multi-Agent Systems: An Introduction"),
], ids=["minor words stay lower case", "a minor word before a tag is not the last word",
        "the last word is capitalised even if minor", "after a colon and inside hyphenated words"])
def test_title_case(title, expected):
    assert title_case(title) == expected


# Cases that failed before the sentence case was wired into APA rendering; titles from
# library/soft-power.bib and the bench's systematic-review exports.
@pytest.mark.parametrize("title, expected", [
    (f"{NOCASE}Soft Power</span>: The Means to Success in World Politics",
     f"{NOCASE}Soft Power</span>: The means to success in world politics"),
    (f"{NOCASE}Russian</span> {NOCASE}Eurasianism</span>: An Ideology of Empire",
     f"{NOCASE}Russian</span> {NOCASE}Eurasianism</span>: An ideology of empire"),
    ("Understanding Russia's Soft Power Strategy", "Understanding Russia's soft power strategy"),
    ("The Limits of Russia’s Soft Power", "The limits of Russia’s soft power"),
    ("Soft power: the origins and political progress of a concept",
     "Soft power: The origins and political progress of a concept"),
    ("Russia and China respond to soft power: interpretation of a Western construct",
     "Russia and China respond to soft power: Interpretation of a Western construct"),
    ("Who Governs? Power in an American City", "Who governs? Power in an American city"),
    ("“Forced to Friendship?” Russian Understandings of Soft Power",
     "“Forced to friendship?” Russian understandings of soft power"),
    ("Soft Power—A Concept and Its Critics", "Soft power—A concept and its critics"),
    ("Crowdwork Platforms - Juxtaposing Centralized and Decentralized Governance",
     "Crowdwork platforms - Juxtaposing centralized and decentralized governance"),
    ("Public Diplomacy: “The New Public Diplomacy” Revisited",
     "Public diplomacy: “The new public diplomacy” revisited"),
    ("U.S. Foreign Policy and the Caucasus", "U.S. foreign policy and the Caucasus"),
    ("Applying Update Streams in a Soft Real-Time Database System",
     "Applying update streams in a soft real-time database system"),
    ("Delphinidin-3-Glucoside Protects Apo E-Deficient Mice against COVID-19",
     "Delphinidin-3-glucoside protects apo E-deficient mice against COVID-19"),
    ("Are Americans More Meritocratic than the French?", "Are Americans more meritocratic than the French?"),
    ("Soft Power in Russian Foreign Policy toward Southern Caucasus",
     "Soft power in Russian foreign policy toward Southern Caucasus"),
    ("Trade in Central Asia and the Eastern Question", "Trade in Central Asia and the eastern question"),
], ids=["the first word after a colon that follows a braced word is capitalised",
        "the first word after a colon that follows two braced words is capitalised",
        "a possessive of a protected word is kept", "a possessive with a curly apostrophe is kept",
        "a title already in sentence case only gains its subtitle's capital",
        "a title already in sentence case keeps its proper nouns",
        "an acronym in the list (WHO) does not capitalise the pronoun",
        "the first word after end punctuation inside quotes is capitalised",
        "the first word after an em dash is capitalised",
        "a spaced hyphen is a subtitle's dash",
        "the first word after a colon and an opening quote is capitalised",
        "an abbreviation's full stop does not start a sentence",
        "each part of a hyphenated compound tells its own case",
        "a compound keeps only the parts whose case says something",
        "the plural of a protected word is kept",
        "a compass word before a proper noun is part of the region's name",
        "a compass word before a common noun is not"])
def test_sentence_case_of_title_case_input(title, expected):
    assert sentence_case(title) == expected


def test_sentence_case_leaves_a_sentence_case_title_as_it_is():
    title = "Russia and China respond to soft power: Interpretation and readaptation of a Western construct"
    assert sentence_case(title) == title
    assert sentence_case(sentence_case("The Limits of Russia's Soft Power")) == "The limits of Russia's soft power"


@pytest.mark.parametrize("title, expected", [
    # personal-library-17k.bib: biblatex title and subtitle, each typed in its own case
    ("Research Ethics in the Facebook Era: Privacy, anonymity, and oversight",
     "Research ethics in the Facebook era: Privacy, anonymity, and oversight"),
    ("The Rules of Sociological Method: And selected texts on sociology and its method",
     "The rules of sociological method: And selected texts on sociology and its method"),
    # capitals with no lower-case minor word among them may all be a name's
    ("West Virginia State Police Investigation: 10 more minors, 42 more women in total to sue West Virginia"
     " State Police over hidden cameras", "West Virginia State Police Investigation: 10 more minors, 42 more"
     " women in total to sue West Virginia State Police over hidden cameras"),
])
def test_sentence_case_of_a_title_case_main_title_before_a_sentence_case_subtitle(title, expected):
    assert sentence_case(title) == expected


@pytest.mark.parametrize("title, expected", [
    ("Moscow discovers soft power", True), ("Moscow Discovers Soft Power", False),
    ("COVID-19 and the iPhone: Lessons Learned", False), ("Soft power", True),
    (f"{NOCASE}Russia</span> and {NOCASE}China</span> respond to soft power", True),
    ("THE WAR IN THE CAUCASUS", False), ("Kosovo", True),
], ids=["sentence case", "title case", "deliberately cased words tell nothing", "two words",
        "braced words tell nothing", "capitals are not sentence case", "one word is"])
def test_is_sentence_case(title, expected):
    assert is_sentence_case(title) is expected


def test_possessives_are_learned_as_the_word():
    titles = ["The role of Putin's circle", "A history of Putin’s foreign policy", "Sanctions and the oligarchs around Putin"]
    assert "Putin" in learn_protected_words(titles)


def test_protected_words_given_by_the_caller_are_kept():
    assert sentence_case("The Lisbon Treaty and Brexit", ["Lisbon", "Brexit"]) == "The Lisbon treaty and Brexit"


def test_words_capitalised_mid_title_across_records_are_learned():
    titles = ["Notes on the Gaza strip", "A history of Gaza", "Water in Gaza today", "Gaza: a study",
              "The Quick test", "a quick guide to things"]
    learned = learn_protected_words(titles)
    assert "Gaza" in learned and "Quick" not in learned  # Quick is also seen lower case


def test_title_case_titles_teach_nothing():
    assert learn_protected_words(["The Art of War", "The Art of Peace", "The Art of Love"]) == set()


def test_a_title_in_capitals_is_only_a_suggestion():
    record = Record("k", title="PHILOSOPHY OF ANTIFASCISM")
    step = FixTitleCase()
    step.prepare([record], NormalizeConfig())
    [change] = step.check(RecordId("t", 0, "k"), record)
    assert change.new == "Philosophy of Antifascism" and change.confidence < NormalizeConfig().threshold


def test_protecting_words_wraps_them_once():
    record = Record("k", title=f"The Russian Army and {NOCASE}NATO</span>")
    step = ProtectTitleWords()
    step.prepare([record], NormalizeConfig())
    [change] = step.check(RecordId("t", 0, "k"), record)
    assert change.new == f"The {NOCASE}Russian</span> Army and {NOCASE}NATO</span>"
    again = Record("k", title=change.new)
    assert list(step.check(RecordId("t", 0, "k"), again)) == []


def test_protecting_words_is_off_unless_enabled():
    from refmanager.normalize import default_pipeline
    assert "ProtectTitleWords" not in default_pipeline().names()
    assert "ProtectTitleWords" in default_pipeline(NormalizeConfig(enabled=frozenset({"ProtectTitleWords"}))).names()


def test_sentence_case_on_the_labelled_pairs_of_the_dedupe_bench(repository, shared):
    """Title-case and sentence-case titles of one work (benchmarks/bench_sentence_case.py):
    84.8% agree but for a subtitle's first capital (67.4% before compounds, colons after
    braces and already sentence-case titles were handled). A drop is a regression."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "bench_sentence_case", repository / "benchmarks" / "bench_sentence_case.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    folder = shared / "bench" / "dedupe" / "dblp_acm"
    result = bench.score(bench.labelled_pairs(folder), bench.corpus_titles(folder))
    assert result["pairs"] > 1000
    assert result["aside"] >= 0.85 and result["words"] >= 0.91


@pytest.mark.parametrize("title, expected", [
    ("How To Use Conditional Expressions With Numpy Where()", "How to Use Conditional Expressions with Numpy Where()"),
    ("Why the Ukraine Crisis Is the West's Fault: The Liberal Delusions", "Why the Ukraine Crisis Is the West's Fault: The Liberal Delusions"),
    ("Why Soft Power Isn't So Soft", "Why Soft Power Isn't So Soft"),
    ("What We Are Fighting For", "What We Are Fighting For"),
    ("FROM STRUCTURE TO PROCESS", "FROM STRUCTURE TO PROCESS"),
    ("Out-Of-Fashion Ideas", "Out-of-Fashion Ideas"),
], ids=["capitalised prepositions inside a title are lowered", "a word after a colon keeps its capital",
        "so is an adverb too often to be lowered", "the last word keeps its capital",
        "a title in capitals is left to the style", "the parts of a compound are words"])
def test_lower_function_words(title, expected):
    assert lower_function_words(title) == expected


@pytest.mark.parametrize("title, expected", [
    ("Our Experience in Using SYSTRAN", "Our experience in using SYSTRAN"),
    ("Our Experience in Using Systran", "Our experience in using Systran"),
    ("our experience in using systran", "Our experience in using SYSTRAN"),
], ids=["each protected spelling is kept as a title writes it", "the other one too",
        "elsewhere the spelling with more capitals, whatever the order of the words"])
def test_a_word_protected_in_two_spellings_is_cased_the_same_whatever_their_order(title, expected):
    # The ACL file braces SYSTRAN and its titles teach Systran: the set of both came in
    # another order in each run, and the last one read stood for both (APA varied by run).
    for order in (["Systran", "SYSTRAN"], ["SYSTRAN", "Systran"]):
        assert sentence_case(title, order) == expected
