"""Preparing a volunteer's recording: checked, made MP3 mono 32 kbit/s, content-addressed.
The bytes are stored by progress/recordings.py (in the database, for every process)."""

from __future__ import annotations

import hashlib

from media.audio_file import AudioInfo, check_recording, inspect_audio, to_mp3


def recording_name(mp3: bytes) -> str:
    """The file name a recording is kept and served under: the hash of its bytes."""
    return "rec-" + hashlib.sha256(mp3).hexdigest()[:28] + ".mp3"


def prepare_recording(data: bytes, max_seconds: float, max_bytes: int) -> tuple[str, bytes, AudioInfo]:
    """Check the upload (raises AudioFileError with a Vietnamese ``user_message``) and
    make it MP3; returns (file name, MP3 bytes, what they hold)."""
    check_recording(data, max_seconds=max_seconds, max_bytes=max_bytes)
    mp3 = to_mp3(data)
    return recording_name(mp3), mp3, inspect_audio(mp3)
