"""The class screen's way of showing a question's choices: one large line each."""

from __future__ import annotations

import html

import streamlit as st


def projector_line(text: str) -> None:
    st.markdown(f"<p class='present-choice'>{html.escape(text)}</p>", unsafe_allow_html=True)
