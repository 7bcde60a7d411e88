"""User-entered text is shown as text (issue 13, item 5): ``as_text`` escapes every sign
markdown could read, and the pages pass names through it (the browser test
tests/e2e/test_hostile_text.py sees the result on screen)."""

from __future__ import annotations

import re

import pytest

from progress.groups import list_groups
from progress.learners import create_learner, list_learners
from tests.ui.flows import button_by_label, texts
from tests.ui.test_trainer_flow import trainer_signs_in
from ui.plain_text import MARKDOWN_SPECIALS, as_text

HOSTILE = ("**Hoa**", "![x](http://evil.invalid/x.png)", "<img src=x>", "[link](javascript:alert(1))", "$x$",
           ":red[Lan]", "# Tổ 1", "1. Bà Tư", "- Ông Ba", "_Nga_ ~~Mai~~ `Cúc`", "a\\*b")


@pytest.mark.parametrize("name", HOSTILE)
def test_every_markdown_sign_gets_a_backslash_and_nothing_else_changes(name):
    shown = as_text(name)
    assert re.sub(r"\\(.)", r"\1", shown) == name  # the backslashes read away give the name back
    unescaped = re.sub(r"\\.", "", shown)
    assert not any(sign in unescaped for sign in MARKDOWN_SPECIALS), shown


def test_plain_names_are_untouched_and_a_name_is_one_line():
    assert as_text("Nguyễn Thị Hoa 🌸") == "Nguyễn Thị Hoa 🌸"
    assert as_text("Hoa\n\n# Lan") == "Hoa \\# Lan"
    assert as_text(42) == "42"


def test_the_name_cards_on_the_sign_in_page_are_text(new_app, app_env):
    group = list_groups(app_env)[0]
    for number, name in enumerate(HOSTILE[:5], start=1):
        create_learner(app_env, group.id, name, f"{number}{number}{number}{number}")
    at = new_app()
    at.run()
    at.button(key=f"group_{group.id}").click().run()
    learners = {learner.display_name: learner for learner in list_learners(app_env, group.id)}
    for name in HOSTILE[:5]:
        label = at.button(key=f"learner_{learners[name].id}").label
        assert label.endswith(f"  {as_text(name)}"), label
    at.button(key=f"learner_{learners['**Hoa**'].id}").click().run()
    assert "Chào \\*\\*Hoa\\*\\*!" in texts(at)


def test_the_trainers_pages_show_a_new_learners_name_as_text(new_app, app_env):
    at = trainer_signs_in(new_app())
    at.text_input(key="new_learner_name").input("![x](http://evil.invalid/x.png) **Hoa**")
    at.text_input(key="new_learner_code").input("5678")
    button_by_label(at, "Thêm").click().run()
    assert "Đã thêm \\!\\[x\\]\\(http\\://evil\\.invalid/x\\.png\\) \\*\\*Hoa\\*\\*." in texts(at)
    at.switch_page("ui/trainer/qr_cards.py").run()
    labels = [b.label for b in at.button if "Thu hồi thẻ" in b.label]
    assert "🚫 Thu hồi thẻ của \\!\\[x\\]\\(http\\://evil\\.invalid/x\\.png\\) \\*\\*Hoa\\*\\*" in labels


def test_a_new_group_with_markdown_in_its_name_is_text_on_the_dashboard(new_app, app_env):
    at = trainer_signs_in(new_app())
    at.text_input(key="new_group_name").input("**Thôn** $x$")
    button_by_label(at, "Thêm nhóm").click().run()
    assert "Đã thêm nhóm \\*\\*Thôn\\*\\* \\$x\\$. Bây giờ thêm học viên cho nhóm." in texts(at)
    assert "🗑️ Xoá nhóm trống “\\*\\*Thôn\\*\\* \\$x\\$”" in [b.label for b in at.button]
    at.text_input(key="new_learner_name").input("Lò Thị Mai")
    at.text_input(key="new_learner_code").input("2468")
    button_by_label(at, "Thêm").click().run()
    at.session_state["reteach_open"] = True
    at.run()
    assert "Nhóm \\*\\*Thôn\\*\\* \\$x\\$" in at.radio[0].options


def test_a_refusal_quotes_a_typed_group_name_as_text(new_app, app_env):
    at = trainer_signs_in(new_app())
    for _ in range(2):  # the second time the name is taken
        at.text_input(key="new_group_name").input("**Thôn** [x](javascript:alert(1))")
        button_by_label(at, "Thêm nhóm").click().run()
    assert [e.value for e in at.error] == [as_text("Đã có nhóm tên “**Thôn** [x](javascript:alert(1))”.")]
    assert at.error[0].value == "Đã có nhóm tên “\\*\\*Thôn\\*\\* \\[x\\]\\(javascript\\:alert\\(1\\)\\)”\\."


def test_a_refusal_quotes_a_typed_learner_name_as_text(new_app, app_env):
    create_learner(app_env, list_groups(app_env)[0].id, "$x$ <img src=x>", "1357")
    at = trainer_signs_in(new_app())
    at.text_input(key="new_learner_name").input("$x$ <img src=x>")
    at.text_input(key="new_learner_code").input("2468")
    button_by_label(at, "Thêm").click().run()
    assert [e.value for e in at.error] == [
        as_text("Trong nhóm đã có người tên “$x$ <img src=x>”. Thêm họ hoặc tên thôn để phân biệt.")]


def test_no_page_shows_an_exceptions_words_unescaped():
    """A refusal from progress may quote what someone typed: a note shows it with
    ``as_text(exc)``, never ``str(exc)`` (the learner's class page keeps ``str(refused)``
    because its ``say`` escapes what it shows and reads the words aloud)."""
    from pathlib import Path

    raw = re.compile(r"st\.(error|warning|info|success|toast)\(str\(")
    found = [f"{page}:{number}" for page in Path("ui").rglob("*.py")
             for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1) if raw.search(line)]
    assert found == [], found
