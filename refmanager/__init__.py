"""refmanager: a citation and bibliography manager.

The few things most users need are here; everything else lives in the stage
modules (`refmanager.io`, `ingest`, `normalize`, `dedupe`, `render`):

    >>> import refmanager
    >>> document = refmanager.load("refs.bib")
    >>> findings = refmanager.normalize_document(document)  # names, venues, titles, identifiers...
    >>> refmanager.apply_changes(document, findings.fixes(0.9))
    >>> report = refmanager.clean_files(["refs.bib"], apply=True, in_place=True, report="r.json")
    >>> refmanager.revert_clean("r.json")
"""

from refmanager.api import (
    CheckResult, ConversionReport, DedupeReport, check, clean_files, convert, deduplicate, dumps, load,
    loads, revert_clean, save,
)
from refmanager.changes import Change, apply_changes
from refmanager.clean import CleanReport
from refmanager.normalize import Findings, NormalizeConfig, normalize_document
from refmanager.errors import InputError, OutputError, Problem, RefmanagerError, UnknownFormatError
from refmanager.model import DateValue, Document, Name, Origin, Record, Verbatim
from refmanager.render.api import cite_report, format_bibliography, format_citation

__version__ = "0.1.0"

__all__ = [
    "Change", "CheckResult", "CleanReport", "ConversionReport", "DateValue", "DedupeReport", "Document", "Findings",
    "InputError", "Name", "NormalizeConfig", "Origin", "OutputError", "Problem", "Record", "RefmanagerError",
    "UnknownFormatError", "Verbatim",
    "apply_changes", "check", "cite_report", "clean_files", "convert", "deduplicate", "dumps", "format_bibliography",
    "format_citation", "load", "loads", "normalize_document", "revert_clean", "save",
]
