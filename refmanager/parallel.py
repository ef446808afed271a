"""Forked worker processes that exchange pickled messages with their parent.

The plumbing of `refmanager.clean_parts` (which says what goes through it):
`forked_workers(body, parts)` forks one worker a part; each runs `body(part,
channel)` and its return value goes back to the parent, which talks to each
worker through `Worker.channel` and takes that value with `Worker.result()`.
Fork, not spawn: a worker starts with everything the parent holds (the file
as read, the settings, the pipeline) without pickling any of it, and with the
same hash seed, so that what it computes is what the parent would have. Off
Linux there are no workers (`parallel_jobs` says 1; see `can_fork`).

A worker's exception is sent to the parent and raised there, at its next
`receive` from that worker; a parent that fails closes its pipes, and the
workers stop at their next message.

Memory: a forked worker's resident size counts every page it still shares with
the parent, so adding resident sizes would count the document twice. Each worker
reports instead the memory that is its own (`worker_private_kb`: its private
pages, which include those it or the parent wrote to since the fork), the most
it had when it sent a message or ended: the parent's peak plus these is what
the processes use together.
"""

from __future__ import annotations

import gc
import os
import pickle
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

Part = TypeVar("Part")
Result = TypeVar("Result")

#: A file with fewer blocks than this is cleaned in one process: forking and the
#: messages would cost more than the second core saves.
PARALLEL_FROM = 10_000

#: Processes by default, where there are cores for them: on this project's 2-core
#: machine two clean the 88k-entry file in about two thirds of the time of one, in
#: 1.3 GB (benchmarks/bench_clean.py); more would add a worker's memory each.
DEFAULT_JOBS = 2

#: The most private memory (KB) each worker of this process had, for benchmarks.
worker_private_kb: list[int] = []


def usable_cores() -> int:
    """The cores this process may run on (its affinity): the jobs of `--jobs 0`."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def parallel_jobs(jobs: int | None, items: int) -> int:
    """How many processes to use for `items` items when `jobs` were asked (None: the
    default, `DEFAULT_JOBS` or the usable cores if fewer; 0: one a usable core)."""
    cores = usable_cores()
    wanted = cores if jobs == 0 else jobs or min(DEFAULT_JOBS, cores)
    if wanted <= 1 or items < max(PARALLEL_FROM, wanted) or not can_fork():
        return 1
    return wanted


def can_fork() -> bool:
    """Whether workers can be forked: on Linux. (macOS has fork, but its system
    libraries are not safe in a forked child, and Python spawns there instead.)"""
    return hasattr(os, "fork") and sys.platform.startswith("linux")


def split_range(count: int, parts: int) -> list[range]:
    """range(count) cut into `parts` contiguous ranges of nearly equal length, in order."""
    bounds = [count * part // parts for part in range(parts + 1)]
    return [range(bounds[part], bounds[part + 1]) for part in range(parts)]


class WorkerFailed(RuntimeError):
    """A worker ended without a result (killed, or its exception would not pickle)."""


@dataclass(slots=True)
class _Failure:
    error: BaseException
    trace: str


class Channel:
    """One end of the two pipes between the parent and a worker: pickled messages, each
    after its size, or after `_STREAMED` (a pickle says where it ends)."""

    def __init__(self, reading: int, writing: int, in_worker: bool = False):
        self._in = os.fdopen(reading, "rb")
        self._out = os.fdopen(writing, "wb")
        self.in_worker = in_worker
        self.most_private_kb = 0  # a worker's: the most private memory it had as it sent

    def send(self, message, streamed: bool = False) -> None:
        """Send a message whole (as one buffer, which a thread can take in without the
        interpreter's lock: `receive_later`), or `streamed`: pickled straight into the pipe
        a frame at a time, with no copy of a large message (a worker's part of the file)
        on either side, for a receiver that reads it at once."""
        if streamed:
            self._note_private_memory()
            self._out.write(_STREAMED)
            pickle.dump(message, self._out, protocol=pickle.HIGHEST_PROTOCOL)
        else:
            data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
            self._note_private_memory()
            self._out.write(len(data).to_bytes(8, "little"))
            self._out.write(data)
        self._out.flush()

    def _note_private_memory(self) -> None:
        if self.in_worker:
            self.most_private_kb = max(self.most_private_kb, _private_kb())

    def receive(self):
        """The next message; the worker's exception, raised here, if it failed."""
        return _checked(self._read_message())

    def receive_later(self) -> Callable[[], object]:
        """Start taking in the next message now, in a thread, and give the call that waits
        for it and returns it (as `receive`). Meanwhile the other process's `send` can end
        while this one is still busy: a pipe holds only so much unread."""
        read: list = []

        def take_in() -> None:
            try:
                read.append(self._read_message(loaded=False))
            except BaseException as error:  # raised when the message is asked for
                read.append(error)

        thread = threading.Thread(target=take_in, name="refman-receive", daemon=True)
        thread.start()

        def message():
            thread.join()
            if isinstance(read[0], BaseException):
                raise read[0]
            return _checked(pickle.loads(read[0].data) if isinstance(read[0], _Pickled) else read[0])
        return message

    def _read_message(self, loaded: bool = True):
        """The next message; with `loaded` False, a whole message's pickle as it came (a
        thread then only waits on the pipe, and leaves the unpickling to the caller)."""
        size = self._in.read(8)
        try:
            if len(size) < 8:
                raise EOFError
            if size == _STREAMED:
                return pickle.load(self._in)
            data = self._in.read(int.from_bytes(size, "little"))
            return pickle.loads(data) if loaded else _Pickled(data)
        except (EOFError, pickle.UnpicklingError):  # cut short: the worker failed as it sent
            raise WorkerFailed("the other process ended before it sent what was expected") from None

    def close(self) -> None:
        for pipe in (self._in, self._out):
            try:
                pipe.close()
            except OSError:  # a worker gone: nothing left to flush to
                pass


@dataclass(slots=True)
class _Pickled:
    data: bytes


_STREAMED = bytes(8)  # in place of a message's size: a pickle follows that says where it ends


def _checked(message):
    if isinstance(message, _Failure):
        raise message.error from WorkerFailed(f"in a worker process:\n{message.trace}")
    return message


@dataclass(slots=True)
class Worker:
    pid: int
    channel: Channel

    def result(self):
        """What the worker's body returned (the last message it sends)."""
        value, private_kb = self.channel.receive()
        worker_private_kb.append(private_kb)
        return value

    def stop(self) -> None:
        self.channel.close()
        os.waitpid(self.pid, 0)


@contextmanager
def forked_workers(body: Callable[[Part, Channel], Result], parts: list[Part]) -> Iterator[list[Worker]]:
    """A worker for each part, running `body(part, channel)`; all waited for on leaving."""
    workers: list[Worker] = []
    try:
        for part in parts:
            workers.append(_fork(body, part))
        yield workers
    finally:
        for worker in workers:
            worker.stop()


def _fork(body: Callable[[Part, Channel], Result], part: Part) -> Worker:
    to_worker, to_parent = os.pipe(), os.pipe()
    _widen(to_parent[1])
    pid = os.fork()
    if pid == 0:  # the worker
        gc.disable()  # a collection would walk, so copy, every page it shares with the parent
        os.close(to_worker[1])
        os.close(to_parent[0])
        _serve(body, part, Channel(to_worker[0], to_parent[1], in_worker=True))
    os.close(to_worker[0])
    os.close(to_parent[1])
    return Worker(pid, Channel(to_parent[0], to_worker[1]))


def _widen(pipe: int) -> None:
    """Let the pipe hold as much unread as the system allows (1 MB on Linux, not 64 KB): a
    parent taking in a large message in a thread (`Channel.receive_later`) wakes once
    for each pipeful, and each wake waits for the interpreter's lock."""
    try:
        import fcntl

        fcntl.fcntl(pipe, getattr(fcntl, "F_SETPIPE_SZ", 1031), 1 << 20)
    except (ImportError, OSError):  # a smaller limit, or no such call: the default pipe serves
        pass


def _serve(body: Callable[[Part, Channel], Result], part: Part, channel: Channel) -> None:
    status = 1
    try:
        try:
            value = body(part, channel)
            channel.most_private_kb = max(channel.most_private_kb, _private_kb())
        except BaseException as error:  # raised again in the parent
            channel.send(_Failure(error, traceback.format_exc()))
        else:
            channel.send((value, channel.most_private_kb), streamed=True)
            status = 0
    finally:
        # No exit handlers, no flushing of the parent's buffers copied into this process.
        os._exit(status)


def _private_kb() -> int:
    """This process's private memory (KB): its pages that no other process maps; its
    peak resident size where /proc does not say (an overestimate, shared pages included)."""
    try:
        with open("/proc/self/smaps_rollup", encoding="ascii") as rollup:
            next(rollup)  # the address range the figures cover
            fields = dict(line.split(":", 1) for line in rollup)
        return sum(int(fields[name].split()[0]) for name in ("Private_Clean", "Private_Dirty"))
    except (OSError, KeyError, ValueError):
        import resource  # POSIX only, as forking is

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
