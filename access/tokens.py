"""Signed, expiring sign-in tokens kept in an HttpOnly cookie.

Format: ``<role>.<account id>.<session version>.<expiry unix seconds>.<HMAC-SHA256, base64url>``.
No server-side session table: the signature proves we issued it, the expiry ends it, and
the account's session version (progress/sessions.py) ends it sooner: signing out, a new
code, revoked cards or a new password raise the version, and every token carrying the
old one is refused on the next request.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from dataclasses import dataclass

COOKIE_NAME = "bdhvs_session"
ROLES = ("learner", "trainer")


@dataclass(frozen=True)
class SignIn:
    role: str
    account_id: int
    expires_at: int
    version: int = 1  # the account's session version when the token was issued


def _signature(secret: str, body: str) -> str:
    digest = hmac.new(secret.encode("utf-8"), body.encode("utf-8"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def issue_token(
    secret: str, role: str, account_id: int, lifetime_seconds: int, now: float | None = None, *, version: int,
) -> str:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    expires = int((now if now is not None else time.time()) + lifetime_seconds)
    body = f"{role}.{int(account_id)}.{int(version)}.{expires}"
    return f"{body}.{_signature(secret, body)}"


def read_token(secret: str, token: str | None, now: float | None = None) -> SignIn | None:
    """The sign-in a token proves, or None if it is missing, forged or expired."""
    if not token or len(token) > 200:
        return None
    parts = token.split(".")
    if len(parts) != 5:
        return None
    role, account, version, expires, signature = parts
    body = f"{role}.{account}.{version}.{expires}"
    if not hmac.compare_digest(signature, _signature(secret, body)):
        return None
    if role not in ROLES or not account.isdigit() or not version.isdigit() or not expires.isdigit():
        return None
    if int(expires) < (now if now is not None else time.time()):
        return None
    return SignIn(role, int(account), int(expires), int(version))
