"""Tests for refmanager/normalize/title_text.py: title text cleaned of export debris.
Titles come from ../shared/bench/bigbib/personal-library-17k.bib and the ACL Anthology."""

from __future__ import annotations

import pytest

import refmanager
from refmanager import clean as cleaning
from refmanager.changes import verbatim_field
from refmanager.model import Record, RecordId
from refmanager.normalize import normalize
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


# biblatex subtitles kept verbatim, as personal-library-17k.bib writes them
SUBTITLED = """@article{bos09,
 title        = {Research Ethics in the Facebook Era},
 subtitle     = {SUBTITLE},
 year         = {2009},
}
"""


def subtitle_changes(text: str) -> list:
    return [change for change in normalize(refmanager.loads(text, "bibtex")) if change.field.startswith("bibtex:")]


@pytest.mark.parametrize("subtitle, expected", [
    ("{Privacy , anonymity , and oversight}", "{Privacy, anonymity, and oversight}"),
    ("{Tradition , Modernity [ Dissertation Research Proposal ]}", "{Tradition, Modernity [Dissertation Research Proposal]}"),
    ("{A Useful ”Microscope” for Causal Analysis}", "{A Useful “Microscope” for Causal Analysis}"),
    ("{Herbert A. Simon and Albert Ando Source:}", "{Herbert A. Simon and Albert Ando Source}"),
    ("{Experiences in the $<$scp$>$UK$<$/scp$>$}", "{Experiences in the \\textsc{UK}}"),
    ("{Caf{\\'e} , au lait}", "{Caf{\\'e}, au lait}"),
], ids=["stray spaces before commas", "and inside brackets", "a quotation opened with a closing mark",
        "a colon with nothing after it", "a JATS tag written as LaTeX math", "an ASCII entry stays ASCII"])
def test_a_subtitle_is_cleaned_as_a_title_is(subtitle, expected):
    change, = subtitle_changes(SUBTITLED.replace("{SUBTITLE}", subtitle))
    assert (change.field, change.old, change.new, change.rule) == (verbatim_field("subtitle"), subtitle, expected,
                                                                   "CleanTitleText")


@pytest.mark.parametrize("text", [
    SUBTITLED.replace("{SUBTITLE}", "{Privacy, anonymity, and oversight}"),
    SUBTITLED.replace("{SUBTITLE}", "{The {UK} Case of M{\\\"u}ller}"),
    '@string{sub = "Privacy , anonymity"}\n' + SUBTITLED.replace("{SUBTITLE}", "sub"),
    SUBTITLED.replace("{SUBTITLE}", '{Privacy , } # "anonymity"'),
], ids=["a clean subtitle", "LaTeX and braces that clean titles keep", "a macro is the source's own",
        "so is a concatenation"])
def test_a_subtitle_that_is_clean_or_not_one_group_is_left_as_written(text):
    assert subtitle_changes(text) == []


def test_every_title_field_kept_verbatim_is_cleaned():
    text = SUBTITLED.replace("{SUBTITLE}", "{A , B}").replace(" year", " titleaddon   = {C ,D},\n year")
    assert [change.field for change in subtitle_changes(text)] == ["bibtex:subtitle", "bibtex:titleaddon"]


def test_cleaned_subtitles_revert_byte_for_byte_and_clean_again_to_nothing(tmp_path):
    source = tmp_path / "in.bib"
    source.write_text(SUBTITLED.replace("{SUBTITLE}", "{Privacy , anonymity}") + "\n"
                      + SUBTITLED.replace("bos09", "other").replace("{SUBTITLE}", "{Clean}"), encoding="utf-8")
    report = cleaning.clean([str(source)], apply=True, output=str(tmp_path / "out.bib"))
    cleaning.write_report(report, str(tmp_path / "r.json"))
    cleaned = (tmp_path / "out.bib").read_text(encoding="utf-8")
    assert cleaned == source.read_text(encoding="utf-8").replace("Privacy , anonymity", "Privacy, anonymity")
    rendered = refmanager.format_bibliography(refmanager.load(str(tmp_path / "out.bib")), "apa")
    assert "Privacy, anonymity" in str(rendered)
    assert cleaning.clean([str(tmp_path / "out.bib")]).files[0].applied == []
    assert cleaning.revert(str(tmp_path / "r.json")).problems == []
    assert (tmp_path / "out.bib").read_bytes() == source.read_bytes()
