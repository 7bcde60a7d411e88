"""Trainer dashboard: the group's results (ui/trainer/group_results.py), and looking
after its learners: unlock, add, change a picture, export or delete their data; and
the trainer's own account (ui/trainer/account_forms.py)."""

from __future__ import annotations

import json

import streamlit as st

from progress.accounts import (
    AVATARS, AccountError, create_learner, delete_empty_group, delete_learner, get_trainer, list_groups,
    list_learners, set_avatar,
)
from progress.data_export import export_learner
from progress.code_guard import locked_learners, unlock_learner
from progress.reports import group_progress
from progress.tracking import LessonStatus
from ui import resources
from ui.signin_state import current_signin, sign_out
from ui.trainer.account_forms import OPEN_GROUP_KEY, new_group_form, password_form
from ui.trainer.group_results import learner_detail, learner_summary, lessons_table, recent_results
from ui.trainer.menu import trainer_menu
from ui.trainer.support_badges import support_badges

signin = current_signin()
db = resources.database()
catalog = resources.catalog()
trainer = get_trainer(db, signin.account_id)
groups = [g for g in list_groups(db) if g.id in trainer.group_ids]

FLASH = "dashboard_flash"
trainer_menu()
st.title("📊 Tiến độ nhóm")
if FLASH in st.session_state:
    st.success(st.session_state.pop(FLASH))
st.caption(f"Tập huấn viên: {trainer.display_name}")

if not groups:
    st.info("Tài khoản này chưa có nhóm nào. Thêm nhóm đầu tiên ở dưới.")
    new_group_form(trainer, FLASH, expanded=True)
    password_form(trainer, FLASH)
    st.stop()

opening = st.session_state.pop(OPEN_GROUP_KEY, None)  # a group just added
if opening is not None:
    st.session_state["dashboard_group"] = next(g for g in groups if g.id == opening)
group = st.selectbox("Nhóm", groups, format_func=lambda g: g.name, key="dashboard_group")
lessons = catalog.lessons_in_order()
rows = group_progress(db, group.id)

for locked in locked_learners(db, group.id):
    st.warning(f"🔒 {locked.display_name} nhập sai mã nhiều lần nên bị khoá.")
    if st.button(f"🔓 Mở khoá cho {locked.display_name}", key=f"unlock_{locked.id}", width="stretch"):
        unlock_learner(db, locked.id)
        st.session_state[FLASH] = f"Đã mở khoá cho {locked.display_name}."
        st.rerun()

if not rows:
    st.info("Nhóm chưa có học viên. Thêm học viên ở dưới.")
    if st.button(f"🗑️ Xoá nhóm trống “{group.name}”", key="delete_empty_group", width="stretch"):
        try:
            delete_empty_group(db, group.id)
        except AccountError as exc:  # someone added a learner meanwhile
            st.error(str(exc))
        else:
            st.session_state.pop("dashboard_group", None)
            st.session_state[FLASH] = f"Đã xoá nhóm {group.name}."
            st.rerun()
else:
    support_badges(rows)
    cols = st.columns(2)
    cols[0].metric("Học viên", len(rows))
    cols[1].metric("Lượt đạt bài", sum(r.status(l.id) == LessonStatus.PASSED for r in rows for l in lessons))
    recent_results(rows, catalog)
    learner_summary(rows, catalog)
    lessons_table(rows, catalog)
    learner_detail(rows, catalog)

with st.expander("➕ Thêm học viên"):
    with st.form("add_learner", clear_on_submit=True):
        name = st.text_input("Họ và tên", key="new_learner_name")
        code = st.text_input("Mã 4 số (học viên dùng để vào học)", max_chars=4, key="new_learner_code")
        avatar = st.selectbox("Hình đại diện (để người không đọc được chữ tìm ra tên mình)", AVATARS,
                              key="new_learner_avatar")
        if st.form_submit_button("Thêm", width="stretch"):
            try:
                created = create_learner(db, group.id, name, code.strip(), avatar=avatar)
            except AccountError as exc:
                st.error(str(exc))
            else:
                st.session_state[FLASH] = f"Đã thêm {created.display_name}."
                st.rerun()

with st.expander("🖼️ Đổi hình đại diện"):
    members = list_learners(db, group.id)
    if members:
        with st.form("change_avatar"):
            who = st.selectbox("Học viên", members, format_func=lambda l: f"{l.avatar or '👤'} {l.display_name}",
                               key="avatar_who")
            picture = st.selectbox("Hình mới", AVATARS, key="avatar_new")
            if st.form_submit_button("Đổi hình", width="stretch"):
                set_avatar(db, who.id, picture)
                st.session_state[FLASH] = f"Đã đổi hình của {who.display_name} thành {picture}."
                st.rerun()

with st.expander("📦 Xuất dữ liệu của học viên"):
    st.caption("Khi học viên muốn xem mình được lưu những gì: tải về một tệp có tên, nhóm, cài đặt, tiến độ và bài làm.")
    members = list_learners(db, group.id)
    if members:
        chosen = st.selectbox("Học viên", members, format_func=lambda l: l.display_name, key="export_who")
        st.download_button(
            "📥 Tải dữ liệu (JSON)", key="export_download", width="stretch", mime="application/json",
            file_name=f"du-lieu-hoc-vien-{chosen.id}.json",
            data=lambda: json.dumps(export_learner(db, chosen.id), ensure_ascii=False, indent=2),
        )

with st.expander("🗑️ Xoá học viên và toàn bộ dữ liệu"):
    st.caption("Khi học viên muốn xoá dữ liệu của mình: tên, mã, tiến độ và bài làm đều bị xoá, không lấy lại được.")
    members = list_learners(db, group.id)
    if members:
        with st.form("delete_learner", clear_on_submit=True):
            doomed = st.selectbox("Học viên", members, format_func=lambda l: l.display_name, key="delete_who")
            sure = st.checkbox("Tôi chắc chắn muốn xoá", key="delete_sure")
            if st.form_submit_button("Xoá", width="stretch"):
                if not sure:
                    st.error("Hãy đánh dấu “Tôi chắc chắn muốn xoá” trước.")
                elif delete_learner(db, doomed.id):
                    st.session_state[FLASH] = f"Đã xoá {doomed.display_name} và toàn bộ dữ liệu."
                    st.rerun()

new_group_form(trainer, FLASH)
password_form(trainer, FLASH)

if st.button("🚪 Đăng xuất", key="trainer_sign_out", width="stretch"):
    sign_out()
    st.rerun()
