"""The signed code a certificate's QR carries, and checking a certificate by it.

Code: ``<learner id>.<module id>.<issue date YYYYMMDD>.<signature>``. The signature
is HMAC-SHA256 with the app's secret key (``auth.secret_key``, as for sign-in
cookies) over the first three parts and a purpose label, cut to 16 bytes (128 bits:
still unforgeable, and the QR stays small enough to scan from paper), base64url.

Stateless: nothing is stored when a certificate is printed. Certificates do not
expire (they record something that happened); one stops being valid when the
learner is deleted, when they no longer have every lesson of the module passed
(e.g. a lesson added to the module later), or when the secret key changes.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass
from urllib.parse import quote

from catalog.loading import Catalog
from lessons.fields import KEBAB_CASE
from progress.database import Database
from progress.group_team import group_team
from progress.learners import get_learner
from progress.reports.lesson_states import learner_lessons
from progress.reports.module_progress import progress_of_module

PURPOSE = "certificate"
SIGNATURE_BYTES = 16
MAX_CODE_LENGTH = 200
VERIFY_PATH = "/chung-nhan"
CODE_PARAMETER = "ma"


@dataclass(frozen=True)
class CertificateClaim:
    """What a code says: this learner finished this module on this day."""

    learner_id: int
    module_id: str
    issued_on: dt.date


@dataclass(frozen=True)
class ValidCertificate:
    """A checked certificate, as the verification page shows it."""

    learner_name: str
    group_name: str
    module_title: str
    issued_on: dt.date


def _signature(secret: str, body: str) -> str:
    message = f"{PURPOSE}:{body}".encode()
    digest = hmac.new(secret.encode("utf-8"), message, hashlib.sha256).digest()[:SIGNATURE_BYTES]
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def issue_code(secret: str, learner_id: int, module_id: str, issued_on: dt.date) -> str:
    if not KEBAB_CASE.match(module_id):
        raise ValueError(f"module id must be kebab-case, got {module_id!r}")
    body = f"{int(learner_id)}.{module_id}.{issued_on:%Y%m%d}"
    return f"{body}.{_signature(secret, body)}"


def read_code(secret: str, code: str | None) -> CertificateClaim | None:
    """What a code claims, or None if it is missing, malformed or not signed with our key."""
    if not code or len(code) > MAX_CODE_LENGTH or not code.isascii():
        return None
    parts = code.strip().split(".")
    if len(parts) != 4:
        return None
    learner, module_id, issued, signature = parts
    if not hmac.compare_digest(signature, _signature(secret, f"{learner}.{module_id}.{issued}")):
        return None
    if not learner.isdigit() or not KEBAB_CASE.match(module_id) or len(issued) != 8 or not issued.isdigit():
        return None
    try:
        issued_on = dt.date(int(issued[:4]), int(issued[4:6]), int(issued[6:]))
    except ValueError:
        return None
    return CertificateClaim(int(learner), module_id, issued_on)


def verification_url(base_url: str, code: str) -> str:
    """``<base>/chung-nhan?ma=<code>``: what the QR on the certificate opens."""
    return f"{base_url.rstrip('/')}{VERIFY_PATH}?{CODE_PARAMETER}={quote(code, safe='')}"


def check_certificate(db: Database, catalog: Catalog, secret: str, code: str | None) -> ValidCertificate | None:
    """The certificate a code proves, if the signature is ours, the learner still
    exists and they have still passed every lesson of the module; else None."""
    claim = read_code(secret, code)
    if claim is None:
        return None
    learner = get_learner(db, claim.learner_id)
    if learner is None:
        return None
    progress = progress_of_module(catalog, learner_lessons(db, learner.id), claim.module_id)
    if progress is None or not progress.complete:
        return None
    team = group_team(db, learner.group_id)
    return ValidCertificate(learner.display_name, team.group_name if team else "", progress.module.title,
                            claim.issued_on)
