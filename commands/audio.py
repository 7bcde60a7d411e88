"""Narration audio: pre-rendering, coverage, and packs to carry to another laptop."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from commands.content import load_content
from commands.database import current_database
from settings import load_settings

if TYPE_CHECKING:  # for annotations only: at run time the commands import media/ where they need it
    from media.audio_cache import AudioCache
    from media.speech_engine import SpeechEngine

AUDIO_DIR_NAME = ("static", "audio")


def _audio_cache() -> AudioCache:
    from media.audio_cache import AudioCache
    from settings import PROJECT_ROOT

    return AudioCache(PROJECT_ROOT.joinpath(*AUDIO_DIR_NAME))


def cmd_render_audio(args: argparse.Namespace) -> int:
    from media.engines import GttsEngine, offline_voice
    from media.prerender import prerender
    from media.ui_phrases import texts_to_prerender

    narration = load_settings().narration
    engine: SpeechEngine
    if args.engine == "gtts":
        engine = GttsEngine(tld=narration.gtts_tld, timeout=narration.gtts_deadline_seconds)
    else:
        engine = offline_voice(voice=narration.espeak_voice)
    if not engine.available():
        print(f"The {engine.name} engine is not installed on this machine.", file=sys.stderr)
        return 2

    def show(done: int, total: int, outcome: str) -> None:
        width = 30
        filled = int(width * done / total)
        bar = f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
        if outcome.startswith("failed"):  # in full, on its own line above the bar
            print(f"\r{' ' * (len(bar) + 41)}\r{outcome}", flush=True)
            outcome = "failed"
        print(f"\r{bar} {outcome:<40}", end="", flush=True)

    texts = texts_to_prerender(load_content())
    remote = args.engine == "gtts"
    summary = prerender(
        texts, engine, _audio_cache(), narration.gtts_deadline_seconds, on_progress=show,
        workers=narration.gtts_workers if remote else 1, retries=narration.gtts_retries if remote else 0,
    )
    print(f"\nrendered {summary.rendered} (of which {summary.retried} after retries), "
          f"already cached {summary.cached}, failed {len(summary.failed)}, not tried {summary.not_tried}")
    if summary.unreachable:
        print(f"Stopped: {engine.name} could not be reached, text after text, so this computer seems "
              "to have no internet. Use the offline voice instead "
              "(`python3 dev.py manage render-audio --engine espeak`), or render with gTTS on a computer "
              "with internet, `pack-audio` there, and `unpack-audio` the pack here.", file=sys.stderr)
    elif summary.failed:
        print("Run the same command again to retry only what failed.")
    return 1 if summary.failed else 0


def cmd_audio_coverage(args: argparse.Namespace) -> int:
    from media.coverage import catalogue_coverage, total_coverage
    from media.engines import GttsEngine, offline_voice
    from progress.recordings import all_recordings

    db = current_database()
    machine_voice = offline_voice(voice=load_settings().narration.espeak_voice)
    live = machine_voice.available()
    rows = catalogue_coverage(load_content(), _audio_cache(), GttsEngine(), machine_voice, all_recordings(db),
                              fallback_live=live)
    print("Share of each lesson's texts by the voice they play with (on a phone without a Vietnamese voice):")
    print("| Lesson | Texts | Recording % | gTTS (pre-rendered) % | Temporary machine voice (espeak-ng) % "
          "| No audio % |")
    print("|---|---:|---:|---:|---:|---:|")
    for row in [*rows, total_coverage(rows, "all lessons")]:
        print(f"| {row.lesson_id or row.title} | {row.texts} | {row.percent(row.recorded)} | "
              f"{row.percent(row.prerendered)} | {row.percent(row.fallback)} | {row.percent(row.missing)} |")
    total = total_coverage(rows, "")
    print(f"{total.recorded + total.prerendered} of {total.texts} texts have a recording or a gTTS file; "
          f"{total.fallback} use the temporary machine voice; {total.missing} have no audio yet.")
    if live:
        print("espeak-ng works here: a text without a file is rendered the first time it is played.")
    else:
        print("espeak-ng is not available here, so only texts whose espeak-ng file is already made count as "
              "the temporary voice.")
    print("Phones with a Vietnamese voice read the temporary-voice and no-audio texts with their own voice "
          "instead (check a phone with Cài đặt → Thử giọng đọc).")
    return 0


def cmd_pack_audio(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from media.audio_pack import pack_audio
    from progress.recordings import all_recordings, recording_audio
    from settings import PROJECT_ROOT

    db = current_database(required=False)
    infos = all_recordings(db) if db is not None else []
    if db is None:
        print("The database is not set up, so the pack carries no volunteer recordings' records.")
    cache = _audio_cache()
    for info in infos:  # recordings live in the database: their files join the pack from there
        stem, fmt = info.file_name.rsplit(".", 1)
        audio = recording_audio(db, info.file_name) if db is not None else None
        if audio and cache.find(stem, fmt) is None:
            cache.store(stem, fmt, audio)
    recordings = [asdict(info) for info in infos]
    count = pack_audio(PROJECT_ROOT.joinpath(*AUDIO_DIR_NAME), args.file, recordings)
    print(f"Packed {count} audio files and {len(recordings)} recordings' records into {args.file} "
          f"({args.file.stat().st_size / 1e6:.1f} MB).")
    return 0


def cmd_unpack_audio(args: argparse.Namespace) -> int:
    from media.audio_pack import PackError, unpack_audio
    from progress.recordings import RecordingInfo, import_recordings

    try:
        summary = unpack_audio(args.file, _audio_cache())
    except PackError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Added {summary.added} audio files; {summary.already_there} were already here.")
    if summary.skipped:
        print(f"Skipped {len(summary.skipped)} entries that are not cache audio: {summary.skipped[:5]}")
    if summary.recordings:
        db = current_database(required=False)
        if db is None:
            print("The pack has volunteer recordings, but the database is not set up: run "
                  "`python3 dev.py manage migrate`, then unpack again to add them.", file=sys.stderr)
            return 1
        cache = _audio_cache()
        names = {record["file_name"] for record in summary.recordings}  # each one's file is in the cache
        audio = {name: (cache.folder / name).read_bytes() for name in names}
        added, kept = import_recordings(db, [RecordingInfo(**record) for record in summary.recordings], audio)
        print(f"Volunteer recordings: {added} added; {kept} kept as this laptop already had them.")
    return 0
