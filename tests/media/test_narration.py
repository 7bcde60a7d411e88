import time

import pytest

from media.audio_cache import AudioCache, audio_key
from media.engines import EspeakEngine
from media.narration import Narrator, PrerenderedVoice
from media.speech_engine import EngineError

GTTS = PrerenderedVoice("gtts", "vi", "mp3")
NEED_ESPEAK = pytest.mark.needs_commands("espeak-ng", apt="espeak-ng")


class CountingEngine:
    name, voice, fmt = "fake-voice", "vi", "mp3"

    def __init__(self, fail: bool = False) -> None:
        self.calls = 0
        self.fail = fail

    def available(self) -> bool:
        return True

    def render(self, text: str) -> bytes:
        self.calls += 1
        if self.fail:
            raise EngineError("broken")
        return f"audio:{text}".encode()


def test_prerendered_file_wins_over_the_live_engine(tmp_path):
    cache = AudioCache(tmp_path)
    cache.store(audio_key("Xin chào", "gtts", "vi", "mp3"), "mp3", b"google")
    engine = CountingEngine()
    clip = Narrator(cache, "/app/static/audio", [GTTS], engine).clip_for("Xin chào")
    assert clip.engine == "gtts" and not clip.temporary_voice
    assert clip.url.startswith("/app/static/audio/") and clip.url.endswith(".mp3")
    assert clip.mime == "audio/mpeg" and clip.size_bytes == len(b"google")
    assert engine.calls == 0


def test_live_engine_renders_once_then_serves_the_cache(tmp_path):
    engine = CountingEngine()
    narrator = Narrator(AudioCache(tmp_path), "/a", [GTTS], engine)
    first = narrator.clip_for("Bước một")
    second = narrator.clip_for("Bước  một")
    assert first.path == second.path and first.temporary_voice
    assert first.path.read_bytes() == "audio:Bước một".encode()
    assert engine.calls == 1


def test_changed_text_gets_new_audio_not_stale(tmp_path):
    engine = CountingEngine()
    narrator = Narrator(AudioCache(tmp_path), "/a", [GTTS], engine)
    old = narrator.clip_for("Bấm nút Đăng nhập.")
    new = narrator.clip_for("Bấm nút Đăng ký.")
    assert old.path != new.path and new.path.read_bytes() == "audio:Bấm nút Đăng ký.".encode()


def test_engine_failure_gives_no_audio_not_an_error(tmp_path):
    narrator = Narrator(AudioCache(tmp_path), "/a", [GTTS], CountingEngine(fail=True))
    assert narrator.clip_for("Xin chào") is None


def test_no_engine_and_no_file_gives_no_audio(tmp_path):
    assert Narrator(AudioCache(tmp_path), "/a", [GTTS], None).clip_for("Xin chào") is None
    assert Narrator(AudioCache(tmp_path), "/a", [GTTS], None).clip_for("   ") is None


def test_gtts_is_never_called_on_the_request_path(tmp_path, monkeypatch):
    import gtts.tts

    def forbidden(*args, **kwargs):
        raise AssertionError("gTTS was called while serving a page")

    monkeypatch.setattr(gtts.tts.gTTS, "write_to_fp", forbidden)
    narrator = Narrator(AudioCache(tmp_path), "/a", [GTTS], CountingEngine())
    started = time.monotonic()
    assert narrator.clip_for("Xin chào").engine == "fake-voice"
    assert time.monotonic() - started < 5


@NEED_ESPEAK
def test_espeak_renders_mp3_32kbps_mono(tmp_path):
    engine = EspeakEngine()
    audio = engine.render("Không ai được hỏi mã OTP của bác.")
    assert engine.fmt == "mp3"
    assert audio[:3] == b"ID3" or audio[0] == 0xFF  # an MP3 frame or tag
    # 32 kbit/s = 4000 bytes per second; the sentence lasts between 1 and 6 s
    assert 4000 <= len(audio) <= 6 * 4000 + 2000


@NEED_ESPEAK
def test_narrator_with_espeak_end_to_end(tmp_path):
    narrator = Narrator(AudioCache(tmp_path), "/app/static/audio", [GTTS], EspeakEngine())
    clip = narrator.clip_for("Xin chào bà con.")
    assert clip.engine == "espeak-ng" and clip.temporary_voice and clip.path.stat().st_size > 1000
