"""A demo account on a real install: its published password must be changed before any
staff page shows anything else, and a server phones on a network can reach warns about it
on every staff page (progress/demo.py, ui/demo_account.py)."""

from __future__ import annotations

import pytest

from progress.demo import DEMO_ADMIN, DEMO_TRAINER
from progress.trainers import verify_trainer
from tests.ui.flows import button_by_label, texts
from tests.ui.test_trainer_flow import trainer_signs_in
from ui.demo_account import FIRST_PASSWORD_NOTE, NETWORK_WARNING

STAFF_PAGES = ["ui/trainer/dashboard.py", "ui/trainer/qr_cards.py", "ui/trainer/reports.py",
               "ui/trainer/classes_held.py", "ui/trainer/present.py"]


@pytest.fixture(autouse=True)
def _not_told_by_serve(monkeypatch):
    """The pages follow the setting server.host here (no `manage.py serve` in this process)."""
    monkeypatch.setattr("access.serving_host._SERVED_ON", [])


def set_password(at, current: str, new: str, again: str | None = None):  # type: ignore[no-untyped-def]
    at.text_input(key="password_current").input(current)
    at.text_input(key="password_new").input(new)
    at.text_input(key="password_again").input(again or new)
    button_by_label(at, "Đổi mật khẩu").click().run()
    return at


def test_a_demo_account_sets_a_new_password_before_any_staff_page(new_app, app_env, monkeypatch):
    monkeypatch.setenv("BDHVS_AUTH__DEMO_MUST_CHANGE_PASSWORD", "true")
    username, _, password = DEMO_TRAINER
    at = trainer_signs_in(new_app(), password=password, username=username)
    for page in STAFF_PAGES:
        at.switch_page(page).run()
        assert FIRST_PASSWORD_NOTE in texts(at), page
        assert "Tiến độ nhóm" not in texts(at) and "Thôn Bờ He" not in texts(at), page
        assert [b.label for b in at.button] == ["Đổi mật khẩu"], page

    at.switch_page("ui/trainer/dashboard.py").run()
    set_password(at, password, DEMO_ADMIN[2])
    assert "có in trong tài liệu" in texts(at) and FIRST_PASSWORD_NOTE in texts(at)
    set_password(at, password, "mat-khau-rieng")
    assert "Đã đổi mật khẩu." in texts(at)
    assert FIRST_PASSWORD_NOTE not in texts(at) and "Tiến độ nhóm" in texts(at)
    assert verify_trainer(app_env, username, "mat-khau-rieng") is not None
    at.switch_page("ui/trainer/reports.py").run()
    assert FIRST_PASSWORD_NOTE not in texts(at)


def test_the_demo_admin_too_sets_a_new_password_first(new_app, monkeypatch):
    monkeypatch.setenv("BDHVS_AUTH__DEMO_MUST_CHANGE_PASSWORD", "true")
    at = trainer_signs_in(new_app(), username=DEMO_ADMIN[0], password=DEMO_ADMIN[2])
    at.switch_page("ui/trainer/admin.py").run()
    assert FIRST_PASSWORD_NOTE in texts(at) and [b.label for b in at.button] == ["Đổi mật khẩu"]


def test_a_server_phones_can_reach_warns_about_a_demo_password_on_every_staff_page(new_app, monkeypatch):
    monkeypatch.setenv("BDHVS_SERVER__HOST", "0.0.0.0")
    username, _, password = DEMO_TRAINER
    at = trainer_signs_in(new_app(), password=password, username=username)
    for page in STAFF_PAGES:
        at.switch_page(page).run()
        assert [w.value for w in at.warning].count(NETWORK_WARNING) == 1, page
    at.switch_page("ui/trainer/dashboard.py").run()
    assert "Đã đổi mật khẩu." in texts(set_password(at, password, "mat-khau-rieng"))
    for page in STAFF_PAGES:
        at.switch_page(page).run()
        assert NETWORK_WARNING not in [w.value for w in at.warning], page


def test_serve_with_only_this_computer_shows_no_warning(new_app, monkeypatch):
    username, _, password = DEMO_TRAINER
    at = trainer_signs_in(new_app(), password=password, username=username)  # server.host 127.0.0.1
    assert NETWORK_WARNING not in [w.value for w in at.warning]
    monkeypatch.setattr("access.serving_host._SERVED_ON", ["127.0.0.1"])  # `serve --host` wins
    monkeypatch.setenv("BDHVS_SERVER__HOST", "0.0.0.0")
    at.run()
    assert NETWORK_WARNING not in [w.value for w in at.warning]
