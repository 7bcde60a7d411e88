"""Developer and deployment commands. Run `python3 dev.py manage --help` (sets up .venv first)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from commands.accounts import (
    cmd_add_account,
    cmd_add_trainer,
    cmd_set_password,
    cmd_set_role,
    cmd_unlock_address,
    cmd_unlock_trainer,
)
from commands.areas import add_area_arguments, cmd_add_commune, cmd_add_province, cmd_add_team, cmd_place_group
from commands.audio import cmd_audio_coverage, cmd_pack_audio, cmd_render_audio, cmd_unpack_audio
from commands.content import cmd_quiz_report, cmd_validate_content
from commands.database import cmd_backup, cmd_migrate, cmd_restore, cmd_seed_demo
from commands.serve import cmd_serve
from commands.serve_plan import cmd_nginx_site, cmd_serve_plan
from commands.sync import add_sync_commands
from settings import SettingsError

ROLES = ("trainer", "team_lead", "commune_officer", "province_officer", "admin")  # progress/scope.py ROLES


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="manage.py", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="create or update the database schema (alembic upgrade head)") \
        .set_defaults(func=cmd_migrate)
    sub.add_parser("seed-demo", help="add the demo group, learners and trainer (once)").set_defaults(func=cmd_seed_demo)
    sub.add_parser("validate-content", help="check every lesson and quiz file; exit 1 on problems") \
        .set_defaults(func=cmd_validate_content)
    report = sub.add_parser("quiz-report", help="can the quizzes be passed without knowing anything? figures "
                            "per target; exit 1 when one is missed")
    report.add_argument("--module", help="one module's lessons only (e.g. vneid)")
    report.set_defaults(func=cmd_quiz_report)
    render = sub.add_parser("render-audio", help="pre-render narration for every text in the catalogue")
    render.add_argument("--engine", choices=["gtts", "espeak"], default="gtts",
                        help="gtts needs internet; espeak is offline")
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

    unlock = sub.add_parser("unlock-trainer", help="let a staff account locked by wrong passwords sign in again")
    unlock.add_argument("username")
    unlock.set_defaults(func=cmd_unlock_trainer)
    unlock_address = sub.add_parser(
        "unlock-address", help="let an address held back by wrong staff passwords try again at once")
    unlock_address.add_argument("address")
    unlock_address.set_defaults(func=cmd_unlock_address)
    add_areas(sub)
    add_account = sub.add_parser("add-account", help="add a staff account with a role and its area (asks for its "
                                 "password)")
    add_account.add_argument("username", help="lower-case letters, digits, . _ -; 3-64 characters")
    add_account.add_argument("--role", choices=ROLES, required=True,
                             help="team_lead needs --team, commune_officer --commune, province_officer --province")
    add_account.add_argument("--name", default="", help="the name shown in the app")
    add_account.add_argument("--group", action="append", default=[],
                             help="an existing group this account looks after (repeat for more)")
    add_area_arguments(add_account)
    add_account.set_defaults(func=cmd_add_account)
    set_role = sub.add_parser("set-role", help="give an account another role (and the area it needs)")
    set_role.add_argument("username")
    set_role.add_argument("--role", choices=ROLES, required=True)
    add_area_arguments(set_role)
    set_role.set_defaults(func=cmd_set_role)
    backup_parser = sub.add_parser("backup", help="copy the SQLite database (safe while the app runs)")
    backup_parser.add_argument("file", type=Path, nargs="?", default=None,
                               help="where to write it (default: data/backups/<name>-<date>-<time>.db)")
    backup_parser.set_defaults(func=cmd_backup)
    restore_parser = sub.add_parser(
        "restore", help="put a backup back (stop the app first; the current database is kept aside)")
    restore_parser.add_argument("file", type=Path)
    restore_parser.set_defaults(func=cmd_restore)
    serve = sub.add_parser("serve", help="run the web app (uvicorn + gzip)")
    serve.add_argument("--host", default=None)
    serve.add_argument("--port", type=int, default=None)
    serve.add_argument("--public-host", default=None,
                       help="behind nginx: the address phones use (this process listens on --host, e.g. 127.0.0.1)")
    serve.add_argument("--log-requests", action="store_true",
                       help="print a line per request and per websocket session (which process served whom)")
    serve.set_defaults(func=cmd_serve)
    plan = sub.add_parser("serve-plan", help="(used by dev.py run) decide one process or one per core behind "
                          "nginx; print the plan as JSON")
    plan.add_argument("--host", default=None)
    plan.add_argument("--port", type=int, default=None)
    plan.add_argument("--processes", type=processes_argument, default=None,
                      help="auto (one per core when nginx is installed) or a number; default server.processes")
    plan.set_defaults(func=cmd_serve_plan)
    site = sub.add_parser("nginx-site", help="print an nginx site for app processes on 127.0.0.1 (deploy/)")
    site.add_argument("--listen", default="80", help="nginx's listen address, e.g. 80 or 10.0.0.5:80")
    site.add_argument("--ports", type=int, nargs="+", required=True, help="the app processes' ports")
    site.add_argument("--static-root", default=None, help="the app's static/ folder (default: this checkout's)")
    site.add_argument("--streamlit-static", default=None,
                      help="Streamlit's static/static folder, whose js/ and css/ nginx serves (default: the "
                      "installed Streamlit's, which the app processes run)")
    site.add_argument("--https-in-front", action="store_true",
                      help="a load balancer in front ends https: tell the app phones use https (Secure cookies)")
    site.add_argument("--balancer", action="append", default=[],
                      help="address of a load balancer in front (repeat for more): the phone's address is read "
                      "from its X-Forwarded-For")
    site.set_defaults(func=cmd_nginx_site)
    add_sync_commands(sub)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except SettingsError as exc:
        print(f"Settings error: {exc}", file=sys.stderr)
        return 2


def processes_argument(value: str) -> int | str:
    if value == "auto":
        return value
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError("auto or a number, e.g. 2") from None
    if not 1 <= number <= 64:
        raise argparse.ArgumentTypeError("a number from 1 to 64")
    return number


def add_areas(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    province = sub.add_parser("add-province", help="add a province (the top of the area tree)")
    province.add_argument("name")
    province.set_defaults(func=cmd_add_province)
    commune = sub.add_parser("add-commune", help="add a commune or ward to a province")
    commune.add_argument("name")
    commune.add_argument("--province", required=True)
    commune.set_defaults(func=cmd_add_commune)
    team = sub.add_parser("add-team", help="add a community digital-technology team to a commune")
    team.add_argument("name")
    team.add_argument("--commune", required=True)
    team.add_argument("--province", default=None, help="only if two provinces have a commune of that name")
    team.set_defaults(func=cmd_add_team)
    place = sub.add_parser("place-group", help="put a learner group in a team, or move it to another")
    place.add_argument("group")
    place.add_argument("--team", default="", help="the team (leave out to take the group out of any team)")
    place.add_argument("--commune", default=None, help="only if two communes have a team of that name")
    place.set_defaults(func=cmd_place_group)


if __name__ == "__main__":
    sys.exit(main())
