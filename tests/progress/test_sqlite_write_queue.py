"""SQLite write transactions queue for a lock file beside the database (POSIX), and the
learner's screens that only read take no write transaction (progress/sqlite_write_queue.py)."""

from __future__ import annotations

import fcntl
import os
import sqlite3
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from progress import sqlite_write_queue
from progress.classes.running import open_class_of_group
from progress.database import connect, upgrade_to_head
from progress.groups import create_group
from progress.learners import create_learner
from progress.quiz_runs import open_run
from settings import DatabaseSettings

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the queue is POSIX only")


def _taken_by_someone_else(lock_file: Path) -> bool:
    """Whether an exclusive flock on the file is held (another open file description asks)."""
    fd = os.open(lock_file, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # closing drops a lock this test took
    return False


@pytest.fixture
def database_file(tmp_path: Path) -> Path:
    upgrade_to_head(f"sqlite:///{tmp_path / 'app.db'}")
    return tmp_path / "app.db"


def test_a_write_transaction_holds_the_lock_file_beside_the_database(database_file: Path) -> None:
    db = connect(f"sqlite:///{database_file}")
    lock_file = Path(str(database_file) + "-writelock")
    with db.begin() as session:
        session.execute(text("SELECT 1"))
        assert _taken_by_someone_else(lock_file)  # another process's writer waits in the kernel
    assert not _taken_by_someone_else(lock_file)  # and starts as soon as this one ends
    with db() as session:  # reading takes no turn
        session.execute(text("SELECT 1"))
        assert not _taken_by_someone_else(lock_file)


def test_a_nested_write_in_the_same_thread_keeps_its_turn(database_file: Path) -> None:
    """The nested write then waits for SQLite's own lock, as before (it fails after the busy
    timeout instead of waiting for ever on its own thread)."""
    from sqlalchemy.exc import OperationalError

    db = connect(f"sqlite:///{database_file}", busy_timeout_ms=50)
    lock_file = Path(str(database_file) + "-writelock")
    with db.begin() as outer:
        outer.execute(text("SELECT 1"))
        with pytest.raises(OperationalError, match="locked"), db.begin() as inner:
            inner.execute(text("SELECT 1"))
        assert _taken_by_someone_else(lock_file)  # the inner one let go of nothing
    assert not _taken_by_someone_else(lock_file)


def test_no_queue_when_the_setting_is_off_or_on_windows(database_file: Path, monkeypatch) -> None:
    db = connect(f"sqlite:///{database_file}", options=DatabaseSettings(sqlite_write_queue=False))
    with db.begin() as session:
        session.execute(text("SELECT 1"))
        assert not Path(str(database_file) + "-writelock").exists()
    monkeypatch.setattr(sys, "platform", "win32")
    assert sqlite_write_queue.write_queue(str(database_file), 5) is None
    monkeypatch.undo()
    assert sqlite_write_queue.write_queue(":memory:", 5) is None


def test_the_quiz_page_and_home_read_without_waiting_for_a_writer(database_file: Path) -> None:
    """Both run on every screen of a learner: while another program holds SQLite's write
    lock they still answer (a write transaction would fail after its busy timeout)."""
    url = f"sqlite:///{database_file}"
    setup = connect(url)
    group = create_group(setup, "Thôn Một")
    learner = create_learner(setup, group.id, "Hoa", "1234")
    started = open_run(setup, learner.id, "bai-mau")  # the first time it starts the run: a write
    db = connect(url, busy_timeout_ms=0)
    writer = sqlite3.connect(database_file, timeout=0)
    writer.isolation_level = None
    writer.execute("BEGIN IMMEDIATE")
    try:
        assert open_run(db, learner.id, "bai-mau") == started
        assert open_class_of_group(db, group.id) is None
    finally:
        writer.execute("ROLLBACK")
        writer.close()
