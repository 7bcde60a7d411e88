"""Trainer dashboard: the group's results (ui/trainer/group_results.py), unlocking
learners, looking after them (ui/trainer/learner_forms.py), and the trainer's own
account (ui/trainer/account_forms.py)."""

from __future__ import annotations

import streamlit as st

from progress.account_error import AccountError
from progress.code_guard import locked_learners, unlock_learner
from progress.groups import delete_empty_group
from progress.reports.group_summary import lessons_passed
from progress.reports.lesson_states import group_progress
from ui import resources
from ui.demo_account import staff_page
from ui.plain_text import as_text
from ui.signin_state import sign_out
from ui.trainer.account_forms import OPEN_GROUP_KEY, own_account_forms
from ui.trainer.group_choice import GROUP_PARAM, choose_group, scoped_groups
from ui.trainer.group_results import learner_detail, learner_summary, lessons_table, recent_results
from ui.trainer.learner_forms import learner_forms
from ui.trainer.menu import trainer_menu
from ui.trainer.reteach import reteach_sections
from ui.trainer.support_badges import support_badges

trainer, scope = staff_page()
db = resources.database()
catalog = resources.catalog()
groups = scoped_groups(scope)

FLASH = "dashboard_flash"
trainer_menu()
st.title("📊 Tiến độ nhóm")
if FLASH in st.session_state:
    st.success(st.session_state.pop(FLASH))
st.caption(f"Tập huấn viên: {as_text(trainer.display_name)}")

if not groups:
    st.info("Tài khoản này chưa có nhóm nào. Thêm nhóm đầu tiên ở dưới." if scope.can_edit
            else "Khu vực của tài khoản này chưa có nhóm nào.")
    own_account_forms(trainer, scope, groups, FLASH, first_group=True)
    st.stop()

opening = st.session_state.pop(OPEN_GROUP_KEY, None)  # a group just added
if opening is not None:
    st.session_state["dashboard_group"] = next(g for g in groups if g.id == opening)
group = choose_group(scope, groups, "dashboard_group")
rows = group_progress(db, group.id)

for locked in locked_learners(db, group.id):
    st.warning(f"🔒 {as_text(locked.display_name)} nhập sai mã nhiều lần nên bị khoá.")
    if scope.can_edit and st.button(f"🔓 Mở khoá cho {as_text(locked.display_name)}", key=f"unlock_{locked.id}",
                                    width="stretch"):
        unlock_learner(db, locked.id)
        st.session_state[FLASH] = f"Đã mở khoá cho {as_text(locked.display_name)}."
        st.rerun()

if not rows:
    st.info("Nhóm chưa có học viên. Thêm học viên ở dưới." if scope.can_edit else "Nhóm chưa có học viên.")
    if scope.can_edit and st.button(f"🗑️ Xoá nhóm trống “{as_text(group.name)}”", key="delete_empty_group",
                                    width="stretch"):
        try:
            scope.require_edit(group.id)
            delete_empty_group(db, group.id)
        except AccountError as exc:  # someone added a learner meanwhile
            st.error(as_text(exc))
        else:
            st.session_state.pop("dashboard_group", None)
            st.query_params.pop(GROUP_PARAM, None)
            st.session_state[FLASH] = f"Đã xoá nhóm {as_text(group.name)}."
            st.rerun()
else:
    support_badges(rows)
    cols = st.columns(2)
    cols[0].metric("Học viên", len(rows))
    cols[1].metric("Lượt đạt bài", lessons_passed(rows, catalog))
    recent_results(rows, catalog)
    learner_summary(rows, catalog)
    lessons_table(rows, catalog)
    learner_detail(rows, catalog)
    reteach_sections(group)

if scope.can_edit:
    learner_forms(group, FLASH)
st.page_link("ui/trainer/reports.py", label="Báo cáo cho xã / tỉnh đoàn: trang Báo cáo", icon="📈")

own_account_forms(trainer, scope, groups, FLASH)

if st.button("🚪 Đăng xuất", key="trainer_sign_out", width="stretch"):
    sign_out()
    st.rerun()
