"""How a lesson's status reads in Vietnamese, for trainers, and shows as an icon for
learners (the home screen's spoken welcome says what each icon means)."""

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


def status_icon(state: LessonState | None) -> str:
    """⚪ not started, 🟡 in progress (with the best score once tried), ✅ passed (with it)."""
    if state is None or state.status == LessonStatus.NOT_STARTED:
        return "⚪"
    if state.status == LessonStatus.PASSED:
        return f"✅ {state.best_score}%"
    return f"🟡 {state.best_score}%" if state.attempts else "🟡"
