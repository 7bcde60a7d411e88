"""`manage.py add-trainer` and `set-password`: real accounts instead of the demo one."""

import io

import pytest

import manage
from progress.database import connect, upgrade_to_head
from progress.groups import create_group, list_groups
from progress.trainers import verify_trainer


@pytest.fixture
def laptop(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'hoc.db'}"
    upgrade_to_head(url)
    monkeypatch.setenv("BDHVS_DATABASE__URL", url)
    return connect(url)


def typed(monkeypatch, password: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))


def test_add_a_trainer_for_an_existing_and_a_new_group(laptop, monkeypatch, capsys):
    create_group(laptop, "Thôn Bờ He")
    typed(monkeypatch, "mat-khau-cua-nam")
    code = manage.main(["add-trainer", "nam", "--name", "Đinh Văn Nam", "--group", "Thôn Bờ He", "--group", "Làng Rê"])
    assert code == 0
    out = capsys.readouterr().out
    assert "Trainer nam added" in out and "New groups: Làng Rê." in out
    trainer = verify_trainer(laptop, "nam", "mat-khau-cua-nam")
    assert trainer.display_name == "Đinh Văn Nam"
    assert sorted(g.name for g in list_groups(laptop) if g.id in trainer.group_ids) == ["Làng Rê", "Thôn Bờ He"]


def test_a_short_password_or_a_taken_name_adds_nothing(laptop, monkeypatch, capsys):
    typed(monkeypatch, "ngan")
    assert manage.main(["add-trainer", "nam", "--group", "Làng Rê"]) == 1
    assert "ít nhất 8" in capsys.readouterr().err
    assert verify_trainer(laptop, "nam", "ngan") is None and list_groups(laptop) == []
    typed(monkeypatch, "mat-khau-cua-nam")
    assert manage.main(["add-trainer", "nam"]) == 0
    typed(monkeypatch, "mat-khau-khac-nua")
    assert manage.main(["add-trainer", "nam", "--group", "Làng Rê"]) == 1
    assert "đã có người dùng" in capsys.readouterr().err
    assert list_groups(laptop) == []


def test_set_a_forgotten_password(laptop, monkeypatch, capsys):
    typed(monkeypatch, "mat-khau-cu-da-quen")
    manage.main(["add-trainer", "nam"])
    typed(monkeypatch, "mat-khau-moi-nhe")
    assert manage.main(["set-password", "nam"]) == 0
    assert verify_trainer(laptop, "nam", "mat-khau-moi-nhe") is not None
    typed(monkeypatch, "mat-khau-moi-nhe")
    assert manage.main(["set-password", "khong-co-ai"]) == 1
    assert "Không có tập huấn viên" in capsys.readouterr().err


def test_commands_on_a_database_not_set_up_say_what_to_run(tmp_path, monkeypatch):
    monkeypatch.setenv("BDHVS_DATABASE__URL", f"sqlite:///{tmp_path / 'empty.db'}")
    typed(monkeypatch, "mat-khau-cua-nam")
    with pytest.raises(SystemExit, match="dev.py manage migrate"):
        manage.main(["add-trainer", "nam"])


def test_unlock_a_trainer_locked_by_wrong_passwords(laptop, monkeypatch, capsys):
    from progress.password_guard import check_trainer_password, trainer_is_locked

    typed(monkeypatch, "mat-khau-cua-nam")
    assert manage.main(["add-trainer", "nam"]) == 0
    for _ in range(2):
        check_trainer_password(laptop, "nam", "sai", max_failures=2, lock_minutes=15)
    assert trainer_is_locked(laptop, "nam")
    assert manage.main(["unlock-trainer", "nam"]) == 0
    assert "can sign in again" in capsys.readouterr().out
    assert not trainer_is_locked(laptop, "nam")
    assert manage.main(["unlock-trainer", "khong-co"]) == 1
    assert "Không có tài khoản" in capsys.readouterr().err


def test_unlock_an_address_held_back_by_wrong_passwords(laptop, capsys):
    from progress.address_guard import AddressLimits, claim_address_try

    limits = AddressLimits(max_failures=1, window_minutes=15)
    assert claim_address_try(laptop, "192.168.1.66", limits).allowed
    assert not claim_address_try(laptop, "192.168.1.66", limits).allowed
    assert manage.main(["unlock-address", "192.168.1.66"]) == 0
    assert "can try passwords again" in capsys.readouterr().out
    assert claim_address_try(laptop, "192.168.1.66", limits).allowed
    assert manage.main(["unlock-address", "10.0.0.9"]) == 0
    assert "was not held back" in capsys.readouterr().out
