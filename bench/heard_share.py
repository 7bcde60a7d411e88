"""How much of what a learner sees can be heard: the share of visible learner-facing
strings, per screen, that a tap on the screen's "Nghe" buttons speaks (or that need no
reading: icons and numbers only).

Run (from the project folder, with the project's virtualenv):

    python bench/heard_share.py          # about a minute
    python bench/heard_share.py -v       # + every string that was not heard

Needs Debian Chromium at /usr/bin/chromium (or CHROMIUM_PATH) and the Python
``playwright`` package; it never downloads a browser. Everything runs on 127.0.0.1.

What it does
------------
1. Copies the project to a temporary folder (bench/served_app.py) and serves it with a
   fresh SQLite database and the demo group, with the shipped lessons.
2. Drives headless Chromium as a 360x640 touch phone with a fake Vietnamese phone voice
   that logs what it is asked to say, and no recorded or pre-rendered audio, so every
   "Nghe" speaks through that voice (the path a phone with a Vietnamese voice takes).
3. Walks a learner's way through the app, choosing by element keys, never by text:
   sign-in (group, name, code, consent), home, the first lesson step by step, its quiz
   (every question, an answer, the feedback, the result), a practice lesson (a wrong
   tap and its hint, then the right one), progress and settings.
4. On each screen it lists the visible text strings (not the Nghe buttons' own size
   line), taps every "Nghe" on the screen, and counts a string as heard when every word
   of it (letters only, compared in lower case after the app's own speech
   normalisation) is among the words spoken on that screen. A string with no letters
   (an icon, a number, "1 / 5") counts as needing no reading, and so does a button whose
   only words go with an icon the home screen's spoken welcome explains
   (``media.ui_phrases.NAVIGATION_ICONS``, when the app defines it).

It prints one row per screen (strings, heard, icon or number only, share) and the
total. The rule is strict about words and lenient about order: a counter "Câu 1 / 5"
is heard if "câu" is spoken on that screen.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from served_app import BenchError, Server, app_copy  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PHONE = {"viewport": {"width": 360, "height": 640}, "is_mobile": True, "has_touch": True, "locale": "vi-VN"}
LEARNER_CODE = "1234"  # the demo learner Đinh Thị Hoa

FAKE_VOICE = """
window.__spoken = [];
window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
const voices = [{ lang: "vi-VN", name: "Giọng thử", default: true }];
Object.defineProperty(window, "speechSynthesis", { value: {
    getVoices: () => voices,
    speak: (utterance) => window.__spoken.push(utterance.text),
    cancel: () => {}, addEventListener: () => {},
}});
"""

VISIBLE_STRINGS = """
() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim();
    const el = walker.currentNode.parentElement;
    if (!text || !el || el.closest('.nghe-box, script, style, noscript, [aria-hidden="true"]')) continue;
    const box = el.getBoundingClientRect(), style = getComputedStyle(el);
    if (box.width < 2 || box.height < 2 || box.right <= 0 || box.left >= innerWidth) continue;
    if (style.visibility === 'hidden' || style.display === 'none' || style.opacity === '0') continue;
    if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;  // e.g. a closed section
    out.push({ text, button: !!el.closest('button, [role="button"], a') });
  }
  return out;
}
"""


@dataclass
class Screen:
    name: str
    strings: list[str] = field(default_factory=list)
    heard: list[str] = field(default_factory=list)
    icon_only: list[str] = field(default_factory=list)
    unheard: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return 100.0 * (len(self.heard) + len(self.icon_only)) / len(self.strings) if self.strings else 100.0


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).lower()
    return re.findall(r"[^\W\d_]+", text)


class Walk:
    def __init__(self, page, normalise, nav_icons: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
        self.page, self.normalise, self.nav_icons = page, normalise, nav_icons
        self.screens: list[Screen] = []

    def settle(self) -> None:
        self.page.wait_for_load_state("networkidle")
        self.page.wait_for_timeout(700)

    def measure(self, name: str) -> None:
        self.settle()
        found = self.page.evaluate(VISIBLE_STRINGS)
        strings = [item["text"] for item in found]
        buttons = {item["text"] for item in found if item["button"]}
        self.page.evaluate("() => { window.__spoken.length = 0; }")
        for button in self.page.locator(".nghe-play").all():
            if button.is_visible():
                button.click()
                self.page.wait_for_timeout(150)
        spoken = " ".join(self.page.evaluate("() => window.__spoken"))
        heard_words = set(words(spoken)) | set(words(self.normalise(spoken)))
        screen = Screen(name, strings)
        for text in strings:
            letters = words(text)
            navigation = text in buttons and any(icon in text for icon in self.nav_icons)
            if not letters or navigation:
                screen.icon_only.append(text)
            elif set(letters) <= heard_words or set(words(self.normalise(text))) <= heard_words:
                screen.heard.append(text)
            else:
                screen.unheard.append(text)
        self.screens.append(screen)

    def tap(self, key: str) -> None:
        """Tap the Streamlit element with this key (its CSS class is st-key-<key>)."""
        self.page.locator(f".st-key-{key} button").first.click()
        self.settle()

    def has(self, key: str) -> bool:
        return self.page.locator(f".st-key-{key} button").count() > 0


def open_lesson(walk: Walk, lesson_id: str) -> None:
    page = walk.page
    button = page.locator(f".st-key-lesson_{lesson_id} button")
    if not button.is_visible():
        page.locator('[data-testid="stExpander"] details', has=button).locator("summary").click()
    button.click()
    walk.settle()


def walk_lesson(walk: Walk, lesson, label: str) -> None:  # type: ignore[no-untyped-def]
    for index, step in enumerate(lesson.steps, start=1):
        walk.measure(f"{label} step {index}")
        if step.practice:
            wrong = next((t for t in step.practice.targets if not t.correct), None)
            key = f"practice_{lesson.id}_{step.id}"
            if wrong is not None:
                walk.tap(f"{key}_{wrong.id}")
                walk.measure(f"{label} step {index}: hint")
            right = next(t for t in step.practice.targets if t.correct)
            walk.tap(f"{key}_{right.id}")
            walk.measure(f"{label} step {index}: done")
        if walk.has("next"):
            walk.tap("next")


def answer(walk: Walk, question) -> None:  # type: ignore[no-untyped-def]
    """Answer wrongly where the kind allows, so the feedback names the right answer."""
    kind = question.kind
    if kind in ("single_choice", "image_choice"):
        wrong = next(o for o in question.options if not o.correct)
        walk.tap(f"{'opt' if kind == 'single_choice' else 'img'}_{question.id}_{wrong.id}")
    elif kind == "true_false":
        walk.tap(f"tf_{question.id}_{'false' if question.answer else 'true'}")
    elif kind == "multiple_choice":
        walk.page.locator(f".st-key-chk_{question.id}_{question.options[0].id} label").click()
        walk.tap(f"submit_{question.id}")
    else:  # ordering: in the order shown
        for item in question.shuffled_items():
            walk.tap(f"ord_{question.id}_{item.id}")
        walk.tap(f"submit_{question.id}")


def run(verbose: bool) -> int:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise BenchError(f"needs Debian chromium at {CHROMIUM} (apt-get install chromium)")
    with app_copy("bdhvs-heard-") as app:
        from catalog.loading import load_catalog
        from media.speech_text import normalise_for_speech
        from progress.demo import seed_demo

        try:
            from media.ui_phrases import NAVIGATION_ICONS  # type: ignore[attr-defined]
        except ImportError:
            NAVIGATION_ICONS = {}
        seed_demo(app.database())
        catalog = load_catalog(app.app_dir / "lessons" / "content", app.app_dir / "quizzes" / "content")
        lessons = catalog.lessons_in_order()
        lesson = lessons[0]
        practice = next(item for item in lessons if item.kind == "practice")
        with Server(app) as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
            page = browser.new_context(**PHONE).new_page()
            page.set_default_timeout(20000)
            page.add_init_script(FAKE_VOICE)
            walk = Walk(page, normalise_for_speech, NAVIGATION_ICONS)
            page.goto(server.base)
            page.locator("[class*='st-key-group_'] button").first.wait_for()
            walk.measure("sign-in: group")
            page.locator("[class*='st-key-group_'] button").first.click()
            page.locator("[class*='st-key-learner_'] button").first.wait_for()
            walk.measure("sign-in: name")
            page.locator("[class*='st-key-learner_'] button").first.click()
            page.locator(".st-key-code_keypad_1 button").wait_for()
            walk.measure("sign-in: code")
            for digit in LEARNER_CODE:
                walk.tap(f"code_keypad_{digit}")
            if walk.has("consent_yes"):
                walk.measure("consent")
                walk.tap("consent_yes")
            page.locator(f".st-key-lesson_{lesson.id}").wait_for(state="attached")
            walk.measure("home")
            open_lesson(walk, lesson.id)
            walk_lesson(walk, lesson, "lesson")
            walk.tap("to_quiz")
            quiz = catalog.quizzes[lesson.id]
            for index, question in enumerate(quiz.questions, start=1):
                walk.measure(f"quiz {index} ({question.kind})")
                answer(walk, question)
                walk.measure(f"quiz {index}: feedback")
                walk.tap(f"next_{index - 1}")
            walk.measure("quiz result")
            walk.tap("home_done")
            open_lesson(walk, practice.id)
            walk_lesson(walk, practice, "practice")
            page.goto(server.base + "/tien-bo")
            walk.measure("my progress")
            page.goto(server.base + "/cai-dat")
            walk.measure("settings")
            browser.close()
    report(walk.screens, verbose)
    return 0


def report(screens: list[Screen], verbose: bool) -> None:
    print(f"{'screen':34} {'strings':>7} {'heard':>6} {'icon/#':>6} {'share':>7}")
    for screen in screens:
        print(f"{screen.name[:34]:34} {len(screen.strings):7} {len(screen.heard):6} "
              f"{len(screen.icon_only):6} {screen.share:6.1f}%")
        if verbose:
            for text in screen.unheard:
                print(f"    not heard: {text[:90]}")
    total = sum(len(s.strings) for s in screens)
    ok = sum(len(s.heard) + len(s.icon_only) for s in screens)
    print(f"{'TOTAL':34} {total:7} {sum(len(s.heard) for s in screens):6} "
          f"{sum(len(s.icon_only) for s in screens):6} {100.0 * ok / total if total else 100.0:6.1f}%")
    unheard = sorted({text for screen in screens for text in screen.unheard})
    print(f"distinct strings never heard on their screen: {len(unheard)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every string that was not heard")
    args = parser.parse_args()
    try:
        return run(args.verbose)
    except BenchError as exc:
        print(f"heard_share: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
