"""A lesson picture: served as a cached static file, with its alt text."""

from __future__ import annotations

import html

import streamlit as st

from ui import resources


def show_picture(image: str, alt: str) -> None:
    url = resources.image_urls().get(image)
    if url is None:
        return  # validate-content reports missing files; the page still teaches by text and voice
    st.markdown(
        f"<img src='{html.escape(url)}' alt='{html.escape(alt)}' class='lesson-picture'>",
        unsafe_allow_html=True,
    )
