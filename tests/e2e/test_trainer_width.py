"""Trainer pages in a real browser: at 1280×800 (a laptop) the results table shows its
last column; at 360×640 (a phone) no control of a table or chart named only in English
and smaller than 48 px is on screen (a table's toolbar: Download, Search, Fullscreen),
even after a tap on it."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import CHROMIUM_ARGS, PHONE, SCREENSHOTS, shot, wait_until_drawn

TABLES = '[data-testid="stDataFrame"]'
LAPTOP = {"viewport": {"width": 1280, "height": 800}, "locale": "vi-VN"}
TABLE_FITS = """(selector) => {
  const tables = document.querySelectorAll(selector);
  const table = tables[tables.length - 1];
  const scroller = table.querySelector('.dvn-scroller') || table;
  const box = table.getBoundingClientRect();
  return {right: box.right, width: window.innerWidth, scrolls: scroller.scrollWidth > scroller.clientWidth + 1};
}"""
# controls of tables and charts (their toolbar sits beside them, in the same element container)
TABLE_CONTROLS = ['[data-testid="stDataFrame"]', '[data-testid="stTable"]', '[data-testid="stVegaLiteChart"]',
                  '[data-testid="stElementToolbar"]']
SMALL_ENGLISH = """(roots) => [...document.querySelectorAll(roots.map((root) =>
    `[data-testid="stElementContainer"]:has(${root}) :is(button, a, [role="button"])`).join(', '))].filter((el) => {
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  if (!box.width || !box.height || style.visibility === 'hidden' || style.display === 'none') return false;
  if (box.width >= 48 && box.height >= 48) return false;
  const name = [el.getAttribute('aria-label'), el.getAttribute('title'), el.innerText].join(' ').trim();
  const vietnamese = /[àáảãạăâđèéẻẽẹêìíỉĩịòóỏõọôơùúủũụưỳýỷỹỵ]/i.test(name);
  return /[A-Za-z]{3,}/.test(name) && !vietnamese;
}).map((el) => `${el.getAttribute('aria-label') || el.getAttribute('title') || el.innerText} `
  + `(${Math.round(el.getBoundingClientRect().width)}x${Math.round(el.getBoundingClientRect().height)})`)"""


def open_dashboard(browser, server: str, context_options: dict):  # type: ignore[no-untyped-def]
    context = browser.new_context(**context_options)
    context.set_default_timeout(20000)
    page = context.new_page()
    page.goto(server + "/tap-huan-vien")
    page.get_by_label("Tên đăng nhập").fill("tapsu")
    page.get_by_label("Mật khẩu").fill("hocvuso2025")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("heading", name="Tiến độ nhóm").wait_for()
    page.locator(TABLES).nth(1).wait_for()  # each learner, learners × lessons (demo: no quiz yet)
    return page


@pytest.fixture
def browser(chromium_path, server):  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def test_on_a_laptop_the_results_table_shows_its_last_column(browser, server):
    page = open_dashboard(browser, server, LAPTOP)
    table = page.locator(TABLES).last  # learners × lessons, its last column "Hoạt động gần nhất"
    table.scroll_into_view_if_needed()
    fits = page.evaluate(TABLE_FITS, TABLES)
    shot(page, "trainer-1280x800-lessons-table")
    assert fits["right"] <= fits["width"] and not fits["scrolls"], fits
    assert page.locator(".block-container").bounding_box()["width"] > 1000  # not the phone's 720-px column


def test_on_a_phone_no_small_control_is_named_only_in_english(browser, server):
    page = open_dashboard(browser, server, PHONE)
    for number in range(page.locator(TABLES).count()):
        table = page.locator(TABLES).nth(number)
        table.scroll_into_view_if_needed()
        table.tap()  # a touch shows Streamlit's table toolbar, if it is there
        assert page.evaluate(SMALL_ENGLISH, TABLE_CONTROLS) == [], number
    shot(page, "trainer-360x640-table-tapped")
    page.get_by_text("Biểu đồ: ai có học").click()
    # the last chart's title (other browser tests may have held classes on this server, or not)
    page.get_by_text("Số buổi học trên lớp, theo tháng").wait_for()
    wait_until_drawn(page)
    shot(page, "trainer-360x640-charts")
    assert page.evaluate(SMALL_ENGLISH, TABLE_CONTROLS) == []
