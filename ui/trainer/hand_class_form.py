"""The form for a class held without the app ("✍️ Ghi buổi học không dùng ứng dụng"):
day, optional start time, place, lessons, trainers, the group's learners as big name
buttons to tap (✅ came / ⬜ did not), how many people without an account came, notes.
The same form corrects a class entered by hand. The rules are in progress/classes/by_hand.py."""

from __future__ import annotations

import streamlit as st

from progress.account_error import AccountError
from progress.areas import GroupPlace
from progress.classes.by_hand import (
    FIRST_DAY,
    MAX_NOTES_LENGTH,
    HandEntry,
    record_by_hand,
    trainer_choices,
    update_by_hand,
)
from progress.classes.errors import ClassError
from progress.classes.running import MAX_HEAD_COUNT, MAX_PLACE_LENGTH
from progress.days import today_in_vietnam
from progress.learners import list_learners
from progress.scope import Scope
from ui import resources
from ui.plain_text import as_text
from ui.trainer.class_start import LAST_PLACE, lesson_labels

FLASH = "classes_held_flash"
OPENED = "buoi"  # ?buoi=ID: the class held shown


def _picked_key(prefix: str, group_id: int) -> str:
    return f"{prefix}picked_{group_id}"


def _toggle(key: str, learner_id: int) -> None:
    picked: set[int] = st.session_state[key]
    picked.symmetric_difference_update({learner_id})


def _set_all(key: str, ids: list[int]) -> None:
    st.session_state[key] = set(ids)


def _learner_buttons(prefix: str, group_id: int, start: HandEntry | None) -> list[int]:
    learners = list_learners(resources.database(), group_id)
    key = _picked_key(prefix, group_id)
    if key not in st.session_state:
        st.session_state[key] = set(start.learner_ids) if start else set()
    picked: set[int] = st.session_state[key]
    st.markdown(f"**Học viên đã đến** (bấm vào tên) — đã chọn {len(picked & {p.id for p in learners})} / "
                f"{len(learners)}")
    if not learners:
        st.caption("Nhóm chưa có học viên có tài khoản: chỉ ghi số người ở dưới.")
        return []
    everyone, nobody = st.columns(2)
    everyone.button("☑️ Chọn cả nhóm", key=f"{prefix}all", width="stretch", on_click=_set_all,
                    args=(key, [p.id for p in learners]))
    nobody.button("⬜ Bỏ chọn hết", key=f"{prefix}none", width="stretch", on_click=_set_all, args=(key, []))
    columns = st.columns(3)
    for n, learner in enumerate(learners):
        came = learner.id in picked
        label = f"{'✅' if came else '⬜'} {learner.avatar} {as_text(learner.display_name)}".replace("  ", " ")
        columns[n % 3].button(label,
                              key=f"{prefix}learner_{learner.id}", type="primary" if came else "secondary",
                              width="stretch", on_click=_toggle, args=(key, learner.id))
    return [p.id for p in learners if p.id in picked]


def _forget(prefix: str) -> None:
    for key in [k for k in st.session_state if k.startswith(prefix)]:
        del st.session_state[key]


def hand_class_form(trainer_id: int, scope: Scope, groups: list[GroupPlace], editing: int | None = None,
                    start: HandEntry | None = None) -> None:
    """Enter a new class (``editing`` None) for one of ``groups``, or correct class ``editing``."""
    prefix = f"hand_{editing or 'new'}_"
    if start is not None:
        group_id = start.group_id
    elif len(groups) == 1:
        group_id = groups[0].group_id
        st.markdown(f"👥 **Nhóm:** {as_text(groups[0].group_name)}")
    else:
        group_id = st.selectbox("Nhóm", [g.group_id for g in groups], key=f"{prefix}group",
                                format_func={g.group_id: g.group_name for g in groups}.__getitem__)
    today = today_in_vietnam()
    day = st.date_input("Ngày học", value=start.day if start else today, min_value=FIRST_DAY, max_value=today,
                        format="DD/MM/YYYY", key=f"{prefix}day")
    time = st.time_input("Giờ bắt đầu (không bắt buộc)", value=start.start if start else None, step=300,
                         key=f"{prefix}time")
    place = st.text_input("Nơi học", value=start.place if start else st.session_state.get(LAST_PLACE, ""),
                          max_chars=MAX_PLACE_LENGTH, placeholder="Ví dụ: Nhà văn hóa thôn Bờ He", key=f"{prefix}place")
    labels = lesson_labels(resources.catalog())
    for retired in (start.lesson_ids if start else ()):
        labels.setdefault(retired, f"(bài đã bỏ: {retired})")
    lessons = st.multiselect("Bài đã học", list(labels), default=list(start.lesson_ids) if start else [],
                             format_func=labels.__getitem__, placeholder="Chọn một hay nhiều bài",
                             key=f"{prefix}lessons")
    choices = trainer_choices(resources.database(), group_id, also=[trainer_id, *(start.trainer_ids if start else ())])
    names = {t.id: t.name for t in choices}
    trainers = st.multiselect("Tập huấn viên đã dạy", list(names), format_func=names.__getitem__,
                              default=list(start.trainer_ids) if start else [trainer_id],
                              key=f"{prefix}trainers_{group_id}", placeholder="Chọn tập huấn viên")
    learners = _learner_buttons(prefix, group_id, start)
    extra = st.number_input("Số người chưa có tài khoản đã đến học", min_value=0, max_value=MAX_HEAD_COUNT, step=1,
                            value=start.extra_guests if start else 0, key=f"{prefix}extra")
    notes = st.text_area("Ghi chú (không bắt buộc)", value=start.notes if start else "", max_chars=MAX_NOTES_LENGTH,
                         placeholder="Ví dụ: học bằng điện thoại của bà con, mất điện nửa buổi…", key=f"{prefix}notes")
    if not st.button("💾 Lưu buổi học", key=f"{prefix}save", type="primary", width="stretch"):
        return
    entry = HandEntry(group_id, day, time, place, tuple(lessons), tuple(learners), int(extra), notes, tuple(trainers))
    db, known = resources.database(), resources.catalog().lessons
    try:
        if editing is None:
            class_id = record_by_hand(db, scope, entry, known)
        else:
            update_by_hand(db, scope, editing, entry, known)
            class_id = editing
    except (ClassError, AccountError) as exc:
        st.warning(as_text(exc))
        return
    _forget(prefix)
    st.session_state[LAST_PLACE] = place
    st.session_state[FLASH] = f"Đã lưu buổi học ngày {day:%d/%m/%Y}."
    st.query_params[OPENED] = str(class_id)
    st.rerun()
