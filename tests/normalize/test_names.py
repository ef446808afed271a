"""Tests for refmanager/normalize/names.py: case repair, particles, initials, suffixes
and organisations, step by step, and two conformance suites from ../shared/bench/names/:

* `proposed_refmanager_cases.jsonl` (27 cases written for this project: casing,
  compound family names, particles, Arabic, East-Asian, suffixes, LaTeX accents),
  read with the BibTeX name splitter and then every record-level name step;
* `csl_particle_parsing.jsonl` (76 CSL test-suite fixtures): particles split out of
  CSL family and given names by SplitParticles.

Cases that still fail are listed, with the reason, in tests/known_failures.txt
under [normalize-names-proposed] and [normalize-names-csl-particles].
"""

from __future__ import annotations

import json

import pytest

from refmanager.io.bibtex.names import parse_names
from refmanager.model import Name, Origin, Record, RecordId
from refmanager.normalize import NormalizeConfig
from refmanager.normalize.names import (
    CleanNameText, FixNameCase, MarkOrganisation, NormalizeInitials, SplitParticles, SplitSuffix,
)
from refmanager.normalize.pipeline import Pipeline, run_pipeline
from refmanager.model import Document

RECORD_ID = RecordId("t.bib", 0, "key")
NAME_STEPS = [CleanNameText, MarkOrganisation, FixNameCase, SplitSuffix, SplitParticles, NormalizeInitials]
PARTS = ("family", "given", "non-dropping-particle", "dropping-particle", "suffix", "literal")


def fixed(step_class, name: Name, source_format: str = "csljson") -> Name:
    record = Record("key", creators={"author": [name]})
    record.seal(Origin("t", 1, source_format))
    changes = list(step_class().check(RECORD_ID, record))
    return changes[0].new[0] if changes else name


@pytest.mark.parametrize("name, expected", [
    (Name("SMITH", "J."), Name("Smith", "J.")),
    (Name("mahmood"), Name("Mahmood")),
    (Name("MCDONALD", "Ronald"), Name("McDonald", "Ronald")),
    (Name("o'brien", "sean"), Name("O'Brien", "Sean")),
    (Name("O'NEIL", "TIP"), Name("O'Neil", "Tip")),
    (Name("MACARTHUR", "DOUGLAS"), Name("MacArthur", "Douglas")),
    (Name("MACHADO", "ANTONIO"), Name("Machado", "Antonio")),
    (Name("D'ALEMBERT", "JEAN"), Name("d'Alembert", "Jean")),
    (Name("AL-HAKIM", "TAWFIQ"), Name("al-Hakim", "Tawfiq")),
    (Name("DE LA FUENTE", "J."), Name("Fuente", "J.", non_dropping_particle="de la")),
    (Name("SMITH", "JP"), Name("Smith", "JP")),
    (Name("GARCÍA MÁRQUEZ", "GABRIEL"), Name("García Márquez", "Gabriel")),
    (Name("STRUGEON", "E.G.-L."), Name("Strugeon", "E.G.-L.")),
    (Name("DUPONT", "E.G.-LOUIS"), Name("Dupont", "E.G.-Louis")),
], ids=["capitals with an initial", "a lower-case single name", "Mc keeps its capital",
        "O' in lower case", "O' in capitals", "a known Mac name", "not every Mac is a Mac name",
        "d' stays a lower-case particle", "al- stays a lower-case particle",
        "capitalised particles become lower case", "initials in capitals are kept",
        "accented capitals", "hyphenated dotted initials are kept (personal library's 'Strugeon, E.G.-L.')",
        "dotted initials before a hyphenated name"])
def test_case_repair(name, expected):
    assert fixed(FixNameCase, name) == expected


@pytest.mark.parametrize("name", [
    Name("DeGette", "Diana"), Name("McPherson", "James"), Name("Berg", "Anna", non_dropping_particle="van der"),
    Name("毛", "泽东"), Name("IEEE"), Name(literal="WORLD HEALTH ORGANIZATION"),
    Name("PVS", "Avinesh"), Name("PYKL", "Srinivas"), Name("R.R", "Rohit"), Name("P.V.S.", "Avinesh"),
    Name("A3}", "{ARC"), Name("IV", "Antonio Pequeño"),
], ids=["a capital inside is deliberate", "Mc as written", "a lower-case particle as written",
        "a name in a script without case", "a short acronym alone", "an organisation",
        # the ACL Anthology: South Indian initials where the family name would stand
        "initials without a vowel", "four initials", "dotted initials", "dotted initials with full stops",
        "braces left by the splitter", "a suffix in the family's place is for SplitSuffix"])
def test_deliberate_case_is_left_alone(name):
    assert fixed(FixNameCase, name) == name


@pytest.mark.parametrize("name, expected, confidence", [
    (Name("XUN", "Endong"), Name("Xun", "Endong"), 0.95),
    (Name("AR", "Balamurali"), Name("Ar", "Balamurali"), 0.6),
    (Name("AK", "KORAY"), Name("Ak", "Koray"), 0.95),
    (Name("SILVA", "JOSE DA"), Name("Silva", "Jose da"), 0.8),
    (Name("LA CRUZ", "MARIA DE"), Name("Cruz", "Maria de", non_dropping_particle="la"), 0.8),
    (Name("SMITH", "JOHN DE"), Name("Smith", "John de"), 0.8),
    (Name("SMITH", "J DE"), Name("Smith", "J DE"), 0.95),
], ids=["a short family name in capitals (the ACL Anthology's CCL papers)",
        "two capitals that may be initials are only suggested", "unless the whole name is in capitals",
        "a particle ending a given name in capitals", "and before a family name's own particle",
        "suggested only, since DE could be two initials", "after an initial, DE is initials"])
def test_short_family_names_in_capitals(name, expected, confidence):
    record = Record("key", creators={"author": [name]})
    record.seal(Origin("t", 1, "csljson"))
    [change] = FixNameCase().check(RECORD_ID, record)
    assert (change.new[0], change.confidence) == (expected, confidence)


@pytest.mark.parametrize("given, expected", [
    ("A.G.", "A. G."), ("A G", "A. G."), ("J-P", "J.-P."), ("J.-P.", "J.-P."), ("John A", "John A."),
    ("C.D.C", "C. D. C."), ("Jean-Paul", "Jean-Paul"), ("Bilel -", "Bilel -"), ("E.G.-L.", "E. G.-L."),
], ids=["run-together initials get a space", "bare initials get full stops", "a hyphenated pair",
        "a hyphenated pair already clean", "a middle initial gets its full stop",
        "a dotted run without the last stop", "a hyphenated given name is no initials",
        "a lone dash (the ACL anthology's 'Taboubi, Bilel -') is no initials and not dropped",
        "run-together initials before a hyphen"])
def test_initials_in_one_form(given, expected):
    assert fixed(NormalizeInitials, Name("Smith", given)).given == expected


@pytest.mark.parametrize("given, expected", [
    ("\u202aPere-Lluís", "Pere-Lluís"), ("Pere\u00ad-Lluís", "Pere-Lluís"), ("Jo\u200bhn", "John"),
], ids=["a direction mark", "a soft hyphen", "a zero-width space"])
def test_invisible_characters_leave_a_name(given, expected):
    assert fixed(CleanNameText, Name("Huguet Cabot", given)).given == expected
    assert fixed(CleanNameText, Name("Huguet Cabot", expected)) == Name("Huguet Cabot", expected)


def test_a_direction_mark_copied_into_an_acl_anthology_name_is_dropped(acl_anthology):
    # acl-anthology-88k.bib writes `Huguet Cabot, \u202aPere-Llu{\'\i}s` once, plainly elsewhere.
    _path, document = acl_anthology
    names = {name for record in document.records for name in record.creators.get("author", ())
             if name.family == "Huguet Cabot"}
    marked = [name for name in names if not fixed(CleanNameText, name) == name]
    assert len(marked) == 1
    cleaned = fixed(CleanNameText, marked[0])
    assert cleaned in names and cleaned.given == "Pere-Lluís"  # the file's own plain spelling
    assert marked[0].given[0] != "P"  # an initial made of it would be the mark's


@pytest.mark.parametrize("name, expected", [
    (Name("Martin Luther King", "Jr."), Name("King", "Martin Luther", suffix="Jr.")),
    (Name("King Jr.", "Martin Luther"), Name("King", "Martin Luther", suffix="Jr.")),
    (Name("Epps", "Charles H.", suffix="Jr"), Name("Epps", "Charles H.", suffix="Jr.")),
    (Name("Doe", "John", suffix="III"), Name("Doe", "John", suffix="III")),
    (Name("IV", "Antonio Pequeño"), Name("Pequeño", "Antonio", suffix="IV")),
    (Name("jr", "John W. Dawson"), Name("Dawson", "John W.", suffix="Jr.")),
    (Name("V", "Ramesh Kumar"), Name("V", "Ramesh Kumar")),
], ids=["BibTeX's reading of King, Jr. without the suffix comma", "Jr. in the family name",
        "a suffix without its full stop", "a roman numeral is clean",
        # personal-library-17k.bib: `IV, Antonio Pequeño` and `jr, John W. Dawson`
        "a name inverted after its suffix", "and in lower case",
        "a lone V is an initial, not a suffix"])
def test_suffixes(name, expected):
    assert fixed(SplitSuffix, name) == expected


def test_a_particle_in_a_bibtex_family_is_only_suggested():
    record = Record("key", creators={"author": [Name("van Gogh", "Vincent")]})
    record.seal(Origin("t", 1, "bibtex"))  # {van Gogh}: braced on purpose
    [change] = SplitParticles().check(RECORD_ID, record)
    assert change.confidence < NormalizeConfig().threshold


@pytest.mark.parametrize("name, organisation", [
    (Name("Organization", "World Health"), True), (Name("Committee", "Nobel"), True),
    (Name("Smith", "John"), False),
], ids=["World Health Organization read as a person", "a committee", "a person"])
def test_organisations_are_suggested_whole(name, organisation):
    assert (fixed(MarkOrganisation, name).literal != "") is organisation


# ---------------------------------------------------------------- conformance

def _read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _name_from_csl(data: dict) -> Name:
    return Name(**{part.replace("-", "_"): data[part] for part in PARTS if data.get(part)})


def _clean_name(name: Name) -> Name:
    document = Document("t.bib", "bibtex", [Record("key", creators={"author": [name]})])
    findings = run_pipeline(Pipeline([step() for step in NAME_STEPS]), document, NormalizeConfig(threshold=0.0))
    changes = [change for change in findings.changes if change.field == "author"]
    return changes[-1].new[0] if changes else name


def _conformance(cases, section, known_failures, outcome):
    listed = known_failures(section)
    unexpected_failures, unexpected_passes = [], []
    for case_id, passed in outcome(cases):
        if passed and case_id in listed:
            unexpected_passes.append(case_id)
        elif not passed and case_id not in listed:
            unexpected_failures.append(case_id)
    assert unexpected_failures == [], "new failures (regressions)"
    assert unexpected_passes == [], f"now passing: remove from [{section}] in tests/known_failures.txt"


def test_proposed_refmanager_cases(shared, known_failures):
    cases = _read_jsonl(shared / "bench" / "names" / "proposed_refmanager_cases.jsonl")

    def outcome(cases):
        for case in cases:
            expected = {part: value for part, value in case["expected_csl"].items() if part in PARTS and value}
            [name] = parse_names(case["input"])
            got = _clean_name(name)
            got_parts = {part: getattr(got, part.replace("-", "_")) for part in PARTS}
            yield f"{case['category']}: {case['input']}", {k: v for k, v in got_parts.items() if v} == expected

    _conformance(cases, "normalize-names-proposed", known_failures, outcome)


def test_csl_particle_cases(shared, known_failures):
    cases = _read_jsonl(shared / "bench" / "names" / "csl_particle_parsing.jsonl")

    def outcome(cases):
        for case in cases:
            got = fixed(SplitParticles, _name_from_csl(case["input"]))
            yield (f"{case['group'].split(':')[-1]}: {json.dumps(case['input'], ensure_ascii=False)}",
                   got == _name_from_csl(case["expected"]))

    _conformance(cases, "normalize-names-csl-particles", known_failures, outcome)


# A name step remembers each Name object's fix (NameStep's memo): the answers must be
# the same as a fresh step's, for names met again, in any mix of known and new names.
def test_a_name_step_gives_the_same_fixes_for_names_met_again():
    shouting, fine = Name("SMITH", "J."), Name("Nye", "Joseph")
    lists = [[shouting], [fine], [fine, shouting], [fine], [Name("SMITH", "J."), fine], [shouting, fine]]
    step = FixNameCase()
    for position, names in enumerate(lists):
        record = Record(f"k{position}", creators={"author": names})
        remembered = [change.new for change in step.check(RECORD_ID, record)]
        fresh = [change.new for change in FixNameCase().check(RECORD_ID, record)]
        assert remembered == fresh
        assert bool(remembered) is any(name.family == "SMITH" for name in names), position


# `prepare` learns which names of the file have a fix, and `check` then passes over the
# lists of those records by a set test: it must find exactly what a step never prepared
# finds, for the prepared records and for a working copy with names made since.
@pytest.mark.parametrize("step_class", NAME_STEPS, ids=lambda step: f"{step.__name__} prepared finds the same")
def test_a_prepared_name_step_finds_what_an_unprepared_one_finds(step_class):
    names = parse_names("SMITH, J. and van der Vlist, Eric and Nye, Joseph S and King, Jr., Martin Luther"
                        " and World Health Organization and Doe, JA")
    records = [Record(f"k{index}", creators={"author": names[index:] + names[:index]})
               for index in range(len(names))]
    records.append(Record("editors", creators={"editor": names[:2]}))
    prepared = step_class()
    prepared.prepare(records, NormalizeConfig())
    copy = Record("copy", creators={"author": [Name("DOE", "J.")] + names[2:]})
    for position, record in enumerate(records + [copy]):
        record_id = RecordId("t.bib", position, record.key)
        assert list(prepared.check(record_id, record)) == list(step_class().check(record_id, record))


def test_one_doubtful_name_does_not_hold_back_its_co_authors_fixes():
    names = [Name("SMITH", "J."), Name("DE LA CRUZ", "MARIA"), Name("O'NEIL", "TIP")]
    record = Record("key", creators={"author": names})
    record.seal(Origin("t", 1, "csljson"))
    sure, doubtful = FixNameCase().check(RECORD_ID, record)
    assert sure.confidence >= NormalizeConfig().threshold > doubtful.confidence
    assert sure.new == [Name("Smith", "J."), names[1], Name("O'Neil", "Tip")]
    assert doubtful.old == sure.new
    assert doubtful.new == [Name("Smith", "J."), Name("Cruz", "Maria", non_dropping_particle="de la"),
                            Name("O'Neil", "Tip")]


def test_a_clean_makes_the_sure_fixes_and_suggests_the_doubtful_one_on_top(tmp_path):
    import refmanager

    path = tmp_path / "capitals.bib"
    path.write_text("@article{k, author = {SMITH, J. and DE LA CRUZ, MARIA}, title = {T}, year = {2003}}\n",
                    encoding="utf-8")
    report = refmanager.clean_files([str(path)], apply=True, output=str(tmp_path / "out.bib"))
    [file_report] = report.files
    assert [change.confidence >= 0.9 for change in file_report.applied] == [True]
    assert [change.old for change in file_report.suggested] == [file_report.applied[0].new]
    assert "Smith, J. and DE LA CRUZ, MARIA" in (tmp_path / "out.bib").read_text(encoding="utf-8")
