"""Running the web app."""

from __future__ import annotations

import argparse

from commands.audio import AUDIO_DIR_NAME
from settings import load_settings


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from settings import PROJECT_ROOT

    settings = load_settings()
    host = args.host or settings.server.host
    port = args.port or settings.server.port
    # Streamlit serves static/ only if it exists at start-up; audio and pictures are
    # written there later (a fresh clone has no static/ yet)
    PROJECT_ROOT.joinpath(*AUDIO_DIR_NAME).mkdir(parents=True, exist_ok=True)
    print(f"Open http://localhost:{port} on this computer, or http://<this computer's address>:{port} on a phone.")
    uvicorn.run("ui.web_server:app", host=host, port=port, log_level="warning", ws="websockets-sansio")
    return 0
