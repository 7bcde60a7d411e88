"""Accessibility, measured on every learner page of a 360×640 phone.

On each screen: axe-core (WCAG 2.0/2.1/2.2 A and AA rules) finds no serious or critical
violation, nothing scrolls sideways, every button/link/input of the app is at least
48 px tall, and the text a learner reads is at least 18 px. All problems of the whole
walk are listed together at the end. Screenshots: test-artifacts/screenshots/a11y-*.png.
axe-core comes from npm (pinned, installed by the axe_script fixture) and is injected from disk.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from settings import PROJECT_ROOT
from tests.conftest import skip_or_fail
from tests.e2e.conftest import shot, tap_digits, wait_for_consent_or_home, wait_until_drawn

pytestmark = pytest.mark.e2e

AXE_VERSION = "4.14.1"  # pinned; the test installs it with npm into test-artifacts/node (git-ignored)
AXE_PREFIX = PROJECT_ROOT / "test-artifacts" / "node"
AXE_PACKAGE = AXE_PREFIX / "node_modules" / "axe-core"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
BLOCKING_IMPACTS = {"serious", "critical"}
MIN_TARGET_PX = 48
MIN_TEXT_PX = 18
# the only demo learner test_learner_journey.py leaves alone
LEARNER, GROUP, CODE = "Đinh Thị Hoa", "Thôn Bờ He", "1234"

# Streamlit's own chrome, which the app's CSS cannot (and should not) restyle; not measured.
CHROME = {
    '[data-testid="stHeader"]': "Streamlit's top bar (main menu ⋮, status); the app hides navigation",
    '[data-testid="stToolbar"]': "Streamlit's toolbar in the top bar",
    '[data-testid="stSidebar"]': "Streamlit's sidebar (navigation is hidden; no sidebar is drawn)",
    '[data-testid="stSkipToContent"]': "Streamlit's 'Skip to main content' link: 1 px until a keyboard focuses it",
}


@pytest.fixture(scope="session")
def axe_script() -> str:
    """Path of axe.min.js; installs the pinned axe-core with npm when it is missing or another version."""
    if _installed_axe_version() != AXE_VERSION:
        npm = shutil.which("npm")
        if npm is None:
            skip_or_fail("accessibility tests need npm to install axe-core (apt-get install nodejs npm)")
        command = [npm, "install", "--prefix", str(AXE_PREFIX), "--no-audit", "--no-fund", "--no-save",
                   "--loglevel=error", f"axe-core@{AXE_VERSION}"]
        AXE_PREFIX.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
        if result.returncode != 0 or _installed_axe_version() != AXE_VERSION:
            pytest.fail(f"{' '.join(command[1:])} failed:\n{result.stdout}\n{result.stderr}")
    return str(AXE_PACKAGE / "axe.min.js")


def _installed_axe_version() -> str | None:
    try:
        return json.loads((AXE_PACKAGE / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        return None


# --- measuring one screen -------------------------------------------------------------

RUN_AXE_JS = """async (tags) => {
    const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
    return result.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map((n) => ({target: JSON.stringify(n.target), summary: n.failureSummary || ""}))}));
}"""

# Every interactive element in the document and in open shadow roots (the "Nghe" button),
# measured as the thing a finger hits: a checkbox by its label, a select box by its box.
TARGETS_JS = """([chrome]) => {
    const selector = 'button, a[href], input:not([type="hidden"]), select, textarea, summary, '
        + '[role="button"], [role="link"], [role="checkbox"], [role="radio"], [role="combobox"], [role="tab"]';
    const all = [];
    const walk = (root) => {
        root.querySelectorAll(selector).forEach((el) => all.push(el));
        root.querySelectorAll("*").forEach((el) => { if (el.shadowRoot) { walk(el.shadowRoot); } });
    };
    walk(document);
    const hostOf = (el) => { const r = el.getRootNode(); return r instanceof ShadowRoot ? r.host : el; };
    const measured = [], ignored = [];
    for (const el of new Set(all)) {
        const style = getComputedStyle(el);
        if (el.hidden || style.display === "none" || style.visibility === "hidden") { continue; }
        let box = el;
        if (el.matches('input[type="checkbox"], input[type="radio"]')) { box = el.closest("label") || el; }
        else if (el.closest('[data-baseweb="select"]')) { box = el.closest('[data-baseweb="select"]'); }
        else if (el.closest('[data-baseweb="input"]')) { box = el.closest('[data-baseweb="input"]'); }
        const rect = box.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) { continue; }
        const label = (el.labels && el.labels[0]) || el.closest("label");
        const name = ((el.getAttribute("aria-label") || (label && label.innerText)
                       || el.innerText || el.placeholder || "")
            .replace(/\\s+/g, " ").trim() || el.tagName.toLowerCase()).slice(0, 60);
        const where = Object.entries(chrome).find(([sel]) => hostOf(el).closest(sel));
        const row = {name, tag: el.tagName.toLowerCase(), height: Math.round(rect.height * 10) / 10,
                     width: Math.round(rect.width * 10) / 10};
        if (where) { ignored.push({...row, why: where[1]}); } else { measured.push(row); }
    }
    return {measured, ignored};
}"""

# The font size of every piece of text a learner reads on the page (shadow roots too).
TEXT_JS = """() => {
    const rows = [];
    const walk = (root) => {
        const it = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = it.nextNode(); node; node = it.nextNode()) {
            const text = node.textContent.replace(/\\s+/g, " ").trim();
            const el = node.parentElement;
            if (!text || !el || el.closest('[data-testid="stHeader"], script, style, noscript')) { continue; }
            const rect = el.getBoundingClientRect();
            const style = getComputedStyle(el);
            if (rect.width === 0 || rect.height === 0 || style.visibility === "hidden") { continue; }
            rows.push({text: text.slice(0, 50), size: parseFloat(style.fontSize),
                       cls: (el.className && el.className.baseVal === undefined ? el.className : "").slice(0, 40)});
        }
        root.querySelectorAll("*").forEach((el) => { if (el.shadowRoot) { walk(el.shadowRoot); } });
    };
    walk(document.querySelector('[data-testid="stMain"]') || document.body);
    return rows;
}"""

LESSON_TEXT_JS = """() => [...document.querySelectorAll(".step-text, .tip")].map((el) =>
    ({text: el.innerText.trim().slice(0, 50), size: parseFloat(getComputedStyle(el).fontSize)}))"""


class Audit:
    """Checks screen after screen and keeps every problem, to list them all at the end."""

    def __init__(self, page, axe_path: str) -> None:
        self.page, self.axe_path = page, axe_path
        self.problems: list[str] = []
        self.ignored: dict[str, str] = {}
        self.screens: list[str] = []

    def settle(self) -> None:
        wait_until_drawn(self.page)
        self.page.wait_for_timeout(500)  # let Streamlit finish painting (and components mount)
        wait_until_drawn(self.page)

    def check(self, name: str, lesson_text: bool = False) -> None:
        page = self.page
        self.settle()
        self.screens.append(name)
        shot(page, f"a11y-{name}")
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.add_script_tag(path=self.axe_path)
        for v in page.evaluate(RUN_AXE_JS, WCAG_TAGS):
            if v["impact"] in BLOCKING_IMPACTS:
                nodes = "\n".join(f"      {n['target']}\n        {n['summary'].replace(chr(10), chr(10) + '        ')}"
                                  for n in v["nodes"][:6])
                self.problems.append(f"[{name}] axe {v['impact']} {v['id']}: {v['help']}\n{nodes}")
        sizes = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if sizes[0] > sizes[1]:
            self.problems.append(f"[{name}] scrolls sideways: page is {sizes[0]} px wide, screen {sizes[1]} px")
        targets = page.evaluate(TARGETS_JS, [dict(CHROME)])
        for t in targets["measured"]:
            if t["height"] < MIN_TARGET_PX:
                self.problems.append(f"[{name}] touch target {t['height']} px tall (< {MIN_TARGET_PX}): "
                                     f"<{t['tag']}> {t['name']!r}")
        for t in targets["ignored"]:
            self.ignored.setdefault(f"<{t['tag']}> {t['name']!r} ({t['height']} px)", t["why"])
        for t in page.evaluate(TEXT_JS):
            if t["size"] < MIN_TEXT_PX:
                self.problems.append(f"[{name}] text {t['size']} px (< {MIN_TEXT_PX}): {t['text']!r} .{t['cls']}")
        if lesson_text:
            texts = page.evaluate(LESSON_TEXT_JS)
            assert texts, f"[{name}] no lesson text found"
            for t in texts:
                if t["size"] < MIN_TEXT_PX:
                    self.problems.append(f"[{name}] lesson text {t['size']} px (< {MIN_TEXT_PX}): {t['text']!r}")

    def report(self) -> str:
        ignored = "\n".join(f"  {what}: {why}" for what, why in sorted(self.ignored.items()))
        return (f"{len(self.problems)} accessibility problem(s) on {len(self.screens)} screens "
                f"({', '.join(self.screens)}):\n\n" + "\n\n".join(self.problems)
                + f"\n\nNot measured (Streamlit chrome):\n{ignored or '  nothing'}")


# --- the walk -----------------------------------------------------------------------------


def assert_keyboard_focus_is_visible(page, button_text: str) -> None:
    """Tabbing to a button draws a clear outline around it (for keyboards and switch access)."""
    for _ in range(15):
        page.keyboard.press("Tab")
        focused = page.evaluate("(el => el && el.tagName === 'BUTTON' ? el.innerText : '')(document.activeElement)")
        if button_text in focused:
            break
    else:
        pytest.fail(f"Tab never reached the button {button_text!r}")
    outline = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
        return {style: s.outlineStyle, width: parseFloat(s.outlineWidth)}; }""")
    assert outline["style"] != "none" and outline["width"] >= 2, f"focused {button_text!r}: outline {outline}"


def test_every_learner_screen_is_accessible_on_a_phone(phone, server, axe_script):
    page = phone
    audit = Audit(page, axe_script)
    page.goto(server)

    page.get_by_role("button", name=GROUP).wait_for()
    audit.check("01-group")
    assert_keyboard_focus_is_visible(page, GROUP)
    page.get_by_role("button", name=GROUP).click()
    page.get_by_role("button", name=LEARNER).wait_for()
    audit.check("02-name")
    page.get_by_role("button", name=LEARNER).click()
    page.get_by_text(f"Chào {LEARNER}").wait_for()
    audit.check("03-code")
    tap_digits(page, CODE)
    wait_for_consent_or_home(page)
    consent = page.get_by_role("button", name="Tôi đồng ý")
    if consent.count():
        audit.check("04-consent")
        consent.click()
    page.get_by_text(f"Chào {LEARNER}").wait_for()

    lesson_button = page.get_by_role("button", name="Bài mẫu")
    # open the module's section unless it is already open; decided on the section's own
    # state, not on whether the button is visible yet (it may still be drawing, and a tap
    # on the header then would close a section that opens by itself)
    section = page.locator('[data-testid="stExpander"] details').first
    section.wait_for(state="attached")
    if section.get_attribute("open") is None:
        section.locator("summary").click()
    lesson_button.wait_for()
    audit.check("05-home")

    lesson_button.click()
    page.get_by_text("Bước 1 / 5").wait_for()
    page.get_by_role("img", name="Điện thoại hiện một mã số.").wait_for()
    page.get_by_role("button", name="🔊 Nghe").first.wait_for()
    audit.check("06-lesson-step", lesson_text=True)
    page.get_by_role("button", name="Tiếp theo").click()
    page.get_by_text("Bước 2 / 5").wait_for()
    page.locator(".tip").wait_for()
    audit.check("07-lesson-step-tip", lesson_text=True)
    for step in (3, 4, 5):
        page.get_by_role("button", name="Tiếp theo").click()
        page.get_by_text(f"Bước {step} / 5").wait_for()
    page.get_by_role("button", name="Làm bài kiểm tra").click()

    page.get_by_text("Câu 1 / 5").wait_for()
    audit.check("08-quiz-single-choice", lesson_text=True)
    page.get_by_role("button", name="Đọc mã cho họ").click()  # wrong: feedback names the right one
    page.get_by_text("Chưa đúng").wait_for()
    page.locator(".nghe-play").first.wait_for()  # the feedback's one Nghe: verdict, right answer, why
    audit.check("09-quiz-feedback", lesson_text=True)
    page.get_by_role("button", name="Câu tiếp theo").click()
    page.get_by_role("button", name="Sai").click()
    page.get_by_role("button", name="Câu tiếp theo").click()
    page.get_by_text("Đòi chuyển tiền gấp").wait_for()
    audit.check("10-quiz-multiple-choice", lesson_text=True)
    page.get_by_text("Đòi chuyển tiền gấp").click()
    page.get_by_text("Gửi đường link lạ").click()
    page.get_by_role("button", name="Trả lời").click()
    page.get_by_role("button", name="Câu tiếp theo").click()
    page.get_by_role("img", name="Màn hình màu xanh ghi chữ Thật.").wait_for()
    audit.check("11-quiz-image-choice", lesson_text=True)
    page.get_by_role("button", name="Màn hình xanh").click()
    page.get_by_role("button", name="Câu tiếp theo").click()
    page.get_by_role("button", name="Mở ứng dụng").click()
    page.locator("li", has_text="Mở ứng dụng").wait_for()
    audit.check("12-quiz-ordering", lesson_text=True)
    for item in ("Nhập số", "Bấm Đăng nhập"):
        page.get_by_role("button", name=item).click()
        page.locator("li", has_text=item).wait_for()
    page.get_by_role("button", name="Trả lời").click()
    page.get_by_role("button", name="Xem kết quả").click()
    page.get_by_text("Bác trả lời đúng").wait_for()
    # the balloons fly for under 2 s; then they must be gone from what a screen reader finds
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    balloons = page.locator('[data-testid="stBalloons"]')
    try:
        balloons.first.wait_for(state="attached", timeout=3000)
    except PlaywrightTimeout:
        pass  # no balloons (anymore): nothing to wait for
    page.wait_for_function("""() => [...document.querySelectorAll('[data-testid="stBalloons"]')]
        .every((el) => getComputedStyle(el).visibility === "hidden" || getComputedStyle(el).display === "none")""",
        timeout=5000)
    audit.check("13-quiz-result")

    page.get_by_role("button", name="Về trang chính").click()
    page.get_by_role("button", name="Thực hành mẫu").click()
    page.get_by_role("button", name="Tiếp theo").click()
    page.get_by_role("button", name="1. Đăng ký").click()
    page.get_by_text("Hãy tìm nút Đăng nhập").first.wait_for()
    audit.check("14-practice-hint", lesson_text=True)

    # the learner's settings; then the largest text must still fit the phone's width
    page.get_by_role("button", name="Về trang chính").click()
    page.get_by_role("button", name="Cài đặt").click()
    page.get_by_text("Cỡ chữ").first.wait_for()
    audit.check("15-settings")
    page.get_by_text("Chữ rất to").click()
    page.wait_for_function("() => parseFloat(getComputedStyle(document.querySelector('.step-text')).fontSize) > 22")
    audit.check("16-settings-very-large-text")
    page.get_by_role("button", name="Về trang chính").click()
    page.get_by_role("button", name="Bài mẫu").click()
    page.locator(".step-text").first.wait_for()
    audit.check("17-lesson-very-large-text", lesson_text=True)
    page.get_by_role("button", name="Về trang chính").click()
    page.get_by_role("button", name="Tiến bộ của tôi").click()
    page.get_by_text("Đạt").first.wait_for()
    audit.check("18-my-progress-very-large-text")

    print(audit.report())
    assert not audit.problems, audit.report()


def test_audit_lists_every_problem_readably():
    """The failure message names the screen, the rule and the element."""
    audit = Audit(page=None, axe_path="")
    audit.screens = ["x"]
    audit.problems = ["[x] axe serious color-contrast: Elements must meet minimum color contrast ratio thresholds"]
    audit.ignored = {"<button> 'Main menu' (32 px)": CHROME['[data-testid="stToolbar"]']}
    text = audit.report()
    assert "1 accessibility problem(s) on 1 screens (x)" in text
    assert "color-contrast" in text and "Main menu" in text
