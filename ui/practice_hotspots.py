"""The pretend screen of a practice step: its picture with a transparent button over
each place the drawing shows (a target's ``area``). Tapping a place does what its big
numbered button below does; the big buttons stay for screen readers and big fingers.

The buttons are real <button>s named by the target's label, at least 48 px each way,
with a visible focus ring; ``ui/browser/practice_hotspots.js`` places them over the
picture as the page draws it.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from lessons.models import Practice
from ui.browser_modules import loader_js

_component = st.components.v2.component(
    "bdhvs_practice_hotspots", js=loader_js("practice_hotspots"),
    # the picture keeps the page's .lesson-picture look
    isolate_styles=False,
)


def tapped_target(key: str) -> str | None:
    """The target id the last tap on the picture sent (inside the tap callback)."""
    value = st.session_state.get(key)
    tap = getattr(value, "tap", None) if value is not None else None
    return tap if isinstance(tap, str) else None


def pretend_screen(
    key: str, url: str, alt: str, view_box: tuple[float, float, float, float], practice: Practice,
    done: bool, on_tap: Callable[[], None],
) -> None:
    """The picture at ``url`` with a tap zone per target that has an area; a tap calls
    ``on_tap``, which reads the target with ``tapped_target(key)``."""
    areas = [{"id": t.id, "label": t.label, "area": list(t.area)} for t in practice.targets if t.area]
    _component(data={"url": url, "alt": alt, "view": list(view_box), "areas": areas, "done": done},
               key=key, on_tap_change=on_tap)
