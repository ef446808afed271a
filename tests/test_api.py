"""Tests for the front door (refmanager/__init__.py, refmanager/api.py) and packaging."""

from __future__ import annotations

import subprocess
import sys
import types

import pytest

import refmanager
from refmanager.io import formats


def test_the_front_door_exports_exactly_what_it_lists():
    public = [name for name in dir(refmanager)
              if not name.startswith("_") and not isinstance(getattr(refmanager, name), types.ModuleType)]
    assert sorted(refmanager.__all__) == sorted(public)
    for name in refmanager.__all__:
        assert getattr(refmanager, name) is not None


def test_the_front_door_loads_a_stage_only_when_a_name_from_it_is_used():
    script = ("import sys, refmanager; before = 'refmanager.normalize' in sys.modules; "
              "refmanager.normalize_document; print(before, 'refmanager.normalize' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "True"]


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nonesuch'"):
        refmanager.nonesuch


def test_every_builtin_format_is_found_through_the_entry_points():
    assert set(formats.known_readers()) >= {"bibtex", "biblatex", "ris", "csljson"}
    assert set(formats.known_writers()) >= {"bibtex", "biblatex", "ris", "csljson"}


def test_an_unknown_format_names_the_known_ones():
    with pytest.raises(refmanager.UnknownFormatError, match="known formats: .*bibtex.*csljson"):
        refmanager.loads("", "endnote-xml")


@pytest.mark.parametrize("text, expected", [
    pytest.param("@article{k, title={x}}", "bibtex", id="a BibTeX entry"),
    pytest.param("% comment\n\n@string{a = {b}}", "bibtex", id="BibTeX starting with a comment"),
    pytest.param("TY  - JOUR\r\nTI  - x\r\nER  - \r\n", "ris", id="RIS with CRLF"),
    pytest.param('\ufeff[{"id": "k", "type": "book"}]', "csljson", id="CSL-JSON with a byte-order mark"),
    pytest.param('{"id": "k", "type": "book"}', "csljson", id="a single CSL-JSON item"),
])
def test_the_format_is_told_from_the_content(text, expected):
    assert formats.sniff(text) == expected
    assert formats.detect("no-extension", text) == expected


def test_content_wins_over_a_misleading_extension(tmp_path):
    path = tmp_path / "actually-ris.bib"
    path.write_text("TY  - BOOK\nTI  - Bound to lead\nPY  - 1990\nER  - \n", encoding="utf-8")
    document = refmanager.load(str(path))
    assert document.format == "ris"
    assert document.records[0].title == "Bound to lead"


def test_an_unknowable_format_is_a_usage_error(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("just some words\n", encoding="utf-8")
    with pytest.raises(refmanager.UnknownFormatError, match="--from"):
        refmanager.load(str(path))


def test_save_is_atomic_and_keeps_a_backup_when_asked(tmp_path, library):
    document = refmanager.load(str(library / "soft-power.bib"))
    target = tmp_path / "out.bib"
    target.write_text("old contents\n", encoding="utf-8")
    refmanager.save(document, str(target), backup=True)
    assert (tmp_path / "out.bib.bak").read_text(encoding="utf-8") == "old contents\n"
    assert target.read_bytes() == (library / "soft-power.bib").read_bytes()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.bib", "out.bib.bak"]


@pytest.mark.parametrize("target", ["ris", "csljson", "biblatex"])
def test_converting_the_sample_library_there_and_back_keeps_every_record(tmp_path, library, target):
    """A→B→A: every field comes back, or the report names it."""
    source = refmanager.load(str(library / "soft-power.bib"))
    there = refmanager.dumps(source, target)
    back = refmanager.loads(refmanager.dumps(refmanager.loads(there.text, target), "bibtex").text,
                            "bibtex")
    assert [record.key for record in back.records] == [record.key for record in source.records]
    reported = {problem.message.split(": ", 1)[0] for problem in there.problems}
    for before, after in zip(source.records, back.records):
        if before.key in reported:
            continue  # the report said what was left out of this one
        assert after.state() == before.state(), before.key


def test_convert_reports_counts_and_problems(tmp_path, library):
    report = refmanager.convert(str(library / "soft-power.ris"), str(tmp_path / "out.json"))
    assert (report.source_format, report.target_format, report.records) == ("ris", "csljson", 28)
    assert not report.has_errors
    assert refmanager.load(str(tmp_path / "out.json")).records[0].key == "nye1990fp"


@pytest.mark.parametrize("format, text", [
    pytest.param("ris", "\ufeffTY  - BOOK\nTI  - Bound to lead\nER  - \n", id="RIS"),
    pytest.param("bibtex", "\ufeff@book{k, title = {Bound to lead}}\n", id="BibTeX"),
    pytest.param("csljson", '\ufeff[{"id": "k", "type": "book", "title": "Bound to lead"}]', id="CSL-JSON"),
])
def test_a_byte_order_mark_is_noted_in_every_format(format, text):
    document = refmanager.loads(text, format)
    assert document.byte_order_mark and document.all_problems() == []
    assert [record.title for record in document.records] == ["Bound to lead"]


def test_csljson_read_as_latin1_is_written_back_as_utf8(tmp_path):
    source = tmp_path / "refs.json"
    source.write_bytes('[{"id": "k", "type": "book", "title": "Caf\xe9"}]'.encode("latin-1"))
    document = refmanager.load(str(source))
    assert document.encoding == "latin-1" and document.records[0].title == "Café"
    refmanager.save(document, str(tmp_path / "out.json"))
    assert "Café" in (tmp_path / "out.json").read_bytes().decode("utf-8")


def test_convert_reads_its_input_before_it_asks_where_to_write(tmp_path):
    with pytest.raises(refmanager.InputError, match="no such file"):
        refmanager.convert(str(tmp_path / "missing.bib"), "-")


def test_no_front_door_name_is_shadowed_by_a_stage_package():
    # `import refmanager.dedupe` sets the attribute `refmanager.dedupe` to the package,
    # so a function of that name would vanish from the front door.
    import pkgutil

    stages = {module.name for module in pkgutil.iter_modules(refmanager.__path__)}
    assert not stages & set(refmanager.__all__)


def test_check_goes_on_past_a_file_a_reader_fails_on(tmp_path, monkeypatch):
    # A reader's bug (here a RecursionError, as deep BibTeX braces once raised) is
    # reported for its file, and the files after it are still checked.
    (tmp_path / "a.ris").write_text("TY  - JOUR\nTI  - x\nER  - \n", encoding="utf-8")
    (tmp_path / "b.bib").write_text("@book{b, title = {B}}\n", encoding="utf-8")
    real_load = refmanager.api.load

    def failing_on_ris(path, format=None):
        if path.endswith(".ris"):
            raise RecursionError("maximum recursion depth exceeded")
        return real_load(path, format)

    monkeypatch.setattr(refmanager.api, "load", failing_on_ris)
    first, second = refmanager.check([str(tmp_path)])
    assert first.unreadable and "RecursionError" in first.problems[0].message
    assert (second.records, second.unreadable) == (1, False)


# A conference paper that takes its book title, editor, publisher and year from its
# proceedings by crossref, as the ACL Anthology and DBLP write them.
CROSSREF = """@inproceedings{nye2004, title = {Soft Power and Leadership}, author = {Nye, Joseph},
  pages = {1--10}, crossref = {conf2004}}

@proceedings{conf2004, title = {Proceedings of the Leadership Conference},
  editor = {Doe, Jane}, publisher = {ACL}, year = 2004}
"""


@pytest.mark.parametrize("target", ["ris", "csljson"], ids=lambda target: f"to {target}")
def test_a_crossref_child_keeps_what_it_inherits_in_a_format_without_crossref(target, tmp_path):
    source = tmp_path / "conf.bib"
    source.write_text(CROSSREF, encoding="utf-8")
    output = tmp_path / f"conf.{'json' if target == 'csljson' else 'ris'}"
    report = refmanager.convert(str(source), str(output), to=target)
    child, parent = refmanager.load(str(output)).records
    assert child.container_title == "Proceedings of the Leadership Conference"
    assert (child.publisher, child.issued.year) == ("ACL", 2004)
    assert child.creators["editor"] == parent.creators["editor"]
    [note] = [p for p in report.write_problems if "crossref" in p.message and "takes" in p.message]
    assert note.message.startswith("nye2004: takes container-title, publisher, editor, issued")
    assert note.line == 1


@pytest.mark.parametrize("target", ["bibtex", "biblatex"])
def test_a_crossref_child_is_left_to_inherit_in_bibtex(target):
    document = refmanager.loads(CROSSREF, "bibtex")
    for record in document.records:  # written anew, not copied from the source text
        record.origin = None
    written = refmanager.dumps(document, target)
    child_text = written.text.split("@proceedings")[0]
    assert "crossref = {conf2004}" in child_text and "booktitle" not in child_text
    assert not any("crossref" in problem.message for problem in written.problems)


def test_resolving_crossrefs_for_a_writer_leaves_the_document_as_it_was():
    document = refmanager.loads(CROSSREF, "bibtex")
    refmanager.dumps(document, "csljson")
    assert document.records[0].container_title == ""
    assert document.records[0].is_untouched()


def test_export_for_zotero_writes_the_file_and_returns_what_will_not_survive(tmp_path, library):
    from refmanager import api

    target = tmp_path / "for-zotero.bib"
    result = api.export_for_zotero(str(library / "soft-power.json"), str(target), "bibtex")
    assert target.read_text(encoding="utf-8") == result.text and result.text.startswith("@article{")
    assert result.records == 28 and result.format == "bibtex"
    # a magazine and a web page become Zotero types BibTeX.js knows; the article number goes into pages
    assert {(loss.key, loss.field) for loss in result.losses} == {("mearsheimer2014fa", "type"),
                                                                  ("nye2013fpweb", "type")}
    assert "  pages = {17008},\n" in result.text


def test_export_for_zotero_without_a_target_writes_nothing(tmp_path, library, monkeypatch):
    from refmanager import api

    monkeypatch.chdir(tmp_path)
    result = api.export_for_zotero(str(library / "soft-power.ris"))
    assert result.format == "ris" and result.text.startswith("TY  - ")
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- normalization through the front door

MESSY = "@Article{nye1990,\n  Title = {Soft Power},\n  AUTHOR = {NYE, JOSEPH S.},\n  Pages = {153-71},\n  Year = 1990,\n}\n"


def test_normalization_is_reachable_from_the_front_door_as_a_user_would_call_it(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(MESSY, encoding="utf-8")
    document = refmanager.load(str(path))
    findings = refmanager.normalize_document(document, refmanager.NormalizeConfig())
    assert {"ExpandPageRange", "FixNameCase", "LowercaseFieldNames"} <= {change.rule for change in findings.changes}
    assert document.records[0].page == "153-71"  # proposing edits nothing
    assert refmanager.apply_changes(document, findings.fixes(0.9)) == []
    assert (document.records[0].page, document.records[0].authors[0].family) == ("153–171", "Nye")


def test_files_are_cleaned_and_reverted_from_the_front_door(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(MESSY, encoding="utf-8")
    plan = refmanager.clean_files([str(path)])
    assert isinstance(plan, refmanager.CleanReport) and plan.files[0].applied and path.read_text() == MESSY
    report = refmanager.clean_files([str(path)], apply=True, in_place=True, report=str(tmp_path / "r.json"))
    assert report.files[0].written == str(path) and "pages = {153--171}" in path.read_text()
    assert refmanager.clean_files([str(path)]).files[0].applied == []  # a cleaned file is clean
    undone = refmanager.revert_clean(str(tmp_path / "r.json"))
    assert undone.reverted == {str(path): len(report.files[0].applied)} and undone.problems == []
    assert path.read_text() == MESSY  # field names, values and layout as they were
