"""The fields of a BibTeX entry that the model keeps verbatim, as values of changes.

The reader keeps what the model has no place for as the field's source text, in
`Record.foreign["bibtex"]` (a biblatex `subtitle`, a `month` it cannot read). A
change of such a field (`refmanager.changes`, field `bibtex:NAME`) goes from one
source text to another: `{Privacy , Anonymity}` to `{Privacy, Anonymity}`.

`month` is the one field that is both: a month the reader can read is in the
record's issued date, one it cannot is kept verbatim. Its value is the entry's
month field as BibTeX text either way (`{septempber}`, or `sep` from the date),
and setting it to a month macro puts that month into the date, as if the file
had said `sep`: the writer then writes it back as the macro, and styles see it.
"""

from __future__ import annotations

from refmanager.dates import MONTH_ABBREVIATIONS
from refmanager.io.bibtex.tables import FOREIGN
from refmanager.io.bibtex.year_month import month_macro
from refmanager.latex.braces import group_end
from refmanager.latex.decode import decode
from refmanager.latex.encode import encode
from refmanager.model import DateValue, Record

MONTH = "month"


def verbatim_value(record: Record, name: str) -> str:
    """The source text of the entry's field `name` (any letter case) as the record
    keeps it; "" if it keeps none. For `month`, a month in the date as its macro."""
    kept = _kept_field(record, name)
    if kept is not None:
        return record.foreign[FOREIGN][kept]
    if name.lower() == MONTH:
        date = record.dates.get("issued")
        if date is not None and len(date.parts) == 1 and len(date.parts[0]) > 1:
            return month_macro(date.parts[0][1])
    return ""


def keeps_verbatim(record: Record, name: str) -> bool:
    """Whether the record keeps the entry's field `name` (any letter case) verbatim."""
    return _kept_field(record, name) is not None


def set_verbatim_value(record: Record, name: str, value: str) -> None:
    """Make the entry's field `name` say `value` (source text; "" for no field)."""
    if name.lower() == MONTH:
        _set_month(record, value)
    else:
        _keep_field(record, _kept_field(record, name) or name, value)


def _set_month(record: Record, value: str) -> None:
    """A month macro into the issued date (the verbatim month goes); any other text
    kept verbatim (a month in the date goes); "": neither."""
    date = record.dates.get("issued")
    year = _plain_year(date)
    if year is None and (value or (date is not None and date.parts and len(date.parts[0]) > 1)):
        raise ValueError(f"record {record.key!r}: its date {date} has no month field to set to {value!r}")
    macro = value.lower() if value.lower() in MONTH_ABBREVIATIONS else None
    if year is not None:
        parts = (year, MONTH_ABBREVIATIONS[macro]) if macro else (year,)
        record.dates["issued"] = DateValue(parts=(parts,), circa=date.circa)
    _keep_field(record, _kept_field(record, MONTH) or MONTH, "" if macro else value)


def _plain_year(date: DateValue | None) -> int | None:
    """The year of a date that is one year, perhaps with a month; else None."""
    if date is None or date.literal or date.season or len(date.parts) != 1 or len(date.parts[0]) > 2:
        return None
    return date.parts[0][0]


def _kept_field(record: Record, name: str) -> str | None:
    """The name, as spelt in the entry, of the verbatim field `name`; None if none."""
    lowered = name.lower()
    return next((kept for kept in record.foreign.get(FOREIGN, ()) if kept.lower() == lowered), None)


def _keep_field(record: Record, name: str, value: str) -> None:
    """Keep `value` as the field's source text ("": drop the field). The mappings are
    replaced, not edited: a working copy of a record shares them with the original."""
    fields = {kept: raw for kept, raw in record.foreign.get(FOREIGN, {}).items() if kept != name}
    if value:
        fields[name] = value
    foreign = {source: values for source, values in record.foreign.items() if source != FOREIGN}
    if fields:
        foreign[FOREIGN] = fields
    record.foreign = foreign


# ---------------------------------------------------------------- titles kept verbatim

#: biblatex's title fields that the model has no place for (they are kept verbatim).
VERBATIM_TITLE_FIELDS = frozenset({
    "subtitle", "titleaddon", "booksubtitle", "booktitleaddon", "journalsubtitle", "mainsubtitle",
    "maintitle", "maintitleaddon", "issuetitle", "issuesubtitle",
})


def verbatim_titles(record: Record) -> list[tuple[str, str]]:
    """The record's verbatim title fields (`VERBATIM_TITLE_FIELDS`): name lowercased, source text."""
    return [(name.lower(), raw) for name, raw in record.foreign.get(FOREIGN, {}).items()
            if name.lower() in VERBATIM_TITLE_FIELDS]


def title_group_text(raw: str) -> str | None:
    """The text of a title field written as one brace group (`{A Study}`), decoded as
    the reader decodes titles; None for any other expression (a macro, a `#`
    concatenation, a quoted string), whose source text a rewrite would lose."""
    raw = raw.strip()
    if raw[:1] != "{" or group_end(raw, 0) != len(raw):
        return None
    return decode(raw[1:-1], protect=True)


def title_group(text: str, ascii: bool) -> str | None:
    """`text` as a brace group that `title_group_text` reads back as it; None if it
    would not read back the same."""
    raw = "{" + encode(text, ascii) + "}"
    return raw if title_group_text(raw) == text else None
