"""Damaged input never crashes a reader, and BibTeX and RIS come back byte for byte.

The sample library's files are damaged at random (a fixed seed, so a failure
can be replayed): characters that carry structure are deleted, doubled or
dropped in. Every reader must return a Document, with problems rather than
exceptions; the BibTeX and RIS writers must give back the damaged text exactly.
"""

from __future__ import annotations

import random

import pytest

import refmanager

STRUCTURE = ['{', '}', '"', '@', ',', '=', '#', '\n', '\\', '%', '[', ']', ':', 'TY  - ', 'ER  - ']


def damaged(text: str, seed: int) -> str:
    chance = random.Random(seed)
    characters = list(text)
    for _ in range(chance.randint(1, 8)):
        where = chance.randrange(len(characters))
        action = chance.choice(("delete", "double", "insert"))
        if action == "delete":
            del characters[where]
        elif action == "double":
            characters.insert(where, characters[where])
        else:
            characters.insert(where, chance.choice(STRUCTURE))
    return "".join(characters)


@pytest.mark.parametrize("name, format, exact", [
    # Written as biblatex: three entries use biblatex fields, and a damaged entry type
    # (`@Artile`) makes classic BibTeX say their `eid` otherwise. `save` writes them so.
    pytest.param("soft-power.bib", "biblatex", True, id="BibTeX comes back byte for byte"),
    pytest.param("soft-power.ris", "ris", True, id="RIS comes back byte for byte"),
    pytest.param("soft-power.json", "csljson", False, id="CSL-JSON is read without a crash"),
])
def test_damaged_files_are_read_without_a_crash(library, name, format, exact):
    text = (library / name).read_text(encoding="utf-8")
    for seed in range(300):
        broken = damaged(text, seed)
        document = refmanager.loads(broken, "bibtex" if format == "biblatex" else format, name)
        written = refmanager.dumps(document, format)
        if exact:
            assert written.text == broken, f"seed {seed}"
        for problem in document.all_problems():
            assert "\n" not in problem.message and problem.line >= 0, f"seed {seed}"


def test_csljson_items_after_a_broken_one_are_still_read(library):
    text = (library / "soft-power.json").read_text(encoding="utf-8")
    start = text.index('"id": "hill2006current"')
    broken = text[:start] + text[start:].replace('",', '"', 1)  # drop one comma inside the item
    document = refmanager.loads(broken, "csljson", "soft-power.json")
    keys = [record.key for record in document.records]
    assert len(keys) == 27 and "hill2006current" not in keys and keys[-1] == "nye2013fpweb"
    (problem,) = document.problems
    # JSON notices the missing comma on the next line, where the next property starts.
    assert problem.line == broken[:start].count("\n") + 2 and "reading goes on" in problem.message
