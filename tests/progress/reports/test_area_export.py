"""The area report's files: CSV that Excel opens with its Vietnamese letters, XLSX with
typed cells (read back with openpyxl)."""

from __future__ import annotations

import csv
import datetime as dt
import io

from openpyxl import load_workbook

from progress.reports.area_export import report_csv, report_xlsx
from progress.reports.area_report import AreaLine, AreaReport, ReportPeriod
from tests.progress.reports.area_fixture import CATALOG

MODULES = tuple(CATALOG.modules_with_lessons()[:2])
TEAM = AreaLine("Tổ Làng Mâm", "Ba Tơ", 2, 30, 3, 18, 12, (1, 0), 5400)
COMMUNE = AreaLine("Ba Tơ", "Ba Tơ", 2, 30, 3, 18, 12, (1, 0), 5400)
REPORT = AreaReport(ReportPeriod(dt.date(2026, 11, 1), dt.date(2026, 11, 30)), MODULES, (TEAM,), (COMMUNE,),
                    AreaLine("Tổng cộng", "", 2, 30, 3, 18, 12, (1, 0), 5400))


def test_the_csv_has_a_byte_order_mark_and_vietnamese_headers():
    data = report_csv(REPORT, by_team=True)
    assert data.startswith(b"\xef\xbb\xbf")
    header, line, total = csv.reader(io.StringIO(data.decode("utf-8-sig")))
    assert header[:7] == ["Xã/phường", "Tổ công nghệ số", "Số nhóm", "Học viên đăng ký", "Buổi học đã tổ chức",
                          "Lượt người dự", "Người học"]
    assert header[7:] == [f"Hoàn thành: {MODULES[0].title}", f"Hoàn thành: {MODULES[1].title}",
                          "Giấy chứng nhận", "Giờ học"]
    assert line == ["Ba Tơ", "Tổ Làng Mâm", "2", "30", "3", "18", "12", "1", "0", "1", "1.5"]
    assert total[:2] == ["Tổng cộng", ""]


def test_the_csv_by_commune_has_no_team_column():
    header, line, total = csv.reader(io.StringIO(report_csv(REPORT, by_team=False).decode("utf-8-sig")))
    assert header[:2] == ["Xã/phường", "Số nhóm"]
    assert line[:2] == ["Ba Tơ", "2"] and total[0] == "Tổng cộng"


def test_the_xlsx_cells_are_typed():
    book = load_workbook(io.BytesIO(report_xlsx(REPORT, "Tỉnh Quảng Ngãi")))
    assert book.sheetnames == ["Theo tổ", "Theo xã", "Kỳ báo cáo"]
    teams = book["Theo tổ"]
    values = [cell.value for cell in teams[2]]
    assert values == ["Ba Tơ", "Tổ Làng Mâm", 2, 30, 3, 18, 12, 1, 0, 1, 1.5]
    assert all(cell.data_type == "n" for cell in teams[2][2:])
    assert teams[2][-1].number_format == "0.0"
    assert isinstance(teams[2][2].value, int)
    assert [cell.value for cell in book["Theo xã"][3]][:2] == ["Tổng cộng", 2]
    about = book["Kỳ báo cáo"]
    assert about["B2"].value == "Tỉnh Quảng Ngãi"
    assert about["B3"].is_date and about["B3"].value.date() == dt.date(2026, 11, 1)
    assert about["B4"].is_date and about["B4"].value.date() == dt.date(2026, 11, 30)
