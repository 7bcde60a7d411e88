"""Backups of the SQLite database, and putting one back without losing the current one."""

import datetime as dt
import sqlite3

import pytest

from progress.backup import BackupError, backup, default_backup_path, restore, sqlite_path
from progress.database import connect, upgrade_to_head
from progress.groups import create_group, list_groups
from progress.learners import create_learner, list_learners

NOW = dt.datetime(2026, 11, 29, 9, 30, 0)


@pytest.fixture
def laptop(tmp_path):
    url = f"sqlite:///{tmp_path / 'data' / 'hoc-vu-so.db'}"
    upgrade_to_head(url)
    db = connect(url)
    group = create_group(db, "Thôn Bờ He")
    create_learner(db, group.id, "Đinh Thị Hoa", "1234")
    yield url, db
    db.kw["bind"].dispose()


def names(db):
    return [member.display_name for g in list_groups(db) for member in list_learners(db, g.id)]


def test_a_backup_taken_while_the_app_writes_has_everything_committed(laptop, tmp_path):
    url, db = laptop
    with db() as session:  # the app holds a connection open, in WAL mode
        session.connection()
        target = tmp_path / "usb" / "copy.db"
        assert backup(url, target) > 0
    copy = connect(f"sqlite:///{target}")
    assert names(copy) == ["Đinh Thị Hoa"]
    assert not target.with_name("copy.db.part").exists()
    assert default_backup_path(url, NOW) == sqlite_path(url).parent / "backups" / "hoc-vu-so-20261129-093000.db"


def test_restore_puts_the_copy_back_and_keeps_the_database_it_replaces(laptop, tmp_path):
    url, db = laptop
    saved = tmp_path / "copy.db"
    backup(url, saved)
    create_learner(db, list_groups(db)[0].id, "Người thêm sau", "5555")  # then the laptop's copy changes
    db.kw["bind"].dispose()  # the app is stopped
    database = sqlite_path(url)
    database.with_name("hoc-vu-so.db-wal").write_bytes(b"left by the old database")

    kept = restore(url, saved, NOW)
    # a journal left by the old file goes with it: applied to the copy it would corrupt it
    assert not database.with_name("hoc-vu-so.db-wal").exists()
    assert kept.with_name(kept.name + "-wal").read_bytes() == b"left by the old database"
    assert kept.name == "hoc-vu-so.db.before-restore-20261129-093000"
    assert names(connect(url)) == ["Đinh Thị Hoa"]
    assert sorted(names(connect(f"sqlite:///{kept}"))) == ["Người thêm sau", "Đinh Thị Hoa"]  # nothing lost


def test_restore_refuses_what_is_not_a_backup_and_changes_nothing(laptop, tmp_path):
    url, db = laptop
    not_db = tmp_path / "photo.jpg"
    not_db.write_bytes(b"\xff\xd8 not a database")
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
    for wrong in (not_db, other, tmp_path / "missing.db"):
        with pytest.raises(BackupError):
            restore(url, wrong, NOW)
    assert names(db) == ["Đinh Thị Hoa"]
    assert not list(sqlite_path(url).parent.glob("*.before-restore-*"))


def test_postgresql_and_a_missing_database_are_explained():
    with pytest.raises(BackupError, match="pg_dump"):
        backup("postgresql+psycopg://postgres@127.0.0.1/test", default_backup_path("sqlite:////tmp/x.db"))
    with pytest.raises(BackupError, match="nothing to back up"):
        backup("sqlite:////nonexistent-dir/none.db", default_backup_path("sqlite:////tmp/x.db"))


def test_a_database_the_system_will_not_let_go_is_explained_and_left_as_it_was(laptop, tmp_path, monkeypatch):
    url, db = laptop
    saved = tmp_path / "copy.db"
    backup(url, saved)
    original = sqlite_path(url).read_bytes()

    def locked(self, target):  # what Windows does while the app has the file open
        raise PermissionError("The process cannot access the file because it is being used")

    monkeypatch.setattr(type(sqlite_path(url)), "replace", locked)
    with pytest.raises(BackupError, match="Stop the app first"):
        restore(url, saved, NOW)
    monkeypatch.undo()
    assert sqlite_path(url).read_bytes() == original
    assert not list(sqlite_path(url).parent.glob("*.part"))


def test_if_the_copy_cannot_be_put_in_place_the_old_database_goes_back(laptop, tmp_path, monkeypatch):
    url, db = laptop
    saved = tmp_path / "copy.db"
    backup(url, saved)
    db.kw["bind"].dispose()
    original = sqlite_path(url).read_bytes()
    real_replace = type(sqlite_path(url)).replace

    def fail_for_the_copy(self, target):
        if self.name.endswith(".part"):
            raise PermissionError("disk said no")
        return real_replace(self, target)

    monkeypatch.setattr(type(sqlite_path(url)), "replace", fail_for_the_copy)
    with pytest.raises(BackupError):
        restore(url, saved, NOW)
    monkeypatch.undo()
    assert sqlite_path(url).read_bytes() == original


def test_a_deleted_learner_s_name_is_gone_from_the_database_and_its_wal_file(tmp_path):
    """Deleted means gone: not in the database file's free pages, not in the -wal file."""
    from progress.learners import delete_learner

    path = tmp_path / "data" / "hoc-vu-so.db"
    url = f"sqlite:///{path}"
    upgrade_to_head(url)
    db = connect(url)
    try:
        group = create_group(db, "Thôn Bờ He")
        doomed = create_learner(db, group.id, "Zyxwvu Quặc Tênriêng", "9876")
        create_learner(db, group.id, "Đinh Thị Hoa", "1234")
        with db() as session:  # the app keeps a connection open, as it does while serving
            session.connection()
            assert delete_learner(db, doomed.id) is True
        marker = "Zyxwvu Quặc Tênriêng".encode()
        files = [path, path.with_name(path.name + "-wal")]
        assert all(marker not in file.read_bytes() for file in files if file.exists())
        assert names(db) == ["Đinh Thị Hoa"]
    finally:
        db.kw["bind"].dispose()


def test_backups_older_than_the_days_kept_are_deleted_and_nothing_else(laptop):
    from progress.backup import prune_backups

    url, _db = laptop
    for day in (1, 15, 28):
        backup(url, default_backup_path(url, dt.datetime(2026, 11, day, 18, 0, 0)))
    folder = sqlite_path(url).parent / "backups"
    (folder / "ghi-chu.txt").write_text("giữ lại")  # not a dated copy of this database
    (folder / "khac-20260101-000000.db").write_bytes(b"")  # another database's copy

    assert prune_backups(url, 0, NOW) == []  # 0 keeps them all
    deleted = prune_backups(url, 14, NOW)
    assert [file.name for file in deleted] == ["hoc-vu-so-20261101-180000.db"]
    assert sorted(file.name for file in folder.iterdir()) == [
        "ghi-chu.txt", "hoc-vu-so-20261115-180000.db", "hoc-vu-so-20261128-180000.db", "khac-20260101-000000.db"]
