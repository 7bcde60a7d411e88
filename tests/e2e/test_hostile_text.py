"""Names are shown, not rendered (issue 13, item 5): a trainer types names with markdown,
HTML and formulas into the app's own forms in Chromium; every page that shows them —
the dashboard, the QR cards, the learner's sign-in cards, and the refusals that quote a
name (a group or a learner added twice) — shows the letters as typed,
draws no picture, link, bold or formula from them, and no phone fetches anything from
the outside address. Its own server on its own database. Screenshots:
test-artifacts/screenshots/hostile-*."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from progress.database import upgrade_to_head
from progress.demo import seed_demo
from tests.e2e.conftest import CHROMIUM_ARGS, SCREENSHOTS, shot, wait_until_drawn
from tests.e2e.servers import base_url, served

pytestmark = pytest.mark.e2e

GROUP = "[link](javascript:alert(1)) **Thôn**"
NAMES = ("**Hoa**", "![x](http://evil.invalid/x.png)", "<img src=x>", "[link](javascript:alert(1))", "$x$ Lan")


@pytest.fixture
def hostile_server(tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    from progress.database import connect

    url = f"sqlite:///{tmp_path / 'hostile.db'}"
    upgrade_to_head(url)
    seed_demo(connect(url))
    with served(url, tmp_path / "server.log") as port:
        yield base_url(port)


@pytest.fixture
def browser(chromium_path):  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def watched(browser, outside: list[str], **options):  # type: ignore[no-untyped-def]
    """A new page whose requests to the outside address are written down."""
    context = browser.new_context(locale="vi-VN", **options)
    context.set_default_timeout(20000)
    page = context.new_page()
    page.on("request", lambda request: outside.append(request.url) if "evil" in request.url else None)
    return page


def choose_option(page, picker, text: str) -> None:  # type: ignore[no-untyped-def]
    """Open a select box and pick the option holding ``text``, as a person does: when the
    page redraws under the finger and the list closes, open it again."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    option = page.get_by_role("option").filter(has_text=text)
    for _ in range(5):
        picker.click()
        try:
            option.wait_for(timeout=3000)
        except PlaywrightTimeout:  # the list closed as the page redrew: open it again
            continue
        option.click()
        return
    raise AssertionError(f"the select box never offered {text!r}")


def add_group(page, name: str) -> None:  # type: ignore[no-untyped-def]
    """Type a group's name into "Thêm nhóm mới" and press "Thêm nhóm"."""
    wait_until_drawn(page)
    field = page.locator(".st-key-new_group_name input")
    if not field.is_visible():
        page.get_by_text("Thêm nhóm mới").click()
    field.fill(name)
    page.get_by_role("button", name="Thêm nhóm", exact=True).click()


def add_learner(page, name: str, code: str) -> None:  # type: ignore[no-untyped-def]
    """Type a learner's name and code into "Thêm học viên" and press "Thêm"."""
    from playwright.sync_api import expect

    field = page.locator(".st-key-new_learner_name input")
    expect(field).to_have_count(1)  # the page has finished drawing after the last "Thêm"
    if not field.is_visible():
        page.locator("summary", has_text="Thêm học viên").click()
    field.fill(name)
    page.locator(".st-key-new_learner_code input").fill(code)
    page.get_by_role("button", name="Thêm", exact=True).click()


def refusal_seen(page, text: str, form: str) -> None:  # type: ignore[no-untyped-def]
    """Wait for the red note holding ``text`` under the form; the page redraws without the
    last green note, which can close the form's section: open it again, as a person does."""
    from playwright.sync_api import expect

    alert = page.get_by_role("alert", include_hidden=True).filter(has_text=text)
    expect(alert).to_have_count(1)
    if not alert.is_visible():
        page.locator("summary", has_text=form).click()
    alert.wait_for()


def shown_as_text(page, texts: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    """Every text visible as typed, and nothing drawn from it."""
    for text in texts:
        page.get_by_text(text, exact=False).first.wait_for()
    assert page.locator("img[src*='evil'], img[src='x']").count() == 0, "a name became a picture"
    assert page.locator("a[href^='javascript']").count() == 0, "a name became a link"
    bold = [b.inner_text().strip() for b in page.locator("strong").all()]
    assert "Hoa" not in bold and "Thôn" not in bold, f"a name became bold: {bold}"
    assert page.locator(".katex").count() == 0, "a name became a formula"


def test_hostile_names_typed_by_a_trainer_are_shown_as_text_everywhere(browser, hostile_server):
    server, outside = hostile_server, []
    page = watched(browser, outside, viewport={"width": 1280, "height": 800})
    page.goto(server + "/tap-huan-vien")
    page.get_by_label("Tên đăng nhập").fill("tapsu")
    page.get_by_role("textbox", name="Mật khẩu").fill("hocvuso2025")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("heading", name="Tiến độ nhóm").wait_for()

    # the trainer's forms: a new group, then its learners
    add_group(page, GROUP)
    page.get_by_text(f"Đã thêm nhóm {GROUP}.").wait_for()
    for number, name in enumerate(NAMES, start=1):
        add_learner(page, name, f"{number}{number}{number}{number}")
        page.get_by_text(f"Đã thêm {name}.").wait_for()
    shot(page, "hostile-1-dashboard")
    shown_as_text(page, (NAMES[-1],))
    add_learner(page, NAMES[0], "9999")  # a second "**Hoa**": refused, her name quoted as typed
    refusal_seen(page, f"Trong nhóm đã có người tên “{NAMES[0]}”.", "Thêm học viên")
    shown_as_text(page, (f"Trong nhóm đã có người tên “{NAMES[0]}”.",))
    page.reload()  # a quiet page, then the same group again: the refusal quotes its name as typed
    page.get_by_role("heading", name="Tiến độ nhóm").wait_for()
    add_group(page, GROUP)
    refusal_seen(page, f"Đã có nhóm tên “{GROUP}”.", "Thêm nhóm mới")
    shot(page, "hostile-4-same-group")
    shown_as_text(page, (f"Đã có nhóm tên “{GROUP}”.",))

    # the QR cards of that group: each card and each "Thu hồi thẻ" button
    page.get_by_role("link", name="Thẻ QR vào học").click()
    page.get_by_text("Thẻ mở địa chỉ").wait_for()  # the page has drawn its group picker
    choose_option(page, page.locator(".st-key-cards_group input"), "javascript")
    for name in NAMES:
        page.get_by_role("button", name=f"Thu hồi thẻ của {name}").wait_for()
    shot(page, "hostile-2-qr-cards")
    shown_as_text(page, NAMES)

    # a phone: the group's button and the name cards on the sign-in page
    phone = watched(browser, outside, viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True)
    phone.goto(server)
    phone.get_by_role("button", name=GROUP).click()
    for name in NAMES:
        phone.get_by_role("button", name=name).wait_for()
    shot(phone, "hostile-3-sign-in")
    shown_as_text(phone, NAMES)
    phone.get_by_role("button", name=NAMES[0]).click()
    phone.get_by_text(f"Chào {NAMES[0]}!").wait_for()
    shown_as_text(phone, (NAMES[0],))
    assert outside == [], "a phone or the laptop fetched from the outside address"
