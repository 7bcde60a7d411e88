"""A lesson picture: served as a cached static file, with its alt text."""

from __future__ import annotations

import html

import streamlit as st

from ui import resources


def _reveal(key: str) -> None:
    st.session_state[key] = True


def picture_url(image: str, alt: str, save_data: bool = False) -> str | None:
    """The picture's URL if it is to be drawn now; in data-saving mode the picture loads
    only once the learner taps "Xem hình" (this draws that button and answers None)."""
    url = resources.image_urls().get(image)
    if url is None:
        return None  # validate-content reports missing files; the page still teaches by text and voice
    key = "show_picture_" + image
    if save_data and not st.session_state.get(key):
        st.button(f"🖼️ Xem hình: {alt}", key=key + "_button", width="stretch", on_click=_reveal, args=(key,))
        return None
    return url


def show_picture(image: str, alt: str, save_data: bool = False, max_heights: tuple[str, ...] = ()) -> None:
    """``max_heights`` (CSS values, the last one a browser understands wins, e.g.
    ("calc(100vh - 400px)", "calc(100svh - 400px)")) shrink it to leave room below."""
    url = picture_url(image, alt, save_data)
    if url is None:
        return
    style = "; ".join(f"max-height: {html.escape(value)}" for value in max_heights)
    style = f" style='{style}'" if style else ""
    st.html(f"<img src='{html.escape(url)}' alt='{html.escape(alt)}' class='lesson-picture'{style}>")
