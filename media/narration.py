"""The narrator: the best audio we have for a text, without touching the network.

Chain, best first: a volunteer's recording (looked up by the page, see
``recorded_clip``; its bytes are in the database, served at /recordings/); a
pre-rendered gTTS file in the cache; an espeak-ng file in the cache, or rendered now
with espeak-ng (offline, a few tens of ms) and cached; else no audio. The browser adds
the phone's own Vietnamese voice before espeak-ng when it has one (ui/audio_player.py),
and the page always shows the text.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from media.audio_cache import AudioCache, audio_key
from media.audio_file import AudioFileError, inspect_audio
from media.speech_engine import EngineError, SpeechEngine
from media.speech_text import normalise_for_speech

log = logging.getLogger(__name__)

MIME_TYPES = {"mp3": "audio/mpeg", "wav": "audio/wav"}
RECORDED = "recorded"


@dataclass(frozen=True)
class AudioClip:
    path: Path | None  # None for a recording, whose bytes are in the database
    url: str
    engine: str
    mime: str
    temporary_voice: bool
    size_bytes: int
    duration_seconds: float | None = None

    @property
    def natural(self) -> bool:
        """A human voice or Google's: better than a phone's own voice."""
        return not self.temporary_voice


@dataclass(frozen=True)
class PrerenderedVoice:
    """Identity of an engine whose files are made ahead of time (never called here)."""

    name: str
    voice: str
    fmt: str


class Narrator:
    def __init__(
        self,
        cache: AudioCache,
        url_prefix: str,
        prerendered: list[PrerenderedVoice],
        live_engine: SpeechEngine | None,
        recordings_url_prefix: str = "/recordings",
    ) -> None:
        self.cache = cache
        self.url_prefix = url_prefix.rstrip("/")
        self.recordings_url_prefix = recordings_url_prefix.rstrip("/")
        self.prerendered = prerendered
        self.live_engine = live_engine if live_engine and live_engine.available() else None
        engine = live_engine
        self.fallback_voice = PrerenderedVoice(engine.name, engine.voice, engine.fmt) if engine else None
        self._render_lock = threading.Lock()
        self._durations: dict[str, float | None] = {}

    def _clip(self, path: Path, engine: str, fmt: str, temporary: bool) -> AudioClip:
        return AudioClip(path, f"{self.url_prefix}/{path.name}", engine, MIME_TYPES[fmt], temporary,
                         path.stat().st_size, self._duration(path))

    def _duration(self, path: Path) -> float | None:
        """Seconds of audio, read once per file (names are content-addressed)."""
        if path.name not in self._durations:
            try:
                self._durations[path.name] = inspect_audio(path.read_bytes()).duration_seconds
            except (AudioFileError, OSError):
                self._durations[path.name] = None
        return self._durations[path.name]

    def recorded_clip(self, file_name: str, size_bytes: int, duration_ms: int) -> AudioClip:
        """A volunteer's recording, served from the database by its content-addressed name."""
        return AudioClip(None, f"{self.recordings_url_prefix}/{file_name}", RECORDED, MIME_TYPES["mp3"], False,
                         size_bytes, duration_ms / 1000 if duration_ms else None)

    def clip_for(self, text: str) -> AudioClip | None:
        """Audio for a text, or None if no voice can speak it."""
        spoken = normalise_for_speech(text)
        if not spoken:
            return None
        for voice in self.prerendered:
            found = self.cache.find(audio_key(spoken, voice.name, voice.voice, voice.fmt), voice.fmt)
            if found:
                return self._clip(found, voice.name, voice.fmt, temporary=False)
        engine = self.live_engine
        if engine is None:
            return None
        key = audio_key(spoken, engine.name, engine.voice, engine.fmt)
        found = self.cache.find(key, engine.fmt)
        if found:
            return self._clip(found, engine.name, engine.fmt, temporary=True)
        with self._render_lock:  # one render at a time: a class all opening one step renders it once
            found = self.cache.find(key, engine.fmt)
            if found is None:
                try:
                    found = self.cache.store(key, engine.fmt, engine.render(spoken))
                except (EngineError, OSError) as exc:
                    log.warning("no audio for %r: %s", spoken[:40], exc)
                    return None
        return self._clip(found, engine.name, engine.fmt, temporary=True)
