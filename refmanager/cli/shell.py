"""What every `refman` command shares: the typer app, the two consoles, the
exit codes, how problems and errors are printed, and the entry point.

Exit codes: 0 success; 1 the input had problems, which were reported;
2 a usage error, an input that cannot be read at all, or an unexpected error
(one line; `--debug` shows the traceback); 128 + the signal's number when
interrupted (130 for Ctrl-C, 143 for SIGTERM).

The command modules print through `shell.output` and `shell.errors` (looked up
when used), so that a test can swap a console for a terminal one.
"""

from __future__ import annotations

import gc
import re
import signal
import sys
import traceback
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn, Optional

import typer
import typer.core
from rich.console import Console

from refmanager import __version__
from refmanager.errors import OutputError, Problem, RefmanagerError
from refmanager.io.files import Interrupted
from refmanager.jsontext import write_json  # noqa: F401  (the commands' JSON writer)

NOTES_SHOWN_ONE_BY_ONE = 20
PROBLEMS_SHOWN_ON_A_TERMINAL = 30  # in file order; more scroll the first out of sight
EXIT_PROBLEMS = 1
EXIT_UNUSABLE = 2

app = typer.Typer(
    name="refman",
    help="Read, convert and clean bibliographies: BibTeX, BibLaTeX, RIS and CSL-JSON.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)
errors = Console(stderr=True, highlight=False)
output = Console(highlight=False)
_debug = False  # --debug: an unexpected error shows its traceback


def _without_type_labels() -> None:
    """typer labels each option with its Python type (`--json <bool>`, `-o <str>`),
    which tells a user nothing: a flag gets no label, any other parameter its
    metavar, or for an option its name in capitals (`--output OUTPUT`)."""
    def label(parameter, ctx) -> str | None:
        if parameter.metavar is not None:
            return parameter.metavar
        is_option = isinstance(parameter, typer.core.TyperOption)
        return None if not is_option or parameter.is_flag else parameter.name.upper()
    typer.core.TyperOption.display_type_rich = label
    typer.core.TyperArgument.display_type_rich = label


_without_type_labels()


def _show_version(asked: bool) -> None:
    if asked:
        output.print(f"refman {__version__}", highlight=False)
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                 help="Show the version and exit."),
    debug: bool = typer.Option(False, "--debug", help="On an unexpected error, show the traceback."),
) -> None:
    """Read, convert and clean bibliographies: BibTeX, BibLaTeX, RIS and CSL-JSON.

    [bold]Example[/bold]

      refman convert library/soft-power.bib --to csljson -o soft-power.json
    """
    global _debug
    _debug = debug


def plural(count: int, word: str, plural_form: str = "") -> str:
    """`1 record`, `2 records`, `1,024 problems`."""
    return f"{count:,} {word if count == 1 else plural_form or word + 's'}"


def _fail(error: RefmanagerError) -> NoReturn:
    errors.print(f"[red]refman: error:[/red] {error}", markup=True, soft_wrap=True)
    raise typer.Exit(EXIT_UNUSABLE)


def _print_problems(problems: list[Problem]) -> None:
    if not errors.is_terminal:  # piped or redirected: plain lines, fast for 200,000 problems
        sys.stderr.writelines(f"{problem}\n" for problem in problems)
        sys.stderr.flush()
        return
    colours = {"error": "red", "warning": "yellow"}
    for problem in problems[:PROBLEMS_SHOWN_ON_A_TERMINAL]:
        colour = colours.get(problem.severity, "white")
        errors.print(f"{problem.path}:{problem.line}: [{colour}]{problem.severity}[/{colour}]: "
                     f"{problem.message}", markup=True, soft_wrap=True, highlight=False,
                     emoji=False)
    hidden = problems[PROBLEMS_SHOWN_ON_A_TERMINAL:]
    if hidden:
        errors.print(_hidden_problems_line(hidden), markup=False, soft_wrap=True, highlight=False)


def _hidden_problems_line(hidden: list[Problem]) -> str:
    """One line for the problems a terminal is spared: how many of each severity, and how
    to see them all (a big export has thousands; piped, every one is printed)."""
    severities = Counter(problem.severity for problem in hidden)
    counts = ", ".join(plural(count, severity) for severity, count in sorted(severities.items()))
    return (f"... and {plural(len(hidden), 'more problem')} ({counts}); redirect standard "
            f"error to a file to see every one with its line: 2> problems.txt")



PROGRESS_FROM_RECORDS = 2000  # smaller files are done before a bar would be read
PROGRESS_FROM_BYTES = 1_000_000  # about 2,000 BibTeX entries: the same, for input not yet read


@contextmanager
def progress_bars(quiet: bool):
    """A context giving `bar(description, records)`, which starts a rich bar for a job
    of that many records and returns the callable that advances it (None for a small
    job); the context gives None instead when `quiet` or when standard error is not a
    terminal, so that nothing extra is printed when piped."""
    if quiet or not errors.is_terminal:
        yield None
        return
    from rich.progress import Progress

    with Progress(console=errors, transient=True) as progress:
        def bar(description: str, records: int):
            if records < PROGRESS_FROM_RECORDS:
                return None
            task = progress.add_task(description, total=records)
            return lambda done: progress.advance(task, done)
        yield bar


@contextmanager
def stage_bars(quiet: bool, paths: list[str]):
    """A context giving `stage(description, total=None)`, which ends the stage before
    and starts a rich bar for this one (pulsing while its size is unknown) and returns
    the callable that advances it. On a small input (`paths` under PROGRESS_FROM_BYTES
    in all), when `quiet` or when standard error is not a terminal, nothing is shown
    and `stage` does nothing."""
    if quiet or not errors.is_terminal or _input_bytes(paths) < PROGRESS_FROM_BYTES:
        from refmanager.api import no_stage

        yield no_stage
        return
    from rich.progress import Progress

    with Progress(console=errors, transient=True) as progress:
        current = []

        def stage(description: str, total: int | None = None):
            if current:
                progress.update(current[-1], total=1, completed=1, visible=False)
            current.append(progress.add_task(description, total=total))
            return lambda done: progress.advance(current[-1], done)
        yield stage


def _input_bytes(paths: list[str]) -> int:
    from refmanager.api import bibliography_files

    try:
        return sum(Path(path).stat().st_size for path in bibliography_files([p for p in paths if p != "-"]))
    except (OSError, RefmanagerError):
        return 0  # the command itself reports what cannot be read


def _print_write_notes(notes: list[Problem]) -> None:
    """Each note when there are few; otherwise one line per kind of note with its
    count, since a large file repeats the same few (every record's `file` field)."""
    if len(notes) <= NOTES_SHOWN_ONE_BY_ONE:
        _print_problems(notes)
        return
    kinds = Counter(re.sub(r"\d+", "N", note.message.split(": ", 1)[-1]) for note in notes)
    for kind, count in kinds.most_common(NOTES_SHOWN_ONE_BY_ONE):
        errors.print(f"{count:>8,} × {kind}", markup=False, soft_wrap=True, highlight=False)
    hidden = len(kinds) - NOTES_SHOWN_ONE_BY_ONE
    more = f" and {hidden:,} other kinds" if hidden > 0 else ""
    errors.print(f"{plural(len(notes), 'note')}{more}; --json lists each with its record and line",
                 markup=False, soft_wrap=True)




def _write_output(text: str, output_path: Optional[str]) -> None:
    if output_path is None or output_path == "-":
        sys.stdout.write(text + "\n" if text else "")
        return
    from pathlib import Path

    try:
        Path(output_path).write_text(text + "\n", encoding="utf-8")
    except OSError as error:
        _fail(OutputError(f"{output_path}: cannot write ({error.strerror})"))




def main() -> None:
    """Entry point of the `refman` script."""
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        # Raised as Interrupted, which typer does not turn into "Aborted!" and exit 1.
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _interrupted)
    # A command holds every record of its files until it exits, and Python's cycle
    # collector walks all of them again and again: on the 88k-entry file it was 45%
    # of `refman clean`. refmanager makes no reference cycles to collect, and a
    # command is one short process, so the collector stays off (peak memory unchanged).
    gc.disable()
    try:
        app()
    except Interrupted as interruption:
        errors.print("refman: interrupted", highlight=False)
        sys.exit(interruption.exit_code)
    except Exception as error:  # a bug: one line, not a traceback, and never exit 1
        if _debug:
            traceback.print_exc()
        message = str(error).splitlines()[0] if str(error) else ""
        errors.print(f"refman: internal error: {type(error).__name__}: {message} (run with --debug "
                     "for the traceback, and please report it)", markup=False, highlight=False,
                     soft_wrap=True)
        sys.exit(EXIT_UNUSABLE)
    finally:
        # Python's last act is a full collection, which walks everything the
        # command left alive (the caches of a whole file's names and values): 5 s
        # after `refman cite` on the 88k-entry file, for memory the system takes
        # back anyway. Frozen objects are left out of it; the process is ending.
        gc.freeze()


def _interrupted(number: int, frame) -> None:
    raise Interrupted(number)
