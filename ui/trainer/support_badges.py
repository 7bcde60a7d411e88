""""⚠️ Cần hỗ trợ" on the trainer dashboard: who needs the trainer's help, and why, in
words (progress/reports/support.py: failed a quiz again and again, left a lesson
unfinished, has not come to learn)."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from progress.reports.support import AbsenceRules, LearnerLike, Reason, SupportNeed, SupportReason, support_needs
from ui import resources
from ui.plain_text import as_text

SHOWN_AT_ONCE = 8  # more than this go into "Xem thêm"


def absence_rules() -> AbsenceRules:
    support = resources.settings().support
    return AbsenceRules(support.stuck_lesson_days, support.inactive_days)


def reason_words(reason: SupportReason, failed_attempts: int) -> str:
    """One reason in plain Vietnamese, e.g. "bỏ dở bài «Mã OTP» đã 9 ngày"."""
    titles = ", ".join(f"«{lesson.title}»" for lesson in reason.lessons)
    if reason.kind == Reason.FAILED_QUIZ:
        return f"làm bài kiểm tra {titles} từ {failed_attempts} lần trở lên mà chưa đạt"
    if reason.kind == Reason.STUCK_LESSON:
        return f"bỏ dở bài {titles} đã {reason.days} ngày"
    if reason.never_started:
        return f"chưa vào học lần nào ({reason.days} ngày từ khi có tên trong nhóm)"
    return f"đã {reason.days} ngày không vào học"


def _badge(need: SupportNeed, failed_attempts: int) -> None:
    words = "; ".join(reason_words(reason, failed_attempts) for reason in need.reasons)
    st.warning(f"Cần hỗ trợ: {as_text(need.display_name)} — {words}", icon="⚠️")


def support_badges(learners: Sequence[LearnerLike]) -> None:
    """One warning per learner who needs a trainer's help, with each reason in words."""
    policy = resources.review_policy()
    rules = absence_rules()
    needs = support_needs(resources.database(), resources.catalog(), learners, policy, rules)
    for need in needs[:SHOWN_AT_ONCE]:
        _badge(need, policy.support_after_failed_attempts)
    if len(needs) > SHOWN_AT_ONCE:
        with st.expander(f"Xem thêm {len(needs) - SHOWN_AT_ONCE} người cần hỗ trợ"):
            for need in needs[SHOWN_AT_ONCE:]:
                _badge(need, policy.support_after_failed_attempts)
    if needs:
        st.caption(f"Ngồi cùng người làm bài kiểm tra {policy.support_after_failed_attempts} lần trở lên mà chưa "
                   f"đạt; hỏi thăm người bỏ dở bài {rules.stuck_lesson_days} ngày hoặc không vào học "
                   f"{rules.inactive_days} ngày.")
