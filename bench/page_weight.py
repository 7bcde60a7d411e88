"""Page weight on a phone: how many bytes a learner's phone downloads, per screen.

Run (from the project folder, with the project's virtualenv):

    python bench/page_weight.py            # about 25 s
    python bench/page_weight.py --slow3g   # + time to a usable sign-in screen on slow 3G (~1 min more)
    python bench/page_weight.py -v         # + every request of every phase

Needs Debian Chromium at /usr/bin/chromium (or CHROMIUM_PATH) and the Python
``playwright`` package; it never downloads a browser. Everything runs on 127.0.0.1.

What it does
------------
1. Copies the project (without .git, data/, tests/, test-artifacts/, bench/) to a
   temporary folder and starts ``manage.py serve`` from that copy on a free loopback
   port, with a fresh SQLite database seeded by ``progress.demo.seed_demo``. The copy matters: the
   app renders missing narration with espeak-ng *into static/audio/*, and this script
   must not write into the working tree. ``--in-place`` serves the working tree itself
   (then new audio files may appear in static/audio/).
2. Drives headless Chromium as a 360x740 touch phone (as tests/e2e do) and meters the
   network through the Chrome DevTools Protocol (``Network.*`` events of a CDP session
   on the page):

   * HTTP bytes = sum of ``Network.loadingFinished.encodedDataLength`` (bytes on the
     wire: headers + body, compressed when gzip applies). Responses served from the
     browser cache count 0 bytes and are counted apart ("cached"). A request the
     browser cancels (the <audio> element does, once it has enough) counts the body
     bytes that arrived (``Network.dataReceived``).
   * Requests = ``Network.requestWillBeSent`` (data:/blob: URLs excluded).
   * WebSocket = payload bytes of ``Network.webSocketFrameReceived`` / ``...Sent``
     (Streamlit's protobuf deltas; binary frames are base64 in CDP and decoded here).
     CDP shows payloads *after* permessage-deflate is undone, so when the handshake
     negotiated it (the script prints whether it did) the real wire bytes are fewer:
     the "≈wire" column estimates them by deflating each connection's frames in
     order with one shared zlib stream (context takeover, 2^12 window, as negotiated).

   A phase ends when no HTTP request is in flight and nothing moved for 0.8 s.

   First visit, empty cache (a new browser context):
     (a)  open the app: the sign-in screen (group buttons)
     (b)  sign in: group -> learner "Đinh Thị Hoa" -> code 1234 -> consent -> home
     (c)  open the first lesson of the home screen: step 1 with its <audio>. st.audio
          sets no preload attribute, so Chrome uses its default 'metadata', which for
          these small MP3s fetches the whole file at once (one 206 range request)
          before anyone taps play; the row's note shows the element's state.
     (c+) "Tiếp theo" through the remaining steps (not one of the four phases;
          it is how the quiz is reached)
     (d)  "Làm bài kiểm tra": quiz question 1
     (d+) answer question 1: feedback with its narration
   Repeat visit, warm cache (a second page of the same context; the HTTP cache
   persists within a context, cookies are cleared so the sign-in is repeated and the
   lesson's saved step is reset to step 1 in the database, so the screens match):
     (o)  open the app in the new tab while still signed in -> home (extra row)
     (a)  clear cookies and reload -> sign-in screen; then (b), (c), (c+), (d), (d+).
3. Compares the first load with and without gzip: every same-origin file the cold
   phase (a) fetched is re-fetched with urllib, once with ``Accept-Encoding: gzip``
   and once with ``identity``.
4. Prints the Cache-Control of an audio file under /app/static/audio/ (200 and 206).
5. ``--slow3g``: a fresh context throttled with ``Network.emulateNetworkConditions``
   (400 kbit/s down and up, 2 s RTT) and the time until the sign-in screen's group
   button is visible: cold cache, then a warm reload.

Code: this file holds the journey and main; bench/served_app.py the copy and the server,
bench/cdp_meter.py the CDP metering, bench/page_weight_report.py the tables and checks.

KB = 1024 bytes. The whole run is bounded by a watchdog (``WATCHDOG_S`` = 175 s, --slow3g
included); the server is stopped at the end in every case, and the copy deleted.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import sqlite3
import sys
import time
from pathlib import Path

sys.dont_write_bytecode = True  # never leave __pycache__ behind in the working tree
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/, also when not run as a script
from cdp_meter import Meter, Phase  # noqa: E402
from page_weight_report import audio_cache_check, gzip_comparison, kb, print_requests, print_table  # noqa: E402
from served_app import BenchError, Server, app_copy  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True, "locale": "vi-VN"}
GROUP, LEARNER, CODE = "Thôn Bờ He", "Đinh Thị Hoa", "1234"
WATCHDOG_S = 175  # hard limit for the whole run, --slow3g included
SLOW3G = {"offline": False, "latency": 2000, "downloadThroughput": 400_000 / 8,
          "uploadThroughput": 400_000 / 8, "connectionType": "cellular3g"}


# --------------------------------------------------------------------------- the journey

def lesson_button(page, lesson_id: str):  # type: ignore[no-untyped-def]
    return page.locator(f".st-key-lesson_{lesson_id} button")


def audio_info(page) -> str:  # type: ignore[no-untyped-def]
    """What the step's "Nghe" button says it costs (nothing is downloaded before a tap)."""
    meta = page.locator(".nghe-meta").first
    return f"Nghe button: {meta.inner_text()!r}" if meta.count() else "no Nghe button"


def journey(page, meter: Meter, base: str, lesson, quiz, warm: bool) -> list[Phase]:  # type: ignore[no-untyped-def]
    """Phases (a) to (d+) on one page; for the warm visit (a) is a reload after clearing cookies."""
    phases: list[Phase] = []

    def open_signin():  # type: ignore[no-untyped-def]
        if warm:
            page.context.clear_cookies()
            page.reload()
        else:
            page.goto(base)
        page.get_by_role("button", name=GROUP).wait_for()
        return ""

    def sign_in():  # type: ignore[no-untyped-def]
        page.get_by_role("button", name=GROUP).click()
        page.get_by_role("button", name=LEARNER).click()
        for digit in CODE:  # the big keypad; the 4th digit signs in
            page.get_by_role("button", name=digit, exact=True).click()
        consent = page.get_by_role("button", name="Tôi đồng ý")
        home = page.get_by_role("button", name="Đăng xuất")
        consent.or_(home).first.wait_for()
        note = ""
        if consent.is_visible():
            meter.settle(page, cap=5)  # let the consent screen's narration load, as a phone would
            consent.click()
            note = "consent screen shown"
        home.wait_for()
        return note

    def open_lesson():  # type: ignore[no-untyped-def]
        button = lesson_button(page, lesson.id)
        if not button.is_visible():  # home lists modules as collapsed sections: open the lesson's one
            page.locator("[data-testid='stExpander'] summary").filter(has=page.locator(
                f"xpath=ancestor::details[.//*[contains(@class, 'st-key-lesson_{lesson.id}')]]")).click()
        button.click()
        page.get_by_text(f"Bước 1 / {len(lesson.steps)}").wait_for()
        page.get_by_role("button", name="🔊 Nghe").first.wait_for()
        return ""

    def walk_steps():  # type: ignore[no-untyped-def]
        for n in range(2, len(lesson.steps) + 1):
            page.get_by_role("button", name="Tiếp theo").click()
            page.get_by_text(f"Bước {n} / {len(lesson.steps)}").wait_for()
            meter.settle(page, cap=5)  # a learner reads (and hears) each step before tapping on
        return f"{len(lesson.steps) - 1} steps, each settled"

    def open_quiz():  # type: ignore[no-untyped-def]
        page.get_by_role("button", name="Làm bài kiểm tra").click()
        page.get_by_text(f"Câu 1 / {len(quiz.questions)}").wait_for()
        return ""

    def answer():  # type: ignore[no-untyped-def]
        q = quiz.questions[0]
        if q.kind == "single_choice":
            page.locator(f".st-key-opt_{q.id}_{q.options[0].id} button").click()
        elif q.kind == "true_false":
            page.locator(f".st-key-tf_{q.id}_true button").click()
        elif q.kind == "image_choice":
            page.locator(f".st-key-img_{q.id}_{q.options[0].id} button").click()
        elif q.kind == "ordering":
            for item in q.items:
                page.locator(f".st-key-ord_{q.id}_{item.id} button").click()
                page.locator("li", has_text=item.text).wait_for()
            page.locator(f".st-key-submit_{q.id} button").click()
        else:  # multiple_choice: tick the first box, then "Trả lời"
            page.locator(f".st-key-chk_{q.id}_{q.options[0].id} label").click()
            page.locator(f".st-key-submit_{q.id} button").click()
        page.get_by_role("button", name=re.compile("Câu tiếp theo|Xem kết quả")).wait_for()
        return ""

    phases.append(meter.measure("(a) open sign-in" if not warm else "(a) reload sign-in", page, open_signin))
    phases.append(meter.measure("(b) sign in → home", page, sign_in))
    phases.append(meter.measure("(c) lesson step 1", page, open_lesson))
    phases[-1].note = (phases[-1].note + "; " if phases[-1].note else "") + audio_info(page)
    phases.append(meter.measure("(c+) steps 2..N", page, walk_steps))
    phases.append(meter.measure("(d) quiz question 1", page, open_quiz))
    phases.append(meter.measure("(d+) answer → feedback", page, answer))
    return phases


def reset_lesson(db_path: Path, lesson_id: str) -> None:
    with sqlite3.connect(db_path) as con:
        con.execute("UPDATE lesson_progress SET current_step = 0 WHERE lesson_id = ?", (lesson_id,))
        # the quiz resumes an open run: without this the repeat visit opens at question 2
        con.execute("DELETE FROM quiz_run_answers WHERE run_id IN (SELECT id FROM quiz_runs WHERE lesson_id = ?)",
                    (lesson_id,))
        con.execute("DELETE FROM quiz_runs WHERE lesson_id = ?", (lesson_id,))


def slow3g_run(browser, base: str) -> None:  # type: ignore[no-untyped-def]
    print("\nSlow 3G (Network.emulateNetworkConditions: 400 kbit/s down/up, 2 s RTT)")
    context = browser.new_context(**PHONE)
    context.set_default_timeout(100_000)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        meter = Meter(cdp)
        cdp.send("Network.emulateNetworkConditions", SLOW3G)
        for label, go in (("cold cache, first visit", lambda: page.goto(base, wait_until="commit")),
                          ("warm cache, reload", lambda: page.reload(wait_until="commit"))):
            meter.phase = ph = Phase(label)
            t0 = time.monotonic()
            go()
            page.get_by_role("button", name=GROUP).wait_for()
            usable = time.monotonic() - t0
            meter.settle(page, cap=30)
            meter.phase = None
            print(f"  {label:<26} sign-in screen usable after {usable:5.1f} s "
                  f"({kb(ph.http_bytes)} KB HTTP, "
                  f"{len(ph.net_requests)} net + {len(ph.cached_requests)} cached requests)")
    finally:
        context.close()


def browse(browser, base: str, app, lesson, quiz, args) -> None:  # type: ignore[no-untyped-def]
    """The first and the repeat visit in one browser context, then every report."""
    context = browser.new_context(**PHONE)
    context.set_default_timeout(20_000)

    page = context.new_page()
    meter = Meter(context.new_cdp_session(page))
    cold = journey(page, meter, base, lesson, quiz, warm=False)
    ws_ext_cold = list(meter.ws_extensions)
    page.close()

    reset_lesson(app.db_path, lesson.id)
    page2 = context.new_page()
    meter2 = Meter(context.new_cdp_session(page2))

    def open_signed_in():  # type: ignore[no-untyped-def]
        page2.goto(base)
        page2.get_by_role("button", name="Đăng xuất").wait_for()
        return "cookie still valid: lands on home"

    warm = [meter2.measure("(o) new tab, signed in", page2, open_signed_in)]
    warm += journey(page2, meter2, base, lesson, quiz, warm=True)
    page2.close()

    print_table("FIRST VISIT — empty cache (360×740 phone, loopback; KB = 1024 B)", cold)
    print_table("REPEAT VISIT — warm HTTP cache, second page of the same context", warm)
    for m, label in ((meter, "first visit"), (meter2, "repeat visit")):
        if m.stray.requests or m.stray.ws_in:
            print(f"  ({label}: {kb(m.stray.http_bytes)} KB HTTP / {kb(m.stray.ws_in)} KB WS "
                  f"arrived between phases)")
    ext = "; ".join(sorted({e or "none" for e in ws_ext_cold + meter2.ws_extensions}))
    print(f"WebSocket extensions negotiated: {ext} "
          f"({'payloads shown are before compression' if 'deflate' in ext else 'frames go uncompressed'})")
    if args.verbose:
        print("\nEvery request, first visit:")
        print_requests(cold)
        print("\nEvery request, repeat visit:")
        print_requests(warm)

    gzip_comparison(base, cold[0])
    audio_cache_check(base, app.app_dir, cold + warm)

    if args.slow3g:
        slow3g_run(browser, base)


# --------------------------------------------------------------------------- main

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--slow3g", action="store_true", help="also time the sign-in screen on emulated slow 3G")
    parser.add_argument("--in-place", action="store_true",
                        help="serve the working tree itself instead of a temporary copy (may write static/audio/)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every request of every phase")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"needs Chromium at {CHROMIUM} (apt-get install chromium) or CHROMIUM_PATH", file=sys.stderr)
        return 2

    def watchdog(signum, frame):  # type: ignore[no-untyped-def]
        raise TimeoutError(f"page_weight: gave up after {WATCHDOG_S} s")

    signal.signal(signal.SIGALRM, watchdog)
    signal.alarm(WATCHDOG_S)
    started = time.monotonic()
    try:
        with app_copy("page_weight_", in_place=args.in_place) as app:
            from progress.demo import seed_demo

            seed_demo(app.database())
            from catalog.loading import load_catalog

            catalog = load_catalog(app.app_dir / "lessons" / "content", app.app_dir / "quizzes" / "content")
            # an ordinary lesson: no pretend-screen taps
            lesson = next(candidate for candidate in catalog.lessons_in_order() if candidate.kind == "lesson")
            quiz = catalog.quiz_for(lesson.id)
            if quiz is None:
                raise SystemExit(f"lesson {lesson.id} has no quiz; the journey needs one")
            with Server(app) as server:
                print(f"server {server.base} (serving "
                      f"{'the working tree' if args.in_place else 'a copy in ' + str(app.app_dir)})")
                print(f"lesson: {lesson.title} [{lesson.id}], {len(lesson.steps)} steps; "
                      f"quiz {len(quiz.questions)} questions")

                from playwright.sync_api import sync_playwright

                with sync_playwright() as p:
                    browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                    browse(browser, server.base, app, lesson, quiz, args)
                    browser.close()
                print(f"\ndone in {time.monotonic() - started:.0f} s")
        return 0
    except BenchError as exc:  # the server did not start
        raise SystemExit(str(exc)) from exc
    finally:
        signal.alarm(0)


if __name__ == "__main__":
    sys.exit(main())
