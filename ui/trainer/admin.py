"""The admin page (/quan-tri): the area tree (province → commune → team), which team each
group belongs to, the staff accounts (ui/trainer/admin_accounts.py) and the village
laptops that send their data here (ui/trainer/admin_laptops.py). Registered only
for admins (ui/trainer/menu.py); anyone else who reaches it is refused in words."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from progress.account_error import AccountError
from progress.areas import Area, area_tree, create_commune, create_province, create_team, group_places, place_group
from ui import resources
from ui.demo_account import staff_page
from ui.plain_text import as_text
from ui.trainer.admin_accounts import accounts_section
from ui.trainer.admin_laptops import laptops_section
from ui.trainer.area_choices import AreaChoices, area_choices
from ui.trainer.menu import trainer_menu

FLASH = "admin_flash"
NO_TEAM = 0  # in the "move to" picker: out of any team

trainer, scope = staff_page()
if not scope.is_admin:
    st.warning("Trang này chỉ dành cho tài khoản quản trị.")
    st.stop()
db = resources.database()

trainer_menu()
st.title("🛠️ Quản trị")
st.caption("Tạo tỉnh, xã / phường và tổ công nghệ số; xếp nhóm vào tổ; tạo tài khoản và giao vai trò.")
if FLASH in st.session_state:
    st.success(st.session_state.pop(FLASH))


def _added(action: Callable[[], Area], done: str) -> None:
    try:
        area = action()
    except AccountError as exc:
        st.error(as_text(exc))
    else:
        st.session_state[FLASH] = done.format(name=as_text(area.name))
        st.rerun()


def show_tree(choices: AreaChoices) -> None:
    st.subheader("🗺️ Tỉnh, xã / phường, tổ")
    tree = area_tree(db)
    if not tree:
        st.info("Chưa có tỉnh nào. Thêm tỉnh trước, rồi đến xã / phường, rồi đến tổ.")
    for province in tree:
        lines = [f"**{as_text(province.name)}**"]
        for commune in province.communes:
            lines.append(f"- {as_text(commune.name)}")
            lines += [f"    - {as_text(team.name)} ({len(team.group_ids)} nhóm)" for team in commune.teams]
        st.markdown("\n".join(lines))
    with st.expander("➕ Thêm tỉnh"), st.form("add_province", clear_on_submit=True):
        name = st.text_input("Tên tỉnh", key="admin_province_name")
        if st.form_submit_button("Thêm tỉnh", width="stretch"):
            _added(lambda: create_province(db, name), "Đã thêm tỉnh {name}.")
    if choices.provinces:
        with st.expander("➕ Thêm xã / phường"), st.form("add_commune", clear_on_submit=True):
            province_id = st.selectbox("Thuộc tỉnh", list(choices.provinces), format_func=choices.provinces.__getitem__,
                                       key="admin_commune_province")
            name = st.text_input("Tên xã / phường", key="admin_commune_name")
            if st.form_submit_button("Thêm xã / phường", width="stretch"):
                _added(lambda: create_commune(db, province_id, name), "Đã thêm {name}.")
    if choices.communes:
        with st.expander("➕ Thêm tổ công nghệ số"), st.form("add_team", clear_on_submit=True):
            commune_id = st.selectbox("Thuộc xã / phường", list(choices.communes),
                                      format_func=choices.communes.__getitem__, key="admin_team_commune")
            name = st.text_input("Tên tổ", key="admin_team_name")
            if st.form_submit_button("Thêm tổ", width="stretch"):
                _added(lambda: create_team(db, commune_id, name), "Đã thêm tổ {name}.")


def show_groups(choices: AreaChoices) -> None:
    st.subheader("🏘️ Nhóm học và tổ")
    places = group_places(db)
    if not places:
        st.caption("Chưa có nhóm học nào.")
        return
    st.dataframe(pd.DataFrame([{"Nhóm": p.group_name, "Thuộc": p.place} for p in places]),
                 hide_index=True, width="stretch", key="admin_groups")
    if not choices.teams:
        st.caption("Thêm một tổ để xếp nhóm vào tổ.")
        return
    with st.expander("🔀 Xếp nhóm vào tổ, hoặc chuyển sang tổ khác"), st.form("place_group"):
        place = st.selectbox("Nhóm cần xếp", places, format_func=lambda p: f"{p.group_name} ({p.place})",
                             key="admin_place_group")
        targets = {**choices.teams, NO_TEAM: "Chưa thuộc tổ nào"}
        team_id = st.selectbox("Vào tổ", list(targets), format_func=targets.__getitem__, key="admin_place_team")
        if st.form_submit_button("Lưu", width="stretch"):
            try:
                placed = place_group(db, place.group_id, None if team_id == NO_TEAM else team_id)
            except AccountError as exc:
                st.error(as_text(exc))
            else:
                st.session_state[FLASH] = f"Nhóm {as_text(placed.group_name)}: {as_text(placed.place)}."
                st.rerun()


choices = area_choices(area_tree(db))
show_tree(choices)
show_groups(choices)
accounts_section(db, choices, FLASH)
laptops_section(db, choices, FLASH, trainer.username)
