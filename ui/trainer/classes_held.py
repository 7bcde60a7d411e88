"""Buổi học đã tổ chức: the classes held by a group, by all of a team's groups or by
every group of the account, in a period — run in the app (🖥️, they appear by
themselves) or entered by hand (✍️) — with their totals and a CSV; one opened shows
its record. Trainers and team leads enter a class held without the app here; officers
only read. Groups and classes outside the account's area are refused, also from the
address (?nhom=ID, ?buoi=ID)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from progress.areas import GroupPlace, group_places
from progress.classes.by_hand import FIRST_DAY
from progress.classes.held_list import SHOWN_AT_MOST, HeldClass, classes_held
from progress.days import day_bounds, today_in_vietnam
from progress.scope import OUTSIDE
from ui import resources
from ui.demo_account import staff_page
from ui.trainer.class_record_view import held_title, lessons_covered, when_held
from ui.trainer.group_results import csv_for_excel
from ui.trainer.hand_class_form import FLASH, OPENED, hand_class_form
from ui.trainer.held_record import show_opened
from ui.trainer.menu import trainer_menu

GROUP_PARAM = "nhom"  # ?nhom=ID: open the list on this group


@dataclass(frozen=True)
class Area:
    label: str
    groups: tuple[GroupPlace, ...]


def area_choices(groups: list[GroupPlace], team_ids: frozenset[int]) -> list[Area]:
    """Every group together, each team of the account's area (cả tổ), each group."""
    choices = [Area(f"Tất cả các nhóm ({len(groups)} nhóm)", tuple(groups))] if len(groups) > 1 else []
    teams = {g.team_id: g.team_name or "" for g in groups if g.team_id in team_ids}
    for team_id, name in sorted(teams.items(), key=lambda item: item[1]):
        members = tuple(g for g in groups if g.team_id == team_id)
        choices.append(Area(f"👥 Cả tổ: {name} ({len(members)} nhóm)", members))
    choices += [Area(f"🏘️ {g.group_name}" + (f" · {g.team_name}" if g.team_name else ""), (g,)) for g in groups]
    return choices


def _number(name: str) -> int | None:
    text = st.query_params.get(name, "")
    return int(text) if text.isdigit() else None


def _open(key: str) -> None:
    st.query_params[OPENED] = str(st.session_state[key])


def _table(held: list[HeldClass]) -> pd.DataFrame:
    catalog = resources.catalog()
    return pd.DataFrame([
        {"Ngày": when_held(c), "Cách ghi": "✍️ ghi tay" if c.by_hand else "🖥️ ứng dụng", "Nhóm": c.group_name,
         "Nơi học": c.place, "Số bài": len(lessons_covered(catalog, c.lesson_ids, c.furthest_position, c.ended_by)),
         "Học viên": c.learners, "Khách": c.unregistered, "Tổng số người": c.total, "Câu hỏi": c.questions,
         "Tập huấn viên": ", ".join(c.trainers)}
        for c in held
    ])


def show_list(area: Area, first: dt.date, last: dt.date) -> None:
    since, until = day_bounds(first, last)
    held = classes_held(resources.database(), [g.group_id for g in area.groups], since, until)
    if not held:
        st.info("Chưa có buổi học nào trong thời gian này.")
        return
    numbers = st.columns(3)
    numbers[0].metric("Buổi học", len(held))
    numbers[1].metric("Lượt người dự", sum(c.total for c in held))
    numbers[2].metric("Lượt học viên có tài khoản", sum(c.learners for c in held))
    if len(held) == SHOWN_AT_MOST:
        st.caption(f"Chỉ hiện {SHOWN_AT_MOST} buổi gần nhất: hãy chọn khoảng ngày ngắn hơn.")
    table = _table(held)
    st.dataframe(table, hide_index=True, width="stretch", key="held_table")
    st.download_button("📥 Tải danh sách (CSV, mở bằng Excel)", data=csv_for_excel(table), mime="text/csv",
                       file_name=f"buoi-hoc-{first:%Y-%m-%d}-{last:%Y-%m-%d}.csv", key="held_csv", width="stretch")
    titles = {c.class_id: held_title(c) for c in held}
    st.selectbox("🔎 Xem một buổi học", list(titles), index=None, format_func=titles.__getitem__,
                 placeholder="Chọn buổi học để xem biên bản", key="held_pick", on_change=_open, args=("held_pick",))


trainer, scope = staff_page()
trainer_menu()
st.title("🗓️ Buổi học đã tổ chức")
if FLASH in st.session_state:
    st.success(st.session_state.pop(FLASH))
groups = group_places(resources.database(), scope.group_ids)
if not groups:
    st.info("Tài khoản này chưa có nhóm nào.")
    st.stop()
opened = _number(OPENED)
if opened is not None:
    show_opened(opened, trainer.id, scope, groups)
    st.stop()

choices = area_choices(groups, scope.team_ids)
asked = _number(GROUP_PARAM)
if GROUP_PARAM in st.query_params and (asked is None or not scope.sees_group(asked)):
    st.warning(OUTSIDE)
    st.stop()
index = next((n for n, a in enumerate(choices) if len(a.groups) == 1 and a.groups[0].group_id == asked), 0)
area = st.selectbox("Nhóm", choices, index=index, format_func=lambda a: a.label, key="held_area")
today = today_in_vietnam()
start_col, end_col = st.columns(2)
first = start_col.date_input("Từ ngày", value=max(FIRST_DAY, today - dt.timedelta(days=90)), min_value=FIRST_DAY,
                             max_value=today, format="DD/MM/YYYY", key="held_from")
last = end_col.date_input("Đến ngày", value=today, min_value=FIRST_DAY, max_value=today, format="DD/MM/YYYY",
                          key="held_to")
if first > last:
    st.warning("“Từ ngày” phải trước “Đến ngày”.")
else:
    show_list(area, first, last)

if not scope.can_edit:
    st.caption("Tài khoản này chỉ được xem, không ghi hay sửa buổi học.")
    st.stop()
with st.expander("✍️ Ghi buổi học không dùng ứng dụng"):
    st.caption("Buổi học dạy trực tiếp, không mở “Trình chiếu”: ghi lại để được tính vào số buổi và số người dự.")
    hand_class_form(trainer.id, scope, list(area.groups))
