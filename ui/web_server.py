"""The web server: Streamlit's app under uvicorn, plus what Streamlit cannot do alone.

- gzip for Streamlit's own JavaScript (it ships uncompressed: 2.5 MB on a phone's
  first load, about 610 KB compressed), at level 9, once per process, from memory
  (ui/static_bundle.py), and gzip for the rest;
- long browser caching for content-addressed audio under /app/static/audio/;
- /auth/session and /auth/signout, which set and clear the HttpOnly sign-in cookie
  (a Streamlit rerun cannot set headers);
- security headers (CSP with frame-ancestors and X-Frame-Options on everything but
  scripts, styles, fonts, sounds and raster pictures; Referrer-Policy and nosniff on
  every response), a same-origin check on the cookie routes, and a random
  per-browser cookie on pages that the cookie routes check a proof against
  (access/browser_binding.py);
- a plain message instead of any unexpected error's details (ui/error_page.py);
- /recordings/<name> for volunteers' recordings, from the database (any process plays
  any recording), cached forever by the phone;
- /healthz for scripts that wait for the server;
- /sync/… for village laptops pushing and pulling sync bundles (access/sync_route.py);
- with ``server.log_requests``, a line per request and websocket session (access/request_log.py);
- /ui-js/ for our components' JavaScript, cached by the phone (ui/browser_modules.py);
- a lighter first load: smaller files at the URLs of Streamlit's fonts (ui/font_files.py);
- two malloc arenas, set before the server starts its threads (ui/malloc_arenas.py).

Run: ``python manage.py serve`` (or ``uvicorn ui.web_server:app``).
"""

from __future__ import annotations

import streamlit as st
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.routing import Route

from access.card_links import CARD_PATH
from access.certificate_route import certificate_route
from access.http_routes import (
    BrowserCookie,
    CacheContentAddressedForever,
    SecurityHeaders,
    card_route,
    health,
    sign_in_route,
    sign_out_route,
)
from access.recording_route import ROUTE as RECORDING_ROUTE
from access.recording_route import recording_route
from access.request_log import RequestLog
from access.sync_route import ROUTES as SYNC_ROUTES
from settings import PROJECT_ROOT, load_settings
from ui.browser_modules import ROUTE_PREFIX, browser_module_route
from ui.error_page import show_plain_error
from ui.font_files import LighterFonts
from ui.malloc_arenas import limit_malloc_arenas
from ui.static_bundle import PrecompressedStatic

limit_malloc_arenas()  # before Streamlit's threads: 30 learners in 148-151 MiB, not 184-253
_settings = load_settings()

app = st.App(
    str(PROJECT_ROOT / "app.py"),
    routes=[
        Route("/auth/session", sign_in_route, methods=["POST"]),
        Route("/auth/signout", sign_out_route, methods=["POST"]),
        Route("/healthz", health, methods=["GET"]),
        Route(RECORDING_ROUTE, recording_route, methods=["GET"]),
        Route(CARD_PATH, card_route, methods=["GET"]),
        Route("/chung-nhan", certificate_route, methods=["GET"]),
        Route(ROUTE_PREFIX + "{name}", browser_module_route, methods=["GET"]),
        *SYNC_ROUTES,
    ],
    middleware=[
        *([Middleware(RequestLog)] if _settings.server.log_requests else []),
        Middleware(SecurityHeaders),
        Middleware(BrowserCookie),
        Middleware(CacheContentAddressedForever),
        Middleware(LighterFonts),  # Streamlit keeps routes under /static/ for itself
        Middleware(PrecompressedStatic),
        Middleware(GZipMiddleware, minimum_size=_settings.server.gzip_min_bytes, compresslevel=6),
    ],
    on_script_error=show_plain_error,
)
