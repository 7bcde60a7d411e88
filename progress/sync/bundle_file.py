"""The sync bundle file (``.bdhvs``): what one installation sends another, checked
before anything reaches the database.

Layout::

    b"BDHVS-SYNC 1\\n"
    header JSON (one line, sorted keys, utf-8) b"\\n"
    gzip(JSON payload, sorted keys)

The header names the sender (``from_site``), the recipient (``to_site_uid``), the commune,
the schema (Alembic head) it was made with, counts per kind, and the payload's length
and SHA-256; ``signature`` is HMAC-SHA256 with the key the two installations share over
the header without the signature. ``read_bundle`` refuses, with a plain Vietnamese
message (``BundleRefused``), a file that is not a bundle, cut short, changed after it
was written, from an installation not registered here, for another commune or
recipient, made with another schema, or too large.
"""

from __future__ import annotations

import gzip
import hashlib
import hmac
import json
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

MAGIC = b"BDHVS-SYNC 1\n"
FORMAT = 1
EXTENSION = ".bdhvs"
MAX_HEADER_BYTES = 64 * 1024
INFLATE_LIMIT_FACTOR = 50  # a payload may unpack to at most this many times the file's limit

NOT_A_BUNDLE = "not_a_bundle"
CUT_SHORT = "cut_short"
TAMPERED = "tampered"
NOT_REGISTERED = "not_registered"
OTHER_COMMUNE = "other_commune"
OTHER_RECIPIENT = "other_recipient"
OTHER_SCHEMA = "other_schema"
TOO_LARGE = "too_large"

MESSAGES = {
    NOT_A_BUNDLE: "Tệp này không phải tệp dữ liệu đồng bộ của ứng dụng (tệp .bdhvs). Hãy chọn đúng tệp đã xuất.",
    CUT_SHORT: "Tệp này bị thiếu một phần (chép chưa xong hoặc bị cắt ngang), nên không nhận. "
               "Hãy chép lại tệp từ máy gửi rồi nhận lại.",
    TAMPERED: "Tệp này đã bị sửa hoặc bị hỏng sau khi xuất, nên không nhận. Hãy xuất lại tệp ở máy gửi.",
    NOT_REGISTERED: "Máy gửi tệp này chưa được đăng ký với xã này (hoặc đã bị thu hồi), nên không nhận. "
                    "Hãy nhờ quản trị viên ở xã đăng ký máy rồi xuất lại.",
    OTHER_COMMUNE: "Tệp này là dữ liệu của xã khác, không phải xã máy này phục vụ, nên không nhận.",
    OTHER_RECIPIENT: "Tệp này được tạo để gửi cho máy khác, không phải máy này, nên không nhận.",
    OTHER_SCHEMA: "Tệp này được tạo bằng phiên bản khác của ứng dụng (phiên bản dữ liệu {theirs}, máy này {ours}). "
                  "Hãy cập nhật ứng dụng ở cả hai máy cho giống nhau rồi xuất lại.",
    TOO_LARGE: "Tệp này quá lớn ({size} MB, tối đa {limit} MB). Hãy nhờ quản trị viên tăng giới hạn cỡ tệp.",
}


class BundleRefused(Exception):
    """A bundle that must not be applied; ``message`` is plain Vietnamese for the page,
    ``reason`` one of the constants above (for tests and the HTTP answer)."""

    def __init__(self, reason: str, **details: object) -> None:
        self.reason = reason
        self.message = MESSAGES[reason].format(**details)
        super().__init__(self.message)


@dataclass(frozen=True)
class Sender:
    """What this installation knows of a registered partner: the shared key and the
    commune it was registered for (None: any commune, e.g. a laptop not placed yet)."""

    key: bytes
    commune_uid: str | None


@dataclass(frozen=True)
class Bundle:
    header: dict[str, Any]
    payload: dict[str, Any]


def _canonical(header: dict[str, Any]) -> bytes:
    return json.dumps(header, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def sign_header(header: dict[str, Any], key: bytes) -> str:
    unsigned = {name: value for name, value in header.items() if name != "signature"}
    return hmac.new(key, _canonical(unsigned), hashlib.sha256).hexdigest()


def count_kinds(payload: dict[str, Any]) -> dict[str, int]:
    kinds = payload.get("kinds", {})
    counts = {kind: len(rows) for kind, rows in kinds.items()}
    counts["deletions"] = len(payload.get("deletions", []))
    return counts


def write_bundle(header_fields: dict[str, Any], payload: dict[str, Any], key: bytes) -> bytes:
    """The file's bytes. ``header_fields`` are the header's own fields (bundle_uid,
    from_site, to_site_uid, commune_uid, schema, created_at, since, until, acked_until …);
    format, counts, payload length and hash and the signature are added here."""
    body = gzip.compress(_canonical(payload), compresslevel=6, mtime=0)
    header = {
        **header_fields,
        "format": FORMAT,
        "counts": header_fields.get("counts") or count_kinds(payload),
        "payload_bytes": len(body),
        "payload_sha256": hashlib.sha256(body).hexdigest(),
    }
    header.pop("signature", None)
    header["signature"] = sign_header(header, key)
    return MAGIC + _canonical(header) + b"\n" + body


def read_header(data: bytes) -> dict[str, Any]:
    """The header as written, NOT verified (to name the sender in a refusal); refuses
    what is not a bundle or is cut inside its header."""
    if not data.startswith(MAGIC):
        if data.startswith(MAGIC[:11]) and data[11:12].isdigit():  # another format of the file
            raise BundleRefused(OTHER_SCHEMA, theirs=data[11:data.find(b"\n")].decode("ascii", "replace"), ours=FORMAT)
        raise BundleRefused(CUT_SHORT if MAGIC.startswith(data) and data else NOT_A_BUNDLE)
    end = data.find(b"\n", len(MAGIC), len(MAGIC) + MAX_HEADER_BYTES)
    if end < 0:
        raise BundleRefused(CUT_SHORT if len(data) < len(MAGIC) + MAX_HEADER_BYTES else NOT_A_BUNDLE)
    try:
        header = json.loads(data[len(MAGIC):end].decode("utf-8"))
    except ValueError:
        raise BundleRefused(TAMPERED) from None
    if not isinstance(header, dict) or header.get("format") != FORMAT or not isinstance(header.get("from_site"), dict) \
            or not isinstance(header.get("payload_bytes"), int) or not isinstance(header.get("payload_sha256"), str):
        raise BundleRefused(TAMPERED)
    return header


def read_bundle(data: bytes, sender: Callable[[str], Sender | None], *, this_site_uid: str, schema: str,
                max_bytes: int) -> Bundle:
    """Verify ``data`` and unpack its payload, or raise ``BundleRefused``. ``sender``
    looks up a registered, not revoked partner by its site uid."""
    if len(data) > max_bytes:
        raise BundleRefused(TOO_LARGE, size=_mb(len(data)), limit=_mb(max_bytes))
    header = read_header(data)
    known = sender(str(header["from_site"].get("uid", "")))
    if known is None:
        raise BundleRefused(NOT_REGISTERED)
    if not hmac.compare_digest(str(header.get("signature", "")), sign_header(header, known.key)):
        raise BundleRefused(TAMPERED)
    if header.get("to_site_uid") != this_site_uid:
        raise BundleRefused(OTHER_RECIPIENT)
    if known.commune_uid is not None and header.get("commune_uid") != known.commune_uid:
        raise BundleRefused(OTHER_COMMUNE)
    if header.get("schema") != schema:
        raise BundleRefused(OTHER_SCHEMA, theirs=header.get("schema"), ours=schema)
    body = data[data.index(b"\n", len(MAGIC)) + 1:]
    if len(body) < header["payload_bytes"]:
        raise BundleRefused(CUT_SHORT)
    if len(body) > header["payload_bytes"] or hashlib.sha256(body).hexdigest() != header["payload_sha256"]:
        raise BundleRefused(TAMPERED)
    return Bundle(header, _unpack(body, max_bytes * INFLATE_LIMIT_FACTOR))


def _unpack(body: bytes, limit: int) -> dict[str, Any]:
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        raw = inflater.decompress(body, limit)
        if inflater.unconsumed_tail:
            raise BundleRefused(TOO_LARGE, size=_mb(limit), limit=_mb(limit))
        payload = json.loads(raw.decode("utf-8"))
    except (zlib.error, ValueError):
        raise BundleRefused(TAMPERED) from None
    if not isinstance(payload, dict):
        raise BundleRefused(TAMPERED)
    return payload


def _mb(size: int) -> str:
    return f"{size / 1e6:.1f}".replace(".", ",")
