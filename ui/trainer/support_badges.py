""""⚠️ Cần hỗ trợ" on the trainer dashboard: who keeps failing which lesson's quiz
(progress/reports/support.py)."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from progress.reports.support import LearnerLike, support_needs
from ui import resources


def support_badges(learners: Sequence[LearnerLike]) -> None:
    """One warning per learner who needs a trainer's help, naming the lessons."""
    policy = resources.review_policy()
    needs = support_needs(resources.database(), resources.catalog(), learners, policy)
    for need in needs:
        titles = ", ".join(lesson.title for lesson in need.lessons)
        st.warning(f"Cần hỗ trợ: {need.display_name} — {titles}", icon="⚠️")
    if needs:
        st.caption(f"Học viên làm bài kiểm tra {policy.support_after_failed_attempts} lần trở lên mà chưa đạt. "
                   "Hãy ngồi cùng họ xem lại bài.")
