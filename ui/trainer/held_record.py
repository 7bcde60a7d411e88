"""One class held, opened from the list (?buoi=ID): its record; for a class entered by
hand and an account that may change its group, correcting it and deleting it."""

from __future__ import annotations

import streamlit as st

from progress.account_error import AccountError
from progress.areas import GroupPlace
from progress.classes.by_hand import BY_HAND, delete_by_hand, hand_entry
from progress.classes.errors import ClassError
from progress.classes.records import class_record
from progress.scope import OUTSIDE, Scope
from ui import resources
from ui.plain_text import as_text
from ui.trainer.class_record_view import show_record
from ui.trainer.hand_class_form import FLASH, OPENED, hand_class_form


def close_record() -> None:
    st.query_params.pop(OPENED, None)


def _delete(scope: Scope, class_id: int) -> None:
    try:
        delete_by_hand(resources.database(), scope, class_id)
    except (ClassError, AccountError) as exc:
        st.session_state[FLASH] = as_text(exc)
        return
    st.session_state[FLASH] = "Đã xoá buổi học ghi nhầm."
    close_record()


def show_opened(class_id: int, trainer_id: int, scope: Scope, groups: list[GroupPlace]) -> None:
    st.button("⬅️ Về danh sách buổi học", key="held_back", on_click=close_record)
    record = class_record(resources.database(), class_id)
    if record is None:
        st.warning("Không tìm thấy buổi học này (có thể đã bị xoá). Hãy chọn lại trong danh sách.")
        return
    if not scope.sees_group(record.state.group_id):
        st.warning(OUTSIDE)
        return
    if record.state.is_open:
        st.info("Buổi học này đang diễn ra; số liệu còn thay đổi đến khi kết thúc.")
    show_record(record, resources.catalog())
    if record.state.ended_by != BY_HAND or not scope.can_edit:
        return
    start = hand_entry(resources.database(), class_id)
    if start is None:
        return
    with st.expander("✏️ Sửa buổi học này (điểm danh, ghi chú, …)"):
        hand_class_form(trainer_id, scope, [g for g in groups if g.group_id == start.group_id], class_id, start)
    with st.expander("🗑️ Xoá buổi học ghi nhầm"):
        st.caption("Chỉ xoá khi buổi học này được ghi nhầm (ghi hai lần, nhầm nhóm…). Xoá rồi không lấy lại được.")
        st.button("🗑️ Xoá hẳn buổi học này", key="held_delete", width="stretch", on_click=_delete,
                  args=(scope, class_id))
