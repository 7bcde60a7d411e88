"""The area tree: provinces, communes, teams, groups placed in teams; names cleaned and
duplicates refused; and what each role then sees (progress/scope.py)."""

import unicodedata

import pytest

from progress.account_error import AccountError
from progress.areas import (
    area_tree,
    create_commune,
    create_province,
    create_team,
    find_commune,
    find_team,
    group_places,
    place_group,
)
from progress.groups import create_group
from progress.scope import scope_of
from progress.staff_roles import StaffArea
from progress.trainers import create_trainer

PASSWORD = "mat-khau-du-dai"


def test_names_are_cleaned_and_a_name_taken_in_the_same_place_is_refused(db):
    province = create_province(db, "  Quảng   Ngãi ")
    assert province.name == "Quảng Ngãi"
    with pytest.raises(AccountError, match="Đã có tỉnh"):
        create_province(db, unicodedata.normalize("NFD", "quảng ngãi"))  # typed on another keyboard, lower case
    commune = create_commune(db, province.id, "Xã mẫu")
    with pytest.raises(AccountError, match="đã có"):
        create_commune(db, province.id, "XÃ MẪU")
    other = create_province(db, "Tỉnh mẫu khác")
    assert create_commune(db, other.id, "Xã mẫu").id != commune.id  # the same name in another province is fine
    team = create_team(db, commune.id, "Tổ 1")
    with pytest.raises(AccountError, match="đã có tổ"):
        create_team(db, commune.id, "tổ 1")
    with pytest.raises(AccountError, match="không được để trống"):
        create_team(db, commune.id, "   ")
    with pytest.raises(AccountError, match="Không tìm thấy"):
        create_team(db, 9999, "Tổ 2")
    with pytest.raises(AccountError, match="hãy ghi cả tỉnh"):
        find_commune(db, "Xã mẫu")
    assert find_commune(db, "Xã mẫu", province="Quảng Ngãi").id == commune.id
    assert find_team(db, "Tổ 1").id == team.id


def test_the_tree_and_a_group_placed_then_moved(db):
    province = create_province(db, "Quảng Ngãi")
    commune = create_commune(db, province.id, "Xã mẫu")
    first, second = create_team(db, commune.id, "Tổ 2"), create_team(db, commune.id, "Tổ 1")
    group = create_group(db, "Thôn Bờ He")
    assert group_places(db)[0].place == "Chưa thuộc tổ nào"
    place_group(db, group.id, first.id)
    moved = place_group(db, group.id, second.id)
    assert moved.place == "Tổ 1 · Xã mẫu · Quảng Ngãi"
    [tree] = area_tree(db)
    assert [team.name for team in tree.communes[0].teams] == ["Tổ 1", "Tổ 2"]
    assert tree.communes[0].teams[0].group_ids == (group.id,) and tree.communes[0].teams[1].group_ids == ()
    with pytest.raises(AccountError):
        place_group(db, group.id, 9999)
    assert place_group(db, group.id, None).team_id is None


@pytest.fixture
def two_communes(db):
    """Province P: commune A (team A1: group a1; team A2: group a2), commune B (team B1:
    group b1); group loose in no team."""
    province = create_province(db, "Quảng Ngãi")
    a, b = create_commune(db, province.id, "Xã A"), create_commune(db, province.id, "Xã B")
    teams = {"A1": create_team(db, a.id, "Tổ A1"), "A2": create_team(db, a.id, "Tổ A2"),
             "B1": create_team(db, b.id, "Tổ B1")}
    groups = {name: create_group(db, f"Nhóm {name}") for name in ("a1", "a2", "b1", "loose")}
    for name in ("a1", "a2", "b1"):
        place_group(db, groups[name].id, teams[name.upper()].id)
    return province, {"A": a, "B": b}, teams, groups


def test_each_role_sees_its_area(db, two_communes):
    province, communes, teams, groups = two_communes
    ids = {name: group.id for name, group in groups.items()}

    def sees(username, role, area=None, own=()):
        account = create_trainer(db, username, username, PASSWORD, [ids[name] for name in own], role, area)
        scope = scope_of(db, account.id)
        return scope, {name for name, group_id in ids.items() if scope.sees_group(group_id)}

    trainer, seen = sees("trainer", "trainer", own=("a1",))
    assert seen == {"a1"} and trainer.can_edit
    lead, seen = sees("lead", "team_lead", StaffArea(team_id=teams["A2"].id), own=("loose",))
    assert seen == {"a2", "loose"} and lead.can_edit
    commune, seen = sees("commune", "commune_officer", StaffArea(commune_id=communes["A"].id))
    assert seen == {"a1", "a2"} and not commune.can_edit
    with pytest.raises(AccountError, match="chỉ được xem"):
        commune.require_edit(ids["a1"])
    _, seen = sees("province", "province_officer", StaffArea(province_id=province.id))
    assert seen == {"a1", "a2", "b1"}
    admin, seen = sees("admin", "admin")
    assert seen == set(ids) and admin.is_admin
