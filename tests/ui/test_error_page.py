"""Streamlit's own fallback for errors the page handler does not see (a script that
fails to compile) shows no details either (ui/error_page.py)."""

import tomllib

from streamlit.config import ShowErrorDetailsConfigOptions

from settings import PROJECT_ROOT


def test_streamlit_shows_no_error_details():
    config = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == ShowErrorDetailsConfigOptions.NONE


def test_the_web_server_hands_script_errors_to_the_plain_page():
    from ui.error_page import show_plain_error
    from ui.web_server import app

    assert app._on_script_error is show_plain_error
