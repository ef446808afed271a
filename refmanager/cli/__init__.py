"""The `refman` command: a thin shell over the library.

Each command parses its options, calls one library function and prints what
it returned: rich on a terminal, plain text when piped, JSON with `--json`.
One module a group of commands; `shell` holds what they share, the exit codes
included (see its docstring).
"""

from refmanager.cli.shell import app, main, write_json

# Importing a command module registers its commands, in the order `refman --help` lists them.
from refmanager.cli import convert, export, dedupe, ingest, clean, cite  # noqa: E402,F401  isort: skip

__all__ = ["app", "main", "write_json"]
