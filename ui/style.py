"""Phone-first look: large text and big touch targets (see DESIGN.md)."""

from __future__ import annotations

import streamlit as st

from ui.browser_modules import asset_url

# the stylesheet itself is ui/browser/page.css, which the phone downloads once and keeps:
# each rerun re-sends only this @import line, not 3.6 KB of CSS
_CSS = f"<style>@import url('{asset_url('page.css')}');</style>"


# larger text for learners who asked for it (Cài đặt → Cỡ chữ)
_SIZES = {"normal": 0, "large": 4, "very-large": 8}


def _size_css(extra_px: int) -> str:
    if not extra_px:
        return ""
    return f"""<style>
html, body, [data-testid="stMarkdownContainer"] p,
[data-testid="stMarkdownContainer"] li, [data-testid="stHtml"] li {{ font-size: {20 + extra_px}px; }}
.step-text, [data-testid="stMarkdownContainer"] p.step-text {{ font-size: {22 + extra_px}px; }}
.stButton > button p, .stFormSubmitButton > button p {{ font-size: {20 + extra_px}px; }}
[data-testid="stCheckbox"] label p,
[data-testid="stRadio"] [role="radiogroup"] label p {{ font-size: {20 + extra_px}px; }}
[data-testid="stCaptionContainer"] p, .nghe-meta {{ font-size: {18 + extra_px}px; }}
.nghe-play {{ font-size: {20 + extra_px}px; }}
h1 {{ font-size: {28 + extra_px}px !important; }} h3 {{ font-size: {22 + extra_px}px !important; }}
</style>"""


def apply_style(text_size: str = "normal") -> None:
    st.html(_CSS + _size_css(_SIZES.get(text_size, 0)))
