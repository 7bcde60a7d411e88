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
