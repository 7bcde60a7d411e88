"""Certificates: who finished a module, the signed code, the PDF and checking it."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import unicodedata
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from pypdf import PdfReader

from catalog.loading import load_catalog
from certificates.document import (
    CertificateDetails,
    certificate_details,
    certificate_file_name,
    render_certificate,
    vietnam_today,
)
from certificates.verification import check_certificate, issue_code, read_code, verification_url
from lessons.models import Module
from progress.group_team import GroupTeam
from progress.groups import create_group
from progress.learners import LearnerInfo, create_learner, delete_learner
from progress.trainers import create_trainer
from tests.conftest import FIXTURE_CONTENT
from tests.progress.graded import pass_lesson

SECRET = "certificate-secret"
DAY = dt.date(2026, 1, 5)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(FIXTURE_CONTENT / "lessons", FIXTURE_CONTENT / "quizzes")


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def pdf_links(data: bytes) -> list[str]:
    page = PdfReader(io.BytesIO(data)).pages[0]
    return [a.get_object()["/A"]["/URI"] for a in page.get("/Annots", [])]


def details(**changes) -> CertificateDetails:  # type: ignore[no-untyped-def]
    values: dict[str, Any] = dict(learner_name="Đinh Thị Hoa", module_title="Bảo mật thông tin cá nhân", issued_on=DAY,
                  group_name="Thôn Bờ He", trainer_names=("Nguyễn Văn Ánh", "Hồ Thị Lan"),
                  verify_url="http://192.168.43.1:8501/chung-nhan?ma=7.bao-mat.20260105.x")
    values.update(changes)
    return CertificateDetails(**values)


# --- the signed code -------------------------------------------------------------

def test_code_round_trip():
    code = issue_code(SECRET, 42, "bao-mat", DAY)
    claim = read_code(SECRET, code)
    assert (claim.learner_id, claim.module_id, claim.issued_on) == (42, "bao-mat", DAY)
    assert code.startswith("42.bao-mat.20260105.") and len(code) < 60  # short: a small, easy QR


@pytest.mark.parametrize("tamper", [
    lambda c: c.replace("42.", "43.", 1),                      # another learner
    lambda c: c.replace("bao-mat", "vneid"),                   # another module
    lambda c: c.replace("20260105", "20250105"),               # another date
    lambda c: c[:-1] + ("A" if c[-1] != "A" else "B"),         # the signature itself
    lambda c: c.rsplit(".", 1)[0],                             # no signature
    lambda c: c + ".x",                                        # an extra part
])
def test_tampered_code_is_refused(tamper):
    assert read_code(SECRET, tamper(issue_code(SECRET, 42, "bao-mat", DAY))) is None


def test_code_signed_with_another_secret_is_refused():
    assert read_code(SECRET, issue_code("another-laptop-secret", 42, "bao-mat", DAY)) is None


@pytest.mark.parametrize("code", [None, "", "abc", "1.a.2.3", "x" * 500, "42.bao-mật.20260105.abc"])
def test_malformed_code_is_refused(code):
    assert read_code(SECRET, code) is None


def test_a_sign_in_token_is_not_a_certificate_code():
    from access.tokens import issue_token

    assert read_code(SECRET, issue_token(SECRET, "learner", 42, 3600, version=1)) is None


def test_module_id_must_be_kebab_case():
    with pytest.raises(ValueError, match="kebab-case"):
        issue_code(SECRET, 1, "Bao.Mat", DAY)


def test_verification_url_carries_the_code():
    code = issue_code(SECRET, 7, "an-toan", DAY)
    url = verification_url("http://192.168.43.1:8501/", code)
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("http", "192.168.43.1:8501", "/chung-nhan")
    assert parse_qs(parts.query) == {"ma": [code]}


# --- the PDF ---------------------------------------------------------------------

def test_pdf_has_every_detail_in_correct_vietnamese():
    data = render_certificate(details())
    assert data.startswith(b"%PDF")
    assert len(data) < 100_000  # fonts are embedded as subsets
    text = unicodedata.normalize("NFC", pdf_text(data))
    for expected in ("GIẤY CHỨNG NHẬN", "Đinh Thị Hoa", "Bảo mật thông tin cá nhân", "05/01/2026",
                     "Thôn Bờ He", "Nguyễn Văn Ánh, Hồ Thị Lan"):
        assert expected in text
    assert pdf_links(data) == [details().verify_url]  # the QR is also a link in PDF readers


def test_names_typed_as_nfd_are_printed_as_nfc():
    learner = LearnerInfo(7, 1, unicodedata.normalize("NFD", "Đinh  Thị Hoa"), True)
    made = certificate_details(learner, GroupTeam(1, "Thôn Bờ He", ()), Module(id="an-toan", title="An toàn", order=1),
                               SECRET, "http://x", DAY)
    assert made.learner_name == "Đinh Thị Hoa"
    assert "Đinh Thị Hoa" in pdf_text(render_certificate(made))


def test_an_emoji_in_a_name_is_printed_as_a_box_not_lost():
    data = render_certificate(details(learner_name="Hoa 🌸 Lan 👍🏽 ★", group_name="Thôn 🌾 Gò",
                                      trainer_names=("Ánh 👨‍👩‍👧 Lê",)))
    text = unicodedata.normalize("NFC", pdf_text(data))
    assert "Hoa □ Lan □ ★" in text  # ★ is in the font; the skin tone goes with its hand
    assert "Nhóm học: Thôn □ Gò" in text
    assert "Tập huấn viên: Ánh □ Lê" in text  # a family joined into one emoji is one box


def test_long_names_and_titles_still_render():
    data = render_certificate(details(learner_name="Nguyễn Thị Phương Thảo Hoàng " * 4,
                                      module_title="Công nghệ trong nông nghiệp " * 4, trainer_names=()))
    assert "Tập huấn viên" not in pdf_text(data) and "Nguyễn Thị Phương Thảo" in pdf_text(data)


def test_certificate_details_link_to_a_code_that_verifies():
    learner = LearnerInfo(7, 1, "Đinh Thị Hoa", True)
    made = certificate_details(learner, None, Module(id="an-toan", title="An toàn", order=1), SECRET,
                               "https://hocvuso.example.vn", DAY)
    assert made.verify_url.startswith("https://hocvuso.example.vn/chung-nhan?ma=")
    claim = read_code(SECRET, parse_qs(urlsplit(made.verify_url).query)["ma"][0])
    assert (claim.learner_id, claim.module_id, claim.issued_on) == (7, "an-toan", DAY)
    assert (made.group_name, made.trainer_names) == ("", ())


def test_file_name_and_date_in_vietnam():
    assert certificate_file_name("an-toan") == "chung-nhan-an-toan.pdf"
    late_evening_utc = dt.datetime(2026, 1, 4, 20, 0, tzinfo=dt.UTC)  # 03:00 on the 5th in Vietnam
    assert vietnam_today(late_evening_utc) == DAY


@pytest.mark.needs_commands("pdftoppm", "zbarimg", apt="poppler-utils zbar-tools")  # to decode the printed QR
def test_printed_qr_decodes_to_the_verification_url(tmp_path):
    (tmp_path / "c.pdf").write_bytes(render_certificate(details()))
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(tmp_path / "c.pdf"), str(tmp_path / "page")], check=True)
    image = next(tmp_path.glob("page*.png"))
    decoded = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True, check=True)
    assert decoded.stdout.strip() == details().verify_url


# --- checking a certificate against the database ---------------------------------

def test_check_certificate_follows_the_database(sqlite_db, catalog):
    group = create_group(sqlite_db, "Thôn Bờ He")
    create_trainer(sqlite_db, "tapsu", "Tập huấn viên", "hocvuso2025", [group.id])
    learner = create_learner(sqlite_db, group.id, "Đinh Thị Hoa", "1234")
    code = issue_code(SECRET, learner.id, "an-toan", DAY)
    assert check_certificate(sqlite_db, catalog, SECRET, code) is None  # not finished yet

    pass_lesson(sqlite_db, learner.id, "bai-mau")
    pass_lesson(sqlite_db, learner.id, "thuc-hanh-mau")
    valid = check_certificate(sqlite_db, catalog, SECRET, code)
    assert (valid.learner_name, valid.group_name, valid.module_title, valid.issued_on) == (
        "Đinh Thị Hoa", "Thôn Bờ He", "An toàn", DAY)
    assert check_certificate(sqlite_db, catalog, "other-secret", code) is None
    assert check_certificate(sqlite_db, catalog, SECRET, issue_code(SECRET, learner.id, "no-such-module", DAY)) is None

    delete_learner(sqlite_db, learner.id)
    assert check_certificate(sqlite_db, catalog, SECRET, code) is None
