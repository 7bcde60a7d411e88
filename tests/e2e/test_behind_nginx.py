"""Two app processes behind nginx on loopback, on one database, as `dev.py run` serves a
laptop with nginx and deploy/ a district server (docs/deploy.md): a learner's phone
(Chromium at phone size) sends every HTTP request and its websocket to one process,
chosen by the ``bdhvs_node`` cookie; when that process is killed (SIGKILL, nothing
tidied up), a reload lands on the other one, still signed in, with every answer stored
before the kill. On SQLite and, when TEST_DATABASE_URL is set (CI), on PostgreSQL.

Which process served the phone is read from each process's own log
(``manage.py serve --log-requests``, access/request_log.py): a line per request and per
websocket session, with the routing cookie. The nginx configuration is the one
``dev.py run`` writes (commands/serve_plan.py); nginx answers Streamlit's scripts
itself, so no process log names one."""

from __future__ import annotations

import re
import signal
import subprocess
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
from sqlalchemy import select

from commands.serve_plan import find_nginx, write_standalone_config
from progress.database import connect
from progress.demo import seed_demo
from progress.models import Learner, LessonProgress, QuizRun, QuizRunAnswer
from tests.conftest import skip_or_fail
from tests.e2e.conftest import (
    CHROMIUM_ARGS,
    PHONE,
    TWO_SERVERS_SECRET,
    open_lesson_from_home,
    shot,
    tap_sign_in,
    wait_for_consent_or_home,
    wait_for_sign_in_cookie,
    wait_until_drawn,
)
from tests.e2e.servers import Served, base_url, free_port, served_process, wait_until_it_answers

pytestmark = pytest.mark.e2e

LEARNER, CODE = "Hồ Văn Quý", "4567"
SIGN_IN_SCREEN = "Thôn Bờ He"  # the group button, first thing on the sign-in screen
START_SECONDS = 30


@contextmanager
def nginx_in_front(backend_ports: list[int], run_dir: Path) -> Iterator[int]:
    """nginx on a free loopback port in front of the processes, as ``dev.py run`` starts it."""
    nginx = find_nginx()
    if nginx is None:
        skip_or_fail("needs nginx (apt-get install nginx-light)")
    port = free_port()
    conf = write_standalone_config(run_dir, f"127.0.0.1:{port}", backend_ports)
    log = (run_dir / "nginx.log").open("w")
    process = subprocess.Popen([nginx, "-p", str(run_dir), "-c", str(conf), "-e", "stderr", "-g", "daemon off;"],
                               stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_until_it_answers(port, process, lambda: f"nginx did not start: {(run_dir / 'nginx.log').read_text()}",
                              START_SECONDS)
        yield port
    finally:
        process.terminate()
        process.wait(10)
        log.close()


def lines_for(log_path: Path, node: str) -> list[str]:
    """The lines of a process's log about the phone whose routing cookie is ``node``."""
    return [line for line in log_path.read_text().splitlines() if line.endswith(f" node={node}")]


def stored_progress(url: str, name: str) -> set[tuple[object, ...]]:
    """Every quiz answer and lesson-progress row of a learner, as plain tuples."""
    db = connect(url)
    try:
        with db() as session:
            learner_id = session.scalars(select(Learner.id).where(Learner.display_name == name)).one()
            answers = session.execute(
                select(QuizRun.lesson_id, QuizRunAnswer.position, QuizRunAnswer.question_id, QuizRunAnswer.answer,
                       QuizRunAnswer.correct)
                .join(QuizRun, QuizRunAnswer.run_id == QuizRun.id).where(QuizRun.learner_id == learner_id))
            lessons = session.execute(
                select(LessonProgress.lesson_id, LessonProgress.steps_done)
                .where(LessonProgress.learner_id == learner_id))
            return {("answer", *row) for row in answers} | {("lesson", *row) for row in lessons}
    finally:
        db.kw["bind"].dispose()


def answer_two_questions(page) -> None:  # type: ignore[no-untyped-def]
    """Through the fixture lesson's steps into its quiz; one wrong and one right answer."""
    open_lesson_from_home(page)
    to_quiz = page.get_by_role("button", name="Làm bài kiểm tra")
    for _ in range(6):
        page.get_by_text("Bước").or_(to_quiz).first.wait_for()
        wait_until_drawn(page)  # the last step's text can show before its "Làm bài kiểm tra"
        if to_quiz.count():
            break
        step = page.get_by_text("Bước").first.inner_text()
        page.get_by_role("button", name="Tiếp theo").click()
        page.get_by_text(step).wait_for(state="detached")
    to_quiz.click()
    page.get_by_text("Câu 1 / 5").wait_for()
    page.get_by_role("button", name="Đọc mã cho họ").click()  # wrong
    page.get_by_text("Chưa đúng").wait_for()
    page.get_by_role("button", name="Câu tiếp theo").click()
    page.get_by_text("Câu 2 / 5").wait_for()
    page.get_by_role("button", name="❌ Sai").click()  # right
    page.get_by_text("Đúng rồi").wait_for()
    page.get_by_role("button", name="Câu tiếp theo").click()
    page.get_by_text("Câu 3 / 5").wait_for()


def test_a_phone_stays_on_one_process_and_outlives_it(database_url: str, tmp_path: Path, chromium_path: str) -> None:
    from playwright.sync_api import sync_playwright

    seed_demo(connect(database_url))
    logs = {"a": tmp_path / "app-a.log", "b": tmp_path / "app-b.log"}
    # as dev.py runs them behind nginx: loopback, the same key, nginx's X-Forwarded-* believed
    behind_nginx = {"BDHVS_SERVER__TRUSTED_PROXIES": '["127.0.0.1"]'}
    with ExitStack() as stack:
        apps: dict[str, Served] = {
            name: stack.enter_context(served_process(database_url, log, TWO_SERVERS_SECRET, ("--log-requests",),
                                                     **behind_nginx))
            for name, log in logs.items()
        }
        (tmp_path / "nginx").mkdir()
        front = base_url(stack.enter_context(nginx_in_front([app.port for app in apps.values()], tmp_path / "nginx")))
        playwright = stack.enter_context(sync_playwright())
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        stack.callback(browser.close)
        context = browser.new_context(**PHONE)  # type: ignore[arg-type]
        context.set_default_timeout(30000)
        page = context.new_page()

        page.goto(front)
        tap_sign_in(page, LEARNER, CODE)
        wait_for_consent_or_home(page)
        consent = page.get_by_role("button", name="Tôi đồng ý")
        if consent.count():
            consent.click()
        page.get_by_text(f"Chào {LEARNER}").wait_for()
        wait_for_sign_in_cookie(page)
        node = next(cookie["value"] for cookie in context.cookies() if cookie["name"] == "bdhvs_node")
        answer_two_questions(page)
        before = stored_progress(database_url, LEARNER)
        assert sum(1 for row in before if row[0] == "answer") == 2, before

        # one process served every request and the websocket of this phone; the other none
        served = {name: lines_for(log, node) for name, log in logs.items()}
        [first] = [name for name, lines in served.items() if lines]
        [other] = [name for name in logs if name != first]
        assert any(re.search(r"websocket /_stcore/stream opened", line) for line in served[first]), served[first]
        assert any(" POST /auth/session 200 " in line for line in served[first]), served[first]
        assert served[other] == []
        # Streamlit's scripts came from nginx (commands/nginx_config.py), not from an app process
        scripts = page.evaluate("() => performance.getEntriesByType('resource').map((e) => e.name)"
                                ".filter((url) => url.includes('/static/js/'))")
        assert scripts, "the page loaded no script under /static/js/"
        assert [line for log in logs.values() for line in log.read_text().splitlines()
                if " /static/js/" in line or " /static/css/" in line] == []

        apps[first].process.send_signal(signal.SIGKILL)
        apps[first].process.wait(10)

        page.reload()
        page.get_by_text("Câu 3 / 5").wait_for()  # still signed in, the quiz where it was
        assert page.get_by_role("button", name=SIGN_IN_SCREEN).count() == 0
        page.goto(front)
        page.get_by_text(f"Chào {LEARNER}").wait_for()  # the home screen, not the sign-in page
        assert page.get_by_role("button", name=SIGN_IN_SCREEN).count() == 0
        shot(page, "behind-nginx-home-after-a-process-died")
        assert any("websocket /_stcore/stream opened" in line for line in lines_for(logs[other], node))
        after = stored_progress(database_url, LEARNER)
        assert before <= after, f"lost when the process died: {before - after}"
