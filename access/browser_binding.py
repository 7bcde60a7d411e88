"""Binds a sign-in (or sign-out) request to the browser that the page runs in.

Every browser gets a random id in an HttpOnly cookie with its first page
(``BrowserCookie`` in access/http_routes.py). The page reads that id from the cookies its
websocket connected with and sends, with the token, a proof: an HMAC of the id and the
token under the secret key. /auth/session recomputes the proof from the request's own
cookie, so a token posted from another site (login CSRF), or by a page session that
connected from another browser, sets no cookie even where Origin checks fail (an old
browser, a proxy that strips headers): the attacker knows neither this browser's id
nor the key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

BROWSER_COOKIE = "bdhvs_browser"
PROOF_HEADER = "x-bdhvs-proof"
BROWSER_COOKIE_DAYS = 400  # the longest a browser keeps a cookie
_BROWSER_ID = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


def new_browser_id() -> str:
    return secrets.token_urlsafe(24)


def is_browser_id(value: object) -> bool:
    return isinstance(value, str) and _BROWSER_ID.match(value) is not None


def _proof(secret: str, body: str) -> str:
    digest = hmac.new(secret.encode("utf-8"), body.encode("utf-8"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def sign_in_proof(secret: str, browser_id: object, token: str) -> str:
    """The proof a page sends with ``token``; empty when the browser has no valid id."""
    if not is_browser_id(browser_id):
        return ""
    return _proof(secret, f"sign-in|{browser_id}|{token}")


def sign_out_proof(secret: str, browser_id: object) -> str:
    """The proof a page sends to clear the cookie (logout CSRF); empty without an id."""
    if not is_browser_id(browser_id):
        return ""
    return _proof(secret, f"sign-out|{browser_id}")


def proof_matches(expected: str, sent: str | None) -> bool:
    """Whether a request's proof is the one computed from its own browser cookie."""
    return bool(expected) and bool(sent) and hmac.compare_digest(expected, sent or "")
