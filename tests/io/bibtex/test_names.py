"""Tests for refmanager/io/bibtex_names.py: BibTeX name lists to `Name`s and back.

Two conformance suites from ../shared/bench/names/ (see its README) run here:
bibtex_name_splitting.jsonl (pybtex's and bibtexparser's test data, "as parsed
by the bibtex program itself") and the BibTeX-syntax cases of biber_names.jsonl
(biber's t/names.t). Cases that still fail are listed in tests/known_failures.txt.
The other tables follow the rules for names in Patashnik's "Designing BibTeX
styles" and the examples of Markey's "Tame the BeaST".
"""

from __future__ import annotations

import json

import pytest
from shared_data import SHARED, missing_reason

from refmanager.io.bibtex.names import OTHERS, format_names, parse_names
from refmanager.latex.decode import decode
from refmanager.model import Name

NAMES_BENCH = SHARED / "bench" / "names"


def read_jsonl(name: str) -> list[dict]:
    path = NAMES_BENCH / name
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def case_id(group: str, text: str) -> str:
    """A case's id in tests/known_failures.txt: its group and its input, JSON-quoted."""
    return f"{group} | {json.dumps(text, ensure_ascii=False)}"


def first_name(value: str) -> Name:
    names = parse_names(value)
    return names[0] if names else Name()


def check_known(known: dict[str, str], identifier: str, passed: bool, failure: str) -> None:
    """Listed cases must still fail (then they show as xfail); the others must pass."""
    if identifier in known:
        if passed:
            pytest.fail(f"{identifier} now passes: remove it from tests/known_failures.txt")
        pytest.xfail(known[identifier])
    assert passed, failure


# ---------------------------------------------------------------- conformance suites

SPLITTING = read_jsonl("bibtex_name_splitting.jsonl")


@pytest.mark.skipif(not SPLITTING, reason=missing_reason("bench", "names"))
@pytest.mark.parametrize("case", SPLITTING, ids=[case_id(c["group"], c["input"]) for c in SPLITTING])
def test_names_split_as_bibtex_splits_them(case, known_failures):
    expected = {part: decode(" ".join(tokens)) for part, tokens in case["expected"].items()}
    name = first_name(case["input"])
    found = {"first": name.given, "von": name.non_dropping_particle,
             "last": name.family or name.literal, "jr": name.suffix}
    check_known(known_failures("bibtex_name_splitting"), case_id(case["group"], case["input"]),
                found == expected, f"{found} != {expected}")


BIBER = [case for case in read_jsonl("biber_names.jsonl") if case.get("input_format") == "bibtex"]
BIBER_PARTS = [case for case in BIBER if "expected_plain" in case]
BIBER_WRITTEN = [case for case in BIBER if "expected_bibtex_roundtrip" in case]


@pytest.mark.skipif(not BIBER_PARTS, reason=missing_reason("bench", "names"))
@pytest.mark.parametrize("case", BIBER_PARTS, ids=[case_id(c["test"], c["input"]) for c in BIBER_PARTS])
def test_names_split_as_biber_splits_them(case, known_failures):
    # biber's plain parts keep the source's braces ("El-{M}allah"); decoding
    # them gives what the model holds. biber's prefix is BibTeX's von part.
    expected = {part: decode(value or "") for part, value in case["expected_plain"].items()}
    name = first_name(case["input"])
    found = {"given": name.given, "prefix": name.non_dropping_particle,
             "family": name.family or name.literal, "suffix": name.suffix}
    check_known(known_failures("biber_names"), case_id(case["test"], case["input"]),
                found == expected, f"{found} != {expected}")


@pytest.mark.skipif(not BIBER_WRITTEN, reason=missing_reason("bench", "names"))
@pytest.mark.parametrize("case", BIBER_WRITTEN, ids=[case_id(c["test"], c["input"]) for c in BIBER_WRITTEN])
def test_names_are_written_as_biber_writes_them(case):
    # The model holds Unicode, so braces that only protect case ("{K}ent") are
    # not written back; what must agree is the names the written value stands for.
    written, notes = format_names(parse_names(case["input"]))
    assert parse_names(written) == parse_names(case["expected_bibtex_roundtrip"])
    assert notes == []


@pytest.mark.parametrize("section, cases", [
    pytest.param("bibtex_name_splitting", [case_id(c["group"], c["input"]) for c in SPLITTING],
                 id="bibtex_name_splitting lists only its own cases"),
    pytest.param("biber_names", [case_id(c["test"], c["input"]) for c in BIBER_PARTS],
                 id="biber_names lists only its own cases"),
])
def test_known_failures_name_real_cases(section, cases, known_failures):
    if not cases:
        pytest.skip(missing_reason("bench", "names"))
    assert set(known_failures(section)) <= set(cases)


# ---------------------------------------------------------------- reading

ALICE = Name(family="Smith", given="Alice")
BOB = Name(family="Jones", given="Bob")

# (value, names): how a value splits into names. Patashnik: names are separated
# by "and" at brace depth 0, in any case, surrounded by white space.
SPLITTING_AT_AND = [
    pytest.param("Alice Smith and Bob Jones", [ALICE, BOB], id="and separates two names"),
    pytest.param("Alice Smith AND Bob Jones", [ALICE, BOB], id="AND in capitals separates names"),
    pytest.param("Alice Smith And Bob Jones", [ALICE, BOB], id="And in title case separates names"),
    pytest.param("Alice Smith and\n    Bob Jones", [ALICE, BOB], id="and before a line break separates names"),
    pytest.param("Alice~Smith and Bob~Jones", [ALICE, BOB], id="ties join the words of one name"),
    pytest.param("Sandy Anderson and Andrew Band",
                 [Name(family="Anderson", given="Sandy"), Name(family="Band", given="Andrew")],
                 id="and inside a word does not separate"),
    pytest.param("{Barnes and Noble} and Bob Jones", [Name(literal="Barnes and Noble"), BOB],
                 id="and inside braces does not separate"),
    pytest.param("Alice Smith and others", [ALICE, OTHERS], id="and others marks a truncated list"),
    pytest.param("", [], id="an empty value has no names"),
]


@pytest.mark.parametrize("value, names", SPLITTING_AT_AND)
def test_a_value_splits_into_names_at_top_level_and(value, names):
    assert parse_names(value) == names


# (value, name): the parts of one name.
ONE_NAME = [
    pytest.param("{World Health Organization}", Name(literal="World Health Organization"),
                 id="a name in one brace group is an organisation"),
    pytest.param("{Robert and Sons, Inc.}", Name(literal="Robert and Sons, Inc."),
                 id="an organisation may contain and and a comma"),
    pytest.param("Nye, Jr., Joseph S.", Name(family="Nye", given="Joseph S.", suffix="Jr."),
                 id="the middle of three comma parts is the suffix (sample library)"),
    pytest.param("Ludwig van Beethoven", Name(family="Beethoven", given="Ludwig", non_dropping_particle="van"),
                 id="a lowercase word before the last is a particle"),
    pytest.param("van Beethoven, Ludwig", Name(family="Beethoven", given="Ludwig", non_dropping_particle="van"),
                 id="a lowercase word before the family in the inverted form is a particle"),
    pytest.param("Jean de La Fontaine", Name(family="La Fontaine", given="Jean", non_dropping_particle="de"),
                 id="a capitalised word after the particle belongs to the family"),
    pytest.param("{de la Cruz}, Juan", Name(family="de la Cruz", given="Juan"),
                 id="braces keep a lowercase family whole"),
    pytest.param(r'M{\"u}ller, J{\"o}rg', Name(family="Müller", given="Jörg"),
                 id="LaTeX accents are decoded in each part"),
    pytest.param(r'{\"U}nal, Ali', Name(family="Ünal", given="Ali"),
                 id="a special character at the start keeps the family capitalised"),
    pytest.param("Aristotle", Name(family="Aristotle"), id="a single word is a family name"),
]


@pytest.mark.parametrize("value, name", ONE_NAME)
def test_a_name_splits_into_its_parts(value, name):
    assert parse_names(value) == [name]


def test_a_word_without_groups_splits_at_commas_as_the_brace_walk_splits_it():
    # The shortcut of `_split_word_at_commas` (str.split where no group or escaped comma
    # can hide a comma) against the walk it stands in for, on every short word.
    import itertools

    from refmanager.io.bibtex import names as naming
    from refmanager.latex.braces import split_top_level

    for length in range(1, 7):
        for characters in itertools.product(",{}\\a", repeat=length):
            word = "".join(characters)
            assert naming._split_word_at_commas(word) == split_top_level(word, ","), word



def test_a_name_without_latex_reads_as_the_decoding_of_each_part_reads_it():
    # The shortcut of `_parse_plain_name` (a name with no LaTeX takes its parts as written)
    # against decoding every part, on every short name of these characters.
    import itertools

    from refmanager.io.bibtex import names as naming

    for length in range(1, 6):
        for characters in itertools.product("aA, '&\\-é", repeat=length):
            text = "".join(characters)
            if text.split():
                assert naming._parse_plain_name.__wrapped__(text) == naming._parse_name(text.split()), text
    for text in ("M&#252;ller, J&#xF6;rg", "O&apos;Brien, Pat", "``Smith'', Al", "Smith--Jones, Al"):
        assert naming._parse_plain_name.__wrapped__(text) == naming._parse_name(text.split()), text


# ---------------------------------------------------------------- writing

# (names, value): exact values, as Patashnik's "von Last, Jr, First" form writes them.
WRITTEN = [
    pytest.param([Name(family="Nye", given="Joseph S.", suffix="Jr.")], "Nye, Jr., Joseph S.",
                 id="a suffix goes between family and given (sample library)"),
    pytest.param([Name(family="Beethoven", given="Ludwig", non_dropping_particle="van")], "van Beethoven, Ludwig",
                 id="a particle goes before the family"),
    pytest.param([Name(literal="World Health Organization")], "{World Health Organization}",
                 id="an organisation is braced"),
    pytest.param([Name(family="de la Cruz", given="Juan")], "{de la Cruz}, Juan",
                 id="a family starting in lowercase is braced so that it is not read as a particle"),
    pytest.param([Name(family="Smith and Wesson", given="Horace")], "{Smith and Wesson}, Horace",
                 id="a family containing and is braced"),
    pytest.param([ALICE, OTHERS], "Smith, Alice and others", id="a truncated list ends in and others"),
    pytest.param([Name(family="Müller", given="Jörg")], "Müller, Jörg", id="non-ASCII stays UTF-8 by default"),
]


@pytest.mark.parametrize("names, value", WRITTEN)
def test_names_are_written_in_bibtex_form(names, value):
    assert format_names(names) == (value, [])


def test_with_ascii_names_are_written_with_latex_accents():
    assert format_names([Name(family="Müller", given="Jörg")], ascii=True) == (r'M{\"u}ller, J{\"o}rg', [])


# Names of every shape the writer must brace or order correctly.
ROUND_TRIP_NAMES = [
    pytest.param(Name(family="Smith", given="John"), id="a plain name"),
    pytest.param(Name(family="Beethoven", given="Ludwig", non_dropping_particle="van"), id="a particle"),
    pytest.param(Name(family="Vallée Poussin", given="Charles", non_dropping_particle="de la"),
                 id="a two-word particle and a two-word family"),
    pytest.param(Name(family="Nye", given="Joseph S.", suffix="Jr."), id="a suffix"),
    pytest.param(Name(family="Doe", given="John", non_dropping_particle="von", suffix="III"),
                 id="a particle and a suffix"),
    pytest.param(Name(literal="World Health Organization"), id="an organisation"),
    pytest.param(Name(literal="Barnes and Noble, Inc."), id="an organisation with and and a comma"),
    pytest.param(Name(literal="AT&T Bell Laboratories"), id="an organisation with an ampersand"),
    pytest.param(Name(family="de la Cruz", given="Juan"), id="a family starting in lowercase with no particle"),
    pytest.param(Name(family="hooks", given="bell"), id="a lowercase family and given name"),
    pytest.param(Name(family="Smith and Wesson", given="Horace"), id="a family containing the word and"),
    pytest.param(Name(family="Lee", given="Ann and Bo"), id="a given name containing the word and"),
    pytest.param(Name(family="O'Brien", given="Flann"), id="an apostrophe"),
    pytest.param(Name(family="Aristotle"), id="a family name alone"),
    pytest.param(Name(family="Müller", given="Jörg"), id="umlauts"),
    pytest.param(Name(family="Nguyễn", given="Văn An"), id="Vietnamese stacked accents"),
    pytest.param(Name(family="Łukasiewicz", given="Jan"), id="a Polish letter"),
    pytest.param(Name(family="Ørsted", given="Hans Christian"), id="a Danish letter"),
    pytest.param(Name(family="al-Ṣāliḥ", given="ʿAbdallāh"), id="transliterated Arabic (biber's test)"),
    pytest.param(Name(family="der Waals", given="Johannes Diderik", non_dropping_particle="van"),
                 id="a family starting in lowercase after a particle"),
]


@pytest.mark.parametrize("ascii", [False, True], ids=["in UTF-8", "in ASCII"])
@pytest.mark.parametrize("name", ROUND_TRIP_NAMES)
def test_a_written_name_reads_back_the_same(name, ascii):
    written, notes = format_names([name], ascii=ascii)
    assert parse_names(written) == [name]
    assert notes == []


@pytest.mark.parametrize("ascii", [False, True], ids=["in UTF-8", "in ASCII"])
def test_a_written_list_reads_back_the_same(ascii):
    names = [param.values[0] for param in ROUND_TRIP_NAMES if not param.marks] + [OTHERS]
    written, _ = format_names(names, ascii=ascii)
    assert parse_names(written) == names


def test_a_dropping_particle_is_written_as_a_particle_with_a_note():
    # BibTeX has one von part; CSL's "dropping" kind (shown, not sorted under) is lost.
    name = Name(family="Beethoven", given="Ludwig", dropping_particle="van")
    written, notes = format_names([name, ALICE])
    assert written == "van Beethoven, Ludwig and Smith, Alice"
    assert len(notes) == 1 and "Ludwig van Beethoven" in notes[0]
    assert parse_names(written)[0] == Name(family="Beethoven", given="Ludwig", non_dropping_particle="van")


def test_a_capitalised_particle_that_bibtex_cannot_hold_gets_a_note():
    # CSL-JSON may hold {"non-dropping-particle": "Van", "family": "Gogh"};
    # "Van Gogh, Vincent" reads back as family "Van Gogh" with no particle.
    name = Name(family="Gogh", given="Vincent", non_dropping_particle="Van")
    written, notes = format_names([name])
    assert parse_names(written) == [name] or notes


def test_an_html_reference_an_export_split_into_names_is_put_back():
    # The DBLP-ACM benchmark's export turned `&#252;` into ` and \#252 and `.
    names = parse_names(r"Suryanarayana M. Sripada and Beat W and \#252 and thrich and G and \#252 and nter Sauter")
    assert [(name.given, name.family) for name in names] == [
        ("Suryanarayana M.", "Sripada"), ("Beat", "Wüthrich"), ("Günter", "Sauter")]


def test_a_one_digit_number_between_names_is_not_taken_for_a_reference():
    assert len(parse_names(r"Smith and \#1 and Jones")) == 3
