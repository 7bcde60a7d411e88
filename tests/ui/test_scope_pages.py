"""Who sees what, on every staff page and in every export, for every role — and with a
group or class id of another area typed into the address.

The area: the demo province Quảng Ngãi with the demo commune and team (group Thôn Bờ He,
trainer tapsu) and a second commune, "Xã khác", whose team has group Làng Rê (trainer
nam, with a class); a second province has group "Nhóm tỉnh khác". Each role signs in on
the trainer sign-in page, as staff do."""

from __future__ import annotations

import csv
import io

import pytest

from progress.areas import (
    create_commune,
    create_province,
    create_team,
    find_commune,
    find_province,
    find_team,
    place_group,
)
from progress.classes.running import start_class
from progress.demo import DEMO_ADMIN, DEMO_COMMUNE, DEMO_PROVINCE, DEMO_TEAM
from progress.groups import create_group, list_groups
from progress.learners import create_learner, list_learners
from progress.staff_roles import StaffArea
from progress.trainers import create_trainer
from tests.ui.flows import texts
from tests.ui.test_trainer_flow import trainer_signs_in
from ui.trainer.menu import PAGES

PASSWORD = "mat-khau-du-dai"
ACCOUNTS = {  # role: (username, password, groups it must see)
    "trainer": ("tapsu", "hocvuso2025", {"Thôn Bờ He"}),
    "team_lead": ("totruong", PASSWORD, {"Thôn Bờ He"}),
    "commune_officer": ("canboxa", PASSWORD, {"Thôn Bờ He"}),
    "province_officer": ("canbotinh", PASSWORD, {"Thôn Bờ He", "Làng Rê"}),
    "admin": (DEMO_ADMIN[0], DEMO_ADMIN[2], {"Thôn Bờ He", "Làng Rê", "Nhóm tỉnh khác"}),
}
ALL_GROUPS = {"Thôn Bờ He", "Làng Rê", "Nhóm tỉnh khác"}
GROUP_PAGES = {"ui/trainer/dashboard.py", "ui/trainer/qr_cards.py", "ui/trainer/classes_held.py"}  # ?nhom=ID


@pytest.fixture
def areas(app_env):
    db = app_env
    commune_id = find_commune(db, DEMO_COMMUNE).id
    province_id = find_province(db, DEMO_PROVINCE).id
    other_commune = create_commune(db, province_id, "Xã khác")
    rê = create_group(db, "Làng Rê")
    place_group(db, rê.id, create_team(db, other_commune.id, "Tổ khác").id)
    create_learner(db, rê.id, "Đinh Văn Rê", "1111")
    nam = create_trainer(db, "nam", "Đinh Văn Nam", PASSWORD, [rê.id])
    far = create_group(db, "Nhóm tỉnh khác")
    far_province = create_province(db, "Tỉnh mẫu khác")
    place_group(db, far.id, create_team(db, create_commune(db, far_province.id, "Xã xa").id, "Tổ xa").id)
    create_trainer(db, "totruong", "Tổ trưởng", PASSWORD, [], "team_lead",
                   StaffArea(team_id=find_team(db, DEMO_TEAM).id))
    create_trainer(db, "canboxa", "Cán bộ xã", PASSWORD, [], "commune_officer", StaffArea(commune_id=commune_id))
    create_trainer(db, "canbotinh", "Cán bộ tỉnh", PASSWORD, [], "province_officer",
                   StaffArea(province_id=province_id))
    class_of_rê = start_class(db, nam.id, rê.id, ["bai-mau"], "Nhà văn hóa Làng Rê")
    return {"ids": {g.name: g.id for g in list_groups(db)}, "class_of_rê": class_of_rê.class_id}


def signed_in(new_app, role):  # type: ignore[no-untyped-def]
    username, password, _ = ACCOUNTS[role]
    return trainer_signs_in(new_app(), password=password, username=username)


def offered_groups(at) -> set[str]:  # type: ignore[no-untyped-def]
    """Every group any "Nhóm" picker on the page offers (an option may name its team too)."""
    options = [option for box in at.selectbox if box.label == "Nhóm" for option in box.options]
    return {name for option in options for name in ALL_GROUPS if name in option}


def outside_group(role: str, ids: dict[str, int]) -> int:
    return ids[sorted(ALL_GROUPS - ACCOUNTS[role][2])[0]]


CASES = [(page.path, role) for page in PAGES for role in ACCOUNTS]


@pytest.mark.parametrize("path, role", CASES, ids=[f"{p.split('/')[-1][:-3]}-{r}" for p, r in CASES])
def test_every_staff_page_for_every_role(new_app, areas, downloads, path, role):
    page = next(p for p in PAGES if p.path == path)
    at = signed_in(new_app, role)
    if role not in page.roles:
        with pytest.raises(ValueError):  # not registered for this role: a typed address finds no page
            at.switch_page(path)
        assert page.title not in [link.label for link in at.get("page_link")]
        return
    at.switch_page(path).run()
    assert not at.exception, at.exception
    seen = ACCOUNTS[role][2]
    assert offered_groups(at) <= seen
    if path == "ui/trainer/dashboard.py":
        assert offered_groups(at) == seen
    for data, name in downloads:  # every CSV / JSON export the page drew (an XLSX is zipped: read it in its test)
        leaked = {group for group in ALL_GROUPS - seen if group in data.decode("utf-8", "ignore")}
        assert not leaked, f"{name} holds another area's group"
    if role == "admin":
        return  # sees every group: nothing outside to type into the address
    outside = outside_group(role, areas["ids"])
    at.query_params["nhom"] = str(outside)
    at.query_params["lop"] = str(areas["class_of_rê"]) if role != "province_officer" else ""
    if path == "ui/trainer/classes_held.py" and role != "province_officer":
        del at.query_params["nhom"]
        at.query_params["buoi"] = str(areas["class_of_rê"])  # another group's class held
    at.run()
    assert not at.exception, at.exception
    page_text = texts(at)
    assert not {name for name in ALL_GROUPS - seen if name in page_text}, "another area's group is named"
    assert offered_groups(at) <= seen
    if path in GROUP_PAGES:
        assert "không thuộc phạm vi tài khoản của bạn" in page_text
    if path == "ui/trainer/present.py":
        assert "không trình chiếu được" in page_text
        assert not [b for b in at.button if b.key and b.key.startswith("present_")]


TEAM_OF = {"Thôn Bờ He": DEMO_TEAM, "Làng Rê": "Tổ khác", "Nhóm tỉnh khác": "Tổ xa"}


@pytest.mark.parametrize("role", ACCOUNTS)
def test_the_area_report_and_its_files_hold_only_the_area(new_app, areas, downloads, role):
    """The report page (by team and by commune), its two CSV files and its XLSX name no
    team outside the account's area."""
    from openpyxl import load_workbook

    from progress.reports.area_export import TEAM

    at = signed_in(new_app, role)
    at.switch_page("ui/trainer/reports.py").run()
    at.button(key="make_report").click().run()
    teams = {TEAM_OF[group] for group in ACCOUNTS[role][2]}
    table = next(frame.value for frame in at.dataframe if TEAM in frame.value.columns)
    assert set(table[TEAM]) - {""} <= teams | {"Chưa xếp tổ"} and teams <= set(table[TEAM])
    files = {name.rsplit("-", 1)[-1]: data for data, name in downloads if name.startswith("bao-cao-")}
    rows = list(csv.DictReader(io.StringIO(files["to.csv"].decode("utf-8-sig"))))
    assert {row[TEAM] for row in rows} - {""} == set(table[TEAM]) - {""}
    sheet = load_workbook(io.BytesIO(next(data for name, data in files.items() if name.endswith(".xlsx"))))["Theo tổ"]
    header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    column = header.index(TEAM)
    named = {row[column] for row in sheet.iter_rows(min_row=2, values_only=True)} - {None, ""}
    assert named == set(table[TEAM]) - {""}
    assert not (set(TEAM_OF.values()) - teams) & named, "a team outside the area is in the XLSX"


@pytest.mark.parametrize("role", ["commune_officer", "province_officer"])
def test_read_only_officers_see_but_cannot_change(new_app, areas, role):
    at = signed_in(new_app, role)
    assert len(next(f.value for f in at.dataframe if "Đã đạt" in f.value.columns)) > 0  # they do see learners
    keys = {widget.key for widget in [*at.button, *at.text_input, *at.selectbox]}
    labels = " ".join(b.label for b in at.button)
    for forbidden in ("new_learner_name", "new_group_name", "edit_who", "delete_who", "export_who",
                      "co_trainer_username", "delete_empty_group"):
        assert forbidden not in keys
    assert "Thêm" not in labels and "Xoá" not in labels and "Mở khoá" not in labels
    assert "own_name_new" in keys and "password_current" in keys  # their own account they do change


@pytest.mark.parametrize("role", ["trainer", "team_lead", "admin"])
def test_those_who_may_change_a_group_get_its_forms_and_exports(new_app, app_env, areas, role):
    at = signed_in(new_app, role)
    keys = {widget.key for widget in [*at.button, *at.text_input, *at.selectbox]}
    assert {"new_learner_name", "export_who", "co_trainer_username"} <= keys
    group = at.selectbox(key="dashboard_group").value
    assert group.name in ACCOUNTS[role][2]
    exportable = set(at.selectbox(key="export_who").options)
    assert exportable == {learner.display_name for learner in list_learners(app_env, group.id)}


def test_a_class_of_another_group_in_the_address_is_refused_and_ones_own_is_shown(new_app, app_env, areas):
    at = signed_in(new_app, "trainer")
    at.switch_page("ui/trainer/present.py")
    at.query_params["lop"] = str(areas["class_of_rê"])
    at.run()
    assert "không trình chiếu được" in texts(at)
    assert not [b for b in at.button if b.key and b.key.startswith("present_")]
    own = start_class(app_env, 1, areas["ids"]["Thôn Bờ He"], ["bai-mau"], "Nhà văn hóa")
    at.query_params["lop"] = str(own.class_id)
    at.run()
    assert any(b.key == "present_next" for b in at.button)
