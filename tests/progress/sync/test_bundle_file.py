"""The .bdhvs file: what is written reads back; every kind of bad file is refused with
its own plain message, before anything is unpacked."""

import gzip
import hashlib
import json

import pytest

from progress.sync import bundle_file
from progress.sync.bundle_file import BundleRefused, Sender, read_bundle, read_header, write_bundle

KEY = bytes(range(32))
LAPTOP = "11111111-1111-4111-8111-111111111111"
SERVER = "22222222-2222-4222-8222-222222222222"
COMMUNE = "33333333-3333-4333-8333-333333333333"
PAYLOAD = {"kinds": {"learners": [{"uid": "a", "display_name": "Đinh Thị Hoa"}], "groups": []}, "deletions": []}


def header(**changes: object) -> dict:
    return {"bundle_uid": "44444444-4444-4444-8444-444444444444", "schema": "0012",
            "from_site": {"uid": LAPTOP, "name": "Laptop thôn Bờ He"}, "to_site_uid": SERVER,
            "commune_uid": COMMUNE, "created_at": "2026-12-07T04:00:00+00:00", "since": None,
            "until": "2026-12-07T04:00:00+00:00", "acked_until": None, **changes}


def registered(uid: str) -> Sender | None:
    return Sender(KEY, COMMUNE) if uid == LAPTOP else None


def read(data: bytes, *, schema: str = "0012", to: str = SERVER, max_bytes: int = 10**6, sender=registered):
    return read_bundle(data, sender, this_site_uid=to, schema=schema, max_bytes=max_bytes)


def refusal(data: bytes, **kwargs) -> BundleRefused:
    with pytest.raises(BundleRefused) as refused:
        read(data, **kwargs)
    assert "Traceback" not in refused.value.message and refused.value.message == str(refused.value)
    return refused.value


def test_a_bundle_reads_back_with_its_header_and_payload():
    data = write_bundle(header(), PAYLOAD, KEY)
    assert data.startswith(b"BDHVS-SYNC 1\n")
    bundle = read(data)
    assert bundle.payload == PAYLOAD
    assert bundle.header["counts"] == {"learners": 1, "groups": 0, "deletions": 0}
    assert bundle.header["from_site"]["name"] == "Laptop thôn Bờ He"
    assert write_bundle(header(), PAYLOAD, KEY) == data  # the same content makes the same bytes


def test_not_a_bundle():
    assert refusal(b"PK\x03\x04 a zip file").reason == bundle_file.NOT_A_BUNDLE
    assert refusal(json.dumps({"server_uid": SERVER}).encode()).reason == bundle_file.NOT_A_BUNDLE
    assert "không phải tệp dữ liệu đồng bộ" in refusal(b"").message


def test_cut_short_anywhere_is_refused_as_cut_short():
    data = write_bundle(header(), PAYLOAD, KEY)
    body_starts = data.index(b"\n", len(bundle_file.MAGIC)) + 1
    for length in (5, len(bundle_file.MAGIC) + 10, body_starts + 3, len(data) - 1):
        refused = refusal(data[:length])
        assert refused.reason == bundle_file.CUT_SHORT, length
        assert "bị thiếu" in refused.message


def test_a_changed_byte_in_the_payload_or_the_header_is_tampering():
    data = write_bundle(header(), PAYLOAD, KEY)
    flipped = bytearray(data)
    flipped[-8] ^= 0x01
    assert refusal(bytes(flipped)).reason == bundle_file.TAMPERED
    # a different commune written into the header by hand: the signature no longer matches
    forged = data.replace(COMMUNE.encode(), b"55555555-5555-4555-8555-555555555555")
    assert refusal(forged).reason == bundle_file.TAMPERED
    # the payload replaced with another, its hash and length updated, but not re-signed
    other = gzip.compress(json.dumps({"kinds": {"learners": []}}).encode(), mtime=0)
    head = read_header(data)
    head.update(payload_bytes=len(other), payload_sha256=hashlib.sha256(other).hexdigest())
    resealed = bundle_file.MAGIC + json.dumps(head, sort_keys=True).encode() + b"\n" + other
    assert refusal(resealed).reason == bundle_file.TAMPERED
    assert refusal(data + b"extra").reason == bundle_file.TAMPERED
    assert "bị sửa hoặc bị hỏng" in refusal(bytes(flipped)).message


def test_signed_with_another_key_is_tampering():
    data = write_bundle(header(), PAYLOAD, bytes(32))
    assert refusal(data).reason == bundle_file.TAMPERED


def test_from_an_installation_not_registered_or_revoked():
    data = write_bundle(header(from_site={"uid": "99999999-9999-4999-8999-999999999999", "name": "Lạ"}), PAYLOAD, KEY)
    refused = refusal(data)
    assert refused.reason == bundle_file.NOT_REGISTERED
    assert "chưa được đăng ký" in refused.message
    assert refusal(write_bundle(header(), PAYLOAD, KEY), sender=lambda uid: None).reason == bundle_file.NOT_REGISTERED


def test_for_another_commune_or_another_recipient():
    other_commune = write_bundle(header(commune_uid="55555555-5555-4555-8555-555555555555"), PAYLOAD, KEY)
    refused = refusal(other_commune)
    assert refused.reason == bundle_file.OTHER_COMMUNE and "xã khác" in refused.message
    refused = refusal(write_bundle(header(), PAYLOAD, KEY), to="66666666-6666-4666-8666-666666666666")
    assert refused.reason == bundle_file.OTHER_RECIPIENT and "máy khác" in refused.message


def test_made_with_another_schema():
    refused = refusal(write_bundle(header(schema="0011"), PAYLOAD, KEY))
    assert refused.reason == bundle_file.OTHER_SCHEMA
    assert "phiên bản khác" in refused.message and "0011" in refused.message and "0012" in refused.message
    newer_format = b"BDHVS-SYNC 2\n{}\n"
    assert refusal(newer_format).reason == bundle_file.OTHER_SCHEMA


def test_too_large_is_refused_before_reading():
    data = write_bundle(header(), PAYLOAD, KEY)
    refused = refusal(data, max_bytes=len(data) - 1)
    assert refused.reason == bundle_file.TOO_LARGE and "quá lớn" in refused.message


def test_a_payload_that_unpacks_to_far_more_than_the_limit_is_refused():
    huge = {"kinds": {"learners": [{"uid": "x" * 2_000_000}]}, "deletions": []}
    data = write_bundle(header(), huge, KEY)
    assert len(data) < 20_000
    assert refusal(data, max_bytes=20_000).reason == bundle_file.TOO_LARGE
