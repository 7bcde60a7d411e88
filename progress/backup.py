"""Copies of the SQLite database, so a lost or broken laptop does not lose a class's work.

``backup`` uses SQLite's online backup, so it is consistent even while the app is
serving (WAL mode). ``restore`` puts a copy back, after setting the current database
(and its -wal/-shm companions) aside under a dated name: nothing is thrown away.
``prune_backups`` deletes the dated copies in data/backups older than the days the
setting ``backup.keep_days`` keeps (a deleted learner's name stays in older copies until
then). PostgreSQL has its own tools (pg_dump / pg_restore).
"""

from __future__ import annotations

import datetime as dt
import re
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


def prune_backups(url: str, keep_days: int, now: dt.datetime | None = None) -> list[Path]:
    """Delete the backups in data/backups (named by ``default_backup_path``) taken more than
    ``keep_days`` days before ``now``; 0 keeps every one. Returns the files deleted. Only
    this database's dated copies are touched, read by the date in their name."""
    if keep_days <= 0:
        return []
    folder = default_backup_path(url).parent
    if not folder.is_dir():
        return []
    named = re.compile(re.escape(sqlite_path(url).stem) + r"-(\d{8}-\d{6})\.db")
    oldest = (now or dt.datetime.now()) - dt.timedelta(days=keep_days)
    deleted = []
    for file in sorted(folder.iterdir()):
        found = named.fullmatch(file.name)
        if found and dt.datetime.strptime(found.group(1), "%Y%m%d-%H%M%S") < oldest:
            file.unlink()
            deleted.append(file)
    return deleted


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
