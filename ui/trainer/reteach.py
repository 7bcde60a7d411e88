"""What to re-teach, on the trainer dashboard: the questions most people got wrong
("❓ Câu hỏi khó") and three charts ("📈 Biểu đồ"), for the group on screen or for all
the groups the account sees (a team lead: the whole team).

Each section is an expander that reruns the page when opened (``on_change="rerun"``)
and computes only while open: a closed section costs nothing on a rerun. The numbers
come from progress/reports/difficult_questions.py and progress/reports/activity.py."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from progress.groups import GroupInfo
from progress.reports.activity import active_learners_per_week, classes_per_month, modules_finished
from progress.reports.difficult_questions import RETEACH_BELOW_PERCENT, DifficultQuestion, difficult_questions
from ui import resources
from ui.plain_text import as_text
from ui.signin_state import signed_in_scope

HINTS = 3  # "Dạy lại" lines above the table


def _area(group: GroupInfo, key: str) -> set[int]:
    """The group on screen, or every group the account sees (asked only when there are several)."""
    _, scope = signed_in_scope()  # a part of the dashboard, which checked already
    if len(scope.group_ids) < 2:
        return {group.id}
    everyone = "Cả tổ" if scope.team_ids else "Tất cả nhóm của tôi"
    chosen = st.radio("Xem cho", [f"Nhóm {as_text(group.name)}", everyone], horizontal=True, key=key)
    return set(scope.group_ids) if chosen == everyone else {group.id}


def _hint(question: DifficultQuestion) -> str:
    wrong = question.top_wrong
    chose = f" Nhiều người chọn **{wrong.label}** ({wrong.count} lần)." if wrong else ""
    return (f"- **Dạy lại** bài «{question.lesson_title}», câu «{question.prompt}»: "
            f"{question.right_percent}% trả lời đúng.{chose}")


def _difficult_questions(group: GroupInfo) -> None:
    group_ids = _area(group, "reteach_area")
    with_class = st.checkbox("Tính cả câu trả lời trong buổi học trên lớp (cả khách)", key="reteach_class")
    found = difficult_questions(resources.database(), resources.catalog(), group_ids, with_class)
    source = "bài kiểm tra và buổi học trên lớp" if with_class else "bài kiểm tra học viên tự làm"
    if not found:
        st.info(f"Chưa có câu trả lời nào ({source}).")
        return
    hints = [question for question in found if question.reteach][:HINTS]
    if hints:
        st.markdown("\n".join(_hint(question) for question in hints))
    else:
        st.success(f"Câu nào cũng có từ {RETEACH_BELOW_PERCENT}% trả lời đúng trở lên.")
    st.table(pd.DataFrame([
        {"Câu hỏi": q.prompt, "Đúng": f"{q.right_percent}% ({q.right}/{q.answers})",
         "Chọn sai nhiều nhất": f"{q.top_wrong.label} ({q.top_wrong.count})" if q.top_wrong else "—",
         "Bài": q.lesson_title}
        for q in found
    ]), hide_index=True)
    st.caption(f"Câu khó nhất ở trên. Đếm từ {source}; mỗi lần trả lời tính một lần.")


def _bar(title: str, x: str, y: str, rows: dict[str, int], empty: str, **labels: str | bool) -> None:
    """One bar chart, or a line of text when every bar is 0 (an empty chart reads as "0.000000")."""
    st.markdown(f"**{title}**")
    if not any(rows.values()):
        st.caption(empty)
        return
    st.bar_chart(pd.DataFrame({x: list(rows), y: list(rows.values())}), x=x, y=y, sort=False, height=260,
                 **labels)  # type: ignore[arg-type]


def _charts(group: GroupInfo) -> None:
    db, catalog = resources.database(), resources.catalog()
    group_ids = _area(group, "charts_area")
    weeks = active_learners_per_week(db, group_ids)
    _bar("Số học viên có học, theo tuần", "Tuần", "Học viên", {f"{w.monday:%d/%m}": w.learners for w in weeks},
         f"Chưa ai học trong {len(weeks)} tuần qua.", x_label="Tuần (ngày thứ Hai)", y_label="Số học viên")
    modules = modules_finished(db, catalog, group_ids)
    _bar("Số học viên đã học xong từng phần", "Phần", "Học xong", {m.module.title: m.finished for m in modules},
         "Chưa ai học xong phần nào.", x_label="Phần học", y_label="Số học viên học xong", horizontal=True)
    months = classes_per_month(db, group_ids)
    _bar("Số buổi học trên lớp, theo tháng", "Tháng", "Buổi học",
         {f"{m.month[5:]}/{m.month[:4]}": m.classes for m in months},
         f"Chưa có buổi học trên lớp nào trong {len(months)} tháng qua.", x_label="Tháng", y_label="Số buổi học")
    st.caption("Có học: mở hoặc học tiếp một bài, làm bài kiểm tra, hoặc vào buổi học trên lớp trong tuần đó. "
               "Học xong một phần: đạt mọi bài của phần đó.")


def reteach_sections(group: GroupInfo) -> None:
    """"❓ Câu hỏi khó" and "📈 Biểu đồ", each computed only while it is open."""
    hard = st.expander("❓ Câu hỏi khó — nên dạy lại gì", key="reteach_open", on_change="rerun")
    if hard.open:
        with hard:
            _difficult_questions(group)
    charts = st.expander("📈 Biểu đồ: ai có học, học xong phần nào, buổi học", key="charts_open", on_change="rerun")
    if charts.open:
        with charts:
            _charts(group)
