"""Content-addressed audio files on disk.

A file's name is the hash of (normalised text, engine, voice, format), so a changed
text can never be served stale audio, identical texts share one file, and phones may
cache every file forever. Files are written to a temporary name and renamed, so a
half-written file is never served.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import unicodedata
from pathlib import Path

from media.speech_text import normalise_for_speech

EXTENSIONS = {"mp3": "mp3", "wav": "wav"}


def text_fingerprint(text: str) -> str:
    """Identifies a version of a text (NFC, spacing folded) for recordings made of it.

    Deliberately not the speech-normalised form: improving the pronunciation lexicon
    must not make volunteers' recordings look out of date.
    """
    folded = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]


def audio_key(text: str, engine: str, voice: str, fmt: str) -> str:
    material = "\x1f".join((engine, voice, fmt, normalise_for_speech(text)))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:32]


class AudioCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path_for(self, key: str, fmt: str) -> Path:
        return self.folder / f"{key}.{EXTENSIONS[fmt]}"

    def find(self, key: str, fmt: str) -> Path | None:
        path = self.path_for(key, fmt)
        return path if path.is_file() and path.stat().st_size > 0 else None

    def store(self, key: str, fmt: str, data: bytes) -> Path:
        if not data:
            raise ValueError("refusing to cache empty audio")
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.path_for(key, fmt)
        handle, tmp_name = tempfile.mkstemp(dir=self.folder, prefix=".part-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as tmp:
                tmp.write(data)
            os.chmod(tmp_name, 0o644)  # mkstemp makes 0600; the server may run as another user
            os.replace(tmp_name, target)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        return target
