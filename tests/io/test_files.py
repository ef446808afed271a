"""Tests for refmanager/io/files.py: decoding, byte-order marks, atomic writes.

The byte sequences are the encodings' own (byte-order marks as Python's codecs
module spells them; Latin-1 é is 0xE9, UTF-8 é is 0xC3 0xA9); the behaviour asked of
writes is that of an editor saving a file: the old file is replaced whole or not
at all, keeps its permissions, and `--backup` leaves the previous version beside it.
"""

from __future__ import annotations

import codecs
import io
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from refmanager.errors import InputError, OutputError, Problem
from refmanager.io import files
from refmanager.io.files import Interrupted, encode_text, read_text, write_bytes

ENTRY = "@book{a,\n  title = {Caf\u00e9 Soci\u00e9t\u00e9},\n}\n"

# (bytes on disk, text, encoding, byte-order mark): files as editors and tools save them.
ENCODINGS = [
    pytest.param(ENTRY.encode("utf-8"), ENTRY, "utf-8", False, id="UTF-8 is read as UTF-8"),
    pytest.param(codecs.BOM_UTF8 + ENTRY.encode("utf-8"), ENTRY, "utf-8", True,
                 id="a UTF-8 byte-order mark is noted and kept out of the text (Windows Notepad)"),
    pytest.param(codecs.BOM_UTF16_LE + ENTRY.encode("utf-16-le"), ENTRY, "utf-16-le", True,
                 id="little-endian UTF-16 with its mark is read (Windows 'Unicode')"),
    pytest.param(codecs.BOM_UTF16_BE + ENTRY.encode("utf-16-be"), ENTRY, "utf-16-be", True,
                 id="big-endian UTF-16 with its mark is read"),
    pytest.param(ENTRY.replace("\n", "\r\n").encode("utf-8"), ENTRY.replace("\n", "\r\n"), "utf-8", False,
                 id="CRLF line ends are kept in the text"),
    pytest.param(ENTRY.replace("\n", "\r\n").encode("latin-1"), ENTRY.replace("\n", "\r\n"), "latin-1", False,
                 id="Latin-1 with CRLF is read as Latin-1 (old JabRef on Windows)"),
]


@pytest.mark.parametrize("data, text, encoding, byte_order_mark", ENCODINGS)
def test_a_file_is_decoded_with_its_encoding_noted(tmp_path, data, text, encoding, byte_order_mark):
    path = tmp_path / "refs.bib"
    path.write_bytes(data)
    decoded = read_text(str(path))
    assert decoded.text == text
    assert decoded.encoding == encoding
    assert decoded.byte_order_mark is byte_order_mark
    assert [problem.severity for problem in decoded.problems] == (["warning"] if encoding == "latin-1" else [])


@pytest.mark.parametrize("data, text, encoding, byte_order_mark", ENCODINGS)
def test_encoding_the_text_back_gives_the_same_bytes(tmp_path, data, text, encoding, byte_order_mark):
    path = tmp_path / "refs.bib"
    path.write_bytes(data)
    decoded = read_text(str(path))
    assert encode_text(decoded.text, decoded.encoding, decoded.byte_order_mark, str(path)) == (data, [])


def test_a_marked_file_that_falls_back_to_latin1_is_written_back_the_same(tmp_path):
    # A UTF-8 file (with a mark) into which a Latin-1 é was pasted.
    data = codecs.BOM_UTF8 + b"@book{a, title = {Caf\xe9}}\n"
    path = tmp_path / "refs.bib"
    path.write_bytes(data)
    decoded = read_text(str(path))
    assert encode_text(decoded.text, decoded.encoding, decoded.byte_order_mark, str(path))[0] == data


def test_invalid_utf8_is_read_as_latin1_with_one_warning_at_the_first_bad_byte(tmp_path):
    data = b"@book{a,\n  title = {Ok},\n  note = {caf\xe9},\n  address = {M\xfcnchen},\n}\n"
    path = tmp_path / "refs.bib"
    path.write_bytes(data)
    decoded = read_text(str(path))
    assert decoded.encoding == "latin-1"
    assert "note = {caf\u00e9}" in decoded.text and "M\u00fcnchen" in decoded.text
    assert len(decoded.problems) == 1
    problem = decoded.problems[0]
    assert (problem.path, problem.line, problem.severity) == (str(path), 3, "warning")
    assert "0xe9" in problem.message and "Latin-1" in problem.message


def test_text_that_no_longer_fits_latin1_is_written_as_utf8_with_a_warning():
    data, problems = encode_text("caf\u00e9 \u2260 tea", "latin-1", False, "refs.bib")
    assert data == "caf\u00e9 \u2260 tea".encode("utf-8")
    assert [(problem.path, problem.severity) for problem in problems] == [("refs.bib", "warning")]


def test_standard_input_is_read_as_bytes(monkeypatch):
    stdin = io.TextIOWrapper(io.BytesIO(codecs.BOM_UTF8 + ENTRY.encode("utf-8")), encoding="ascii")
    monkeypatch.setattr(sys, "stdin", stdin)
    decoded = read_text("-")
    assert (decoded.text, decoded.encoding, decoded.byte_order_mark) == (ENTRY, "utf-8", True)


# (path below tmp_path, what to create first): paths that cannot be read.
UNREADABLE = [
    pytest.param("missing.bib", None, id="a missing file"),
    pytest.param("no-such-folder/refs.bib", None, id="a file in a missing folder"),
    pytest.param("a-folder", "folder", id="a folder given as the file"),
]


@pytest.mark.parametrize("name, create", UNREADABLE)
def test_an_unreadable_path_raises_input_error_naming_it(tmp_path, name, create):
    path = tmp_path / name
    if create == "folder":
        path.mkdir()
    with pytest.raises(InputError) as caught:
        read_text(str(path))
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message


# ---------------------------------------------------------------- writing

def test_writing_replaces_the_whole_file_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_bytes(b"x" * 10_000)
    write_bytes(str(path), b"short\n")
    assert path.read_bytes() == b"short\n"
    assert sorted(os.listdir(tmp_path)) == ["refs.bib"]


def test_writing_keeps_the_permissions_of_an_existing_file(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_bytes(b"old\n")
    path.chmod(0o640)
    write_bytes(str(path), b"new\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_new_file_gets_the_mode_the_umask_allows(tmp_path):
    # mkstemp makes 0600 files; a new .bib must be as readable as any other new file.
    path = tmp_path / "refs.bib"
    old_umask = os.umask(0o027)
    try:
        write_bytes(str(path), b"new\n")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_backup_keeps_the_old_bytes_beside_the_file(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_bytes(b"version 1\n")
    write_bytes(str(path), b"version 2\n", backup=True)
    write_bytes(str(path), b"version 3\n", backup=True)
    assert path.read_bytes() == b"version 3\n"
    assert (tmp_path / "refs.bib.bak").read_bytes() == b"version 2\n"
    assert sorted(os.listdir(tmp_path)) == ["refs.bib", "refs.bib.bak"]


def test_no_backup_is_made_of_a_file_that_did_not_exist(tmp_path):
    write_bytes(str(tmp_path / "refs.bib"), b"new\n", backup=True)
    assert os.listdir(tmp_path) == ["refs.bib"]


def test_a_failed_write_leaves_the_old_file_whole_and_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "refs.bib"
    path.write_bytes(b"precious\n")

    def fail(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OutputError, match="No space left on device"):
        write_bytes(str(path), b"new\n")
    assert path.read_bytes() == b"precious\n"
    assert os.listdir(tmp_path) == ["refs.bib"]


def test_writing_into_a_missing_folder_raises_output_error_naming_the_path(tmp_path):
    path = tmp_path / "no-such-folder" / "refs.bib"
    with pytest.raises(OutputError) as caught:
        write_bytes(str(path), b"new\n")
    assert str(caught.value).startswith(f"{path}: ")
    assert os.listdir(tmp_path) == []


def test_standard_output_gets_the_bytes_unchanged(capsysbinary):
    data = codecs.BOM_UTF8 + "caf\u00e9\r\n".encode("utf-8")
    write_bytes("-", data)
    assert capsysbinary.readouterr().out == data


def test_writing_through_a_symbolic_link_updates_the_file_it_points_to(tmp_path):
    # A common setup: ~/refs.bib linked to a synced folder.
    (tmp_path / "synced").mkdir()
    real = tmp_path / "synced" / "refs.bib"
    real.write_bytes(b"old\n")
    link = tmp_path / "refs.bib"
    link.symlink_to(real)
    write_bytes(str(link), b"new\n")
    assert link.is_symlink()
    assert real.read_bytes() == b"new\n"


def test_problems_print_as_file_line_severity_message():
    assert str(Problem("refs.bib", 3, "not valid UTF-8", "warning")) == "refs.bib:3: warning: not valid UTF-8"


# ---------------------------------------------------------------- hostile conditions (issue 12)

def temporaries(folder) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(".tmp"))


def test_a_lone_surrogate_is_written_as_a_replacement_character_with_a_warning():
    # Half a UTF-16 pair (a stage could make one by slicing): it once raised UnicodeEncodeError.
    data, problems = encode_text("a\ud800b", "utf-8", False, "refs.json")
    assert data == "a\ufffdb".encode("utf-8")
    assert ["lone surrogate" in problem.message for problem in problems] == [True]


@pytest.mark.parametrize("interruption", [
    pytest.param(KeyboardInterrupt, id="Ctrl-C"),
    pytest.param("SIGTERM", id="SIGTERM, whose default would end the process on the spot"),
])
def test_an_interrupted_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch, interruption):
    path = tmp_path / "refs.bib"
    path.write_bytes(b"precious\n")
    real_fsync = os.fsync

    def interrupt(handle):
        real_fsync(handle)
        if interruption is KeyboardInterrupt:
            raise KeyboardInterrupt
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises((KeyboardInterrupt, Interrupted)):
        write_bytes(str(path), b"x" * 1_000_000)
    assert path.read_bytes() == b"precious\n"
    assert os.listdir(tmp_path) == ["refs.bib"]
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL  # put back as it was


def test_the_temporary_files_of_dead_processes_are_removed_by_the_next_write(tmp_path):
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)
    dead_pid = int(finished.stdout)
    stale = tmp_path / f".refs.bib.refman-{dead_pid}-abc123.tmp"  # what a SIGKILL leaves
    stale.write_bytes(b"half a file")
    running = tmp_path / f".refs.bib.refman-{os.getppid()}-def456.tmp"  # a live writer's
    running.write_bytes(b"being written")
    write_bytes(str(tmp_path / "refs.bib"), b"new\n")
    assert temporaries(tmp_path) == [running.name]


def test_a_second_writer_fails_with_a_clear_message_when_the_first_takes_too_long(tmp_path, monkeypatch):
    path = tmp_path / "refs.bib"
    path.write_bytes(b"old\n")
    fcntl = pytest.importorskip("fcntl")  # the lock is POSIX's; Windows has the rename only
    monkeypatch.setattr(files, "LOCK_WAIT", 0.2)
    lock = os.open(tmp_path / ".refs.bib.refman-lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(lock, fcntl.LOCK_EX)  # another refman process, in the middle of writing
    try:
        with pytest.raises(OutputError, match="another refman process is writing this file"):
            write_bytes(str(path), b"new\n")
    finally:
        os.close(lock)
    assert path.read_bytes() == b"old\n"


def test_a_second_writer_waits_for_the_first(tmp_path):
    path = tmp_path / "refs.bib"
    fcntl = pytest.importorskip("fcntl")
    lock_path = tmp_path / ".refs.bib.refman-lock"
    lock = os.open(lock_path, os.O_RDWR | os.O_CREAT)
    fcntl.flock(lock, fcntl.LOCK_EX)

    def finish_first_writer():
        time.sleep(0.3)
        path.write_bytes(b"first\n")
        os.unlink(lock_path)  # as write_bytes does, while it still holds the lock
        os.close(lock)

    first = threading.Thread(target=finish_first_writer)
    first.start()
    write_bytes(str(path), b"second\n")
    first.join()
    assert path.read_bytes() == b"second\n"
    assert os.listdir(tmp_path) == ["refs.bib"]


def test_the_backup_is_written_safely_too(tmp_path, monkeypatch):
    path = tmp_path / "refs.bib"
    path.write_bytes(b"version 1\n")
    (tmp_path / "refs.bib.bak").write_bytes(b"version 0\n")
    calls = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda source, target: (calls.append(Path(target).name),
                                                               real_replace(source, target)))
    write_bytes(str(path), b"version 2\n", backup=True)
    assert calls == ["refs.bib.bak", "refs.bib"]  # each renamed into place, never half-written
    assert (tmp_path / "refs.bib.bak").read_bytes() == b"version 1\n"


def test_a_refman_killed_while_writing_the_88k_file_leaves_the_old_file_or_the_new_one(bigbib, tmp_path):
    # SIGKILL at the moment the temporary file appears, the worst moment there is:
    # the old file stays whole; the temporary file cannot be removed by the dead
    # process, and the next write removes it.
    source = bigbib / "acl-anthology-88k.bib"
    target = tmp_path / "out.bib"
    target.write_bytes(b"@misc{old, title = {The old file}}\n")
    command = [sys.executable, "-m", "refmanager", "convert", str(source), "-o", str(target)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 600
    while not temporaries(tmp_path) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.001)
    process.kill()
    process.wait()
    assert target.read_bytes() in (b"@misc{old, title = {The old file}}\n", source.read_bytes())
    assert temporaries(tmp_path), "the kill came too late to test anything"
    write_bytes(str(target), b"next\n")
    assert os.listdir(tmp_path) == ["out.bib"]


@pytest.mark.parametrize("signal_number, exit_code", [
    pytest.param(signal.SIGINT, 130, id="Ctrl-C exits 130"),
    pytest.param(signal.SIGTERM, 143, id="SIGTERM exits 143"),
])
def test_refman_interrupted_while_writing_exits_with_the_signal_and_leaves_no_temporary_file(
        tmp_path, signal_number, exit_code):
    target = tmp_path / "out.ris"
    target.write_bytes(b"old\n")
    source = tmp_path / "in.bib"
    source.write_text("@book{a, title = {A}}\n", encoding="utf-8")
    # The refman command, with a disk so slow that syncing takes a minute.
    script = ("import os, sys, time\n"
              "os.fsync = lambda handle: time.sleep(60)\n"
              "from refmanager.cli import main\n"
              f"sys.argv = ['refman', 'convert', {str(source)!r}, '-o', {str(target)!r}]\n"
              "main()\n")
    process = subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not temporaries(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.01)
    process.send_signal(signal_number)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == exit_code
    assert stderr.decode().strip() == "refman: interrupted"
    assert target.read_bytes() == b"old\n"
    assert sorted(os.listdir(tmp_path)) == ["in.bib", "out.ris"]
