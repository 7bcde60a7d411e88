"""Running the web app."""

from __future__ import annotations

import argparse
import os

from access.lan_addresses import phone_urls
from access.serving_host import is_loopback, serving_on
from commands.audio import AUDIO_DIR_NAME
from settings import load_settings


def where_to_open(host: str, port: int) -> list[str]:
    """What to open on this computer and on a phone, for a server listening on ``host``."""
    if host in ("0.0.0.0", "", "::"):
        urls = phone_urls(port)
        lines = [f"Open http://localhost:{port} on this computer."]
        lines += [f"On a phone on this computer's Wi-Fi, open {url}" for url in urls]
        if not urls:
            lines.append(f"On a phone, open http://<this computer's address>:{port} (this computer has no "
                         "network yet).")
        return lines
    if is_loopback(host):
        return [
            f"Open http://localhost:{port} on this computer.",
            f"Phones cannot open it: it listens only on this computer (--host {host}). "
            "For phones on this computer's Wi-Fi, start it with --host 0.0.0.0 "
            "(or set server.host: 0.0.0.0 in config.yaml).",
        ]
    url = f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
    return [f"Open {url} on this computer, or on a phone on the same network."]


def demo_password_warning(host: str) -> list[str]:
    """The terminal's warning when phones on a network can reach the app while a demo
    account (progress/demo.py) still has its published password; none otherwise."""
    if is_loopback(host):
        return []
    from commands.database import current_database
    from progress.demo import demo_accounts_in_use

    db = current_database(required=False)
    accounts = demo_accounts_in_use(db) if db is not None else []
    if not accounts:
        return []
    return [
        f"WARNING: the demo account(s) {', '.join(accounts)} still have the password printed in the README, "
        f"and this server listens on {host}: anyone on the network can sign in with it.",
        "Sign in with each and set a new password (the app asks for one first), or run "
        "`python3 dev.py manage set-password <name>`.",
    ]


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from settings import PROJECT_ROOT

    settings = load_settings()
    host = args.host or settings.server.host
    port = args.port or settings.server.port
    # Streamlit serves static/ only if it exists at start-up; audio and pictures are
    # written there later (a fresh clone has no static/ yet)
    PROJECT_ROOT.joinpath(*AUDIO_DIR_NAME).mkdir(parents=True, exist_ok=True)
    if args.public_host is None:
        for line in where_to_open(host, port):
            print(line)
        for line in demo_password_warning(host):
            print(line, flush=True)
    # the pages warn about a demo password only when phones can reach them (behind
    # nginx: when nginx listens on a network, whatever this process listens on)
    serving_on(args.public_host or host)
    # Streamlit gives uvicorn's loggers its own handler at its `logger.level` (warning,
    # .streamlit/config.toml) when it is imported; uvicorn's default logging config
    # would add a second handler, and each request would be printed twice.
    # proxy_headers=False: uvicorn would believe X-Forwarded-* from 127.0.0.1 by itself;
    # access/http_routes.py believes them only from server.trusted_proxies.
    if args.log_requests:  # read by ui/web_server.py when uvicorn imports it, below
        os.environ["BDHVS_SERVER__LOG_REQUESTS"] = "true"
    # server_header=False: "server: uvicorn" on each of a first load's ~80 responses tells a phone nothing
    uvicorn.run("ui.web_server:app", host=host, port=port, log_config=None, log_level="warning",
                ws="websockets-sansio", proxy_headers=False, server_header=False)
    return 0
