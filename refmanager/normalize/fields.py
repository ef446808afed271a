"""Field names in one letter case: `Title = ` and `AUTHOR =` written `title =`, `author =`.

BibTeX does not mind the case of a field name, but a file that mixes `Title`,
`TITLE` and `title` reads as three conventions; lower case is the common one.
The spelling is a property of the entry's source text, not of the record
model (which names fields by their CSL variables), so the change's field is
`changes.FIELD_NAMES` and its values are the entry's field names in order.
"""

from __future__ import annotations

from collections.abc import Iterable

from refmanager.changes import FIELD_NAMES, Change
from refmanager.io.bibtex.source import field_names_as_written
from refmanager.model import Record, RecordId
from refmanager.normalize.pipeline import RecordStep


class LowercaseFieldNames(RecordStep):
    """BibTeX field names in lower case (`Title`, `AUTHOR` as `title`, `author`)."""

    def candidates(self, records: list[Record]) -> set[int]:
        return {position for position, record in enumerate(records)
                if not "".join(getattr(record.origin, "field_names", ())).islower()}

    def check(self, record_id: RecordId, record: Record) -> Iterable[Change]:
        if "".join(getattr(record.origin, "field_names", ())).islower():
            return  # the usual case, told by one test: no capital in any name
        written = field_names_as_written(record)
        if all(name.islower() or not name.isascii() for name in written):
            return  # a non-ASCII name might change length when lowered: it is left
        lowered = [name.lower() if name.isascii() else name for name in written]
        respelt = ", ".join(old for old, new in zip(written, lowered) if old != new)
        yield Change(record_id, FIELD_NAMES, written, lowered, self.name,
                     f"field names in lower case, as BibTeX files commonly write them: {respelt}")
