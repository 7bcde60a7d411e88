"""How a laptop proves to the commune server who it is, request by request: the headers
``X-Bdhvs-Site`` (its site uid) and ``X-Bdhvs-Sig``, HMAC-SHA256 with the key the two
share over ``method|path|query|sha256(body)``. The key never travels after registration."""

from __future__ import annotations

import hashlib
import hmac

SITE_HEADER = "X-Bdhvs-Site"
SIGNATURE_HEADER = "X-Bdhvs-Sig"


def request_signature(key: bytes, method: str, path: str, query: str, body: bytes) -> str:
    """The signature of one request; ``query`` is the raw query string as sent (no ``?``)."""
    message = "|".join((method.upper(), path, query, hashlib.sha256(body).hexdigest()))
    return hmac.new(key, message.encode("utf-8"), hashlib.sha256).hexdigest()


def signature_matches(key: bytes, method: str, path: str, query: str, body: bytes, given: str | None) -> bool:
    return given is not None and hmac.compare_digest(request_signature(key, method, path, query, body), given)


def signed_headers(site_uid: str, key: bytes, method: str, path: str, query: str, body: bytes) -> dict[str, str]:
    return {SITE_HEADER: site_uid, SIGNATURE_HEADER: request_signature(key, method, path, query, body)}
