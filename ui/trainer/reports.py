"""Báo cáo: the numbers a commune or province Youth Union counts, for a period and the
account's area (progress/reports/area_report.py), by team and by commune, on screen and
as CSV and XLSX. Computed only when "Lập báo cáo" is tapped; the last result stays in
this session until it is tapped again, so a rerun never recomputes it."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from progress.days import VIETNAM, today_in_vietnam
from progress.reports import area_report as reporting
from progress.reports.area_export import HOURS, RULES, headers, period_text, report_csv, report_xlsx, rows
from progress.reports.report_periods import PRESETS, preset_period
from progress.scope import Scope
from ui import resources
from ui.demo_account import staff_page
from ui.trainer.menu import trainer_menu

RESULT = "area_report_result"
CHOSEN = "Tự chọn"
AREAS = {
    "trainer": "các nhóm bác phụ trách",
    "team_lead": "các nhóm của tổ",
    "commune_officer": "cả xã/phường",
    "province_officer": "cả tỉnh",
    "admin": "mọi xã, mọi tổ",
}
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Made:
    """A report made at a tap, with its files, for the choices it was made for."""

    choices: tuple[int, frozenset[int], reporting.ReportPeriod]
    report: reporting.AreaReport
    made_at: dt.datetime
    files: dict[str, bytes]


def area_label(scope: Scope) -> str:
    return f"{AREAS.get(scope.role, AREAS['trainer'])} ({len(scope.group_ids)} nhóm)"


def chosen_period() -> reporting.ReportPeriod | None:
    preset = st.radio("Kỳ báo cáo", [*PRESETS, CHOSEN], horizontal=True, key="report_preset")
    this_month = preset_period(PRESETS[0], today_in_vietnam())
    if preset != CHOSEN:
        return preset_period(preset, today_in_vietnam())
    picked = st.date_input("Từ ngày – đến ngày", value=(this_month.first, this_month.last), format="DD/MM/YYYY",
                           key="report_dates")
    if len(picked) == 2:  # while choosing, only the first day is there
        return reporting.ReportPeriod(picked[0], picked[1])
    st.info("Bác chọn cả ngày đầu và ngày cuối của kỳ.")
    return None


def make_report(scope: Scope, period: reporting.ReportPeriod) -> None:
    try:
        report = reporting.area_report(resources.database(), resources.catalog(), scope.group_ids, period,
                                       team_ids=scope.team_ids)
        files = {"team.csv": report_csv(report, by_team=True), "commune.csv": report_csv(report, by_team=False),
                 "xlsx": report_xlsx(report, area_label(scope))}
    except Exception:  # a database that cannot answer: say so in words, keep the details in the log
        log.exception("area report failed")
        st.error("Chưa lập được báo cáo. Bác thử lại sau ít phút.")
        return
    st.session_state[RESULT] = Made((scope.account_id, scope.group_ids, period), report,
                                    dt.datetime.now(VIETNAM), files)


def table(made: Made, by_team: bool, key: str) -> None:
    frame = pd.DataFrame(rows(made.report, by_team), columns=headers(made.report, by_team))
    st.dataframe(frame, hide_index=True, width="stretch", key=key,
                 column_config={HOURS: st.column_config.NumberColumn(HOURS, format="%.1f")})


def show(made: Made) -> None:
    total, name = made.report.total, f"bao-cao-{made.report.period.first:%Y%m%d}-{made.report.period.last:%Y%m%d}"
    st.subheader(f"Kỳ {period_text(made.report)}")
    st.caption(f"Lập lúc {made.made_at:%H:%M %d/%m/%Y}.")
    cols = st.columns(5)
    cols[0].metric("Buổi học đã tổ chức", total.classes)
    cols[1].metric("Lượt người dự", total.attendances)
    cols[2].metric("Người học", total.active_learners)
    cols[3].metric("Giấy chứng nhận", total.certificates)
    cols[4].metric("Giờ học", f"{total.hours:.1f}")
    by_team, by_commune = st.tabs(["Theo tổ", "Theo xã"])
    with by_team:
        table(made, True, "report_by_team")
    with by_commune:
        table(made, False, "report_by_commune")
    with st.container(horizontal=True, gap="small"):
        st.download_button("📥 Tải Excel (XLSX)", made.files["xlsx"], file_name=f"{name}.xlsx", key="report_xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        st.download_button("📥 Tải CSV theo tổ", made.files["team.csv"], file_name=f"{name}-theo-to.csv",
                           mime="text/csv", key="report_csv_team")
        st.download_button("📥 Tải CSV theo xã", made.files["commune.csv"], file_name=f"{name}-theo-xa.csv",
                           mime="text/csv", key="report_csv_commune")
    with st.expander("Cách tính các con số"):
        st.markdown("\n".join(f"- {rule}" for rule in RULES))


trainer, scope = staff_page()
st.set_page_config(layout="wide")  # a report's table is wide: use the laptop's width
trainer_menu()
st.title("📈 Báo cáo")
st.caption(f"Phạm vi: {area_label(scope)}.")
if not scope.group_ids:
    st.info("Tài khoản này chưa có nhóm nào để báo cáo.")
    st.stop()
period = chosen_period()
if period is not None:
    st.caption(f"Từ {period.first:%d/%m/%Y} đến {period.last:%d/%m/%Y}.")
    if st.button("📊 Lập báo cáo", type="primary", key="make_report"):
        make_report(scope, period)
made: Made | None = st.session_state.get(RESULT)
if made is None or made.choices[:2] != (scope.account_id, scope.group_ids):
    st.info("Bác chọn kỳ rồi bấm “Lập báo cáo”.")
    st.stop()
if period is not None and made.choices[2] != period:
    st.warning("Báo cáo dưới đây là của kỳ trước. Bấm “Lập báo cáo” để lập cho kỳ vừa chọn.")
show(made)
