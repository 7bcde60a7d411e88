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
[data-testid="stRadio"] [role="radiogroup"] label { min-height: 48px; align-items: center; }
[data-testid="stRadio"] [role="radiogroup"] label p { font-size: 20px; }
audio { width: 100%; }
img.lesson-picture { width: 100%; max-width: 480px; height: auto; display: block; margin: 0 auto 0.5rem;
  border-radius: 12px; background: #fff; }
.practice-done { font-weight: 600; }
/* the "Nghe" button (ui/audio_player.py) */
.nghe-box { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem 0.8rem; margin: 0.2rem 0 0.8rem; }
.nghe-play { min-height: 56px; min-width: 140px; padding: 0 1.2rem; font-size: 20px; border-radius: 28px;
  border: 2px solid #0b5394; background: #e8f0fb; color: #0b3d6e; font-weight: 600; cursor: pointer; }
.nghe-play:active { background: #c9dcf5; }
.nghe-meta { font-size: 18px; color: #3d3d3d; }
p.code-dots, [data-testid="stMarkdownContainer"] p.code-dots { font-size: 40px !important; letter-spacing: 0.3em; text-align: center; margin: 0.3rem 0; }
[data-testid="stHorizontalBlock"] { gap: 0.5rem !important; }
[data-testid="stHorizontalBlock"] [data-testid="stColumn"] { min-width: 0 !important; flex: 1 1 0 !important; }
[data-testid="stHorizontalBlock"] .stButton > button { padding-left: 0.2rem; padding-right: 0.2rem; font-size: 24px; }
[data-testid="InputInstructions"] { display: none; }
.step-text { font-size: 22px; line-height: 1.55; margin: 0.4rem 0 0.8rem; }
.tip { background: #fff4d6; border-left: 6px solid #b7791f; padding: 0.6rem 0.8rem; border-radius: 8px; }
.status-badge { font-weight: 600; }
.qr-card { display: flex; gap: 1rem; align-items: center; border: 2px dashed #555; border-radius: 12px;
  padding: 0.6rem; margin: 0.8rem 0 0.3rem; break-inside: avoid; }
.qr-code svg { width: 140px; height: 140px; }
/* Accessibility (measured by tests/e2e/test_accessibility.py) */
/* captions are instructions to learners: Streamlit draws them at 60% opacity (3.9:1) and 17.5 px */
[data-testid="stCaptionContainer"] { opacity: 1 !important; color: #444 !important; font-size: 18px !important; }
[data-testid="stCaptionContainer"] p { font-size: 18px; }
[data-testid="stPageLink"] a { min-height: 48px; align-items: center; }
[data-testid="stPageLink"] a p { font-size: 20px; }
/* heading permalinks are small, and of no use to a learner */
[data-testid="stHeaderActionElements"] a { display: none; }
button:focus-visible, a:focus-visible, summary:focus-visible, input:focus-visible {
  outline: 3px solid #0b5394 !important; outline-offset: 2px; }
/* st.balloons leaves 30 images without alt text on the page: gone once they have flown */
@keyframes bdhvs-gone { to { visibility: hidden; } }
[data-testid="stBalloons"] { animation: bdhvs-gone 0s linear 2.5s forwards; }
@media (prefers-reduced-motion: reduce) { [data-testid="stBalloons"] { display: none; } }
</style>
"""


# larger text for learners who asked for it (Cài đặt → Cỡ chữ)
_SIZES = {"normal": 0, "large": 4, "very-large": 8}


def _size_css(extra_px: int) -> str:
    if not extra_px:
        return ""
    return f"""<style>
html, body, [data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li {{ font-size: {20 + extra_px}px; }}
.step-text {{ font-size: {22 + extra_px}px; }}
.stButton > button p, .stFormSubmitButton > button p {{ font-size: {20 + extra_px}px; }}
[data-testid="stCheckbox"] label p, [data-testid="stRadio"] [role="radiogroup"] label p {{ font-size: {20 + extra_px}px; }}
[data-testid="stCaptionContainer"] p, .nghe-meta {{ font-size: {18 + extra_px}px; }}
.nghe-play {{ font-size: {20 + extra_px}px; }}
h1 {{ font-size: {28 + extra_px}px !important; }} h3 {{ font-size: {22 + extra_px}px !important; }}
</style>"""


def apply_style(text_size: str = "normal") -> None:
    st.html(_CSS + _size_css(_SIZES.get(text_size, 0)))
