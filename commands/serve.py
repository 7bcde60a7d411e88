"""Running the web app."""

from __future__ import annotations

import argparse

from access.lan_addresses import phone_urls
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
    print(f"Open http://localhost:{port} on this computer.")
    urls = phone_urls(port) if host in ("0.0.0.0", "") else []
    for url in urls:
        print(f"On a phone on this computer's Wi-Fi, open {url}")
    if not urls:
        print(f"On a phone, open http://<this computer's address>:{port} (this computer has no network yet).")
    # Streamlit gives uvicorn's loggers its own handler at its `logger.level` (warning,
    # .streamlit/config.toml) when it is imported; uvicorn's default logging config
    # would add a second handler, and each request would be printed twice.
    uvicorn.run("ui.web_server:app", host=host, port=port, log_config=None, log_level="warning",
                ws="websockets-sansio")
    return 0
