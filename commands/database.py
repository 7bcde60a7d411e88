"""The database: migrate, demo data, backup and restore."""

from __future__ import annotations

import argparse
import sys

from settings import ensure_secret_key, load_settings, secret_key_warning


def cmd_migrate(args: argparse.Namespace) -> int:
    from progress.database import upgrade_to_head

    settings = load_settings()
    upgrade_to_head(settings.database_url)
    ensure_secret_key(settings)  # the start-up step makes the key file, before any app process
    print("Database schema is up to date.")
    warning = secret_key_warning(settings)
    if warning:
        print(f"Warning: {warning}", file=sys.stderr)
    return 0


def cmd_seed_demo(args: argparse.Namespace) -> int:
    from progress.database import connect
    from progress.demo import seed_demo

    created = seed_demo(connect(load_settings().database_url))
    print("Demo group, learners, trainer and admin created (published passwords: the app asks for a new one "
          "at their first sign-in)." if created
          else "No demo data added: this database already has a trainer (the demo only comes on a first run).")
    return 0


def current_database(required: bool = True):
    """The database when its schema is up to date. Otherwise: stop with what to run, or
    (``required=False``) None, for commands that can do without it."""
    from progress.database import connect_configured, schema_is_current

    settings = load_settings()
    if schema_is_current(settings.database_url):
        return connect_configured(settings)
    if required:
        raise SystemExit("The database is not up to date: run `python3 dev.py manage migrate` first.")
    return None


def cmd_backup(args: argparse.Namespace) -> int:
    from progress.backup import BackupError, backup, default_backup_path, prune_backups

    settings = load_settings()
    url = settings.database_url
    try:
        target = args.file or default_backup_path(url)
        size = backup(url, target)
    except BackupError as exc:
        print(f"No backup made: {exc}", file=sys.stderr)
        return 1
    print(f"Backed up the database to {target} ({size / 1e6:.1f} MB). Copy it somewhere safe (a USB stick).")
    for old in prune_backups(url, settings.backup.keep_days):
        print(f"Deleted {old}: older than {settings.backup.keep_days} days (setting backup.keep_days).")
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
