"""Bring a new step or question into view from its top.

A tap inside a fragment redraws only that part and keeps the scroll position, so
after "Tiếp theo" a phone would show the middle of the next step, picture cut off.
Streamlit scrolls an inner container, not the window; this scrolls every candidate.
"""

from __future__ import annotations

import streamlit as st

from ui.browser_modules import loader_js

_component = st.components.v2.component("bdhvs_scroll_top", js=loader_js("scroll_top"))


def scroll_to_top(view: str) -> None:
    """Scroll to the top whenever ``view`` (e.g. "lesson-x/step-3") changes."""
    _component(data={"view": view}, key="scroll_top")
