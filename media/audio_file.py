"""Inspecting uploaded recordings (MP3 or WAV) with the standard library only.

WAV is read with the `wave` module (16-bit PCM only). MP3 is recognised by walking
MPEG audio frame headers (MPEG-1/2/2.5 Layer III) after an optional ID3v2 tag, so no
ffmpeg is needed. `to_mp3` turns a WAV into MP3 mono 32 kbit/s with lameenc.
"""

from __future__ import annotations

import io
import math
import sys
import wave
from array import array
from dataclasses import dataclass

MIN_SECONDS = 0.3
MP3_BITRATE_KBPS = 32
MIN_MP3_FRAMES = 3  # consecutive valid frames needed before bytes count as MP3
MP3_SEARCH_WINDOW = 64 * 1024  # how far past the tags the first frame may start
STREAMING_WAV_SIZE = 0x7FFF0000  # data sizes this big are placeholders (e.g. espeak-ng --stdout)

_BITRATES_KBPS = {  # Layer III, by MPEG version
    1: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    2: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_SAMPLE_RATES = {1: (44100, 48000, 32000), 2: (22050, 24000, 16000), 25: (11025, 12000, 8000)}
_VERSIONS = {0: 25, 2: 2, 3: 1}  # 1 is reserved


@dataclass(frozen=True)
class AudioInfo:
    fmt: str  # "mp3" | "wav"
    duration_seconds: float
    size_bytes: int
    sample_rate: int
    channels: int
    bitrate_kbps: int | None  # None for WAV


class AudioFileError(ValueError):
    """A file we cannot accept; str() is for developers, user_message for trainers."""

    def __init__(self, message: str, user_message: str) -> None:
        super().__init__(message)
        self.user_message = user_message


def _not_audio(detail: str) -> AudioFileError:
    return AudioFileError(f"not an MP3 or WAV file: {detail}", "Tệp không phải âm thanh MP3 hoặc WAV.")


def _damaged(detail: str) -> AudioFileError:
    return AudioFileError(f"damaged or incomplete audio: {detail}", "Tệp âm thanh bị hỏng hoặc không đầy đủ.")


def _number(value: float) -> str:
    """Round up to 0.1 and write the Vietnamese way: 95, 60,5."""
    shown = math.ceil(round(value * 10, 6)) / 10
    return str(int(shown)) if shown == int(shown) else f"{shown:.1f}".replace(".", ",")


# --- WAV -----------------------------------------------------------------------------

def _inspect_wav(data: bytes) -> AudioInfo:
    try:
        with wave.open(io.BytesIO(data)) as wav:
            width, channels, rate = wav.getsampwidth(), wav.getnchannels(), wav.getframerate()
            declared = wav.getnframes()
            if width != 2 or channels < 1 or rate <= 0:
                raise AudioFileError(
                    f"WAV must be 16-bit PCM, got {8 * width}-bit, {channels} channel(s), {rate} Hz",
                    "Tệp WAV không dùng được: cần âm thanh PCM 16-bit.",
                )
            frames = len(wav.readframes(declared)) // (width * channels)
    except (wave.Error, EOFError) as exc:
        if "unknown format" in str(exc):
            raise AudioFileError(
                f"unsupported WAV: {exc}", "Tệp WAV không dùng được: cần âm thanh PCM 16-bit.") from exc
        raise _damaged(f"WAV header: {exc}") from exc
    if frames < declared and declared * 2 * channels < STREAMING_WAV_SIZE:
        raise _damaged(f"WAV declares {declared} frames but holds {frames}")
    return AudioInfo("wav", frames / rate, len(data), rate, channels, None)


# --- MP3 -----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Frame:
    version: int  # 1, 2 or 25 (MPEG-2.5)
    sample_rate: int
    channels: int
    bitrate_kbps: int
    length: int
    samples: int
    has_crc: bool


def _frame_at(data: bytes, pos: int) -> _Frame | None:
    """The Layer III frame header at pos, or None."""
    if pos + 4 > len(data) or data[pos] != 0xFF or data[pos + 1] & 0xE0 != 0xE0:
        return None
    b1, b2, b3 = data[pos + 1], data[pos + 2], data[pos + 3]
    version = _VERSIONS.get((b1 >> 3) & 3)
    bitrate_index, rate_index = b2 >> 4, (b2 >> 2) & 3
    if version is None or (b1 >> 1) & 3 != 1 or bitrate_index in (0, 15) or rate_index == 3 or b3 & 3 == 2:
        return None  # reserved values, free format, or not Layer III
    bitrate = _BITRATES_KBPS[1 if version == 1 else 2][bitrate_index]
    rate = _SAMPLE_RATES[version][rate_index]
    per_frame = 1152 if version == 1 else 576
    length = per_frame // 8 * bitrate * 1000 // rate + ((b2 >> 1) & 1)
    return _Frame(version, rate, 1 if b3 >> 6 == 3 else 2, bitrate, length, per_frame, not b1 & 1)


def _skip_id3v2(data: bytes, pos: int) -> int:
    while data[pos:pos + 3] == b"ID3" and pos + 10 <= len(data):
        size_bytes = data[pos + 6:pos + 10]
        if any(b & 0x80 for b in size_bytes):
            raise _damaged("ID3v2 size is not syncsafe")
        size = (size_bytes[0] << 21) | (size_bytes[1] << 14) | (size_bytes[2] << 7) | size_bytes[3]
        pos += 10 + size + (10 if data[pos + 5] & 0x10 else 0)  # footer flag
        if pos > len(data):
            raise _damaged("ID3v2 tag runs past the end of the file")
    return pos


def _chain_length(data: bytes, pos: int, first: _Frame, wanted: int) -> int:
    """How many consistent frames (up to wanted) follow one another from pos."""
    count = 0
    while count < wanted:
        frame = _frame_at(data, pos)
        if frame is None or (frame.version, frame.sample_rate) != (first.version, first.sample_rate):
            break
        if pos + frame.length > len(data):
            break
        count, pos = count + 1, pos + frame.length
    return count


def _encoder_gap(data: bytes, pos: int, frame: _Frame) -> int | None:
    """Samples to drop (encoder delay + padding) if this frame is a Xing/Info header, else None."""
    side_info = (17 if frame.channels == 1 else 32) if frame.version == 1 else (9 if frame.channels == 1 else 17)
    at = pos + 4 + (2 if frame.has_crc else 0) + side_info
    if data[at:at + 4] not in (b"Xing", b"Info"):
        return None
    flags = int.from_bytes(data[at + 4:at + 8], "big")
    lame = at + 8 + 4 * bool(flags & 1) + 4 * bool(flags & 2) + 100 * bool(flags & 4) + 4 * bool(flags & 8)
    if data[lame:lame + 4] != b"LAME" or lame + 24 > pos + frame.length:
        return 0
    gap = int.from_bytes(data[lame + 21:lame + 24], "big")
    return (gap >> 12) + (gap & 0xFFF)


def _inspect_mp3(data: bytes) -> AudioInfo:
    start = _skip_id3v2(data, 0)
    pos, end = start, min(len(data), start + MP3_SEARCH_WINDOW)
    while pos < end:
        pos = data.find(b"\xff", pos, end)
        if pos < 0:
            raise _not_audio("no MPEG audio frames found")
        first = _frame_at(data, pos)
        if first and _chain_length(data, pos, first, MIN_MP3_FRAMES) == MIN_MP3_FRAMES:
            break
        pos += 1
    else:
        raise _not_audio("no MPEG audio frames found")
    gap = _encoder_gap(data, pos, first)
    frames, audio_bytes = (0, 0) if gap is None else (-1, -first.length)  # the Info frame holds no audio
    bitrates: set[int] = set()
    while pos < len(data):
        frame = _frame_at(data, pos)
        if frame is None or (frame.version, frame.sample_rate) != (first.version, first.sample_rate):
            rest = data[pos:]
            if rest.startswith(b"ID3"):
                pos = _skip_id3v2(data, pos)
                continue
            if rest[:3] == b"TAG" and len(rest) == 128 or rest.startswith((b"APETAGEX", b"LYRICSBEGIN")):
                break
            if rest.count(0) == len(rest):
                break
            raise _damaged(f"unexpected bytes at offset {pos} after {frames} MPEG frames")
        if pos + frame.length > len(data):
            raise _damaged(f"last MPEG frame cut off at offset {pos}")
        frames, audio_bytes, pos = frames + 1, audio_bytes + frame.length, pos + frame.length
        if frames > 0:  # not the Xing/Info frame
            bitrates.add(frame.bitrate_kbps)
    samples = max(0, frames * first.samples - (gap or 0))
    duration = samples / first.sample_rate
    if len(bitrates) == 1:
        bitrate = bitrates.pop()
    else:  # VBR: the average
        bitrate = round(audio_bytes * 8 / duration / 1000) if duration else first.bitrate_kbps
    return AudioInfo("mp3", duration, len(data), first.sample_rate, first.channels, bitrate)


# --- API -----------------------------------------------------------------------------

def inspect_audio(data: bytes) -> AudioInfo:
    """Format, duration and shape of an MP3 or WAV file; AudioFileError if it is neither."""
    if not data:
        raise AudioFileError("file is empty", "Tệp trống.")
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return _inspect_wav(data)
    return _inspect_mp3(data)


def check_recording(data: bytes, max_seconds: float, max_bytes: int, min_seconds: float = MIN_SECONDS) -> AudioInfo:
    """inspect_audio plus the limits for an uploaded recording (size is checked before parsing)."""
    if len(data) > max_bytes:
        mib = 1024 * 1024
        raise AudioFileError(
            f"file is {len(data)} bytes; the limit is {max_bytes} bytes",
            f"Tệp lớn quá: {_number(len(data) / mib)} MB, tối đa {_number(max_bytes / mib)} MB.",
        )
    info = inspect_audio(data)
    if info.duration_seconds > max_seconds:
        raise AudioFileError(
            f"recording is {info.duration_seconds:.2f} s long; the limit is {max_seconds:g} s",
            f"Đoạn ghi âm dài quá: {_number(info.duration_seconds)} giây, tối đa {_number(max_seconds)} giây.",
        )
    if info.duration_seconds < min_seconds:
        raise AudioFileError(
            f"recording is {info.duration_seconds:.2f} s long; the minimum is {min_seconds:g} s",
            "Đoạn ghi âm ngắn quá.",
        )
    return info


def to_mp3(data: bytes) -> bytes:
    """MP3 unchanged; a 16-bit PCM WAV encoded as MP3 mono 32 kbit/s (stereo is averaged)."""
    info = inspect_audio(data)
    if info.fmt == "mp3":
        return data
    import lameenc  # a runtime requirement; imported here so inspecting works without it

    with wave.open(io.BytesIO(data)) as wav:
        pcm = array("h", wav.readframes(wav.getnframes()))
    if sys.byteorder == "big":
        pcm.byteswap()  # WAV samples are little-endian
    n = info.channels
    if n == 2:
        pcm = array("h", [(a + b) >> 1 for a, b in zip(pcm[0::2], pcm[1::2], strict=False)])
    elif n > 2:
        pcm = array("h", [sum(group) // n for group in zip(*(pcm[i::n] for i in range(n)), strict=False)])
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(MP3_BITRATE_KBPS)
    encoder.set_in_sample_rate(info.sample_rate)
    encoder.set_channels(1)
    encoder.set_quality(5)
    return bytes(encoder.encode(pcm.tobytes()) + encoder.flush())
