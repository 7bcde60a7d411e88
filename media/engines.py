"""Speech engines behind one small interface.

- ``EspeakEngine``: offline, the Debian ``espeak-ng`` command; a temporary voice.
  Where the command is missing (a Windows laptop), ``offline_voice`` picks the same
  voice from the pip-installed library instead (media/espeak_library.py).
- ``GttsEngine``: Google's voice through gTTS; needs internet, so it is only used by
  the pre-render command (never on a page request).
"""

from __future__ import annotations

import importlib.util
import io
import shutil
import subprocess
from typing import Protocol

from media.audio_file import AudioFileError, to_mp3

ESPEAK_RATE = 150  # words a minute: a little slower than espeak-ng's 175, for older ears


def mp3_available() -> bool:
    """MP3 needs the lameenc encoder; without it engines give WAV."""
    return importlib.util.find_spec("lameenc") is not None


class EngineError(RuntimeError):
    """An engine could not produce audio for a text."""


class SpeechEngine(Protocol):
    name: str
    voice: str
    fmt: str

    def available(self) -> bool: ...

    def render(self, text: str) -> bytes: ...


class EspeakEngine:
    """espeak-ng rendered locally; MP3 32 kbit/s mono when lameenc is present, else WAV."""

    name = "espeak-ng"

    def __init__(self, voice: str = "vi", command: str = "espeak-ng", timeout: float = 20) -> None:
        self.voice = voice
        self.command = command
        self.timeout = timeout
        self.fmt = "mp3" if mp3_available() else "wav"

    def available(self) -> bool:
        return shutil.which(self.command) is not None

    def render(self, text: str) -> bytes:
        if not self.available():
            raise EngineError(f"{self.command} is not installed")
        try:
            result = subprocess.run(
                [self.command, "-v", self.voice, "--stdout", "-s", str(ESPEAK_RATE)],
                input=text.encode("utf-8"),
                capture_output=True,
                timeout=self.timeout,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise EngineError(f"{self.command} took longer than {self.timeout} s") from exc
        if result.returncode != 0 or not result.stdout:
            raise EngineError(f"{self.command} failed: {result.stderr.decode('utf-8', 'replace').strip()}")
        if self.fmt == "wav":
            return result.stdout
        try:
            return to_mp3(result.stdout)
        except AudioFileError as exc:
            raise EngineError(f"{self.command} gave audio we cannot encode: {exc}") from exc


class GttsEngine:
    """Google Translate's Vietnamese voice (MP3). Network: pre-render only."""

    name = "gtts"
    fmt = "mp3"

    def __init__(self, tld: str = "com", timeout: float = 10) -> None:
        self.tld = tld
        self.voice = "vi"
        self.timeout = timeout

    def available(self) -> bool:
        return importlib.util.find_spec("gtts") is not None

    def render(self, text: str) -> bytes:
        from gtts import gTTS
        from gtts.tts import gTTSError

        buffer = io.BytesIO()
        try:
            gTTS(text, lang="vi", tld=self.tld, timeout=self.timeout).write_to_fp(buffer)
        except (gTTSError, AssertionError, ValueError) as exc:
            raise EngineError(f"gTTS: {exc}") from exc
        if not buffer.getvalue():
            raise EngineError("gTTS returned no audio")
        return buffer.getvalue()


def offline_voice(voice: str = "vi") -> SpeechEngine:
    """The offline voice this machine has: the espeak-ng command (Debian), else the
    espeak-ng library from pip (Windows, macOS), else the command engine, which then
    reports itself unavailable and the narration chain moves on."""
    command = EspeakEngine(voice=voice)
    if command.available():
        return command
    from media.espeak_library import EspeakLibraryEngine

    library = EspeakLibraryEngine(voice=voice)
    return library if library.available() else command
