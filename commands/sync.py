"""Offline sync from the command line (the "Xuất dữ liệu" / "Nhận dữ liệu" pages do the
same): this installation's identity, registering laptops on the commune server, and
bundles by file or over the network."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from commands.database import current_database


def _refused(exc: Exception) -> int:
    message = getattr(exc, "message", None) or str(exc)
    print(f"Refused: {message}", file=sys.stderr)
    return 1


def cmd_sync_identity(args: argparse.Namespace) -> int:
    from progress.sync.identity import rename_site, this_site

    db = current_database()
    site = rename_site(db, args.name) if args.name else this_site(db)
    print(f"This installation: {site.name}\nIts id (give it to the commune server's admin): {site.uid}")
    return 0


def cmd_sync_register_laptop(args: argparse.Namespace) -> int:
    from progress.account_error import AccountError
    from progress.areas import find_commune, find_group
    from progress.sync.partners import PartnerError, register_laptop

    db = current_database()
    try:
        commune = find_commune(db, args.commune, args.province)
        groups = [find_group(db, name) for name in args.group]
        data = register_laptop(db, args.uid, args.name, commune.id, [g.id for g in groups], url=args.url)
    except (AccountError, PartnerError) as exc:
        return _refused(exc)
    args.out.write_bytes(data)
    print(f"Laptop {args.name} registered for {commune.name} with {len(groups)} group(s). Carry {args.out} to "
          "that laptop once (it holds the key) and run sync-join there, or open it on its Nhận dữ liệu page.")
    return 0


def cmd_sync_laptops(args: argparse.Namespace) -> int:
    from progress.days import stored_utc
    from progress.sync.partners import list_laptops

    laptops = list_laptops(current_database())
    if not laptops:
        print("No laptop is registered on this server.")
    for laptop in laptops:
        state = f"revoked {stored_utc(laptop.revoked_at):%Y-%m-%d %H:%M} UTC" if laptop.revoked_at else "active"
        last = f"{stored_utc(laptop.last_import_at):%Y-%m-%d %H:%M} UTC" if laptop.last_import_at else "never"
        print(f"{laptop.uid}  {laptop.name}  ({laptop.commune_name}; groups: {', '.join(laptop.group_names) or '-'}; "
              f"{state}; last import {last})")
    return 0


def cmd_sync_revoke(args: argparse.Namespace) -> int:
    from progress.sync.partners import PartnerError, revoke

    try:
        revoke(current_database(), args.uid)
    except PartnerError as exc:
        return _refused(exc)
    print(f"Laptop {args.uid} revoked: its bundles and requests are refused from now on.")
    return 0


def cmd_sync_join(args: argparse.Namespace) -> int:
    from progress.sync.partners import PartnerError, join_server

    try:
        server = join_server(current_database(), args.file.read_bytes())
    except (OSError, PartnerError) as exc:
        return _refused(exc)
    where = f" at {server.url}" if server.url else " (no network address: exchange files)"
    print(f"This laptop now sends to {server.name} ({server.commune_name}){where}.")
    return 0


def cmd_sync_export(args: argparse.Namespace) -> int:
    from progress.sync.exchange import export_for_laptop, export_for_server
    from progress.sync.partners import PartnerError

    db = current_database()
    try:
        made = (export_for_laptop(db, args.for_laptop) if args.for_laptop
                else export_for_server(db, everything=args.everything))
    except PartnerError as exc:
        return _refused(exc)
    out: Path = args.out / made.file_name if args.out.is_dir() else args.out
    out.write_bytes(made.data)
    counts = ", ".join(f"{kind} {n}" for kind, n in sorted(made.counts.items()) if n) or "nothing changed"
    print(f"Wrote {out} ({len(made.data) / 1e6:.2f} MB): {counts}.")
    return 0


def _print_summary(summary_json: str) -> None:
    """What the import did, as the pages say it (Vietnamese: the records' own words)."""
    from progress.sync.summary import SyncSummary

    for line in SyncSummary.from_json(summary_json).lines():
        print(f"  {line}")


def cmd_sync_import(args: argparse.Namespace) -> int:
    from progress.sync.bundle_file import BundleRefused
    from progress.sync.exchange import import_bundle
    from progress.sync.partners import PartnerError, is_registration, join_server

    db = current_database()
    try:
        data = args.file.read_bytes()
        if is_registration(data):
            server = join_server(db, data)
            print(f"A registration file: this laptop now sends to {server.name}.")
            return 0
        result = import_bundle(db, data)
    except (OSError, BundleRefused, PartnerError) as exc:
        return _refused(exc)
    if result.already_received:
        print(result.message)
        return 0
    print(f"Imported {args.file} from {result.header['from_site'].get('name', '')}:")
    _print_summary(result.summary.to_json())
    return 0


def cmd_sync_push(args: argparse.Namespace) -> int:
    from progress.sync.http_client import SyncNetworkError, push
    from progress.sync.partners import PartnerError

    try:
        result = push(current_database(), everything=args.everything)
    except (PartnerError, SyncNetworkError) as exc:
        return _refused(exc)
    answer = result.answer
    print(answer.get("message") or f"Sent {result.bytes_sent / 1e6:.2f} MB; the server imported it:")
    if not answer.get("already_received"):
        _print_summary(json.dumps(answer.get("summary") or {}))
    return 0


def cmd_sync_pull(args: argparse.Namespace) -> int:
    from progress.sync.bundle_file import BundleRefused
    from progress.sync.http_client import SyncNetworkError, pull, pull_audio_pack
    from progress.sync.partners import PartnerError

    db = current_database()
    try:
        result = pull(db)
        print(result.message or "Received the server's bundle for this laptop:")
        if not result.already_received:
            _print_summary(result.summary.to_json())
        if args.audio:
            pack = pull_audio_pack(db)
    except (PartnerError, SyncNetworkError, BundleRefused) as exc:
        return _refused(exc)
    if args.audio:
        from commands.audio import cmd_unpack_audio

        code = cmd_unpack_audio(argparse.Namespace(file=pack))
        pack.unlink(missing_ok=True)
        return code
    return 0


def cmd_sync_history(args: argparse.Namespace) -> int:
    from progress.days import stored_utc
    from progress.sync.exchange import history

    rows = history(current_database(), args.limit)
    if not rows:
        print("No exchange yet.")
    for row in rows:
        print(f"{stored_utc(row.at):%Y-%m-%d %H:%M} UTC  {row.direction:<6}  {row.outcome:<7}  "
              f"{row.partner_name or '-'}  {row.file_bytes / 1e6:.2f} MB  {row.message}")
    return 0


def add_sync_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    identity = sub.add_parser("sync-identity", help="show (or rename) this installation's sync id and name")
    identity.add_argument("--name", default=None, help="e.g. 'Laptop thôn Bờ He'")
    identity.set_defaults(func=cmd_sync_identity)
    register = sub.add_parser("sync-register-laptop", help="(commune server) register a village laptop and write "
                              "its registration file (holds the shared key: carry it once, then delete it)")
    register.add_argument("uid", help="the laptop's id (sync-identity on the laptop prints it)")
    register.add_argument("--name", required=True, help="e.g. 'Laptop thôn Bờ He'")
    register.add_argument("--commune", required=True)
    register.add_argument("--province", default=None, help="only if two provinces have a commune of that name")
    register.add_argument("--group", action="append", default=[],
                          help="a group the laptop teaches (repeat for more): sent to it by sync-pull / sync-export")
    register.add_argument("--url", default=None, help="this server's address as the laptop reaches it, e.g. "
                          "https://xa.example.vn (leave out: files only)")
    register.add_argument("--out", type=Path, required=True, help="where to write the registration file")
    register.set_defaults(func=cmd_sync_register_laptop)
    sub.add_parser("sync-laptops", help="(commune server) list the registered laptops") \
        .set_defaults(func=cmd_sync_laptops)
    revoke = sub.add_parser("sync-revoke", help="(commune server) refuse a laptop's bundles from now on")
    revoke.add_argument("uid")
    revoke.set_defaults(func=cmd_sync_revoke)
    join = sub.add_parser("sync-join", help="(laptop) register with the commune server from its registration file")
    join.add_argument("file", type=Path)
    join.set_defaults(func=cmd_sync_join)
    export = sub.add_parser("sync-export", help="write a sync bundle (.bdhvs): on a laptop for its commune server, "
                            "on the server --for-laptop")
    export.add_argument("--everything", action="store_true",
                        help="everything, not only what changed since the server last confirmed it")
    export.add_argument("--for-laptop", default=None, help="(commune server) the laptop's id")
    export.add_argument("--out", type=Path, required=True, help="a .bdhvs file, or a folder to write it into")
    export.set_defaults(func=cmd_sync_export)
    imp = sub.add_parser("sync-import", help="apply a sync bundle (or a registration file); refused bundles "
                         "change nothing")
    imp.add_argument("file", type=Path)
    imp.set_defaults(func=cmd_sync_import)
    push = sub.add_parser("sync-push", help="(laptop) send this laptop's bundle to the commune server over the network")
    push.add_argument("--everything", action="store_true")
    push.set_defaults(func=cmd_sync_push)
    pull = sub.add_parser("sync-pull", help="(laptop) fetch and apply the commune server's bundle for this laptop")
    pull.add_argument("--audio", action="store_true", help="also fetch and unpack the server's audio pack")
    pull.set_defaults(func=cmd_sync_pull)
    hist = sub.add_parser("sync-history", help="the latest exports, imports, pushes and pulls")
    hist.add_argument("--limit", type=int, default=50)
    hist.set_defaults(func=cmd_sync_history)
