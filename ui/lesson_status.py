"""How a lesson's status reads in Vietnamese, for learners and trainers."""

from __future__ import annotations

from progress.tracking import LessonState, LessonStatus


def status_label(state: LessonState | None) -> str:
    if state is None or state.status == LessonStatus.NOT_STARTED:
        return "⚪ Chưa học"
    if state.status == LessonStatus.PASSED:
        return f"✅ Đã đạt ({state.best_score}%)"
    if state.attempts:
        return f"🟡 Chưa đạt ({state.best_score}%)"
    return "🟡 Đang học"
