"""A big on-screen keypad for the 4-digit code: no phone keyboard, no typing."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

CODE_LENGTH = 4
_ROWS = (("1", "2", "3"), ("4", "5", "6"), ("7", "8", "9"), ("⌫", "0", "✖"))


def _press(key: str, symbol: str, on_complete: Callable[[str], None]) -> None:
    digits = st.session_state.get(key, "")
    if symbol == "⌫":
        digits = digits[:-1]
    elif symbol == "✖":
        digits = ""
    elif len(digits) < CODE_LENGTH:
        digits += symbol
    st.session_state[key] = digits
    if len(digits) == CODE_LENGTH:
        st.session_state[key] = ""
        on_complete(digits)


def code_keypad(key: str, on_complete: Callable[[str], None]) -> None:
    """Shows ● for each digit typed; calls ``on_complete(code)`` after the 4th."""
    typed = len(st.session_state.get(key, ""))
    dots = " ".join("●" if i < typed else "○" for i in range(CODE_LENGTH))
    st.html(f"<p class='code-dots' aria-label='Đã bấm {typed} trên {CODE_LENGTH} số'>{dots}</p>")
    # rows closer together than Streamlit's gap (.st-key-keypad in ui/browser/page.css):
    # all four rows fit a 360×640 screen under the greeting and the "Nghe" button
    with st.container(key="keypad"):
        for row in _ROWS:
            for column, symbol in zip(st.columns(3, wrap=False, gap="small"), row, strict=True):
                label = {"⌫": "⌫ Xoá", "✖": "✖ Làm lại"}.get(symbol, symbol)
                name = {"⌫": "xoa", "✖": "lam-lai"}.get(symbol, symbol)
                column.button(label, key=f"{key}_{name}", width="stretch", on_click=_press,
                              args=(key, symbol, on_complete))
