"""The certificate as a one-page A4 PDF (fpdf2), with a QR that checks it on the server.

fpdf2 ships no font with Vietnamese letters, so DejaVu Sans is in ``fonts/`` (with its
LICENSE): the PDF is made the same on a Windows laptop with only pip. Fonts are
embedded as subsets, so a certificate is about 20 KB.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import qrcode
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]  # fpdf2 depends on it
from fpdf import FPDF

from certificates.verification import issue_code, verification_url
from lessons.models import Module
from progress.group_team import GroupTeam
from progress.learners import LearnerInfo

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu"
VIETNAM = dt.timezone(dt.timedelta(hours=7), "ICT")  # no daylight saving: no tz database needed

PAGE_W, PAGE_H = 297.0, 210.0  # A4 landscape, mm
TEXT_W = 240.0
QR_SIZE = 38.0
NAVY = (11, 61, 110)
RED = (150, 30, 30)
GREY = (70, 70, 70)
MISSING = "□"  # printed for a character the font cannot draw (an emoji in a name): seen, not silently lost
UNSEEN = frozenset("\ufe0e\ufe0f") | frozenset(chr(c) for c in range(0x1F3FB, 0x1F400))  # styles, skin tones
JOINER = "\u200d"  # joins emoji into one (👨‍👩‍👧): one box for the whole


@dataclass(frozen=True)
class CertificateDetails:
    learner_name: str
    module_title: str
    issued_on: dt.date
    group_name: str
    trainer_names: tuple[str, ...]
    verify_url: str


def vietnam_today(now: dt.datetime | None = None) -> dt.date:
    """Today's date in Vietnam (UTC+7), whatever the laptop's clock zone."""
    return (now or dt.datetime.now(dt.UTC)).astimezone(VIETNAM).date()


def certificate_file_name(module_id: str) -> str:
    return f"chung-nhan-{module_id}.pdf"


def certificate_details(
    learner: LearnerInfo, team: GroupTeam | None, module: Module, secret: str, base_url: str, issued_on: dt.date
) -> CertificateDetails:
    """What goes on the certificate, with the signed verification link for its QR."""
    code = issue_code(secret, learner.id, module.id, issued_on)
    return CertificateDetails(
        learner_name=_nfc(learner.display_name),
        module_title=_nfc(module.title),
        issued_on=issued_on,
        group_name=_nfc(team.group_name) if team else "",
        trainer_names=tuple(_nfc(name) for name in team.trainer_names) if team else (),
        verify_url=verification_url(base_url, code),
    )


def render_certificate(details: CertificateDetails) -> bytes:
    """The certificate as PDF bytes."""
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.add_font(FONT, "", FONTS_DIR / "DejaVuSans.ttf")
    pdf.add_font(FONT, "B", FONTS_DIR / "DejaVuSans-Bold.ttf")
    pdf.set_title(f"Giấy chứng nhận – {details.learner_name} – {details.module_title}")
    pdf.set_author("Bình dân học vụ số")
    pdf.set_lang("vi")
    pdf.add_page()
    _draw_frame(pdf)

    _centred(pdf, 20, "BÌNH DÂN HỌC VỤ SỐ", "B", 14, NAVY)
    _centred(pdf, 34, "GIẤY CHỨNG NHẬN", "B", 34, RED)
    _centred(pdf, 58, "Chứng nhận học viên", "", 16, GREY)
    name = printable(details.learner_name)
    _centred(pdf, 68, name, "B", _fitting_size(pdf, name, "B", 34, 18), NAVY)
    _centred(pdf, 88, "đã hoàn thành học phần", "", 16, GREY)
    title = printable(details.module_title)
    _centred(pdf, 97, title, "B", _fitting_size(pdf, title, "B", 24, 16), NAVY)
    if details.group_name:
        _centred(pdf, 120, f"Nhóm học: {printable(details.group_name)}", "", 15, GREY)

    qr_x, qr_y = PAGE_W - 24 - QR_SIZE, PAGE_H - 26 - QR_SIZE
    _write_left(pdf, 25, 157, qr_x - 35, f"Ngày cấp: {details.issued_on:%d/%m/%Y}", 14)
    if details.trainer_names:
        label = "Tập huấn viên" if len(details.trainer_names) == 1 else "Các tập huấn viên"
        _write_left(pdf, 25, 167, qr_x - 35, f"{label}: {printable(', '.join(details.trainer_names))}", 14)
    _draw_qr(pdf, details.verify_url, qr_x, qr_y, QR_SIZE)
    pdf.set_font(FONT, "", 11)
    pdf.set_text_color(*GREY)
    pdf.set_xy(qr_x - 8, qr_y + QR_SIZE + 2)
    pdf.cell(QR_SIZE + 16, 5, "Quét mã để kiểm tra", align="C")
    return bytes(pdf.output())


@lru_cache(maxsize=1)
def _drawable() -> frozenset[int]:
    """The characters both weights of DejaVu Sans have a glyph for."""
    maps = [TTFont(FONTS_DIR / name, lazy=True)["cmap"].getBestCmap() for name in ("DejaVuSans.ttf",
                                                                              "DejaVuSans-Bold.ttf")]
    return frozenset(maps[0]) & frozenset(maps[1])


def printable(text: str) -> str:
    """``text`` as the certificate can print it: a character without a glyph in DejaVu
    Sans (most emoji) becomes ``□`` instead of vanishing (fpdf2 drops it with only a
    warning in the log), so "Hoa 🌸" prints as "Hoa □", not as "Hoa "."""
    shown: list[str] = []
    joined = False
    for char in text:
        if char in UNSEEN:
            continue
        if char == JOINER:
            joined = True
            continue
        if ord(char) in _drawable():
            shown.append(char)
        elif not (joined and shown and shown[-1] == MISSING):
            shown.append(MISSING)
        joined = False
    return "".join(shown)


def _nfc(text: str) -> str:
    """Names typed on different keyboards arrive as NFC or NFD; the font wants NFC."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _draw_frame(pdf: FPDF) -> None:
    pdf.set_draw_color(*NAVY)
    pdf.set_line_width(1.4)
    pdf.rect(8, 8, PAGE_W - 16, PAGE_H - 16)
    pdf.set_line_width(0.4)
    pdf.rect(11.5, 11.5, PAGE_W - 23, PAGE_H - 23)


def _fitting_size(pdf: FPDF, text: str, style: str, largest: float, smallest: float) -> float:
    """The largest font size (down to ``smallest``) at which ``text`` fits on one line."""
    size = largest
    while size > smallest:
        pdf.set_font(FONT, style, size)
        if pdf.get_string_width(text) <= TEXT_W:
            break
        size -= 1
    return size


def _centred(pdf: FPDF, y: float, text: str, style: str, size: float, colour: tuple[int, int, int]) -> None:
    pdf.set_font(FONT, style, size)
    pdf.set_text_color(*colour)
    pdf.set_xy((PAGE_W - TEXT_W) / 2, y)
    pdf.multi_cell(TEXT_W, size * 0.45, text, align="C")  # wraps what is too long even at the smallest size


def _write_left(pdf: FPDF, x: float, y: float, width: float, text: str, size: float) -> None:
    pdf.set_font(FONT, "", size)
    pdf.set_text_color(*GREY)
    pdf.set_xy(x, y)
    pdf.multi_cell(width, size * 0.45, text, align="L")


def _draw_qr(pdf: FPDF, url: str, x: float, y: float, size: float) -> None:
    """The QR as vector squares (sharp at any print size), also a link for PDF readers."""
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    qr.add_data(url)
    qr.make(fit=True)
    matrix = qr.get_matrix()
    module = size / len(matrix)
    pdf.set_fill_color(0, 0, 0)
    for row_index, row in enumerate(matrix):
        column = 0
        while column < len(row):
            if not row[column]:
                column += 1
                continue
            start = column
            while column < len(row) and row[column]:
                column += 1  # one rectangle per run of dark squares
            pdf.rect(x + start * module, y + row_index * module, (column - start) * module, module, style="F")
    pdf.link(x, y, size, size, url)
