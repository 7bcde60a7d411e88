"""The projector's full-screen button and its keyboard: next and back from the arrow
keys, Page Up / Page Down and Space, which presentation clickers send
(ui/browser/presenter_keys.js). Full screen needs a click in the page itself (the
browser's rule), so the button is drawn by the component, not by Streamlit."""

from __future__ import annotations

import streamlit as st

from ui.browser_modules import loader_js

_HTML = ('<button type="button" class="present-fullscreen" title="Toàn màn hình (phím F)">'
         "🖥️ Toàn màn hình</button>")

_component = st.components.v2.component(
    "bdhvs_presenter_keys", html=_HTML, js=loader_js("presenter_keys"),
    isolate_styles=False,  # its look is in ui/browser/page.css
)


def presenter_keys() -> None:
    """The full-screen button, and the keys that click the bar's ⬅️ and ➡️."""
    _component(data={}, key="presenter_keys", width="content")
