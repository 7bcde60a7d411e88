"""Developer and deployment commands. Run `python manage.py --help`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from settings import SettingsError, load_settings


def cmd_migrate(args: argparse.Namespace) -> int:
    from progress.database import upgrade_to_head

    upgrade_to_head(load_settings().database_url)
    print("Database schema is up to date.")
    return 0


def cmd_seed_demo(args: argparse.Namespace) -> int:
    from progress.database import connect
    from progress.demo import seed_demo

    created = seed_demo(connect(load_settings().database_url))
    print("Demo group, learners and trainer created." if created else "Demo data already present.")
    return 0


def _new_password() -> str:
    """Asked twice without showing it; a script may pipe it in on one line instead."""
    import getpass

    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("New password: ")
    if getpass.getpass("Same password again: ") != first:
        raise SystemExit("The two passwords differ; nothing was changed.")
    return first


def _current_database():  # type: ignore[no-untyped-def]
    from progress.database import connect, schema_is_current

    url = load_settings().database_url
    if not schema_is_current(url):
        raise SystemExit("The database is not up to date: run `python manage.py migrate` first.")
    return connect(url)


def cmd_add_trainer(args: argparse.Namespace) -> int:
    from progress.accounts import AccountError
    from progress.trainer_admin import add_trainer

    db = _current_database()
    try:
        trainer, created = add_trainer(db, args.username, args.name or args.username, _new_password(), args.group)
    except AccountError as exc:
        print(f"Not added: {exc}", file=sys.stderr)
        return 1
    print(f"Trainer {trainer.username} added, looking after: {', '.join(args.group) or 'no group yet'}.")
    if created:
        print(f"New groups: {', '.join(group.name for group in created)}.")
    return 0


def cmd_set_password(args: argparse.Namespace) -> int:
    from progress.accounts import AccountError, reset_trainer_password

    db = _current_database()
    try:
        reset_trainer_password(db, args.username, _new_password())
    except AccountError as exc:
        print(f"Not changed: {exc}", file=sys.stderr)
        return 1
    print(f"New password set for {args.username}.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from progress.backup import BackupError, backup, default_backup_path

    url = load_settings().database_url
    try:
        target = args.file or default_backup_path(url)
        size = backup(url, target)
    except BackupError as exc:
        print(f"No backup made: {exc}", file=sys.stderr)
        return 1
    print(f"Backed up the database to {target} ({size / 1e6:.1f} MB). Copy it somewhere safe (a USB stick).")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from progress.backup import BackupError, restore

    try:
        kept = restore(load_settings().database_url, args.file)
    except BackupError as exc:
        print(f"Nothing restored: {exc}", file=sys.stderr)
        return 1
    if kept:
        print(f"The database that was here is kept as {kept}.")
    print(f"Restored {args.file}. Start the app again (python3 dev.py run brings the schema up to date).")
    return 0


def _load_catalog():  # type: ignore[no-untyped-def]
    from lessons.catalog import load_catalog

    settings = load_settings()
    return load_catalog(settings.project_path(settings.content.lessons_dir), settings.project_path(settings.content.quizzes_dir))


def cmd_validate_content(args: argparse.Namespace) -> int:
    from lessons.catalog_summary import summary_table

    catalog = _load_catalog()
    for problem in catalog.problems:
        print(problem)
    print(summary_table(catalog))
    if catalog.problems:
        print(f"{len(catalog.problems)} problem(s) found.", file=sys.stderr)
        return 1
    print("All content is valid.")
    return 0


AUDIO_DIR_NAME = ("static", "audio")


def _audio_cache():  # type: ignore[no-untyped-def]
    from media.audio_cache import AudioCache
    from settings import PROJECT_ROOT

    return AudioCache(PROJECT_ROOT.joinpath(*AUDIO_DIR_NAME))


def cmd_render_audio(args: argparse.Namespace) -> int:
    from lessons.narratable import catalogue_texts
    from media.engines import GttsEngine, offline_voice
    from media.prerender import prerender
    from media.ui_phrases import SPOKEN_UI_PHRASES

    narration = load_settings().narration
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
        print(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {outcome[:60]:<60}", end="", flush=True)

    texts = catalogue_texts(_load_catalog()) + list(SPOKEN_UI_PHRASES)
    remote = args.engine == "gtts"
    summary = prerender(
        texts, engine, _audio_cache(), narration.gtts_deadline_seconds, on_progress=show,
        workers=narration.gtts_workers if remote else 1, retries=narration.gtts_retries if remote else 0,
    )
    print(f"\nrendered {summary.rendered} (of which {summary.retried} after retries), "
          f"already cached {summary.cached}, failed {len(summary.failed)}")
    for text, error in summary.failed[:20]:
        print(f"  failed: {text[:50]!r}: {error}")
    if summary.failed:
        print("Run the same command again to retry only what failed.")
    return 1 if summary.failed else 0


def cmd_audio_coverage(args: argparse.Namespace) -> int:
    from media.coverage import catalogue_coverage
    from media.engines import GttsEngine, offline_voice
    from progress.database import connect, schema_is_current
    from progress.recordings import all_recordings

    settings = load_settings()
    if not schema_is_current(settings.database_url):
        print("The database is not up to date: run `python manage.py migrate` first.", file=sys.stderr)
        return 2
    rows = catalogue_coverage(
        _load_catalog(), _audio_cache(), GttsEngine(), offline_voice(voice=settings.narration.espeak_voice),
        all_recordings(connect(settings.database_url)),
    )
    print("| Lesson | Texts | Recorded % | gTTS % | espeak-ng (temporary) % | No audio % |")
    print("|---|---:|---:|---:|---:|---:|")
    for row in rows:
        print(f"| {row.lesson_id} | {row.texts} | {row.percent(row.recorded)} | {row.percent(row.prerendered)} | "
              f"{row.percent(row.fallback)} | {row.percent(row.missing)} |")
    total = sum(r.texts for r in rows)
    missing = sum(r.missing for r in rows)
    print(f"{total - missing} of {total} texts have audio; {missing} have none yet.")
    return 0


def _recordings_database():  # type: ignore[no-untyped-def]
    """The database, when it is up to date; else None (audio packs still work without it)."""
    from progress.database import connect, schema_is_current

    url = load_settings().database_url
    return connect(url) if schema_is_current(url) else None


def cmd_pack_audio(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from media.audio_pack import pack_audio
    from progress.recordings import all_recordings
    from settings import PROJECT_ROOT

    db = _recordings_database()
    recordings = [asdict(info) for info in all_recordings(db)] if db is not None else []
    if db is None:
        print("The database is not set up, so the pack carries no volunteer recordings' records.")
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
        db = _recordings_database()
        if db is None:
            print("The pack has volunteer recordings, but the database is not set up: run "
                  "`python manage.py migrate`, then unpack again to add them.", file=sys.stderr)
            return 1
        added, kept = import_recordings(db, [RecordingInfo(**record) for record in summary.recordings])
        print(f"Volunteer recordings: {added} added; {kept} kept as this laptop already had them.")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from settings import PROJECT_ROOT

    settings = load_settings()
    host = args.host or settings.server.host
    port = args.port or settings.server.port
    # Streamlit serves static/ only if it exists at start-up; audio and pictures are
    # written there later (a fresh clone has no static/ yet)
    PROJECT_ROOT.joinpath(*AUDIO_DIR_NAME).mkdir(parents=True, exist_ok=True)
    print(f"Open http://localhost:{port} on this computer, or http://<this computer's address>:{port} on a phone.")
    uvicorn.run("ui.web_server:app", host=host, port=port, log_level="warning", ws="websockets-sansio")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="manage.py", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="create or update the database schema (alembic upgrade head)").set_defaults(func=cmd_migrate)
    sub.add_parser("seed-demo", help="add the demo group, learners and trainer (once)").set_defaults(func=cmd_seed_demo)
    sub.add_parser("validate-content", help="check every lesson and quiz file; exit 1 on problems").set_defaults(func=cmd_validate_content)
    render = sub.add_parser("render-audio", help="pre-render narration for every text in the catalogue")
    render.add_argument("--engine", choices=["gtts", "espeak"], default="gtts", help="gtts needs internet; espeak is offline")
    render.set_defaults(func=cmd_render_audio)
    sub.add_parser("audio-coverage", help="per lesson: share of texts with recorded / gTTS / espeak / no audio") \
        .set_defaults(func=cmd_audio_coverage)
    pack = sub.add_parser("pack-audio", help="write the audio cache into one zip file to copy to an offline laptop")
    pack.add_argument("file", type=Path)
    pack.set_defaults(func=cmd_pack_audio)
    unpack = sub.add_parser("unpack-audio", help="add the files of a pack-audio zip to this machine's audio cache")
    unpack.add_argument("file", type=Path)
    unpack.set_defaults(func=cmd_unpack_audio)
    add_trainer = sub.add_parser("add-trainer", help="add a trainer account (asks for its password)")
    add_trainer.add_argument("username", help="lower-case letters, digits, . _ -; 3-64 characters")
    add_trainer.add_argument("--name", default="", help="the name shown in the app, e.g. 'Đinh Văn Nam'")
    add_trainer.add_argument("--group", action="append", default=[],
                             help="a group this trainer looks after (repeat for more; created if new)")
    add_trainer.set_defaults(func=cmd_add_trainer)
    set_password = sub.add_parser("set-password", help="set a new password for a trainer who forgot theirs")
    set_password.add_argument("username")
    set_password.set_defaults(func=cmd_set_password)
    backup_parser = sub.add_parser("backup", help="copy the SQLite database (safe while the app runs)")
    backup_parser.add_argument("file", type=Path, nargs="?", default=None,
                               help="where to write it (default: data/backups/<name>-<date>-<time>.db)")
    backup_parser.set_defaults(func=cmd_backup)
    restore_parser = sub.add_parser("restore", help="put a backup back (stop the app first; the current database is kept aside)")
    restore_parser.add_argument("file", type=Path)
    restore_parser.set_defaults(func=cmd_restore)
    serve = sub.add_parser("serve", help="run the web app (uvicorn + gzip)")
    serve.add_argument("--host", default=None)
    serve.add_argument("--port", type=int, default=None)
    serve.set_defaults(func=cmd_serve)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except SettingsError as exc:
        print(f"Settings error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
