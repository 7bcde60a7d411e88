"""Two processes writing one SQLite file at once: no "database is locked".

Each write transaction reads, then writes (as most of progress/ does: look up a row,
then insert or update). Begun deferred, the second writer of such a pair fails at once
with SQLITE_BUSY; BEGIN IMMEDIATE (progress/database.py) makes it wait its turn, in the
write queue (progress/sqlite_write_queue.py) or, without one (Windows), in SQLite's own
busy handler."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from sqlalchemy import text

from progress.database import connect, upgrade_to_head
from settings import DatabaseSettings

WRITES_PER_PROCESS = 150


def _write_counter(url: str, queue: bool, barrier, errors) -> None:  # type: ignore[no-untyped-def]
    db = connect(url, busy_timeout_ms=20000, options=DatabaseSettings(sqlite_write_queue=queue))
    barrier.wait()
    failed = []
    for _ in range(WRITES_PER_PROCESS):
        try:
            with db.begin() as session:
                value = session.execute(text("SELECT value FROM write_counter")).scalar_one()
                session.execute(text("UPDATE write_counter SET value = :v"), {"v": value + 1})
        except Exception as exc:  # noqa: BLE001 - every failure is reported to the test
            failed.append(str(exc).splitlines()[0])
    errors.put(failed)


@pytest.mark.parametrize("queue", [True, False], ids=["write queue", "busy handler"])
def test_two_processes_writing_at_once_are_never_locked_out(tmp_path: Path, queue: bool) -> None:
    url = f"sqlite:///{tmp_path / 'writers.db'}"
    upgrade_to_head(url)
    db = connect(url)
    with db.begin() as session:
        session.execute(text("CREATE TABLE write_counter (value INTEGER NOT NULL)"))
        session.execute(text("INSERT INTO write_counter VALUES (0)"))
    context = multiprocessing.get_context("spawn")
    barrier, errors = context.Barrier(2), context.Queue()
    writers = [context.Process(target=_write_counter, args=(url, queue, barrier, errors)) for _ in range(2)]
    for writer in writers:
        writer.start()
    failures = [message for _ in writers for message in errors.get(timeout=120)]
    for writer in writers:
        writer.join(timeout=30)
    assert failures == []
    with db() as session:  # every increment counted: no write was lost either
        assert session.execute(text("SELECT value FROM write_counter")).scalar_one() == 2 * WRITES_PER_PROCESS


def test_a_write_transaction_holds_the_lock_from_its_start_and_readers_go_on(tmp_path: Path) -> None:
    from sqlalchemy.exc import OperationalError

    url = f"sqlite:///{tmp_path / 'kinds.db'}"
    upgrade_to_head(url)
    db = connect(url, busy_timeout_ms=100)
    with db.begin() as writing:
        writing.execute(text("SELECT 1"))  # nothing written yet, but the write lock is taken
        with db() as reading:
            assert reading.execute(text("SELECT count(*) FROM learners")).scalar_one() == 0
        with pytest.raises(OperationalError, match="locked"), db.begin() as other:
            other.execute(text("SELECT 1"))
