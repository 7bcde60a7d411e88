"""/recordings/<name>: recordings' bytes from the database, cacheable forever, with ranges."""

import pytest
from starlette.applications import Starlette
from starlette.routing import Route
from starlette.testclient import TestClient

from access import recording_route
from progress.recording_audio_cache import RecordingAudioCache
from progress.recordings import RecordingInfo, save_recording

NAME = "rec-" + "0123456789abcdef" * 2 + ".mp3"
VOICE = bytes(range(256)) * 4  # 1024 bytes


@pytest.fixture
def client(db, monkeypatch):
    save_recording(db, RecordingInfo("bai", "mot", "vi", "v1", NAME, 1000, len(VOICE)), None, VOICE)
    cache = RecordingAudioCache(db)
    monkeypatch.setattr(recording_route, "_cache", lambda: cache)
    return TestClient(Starlette(routes=[Route(recording_route.ROUTE, recording_route.recording_route)]))


def test_a_recording_is_served_from_the_database_and_cached_forever(client):
    response = client.get(f"/recordings/{NAME}")
    assert response.status_code == 200 and response.content == VOICE
    assert response.headers["content-type"] == "audio/mpeg"
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    again = client.get(f"/recordings/{NAME}", headers={"if-none-match": response.headers["etag"]})
    assert again.status_code == 304 and again.content == b""


def test_ranges_are_served_as_the_player_asks(client):
    part = client.get(f"/recordings/{NAME}", headers={"range": "bytes=0-99"})
    assert part.status_code == 206 and part.content == VOICE[:100]
    assert part.headers["content-range"] == f"bytes 0-99/{len(VOICE)}"
    assert client.get(f"/recordings/{NAME}", headers={"range": "bytes=1000-"}).content == VOICE[1000:]
    assert client.get(f"/recordings/{NAME}", headers={"range": "bytes=-24"}).content == VOICE[-24:]
    assert client.get(f"/recordings/{NAME}", headers={"range": "bytes=5000-"}).status_code == 416


def test_an_unknown_or_malformed_name_is_a_plain_404(client):
    for name in ("rec-" + "f" * 32 + ".mp3", "abc.mp3", "rec-..mp3"):
        response = client.get(f"/recordings/{name}")
        assert response.status_code == 404 and "Không có bản ghi" in response.text
    assert client.get("/recordings/..%2F..%2Fdata%2Fsecret.key").status_code == 404
