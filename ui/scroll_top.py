"""Bring a new step or question into view from its top.

A tap inside a fragment redraws only that part and keeps the scroll position, so
after "Tiếp theo" a phone would show the middle of the next step, picture cut off.
Streamlit scrolls an inner container, not the window; this scrolls every candidate.
"""

from __future__ import annotations

import streamlit as st

_JS = """
export default function(component) {
    const { data } = component;
    if (!data || data.view === undefined) { return; }
    const targets = [document.scrollingElement,
        ...document.querySelectorAll('[data-testid="stMain"], [data-testid="stAppViewContainer"], section.main')];
    for (const el of targets) { if (el && el.scrollTop > 0) { el.scrollTop = 0; } }
}
"""

_component = st.components.v2.component("bdhvs_scroll_top", js=_JS)


def scroll_to_top(view: str) -> None:
    """Scroll to the top whenever ``view`` (e.g. "lesson-x/step-3") changes."""
    _component(data={"view": view}, key="scroll_top")
