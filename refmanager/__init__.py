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

# Where each name of the front door lives. They load on first use, so that a
# command (or `import refmanager.render`) pays only for the stages it runs.
_FRONT_DOOR = {
    "refmanager.api": ("CheckResult", "ConversionReport", "DedupeReport", "check", "clean_files", "convert",
                       "deduplicate", "dumps", "load", "loads", "revert_clean", "save"),
    "refmanager.changes": ("Change", "apply_changes"),
    "refmanager.clean": ("CleanReport",),
    "refmanager.normalize": ("Findings", "NormalizeConfig", "normalize_document"),
    "refmanager.errors": ("InputError", "OutputError", "Problem", "RefmanagerError", "UnknownFormatError"),
    "refmanager.model": ("DateValue", "Document", "Name", "Origin", "Record", "Verbatim"),
    "refmanager.render.api": ("cite_report", "format_bibliography", "format_citation"),
}
_HOME = {name: module for module, names in _FRONT_DOOR.items() for name in names}

__version__ = "0.1.0"

__all__ = sorted(_HOME)


def __getattr__(name: str):
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(_HOME[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
