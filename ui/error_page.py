"""What a page shows when something unexpected fails: a plain message, never the error.

Streamlit would draw the exception (for a database error: the SQL and the driver's
words) under the page. ui/web_server.py gives this handler to st.App as
``on_script_error``: Streamlit logs the traceback first ("Uncaught app execution"),
then this draws a plain message with a short reference that is also in the log, so an
administrator can find the traceback that goes with what a trainer reports.
``client.showErrorDetails = "none"`` in .streamlit/config.toml covers what the handler
is not called for (the script failing to compile).
"""

from __future__ import annotations

import logging
import secrets

import streamlit as st

log = logging.getLogger(__name__)

PLAIN_MESSAGE = (
    "😔 Có trục trặc, trang này chưa hiện được. Bác tải lại trang rồi làm lại. "
    "Nếu vẫn vậy, báo tập huấn viên hoặc người quản trị, kèm mã lỗi: {ref}"
)


def show_plain_error(exc: Exception) -> bool:
    """st.App's on_script_error: log a reference, show the plain message; True = draw
    nothing of the exception itself."""
    ref = secrets.token_hex(3)
    log.error("page error %s: %s: %s (traceback above, 'Uncaught app execution')", ref, type(exc).__name__,
              str(exc)[:500])
    st.error(PLAIN_MESSAGE.format(ref=ref))
    return True
