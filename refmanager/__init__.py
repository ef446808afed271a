"""refmanager: a citation and bibliography manager.

The few things most users need are here; everything else lives in the stage
modules (`refmanager.io`, later `ingest`, `normalize`, `dedupe`, `render`).
"""

from refmanager.api import (
    CheckResult, ConversionReport, DedupeReport, check, convert, deduplicate, dumps, load, loads, save,
)
from refmanager.changes import Change
from refmanager.errors import InputError, OutputError, Problem, RefmanagerError, UnknownFormatError
from refmanager.model import DateValue, Document, Name, Origin, Record, Verbatim
from refmanager.render.api import cite_report, format_bibliography, format_citation

__version__ = "0.1.0"

__all__ = [
    "Change", "CheckResult", "ConversionReport", "DateValue", "DedupeReport", "Document", "InputError", "Name", "Origin", "OutputError",
    "Problem", "Record", "RefmanagerError", "UnknownFormatError", "Verbatim",
    "check", "cite_report", "convert", "deduplicate", "dumps", "format_bibliography", "format_citation",
    "load", "loads", "save",
]
