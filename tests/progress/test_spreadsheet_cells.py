"""Exports run no formulas: every CSV and XLSX the app writes puts a ``'`` before text
that begins with = + - @, a tab or a carriage return (issue 13, item 6) — read back
from the bytes."""

from __future__ import annotations

import csv
import dataclasses
import io

import pandas as pd
from openpyxl import load_workbook

from progress.reports.area_export import report_csv, report_xlsx
from progress.roster_file import codes_csv
from progress.spreadsheet_cells import as_cell
from tests.progress.reports.test_area_export import COMMUNE, REPORT, TEAM

LINK = '=HYPERLINK("http://evil.example/x","Bấm vào đây")'
HOSTILE = (LINK, "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1")
REPORT_WITH_FORMULAS = dataclasses.replace(
    REPORT, teams=(dataclasses.replace(TEAM, name=LINK, commune="+Ba Tơ"),),
    communes=(dataclasses.replace(COMMUNE, name="@Ba Tơ"),))


def test_text_that_begins_like_a_formula_gets_a_quote_and_the_rest_is_untouched():
    assert [as_cell(text) for text in HOSTILE] == ["'" + text for text in HOSTILE]
    assert [as_cell(value) for value in ("Thôn Bờ He", "Tổ 1 = tổ một", "", "—", -3, 1.5, None)] == [
        "Thôn Bờ He", "Tổ 1 = tổ một", "", "—", -3, 1.5, None]


def test_the_area_report_csv_files_write_no_formula():
    team_line = list(csv.reader(io.StringIO(report_csv(REPORT_WITH_FORMULAS, by_team=True).decode("utf-8-sig"))))[1]
    assert team_line[:3] == ["'+Ba Tơ", "'" + LINK, "2"]
    commune = report_csv(REPORT_WITH_FORMULAS, by_team=False)
    assert list(csv.reader(io.StringIO(commune.decode("utf-8-sig"))))[1][:2] == ["'@Ba Tơ", "2"]
    assert b'\r\n"=HYPERLINK' not in report_csv(REPORT_WITH_FORMULAS, by_team=True)


def test_the_area_report_xlsx_holds_text_not_formulas():
    book = load_workbook(io.BytesIO(report_xlsx(REPORT_WITH_FORMULAS, "=1+1")))
    name = book["Theo tổ"]["B2"]
    assert name.value == "'" + LINK and name.data_type == "s"
    assert book["Theo tổ"]["A2"].value == "'+Ba Tơ"
    assert book["Theo xã"]["A2"].value == "'@Ba Tơ"
    assert book["Kỳ báo cáo"]["B2"].value == "'=1+1"
    formulas = [cell.coordinate for sheet in book for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]
    assert formulas == []
    assert book["Theo tổ"]["C2"].value == 2  # numbers stay numbers


def test_the_codes_csv_for_the_cards_writes_no_formula():
    data = codes_csv([(LINK, "0123", "🐟"), ("-Hoa", "4567", "🌸"), ("Nguyễn Văn An", "8901", "🌳")])
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert data.startswith(b"\xef\xbb\xbf")
    assert lines == [["Họ và tên", "Mã", "Hình"], ["'" + LINK, "0123", "🐟"], ["'-Hoa", "4567", "🌸"],
                     ["Nguyễn Văn An", "8901", "🌳"]]


def test_the_classes_held_csv_writes_no_formula():
    from ui.trainer.group_results import csv_for_excel

    table = pd.DataFrame([{"Nhóm": "=cmd|' /C calc'!A0", "Nơi học": "\t@nhà văn hoá", "Học viên": -1}])
    lines = list(csv.reader(io.StringIO(csv_for_excel(table).decode("utf-8-sig"))))
    assert lines == [["Nhóm", "Nơi học", "Học viên"], ["'=cmd|' /C calc'!A0", "'\t@nhà văn hoá", "-1"]]
