""""Cầm tay chỉ việc": the volunteer's code of practice when helping a villager with their
own phone — let them press, never ask for a password or OTP, never their account on
your phone, no photos of their papers. One text (docs/cam-tay-chi-viec.md) for this page
and for printing; the class-start screen links here."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import streamlit as st

from ui.demo_account import staff_page
from ui.trainer.menu import trainer_menu

CODE_FILE = Path(__file__).resolve().parents[2] / "docs" / "cam-tay-chi-viec.md"


@cache
def code_of_practice() -> str:
    """The text as written (our own file: markdown is drawn as markdown); read once per process."""
    return CODE_FILE.read_text(encoding="utf-8")


staff_page()
trainer_menu()
st.markdown(code_of_practice())
