"""Carry the audio cache to an offline laptop as one file (a zip of the MP3s)."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from media.audio_cache import AudioCache

# only names the cache itself makes: content-addressed, no folders, no surprises
CACHE_NAME = re.compile(r"^(rec-)?[0-9a-f]{28,64}\.(mp3|wav)$")


class PackError(ValueError):
    """The pack file cannot be read or holds something that is not cache audio."""


@dataclass(frozen=True)
class UnpackSummary:
    added: int
    already_there: int
    skipped: list[str]


def pack_audio(cache_dir: Path, target: Path) -> int:
    """Write every cached audio file into one zip; returns how many files."""
    files = sorted(p for p in cache_dir.glob("*") if p.is_file() and CACHE_NAME.match(p.name))
    tmp = target.with_suffix(target.suffix + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_STORED) as archive:  # MP3 does not compress
        for path in files:
            archive.write(path, arcname=path.name)
    tmp.replace(target)
    return len(files)


def unpack_audio(source: Path, cache: AudioCache) -> UnpackSummary:
    """Add the pack's files to the cache; existing files are kept (same name = same audio)."""
    try:
        archive = zipfile.ZipFile(source)
    except (OSError, zipfile.BadZipFile) as exc:
        raise PackError(f"{source}: not an audio pack made by `manage.py pack-audio` ({exc})") from exc
    added = present = 0
    skipped = []
    with archive:
        for info in archive.infolist():
            name = info.filename
            if info.is_dir() or not CACHE_NAME.match(name):
                skipped.append(name)
                continue
            stem, fmt = name.rsplit(".", 1)
            if cache.find(stem, fmt):
                present += 1
                continue
            cache.store(stem, fmt, archive.read(info))
            added += 1
    return UnpackSummary(added, present, skipped)
