"""Errors and problems.

Two kinds of trouble, kept apart:

* a `Problem` is something wrong *in the input* (a brace never closed, a
  duplicate key, a field the target format cannot hold). It is data: collected,
  attached to its record or file, reported together, and the rest of the file
  is still processed.
* an exception stops the current job. All derive from one base class:

      RefmanagerError
       ├── InputError          the input cannot be read at all (missing, not a
       │    │                  bibliography, undecodable)
       │    ├── UnknownFormatError   no reader or writer by that name
       │    └── UnknownStyleError    no citation style by that name or path
       ├── OutputError         the output cannot be written
       └── StyleError          a CSL style cannot be used (bad XML, unknown element)

  The command line turns each into one line that says what to do, exit code 2.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One located finding about the input: `refs.bib:123: error: ...`."""

    path: str
    line: int
    message: str
    severity: str = "error"  # "error" (data may be wrong or lost) or "warning"

    def __post_init__(self) -> None:
        # One problem, one line: input quoted in a message may hold line breaks.
        if "\n" in self.message or "\r" in self.message:
            escaped = self.message.replace("\r", "\\r").replace("\n", "\\n")
            object.__setattr__(self, "message", escaped)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message}"

    def as_dict(self) -> dict:
        return {"path": self.path, "line": self.line, "severity": self.severity,
                "message": self.message}


class RefmanagerError(Exception):
    """Base class of every error refmanager raises on purpose."""


class InputError(RefmanagerError):
    """The input cannot be read at all."""


class UnknownFormatError(InputError):
    """No reader or writer is registered under the name asked for."""


class UnknownStyleError(InputError):
    """No citation style has the id or path asked for."""


class OutputError(RefmanagerError):
    """The output cannot be written."""


class StyleError(RefmanagerError):
    """A CSL style cannot be used: unparsable XML or an element CSL does not have.

    The message is one line that names the file and the line: `apa.csl:12: ...`.
    """

    def __init__(self, message: str, path: str = "<style>", line: int = 0) -> None:
        self.path = path
        self.line = line
        self.reason = message
        super().__init__(f"{path}:{line}: {message}")
