"""Push and pull over a real HTTP connection on loopback (uvicorn in a thread serving
access/sync_route.py, the laptop's urllib client), through a proxy that drops the
connection once in the middle: the upload resumes from what the server holds, the
download resumes with Range, and the data arrives whole."""

import urllib.error
import urllib.request
import uuid

import pytest

import manage
from access import sync_route
from access.sync_uploads import UploadStore
from progress.database import connect, upgrade_to_head
from progress.sync import http_client, http_transfer
from progress.sync.http_client import pull, push
from progress.sync.http_transfer import SyncNetworkError
from progress.sync.partners import revoke
from settings import Settings
from tests.progress.sync.loopback import CuttingProxy, sync_server
from tests.progress.sync.sync_sites import learner_names, register, teach

NAMES = tuple(f"Học viên số {n}" for n in range(24))


@pytest.fixture
def laptop(tmp_path):
    url = f"sqlite:///{tmp_path / 'laptop.db'}"
    upgrade_to_head(url)
    factory = connect(url)
    yield factory
    factory.kw["bind"].dispose()


@pytest.fixture
def served(db, tmp_path, monkeypatch):
    """The server's sync routes on the ``db`` database, with their data folder in tmp."""
    monkeypatch.setattr(sync_route, "_database", lambda: db)
    monkeypatch.setattr(sync_route, "_settings", lambda: Settings())
    monkeypatch.setattr(sync_route, "data_folder", lambda: tmp_path / "server-data")
    monkeypatch.setattr(http_client, "_downloads", lambda: tmp_path / "laptop-data")
    with sync_server() as port:
        yield port


def no_sleep(seconds: float) -> None:
    pass


def test_a_push_cut_halfway_resumes_where_the_server_stopped(db, laptop, served, monkeypatch):
    proxy = CuttingProxy(served, cut_up=2500)
    commune = register(db, laptop, url=f"http://127.0.0.1:{proxy.port}")
    teach(laptop, NAMES)
    monkeypatch.setattr(http_transfer, "CHUNK_BYTES", 400)
    offsets: list[int] = []
    real_append = UploadStore.append

    def append(store, uid, offset, chunk):
        offsets.append(offset)
        return real_append(store, uid, offset, chunk)

    monkeypatch.setattr(UploadStore, "append", append)
    result = push(commune.laptop, sleep=no_sleep)

    assert proxy.cuts == 1, (result.bytes_sent, offsets, proxy.sent)
    assert result.answer["summary"] and not result.answer["already_received"]
    assert learner_names(db) == sorted(NAMES)
    assert offsets.count(0) == 1, "after the cut the upload went on, it did not start again"
    assert offsets == sorted(offsets) and len(offsets) >= result.bytes_sent // 400
    # the server confirmed it: the next push sends no learner again
    again = push(commune.laptop, sleep=no_sleep)
    assert again.answer["summary"] is not None and learner_names(db) == sorted(NAMES)
    proxy.close()


def test_a_pull_cut_halfway_resumes_with_range(db, laptop, served):
    from progress.learners import create_learner

    proxy = CuttingProxy(served, cut_down_after=(b"BDHVS-SYNC 1", 2500))
    commune = register(db, laptop, url=f"http://127.0.0.1:{proxy.port}")
    for name in NAMES:
        create_learner(db, commune.group_id, name, "1234")

    result = pull(laptop, sleep=no_sleep)

    assert proxy.cuts == 1 and b"Range: bytes=" in bytes(proxy.upstream)
    assert not result.already_received
    assert learner_names(laptop) == sorted(NAMES)
    proxy.close()


def test_requests_not_signed_by_a_registered_laptop_are_forbidden(db, laptop, served):
    commune = register(db, laptop, url=f"http://127.0.0.1:{served}")
    uid = str(uuid.uuid4())
    with pytest.raises(urllib.error.HTTPError) as unsigned:
        urllib.request.urlopen(f"http://127.0.0.1:{served}/sync/upload/{uid}", timeout=10)
    assert unsigned.value.code == 403 and "chưa được đăng ký" in unsigned.value.read().decode()
    teach(laptop)
    revoke(db, commune.laptop_uid)
    with pytest.raises(SyncNetworkError) as refused:
        push(laptop, sleep=no_sleep)
    assert "không nhận máy này" in refused.value.message
    assert learner_names(db) == []


def test_the_laptop_pushes_and_pulls_with_manage(db, laptop, served, monkeypatch, capsys, tmp_path):
    register(db, laptop, url=f"http://127.0.0.1:{served}")
    teach(laptop)
    monkeypatch.setenv("BDHVS_DATABASE__URL", str(laptop.kw["bind"].url))
    assert manage.main(["sync-push"]) == 0
    assert learner_names(db) == ["Lò Văn Lâm", "Đinh Thị Hoa"]
    assert manage.main(["sync-pull"]) == 0
    assert manage.main(["sync-pull", "--audio"]) == 1
    assert "chưa có gói âm thanh" in capsys.readouterr().err
    assert manage.main(["sync-history"]) == 0
    out = capsys.readouterr().out
    assert "push" in out and "pull" in out


def test_the_audio_pack_download_resumes_with_range(db, laptop, served, tmp_path):
    pack = bytes(range(256)) * 400  # 100 kB, as the server keeps it
    (tmp_path / "server-data" / "sync-outgoing").mkdir(parents=True)
    (tmp_path / "server-data" / "sync-outgoing" / "audio-pack.zip").write_bytes(b"PK" + pack)
    proxy = CuttingProxy(served, cut_down_after=(b"PK\x00\x01", 30_000))
    register(db, laptop, url=f"http://127.0.0.1:{proxy.port}")

    got = http_client.pull_audio_pack(laptop, sleep=no_sleep)

    assert proxy.cuts == 1 and b"Range: bytes=" in bytes(proxy.upstream)
    assert got.read_bytes() == b"PK" + pack
    proxy.close()


def test_a_bundle_larger_than_the_server_takes_is_refused_plainly(db, laptop, served, monkeypatch):
    monkeypatch.setattr(sync_route, "_settings", lambda: Settings(sync={"max_bundle_mb": 0.001}))
    register(db, laptop, url=f"http://127.0.0.1:{served}")
    teach(laptop, NAMES)
    with pytest.raises(SyncNetworkError) as refused:
        push(laptop, sleep=no_sleep)
    assert "quá lớn" in refused.value.message and learner_names(db) == []


def test_a_server_that_does_not_answer_gives_up_after_the_retries_with_a_plain_message(db, laptop):
    from tests.e2e.servers import free_port

    register(db, laptop, url=f"http://127.0.0.1:{free_port()}")  # nothing listens there
    teach(laptop)
    pauses: list[float] = []
    with pytest.raises(SyncNetworkError) as unreachable:
        push(laptop, sleep=pauses.append)
    assert "Không kết nối được với máy chủ xã" in unreachable.value.message
    assert len(pauses) == http_transfer.RETRIES and pauses == sorted(pauses)
