"""Phone-first look: large text and big touch targets (see DESIGN.md)."""

from __future__ import annotations

import streamlit as st

_CSS = """
<style>
html, body, [data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li { font-size: 20px; line-height: 1.5; }
.block-container { padding: 1rem 0.9rem 3rem 0.9rem; max-width: 720px; }
h1 { font-size: 1.7rem !important; } h2 { font-size: 1.45rem !important; } h3 { font-size: 1.25rem !important; }
.stButton > button, .stFormSubmitButton > button, .stLinkButton > a {
  min-height: 56px; font-size: 20px; width: 100%; border-radius: 12px; }
.stButton > button p, .stFormSubmitButton > button p { font-size: 20px; }
[data-testid="stTextInput"] input { font-size: 24px; min-height: 52px; letter-spacing: 0.2em; }
[data-testid="stCheckbox"] label { min-height: 48px; align-items: center; }
[data-testid="stCheckbox"] label p { font-size: 20px; }
audio { width: 100%; }
img.lesson-picture { width: 100%; max-width: 480px; height: auto; display: block; margin: 0 auto 0.5rem;
  border-radius: 12px; background: #fff; }
.practice-done { font-weight: 600; }
[data-testid="InputInstructions"] { display: none; }
.step-text { font-size: 22px; line-height: 1.55; margin: 0.4rem 0 0.8rem; }
.tip { background: #fff4d6; border-left: 6px solid #b7791f; padding: 0.6rem 0.8rem; border-radius: 8px; }
.status-badge { font-weight: 600; }
</style>
"""


def apply_style() -> None:
    st.html(_CSS)
