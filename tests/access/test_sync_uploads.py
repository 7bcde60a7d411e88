"""The server's store of bundles arriving in pieces: a chunk is kept only where the
file ends, so a resumed upload can neither leave a gap nor write a piece twice."""

import os

import pytest

from access.sync_uploads import OffsetMismatch, UploadStore, UploadTooLarge

UID = "44444444-4444-4444-8444-444444444444"


def test_chunks_append_only_at_the_end(tmp_path):
    store = UploadStore(tmp_path / "in", max_bytes=100)
    assert store.received(UID) == 0
    assert store.append(UID, 0, b"abc") == 3
    assert store.append(UID, 3, b"def") == 6
    with pytest.raises(OffsetMismatch) as behind:
        store.append(UID, 3, b"def")  # the same chunk again (its answer was lost)
    assert behind.value.received == 6
    with pytest.raises(OffsetMismatch) as ahead:
        store.append(UID, 9, b"ghi")  # a gap
    assert ahead.value.received == 6
    assert store.whole(UID) == b"abcdef"


def test_a_file_larger_than_the_limit_is_refused(tmp_path):
    store = UploadStore(tmp_path, max_bytes=5)
    store.append(UID, 0, b"abc")
    with pytest.raises(UploadTooLarge):
        store.append(UID, 3, b"def")
    assert store.received(UID) == 3


def test_a_finished_upload_keeps_its_answer_not_its_bytes(tmp_path):
    store = UploadStore(tmp_path, max_bytes=100)
    store.append(UID, 0, b"abc")
    store.finish(UID, {"message": "đã nhận"})
    assert store.received(UID) == 0 and store.answer(UID) == {"message": "đã nhận"}


def test_names_that_are_not_bundle_uids_never_reach_the_disk(tmp_path):
    store = UploadStore(tmp_path, max_bytes=100)
    for name in ("../secret", "a" * 36, UID.upper() + "/x"):
        with pytest.raises(ValueError):
            store.append(name, 0, b"x")
    assert list(tmp_path.iterdir()) == []


def test_old_leftovers_are_pruned(tmp_path):
    store = UploadStore(tmp_path, max_bytes=100)
    store.append(UID, 0, b"abc")
    old = 1_000_000
    os.utime(tmp_path / f"{UID}.part", (old, old))
    store.prune()
    assert store.received(UID) == 0
