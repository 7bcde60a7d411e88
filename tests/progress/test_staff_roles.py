"""Staff accounts with a role and its area; a trainer's own name; co-trainers."""

import pytest

from progress.account_error import AccountError
from progress.areas import create_commune, create_province, create_team
from progress.groups import create_group
from progress.scope import scope_of
from progress.staff_roles import StaffArea, account_role, list_staff, set_role
from progress.trainers import add_co_trainer, create_trainer, get_trainer, rename_trainer, verify_trainer

PASSWORD = "mat-khau-du-dai"


@pytest.fixture
def area(db):
    province = create_province(db, "Quảng Ngãi")
    commune = create_commune(db, province.id, "Xã mẫu")
    team = create_team(db, commune.id, "Tổ mẫu")
    return province, commune, team


@pytest.mark.parametrize("role, needs", [("team_lead", "một tổ"), ("commune_officer", "xã / phường"),
                                         ("province_officer", "một tỉnh")])
def test_each_officer_role_needs_its_area_and_nothing_is_created_without(db, role, needs):
    with pytest.raises(AccountError, match=needs):
        create_trainer(db, "can-bo", "Cán bộ", PASSWORD, [], role, StaffArea(team_id=9999))
    assert verify_trainer(db, "can-bo", PASSWORD) is None
    with pytest.raises(AccountError, match="Không có vai trò"):
        create_trainer(db, "can-bo", "Cán bộ", PASSWORD, [], "boss")


def test_an_account_keeps_only_the_area_its_role_needs_and_changes_role(db, area):
    province, commune, team = area
    both = StaffArea(team_id=team.id, commune_id=commune.id, province_id=province.id)
    account = create_trainer(db, "lan", "Lê Thị Lan", PASSWORD, [], "commune_officer", both)
    [info] = list_staff(db)
    assert (info.role, info.role_name, info.area_name) == ("commune_officer", "Cán bộ Đoàn xã", "Xã mẫu")
    changed = set_role(db, "LAN", "team_lead", both)
    assert (changed.role, changed.area_name) == ("team_lead", "Tổ mẫu")
    assert scope_of(db, account.id).team_ids == frozenset({team.id})
    assert set_role(db, "lan", "trainer", both).area_name == ""
    assert account_role(db, account.id) == "trainer" and account_role(db, 9999) is None
    with pytest.raises(AccountError, match="Không có tài khoản"):
        set_role(db, "ai-do", "admin")


def test_a_staff_member_corrects_their_own_name(db):
    account = create_trainer(db, "nam", "nam", PASSWORD, [])
    assert rename_trainer(db, account.id, "  Đinh   Văn Nam ") == "Đinh Văn Nam"
    assert get_trainer(db, account.id).display_name == "Đinh Văn Nam"
    with pytest.raises(AccountError, match="để trống"):
        rename_trainer(db, account.id, " ")


def test_a_trainer_adds_a_co_trainer_to_their_own_group_only(db, area):
    mine, theirs = create_group(db, "Thôn Bờ He"), create_group(db, "Làng Rê")
    trainer = create_trainer(db, "nam", "Đinh Văn Nam", PASSWORD, [mine.id])
    create_trainer(db, "hoa", "Phạm Thị Hoa", PASSWORD, [])
    create_trainer(db, "tinh", "Cán bộ tỉnh", PASSWORD, [], "province_officer", StaffArea(province_id=area[0].id))
    scope = scope_of(db, trainer.id)
    assert add_co_trainer(db, scope, mine.id, " HOA ") == "Phạm Thị Hoa"
    assert mine.id in get_trainer(db, verify_trainer(db, "hoa", PASSWORD).id).group_ids
    with pytest.raises(AccountError, match="đã cùng phụ trách"):
        add_co_trainer(db, scope, mine.id, "hoa")
    with pytest.raises(AccountError, match="không thuộc phạm vi"):
        add_co_trainer(db, scope, theirs.id, "hoa")
    with pytest.raises(AccountError, match="Không có tài khoản"):
        add_co_trainer(db, scope, mine.id, "khong-co")
    with pytest.raises(AccountError, match="không phải tài khoản tập huấn viên"):
        add_co_trainer(db, scope, mine.id, "tinh")


def test_a_read_only_officer_cannot_add_a_co_trainer(db, area):
    province, _, team = area
    group = create_group(db, "Thôn Bờ He")
    from progress.areas import place_group

    place_group(db, group.id, team.id)
    officer = create_trainer(db, "tinh", "Cán bộ tỉnh", PASSWORD, [], "province_officer",
                             StaffArea(province_id=province.id))
    create_trainer(db, "hoa", "Phạm Thị Hoa", PASSWORD, [])
    with pytest.raises(AccountError, match="chỉ được xem"):
        add_co_trainer(db, scope_of(db, officer.id), group.id, "hoa")
