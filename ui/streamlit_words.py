"""Streamlit's own English, in Vietnamese: a learner sees or hears no English word.

Which way for which string (issue 10):
- the app's own widgets say it in Vietnamese where Streamlit lets them (a selectbox's
  ``placeholder=``, labels, ``st.progress(text=...)``);
- Streamlit's settings hide what a learner has no use for (``.streamlit/config.toml``:
  ``client.toolbarMode = "minimal"``, ``client.showSidebarNavigation = false``);
- what Streamlit's frontend hard-codes ("Skip to main content", the "Page not found" and
  "Connection error" boxes, "Running..."/"Stop"/"Connecting" in the top bar, the labels
  "Open", "Close", "Link to heading", "progress") is replaced in the browser by
  ``ui/browser/streamlit_words.js``, a MutationObserver started once per page by this
  component. A new Streamlit may add or change such words:
  ``tests/e2e/test_no_english.py`` walks the learner's screens and names any it finds.
"""

from __future__ import annotations

import streamlit as st

from ui.browser_modules import loader_js

_component = st.components.v2.component("bdhvs_streamlit_words", js=loader_js("streamlit_words"))


def translate_streamlit_words() -> None:
    """Start the translation in this page (it draws nothing; once per page is enough, but
    it is cheap to send on every run: the browser keeps the module)."""
    _component(data={}, key="streamlit_words")
