"""The volunteer's code of practice ("Cầm tay chỉ việc", issue 14): a staff page every
account can open, the same text as docs/cam-tay-chi-viec.md, and a link to it where a
class starts."""

from __future__ import annotations

import re
from pathlib import Path

from tests.ui.flows import texts
from tests.ui.test_present_flow import open_present
from tests.ui.test_trainer_flow import trainer_signs_in

CODE = (Path(__file__).resolve().parents[2] / "docs" / "cam-tay-chi-viec.md").read_text(encoding="utf-8")


def test_the_code_of_practice_page_shows_every_rule(new_app):
    at = trainer_signs_in(new_app()).switch_page("ui/trainer/code_of_practice.py").run()
    assert not at.exception
    shown = texts(at)
    rules = re.findall(r"^\d\. \*\*(.+?)\*\*", CODE, flags=re.MULTILINE)
    assert len(rules) == 6
    for rule in rules:
        assert rule in shown
    for must in ("Để bà con tự bấm", "mã OTP", "Không chụp ảnh căn cước", "trên điện thoại của mình"):
        assert must in shown
    assert "https://" in shown  # its sources


def test_starting_a_class_links_to_the_code_of_practice(new_app):
    at = open_present(new_app)
    [link] = [link for link in at.get("page_link") if "quy tắc cầm tay chỉ việc" in link.proto.label]
    assert link.proto.page.endswith("code_of_practice.py") or "cam-tay-chi-viec" in link.proto.page
