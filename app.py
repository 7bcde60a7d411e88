"""Streamlit entry point: page config and navigation by role. No logic here."""

from __future__ import annotations

import streamlit as st

from ui.cookie_sync import sync_cookie
from ui.signin_state import check_signin_for_run, learner_preferences, run_page
from ui.streamlit_words import translate_streamlit_words
from ui.style import apply_style
from ui.trainer.menu import staff_pages

st.set_page_config(page_title="Bình dân học vụ số", page_icon="📱", layout="centered")
signin = check_signin_for_run()  # once per run: the page reuses it (ui/signin_state.py)
role = signin.role if signin else None
preferences = learner_preferences()
apply_style(preferences.text_size if preferences else "normal")
translate_streamlit_words()  # Streamlit's own English ("Skip to main content", …) in Vietnamese

# Learner pages are registered for everyone, so a shared link (a lesson sent over Zalo,
# a reload after the cookie expired) never shows "page not found": each learner page
# sends a visitor who is not signed in to sign in first, then back to that page.
LEARNER_PAGES = [
    st.Page("ui/learner/home.py", title="Trang chính", url_path="trang-chinh"),
    st.Page("ui/learner/lesson.py", title="Bài học", url_path="bai-hoc"),
    st.Page("ui/learner/quiz.py", title="Bài kiểm tra", url_path="kiem-tra"),
    st.Page("ui/learner/review.py", title="Ôn tập", url_path="on-tap"),
    st.Page("ui/learner/settings.py", title="Cài đặt", url_path="cai-dat"),
    st.Page("ui/learner/my_progress.py", title="Tiến bộ của tôi", url_path="tien-bo"),
]
SIGNIN_PAGES = [
    st.Page("ui/learner/signin.py", title="Vào học", url_path="vao-hoc"),
    st.Page("ui/trainer/signin.py", title="Tập huấn viên", url_path="tap-huan-vien"),
]
# A phone joining a live class from the projector's QR code: anyone, signed in or not
# (a guest joins with one tap); the page itself asks who is joining.
CLASS_PAGE = st.Page("ui/learner/class_follow.py", title="Lớp học", url_path="lop-hoc")
START_PAGES = {"learner": "ui/learner/home.py", "trainer": "ui/trainer/dashboard.py"}

if role == "learner":
    pages = LEARNER_PAGES
elif role == "trainer":  # every staff account signs in as "trainer"; its pages follow its role
    pages = staff_pages()
else:
    pages = LEARNER_PAGES


def open_start_page() -> None:
    st.switch_page(START_PAGES.get(role or "", "ui/learner/signin.py"))


# Streamlit serves its default page at "/" only, so a default page's own address (e.g.
# /trang-chinh) was "Page not found". No real page is the default: "/" opens the right
# page for whoever is here, and every page answers at its own address. The sign-in pages
# are registered for everyone too; someone already signed in is sent on from them.
start = st.Page(open_start_page, title="Bình dân học vụ số", url_path="bat-dau", default=True)
page = st.navigation([start, *SIGNIN_PAGES, CLASS_PAGE, *pages], position="hidden")
if role and any(page is signin_page for signin_page in SIGNIN_PAGES):
    open_start_page()
sync_cookie()
run_page(page)
