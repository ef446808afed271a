"""Bytes in and out: decoding, byte-order marks, standard streams, atomic writes.

Whatever encoding and byte-order mark a file came with is remembered, so that
writing it back unchanged gives the same bytes.
"""

from __future__ import annotations

import codecs
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from refmanager.errors import InputError, OutputError, Problem

STANDARD_STREAM = "-"
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
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        problems.append(Problem(path, 1, f"the text no longer fits {encoding}; written as UTF-8",
                                "warning"))
        encoding, data = "utf-8", text.encode("utf-8")
    if byte_order_mark:
        # A file read as Latin-1 after failing UTF-8 had a UTF-8 mark: keep it.
        data = _BYTE_ORDER_MARKS.get(encoding, codecs.BOM_UTF8) + data
    return data, problems


def write_bytes(path: str, data: bytes, backup: bool = False) -> None:
    """Write atomically (a temporary file renamed over the target); `-` is standard output.

    With `backup`, an existing file is first copied to `PATH.bak`.
    """
    if path == STANDARD_STREAM:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    target = Path(os.path.realpath(path))  # through a symbolic link, not over it
    temporary = None
    try:
        if backup and target.exists():
            shutil.copy2(target, target.with_name(target.name + ".bak"))
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        _give_mode(temporary, target)
        os.replace(temporary, target)
    except OSError as error:
        if temporary and os.path.exists(temporary):
            os.unlink(temporary)
        raise OutputError(f"{path}: cannot be written ({error.strerror})") from None


def _give_mode(temporary: str, target: Path) -> None:
    """The target's permissions, or the usual ones for a new file (mkstemp makes 0600)."""
    if target.exists():
        shutil.copymode(target, temporary)
    else:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
