"""Developer and deployment commands. Run `python manage.py --help`."""

from __future__ import annotations

import argparse
import sys

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


def cmd_render_audio(args: argparse.Namespace) -> int:
    from lessons.narratable import catalogue_texts
    from media.audio_cache import AudioCache
    from media.engines import EspeakEngine, GttsEngine
    from media.prerender import prerender
    from settings import PROJECT_ROOT

    settings = load_settings()
    if args.engine == "gtts":
        engine = GttsEngine(tld=settings.narration.gtts_tld, timeout=settings.narration.gtts_deadline_seconds)
    else:
        engine = EspeakEngine(voice=settings.narration.espeak_voice)
    if not engine.available():
        print(f"The {engine.name} engine is not installed on this machine.", file=sys.stderr)
        return 2

    def show(done: int, total: int, outcome: str) -> None:
        width = 30
        filled = int(width * done / total)
        print(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {outcome[:60]:<60}", end="", flush=True)

    texts = catalogue_texts(_load_catalog())
    summary = prerender(texts, engine, AudioCache(PROJECT_ROOT / "static" / "audio"),
                        settings.narration.gtts_deadline_seconds, on_progress=show)
    print(f"\nrendered {summary.rendered}, already cached {summary.cached}, failed {len(summary.failed)}")
    for text, error in summary.failed[:20]:
        print(f"  failed: {text[:50]!r}: {error}")
    return 1 if summary.failed else 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    settings = load_settings()
    host = args.host or settings.server.host
    port = args.port or settings.server.port
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
