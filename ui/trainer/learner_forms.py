"""Looking after a group's learners: add one, correct a name or give a new code,
change a name-card picture, export or delete their data."""

from __future__ import annotations

import json

import streamlit as st

from progress.account_error import AccountError
from progress.data_export import export_learner
from progress.groups import GroupInfo
from progress.learners import (
    AVATARS,
    LearnerInfo,
    create_learner,
    delete_learner,
    list_learners,
    set_avatar,
    update_learner,
)
from ui import resources
from ui.plain_text import as_text


def learner_forms(group: GroupInfo, flash_key: str) -> None:
    """The forms, each in its own expander; those about existing learners only when
    the group has some."""
    _add_form(group, flash_key)
    members = list_learners(resources.database(), group.id)
    if members:
        _edit_form(members, flash_key)
        _avatar_form(members, flash_key)
        _export_form(members)
        _delete_form(members, flash_key)


def _add_form(group: GroupInfo, flash_key: str) -> None:
    """A new learner: name, 4-digit code, picture for the name card."""
    db = resources.database()
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
                    st.error(as_text(exc))
                else:
                    st.session_state[flash_key] = f"Đã thêm {as_text(created.display_name)}."
                    st.rerun()


def _avatar_form(members: list[LearnerInfo], flash_key: str) -> None:
    """A new picture for a learner's name card."""
    with st.expander("🖼️ Đổi hình đại diện"), st.form("change_avatar"):
        who = st.selectbox("Học viên", members,
                           format_func=lambda member: f"{member.avatar or '👤'} {member.display_name}",
                           key="avatar_who")
        picture = st.selectbox("Hình mới", AVATARS, key="avatar_new")
        if st.form_submit_button("Đổi hình", width="stretch"):
            set_avatar(resources.database(), who.id, picture)
            st.session_state[flash_key] = f"Đã đổi hình của {as_text(who.display_name)} thành {picture}."
            st.rerun()


def _export_form(members: list[LearnerInfo]) -> None:
    """A copy of everything stored about a learner (their right to see it)."""
    with st.expander("📦 Xuất dữ liệu của học viên"):
        st.caption("Khi học viên muốn xem mình được lưu những gì: "
                   "tải về một tệp có tên, nhóm, cài đặt, tiến độ và bài làm.")
        chosen = st.selectbox("Học viên", members, format_func=lambda member: member.display_name, key="export_who")
        st.download_button(
            "📥 Tải dữ liệu (JSON)", key="export_download", width="stretch", mime="application/json",
            file_name=f"du-lieu-hoc-vien-{chosen.id}.json",
            data=lambda: json.dumps(export_learner(resources.database(), chosen.id), ensure_ascii=False, indent=2),
        )


def _delete_form(members: list[LearnerInfo], flash_key: str) -> None:
    """Delete a learner and all their data (their right to erasure), after a tick."""
    with st.expander("🗑️ Xoá học viên và toàn bộ dữ liệu"):
        st.caption("Khi học viên muốn xoá dữ liệu của mình: "
                   "tên, mã, tiến độ và bài làm đều bị xoá, không lấy lại được.")
        with st.form("delete_learner", clear_on_submit=True):
            doomed = st.selectbox("Học viên", members, format_func=lambda member: member.display_name, key="delete_who")
            sure = st.checkbox("Tôi chắc chắn muốn xoá", key="delete_sure")
            if st.form_submit_button("Xoá", width="stretch"):
                if not sure:
                    st.error("Hãy đánh dấu “Tôi chắc chắn muốn xoá” trước.")
                elif delete_learner(resources.database(), doomed.id):
                    st.session_state[flash_key] = f"Đã xoá {as_text(doomed.display_name)} và toàn bộ dữ liệu."
                    st.rerun()


def _edit_form(members: list[LearnerInfo], flash_key: str) -> None:
    """Correct a misspelt name, or give a new code to a learner who forgot theirs."""
    with st.expander("✏️ Sửa tên hoặc đổi mã"):
        with st.form("edit_learner", clear_on_submit=True):
            who = st.selectbox("Học viên", members, format_func=lambda member: member.display_name, key="edit_who")
            name = st.text_input("Tên mới (để trống nếu giữ tên cũ)", key="edit_name")
            code = st.text_input("Mã 4 số mới (khi học viên quên mã; để trống nếu giữ)", max_chars=4, key="edit_code")
            if st.form_submit_button("Lưu", width="stretch"):
                try:
                    changed = update_learner(resources.database(), who.id, display_name=name, code=code.strip())
                except AccountError as exc:
                    st.error(as_text(exc))
                else:
                    news = [f"tên mới {as_text(changed.display_name)}"] if name.strip() else []
                    news += ["mã mới (và mở khoá nếu đang bị khoá)"] if code.strip() else []
                    st.session_state[flash_key] = f"Đã lưu cho {as_text(who.display_name)}: {', '.join(news)}."
                    st.rerun()
