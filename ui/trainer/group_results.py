"""The trainer dashboard's views of a group's results: latest quizzes, one line per
learner, learners × the lessons of one module, one learner in detail. The numbers come
from progress/reports/; this module only draws them. The totals for the commune or
province are on the "Báo cáo" page (ui/trainer/reports.py)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from catalog.loading import Catalog
from progress.reports.attempts import AttemptRow, quiz_history, recent_attempts
from progress.reports.learner_lines import latest_module, learner_lines
from progress.reports.lesson_states import LearnerRow
from progress.spreadsheet_cells import as_table
from ui import resources
from ui.lesson_status import status_label
from ui.plain_text import as_text

ALL_LESSONS = "Tất cả các bài"


def when(moment: dt.datetime | None) -> str:
    return moment.astimezone().strftime("%d/%m/%Y %H:%M") if moment else "—"


def duration(seconds: int) -> str:
    """'1 giờ 5 phút', '12 phút', '—'."""
    minutes = round(seconds / 60)
    if not minutes:
        return "—"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} giờ {minutes} phút" if hours else f"{minutes} phút"


def _result(attempt: AttemptRow) -> str:
    verdict = "✅ Đạt" if attempt.passed else "❌ Chưa đạt"
    return f"{verdict} {attempt.correct_count}/{attempt.question_count} ({attempt.score_percent}%)"


def _title(catalog: Catalog, lesson_id: str) -> str:
    lesson = catalog.lessons.get(lesson_id)
    return lesson.title if lesson else f"(bài đã bỏ: {lesson_id})"


def recent_results(rows: list[LearnerRow], catalog: Catalog) -> None:
    """The latest finished quizzes of the group, newest first: who, which lesson, how it went."""
    st.subheader("🕒 Bài kiểm tra vừa làm")
    names = {row.learner_id: row.display_name for row in rows}
    attempts = recent_attempts(resources.database(), list(names))
    if not attempts:
        st.caption("Chưa ai làm bài kiểm tra.")
        return
    st.dataframe(pd.DataFrame([
        # name and result first: what a phone shows without scrolling sideways
        {"Học viên": names[a.learner_id], "Kết quả": _result(a), "Bài": _title(catalog, a.lesson_id),
         "Lúc": a.finished_at.astimezone().strftime("%d/%m %H:%M")}
        for a in attempts
    ]), hide_index=True, width="stretch", key="recent_results")
    st.caption("Kết quả: số câu đúng / số câu (phần trăm).")


def learner_summary(rows: list[LearnerRow], catalog: Catalog) -> None:
    """One line per learner: lessons passed, in progress, last activity (fits a phone)."""
    st.subheader("👥 Từng học viên")
    st.dataframe(pd.DataFrame([
        {"Học viên": line.display_name,
         "Đã đạt": f"{line.passed}/{line.lessons}",
         "Đang học": line.in_progress,
         "Thời gian học": duration(line.seconds_spent),
         "Hoạt động gần nhất": when(line.last_activity)}
        for line in learner_lines(rows, catalog)
    ]), hide_index=True, width="stretch", key="learner_summary")


def lessons_table(rows: list[LearnerRow], catalog: Catalog) -> None:
    """Learners × the lessons of one module (or all of them)."""
    st.subheader("📚 Theo bài")
    titles = {module.id: f"{module.icon} {module.title}" for module in catalog.modules_with_lessons()}
    options = [*titles, ALL_LESSONS]
    latest = latest_module(rows, catalog)
    chosen = st.selectbox("Phần", options, index=options.index(latest) if latest in titles else 0,
                          format_func=lambda option: titles.get(option, option), key="dashboard_module")
    lessons = catalog.lessons_in_order() if chosen == ALL_LESSONS else catalog.lessons_of(chosen)
    st.dataframe(pd.DataFrame([
        {"Học viên": row.display_name, **{lesson.title: status_label(row.lessons.get(lesson.id)) for lesson in lessons},
         "Hoạt động gần nhất": when(row.last_activity)}
        for row in rows
    ]), hide_index=True, width="stretch", key="lessons_table")
    st.caption("✅ Đã đạt · 🟡 Đang học hoặc chưa đạt (điểm cao nhất) · ⚪ Chưa học")


def learner_detail(rows: list[LearnerRow], catalog: Catalog) -> None:
    """One learner: each quiz taken, its latest result, and the questions missed then."""
    with st.expander("🔎 Xem kỹ một học viên"):
        row = st.selectbox("Học viên", rows, format_func=lambda r: r.display_name, key="detail_who")
        history = quiz_history(resources.database(), catalog, row.learner_id)
        if not history:
            st.caption(f"{as_text(row.display_name)} chưa làm bài kiểm tra nào.")
            return
        for line in history:
            st.markdown(f"**{_title(catalog, line.lesson_id)}** — lần gần nhất: {_result(line.latest)}, "
                        f"{when(line.latest.finished_at)} · đã làm {line.attempts} lần")
            if line.missed_prompts:
                st.markdown("Câu trả lời sai lần đó:\n" + "\n".join(f"- {prompt}" for prompt in line.missed_prompts))


def csv_for_excel(table: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with a byte-order mark: without it Excel on Windows garbles "Thôn Bờ He".
    Text that begins like a formula gets a ``'`` in front (``progress/spreadsheet_cells``)."""
    return as_table(table).to_csv(index=False).encode("utf-8-sig")
