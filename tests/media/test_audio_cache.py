import os
import unicodedata

import pytest

from media.audio_cache import AudioCache, audio_key


def test_key_changes_with_text_engine_voice_and_format():
    base = audio_key("Xin chào", "gtts", "vi", "mp3")
    assert len({
        base,
        audio_key("Xin chào bà con", "gtts", "vi", "mp3"),
        audio_key("Xin chào", "espeak-ng", "vi", "mp3"),
        audio_key("Xin chào", "gtts", "vi-vn-x-south", "mp3"),
        audio_key("Xin chào", "gtts", "vi", "wav"),
    }) == 5


def test_identical_texts_share_one_key_whatever_the_keyboard_or_spacing():
    nfd = unicodedata.normalize("NFD", "Xin  chào bà con ")
    assert audio_key(nfd, "gtts", "vi", "mp3") == audio_key("Xin chào bà con", "gtts", "vi", "mp3")


def test_store_then_find(tmp_path):
    cache = AudioCache(tmp_path / "audio")
    key = audio_key("Xin chào", "gtts", "vi", "mp3")
    assert cache.find(key, "mp3") is None
    path = cache.store(key, "mp3", b"ID3-data")
    assert cache.find(key, "mp3") == path and path.read_bytes() == b"ID3-data"
    assert path.name == f"{key}.mp3"
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o644  # readable by a server running as another user


def test_a_failed_write_leaves_no_file_and_no_temporary(tmp_path, monkeypatch):
    cache = AudioCache(tmp_path)
    key = audio_key("Xin chào", "gtts", "vi", "mp3")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr("media.audio_cache.os.replace", broken_replace)
    with pytest.raises(OSError):
        cache.store(key, "mp3", b"data")
    assert cache.find(key, "mp3") is None
    assert list(tmp_path.iterdir()) == []


def test_empty_audio_is_refused(tmp_path):
    with pytest.raises(ValueError):
        AudioCache(tmp_path).store("k", "mp3", b"")


def test_empty_file_on_disk_is_not_served(tmp_path):
    cache = AudioCache(tmp_path)
    (tmp_path / "abc.mp3").write_bytes(b"")
    assert cache.find("abc", "mp3") is None
