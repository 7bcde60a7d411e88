import io
import math
import random
import subprocess
import time
import wave
from array import array

import pytest

lameenc = pytest.importorskip("lameenc")

from media import audio_file  # noqa: E402
from media.audio_file import AudioFileError, AudioInfo, check_recording, inspect_audio, to_mp3  # noqa: E402

MB = 1024 * 1024


def sine_wav(seconds: float, rate: int = 16000, channels: int = 1, width: int = 2) -> bytes:
    count = int(seconds * rate)
    wave_form = [int(8000 * math.sin(2 * math.pi * 440 * i / rate)) for i in range(count)]
    if width == 2:
        frames = array("h", [s for s in wave_form for _ in range(channels)]).tobytes()
    else:
        frames = bytes((s >> 8) + 128 for s in wave_form for _ in range(channels))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(channels)
        wav.setsampwidth(width)
        wav.setframerate(rate)
        wav.writeframes(frames)
    return buffer.getvalue()


def lame_mp3(wav_bytes: bytes, kbps: int = 32) -> bytes:
    with wave.open(io.BytesIO(wav_bytes)) as wav:
        encoder = lameenc.Encoder()
        encoder.set_bit_rate(kbps)
        encoder.set_in_sample_rate(wav.getframerate())
        encoder.set_channels(wav.getnchannels())
        encoder.set_quality(5)
        pcm = wav.readframes(wav.getnframes())
    return bytes(encoder.encode(pcm) + encoder.flush())


def id3v2_tag(title: str, padding: int = 300) -> bytes:
    text = b"\x03" + title.encode("utf-8")  # encoding byte 3 = UTF-8
    frame = b"TIT2" + len(text).to_bytes(4, "big") + b"\x00\x00" + text
    body = frame + bytes(padding)
    size = len(body)
    syncsafe = bytes([(size >> 21) & 0x7F, (size >> 14) & 0x7F, (size >> 7) & 0x7F, size & 0x7F])
    return b"ID3\x04\x00\x00" + syncsafe + body


def assert_mp3_lasts(info: AudioInfo, seconds: float) -> None:
    """MP3 encoders add ~1100 samples of delay and pad the last frame: allow 5%, or that
    overhead (at most two 1152-sample frames) when frames are long, as at 8 kHz."""
    overhead = max(0.05 * seconds, 2 * 1152 / info.sample_rate)
    assert seconds - 0.01 <= info.duration_seconds <= seconds + overhead


def assert_refused(data: bytes, user_message: str, **limits) -> AudioFileError:
    with pytest.raises(AudioFileError) as caught:
        if limits:
            check_recording(data, **limits)
        else:
            inspect_audio(data)
    assert caught.value.user_message == user_message
    assert str(caught.value).isascii()  # developers get English
    return caught.value


NOT_AUDIO = "Tệp không phải âm thanh MP3 hoặc WAV."
DAMAGED = "Tệp âm thanh bị hỏng hoặc không đầy đủ."


# --- WAV ---------------------------------------------------------------------------

@pytest.mark.parametrize("rate,channels", [(8000, 1), (16000, 1), (22050, 2), (44100, 2), (48000, 1)])
def test_wav_duration_comes_from_its_frames(rate, channels):
    data = sine_wav(1.5, rate, channels)
    info = inspect_audio(data)
    assert info == AudioInfo("wav", 1.5, len(data), rate, channels, None)


def test_wav_that_is_not_16_bit_is_refused_plainly():
    error = assert_refused(sine_wav(1, width=1), "Tệp WAV không dùng được: cần âm thanh PCM 16-bit.")
    assert "16-bit" in str(error)


def test_float_wav_is_refused_plainly():
    data = bytearray(sine_wav(1))
    data[20:22] = (3).to_bytes(2, "little")  # WAVE_FORMAT_IEEE_FLOAT
    assert_refused(bytes(data), "Tệp WAV không dùng được: cần âm thanh PCM 16-bit.")


def test_truncated_wav_is_refused():
    data = sine_wav(2)
    assert "declares" in str(assert_refused(data[: len(data) // 2], DAMAGED))
    assert_refused(data[:30], DAMAGED)  # cut inside the header


def test_streamed_wav_with_placeholder_sizes_is_measured_by_its_data():
    data = bytearray(sine_wav(1))  # what espeak-ng --stdout writes: sizes it could not fill in
    data[4:8] = (0x7FFFF024).to_bytes(4, "little")
    data[40:44] = (0x7FFFF000).to_bytes(4, "little")
    assert inspect_audio(bytes(data)).duration_seconds == 1.0


@pytest.mark.needs_commands("espeak-ng", apt="espeak-ng")
def test_real_espeak_wav():
    result = subprocess.run(["espeak-ng", "-v", "vi", "--stdout"], input="Xin chào các bạn học viên".encode(),
                            capture_output=True, check=True, timeout=30)
    info = inspect_audio(result.stdout)
    assert info.fmt == "wav" and info.channels == 1 and info.sample_rate == 22050
    assert info.duration_seconds == pytest.approx((len(result.stdout) - 44) / 2 / 22050)
    mp3 = inspect_audio(to_mp3(result.stdout))
    assert mp3.fmt == "mp3"
    assert_mp3_lasts(mp3, info.duration_seconds)


# --- MP3 ---------------------------------------------------------------------------

@pytest.mark.parametrize("rate,kbps,sample_rate", [
    (44100, 32, 22050),   # lame resamples: MPEG-2
    (44100, 128, 44100),  # MPEG-1
    (48000, 64, 48000),
    (16000, 32, 16000),
    (8000, 16, 8000),     # MPEG-2.5
])
def test_mp3_duration_is_counted_from_frames(rate, kbps, sample_rate):
    data = lame_mp3(sine_wav(2, rate), kbps)
    info = inspect_audio(data)
    assert (info.fmt, info.sample_rate, info.channels, info.bitrate_kbps) == ("mp3", sample_rate, 1, kbps)
    assert info.size_bytes == len(data)
    assert_mp3_lasts(info, 2)


def test_stereo_mp3_reports_two_channels():
    info = inspect_audio(lame_mp3(sine_wav(2, 44100, channels=2), 128))
    assert info.channels == 2
    assert_mp3_lasts(info, 2)


def test_id3_tagged_mp3():
    plain = lame_mp3(sine_wav(2, 22050))
    tagged = id3v2_tag("Bài 1: Cài đặt VNeID") + plain + b"TAG" + bytes(125)  # and an ID3v1 tag at the end
    info = inspect_audio(tagged)
    assert info.fmt == "mp3" and info.size_bytes == len(tagged)
    assert info.duration_seconds == inspect_audio(plain).duration_seconds


def test_info_header_is_not_counted_and_encoder_gap_is_removed():
    plain = lame_mp3(sine_wav(2, 22050))
    frames_before = inspect_audio(plain).duration_seconds * 22050 / 576
    header = plain[:4]
    length = 72 * 32000 // 22050 + (header[2] >> 1 & 1)
    lame_tag = b"LAME3.100" + bytes(12) + ((1105 << 12) | 700).to_bytes(3, "big")
    info_frame = (header + bytes(9) + b"Info" + bytes(4) + lame_tag).ljust(length, b"\x00")
    info = inspect_audio(info_frame + plain)
    assert info.duration_seconds == pytest.approx((frames_before * 576 - 1105 - 700) / 22050)


def test_truncated_mp3_is_refused():
    data = lame_mp3(sine_wav(2, 22050))
    assert "cut off" in str(assert_refused(data[:-20], DAMAGED))


def test_mp3_with_garbage_in_the_middle_is_refused():
    data = lame_mp3(sine_wav(2, 22050))
    assert_refused(data[:1000] + b"garbage!" * 50 + data[1000:], DAMAGED)


# --- not audio ---------------------------------------------------------------------

def test_empty_file():
    assert_refused(b"", "Tệp trống.")
    assert_refused(b"", "Tệp trống.", max_seconds=60, max_bytes=5 * MB)


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_are_not_mp3(seed):
    assert_refused(random.Random(seed).randbytes(200_000), NOT_AUDIO)


def test_one_frame_header_then_noise_is_not_mp3():
    header = lame_mp3(sine_wav(1, 22050))[:4]
    assert_refused(header + random.Random(1).randbytes(5000), NOT_AUDIO)


def test_text_file_renamed_mp3(tmp_path):
    path = tmp_path / "bai-giang.mp3"
    path.write_text("Đây là ghi chú, không phải âm thanh.\n" * 50, encoding="utf-8")
    error = assert_refused(path.read_bytes(), NOT_AUDIO)
    assert isinstance(error, ValueError)


def test_riff_that_is_not_wave_is_not_audio():
    assert_refused(b"RIFF\x10\x00\x00\x00AVI LIST" + bytes(100), NOT_AUDIO)


# --- limits ------------------------------------------------------------------------

def test_recording_within_limits_is_accepted():
    data = sine_wav(2)
    assert check_recording(data, max_seconds=60, max_bytes=len(data)).duration_seconds == 2


def test_too_long():
    error = assert_refused(sine_wav(3), "Đoạn ghi âm dài quá: 3 giây, tối đa 2 giây.", max_seconds=2, max_bytes=5 * MB)
    assert "3.00 s" in str(error)
    assert_refused(lame_mp3(sine_wav(5, 22050)), "Đoạn ghi âm dài quá: 5,1 giây, tối đa 2,5 giây.",
                   max_seconds=2.5, max_bytes=5 * MB)


def test_too_short():
    assert_refused(sine_wav(0.1), "Đoạn ghi âm ngắn quá.", max_seconds=60, max_bytes=5 * MB)
    assert_refused(sine_wav(0), "Đoạn ghi âm ngắn quá.", max_seconds=60, max_bytes=5 * MB)


def test_too_big_is_refused_before_parsing(monkeypatch):
    def must_not_parse(data):
        raise AssertionError("parsed a file that is over the size limit")

    monkeypatch.setattr(audio_file, "inspect_audio", must_not_parse)
    huge = bytes(50 * MB)
    started = time.perf_counter()
    assert_refused(huge, "Tệp lớn quá: 50 MB, tối đa 5 MB.", max_seconds=60, max_bytes=5 * MB)
    assert time.perf_counter() - started < 0.5
    assert_refused(bytes(12 * MB), "Tệp lớn quá: 12 MB, tối đa 5 MB.", max_seconds=60, max_bytes=5 * MB)
    assert_refused(bytes(5 * MB + 1), "Tệp lớn quá: 5,1 MB, tối đa 5 MB.", max_seconds=60, max_bytes=5 * MB)


# --- to_mp3 ------------------------------------------------------------------------

@pytest.mark.parametrize("rate,channels", [(8000, 1), (16000, 1), (22050, 2), (44100, 2), (48000, 2)])
def test_wav_becomes_mono_32k_mp3(rate, channels):
    mp3 = to_mp3(sine_wav(2, rate, channels))
    info = inspect_audio(mp3)
    assert (info.fmt, info.channels, info.bitrate_kbps) == ("mp3", 1, 32)
    assert_mp3_lasts(info, 2)


def test_mp3_is_returned_unchanged():
    mp3 = lame_mp3(sine_wav(1, 22050))
    assert to_mp3(mp3) is mp3


def test_to_mp3_refuses_what_is_not_audio():
    assert_refused(b"hello", NOT_AUDIO)
    with pytest.raises(AudioFileError):
        to_mp3(b"hello")
