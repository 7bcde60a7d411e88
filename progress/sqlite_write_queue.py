"""One queue for the SQLite write transactions of every process (POSIX; Windows keeps
SQLite's own waiting).

SQLite lets one connection write at a time. A connection that finds the write lock taken
waits in SQLite's busy handler, which sleeps in growing steps (1, 2, 5, 10 … 100 ms) and
tries again: the lock can sit free while every waiter sleeps, and a writer that came
late, still in its short steps, takes it before one that has waited for a second.
Measured with two processes and 30 learners tapping (bench/load_classroom.py): the
wait at ``BEGIN IMMEDIATE`` was most of every slow tap, p95 280-580 ms, up to 3 s,
for transactions that take a few milliseconds.

``WriteQueue.turn()`` is held around a whole write transaction (``Database.begin()``):
the threads of a process take turns on a lock, and the one whose turn it is takes an
exclusive ``flock`` on a file beside the database (``<database>-writelock``); a
process waiting for it sleeps in the kernel and wakes the moment the holder lets go.
SQLite's own lock is still taken inside, so a writer that does not queue (a
``manage`` command, another program) stays safe, just not in the queue. The lock goes
with the process: a process that dies while holding it frees it.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

if sys.platform != "win32":
    import fcntl

SUFFIX = "-writelock"


class WriteQueue:
    """Turns at writing one SQLite file, for the threads of this process and across processes."""

    def __init__(self, database_file: Path, wait_seconds: float) -> None:
        self.path = Path(str(database_file) + SUFFIX)
        self.wait_seconds = wait_seconds
        self._threads = threading.RLock()  # re-entrant: a nested write waits in SQLite, as before
        self._depth = threading.local()
        self._fd: int | None = None
        self._fd_pid = 0

    def _file(self) -> int:
        if self._fd is None or self._fd_pid != os.getpid():  # a forked child opens its own
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            self._fd_pid = os.getpid()
        return self._fd

    @contextmanager
    def turn(self) -> Iterator[None]:
        """Held around one write transaction: this thread's turn, then the file's."""
        # a thread stuck holding the turn for longer than SQLite's busy timeout: write
        # without the queue, and let SQLite's own lock wait (and fail) as it always did
        if not self._threads.acquire(timeout=self.wait_seconds):
            yield
            return
        depth = getattr(self._depth, "n", 0)
        self._depth.n = depth + 1
        try:
            if depth == 0:
                fcntl.flock(self._file(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                if depth == 0:
                    fcntl.flock(self._file(), fcntl.LOCK_UN)
        finally:
            self._depth.n = depth
            self._threads.release()


_QUEUES: dict[Path, WriteQueue] = {}
_QUEUES_LOCK = threading.Lock()


def write_queue(database_file: str | None, wait_seconds: float) -> WriteQueue | None:
    """The queue for one SQLite file (one per file and process), or None where there is
    none: Windows, or an in-memory database."""
    if sys.platform == "win32":
        return None
    if not database_file or database_file == ":memory:":
        return None
    path = Path(database_file).resolve()
    with _QUEUES_LOCK:
        if path not in _QUEUES:
            _QUEUES[path] = WriteQueue(path, wait_seconds)
        return _QUEUES[path]
