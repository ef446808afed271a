"""Losses as data (refmanager/zotero/fidelity.py)."""

from __future__ import annotations

from refmanager.errors import Problem
from refmanager.zotero.fidelity import CHANGED, LOST, Loss, ZoteroExport, split_writer_notes


def test_a_loss_is_a_located_warning():
    loss = Loss("k1", "refs.bib", 12, "keyword", LOST, "Zotero's CSL-JSON import drops keywords")
    assert str(loss.as_problem()) == ("refs.bib:12: warning: k1: field 'keyword' lost in Zotero: "
                                      "Zotero's CSL-JSON import drops keywords")
    assert loss.as_dict()["fate"] == "lost"


def test_writer_notes_about_a_field_become_losses():
    notes = [Problem("a.json", 3, "k1: field 'director' cannot be held in RIS; left out", "warning"),
             Problem("a.json", 3, "k1: the formatting of 'abstract' (italics, case protection) cannot "
                     "be held in RIS; written as plain text", "warning"),
             Problem("a.json", 9, "k2: name 'X Y' (author) is written as 'X Y', which reads back "
                     "differently", "warning"),
             Problem("a.json", 0, "other: field 'x' cannot be held in RIS; left out", "warning")]
    losses, others = split_writer_notes(notes, {"k1", "k2"})
    assert [(loss.key, loss.field, loss.fate) for loss in losses] == [
        ("k1", "director", LOST), ("k1", "abstract", CHANGED)]
    assert losses[0].detail == "cannot be held in RIS"
    assert others == notes[2:]  # not about a field, or not about a record of the file


def test_losses_are_grouped_by_record_in_order():
    losses = [Loss("b", "f", 1, "x", LOST, ""), Loss("a", "f", 2, "y", LOST, ""),
              Loss("b", "f", 1, "z", LOST, "")]
    export = ZoteroExport("f", "ris", "", 2, losses)
    assert {key: [loss.field for loss in found] for key, found in export.losses_by_record().items()} == {
        "b": ["x", "z"], "a": ["y"]}
    assert list(export.losses_by_record()) == ["b", "a"]
