"""'Tiến bộ của tôi': lessons passed per module and, for a finished module, its certificate.

The page is registered in app.py by the lead as
st.Page("ui/learner/my_progress.py", title="Tiến bộ của tôi", url_path="tien-bo");
until then these tests run it in a small app of its own, as a signed-in learner.
"""

from __future__ import annotations

import io
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from pypdf import PdfReader
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from access.tokens import SignIn
from catalog.loading import load_catalog
from certificates.verification import check_certificate
from progress.groups import list_groups
from progress.learners import list_learners, record_consent
from progress.tracking import record_attempt
from quizzes.answers import GradedAnswer
from settings import PROJECT_ROOT
from tests.conftest import FIXTURE_CONTENT
from tests.ui.flows import players

PAGE = PROJECT_ROOT / "ui" / "learner" / "my_progress.py"


@pytest.fixture
def progress_page(app_env, tmp_path):  # type: ignore[no-untyped-def]
    """A function that opens the page for a learner of the demo group."""
    app = tmp_path / "progress_app.py"
    app.write_text(
        "import streamlit as st\n"
        "from ui.style import apply_style\n"
        "apply_style()\n"
        f"st.navigation([st.Page({str(PAGE)!r}, title='Tiến bộ của tôi', url_path='tien-bo')],"
        " position='hidden').run()\n",
        encoding="utf-8",
    )

    def open_page(name: str = "Đinh Thị Hoa") -> AppTest:
        members = list_learners(app_env, list_groups(app_env)[0].id)
        learner = next(member for member in members if member.display_name == name)
        record_consent(app_env, learner.id)  # learner pages ask for consent first
        at = AppTest.from_file(str(app), default_timeout=30)
        at.session_state["signin"] = SignIn("learner", learner.id, int(time.time()) + 3600)
        return at.run()

    return open_page


def learner_id(db, name: str = "Đinh Thị Hoa") -> int:  # type: ignore[no-untyped-def]
    return next(member.id for member in list_learners(db, list_groups(db)[0].id) if member.display_name == name)


def pass_lesson(db, lesson_id: str) -> None:  # type: ignore[no-untyped-def]
    record_attempt(db, learner_id(db), lesson_id, [GradedAnswer("q-mot", "a", True)], 100, True, 80)


def page_html(at: AppTest) -> str:
    return "\n".join(element.proto.body for element in at.get("html"))


def test_nothing_passed_shows_zero_and_no_certificate(progress_page):
    at = progress_page()
    assert not at.exception
    assert at.title[0].value == "Tiến bộ của tôi"
    assert "🛡️ An toàn" in [s.value for s in at.subheader]
    html = page_html(at)
    assert "Bác đã đạt 0/2 bài" in html and "⚪ ⚪" in html and "Đạt 0/2 bài" in html
    assert len(at.download_button) == 0
    spoken = [p["text"] for p in players(at)]
    assert "Bác đã đạt 0 trên 2 bài." in spoken and "An toàn: bác đã đạt 0 trên 2 bài." in spoken


def test_half_the_module_is_not_enough(progress_page, app_env):
    pass_lesson(app_env, "bai-mau")
    at = progress_page()
    assert "✅ ⚪" in page_html(at) and "Đạt 1/2 bài" in page_html(at)
    assert len(at.download_button) == 0


def test_finished_module_offers_a_certificate_that_verifies(progress_page, app_env, monkeypatch):
    made = []
    register = MediaFileManager.add_deferred

    def remember(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):  # type: ignore[no-untyped-def]
        made.append((data_callable, mimetype, file_name))
        return register(self, data_callable, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", remember)
    pass_lesson(app_env, "bai-mau")
    pass_lesson(app_env, "thuc-hanh-mau")
    at = progress_page()
    assert not at.exception
    assert "✅ ✅" in page_html(at) and "Đạt 2/2 bài" in page_html(at)
    button = at.download_button(key="certificate_an-toan")
    assert "Tải giấy chứng nhận" in button.label
    assert any("học xong phần này" in s.value for s in at.success)
    assert any("học xong phần này" in p["text"] for p in players(at))

    # the PDF is made when the button is tapped: the learner's name, and a QR link that verifies
    make_pdf, mimetype, file_name = made[-1]
    assert (mimetype, file_name) == ("application/pdf", "chung-nhan-an-toan.pdf")
    pdf = make_pdf()
    assert pdf.startswith(b"%PDF")
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert "Đinh Thị Hoa" in page.extract_text() and "Thôn Bờ He" in page.extract_text()
    link = page["/Annots"][0].get_object()["/A"]["/URI"]
    assert urlsplit(link).path == "/chung-nhan"
    catalog = load_catalog(FIXTURE_CONTENT / "lessons", FIXTURE_CONTENT / "quizzes")
    valid = check_certificate(app_env, catalog, "apptest-secret", parse_qs(urlsplit(link).query)["ma"][0])
    assert valid is not None and valid.learner_name == "Đinh Thị Hoa" and valid.module_title == "An toàn"


def test_each_learner_sees_only_their_own_progress(progress_page, app_env):
    pass_lesson(app_env, "bai-mau")
    pass_lesson(app_env, "thuc-hanh-mau")
    at = progress_page("Đinh Văn Lâm")
    assert "Đạt 0/2 bài" in page_html(at) and len(at.download_button) == 0
