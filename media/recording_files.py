"""Storing a volunteer's recording: checked, made MP3 mono 32 kbit/s, content-addressed."""

from __future__ import annotations

import hashlib

from media.audio_cache import AudioCache
from media.audio_file import AudioInfo, check_recording, inspect_audio, to_mp3


def store_recording(cache: AudioCache, data: bytes, max_seconds: float, max_bytes: int) -> tuple[str, AudioInfo]:
    """Check the upload (raises AudioFileError with a Vietnamese ``user_message``) and
    keep it in the audio cache; returns (file name, what was stored)."""
    check_recording(data, max_seconds=max_seconds, max_bytes=max_bytes)
    mp3 = to_mp3(data)
    key = "rec-" + hashlib.sha256(mp3).hexdigest()[:28]
    path = cache.store(key, "mp3", mp3)
    return path.name, inspect_audio(mp3)
