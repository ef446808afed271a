"""Bytes in and out: decoding, byte-order marks, standard streams, atomic writes.

Whatever encoding and byte-order mark a file came with is remembered, so that
writing it back unchanged gives the same bytes.
"""

from __future__ import annotations

import codecs
import contextlib
import glob
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

from refmanager.errors import InputError, OutputError, Problem

STANDARD_STREAM = "-"
#: Seconds to wait for another refman process writing the same file.
LOCK_WAIT = 10.0
_TEMPORARY_OWNER = re.compile(r"\.refman-(\d+)-[^.]*\.tmp$")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# The encodings a file is read in (`read_text`): each fails on a lone surrogate, so text
# they encode has none.
_REFUSING_SURROGATES = frozenset({"utf-8", "utf-16-le", "utf-16-be", "latin-1"})
_BYTE_ORDER_MARKS = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE,
                     "utf-16-be": codecs.BOM_UTF16_BE}


@dataclass(slots=True)
class DecodedText:
    text: str
    encoding: str = "utf-8"
    byte_order_mark: bool = False
    problems: list[Problem] = field(default_factory=list)


def read_text(path: str) -> DecodedText:
    """A file's text (`-` is standard input); invalid UTF-8 falls back to Latin-1."""
    data = _read_bytes(path)
    for encoding, mark in _BYTE_ORDER_MARKS.items():
        if data.startswith(mark):
            return _decode(data[len(mark):], path, encoding, byte_order_mark=True)
    return _decode(data, path, "utf-8", byte_order_mark=False)


def _read_bytes(path: str) -> bytes:
    if path == STANDARD_STREAM:
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder; give a file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from None


def _decode(data: bytes, path: str, encoding: str, byte_order_mark: bool) -> DecodedText:
    try:
        return DecodedText(data.decode(encoding), encoding, byte_order_mark)
    except UnicodeDecodeError as error:
        if encoding != "utf-8":
            raise InputError(f"{path}: not valid {encoding} ({error.reason})") from None
        line = data.count(b"\n", 0, error.start) + 1
        warning = Problem(path, line, f"not valid UTF-8 (byte 0x{data[error.start]:02x}); "
                                      "the file was read as Latin-1", "warning")
        return DecodedText(data.decode("latin-1"), "latin-1", byte_order_mark, [warning])


def encode_text(text: str, encoding: str, byte_order_mark: bool, path: str) -> tuple[bytes, list[Problem]]:
    """The bytes to write; text the old encoding cannot hold is written as UTF-8."""
    problems = []
    if encoding in _REFUSING_SURROGATES:
        try:  # the usual case, at the cost of the encoding alone: no search of the whole text
            data = text.encode(encoding)
        except UnicodeEncodeError:
            pass
        else:
            return _with_mark(data, encoding, byte_order_mark), problems
    if _LONE_SURROGATE.search(text):
        # Half of a UTF-16 pair, which no encoding can write (a stage may have made one).
        problems.append(Problem(path, 1, "a lone surrogate (\\ud800 to \\udfff) cannot be "
                                "written; written as U+FFFD", "warning"))
        text = _LONE_SURROGATE.sub("\ufffd", text)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        problems.append(Problem(path, 1, f"the text no longer fits {encoding}; written as UTF-8",
                                "warning"))
        encoding, data = "utf-8", text.encode("utf-8")
    return _with_mark(data, encoding, byte_order_mark), problems


def _with_mark(data: bytes, encoding: str, byte_order_mark: bool) -> bytes:
    if byte_order_mark:
        # A file read as Latin-1 after failing UTF-8 had a UTF-8 mark: keep it.
        return _BYTE_ORDER_MARKS.get(encoding, codecs.BOM_UTF8) + data
    return data


def write_bytes(path: str, data: bytes, backup: bool = False) -> None:
    """Write atomically; `-` is standard output. With `backup`, an existing file is
    first kept as `PATH.bak` (written the same safe way).

    The data goes to a temporary file in the target's folder, is synced to disk,
    and renamed over the target: a reader, or a crash at any moment, sees the old
    file or the new one. Ctrl-C or SIGTERM while writing removes the temporary
    file; a SIGKILL cannot, so temporary files are named `.NAME.refman-PID-*.tmp`
    and those of dead processes are removed by the next write. Two refman
    processes writing one file take turns (`.NAME.refman-lock`).
    """
    if path == STANDARD_STREAM:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    target = Path(os.path.realpath(path))  # through a symbolic link, not over it
    try:
        with _exclusive(target, path), _interrupts_raised():
            _remove_stale_temporaries(target)
            if backup and target.exists():
                backup_path = target.with_name(target.name + ".bak")
                _replace(backup_path, target.read_bytes(), mode_from=target)
            _replace(target, data, mode_from=target)
    except OSError as error:
        raise OutputError(f"{path}: cannot be written ({error.strerror})") from None


def _replace(target: Path, data: bytes, mode_from: Path) -> None:
    """Write `data` to a temporary file beside `target`, sync it, rename it over."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp",
                                         prefix=f".{target.name}.refman-{os.getpid()}-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        _give_mode(temporary, mode_from)
        os.replace(temporary, target)
    except BaseException:  # Ctrl-C and SIGTERM too: no temporary file is left behind
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    # The rename is only on disk once the folder is; not every system can open one.
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _remove_stale_temporaries(target: Path) -> None:
    """Remove the temporary files of refman processes that are no longer running."""
    pattern = f".{glob.escape(target.name)}.refman-*-*.tmp"
    for temporary in target.parent.glob(pattern):
        owner = _TEMPORARY_OWNER.search(temporary.name)
        if owner and not _is_running(int(owner.group(1))):
            with contextlib.suppress(OSError):
                temporary.unlink()


def _is_running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process: not ours to judge
    return True


@contextlib.contextmanager
def _exclusive(target: Path, shown: str) -> Iterator[None]:
    """Hold `.NAME.refman-lock` beside the target, waiting up to LOCK_WAIT seconds."""
    if fcntl is None:  # Windows: no advisory locks here; the rename is still atomic
        yield
        return
    lock_path = target.with_name(f".{target.name}.refman-lock")
    deadline = time.monotonic() + LOCK_WAIT
    while True:
        handle = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        if _locked(handle, lock_path):
            break
        os.close(handle)
        if time.monotonic() > deadline:
            raise OutputError(f"{shown}: another refman process is writing this file; try again "
                              f"when it has finished (or remove {lock_path} if none is)")
        time.sleep(0.05)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(lock_path)  # while still held: the next process locks a new file
        os.close(handle)


def _locked(handle: int, lock_path: Path) -> bool:
    """Whether the lock on `handle` was taken, and is on the file now at `lock_path`
    (the holder before may have removed the one this process opened)."""
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    try:
        return os.path.samestat(os.fstat(handle), os.stat(lock_path))
    except FileNotFoundError:
        return False


@contextlib.contextmanager
def _interrupts_raised() -> Iterator[None]:
    """SIGTERM (and SIGHUP) raise while writing, as Ctrl-C does, so the temporary
    file is removed; their default would end the process on the spot."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught = [number for number in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None))
              if number is not None]
    previous = {number: signal.getsignal(number) for number in caught}
    for number in caught:
        if previous[number] == signal.SIG_DFL:
            signal.signal(number, _raise_interrupted)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _raise_interrupted(number: int, frame) -> None:
    raise Interrupted(number)


class Interrupted(BaseException):
    """A signal ended the write; like KeyboardInterrupt, not an Exception, so no
    `except Exception` swallows it. Its argument is the signal number."""

    @property
    def exit_code(self) -> int:
        return 128 + self.args[0]


def _give_mode(temporary: str, target: Path) -> None:
    """The target's permissions, or the usual ones for a new file (mkstemp makes 0600)."""
    if target.exists():
        shutil.copymode(target, temporary)
    else:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
