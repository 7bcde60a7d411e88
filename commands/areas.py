"""The area tree from the command line: provinces, communes, teams, and which team a
group belongs to (the admin page does the same in the app)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from commands.database import current_database

if TYPE_CHECKING:
    from progress.database import Database
    from progress.staff_roles import StaffArea


def _done(action: Callable[[], object], message: str, refused: str) -> int:
    from progress.account_error import AccountError

    try:
        result = action()
    except AccountError as exc:
        print(f"{refused}: {exc}", file=sys.stderr)
        return 1
    print(message.format(result=result))
    return 0


def cmd_add_province(args: argparse.Namespace) -> int:
    from progress.areas import create_province

    db = current_database()
    return _done(lambda: create_province(db, args.name), "Province {result.name} added.", "Not added")


def cmd_add_commune(args: argparse.Namespace) -> int:
    from progress.areas import create_commune, find_province

    db = current_database()
    return _done(lambda: create_commune(db, find_province(db, args.province).id, args.name),
                 f"Commune {{result.name}} added to {args.province}.", "Not added")


def cmd_add_team(args: argparse.Namespace) -> int:
    from progress.areas import create_team, find_commune

    db = current_database()
    return _done(lambda: create_team(db, find_commune(db, args.commune, args.province).id, args.name),
                 f"Team {{result.name}} added to {args.commune}.", "Not added")


def cmd_place_group(args: argparse.Namespace) -> int:
    from progress.areas import find_group, find_team, place_group

    db = current_database()

    def place() -> object:
        team_id = find_team(db, args.team, args.commune).id if args.team else None
        return place_group(db, find_group(db, args.group).id, team_id)

    return _done(place, "Group {result.group_name} is now in: {result.place}." if args.team
                 else "Group {result.group_name} is now in no team.", "Not placed")


def add_area_arguments(parser: argparse.ArgumentParser) -> None:
    """--team / --commune / --province: the area a role needs (team lead, commune or
    province officer); the wider one only tells apart two areas of the same name."""
    parser.add_argument("--team", default="", help="the team of a team lead")
    parser.add_argument("--commune", default="",
                        help="the commune of a commune officer (or of --team, if two teams share its name)")
    parser.add_argument("--province", default="",
                        help="the province of a province officer (or of --commune, if two share its name)")


def area_from(db: Database, args: argparse.Namespace) -> StaffArea:
    """The StaffArea the arguments name, for the role asked for."""
    from progress.areas import find_commune, find_province, find_team
    from progress.staff_roles import StaffArea

    if args.role == "team_lead" and args.team:
        return StaffArea(team_id=find_team(db, args.team, args.commune or None).id)
    if args.role == "commune_officer" and args.commune:
        return StaffArea(commune_id=find_commune(db, args.commune, args.province or None).id)
    if args.role == "province_officer" and args.province:
        return StaffArea(province_id=find_province(db, args.province).id)
    return StaffArea()
