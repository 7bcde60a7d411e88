"""What every speech engine is: its interface, its error, and what the offline engines
share (the speaking rate, whether MP3 can be made)."""

from __future__ import annotations

import importlib.util
from typing import Protocol

ESPEAK_RATE = 150  # words a minute: a little slower than espeak-ng's 175, for older ears


def mp3_available() -> bool:
    """MP3 needs the lameenc encoder; without it engines give WAV."""
    return importlib.util.find_spec("lameenc") is not None


class EngineError(RuntimeError):
    """An engine could not produce audio for a text."""


class EngineUnreachable(EngineError):
    """The engine's service could not be reached (no internet, its name not found, the
    connection refused): every other text will fail the same way."""


class SpeechEngine(Protocol):
    name: str
    voice: str
    fmt: str

    def available(self) -> bool: ...

    def render(self, text: str) -> bytes: ...
