"""Trainer accounts from the laptop's command line."""

from __future__ import annotations

import argparse
import sys

from commands.areas import area_from
from commands.database import current_database


def _new_password() -> str:
    """Asked twice without showing it; a script may pipe it in on one line instead."""
    import getpass

    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("New password: ")
    if getpass.getpass("Same password again: ") != first:
        raise SystemExit("The two passwords differ; nothing was changed.")
    return first


def cmd_add_trainer(args: argparse.Namespace) -> int:
    from progress.account_error import AccountError
    from progress.trainer_admin import add_trainer

    db = current_database()
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
    from progress.account_error import AccountError
    from progress.trainers import reset_trainer_password

    db = current_database()
    try:
        reset_trainer_password(db, args.username, _new_password())
    except AccountError as exc:
        print(f"Not changed: {exc}", file=sys.stderr)
        return 1
    print(f"New password set for {args.username}.")
    return 0


def cmd_unlock_trainer(args: argparse.Namespace) -> int:
    """Lift the lock that too many wrong passwords put on a staff account."""
    from progress.account_error import AccountError
    from progress.password_guard import unlock_trainer

    db = current_database()
    try:
        name = unlock_trainer(db, args.username)
    except AccountError as exc:
        print(f"Not unlocked: {exc}", file=sys.stderr)
        return 1
    print(f"{args.username} ({name}) can sign in again.")
    return 0


def cmd_unlock_address(args: argparse.Namespace) -> int:
    """Let a client address held back by wrong staff passwords try again at once."""
    from progress.address_guard import clear_address

    if not clear_address(current_database(), args.address):
        print(f"{args.address} was not held back.")
        return 0
    print(f"{args.address} can try passwords again.")
    return 0


def cmd_add_account(args: argparse.Namespace) -> int:
    """A staff account with a role: a team lead, a commune or province officer, an admin."""
    from progress.account_error import AccountError
    from progress.areas import find_group
    from progress.scope import ROLE_NAMES
    from progress.trainers import create_trainer

    db = current_database()
    try:
        area = area_from(db, args)
        group_ids = [find_group(db, name).id for name in args.group]
        account = create_trainer(db, args.username, args.name or args.username, _new_password(), group_ids,
                                 args.role, area)
    except AccountError as exc:
        print(f"Not added: {exc}", file=sys.stderr)
        return 1
    where = args.team or args.commune or args.province
    print(f"Account {account.username} added: {args.role} ({ROLE_NAMES[args.role]})"
          + (f" of {where}" if where and args.role not in ("trainer", "admin") else "") + ".")
    return 0


def cmd_set_role(args: argparse.Namespace) -> int:
    from progress.account_error import AccountError
    from progress.staff_roles import set_role

    db = current_database()
    try:
        info = set_role(db, args.username, args.role, area_from(db, args))
    except AccountError as exc:
        print(f"Not changed: {exc}", file=sys.stderr)
        return 1
    print(f"{info.username} is now {info.role}" + (f" of {info.area_name}" if info.area_name else "") + ".")
    return 0
