"""Copies of the SQLite database, so a lost or broken laptop does not lose a class's work.

``backup`` uses SQLite's online backup, so it is consistent even while the app is
serving (WAL mode). ``restore`` puts a copy back, after setting the current database
(and its -wal/-shm companions) aside under a dated name: nothing is thrown away.
PostgreSQL has its own tools (pg_dump / pg_restore).
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

COMPANIONS = ("-wal", "-shm")


class BackupError(RuntimeError):
    """A backup or restore that cannot be done; the message says why in plain words."""


def sqlite_path(url: str) -> Path:
    """The database file of a sqlite:/// URL."""
    if not url.startswith("sqlite:///") or url.endswith(":memory:"):
        raise BackupError("Only a SQLite database file can be copied this way; for PostgreSQL use pg_dump.")
    return Path(url.split("///", 1)[1])


def _stamp(now: dt.datetime | None) -> str:
    return (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")


def default_backup_path(url: str, now: dt.datetime | None = None) -> Path:
    """data/backups/<name>-<date>-<time>.db next to the database."""
    database = sqlite_path(url)
    return database.parent / "backups" / f"{database.stem}-{_stamp(now)}.db"


def backup(url: str, target: Path) -> int:
    """Copy the database to ``target`` (written to a temporary name, then renamed)."""
    source = sqlite_path(url)
    if not source.is_file():
        raise BackupError(f"There is no database at {source} yet: nothing to back up.")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    with closing(sqlite3.connect(source)) as live, closing(sqlite3.connect(partial)) as copy:
        live.backup(copy)
    partial.replace(target)
    return target.stat().st_size


def _check_is_our_database(path: Path) -> None:
    if not path.is_file():
        raise BackupError(f"{path} does not exist.")
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a database backup ({exc}).") from exc
    if not {"alembic_version", "learners", "trainers"} <= tables:
        raise BackupError(f"{path} is a SQLite file but not a backup of this app (no learners or trainers).")


def restore(url: str, source: Path, now: dt.datetime | None = None) -> Path | None:
    """Make ``source`` the database. The current one, if any, is moved aside; returns
    where it went. Stop the app first; start it again afterwards (it migrates)."""
    _check_is_our_database(source)
    database = sqlite_path(url)
    database.parent.mkdir(parents=True, exist_ok=True)
    partial = database.with_name(database.name + ".part")
    kept = None
    try:
        shutil.copyfile(source, partial)  # first, so a failed copy leaves everything as it was
        kept = _set_aside(database, now)
        partial.replace(database)
    except OSError as exc:  # e.g. Windows: the running app holds the file open
        partial.unlink(missing_ok=True)
        if kept is not None and not database.exists():
            kept.replace(database)  # put the one that was there back
        raise BackupError(f"Could not replace {database} ({exc}). Stop the app first, then try again.") from exc
    return kept


def _set_aside(database: Path, now: dt.datetime | None) -> Path | None:
    """Move the current database and its -wal/-shm files to a dated name; where they went."""
    if not database.exists():
        return None
    kept = database.with_name(f"{database.name}.before-restore-{_stamp(now)}")
    database.replace(kept)
    for suffix in COMPANIONS:  # they belong to the old file, never to the copy
        companion = database.with_name(database.name + suffix)
        if companion.exists():
            companion.replace(kept.with_name(kept.name + suffix))
    return kept
