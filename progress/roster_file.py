"""A roster file as a table of text cells: CSV (UTF-8 with or without BOM, Windows-1258,
UTF-16 from Excel's "Unicode Text"; comma, semicolon or tab) or XLSX (openpyxl,
read-only). Every refusal is an AccountError in plain Vietnamese.

Rows keep the number the trainer sees in the spreadsheet (the first line is 1), so a
message can say "Dòng 7: …". Checking the cells is progress/roster.py's job."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

from progress.account_error import AccountError
from progress.spreadsheet_cells import as_row

MAX_FILE_BYTES = 1_000_000  # a roster of 500 people is ~20 KB as CSV, ~15 KB as XLSX
MAX_UNZIPPED_BYTES = 20_000_000  # an XLSX is a zip: refuse one that unpacks to far more
MAX_COLUMNS = 30  # columns read from a row (a roster needs 3; notes and a village are fine)
MAX_LINES = 1_000  # lines read at most: the row limit (progress/roster.py) is checked on these

TEMPLATE_HEADER = ("Họ và tên", "Mã", "Hình")


@dataclass(frozen=True)
class RosterLine:
    number: int  # as the spreadsheet numbers it: the first line is 1
    cells: tuple[str, ...]


def read_roster_file(filename: str, data: bytes) -> list[RosterLine]:
    """The file's lines as text cells (blank lines left out), or AccountError."""
    if not data:
        raise AccountError("Tệp trống, không có dòng nào.")
    if len(data) > MAX_FILE_BYTES:
        raise AccountError(f"Tệp lớn quá ({len(data) / 1_000_000:.1f} MB). "
                           "Danh sách học viên chỉ cần một tệp nhỏ (tối đa 1 MB): bỏ hình ảnh và các trang khác đi.")
    kind = filename.lower().rsplit(".", 1)[-1] if "." in filename else ""
    if kind == "xls":
        raise AccountError("Tệp .xls (Excel đời cũ) chưa đọc được. Mở bằng Excel, chọn Lưu thành (Save As) "
                           "“Excel Workbook (.xlsx)” hoặc “CSV UTF-8”, rồi tải lên lại.")
    if kind not in ("csv", "xlsx"):
        raise AccountError("Chỉ nhận tệp .csv hoặc .xlsx (Excel). Tải mẫu danh sách để xem cách ghi.")
    if kind == "xlsx":
        return _xlsx_lines(data)
    if data.startswith(b"PK\x03\x04"):
        raise AccountError("Tệp này là tệp Excel nhưng mang đuôi .csv. Đổi đuôi thành .xlsx hoặc lưu lại thành CSV.")
    return _csv_lines(_csv_text(data))


def _csv_text(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode Text" is UTF-16
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise AccountError(_UNREADABLE) from None
    if b"\x00" in data:
        raise AccountError(_UNREADABLE)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel's plain "CSV" on a Vietnamese Windows is Windows-1258 (tones as combining marks,
        # composed by normalise_name later); bytes that are not that either are refused
        try:
            text = data.decode("cp1258")
        except UnicodeDecodeError:
            raise AccountError(_UNREADABLE) from None
    if any(ord(char) < 32 and char not in "\t\r\n" for char in text):
        raise AccountError(_UNREADABLE)
    return text


_UNREADABLE = ("Không đọc được tệp này: có vẻ không phải bảng chữ. Trong Excel chọn Lưu thành (Save As) "
               "“CSV UTF-8” hoặc “Excel Workbook (.xlsx)”, rồi tải lên lại.")


def _csv_lines(text: str) -> list[RosterLine]:
    # the separator used most in the first lines (a title line above the table has none)
    sample = "\n".join(text.lstrip("\ufeff").splitlines()[:10])
    delimiter = max((",", ";", "\t"), key=sample.count)
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
    try:
        return _kept(enumerate(reader, start=1))
    except csv.Error:
        raise AccountError(_UNREADABLE) from None


def _kept(rows: Iterable[tuple[int, Iterable[object]]]) -> list[RosterLine]:
    lines = []
    for number, row in rows:
        cells = [_cell_text(value) for value in list(row)[:MAX_COLUMNS]]
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            lines.append(RosterLine(number, tuple(cells)))
            if len(lines) > MAX_LINES:
                break
    return lines


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a code typed into Excel arrives as 1234.0
    return str(value).strip()


def _xlsx_lines(data: bytes) -> list[RosterLine]:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise AccountError("Tệp .xlsx này bị hỏng hoặc không phải tệp Excel. Mở lại bằng Excel và lưu lại.") from None
    if unzipped > MAX_UNZIPPED_BYTES:
        raise AccountError("Tệp Excel này chứa quá nhiều thứ. Chép riêng danh sách học viên sang một tệp mới.")
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file; the trainer needs one sentence
        raise AccountError("Tệp .xlsx này bị hỏng hoặc không phải tệp Excel. Mở lại bằng Excel và lưu lại.") from None
    try:
        active = workbook.active
        sheets = sorted(workbook.worksheets, key=lambda sheet: sheet is not active)
        for sheet in sheets:  # the sheet Excel opens on first, then the others in order
            rows = sheet.iter_rows(min_row=1, max_row=MAX_LINES * 2, max_col=MAX_COLUMNS)
            lines = _kept(enumerate(([_xlsx_value(cell) for cell in cells] for cells in rows), start=1))
            if lines:
                return lines
        return []
    except Exception:  # as above: a damaged sheet inside a readable zip
        raise AccountError("Tệp .xlsx này bị hỏng hoặc không phải tệp Excel. Mở lại bằng Excel và lưu lại.") from None
    finally:
        workbook.close()


def _xlsx_value(cell: object) -> object:
    value = getattr(cell, "value", None)
    number_format = getattr(cell, "number_format", "") or ""
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        digits = str(int(value))
        if set(number_format) == {"0"} and len(number_format) > len(digits):  # shown as 0123
            return digits.zfill(len(number_format))
        return digits
    return value


def roster_template_csv() -> bytes:
    """The empty list to fill in: the header line, UTF-8 with BOM so Excel shows the accents."""
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerow(TEMPLATE_HEADER)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


CODES_HEADER = ("Họ và tên", "Mã", "Hình")


def codes_csv(added: Iterable[tuple[str, str, str]]) -> bytes:
    """The learners just added with their codes, for writing the cards: UTF-8 with BOM;
    a name that begins like a formula gets a ``'`` in front (``progress/spreadsheet_cells``)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CODES_HEADER)
    writer.writerows(as_row(line) for line in added)
    return ("\ufeff" + out.getvalue()).encode("utf-8")
