"""Starlette routes and middleware mounted next to Streamlit (see ui/web_server.py)."""

from __future__ import annotations

import logging
import re
import time
from urllib.parse import urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from access.browser_binding import (
    BROWSER_COOKIE,
    BROWSER_COOKIE_DAYS,
    PROOF_HEADER,
    is_browser_id,
    new_browser_id,
    proof_matches,
    sign_in_proof,
    sign_out_proof,
)
from access.card_links import read_card_code
from access.client_address import is_trusted_proxy
from access.route_resources import database as _card_db
from access.route_resources import secret as _secret
from access.route_resources import settings as route_settings
from access.tokens import COOKIE_NAME, issue_token, read_token

IMMUTABLE_PREFIXES = ("/app/static/audio/", "/app/static/images/")
IMMUTABLE = b"public, max-age=31536000, immutable"

log = logging.getLogger(__name__)


def _trusted_proxies() -> tuple[str, ...]:
    return route_settings().server.trusted_proxies


def _from_trusted_proxy(request: Request) -> bool:
    """Whether the request came straight from a reverse proxy named in server.trusted_proxies."""
    return request.client is not None and is_trusted_proxy(request.client.host, _trusted_proxies())


def _forwarded(request: Request, header: str) -> str | None:
    """A proxy's X-Forwarded-… header (its first value), believed only from a trusted proxy."""
    value = request.headers.get(header)
    if value is None or not _from_trusted_proxy(request):
        return None
    return value.split(",")[0].strip().lower() or None


def came_over_https(request: Request) -> bool:
    """https to us, or to a trusted proxy in front of us: the cookie then gets Secure."""
    return request.url.scheme == "https" or _forwarded(request, "x-forwarded-proto") == "https"


def same_origin_request(request: Request) -> bool:
    """A fetch from our own page, not a cross-site POST (login CSRF). Browsers send
    Sec-Fetch-Site and/or Origin with every POST; a request with neither is refused."""
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None and fetch_site != "same-origin":
        return False
    origin = request.headers.get("origin")
    if origin is None:
        return fetch_site == "same-origin"
    host = _forwarded(request, "x-forwarded-host") or request.headers.get("host", "")
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and bool(host) and parts.netloc.lower() == host.lower()


def _cross_site_refused(request: Request) -> Response:
    log.warning("refused a cross-site POST to %s (Origin %r, Sec-Fetch-Site %r)", request.url.path,
                request.headers.get("origin"), request.headers.get("sec-fetch-site"))
    return JSONResponse({"ok": False, "error": "cross-site request refused"}, status_code=403)


def _unbound_refused(request: Request) -> Response:
    log.warning("refused a POST to %s without this browser's proof (browser cookie %s, proof %s)",
                request.url.path, "present" if is_browser_id(request.cookies.get(BROWSER_COOKIE)) else "missing",
                "sent" if request.headers.get(PROOF_HEADER) else "missing")
    return JSONResponse({"ok": False, "error": "request not bound to this browser"}, status_code=403)


async def sign_in_route(request: Request) -> Response:
    """Turn a token the page just issued into an HttpOnly cookie, if the page that issued
    it runs in this browser (access/browser_binding.py)."""
    if not same_origin_request(request):
        return _cross_site_refused(request)
    token = (await request.body()).decode("utf-8", "replace").strip()
    expected = sign_in_proof(_secret(), request.cookies.get(BROWSER_COOKIE), token)
    if not proof_matches(expected, request.headers.get(PROOF_HEADER)):
        return _unbound_refused(request)
    sign_in = read_token(_secret(), token)
    if sign_in is None:
        return JSONResponse({"ok": False, "error": "invalid or expired token"}, status_code=400)
    response = JSONResponse({"ok": True, "role": sign_in.role})
    max_age = max(sign_in.expires_at - int(time.time()), 0)
    response.set_cookie(COOKIE_NAME, token, max_age=max_age, httponly=True, samesite="lax", path="/",
                        secure=came_over_https(request))
    return response


_CARD_REFUSED = """<!doctype html><html lang="vi"><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Thẻ không dùng được</title>
<body style="font-family:sans-serif;font-size:22px;padding:1rem;line-height:1.5">
<h1 style="font-size:28px">❌ Thẻ này không dùng được nữa</h1>
<p>Bác hỏi tập huấn viên để lấy thẻ mới, hoặc vào học bằng cách chọn tên và bấm mã.</p>
<p><a href="/" style="font-size:22px">Vào học</a></p></body></html>"""


async def card_route(request: Request) -> Response:
    """A printed QR card: sign that learner in on this phone and open the app."""
    from progress.learners import card_version
    from progress.sessions import session_version

    claim = read_card_code(_secret(), request.query_params.get("ma"))
    version = await run_in_threadpool(card_version, _card_db(), claim.learner_id) if claim else None
    if claim is None or version != claim.version:
        return HTMLResponse(_CARD_REFUSED, status_code=403)
    signed_in = await run_in_threadpool(session_version, _card_db(), "learner", claim.learner_id)
    if signed_in is None:
        return HTMLResponse(_CARD_REFUSED, status_code=403)
    days = route_settings().auth.learner_session_days
    token = issue_token(_secret(), "learner", claim.learner_id, days * 86400, version=signed_in)
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(COOKIE_NAME, token, max_age=days * 86400, httponly=True, samesite="lax", path="/",
                        secure=came_over_https(request))
    return response


async def sign_out_route(request: Request) -> Response:
    """Clear the sign-in cookie; with a token as the body, only if the cookie is still that
    token (a page clearing a cookie it refused must not clear a newer sign-in)."""
    if not same_origin_request(request):
        return _cross_site_refused(request)
    expected = sign_out_proof(_secret(), request.cookies.get(BROWSER_COOKIE))
    if not proof_matches(expected, request.headers.get(PROOF_HEADER)):
        return _unbound_refused(request)
    only = (await request.body()).decode("utf-8", "replace").strip()
    if only and request.cookies.get(COOKIE_NAME) != only:  # a refused cookie, since replaced
        return JSONResponse({"ok": True, "cleared": False})
    response = JSONResponse({"ok": True})
    response.delete_cookie(COOKIE_NAME, path="/")
    return response


async def health(request: Request) -> Response:
    return JSONResponse({"ok": True})


class CacheContentAddressedForever:
    """Audio and pictures are named by a hash of what they hold: safe to cache forever."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(IMMUTABLE_PREFIXES):
            await self.app(scope, receive, send)
            return

        async def send_with_cache_header(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] in (200, 206, 304):
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"cache-control"]
                headers.append((b"cache-control", IMMUTABLE))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_cache_header)


# Streamlit needs inline styles, its own inline start-up script and modules, blob: for
# media and components, and its websocket to the same address; nothing comes from
# elsewhere. frame-ancestors 'self': only our own pages may frame a page of ours.
_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' blob:; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; media-src 'self' data: blob:; font-src 'self' data:; "
    "connect-src 'self'{sockets}; worker-src 'self' blob:; frame-src 'self' blob: data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
)
_PLAIN_HOST = re.compile(r"^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:[0-9]{1,5})?$")
FIXED_SECURITY_HEADERS = [
    (b"x-frame-options", b"SAMEORIGIN"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-content-type-options", b"nosniff"),
]
INERT_HEADERS = [header for header in FIXED_SECURITY_HEADERS if header[0] != b"x-frame-options"]


def content_security_policy(host: str) -> str:
    """The CSP for a page served as ``host``: the websocket to that same address is
    named outright (older Safari does not count ws: as 'self')."""
    sockets = f" ws://{host} wss://{host}" if _PLAIN_HOST.match(host) else ""
    return _CSP.format(sockets=sockets)


# Responses no browser shows as a page of their own: a script, a style sheet, a font, a
# sound or a raster picture cannot run anything when opened or framed, so they carry
# nosniff and Referrer-Policy (which keep them that way) but not the page-only CSP and
# X-Frame-Options (half a KB on each of the ~75 files of a phone's first load). Pages,
# SVG, JSON (the cookie routes), text and anything unknown keep every header.
INERT_TYPES = (b"text/javascript", b"application/javascript", b"text/css", b"font/", b"audio/", b"video/",
               b"image/png", b"image/jpeg", b"image/webp", b"image/gif", b"image/x-icon",
               b"image/vnd.microsoft.icon")


def is_inert(content_type: bytes) -> bool:
    """Whether a response of this Content-Type needs no page headers (CSP, X-Frame-Options)."""
    return content_type.strip().lower().startswith(INERT_TYPES)


class SecurityHeaders:
    """nosniff and Referrer-Policy on every HTTP response; CSP and X-Frame-Options on
    every response but scripts, styles, fonts, sounds and raster pictures."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = next((v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"host"), "")
        csp = (b"content-security-policy", content_security_policy(host).encode("latin-1"))
        ours = {name for name, _ in FIXED_SECURITY_HEADERS} | {csp[0]}

        async def send_with_security_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in ours]
                content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
                added = INERT_HEADERS if is_inert(content_type) else [csp, *FIXED_SECURITY_HEADERS]
                message = {**message, "headers": [*headers, *added]}
            await send(message)

        await self.app(scope, receive, send_with_security_headers)


class BrowserCookie:
    """Gives a browser its random id (access/browser_binding.py) with the first HTML page
    it asks for without one: HttpOnly, SameSite=Lax, Secure over https. Only pages, so
    the scripts and pictures a page loads at once cannot race to set different ids."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        if is_browser_id(request.cookies.get(BROWSER_COOKIE)):
            await self.app(scope, receive, send)
            return
        cookie = Response()
        cookie.set_cookie(BROWSER_COOKIE, new_browser_id(), max_age=BROWSER_COOKIE_DAYS * 86400, httponly=True,
                          samesite="lax", path="/", secure=came_over_https(request))
        set_cookie = [(k, v) for k, v in cookie.raw_headers if k == b"set-cookie"]

        async def send_with_browser_cookie(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 200:
                headers = message.get("headers", [])
                content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
                if content_type.startswith(b"text/html"):
                    message = {**message, "headers": [*headers, *set_cookie]}
            await send(message)

        await self.app(scope, receive, send_with_browser_cookie)
