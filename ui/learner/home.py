"""Learner home: continue where you left off, then every lesson with its status."""

from __future__ import annotations

import streamlit as st

from catalog.narratable import continue_text, module_lessons_text, modules_text
from media.ui_phrases import WELCOME
from progress.classes.running import open_class_of_group
from progress.reports.lesson_states import learner_lessons, lesson_to_continue
from progress.reports.module_progress import module_progress
from ui import resources
from ui.learner.class_join import CLASS_PARAM, CODE_PARAM, idle_after
from ui.learner.review_card import review_card
from ui.lesson_status import status_icon
from ui.narration_widget import narrate
from ui.plain_text import as_text
from ui.signin_state import sign_out, signed_in_learner

learner = signed_in_learner("ui/learner/home.py")
db = resources.database()
catalog = resources.catalog()
states = learner_lessons(db, learner.id)

st.title(f"Chào {as_text(learner.display_name)} 👋")
open_class = open_class_of_group(db, learner.group_id, idle_after())
if open_class is not None:  # the group is in class right now: one tap joins it
    if st.button("🏫 Vào lớp học đang diễn ra", key="join_open_class", type="primary", width="stretch"):
        st.switch_page("ui/learner/class_follow.py",
                       query_params={CLASS_PARAM: str(open_class.class_id), CODE_PARAM: open_class.join_code})
narrate(WELCOME, "welcome")  # what the page holds and what each icon means, once
review_card()


def open_lesson_page(lesson_id: str) -> None:
    st.switch_page("ui/learner/lesson.py", query_params={"bai": lesson_id})


latest = lesson_to_continue(catalog, states)
if latest is not None:
    if st.button(f"▶️ Học tiếp: {latest.title}", type="primary", key="continue", width="stretch"):
        open_lesson_page(latest.id)
    narrate(continue_text(latest), "continue")

st.subheader("Các bài học")
narrate(modules_text(catalog), "modules", label="Nghe các phần")
for entry in module_progress(catalog, states):
    module, lessons = entry.module, entry.lessons
    # one module open at a time keeps the list short on a phone
    with st.expander(f"{module.icon} {module.title} · ✅ {entry.passed}/{entry.total}",
                     expanded=len(catalog.modules) == 1):
        narrate(module_lessons_text(catalog, module), f"module_{module.id}", label="Nghe các bài")
        for lesson in lessons:
            state = states.get(lesson.id)
            kind = "🖐️ Thực hành · " if lesson.kind == "practice" else ""
            label = f"{lesson.title}\n\n{kind}{status_icon(state)} · {lesson.minutes} phút"
            if st.button(label, key=f"lesson_{lesson.id}", width="stretch"):
                open_lesson_page(lesson.id)

if st.button("📊 Tiến bộ của tôi", key="my_progress", width="stretch"):
    st.switch_page("ui/learner/my_progress.py")
st.divider()
if st.button("⚙️ Cài đặt: cỡ chữ, giọng đọc, tiết kiệm dữ liệu", key="open_settings", width="stretch"):
    st.switch_page("ui/learner/settings.py")
if st.button("🚪 Đăng xuất", key="sign_out", width="stretch"):
    sign_out()
    st.rerun()
