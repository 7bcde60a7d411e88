"""The class held, as the trainer reads it after a class, from the start screen and
from the list of classes held: date, place, group, trainers, lessons covered,
attendance, and each question asked; for a class entered by hand, its notes."""

from __future__ import annotations

import html
from collections.abc import Sequence

import streamlit as st

from catalog.class_plan import class_plan
from catalog.loading import Catalog
from lessons.models import Lesson
from progress.classes.by_hand import BY_HAND, has_start_time
from progress.classes.held_list import HeldClass
from progress.classes.records import AskedQuestion, ClassRecord
from progress.days import local_time
from ui.plain_text import as_text

__all__ = ["held_title", "lessons_covered", "local_time", "show_record", "when_held"]


def lessons_covered(catalog: Catalog, lesson_ids: Sequence[str], furthest_position: int,
                    ended_by: str) -> tuple[Lesson, ...]:
    """The lessons a class got to: all it lists when entered by hand, else those the
    projector reached."""
    plan = class_plan(catalog, lesson_ids, seed="")  # which lessons, not how options were ordered
    return plan.lessons if ended_by == BY_HAND else plan.lessons_reached(furthest_position)


def when_held(held: HeldClass) -> str:
    """"06/12/2026 14:05", or only the day when a class entered by hand has no time."""
    shown = "%d/%m/%Y %H:%M" if not held.by_hand or has_start_time(held.started_at) else "%d/%m/%Y"
    return local_time(held.started_at).strftime(shown)


def held_title(held: HeldClass) -> str:
    """One line for a list of classes held: "✍️ 06/12/2026 · Thôn Bờ He · Nhà văn hoá… · 14 người"."""
    parts = [f"{'✍️' if held.by_hand else '🖥️'} {when_held(held)}", held.group_name]
    if held.place:
        parts.append(held.place)
    parts.append(f"{held.total} người")
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


def _day_line(record: ClassRecord) -> str:
    state = record.state
    start = local_time(state.started_at)
    if state.ended_by == BY_HAND:
        time = f", {start.strftime('%H:%M')}" if has_start_time(state.started_at) else ""
        return f"📅 **Ngày:** {start.strftime('%d/%m/%Y')}{time} · ✍️ ghi tay (không dùng ứng dụng)"
    minutes = max(1, round(record.duration.total_seconds() / 60))
    end = f" – {local_time(state.ended_at).strftime('%H:%M')}" if state.ended_at else ""
    return f"📅 **Ngày:** {start.strftime('%d/%m/%Y')}, {start.strftime('%H:%M')}{end} ({minutes} phút)"


def _people_line(record: ClassRecord) -> str:
    people = record.attendance
    if record.state.ended_by == BY_HAND:
        return (f"🙋 **Người dự:** {people.total} người: {len(people.learners)} học viên, "
                f"{people.extra_guests} người chưa có tài khoản")
    counted = "tự đếm" if people.head_count is not None else "theo số điện thoại đã vào lớp"
    line = (f"🙋 **Người dự:** {people.total} người ({counted}); vào lớp bằng điện thoại: "
            f"{len(people.learners)} học viên, {people.guests} khách")
    return line + (f"; thêm {people.extra_guests} người ghi tay" if people.extra_guests else "")


def show_record(record: ClassRecord, catalog: Catalog) -> None:
    state = record.state
    lessons = lessons_covered(catalog, state.lesson_ids, state.furthest_position, state.ended_by)
    people = record.attendance
    lines = [
        _day_line(record),
        f"📍 **Nơi học:** {as_text(state.place) if state.place else 'chưa ghi'}",
        f"👥 **Nhóm:** {as_text(state.group_name)}",
        f"🧑‍🏫 **Tập huấn viên:** {as_text(', '.join(record.trainers)) if record.trainers else 'chưa ghi'}",
        f"📚 **Bài đã học:** {', '.join(lesson.title for lesson in lessons) or 'chưa học bài nào'}",
        _people_line(record),
    ]
    st.markdown("  \n".join(lines))
    if people.learners:
        names = ", ".join(f"{html.escape(p.avatar)} {html.escape(p.name)}" for p in people.learners)
        st.markdown(f"<p class='class-names'>{names}</p>", unsafe_allow_html=True)
    if record.questions:
        st.markdown("❓ **Câu hỏi đã hỏi cả lớp:**\n" + "\n".join(
            f"{n}. {_question_line(asked, catalog)}" for n, asked in enumerate(record.questions, start=1)))
    if record.notes:
        st.markdown("📝 **Ghi chú:**")
        st.text(record.notes)
    if state.ended_by == "idle":
        st.caption("Buổi học tự kết thúc vì lâu không ai chuyển bước.")
