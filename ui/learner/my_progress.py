"""My progress: lessons passed in each module, and a certificate for each finished module."""

from __future__ import annotations

import html
from functools import partial
from urllib.parse import urlsplit

import streamlit as st

from certificates.document import certificate_details, certificate_file_name, render_certificate, vietnam_today
from progress.group_team import group_team
from progress.reports.lesson_states import learner_lessons
from progress.reports.module_progress import ModuleProgress, lessons_passed_of_all, module_progress
from ui import resources
from ui.narration_widget import narrate
from ui.signin_state import signed_in_learner

MODULE_DONE = "Bác đã học xong phần này. Bấm nút bên dưới để tải giấy chứng nhận."

learner = signed_in_learner("ui/learner/my_progress.py")
db = resources.database()
modules = module_progress(resources.catalog(), learner_lessons(db, learner.id))
team = group_team(db, learner.group_id)
today = vietnam_today()


def _base_url() -> str:
    """Where phones reach this server (the QR on the certificate points here)."""
    url = urlsplit(st.context.url or "")
    if url.scheme and url.netloc:
        return f"{url.scheme}://{url.netloc}"
    host = st.context.headers.get("host") if st.context.headers else None
    return f"http://{host}" if host else f"http://localhost:{resources.settings().server.port}"


base_url = _base_url()


def _certificate_card(entry: ModuleProgress, index: int) -> None:
    """A finished module's certificate, at the top of the page: on a phone's first screen."""
    st.success(f"🎉 {entry.module.icon} {entry.module.title}: {MODULE_DONE}")
    narrate(f"{entry.module.title}. {MODULE_DONE}", f"done_{index}")
    details = certificate_details(learner, team, entry.module, resources.secret_key(), base_url, today)
    st.download_button(
        "📄 Tải giấy chứng nhận",
        data=partial(render_certificate, details),  # the PDF is made only when tapped
        file_name=certificate_file_name(entry.module.id),
        mime="application/pdf",
        key=f"certificate_{entry.module.id}",
        type="primary",
        on_click="ignore",
        width="stretch",
    )


def _module_card(entry: ModuleProgress, index: int) -> None:
    title = f"{entry.module.icon} {entry.module.title}"
    st.subheader(title)
    marks = " ".join("✅" if lesson.id in entry.passed_ids else "⚪" for lesson in entry.lessons)
    spoken = f"{entry.module.title}: bác đã đạt {entry.passed} trên {entry.total} bài."
    st.html(f'<p class="progress-row" role="img" aria-label="{html.escape(spoken)}">{marks}</p>'
            f'<p class="progress-count">Đạt {entry.passed}/{entry.total} bài</p>')
    narrate(spoken, f"module_{index}")


st.title("Tiến bộ của tôi")
# certificates ready to download come first: below the modules they were 3,800 px down the page
for position, entry in enumerate(modules):
    if entry.complete:
        _certificate_card(entry, position)

passed, total = lessons_passed_of_all(modules)
summary = f"Bác đã đạt {passed} trên {total} bài."
st.html(f'<p class="progress-total">Bác đã đạt {passed}/{total} bài</p>')
narrate(summary, "summary")

for position, entry in enumerate(modules):
    with st.container(border=True):
        _module_card(entry, position)

if st.button("🏠 Về trang chính", key="home", width="stretch"):
    st.switch_page("ui/learner/home.py")
