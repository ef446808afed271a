"""The `bibtex` and `biblatex` named styles: each record as one clean entry.

    >>> normalized_entries(document.records, "bibtex")[0]
    ('nye1990fp', '@article{nye1990fp,\\n  author = {Nye, Jr., Joseph S.},\\n  ...}')

Clean means what the normalize stage and the BibTeX writer already do, once for
every record whatever format it came from: the normalize stage's confident fixes
applied (`refman clean`'s, with the nearest refman.toml, and ProtectTitleWords
switched on: acronyms and proper nouns braced), then the entry generated
from the record model rather than copied from its source text, so that every
entry has one field order, one indentation, `--` page ranges and braces around
the words whose case must hold. The input records are not changed.
"""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

from refmanager.model import Document, Record

DIALECTS = ("bibtex", "biblatex")


def normalized_entries(records: list[Record], dialect: str = "bibtex",
                       config: "NormalizeConfig | None" = None) -> list[tuple[str, str]]:
    """(key, entry text) for every record, in input order; `config`: the
    normalize settings (default: from the refman.toml nearest the current folder)."""
    from refmanager.changes import apply_changes
    from refmanager.io.bibtex.write import format_entry
    from refmanager.normalize import accepted, find_config, load_config, normalize_document

    if dialect not in DIALECTS:
        raise ValueError(f"dialect must be one of {DIALECTS}, not {dialect!r}")
    config = config or load_config(find_config(Path.cwd()))
    # Off by default in `refman clean` (it rewrites many titles), but here it is the point.
    config = config.with_options(enabled=config.enabled | {"ProtectTitleWords"})
    document = Document("<cite>", "csljson", copy.deepcopy(list(records)))
    apply_changes(document, accepted(normalize_document(document, config).changes, config.threshold))
    # Generated from the model: without its origin, the writer reuses no source text.
    return [(record.key, format_entry(dataclasses.replace(record, origin=None), dialect)[0])
            for record in document.records]
