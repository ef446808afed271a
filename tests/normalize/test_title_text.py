"""Tests for refmanager/normalize/title_text.py: title text cleaned of export debris.
Titles come from ../shared/bench/bigbib/personal-library-17k.bib and the ACL Anthology."""

from __future__ import annotations

import pytest

from refmanager.model import Record, RecordId
from refmanager.normalize.title_text import CleanTitleText, clean_title_text


@pytest.mark.parametrize("title, expected", [
    ("A  title  with   spaces ", "A title with spaces"), ("Biometrics , Surveillance", "Biometrics, Surveillance"),
    ("Hype ,identity", "Hype, identity"), ("Really?? Yes", "Really?? Yes"), ("Arrrgghh !!! Blending", "Arrrgghh !!! Blending"),
    ("Did You Know..? The Jazz", "Did You Know..? The Jazz"), ("Iran;; Cuba", "Iran; Cuba"), ("Wait.. what", "Wait. what"),
    ("To be continued...", "To be continued..."), ("Cats &amp; dogs", "Cats & dogs"),
    ("An <em>emphatic</em> title", "An <i>emphatic</i> title"), ("M{\\\"u}ller's law", "Müller's law"),
    ("Actes de TALN, volume 1 : articles longs", "Actes de TALN, volume 1 : articles longs"),
    ('<span class="nocase">LIP}-{RTVE}</span>', '<span class="nocase">LIP}-{RTVE}</span>'),
    ("Preparation systems used in research and development: ", "Preparation systems used in research and development"),
    ("Childbirth in the United States;", "Childbirth in the United States"),
    ("Experiences in the <scp>UK</scp>", 'Experiences in the <span style="font-variant:small-caps;">UK</span>'),
    ("<italic>Autism Voices</italic>: a novel method", "<i>Autism Voices</i>: a novel method"),
    ("The <bold>key</bold> finding", "The <b>key</b> finding"),
    ("”Fruity” Smells, City Streets", "“Fruity” Smells, City Streets"),
    ("The Ethics of Archiving ”Murderabilia”", "The Ethics of Archiving “Murderabilia”"),
    ("“ Alone Together ?” Exploring the Social Dynamics", "“Alone Together ?” Exploring the Social Dynamics"),
    ("Unbalanced ”quote", "Unbalanced ”quote"), ("„Anführung“ und ”Zitat”", "„Anführung“ und ”Zitat”"),
    ("Social Norm Emergence ( Short Paper )", "Social Norm Emergence (Short Paper)"),
    ("Analysis of the Social Meaning of (Physical ) Interaction", "Analysis of the Social Meaning of (Physical) Interaction"),
    ("Dialogue avec Moli\\`ere (Dialogue with Moli\\`ere )", "Dialogue avec Molière (Dialogue with Molière)"),
    ("A Story of Happy Network [ Dissertation Research Proposal ]", "A Story of Happy Network [Dissertation Research Proposal]"),
    ("Resolution for Pronouns in Tamil Using \\{CRF\\}", 'Resolution for Pronouns in Tamil Using <span class="nocase">CRF</span>'),
    ("Etude du {XVI}e si\u00e8cle", 'Etude du <span class="nocase">XVI</span>e si\u00e8cle'),
    ("Sets {0,1} and {a, b}", "Sets {0,1} and {a, b}"),
    ("Athlete Crackdown\u200b", "Athlete Crackdown"), ("Intro\u00adduction", "Introduction"),
    ("Cooked In \U0001f9d1\u200d\U0001f373", "Cooked In \U0001f9d1\u200d\U0001f373"),
], ids=["stray whitespace", "space before a comma", "a comma on the wrong side", "doubled question marks are the title's own",
        "so are exclamation marks (personal-library-17k.bib)", "and two full stops before a question mark",
        "a doubled semicolon is a slip",
        "a doubled full stop", "an ellipsis is kept", "an HTML entity", "an HTML tag becomes rich text",
        "LaTeX left in a title", "French spacing before a colon is kept",
        "braces inside decoded rich text are not decoded again",
        # personal-library-17k.bib: Crossref titles cut after their colon, and JATS tags
        "a colon with nothing after it", "a semicolon ending the title",
        "a JATS small-caps tag", "a JATS italic tag", "a JATS bold tag",
        # personal-library-17k.bib: quotations opened with a closing mark, spaces inside one
        "a closing mark opens a title's quotation", "and one inside the title", "spaces inside the marks",
        "marks that would not pair are left", "so are German quotation marks",
        # personal-library-17k.bib and the ACL Anthology's translated titles: spaces inside brackets
        "spaces inside parentheses", "a space before the closing parenthesis", "an ACL translated title",
        "spaces inside square brackets",
        # the ACL Anthology file: 35,000 lines with case protection escaped into literal braces
        "escaped braces around a word protect it", "and part of a word", "braces around a set are kept",
        # personal-library-17k.bib: titles copied from web pages
        "a zero-width space goes", "so does a soft hyphen", "a zero-width joiner inside an emoji stays"])
def test_clean_title_text(title, expected):
    assert clean_title_text(title) == expected


def test_clean_title_step_reports_the_old_title():
    [change] = CleanTitleText().check(RecordId("t", 0, "k"), Record("k", title="A  title"))
    assert (change.field, change.new) == ("title", "A title")
