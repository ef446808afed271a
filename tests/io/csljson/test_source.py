"""Tests for refmanager/io/csljson/source.py: a changed item is written as its source
text with only its changed members replaced, and reads back as the record it holds."""

from __future__ import annotations

import difflib
import json

from refmanager import clean as cleaning
from refmanager.io.csljson import read_csljson, write_csljson
from refmanager.model import Name


def changed_lines(before: str, after: str) -> list[str]:
    """The lines a unified diff of the two texts removes (-) and adds (+)."""
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def written_again(text: str, change) -> tuple[str, list[tuple]]:
    """The text written after `change(records)`, and the records' states it should hold."""
    document = read_csljson(text)
    change(document.records)
    return write_csljson(document).text, [record.state() for record in document.records]


def test_the_library_written_unchanged_is_its_file_byte_for_byte(library):
    text = (library / "soft-power.json").read_text(encoding="utf-8")
    assert write_csljson(read_csljson(text)).text == text


def test_a_cleaned_library_differs_in_its_page_lines_only_and_cleans_to_nothing(library, tmp_path):
    source = (library / "soft-power.json").read_text(encoding="utf-8")
    (tmp_path / "in.json").write_text(source, encoding="utf-8")
    report = cleaning.clean([str(tmp_path / "in.json")], apply=True, output=str(tmp_path / "out.json"))
    fixes = report.files[0].applied
    assert fixes and {fix.field for fix in fixes} == {"page"}
    written = (tmp_path / "out.json").read_text(encoding="utf-8")
    lines = changed_lines(source, written)
    assert sorted(lines) == sorted([f'-    "page": {json.dumps(fix.old, ensure_ascii=False)},' for fix in fixes]
                                   + [f'+    "page": {json.dumps(fix.new, ensure_ascii=False)},' for fix in fixes])
    again = cleaning.clean([str(tmp_path / "out.json")])
    assert again.files[0].applied == [] and again.files[0].suggested == []


def test_reverting_a_clean_of_the_library_gives_back_the_file_byte_for_byte(library, tmp_path):
    source = (library / "soft-power.json").read_text(encoding="utf-8")
    path = tmp_path / "soft-power.json"
    path.write_text(source, encoding="utf-8")
    report = cleaning.clean([str(path)], apply=True, in_place=True)
    cleaning.write_report(report, str(tmp_path / "r.json"))
    assert path.read_text(encoding="utf-8") != source
    assert cleaning.revert(str(tmp_path / "r.json")).problems == []
    assert path.read_text(encoding="utf-8") == source


def test_a_changed_name_rewrites_its_line_in_the_arrays_layout(library):
    text = (library / "soft-power.json").read_text(encoding="utf-8")

    def rename(records):
        records[0].creators["author"] = [Name("Nye", "Joseph", suffix="Jr.")]

    written, states = written_again(text, rename)
    assert changed_lines(text, written) == ['-        "given": "Joseph S.",', '+        "given": "Joseph",']
    assert [record.state() for record in read_csljson(written).records] == states


def test_an_added_field_goes_where_the_writer_puts_it_and_a_removed_one_loses_its_line(library):
    text = (library / "soft-power.json").read_text(encoding="utf-8")

    def edit(records):
        records[0].language = "en"
        records[0].doi = ""

    written, states = written_again(text, edit)
    # The writer puts the language after the date, the item's last member: the line that
    # closes the date takes the comma JSON needs before it.
    assert changed_lines(text, written) == ['-    "DOI": "10.2307/1148580",', '-    }', '+    },',
                                            '+    "language": "en"']
    assert [record.state() for record in read_csljson(written).records] == states


def test_a_value_written_otherwise_but_unchanged_keeps_its_text():
    # Zotero's exports write some numbers as numbers; the reader takes them as text.
    text = '[\n\t{\n\t\t"id": "a",\n\t\t"type": "article-journal",\n\t\t"issue": 80,\n\t\t"page": "1-9"\n\t}\n]\n'

    def edit(records):
        records[0].page = "1–9"

    written, states = written_again(text, edit)
    assert changed_lines(text, written) == ['-\t\t"page": "1-9"', '+\t\t"page": "1–9"']
    assert [record.state() for record in read_csljson(written).records] == states


def test_a_new_multi_member_value_in_a_tab_indented_file_takes_its_tabs():
    item = {"id": "a", "type": "book", "author": [{"family": "Nye", "given": "J."}]}
    text = "[\n" + json.dumps(item, indent="\t").replace("\n", "\n\t").join(["\t", ""]) + "\n]\n"

    def edit(records):
        records[0].creators["author"].append(Name("Keohane", "Robert"))

    written, states = written_again(text, edit)
    assert '\t\t\t{\n\t\t\t\t"family": "Keohane",\n\t\t\t\t"given": "Robert"\n\t\t\t}' in written
    assert [record.state() for record in read_csljson(written).records] == states


def test_an_item_the_reader_gave_an_id_is_generated_whole():
    # Its key comes from its place in the file: its text would not read back the same elsewhere.
    text = '[\n  {"type": "book", "title": "T"}\n]\n'
    written = write_csljson(read_csljson(text)).text
    assert '"id": "item-1"' in written
