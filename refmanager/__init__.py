"""refmanager: a citation and bibliography manager.

The few things most users need are here; everything else lives in the stage
modules (`refmanager.io`, later `ingest`, `normalize`, `dedupe`, `render`).
"""

from refmanager.api import CheckResult, ConversionReport, check, convert, dumps, load, loads, save
from refmanager.errors import InputError, OutputError, Problem, RefmanagerError, UnknownFormatError
from refmanager.model import DateValue, Document, Name, Origin, Record, Verbatim
from refmanager.render.api import cite_report, format_bibliography, format_citation

__version__ = "0.1.0"

__all__ = [
    "CheckResult", "ConversionReport", "DateValue", "Document", "InputError", "Name", "Origin", "OutputError",
    "Problem", "Record", "RefmanagerError", "UnknownFormatError", "Verbatim",
    "check", "cite_report", "convert", "dumps", "format_bibliography", "format_citation", "load",
    "loads", "save",
]
