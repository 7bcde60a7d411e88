"""A guest's place in a class, kept in the phone's address so a reload or a lost Wi-Fi
finds it again: ``<class id>.<participant id>.<HMAC-SHA256, base64url>``, signed with
the app's secret key. A bare participant id in an address is never trusted: anyone
could type another guest's number."""

from __future__ import annotations

import base64
import hashlib
import hmac

GUEST_PARAM = "khach"  # the query parameter of the class page that holds it
_PURPOSE = "class-guest"  # a sign-in token's signature never passes as a guest's, nor the other way


def _signature(secret: str, body: str) -> str:
    digest = hmac.new(secret.encode("utf-8"), f"{_PURPOSE}.{body}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def guest_token(secret: str, class_id: int, participant_id: int) -> str:
    body = f"{int(class_id)}.{int(participant_id)}"
    return f"{body}.{_signature(secret, body)}"


def read_guest_token(secret: str, token: str | None, class_id: int) -> int | None:
    """The guest's participant id in class ``class_id``, or None when the token is
    missing, forged, or made for another class."""
    if not token or len(token) > 100:
        return None
    parts = token.split(".")
    if len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit():
        return None
    body = f"{parts[0]}.{parts[1]}"
    if not hmac.compare_digest(parts[2], _signature(secret, body)):
        return None
    if int(parts[0]) != class_id:
        return None
    return int(parts[1])
