"""`manage.py backup` and `restore` as a trainer runs them on the laptop."""

import manage
from progress.database import connect, upgrade_to_head
from progress.groups import create_group, list_groups


def test_backup_then_restore_from_the_command_line(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'data' / 'hoc-vu-so.db'}"
    upgrade_to_head(url)
    create_group(connect(url), "Thôn Bờ He")
    monkeypatch.setenv("BDHVS_DATABASE__URL", url)

    assert manage.main(["backup"]) == 0
    out = capsys.readouterr().out
    made = list((tmp_path / "data" / "backups").glob("hoc-vu-so-*.db"))
    assert len(made) == 1 and str(made[0]) in out

    create_group(connect(url), "Nhóm thêm sau")
    assert manage.main(["restore", str(made[0])]) == 0
    assert "kept as" in capsys.readouterr().out
    assert [g.name for g in list_groups(connect(url))] == ["Thôn Bờ He"]

    assert manage.main(["restore", str(tmp_path / "nothing.db")]) == 1
    assert "Nothing restored" in capsys.readouterr().err


def test_backup_deletes_copies_older_than_the_days_kept(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'data' / 'hoc-vu-so.db'}"
    upgrade_to_head(url)
    monkeypatch.setenv("BDHVS_DATABASE__URL", url)
    monkeypatch.setenv("BDHVS_BACKUP__KEEP_DAYS", "7")
    old = tmp_path / "data" / "backups" / "hoc-vu-so-20200101-090000.db"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"")

    assert manage.main(["backup"]) == 0
    assert not old.exists() and f"Deleted {old}" in capsys.readouterr().out
    assert len(list(old.parent.glob("hoc-vu-so-*.db"))) == 1
