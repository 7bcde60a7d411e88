"""Carry the audio cache to an offline laptop as one file (a zip of the MP3s).

The zip also holds ``recordings.json``: which volunteer recording belongs to which
step, language and text version, so recordings made on one laptop play on another.
Those records are plain data here; manage.py stores them with progress/recordings.py.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from media.audio_cache import AudioCache

# only names the cache itself makes: content-addressed, no folders, no surprises
CACHE_NAME = re.compile(r"^(rec-)?[0-9a-f]{28,64}\.(mp3|wav)$")
RECORDINGS_MANIFEST = "recordings.json"
# a recording's record, as progress.recordings.RecordingInfo has it
RECORDING_FIELDS = {"lesson_id": str, "step_id": str, "language": str, "text_hash": str, "file_name": str,
                    "duration_ms": int, "size_bytes": int}


class PackError(ValueError):
    """The pack file cannot be read or holds something that is not cache audio."""


@dataclass(frozen=True)
class UnpackSummary:
    added: int
    already_there: int
    skipped: list[str]
    recordings: list[dict[str, Any]] = field(default_factory=list)  # whose files are now in the cache


def pack_audio(cache_dir: Path, target: Path, recordings: Iterable[Mapping[str, Any]] = ()) -> int:
    """Write every cached audio file, and the records of ``recordings`` whose file is
    among them, into one zip; returns how many audio files."""
    files = sorted(p for p in cache_dir.glob("*") if p.is_file() and CACHE_NAME.match(p.name))
    names = {path.name for path in files}
    manifest = [{key: record[key] for key in RECORDING_FIELDS} for record in recordings if record["file_name"] in names]
    tmp = target.with_suffix(target.suffix + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_STORED) as archive:  # MP3 does not compress
        for path in files:
            archive.write(path, arcname=path.name)
        archive.writestr(RECORDINGS_MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
    tmp.replace(target)
    return len(files)


def _read_manifest(archive: zipfile.ZipFile, cache: AudioCache, skipped: list[str]) -> list[dict[str, Any]]:
    """The manifest's well-formed records whose audio file is in the cache."""
    try:
        entries = json.loads(archive.read(RECORDINGS_MANIFEST).decode("utf-8"))
    except KeyError:
        return []  # a pack made before recordings travelled
    except (ValueError, UnicodeDecodeError) as exc:
        skipped.append(f"{RECORDINGS_MANIFEST} (not JSON: {exc})")
        return []
    if not isinstance(entries, list):
        skipped.append(f"{RECORDINGS_MANIFEST} (not a list)")
        return []
    records = []
    for index, entry in enumerate(entries):
        well_formed = isinstance(entry, dict) and all(
            isinstance(entry.get(key), kind) for key, kind in RECORDING_FIELDS.items())
        if not well_formed or not CACHE_NAME.match(entry["file_name"]):
            skipped.append(f"{RECORDINGS_MANIFEST}[{index}] (not a recording record)")
            continue
        stem, fmt = entry["file_name"].rsplit(".", 1)
        if cache.find(stem, fmt) is None:
            skipped.append(f"{RECORDINGS_MANIFEST}[{index}] (its file {entry['file_name']} is missing)")
            continue
        records.append({key: entry[key] for key in RECORDING_FIELDS})
    return records


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
            if name == RECORDINGS_MANIFEST:
                continue
            if info.is_dir() or not CACHE_NAME.match(name):
                skipped.append(name)
                continue
            stem, fmt = name.rsplit(".", 1)
            if cache.find(stem, fmt):
                present += 1
                continue
            cache.store(stem, fmt, archive.read(info))
            added += 1
        recordings = _read_manifest(archive, cache, skipped)
    return UnpackSummary(added, present, skipped, recordings)
