"""Cite positions across a document: first, subsequent, ibid, ibid-with-locator,
near-note, and the note number of an item's first reference.

`PositionTracker` sees citations in document order and sets each cite's
position from what came before it (CSL 1.0.2 "Position").
"""

from __future__ import annotations


class PositionTracker:
    def __init__(self, near_note_distance: int = 5) -> None:
        self.distance = near_note_distance
        self.first_note: dict[str, int | None] = {}
        self.last_note: dict[str, int | None] = {}
        self.previous_cluster: list = []  # what a citation's first cite compares with
        self.last_cluster: list = []
        self.note_cites: list = []  # every cite of the latest note
        self.current_note: int | None = None

    def place(self, cites: list, note_number: int | None) -> None:
        """Set the position of each cite of one citation, then remember it."""
        same_note = note_number is not None and note_number == self.current_note
        # Ibid looks back at the citation before in the same note, or else at the
        # whole previous note (two citations in one note are no single cite).
        self.previous_cluster = self.last_cluster if same_note else self.note_cites
        previous = None
        for index, cite in enumerate(cites):
            if cite.position is None:
                cite.position = self._position(cite, previous, index)
            seen = cite.id in self.first_note
            cite.first_note = self.first_note.get(cite.id)
            last = self.last_note.get(cite.id)
            cite.near_note = bool(seen and note_number is not None and last is not None
                                  and note_number - last <= self.distance)
            if not seen:
                self.first_note[cite.id] = note_number
            self.last_note[cite.id] = note_number
            previous = cite
        if note_number != 0:  # a citation in the main text (note 0) does not break ibid
            self.last_cluster = list(cites)
            self.note_cites = (self.note_cites if same_note else []) + list(cites)
            self.current_note = note_number

    def _position(self, cite, previous, index: int) -> str:
        if cite.id not in self.first_note:
            return "first"
        if index > 0:
            before = previous
        elif len(self.previous_cluster) == 1:
            before = self.previous_cluster[0]
        else:
            before = None
        if before is None or before.id != cite.id:
            return "subsequent"
        if not before.locator:
            return "ibid-with-locator" if cite.locator else "ibid"
        if not cite.locator:
            return "subsequent"
        if cite.locator == before.locator and cite.label == before.label:
            return "ibid"
        return "ibid-with-locator"
