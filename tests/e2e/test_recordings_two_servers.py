"""A volunteer's recording saved through one process is played by every other process
on the same database (issue 15): its bytes are in the database, not on one disk. On
SQLite and, when TEST_DATABASE_URL is set (CI), on PostgreSQL.

The recording is saved with ``progress.recordings.save_recording`` from this test's
process, as the trainer's recording page in a third process would; servers A and B
then serve it at /recordings/<name>, the URL the learner's player asks for."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from media.recording_files import recording_name
from progress.database import connect
from progress.recordings import RecordingInfo, delete_recording, save_recording
from tests.e2e.conftest import TwoServers

pytestmark = pytest.mark.e2e

VOICE = b"\xff\xf3" + bytes(range(256)) * 120  # ~30 KB, as a recording is


def fetch(base: str, path: str, **headers: str) -> tuple[int, bytes, dict[str, str]]:
    request = urllib.request.Request(base + path, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read(), {k.lower(): v for k, v in response.headers.items()}
    except urllib.error.HTTPError as error:
        return error.code, error.read(), {k.lower(): v for k, v in error.headers.items()}


def test_a_recording_saved_once_plays_from_both_processes(two_servers: TwoServers) -> None:
    name = recording_name(VOICE)
    path = f"/recordings/{name}"
    assert fetch(two_servers.b, path)[0] == 404  # not yet: and a miss is not remembered
    db = connect(two_servers.database_url)
    save_recording(db, RecordingInfo("bai-mau", "mot", "vi", "v1", name, 2000, len(VOICE)), None, VOICE)
    for base in (two_servers.a, two_servers.b):
        status, body, headers = fetch(base, path)
        assert (status, body) == (200, VOICE)
        assert headers["content-type"] == "audio/mpeg" and "immutable" in headers["cache-control"]
        status, body, _ = fetch(base, path, Range="bytes=0-1")
        assert (status, body) == (206, b"\xff\xf3")
    delete_recording(db, "bai-mau", "mot", "vi")
    assert fetch(two_servers.a, path)[0] in (200, 404)  # a process may still hold its copy: same name, same bytes
