"""The offline voice where there is no espeak-ng command (a Windows laptop): the
espeak-ng library from the espeakng-loader wheel, called through ctypes."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from media import engines
from media.audio_cache import audio_key
from media.audio_file import inspect_audio
from media.engines import EspeakEngine, offline_voice
from media.espeak_library import EspeakLibraryEngine
from media.speech_engine import EngineError

pytest.importorskip("espeakng_loader", reason="espeakng-loader is in requirements.txt; install it")

TEXTS = [  # of clearly different lengths
    "Xin chào.",
    "Không ai được hỏi mã OTP của bác.",
    "Tiền trợ cấp là năm trăm nghìn đồng mỗi tháng, bác nhớ hỏi cán bộ xã.",
    "Bác nhớ kiểm tra tên người nhận trước khi bấm chuyển tiền, và không bao giờ đọc mã cho người lạ.",
]


def test_the_library_speaks_vietnamese_as_mp3_32kbps_mono():
    engine = EspeakLibraryEngine()
    assert engine.available()
    info = inspect_audio(engine.render(TEXTS[1]))
    assert (info.fmt, info.channels, info.bitrate_kbps) == ("mp3", 1, 32)
    assert 1.0 < info.duration_seconds < 6.0


def test_a_voice_the_library_lacks_is_an_engine_error_not_a_crash():
    with pytest.raises(EngineError, match="no voice"):
        EspeakLibraryEngine(voice="no-such-voice").render("Xin chào")


def test_texts_spoken_at_once_from_many_threads_do_not_mix():
    """Mixed samples would change each text's length; espeak-ng itself varies by a few ms."""
    engine = EspeakLibraryEngine()
    alone = [inspect_audio(engine.render(text)).duration_seconds for text in TEXTS]
    assert all(b - a > 0.5 for a, b in zip(alone, alone[1:], strict=False)), f"texts should differ in length: {alone}"
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = [inspect_audio(audio).duration_seconds for audio in pool.map(engine.render, TEXTS * 3)]
    for seconds, expected in zip(together, alone * 3, strict=True):
        assert seconds == pytest.approx(expected, abs=0.1)


def test_same_cache_key_as_the_command_so_audio_moves_between_machines():
    command, library = EspeakEngine(), EspeakLibraryEngine()
    assert (command.name, command.voice, command.fmt) == (library.name, library.voice, library.fmt)
    assert audio_key("Xin chào", command.name, command.voice, command.fmt) == audio_key(
        "Xin chào", library.name, library.voice, library.fmt)


def test_without_the_command_the_offline_voice_is_the_library(monkeypatch):
    monkeypatch.setattr(engines.shutil, "which", lambda command: None)
    voice = offline_voice("vi")
    assert isinstance(voice, EspeakLibraryEngine) and voice.available()
    assert inspect_audio(voice.render(TEXTS[3])).duration_seconds > 0.5


def test_with_neither_the_offline_voice_says_it_is_unavailable(monkeypatch):
    import media.espeak_library as library_module

    monkeypatch.setattr(engines.shutil, "which", lambda command: None)
    monkeypatch.setattr(library_module, "_library", lambda: (_ for _ in ()).throw(OSError("no library")))
    voice = offline_voice("vi")
    assert not voice.available()
    with pytest.raises(EngineError):
        voice.render("Xin chào")
