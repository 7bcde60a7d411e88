"""A change to a running class made from a button on the presenter: a refusal is shown
at the top of the page, what was done is said once, and this process's cached class
state is dropped, so the next screen (and this process's phones) see the change."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from progress.classes.errors import ClassError
from ui import resources
from ui.plain_text import as_text

FLASH = "class_flash"  # a refusal to show at the top of the presenter (set in callbacks), made safe by as_text
NOTE = "class_note"  # what was just done, shown once


def change_class(class_id: int, action: Callable[[], object], done: str = "", flash_key: str = FLASH) -> None:
    try:
        action()
    except ClassError as exc:
        st.session_state[flash_key] = as_text(exc)
    else:
        if done:
            st.session_state[NOTE] = done
    resources.class_states().forget(class_id)
