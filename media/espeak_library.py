"""espeak-ng as a library from pip (``espeakng-loader``), for machines without the command.

A Windows trainer laptop has no ``espeak-ng`` command, but ``pip`` installs the
``espeakng-loader`` wheel, which carries the espeak-ng library and its voice data for
Windows, macOS and Linux. This engine calls that library through ctypes and gives the
same voice, speed and format as ``EspeakEngine``, under the same engine name, so audio
made on either machine has the same cache key and a pack moves between them.

The library keeps global state and is not thread-safe: one lock around each text.
"""

from __future__ import annotations

import ctypes
import io
import threading
import wave
from typing import Any

from media.audio_file import AudioFileError, to_mp3
from media.speech_engine import ESPEAK_RATE, EngineError, mp3_available

# espeak-ng's speak_lib.h
_AUDIO_OUTPUT_SYNCHRONOUS = 2
_POS_CHARACTER = 1
_CHARS_UTF8 = 1
_PARAMETER_RATE = 1
_EE_OK = 0
_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)


class _Library:
    """The loaded library, initialised once per process."""

    def __init__(self) -> None:
        import espeakng_loader

        self.lock = threading.Lock()
        self.lib = ctypes.CDLL(espeakng_loader.get_library_path())
        self.lib.espeak_Initialize.restype = ctypes.c_int
        self.lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        self.lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        self.lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        self.lib.espeak_Synth.argtypes = [
            ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int, ctypes.c_uint, ctypes.c_uint,
            ctypes.c_void_p, ctypes.c_void_p,
        ]
        data = espeakng_loader.get_data_path().encode()
        self.sample_rate = self.lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 0, data, 0)
        if self.sample_rate <= 0:
            raise OSError("espeak-ng library did not start")
        self._samples: list[bytes] = []
        self._callback = _CALLBACK(self._collect)  # kept alive as long as the library
        self.lib.espeak_SetSynthCallback(self._callback)

    def _collect(self, samples: Any, count: int, events: Any) -> int:
        if count > 0:
            self._samples.append(ctypes.string_at(samples, count * 2))
        return 0  # 0 = go on

    def speak(self, text: str, voice: str, rate: int) -> bytes:
        """The text as WAV bytes (16-bit mono at the library's rate)."""
        encoded = text.encode("utf-8") + b"\0"
        with self.lock:
            self._samples = []
            if self.lib.espeak_SetVoiceByName(voice.encode()) != _EE_OK:
                raise EngineError(f"espeak-ng library has no voice {voice!r}")
            self.lib.espeak_SetParameter(_PARAMETER_RATE, rate, 0)
            if self.lib.espeak_Synth(encoded, len(encoded), 0, _POS_CHARACTER, 0, _CHARS_UTF8, None, None) != _EE_OK:
                raise EngineError("espeak-ng library could not speak the text")
            self.lib.espeak_Synchronize()
            pcm = b"".join(self._samples)
        if not pcm:
            raise EngineError("espeak-ng library gave no sound")
        out = io.BytesIO()
        with wave.open(out, "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(self.sample_rate)
            wav.writeframes(pcm)
        return out.getvalue()


_loaded: list[_Library] = []
_load_lock = threading.Lock()


def _library() -> _Library:
    with _load_lock:
        if not _loaded:
            _loaded.append(_Library())
        return _loaded[0]


class EspeakLibraryEngine:
    """espeak-ng from the ``espeakng-loader`` wheel; same name and output as the command."""

    name = "espeak-ng"

    def __init__(self, voice: str = "vi") -> None:
        self.voice = voice
        self.fmt = "mp3" if mp3_available() else "wav"

    def available(self) -> bool:
        try:
            _library()
        except (ImportError, OSError, AttributeError):
            return False
        return True

    def render(self, text: str) -> bytes:
        try:
            library = _library()
        except (ImportError, OSError, AttributeError) as exc:
            raise EngineError(f"espeak-ng library cannot be loaded: {exc}") from exc
        wav_bytes = library.speak(text, self.voice, ESPEAK_RATE)
        if self.fmt == "wav":
            return wav_bytes
        try:
            return to_mp3(wav_bytes)
        except AudioFileError as exc:
            raise EngineError(f"espeak-ng library gave audio we cannot encode: {exc}") from exc
