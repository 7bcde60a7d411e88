""""⚠️ Cần hỗ trợ" on the trainer dashboard: who keeps failing which lesson's quiz."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import streamlit as st

from progress.review import needs_support
from ui import resources


class LearnerLike(Protocol):
    @property
    def learner_id(self) -> int: ...

    @property
    def display_name(self) -> str: ...


def support_badges(learners: Sequence[LearnerLike]) -> None:
    """One warning per learner who failed a lesson's quiz N times without passing it,
    naming the lessons in catalogue order. ``learners`` are the dashboard's rows
    (progress.reports.LearnerRow). Lessons retired from the catalogue are left out."""
    catalog = resources.catalog()
    policy = resources.review_policy()
    stuck = needs_support(resources.database(), [learner.learner_id for learner in learners], policy)
    order = {lesson.id: position for position, lesson in enumerate(catalog.lessons_in_order())}
    shown = False
    for learner in learners:
        lessons = sorted((lesson_id for lesson_id in stuck.get(learner.learner_id, []) if lesson_id in order), key=order.__getitem__)
        if lessons:
            titles = ", ".join(catalog.lessons[lesson_id].title for lesson_id in lessons)
            st.warning(f"Cần hỗ trợ: {learner.display_name} — {titles}", icon="⚠️")
            shown = True
    if shown:
        st.caption(f"Học viên làm bài kiểm tra {policy.support_after_failed_attempts} lần trở lên mà chưa đạt. "
                   "Hãy ngồi cùng họ xem lại bài.")
