"""`manage.py add-province`, `add-commune`, `add-team`, `place-group`, `add-account` and
`set-role`: the area tree and staff accounts from the laptop's command line."""

import io

import pytest

import manage
from progress.areas import group_places
from progress.database import connect, upgrade_to_head
from progress.groups import create_group
from progress.scope import ROLES, scope_of
from progress.staff_roles import list_staff
from progress.trainers import verify_trainer

PASSWORD = "mat-khau-du-dai"


@pytest.fixture
def laptop(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'hoc.db'}"
    upgrade_to_head(url)
    monkeypatch.setenv("BDHVS_DATABASE__URL", url)
    return connect(url)


def run(*argv: str) -> int:
    return manage.main(list(argv))


def typed(monkeypatch, password: str = PASSWORD) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))


def test_the_role_choices_are_the_roles_of_the_scope():
    assert manage.ROLES == ROLES


def test_build_the_tree_and_place_then_move_a_group(laptop, capsys):
    assert run("add-province", "Quảng Ngãi") == 0
    assert run("add-commune", "Xã mẫu", "--province", "Quảng Ngãi") == 0
    assert run("add-team", "Tổ 1", "--commune", "Xã mẫu") == 0
    assert run("add-team", "Tổ 2", "--commune", "Xã mẫu") == 0
    out = capsys.readouterr().out
    assert "Province Quảng Ngãi added." in out and "Team Tổ 2 added to Xã mẫu." in out
    group = create_group(laptop, "Thôn Bờ He")
    assert run("place-group", "Thôn Bờ He", "--team", "Tổ 1") == 0
    assert run("place-group", "Thôn Bờ He", "--team", "Tổ 2") == 0
    assert "Group Thôn Bờ He is now in: Tổ 2 · Xã mẫu · Quảng Ngãi." in capsys.readouterr().out
    assert group_places(laptop)[0].team_name == "Tổ 2"
    assert run("place-group", "Thôn Bờ He") == 0
    assert group_places(laptop)[0].team_id is None and group.id == group_places(laptop)[0].group_id


def test_refusals_say_why_and_exit_1(laptop, capsys):
    run("add-province", "Quảng Ngãi")
    assert run("add-province", "quảng ngãi") == 1
    assert "Not added: Đã có tỉnh" in capsys.readouterr().err
    assert run("add-commune", "Xã mẫu", "--province", "Không có") == 1
    assert "Không có tỉnh" in capsys.readouterr().err
    assert run("place-group", "Không có nhóm", "--team", "Tổ 1") == 1
    assert "Not placed" in capsys.readouterr().err


def test_add_accounts_with_roles_and_change_a_role(laptop, monkeypatch, capsys):
    run("add-province", "Quảng Ngãi")
    run("add-commune", "Xã mẫu", "--province", "Quảng Ngãi")
    run("add-team", "Tổ 1", "--commune", "Xã mẫu")
    typed(monkeypatch)
    assert run("add-account", "to-truong", "--role", "team_lead", "--name", "Lê Văn Tổ", "--team", "Tổ 1") == 0
    assert "Account to-truong added: team_lead (Tổ trưởng tổ công nghệ số) of Tổ 1." in capsys.readouterr().out
    typed(monkeypatch)
    assert run("add-account", "can-bo-xa", "--role", "commune_officer") == 1
    assert "Cán bộ Đoàn xã cần chọn một xã / phường" in capsys.readouterr().err
    assert verify_trainer(laptop, "can-bo-xa", PASSWORD) is None
    typed(monkeypatch)
    assert run("add-account", "can-bo-xa", "--role", "commune_officer", "--commune", "Xã mẫu") == 0
    typed(monkeypatch)
    assert run("add-account", "quan-tri", "--role", "admin") == 0
    staff = {info.username: info for info in list_staff(laptop)}
    assert staff["can-bo-xa"].area_name == "Xã mẫu" and staff["quan-tri"].role == "admin"
    assert run("set-role", "can-bo-xa", "--role", "province_officer", "--province", "Quảng Ngãi") == 0
    assert "can-bo-xa is now province_officer of Quảng Ngãi." in capsys.readouterr().out
    account = verify_trainer(laptop, "can-bo-xa", PASSWORD)
    assert scope_of(laptop, account.id).role == "province_officer"
    assert run("set-role", "ai-do", "--role", "admin") == 1
    assert "Not changed" in capsys.readouterr().err
