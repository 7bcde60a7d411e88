import json
import zipfile

import pytest

from media.audio_cache import AudioCache, audio_key
from media.audio_pack import PackError, pack_audio, unpack_audio


def test_pack_then_unpack_on_another_laptop(tmp_path):
    online = AudioCache(tmp_path / "online")
    keys = [audio_key(f"Câu {i}", "gtts", "vi", "mp3") for i in range(3)]
    for index, key in enumerate(keys):
        online.store(key, "mp3", f"audio {index}".encode())
    (tmp_path / "online" / ".part-x.tmp").write_bytes(b"half written")
    pack = tmp_path / "audio-pack.zip"
    assert pack_audio(tmp_path / "online", pack) == 3

    offline = AudioCache(tmp_path / "offline")
    offline.store(keys[0], "mp3", b"audio 0")
    summary = unpack_audio(pack, offline)
    assert (summary.added, summary.already_there, summary.skipped) == (2, 1, [])
    assert offline.find(keys[2], "mp3").read_bytes() == b"audio 2"
    assert unpack_audio(pack, offline).added == 0  # again: nothing new


def test_foreign_names_and_path_tricks_are_skipped(tmp_path):
    pack = tmp_path / "evil.zip"
    with zipfile.ZipFile(pack, "w") as archive:
        archive.writestr("../../etc/cron.d/x", b"no")
        archive.writestr("notes.txt", b"no")
        archive.writestr("a" * 32 + ".mp3", b"ok")
    cache = AudioCache(tmp_path / "cache")
    summary = unpack_audio(pack, cache)
    assert summary.added == 1 and sorted(summary.skipped) == ["../../etc/cron.d/x", "notes.txt"]
    assert [p.name for p in (tmp_path / "cache").iterdir()] == ["a" * 32 + ".mp3"]


def test_a_file_that_is_not_a_pack_is_refused(tmp_path):
    bad = tmp_path / "bad.zip"
    bad.write_text("not a zip")
    with pytest.raises(PackError, match="not an audio pack"):
        unpack_audio(bad, AudioCache(tmp_path / "cache"))


def _recording(file_name: str, **changes) -> dict:
    record = {"lesson_id": "bai", "step_id": "mot", "language": "hre", "text_hash": "v1", "file_name": file_name,
              "duration_ms": 2000, "size_bytes": 8}
    return {**record, **changes}


def test_volunteer_recordings_travel_with_their_records(tmp_path):
    here = AudioCache(tmp_path / "here")
    recorded = "rec-" + "b" * 32
    here.store(recorded, "mp3", b"a voice")
    records = [_recording(recorded + ".mp3"), _recording("rec-" + "c" * 32 + ".mp3")]  # the second has no file
    pack = tmp_path / "pack.zip"
    assert pack_audio(tmp_path / "here", pack, records) == 1

    there = AudioCache(tmp_path / "there")
    summary = unpack_audio(pack, there)
    assert summary.added == 1 and summary.skipped == []
    assert summary.recordings == [records[0]]
    assert there.find(recorded, "mp3").read_bytes() == b"a voice"


def test_broken_recording_records_are_skipped_and_named(tmp_path):
    good = "rec-" + "d" * 32 + ".mp3"
    pack = tmp_path / "pack.zip"
    with zipfile.ZipFile(pack, "w") as archive:
        archive.writestr(good, b"voice")
        archive.writestr("recordings.json", json.dumps([
            _recording(good),
            _recording(good, duration_ms="long"),              # wrong type
            _recording("../../evil.mp3"),                       # not a cache name
            _recording("rec-" + "e" * 32 + ".mp3"),             # file not in the pack
            "not a record",
        ]))
    summary = unpack_audio(pack, AudioCache(tmp_path / "cache"))
    assert summary.recordings == [_recording(good)]
    assert [entry.split(" ")[0] for entry in summary.skipped] == [
        "recordings.json[1]", "recordings.json[2]", "recordings.json[3]", "recordings.json[4]"]
    assert "missing" in summary.skipped[2]


def test_a_pack_from_before_recordings_travelled_still_unpacks(tmp_path):
    pack = tmp_path / "old.zip"
    with zipfile.ZipFile(pack, "w") as archive:
        archive.writestr("f" * 32 + ".mp3", b"gtts")
    summary = unpack_audio(pack, AudioCache(tmp_path / "cache"))
    assert (summary.added, summary.recordings, summary.skipped) == (1, [], [])
