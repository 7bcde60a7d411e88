"""The area report as tables with Vietnamese headers: on screen, as CSV (UTF-8 with a
byte-order mark, so Excel on Windows shows "Sơn Hà") and as XLSX with typed cells
(whole numbers as numbers, hours as numbers shown with one decimal, the period's days
as dates)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from progress.reports.area_report import AreaLine, AreaReport
from progress.spreadsheet_cells import as_cell, as_row

Cell = str | int | float
COMMUNE = "Xã/phường"
TEAM = "Tổ công nghệ số"
HOURS = "Giờ học"
FIGURES = ("Số nhóm", "Học viên đăng ký", "Buổi học đã tổ chức", "Lượt người dự", "Người học")
CERTIFICATES = "Giấy chứng nhận"
RULES = (
    "Buổi học đã tổ chức: buổi học của các nhóm kết thúc trong kỳ (trình chiếu hoặc nhập tay).",
    "Lượt người dự: mỗi buổi lấy số người tập huấn viên đếm; nếu không đếm thì lấy số người vào lớp "
    "(học viên và khách) cộng số người không có tài khoản nhập tay. Một người dự ba buổi là ba lượt.",
    "Người học: số học viên khác nhau có học bài, làm bài kiểm tra hoặc dự buổi học trong kỳ.",
    "Hoàn thành phần học: học viên lần đầu đạt hết các bài của phần đó trong kỳ.",
    "Giấy chứng nhận: mỗi phần học hoàn thành là một giấy chứng nhận.",
    "Giờ học: thời gian học các bước bài học, tính cho kỳ có lần học gần nhất của bài đó (số gần đúng).",
    "Số nhóm, học viên đăng ký: như hiện nay.",
)


def headers(report: AreaReport, by_team: bool) -> list[str]:
    finished = [f"Hoàn thành: {module.title}" for module in report.modules]
    return [COMMUNE, *([TEAM] if by_team else []), *FIGURES, *finished, CERTIFICATES, HOURS]


def _row(line: AreaLine, by_team: bool) -> list[Cell]:
    place: list[Cell] = [line.commune, line.name] if by_team else [line.name]
    return [*place, line.groups, line.learners, line.classes, line.attendances, line.active_learners,
            *line.modules_finished, line.certificates, round(line.hours, 1)]


def rows(report: AreaReport, by_team: bool) -> list[list[Cell]]:
    """The lines of one table (by team, or by commune), then the totals."""
    lines = report.teams if by_team else report.communes
    total = _row(report.total, by_team)
    total[: 2 if by_team else 1] = ["Tổng cộng", ""] if by_team else ["Tổng cộng"]
    return [*(_row(line, by_team) for line in lines), total]


def period_text(report: AreaReport) -> str:
    return f"{report.period.first:%d/%m/%Y} – {report.period.last:%d/%m/%Y}"


def report_csv(report: AreaReport, by_team: bool) -> bytes:
    """One table as CSV for Excel."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(as_row(headers(report, by_team)))
    writer.writerows(as_row(values) for values in rows(report, by_team))
    return out.getvalue().encode("utf-8-sig")


def _table(sheet: Worksheet, header: Sequence[str], body: Sequence[Sequence[Cell]]) -> None:
    sheet.append(as_row(header))  # openpyxl writes text that begins with "=" as a formula
    for values in body:
        sheet.append(as_row(values))
    hours_column = len(header)
    for (cell,) in sheet.iter_rows(min_row=2, min_col=hours_column, max_col=hours_column):
        cell.number_format = "0.0"
    for index, title in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(10, min(len(title) + 2, 40))
    sheet.freeze_panes = "A2"


def report_xlsx(report: AreaReport, area_name: str) -> bytes:
    """The workbook: "Theo tổ", "Theo xã", and "Kỳ báo cáo" (the area, the period's
    days as dates, and how each number is counted)."""
    book = Workbook()
    by_team = book.active
    assert by_team is not None  # a new workbook has its sheet
    by_team.title = "Theo tổ"
    _table(by_team, headers(report, True), rows(report, True))
    _table(book.create_sheet("Theo xã"), headers(report, False), rows(report, False))
    about = book.create_sheet("Kỳ báo cáo")
    about.append(["Báo cáo", "Bình dân học vụ số"])
    about.append(["Phạm vi", as_cell(area_name)])
    about.append(["Từ ngày", report.period.first])
    about.append(["Đến ngày", report.period.last])
    for row in (3, 4):
        about.cell(row=row, column=2).number_format = "DD/MM/YYYY"
    about.append([])
    for rule in RULES:
        about.append(["Cách tính", as_cell(rule)])
    about.column_dimensions["A"].width = 14
    about.column_dimensions["B"].width = 100
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
