"""The personal QR card: a printed link that signs one learner in on their own phone.

The link carries ``<learner id>.<card version>.<HMAC>``. It never expires by itself;
a trainer revokes every card printed for a learner by raising the card version."""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass

CARD_PATH = "/the"


@dataclass(frozen=True)
class CardClaim:
    learner_id: int
    version: int


def _signature(secret: str, body: str) -> str:
    digest = hmac.new(secret.encode("utf-8"), ("card." + body).encode("utf-8"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def card_code(secret: str, learner_id: int, version: int) -> str:
    body = f"{int(learner_id)}.{int(version)}"
    return f"{body}.{_signature(secret, body)}"


def read_card_code(secret: str, code: str | None) -> CardClaim | None:
    """What a card proves, or None if it is not one we signed."""
    if not code or len(code) > 120 or code.count(".") != 2:
        return None
    learner, version, signature = code.split(".")
    if not (learner.isdigit() and version.isdigit()):
        return None
    if not hmac.compare_digest(signature, _signature(secret, f"{learner}.{version}")):
        return None
    return CardClaim(int(learner), int(version))


def card_url(base_url: str, secret: str, learner_id: int, version: int) -> str:
    return f"{base_url.rstrip('/')}{CARD_PATH}?ma={card_code(secret, learner_id, version)}"
