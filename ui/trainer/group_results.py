"""The trainer dashboard's views of a group's results: latest quizzes, one line per
learner, learners × the lessons of one module, one learner in detail, and the totals
of all the trainer's groups for the commune."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from certificates.group_summary import summarize_group
from lessons.catalog import Catalog
from progress.groups import GroupInfo
from progress.reports import AttemptRow, LearnerRow, group_progress, latest_attempt_per_lesson, recent_attempts
from progress.tracking import LessonStatus
from ui import resources
from ui.lesson_status import status_label

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
    total = len(catalog.lessons)
    st.dataframe(pd.DataFrame([
        {"Học viên": row.display_name,
         "Đã đạt": f"{sum(s.status == LessonStatus.PASSED for s in row.lessons.values() if s.lesson_id in catalog.lessons)}/{total}",
         "Đang học": sum(s.status == LessonStatus.IN_PROGRESS for s in row.lessons.values()),
         "Thời gian học": duration(sum(s.seconds_spent for s in row.lessons.values())),
         "Hoạt động gần nhất": when(row.last_activity)}
        for row in rows
    ]), hide_index=True, width="stretch", key="learner_summary")


def _latest_module(rows: list[LearnerRow], catalog: Catalog) -> str | None:
    """The module the group worked in last, so the table opens where the class is."""
    touched = [(state.last_activity, lesson_id) for row in rows for lesson_id, state in row.lessons.items()
               if state.last_activity and lesson_id in catalog.lessons]
    return catalog.lessons[max(touched)[1]].module if touched else None


def lessons_table(rows: list[LearnerRow], catalog: Catalog) -> None:
    """Learners × the lessons of one module (or all of them)."""
    st.subheader("📚 Theo bài")
    titles = {module.id: f"{module.icon} {module.title}" for module in catalog.modules_with_lessons()}
    options = [*titles, ALL_LESSONS]
    latest = _latest_module(rows, catalog)
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
        taken = latest_attempt_per_lesson(resources.database(), row.learner_id)
        if not taken:
            st.caption(f"{row.display_name} chưa làm bài kiểm tra nào.")
            return
        order = {lesson.id: position for position, lesson in enumerate(catalog.lessons_in_order())}
        for lesson_id in sorted(taken, key=lambda lesson_id: order.get(lesson_id, len(order))):
            attempt, count = taken[lesson_id]
            st.markdown(f"**{_title(catalog, lesson_id)}** — lần gần nhất: {_result(attempt)}, "
                        f"{when(attempt.finished_at)} · đã làm {count} lần")
            quiz = catalog.quiz_for(lesson_id)
            prompts = {question.id: question.prompt for question in quiz.questions} if quiz else {}
            missed = [prompts[qid] for qid in attempt.wrong_question_ids if qid in prompts]
            if missed:
                st.markdown("Câu trả lời sai lần đó:\n" + "\n".join(f"- {prompt}" for prompt in missed))


def commune_report(groups: list[GroupInfo], catalog: Catalog, known: dict[int, list[LearnerRow]]) -> None:
    """Totals for every group this trainer looks after, to send to the commune or
    province Youth Union (a CSV that Excel opens with its Vietnamese letters).
    ``known``: rows the page already read (the group on screen), not read again."""
    with st.expander("📤 Báo cáo tổng hợp cho xã / tỉnh đoàn"):
        summaries = [
            summarize_group(g.name, known[g.id] if g.id in known else group_progress(resources.database(), g.id), catalog)
            for g in groups
        ]
        table = pd.DataFrame([
            {"Nhóm": s.group, "Học viên": s.learners, "Đã bắt đầu học": s.started,
             "Đạt ít nhất 1 bài": s.passed_any, "Lượt đạt bài": s.lessons_passed,
             "Giấy chứng nhận (phần học xong)": s.certificates, "Tổng giờ học": round(s.hours_spent, 1),
             "Hoạt động gần nhất": when(s.last_activity)}
            for s in summaries
        ])
        st.dataframe(table, hide_index=True, width="stretch", key="commune_report")
        st.download_button(
            "📥 Tải báo cáo (CSV, mở bằng Excel)", key="commune_report_csv", width="stretch", mime="text/csv",
            file_name=f"bao-cao-hoc-vu-so-{dt.date.today():%Y-%m-%d}.csv",
            data=csv_for_excel(table),
        )


def csv_for_excel(table: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with a byte-order mark: without it Excel on Windows garbles "Thôn Bờ He"."""
    return table.to_csv(index=False).encode("utf-8-sig")
