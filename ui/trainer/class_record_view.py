"""The class held, as the trainer reads it after a class and on the start screen:
date, place, group, trainers, lessons covered, attendance, and each question asked."""

from __future__ import annotations

import datetime as dt
import html

import streamlit as st

from catalog.class_plan import class_plan
from catalog.loading import Catalog
from progress.classes.records import AskedQuestion, ClassRecord

VIETNAM = dt.timezone(dt.timedelta(hours=7), "ICT")  # class times are read in Vietnam, whatever the laptop's zone


def local_time(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(VIETNAM)


def record_title(record: ClassRecord) -> str:
    """One line for the list of classes held: "06/12/2026 14:05 · Thôn Bờ He · Nhà văn hoá…"."""
    state = record.state
    parts = [local_time(state.started_at).strftime("%d/%m/%Y %H:%M"), state.group_name]
    if state.place:
        parts.append(state.place)
    parts.append(f"{record.attendance.total} người")
    if state.is_open:
        parts.append("đang học")
    return " · ".join(parts)


def _question_line(asked: AskedQuestion, catalog: Catalog) -> str:
    quiz = catalog.quiz_for(asked.lesson_id)
    question = next((q for q in quiz.questions if q.id == asked.question_id), None) if quiz else None
    prompt = question.prompt if question else asked.question_id  # a question retired since the class
    line = f"**{prompt}** — 📱 {asked.answered} người trả lời, {asked.right} người đúng"
    hands = sum(asked.hands.values())
    if hands:
        right_keys = {t.key for t in question.tally_lines() if t.right} if question else set()
        right_hands = sum(count for key, count in asked.hands.items() if key in right_keys)
        line += f"; ✋ {hands} lượt giơ tay, {right_hands} lượt đúng"
    if not asked.revealed:
        line += " (chưa xem đáp án)"
    return line


def show_record(record: ClassRecord, catalog: Catalog) -> None:
    state = record.state
    start = local_time(state.started_at)
    minutes = max(1, round(record.duration.total_seconds() / 60))
    end = f" – {local_time(state.ended_at).strftime('%H:%M')}" if state.ended_at else ""
    lessons = class_plan(catalog, state.lesson_ids).lessons_reached(state.furthest_position)
    people = record.attendance
    counted = "tự đếm" if people.head_count is not None else "theo số điện thoại đã vào lớp"
    lines = [
        f"📅 **Ngày:** {start.strftime('%d/%m/%Y')}, {start.strftime('%H:%M')}{end} ({minutes} phút)",
        f"📍 **Nơi học:** {state.place or 'chưa ghi'}",
        f"👥 **Nhóm:** {state.group_name}",
        f"🧑‍🏫 **Tập huấn viên:** {', '.join(record.trainers) or 'chưa ghi'}",
        f"📚 **Bài đã học:** {', '.join(lesson.title for lesson in lessons) or 'chưa học bài nào'}",
        f"🙋 **Người dự:** {people.total} người ({counted}); vào lớp bằng điện thoại: "
        f"{len(people.learners)} học viên, {people.guests} khách",
    ]
    st.markdown("  \n".join(lines))
    if people.learners:
        names = ", ".join(f"{html.escape(p.avatar)} {html.escape(p.name)}" for p in people.learners)
        st.markdown(f"<p class='class-names'>{names}</p>", unsafe_allow_html=True)
    if record.questions:
        st.markdown("❓ **Câu hỏi đã hỏi cả lớp:**\n" + "\n".join(
            f"{n}. {_question_line(asked, catalog)}" for n, asked in enumerate(record.questions, start=1)))
    if state.ended_by == "idle":
        st.caption("Buổi học tự kết thúc vì lâu không ai chuyển bước.")
