"""Reading a roster file into text cells: encodings, separators, XLSX, and every refusal."""

import io
import os
import unicodedata
import zipfile

import pytest
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from progress.account_error import AccountError
from progress.names import normalise_name
from progress.roster_file import MAX_FILE_BYTES, RosterLine, read_roster_file, roster_template_csv


def xlsx(rows, sheet_title="Danh sách", code_format=None) -> bytes:  # type: ignore[no-untyped-def]
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.title = sheet_title
    for row in rows:
        sheet.append(row)
    if code_format:
        for cell in sheet["B"]:
            cell.number_format = code_format
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_utf8_csv_with_bom_and_commas():
    data = "\ufeffHọ và tên,Mã,Hình\r\nĐinh Thị Hoa,0420,🐃\r\n".encode()
    assert read_roster_file("ds.csv", data) == [
        RosterLine(1, ("Họ và tên", "Mã", "Hình")), RosterLine(2, ("Đinh Thị Hoa", "0420", "🐃"))]


def test_utf8_csv_without_bom_with_semicolons_and_blank_lines_keeps_line_numbers():
    data = "Họ và tên;Mã\n\nĐinh Văn Lâm;1234\n;\nHồ Thị Nga;\n".encode()
    assert read_roster_file("ds.CSV", data) == [
        RosterLine(1, ("Họ và tên", "Mã")), RosterLine(3, ("Đinh Văn Lâm", "1234")), RosterLine(5, ("Hồ Thị Nga",))]


def windows_1258(text: str) -> bytes:
    """As Windows writes Vietnamese in code page 1258: a letter with its tone as a combining mark."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            out += (unicodedata.normalize("NFC", parts[:-1]) + parts[-1]).encode("cp1258")
    return out


def test_the_separator_is_found_under_a_title_line():
    data = "DANH SÁCH HỌC VIÊN THÔN BỜ HE\nHọ và tên,Mã\nĐinh Thị Hoa,0420\n".encode()
    assert read_roster_file("ds.csv", data)[1:] == [RosterLine(2, ("Họ và tên", "Mã")),
                                                    RosterLine(3, ("Đinh Thị Hoa", "0420"))]


def test_windows_1258_csv_as_excel_saves_it_on_a_vietnamese_windows():
    data = windows_1258("Họ và tên,Mã\nĐinh Thị Hoa,0420\n")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    lines = read_roster_file("ds.csv", data)
    assert lines[1].cells[1] == "0420"
    assert normalise_name(lines[1].cells[0]) == "Đinh Thị Hoa"  # tones as combining marks, composed by NFC


def test_utf16_tab_separated_as_excel_saves_unicode_text():
    data = "Họ và tên\tMã\r\nĐinh Thị Hoa\t0420\r\n".encode("utf-16")
    assert read_roster_file("ds.csv", data)[1] == RosterLine(2, ("Đinh Thị Hoa", "0420"))


def test_xlsx_cells_numbers_and_row_numbers():
    data = xlsx([["DANH SÁCH HỌC VIÊN THÔN BỜ HE"], ["Họ và tên", "Mã", "Hình"], ["Đinh Thị Hoa", 420, None],
                 [None, None, None], ["Hồ Văn Quý", 1234.0, "con trâu"]], code_format="0000")
    assert read_roster_file("ds.xlsx", data) == [
        RosterLine(1, ("DANH SÁCH HỌC VIÊN THÔN BỜ HE",)), RosterLine(2, ("Họ và tên", "Mã", "Hình")),
        RosterLine(3, ("Đinh Thị Hoa", "0420")), RosterLine(5, ("Hồ Văn Quý", "1234", "con trâu"))]


def test_xlsx_number_without_a_zero_format_keeps_its_digits():
    lines = read_roster_file("ds.xlsx", xlsx([["Họ và tên", "Mã"], ["Đinh Thị Hoa", 420]]))
    assert lines[1].cells == ("Đinh Thị Hoa", "420")  # the check says the zero was lost


@pytest.mark.parametrize(("filename", "data", "words"), [
    ("ds.csv", b"", "Tệp trống"),
    ("ds.pdf", b"%PDF-1.4", "Chỉ nhận tệp .csv hoặc .xlsx"),
    ("ds", b"Ho va ten\n", "Chỉ nhận tệp .csv hoặc .xlsx"),
    ("ds.xls", b"\xd0\xcf\x11\xe0", "Excel đời cũ"),
    ("ds.xlsx", b"Ho va ten,Ma\nA,1234\n", "bị hỏng hoặc không phải tệp Excel"),
    ("ds.csv", b"PK\x03\x04rest", "mang đuôi .csv"),
    ("ds.csv", b"\x00\x01\x02\xff\xfe garbage", "Không đọc được tệp này"),
    ("ds.csv", b"Ho va ten\x07\x1b[0m\n", "Không đọc được tệp này"),
])
def test_files_that_are_not_a_roster_are_refused_in_words(filename, data, words):
    with pytest.raises(AccountError, match=words):
        read_roster_file(filename, data)


def test_random_bytes_are_refused_in_words_never_with_a_raw_error():
    for seed in range(20):
        data = os.urandom(2000) if seed else bytes(range(256)) * 4
        for filename in ("ds.csv", "ds.xlsx"):
            with pytest.raises(AccountError):
                read_roster_file(filename, data)


def test_a_zip_that_is_not_a_workbook_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    with pytest.raises(AccountError, match="không phải tệp Excel"):
        read_roster_file("ds.xlsx", out.getvalue())


def test_a_zip_that_unpacks_to_far_more_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b"0" * 30_000_000)
    assert len(out.getvalue()) < MAX_FILE_BYTES
    with pytest.raises(AccountError, match="quá nhiều"):
        read_roster_file("ds.xlsx", out.getvalue())


def test_a_file_over_the_size_limit_is_refused():
    data = ("Họ và tên\n" + "Đinh Thị Hoa\n" * 100_000).encode()
    assert len(data) > MAX_FILE_BYTES
    with pytest.raises(AccountError, match="Tệp lớn quá"):
        read_roster_file("ds.csv", data)


def test_the_template_opens_in_excel_with_its_accents_and_reads_back():
    data = roster_template_csv()
    assert data.startswith("\ufeff".encode())
    assert read_roster_file("mau.csv", data) == [RosterLine(1, ("Họ và tên", "Mã", "Hình"))]
